import type { ObserveStore } from '../observe/observe-store';
import { usePlatform } from '../platform';
import { bytesBlob } from '../ui/files';
import { Outcome } from '../ui/fields';
import { useAction } from '../ui/use-action';
import { signedMemberSheet } from './group-actions';

/** 提交独立评分: the member's record finalised and downloaded as the signed one-page 独立评分表. */
export function MemberSubmit({ store }: { store: ObserveStore }) {
  const platform = usePlatform();
  const r = store.current.value!;
  const act = useAction();
  const submit = () =>
    act.run(async () => {
      if (!store.canSign.value) throw new Error('独立评分表须数字签名：请先在设置页生成签名密钥并导入证书');
      if (r.status === 'draft' && !(await store.finalize())) throw new Error('记录尚不能定稿，请先补全上面列出的内容');
      const final = store.current.value!;
      const sheet = await signedMemberSheet(platform, store.db, final);
      await platform.saveFile(sheet.name, bytesBlob(sheet.bytes, 'application/pdf'));
      return `已生成并下载 ${sheet.name}，请把它交给组长`;
    });
  return (
    <section class="card" aria-labelledby="h-member-submit">
      <h2 id="h-member-submit">组员独立评分</h2>
      <p class="hint">
        您以组员「{r.group?.member}」的身份独立评分{r.group?.name ? `（${r.group.name}）` : ''}
        。完成后点“提交独立评分”：记录定稿，生成签名的《组员独立评分表》PDF，交给组长汇总。
      </p>
      <button type="button" class="primary" disabled={act.busy} onClick={() => void submit()}>
        {act.busy ? '正在生成…' : '提交独立评分'}
      </button>
      <Outcome message={act.message} error={act.error} />
    </section>
  );
}
