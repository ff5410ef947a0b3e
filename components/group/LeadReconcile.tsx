import { useState } from 'preact/hooks';
import type { ObserveStore } from '../observe/observe-store';
import { usePlatform } from '../platform';
import { fileBytes } from '../ui/files';
import { Outcome } from '../ui/fields';
import { useAction } from '../ui/use-action';
import { importMemberFiles, invitationOf, type ImportOutcome } from './group-actions';
import { ReconcileTable } from './ReconcileTable';

const MAX_SHEET = 30 * 1024 * 1024;

/**
 * The lead's side: send the members an invitation, import their signed 独立评分表 (each verified,
 * a refusal with its reason), then reconcile item by item before finalising as usual.
 */
export function LeadReconcile({ store }: { store: ObserveStore }) {
  const platform = usePlatform();
  const r = store.current.value!;
  const locked = r.status === 'final';
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const act = useAction();
  const invite = () =>
    act.run(async () => {
      await store.flush();
      const { name, json } = invitationOf(store.current.value!);
      await platform.saveFile(name, new Blob([json], { type: 'application/json' }));
      return `已下载邀请文件 ${name}，请发给组员`;
    });
  const importFiles = (list: FileList | null | undefined) =>
    act.run(async () => {
      const files = [...(list ?? [])];
      if (!files.length) return '';
      const read = [];
      const tooBig: ImportOutcome[] = [];
      for (const f of files) {
        if (f.size > MAX_SHEET) tooBig.push({ fileName: f.name, ok: false, reason: `文件有 ${(f.size / 1048576).toFixed(1)} MB，不是独立评分表` });
        else read.push({ name: f.name, bytes: await fileBytes(f) });
      }
      await store.flush();
      const { record, outcomes: got } = await importMemberFiles(store.db, store.current.value!, read);
      setOutcomes([...tooBig, ...got]);
      if (record !== store.current.value) store.edit((d) => Object.assign(d, { scores: record.scores, group: record.group }));
      const ok = got.filter((o) => o.ok).length;
      return `接收 ${ok} 份，拒收 ${files.length - ok} 份`;
    });
  const members = r.group?.independent?.length ?? 0;
  return (
    <section class="card" aria-labelledby="h-lead-reconcile">
      <h2 id="h-lead-reconcile">组员独立评分汇总</h2>
      {!locked && (
        <>
          <p class="hint">组长：把邀请文件发给组员，各自独立评分；收到组员的《组员独立评分表》（PDF）后在这里导入，逐项对照，确定组定分后定稿。</p>
          <div class="row wrap">
            <button type="button" disabled={act.busy} onClick={() => void invite()}>
              下载组员邀请文件
            </button>
          </div>
          <div class="field">
            <label for="member-sheets">导入组员的独立评分表（PDF，可多选）</label>
            <input
              id="member-sheets"
              type="file"
              multiple
              accept=".pdf,application/pdf"
              disabled={act.busy}
              onChange={(e) => void importFiles(e.currentTarget.files)}
            />
          </div>
        </>
      )}
      <Outcome message={act.message} error={act.error} />
      {outcomes.length > 0 && (
        <ul class="import-results" aria-label="导入结果">
          {outcomes.map((o, i) => (
            <li key={i} class={o.ok ? 'ok' : 'error'}>
              {o.ok ? `✓ ${o.fileName}：接收，组员「${o.member}」（签名人 ${o.signer}）` : `✗ ${o.fileName}：拒收，${o.reason}`}
            </li>
          ))}
        </ul>
      )}
      {members > 1 && <ReconcileTable store={store} />}
    </section>
  );
}
