import { useEffect, useState } from 'preact/hooks';
import type { ObservationRecord } from '../../utils/record';
import { usePlatform } from '../platform';
import type { ObserveStore } from '../observe/observe-store';
import { errorMessage } from '../ui/errors';
import { bytesBlob } from '../ui/files';
import { Outcome } from '../ui/fields';
import { SignaturePad } from './SignaturePad';
import { makeReport, reportFileName } from './report-actions';

/**
 * Handwritten signatures, report preview and saving. Observers sign on the pad before
 * finalising; the preview shows the rendered pages; 保存 PDF downloads the file and keeps it
 * with the observation; once finalised, 签名并保存 PDF adds the digital signature.
 */
export function ReportPanel({ store }: { store: ObserveStore }) {
  const platform = usePlatform();
  const r = store.current.value!;
  const locked = store.locked.value;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState<{ url: string; bytes: Uint8Array; key: string; status: ObservationRecord['status']; revision: number } | null>(null);
  const key = `${r.id}:${r.revision}:${r.updatedAt}`;
  useEffect(() => () => preview && URL.revokeObjectURL(preview.url), [preview]);
  const signable = locked && store.canSign.value;
  // A preview of the draft must not pass for the finalised report: render it again on 定稿 (and on 更正).
  const previewOutdated = !!preview && (preview.status !== r.status || preview.revision !== r.revision);
  useEffect(() => {
    if (previewOutdated && !busy) void render();
  }, [r.status, r.revision]);

  const render = async () => {
    setBusy(true);
    setError('');
    setMessage('');
    try {
      await store.flush();
      const bytes = await makeReport(platform, r);
      setPreview({ url: URL.createObjectURL(bytesBlob(bytes, 'application/pdf')), bytes, key, status: r.status, revision: r.revision });
      return bytes;
    } catch (e) {
      setError(errorMessage(e));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const current = async () => (preview?.key === key ? preview.bytes : await render());
  const save = async () => {
    const bytes = await current();
    if (!bytes) return;
    const name = reportFileName(r);
    const blob = bytesBlob(bytes, 'application/pdf');
    try {
      await store.storeReport(r, name, blob);
      await platform.saveFile(name, blob);
      store.notice.value = `已保存报告 ${name}`;
      setMessage(`已保存报告 ${name}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const saveSigned = async () => {
    const bytes = await current();
    if (!bytes) return;
    setBusy(true);
    try {
      setMessage(`已签名并保存报告 ${await store.saveSignedReport(r, bytes)}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const signers = r.observers.filter((o) => o.name.trim());
  return (
    <section class="card" aria-labelledby="h-report">
      <h2 id="h-report">签名与报告</h2>
      {signers.length === 0 && <p class="hint">先在“巡听人员”中填写姓名，再在此签名。</p>}
      {signers.map((o) => (
        <div key={o.id}>
          <p class="sig-name">
            {o.name}
            {o.lead ? '（组长）' : ''} 手写签名
          </p>
          <SignaturePad
            name={o.name}
            value={o.signature?.png ?? null}
            disabled={locked}
            onSign={(png) =>
              store.edit((d) => void (d.observers.find((x) => x.id === o.id)!.signature = png ? { png, signedAt: new Date().toISOString() } : null))
            }
          />
        </div>
      ))}
      <IdentityStatus store={store} locked={locked} />
      <div class="row wrap">
        <button type="button" disabled={busy} onClick={() => void render()}>
          {busy ? '正在生成…' : '预览报告'}
        </button>
        {signable && (
          <button type="button" class="primary" disabled={busy} onClick={() => void saveSigned()}>
            签名并保存 PDF
          </button>
        )}
        <button type="button" class={signable ? '' : 'primary'} disabled={busy} onClick={() => void save()}>
          {locked ? '保存 PDF（不签名）' : '保存 PDF'}
        </button>
      </div>
      <Outcome message={message} error={error} />
      {preview && (
        <>
          <p class="hint" data-testid="preview-of">
            预览：{preview.status === 'final' ? `定稿（第 ${preview.revision} 版）` : '草稿（未定稿）'}
          </p>
          {previewOutdated ? (
            <p class="hint warn" role="status">
              {r.status === 'final' ? '记录已定稿，预览仍是草稿，正在重新生成…' : '记录已改为更正稿，预览已过时，正在重新生成…'}
            </p>
          ) : (
            preview.key !== key && <p class="hint warn">记录在预览后已有修改，请重新预览。</p>
          )}
          <iframe class={previewOutdated ? 'preview stale' : 'preview'} title="报告预览" src={preview.url} />
        </>
      )}
    </section>
  );
}

/**
 * Whether the report can be signed digitally, said before 定稿 (so the observer sets up an
 * identity in time) and after, with the way to where an identity is made.
 */
function IdentityStatus({ store, locked }: { store: ObserveStore; locked: boolean }) {
  const platform = usePlatform();
  const id = store.identity.value;
  const where = platform.openPage ? '' : '（在“签名身份”中设置）';
  let text: string;
  if (id.kind === 'active' && !id.expired && !id.notYetValid) {
    text = `数字签名身份：${id.name}（证书有效至 ${new Date(id.info.notAfter).toLocaleDateString('zh-CN')}）${locked ? '' : '，定稿后报告将加数字签名'}。`;
    return (
      <p class="hint" data-testid="identity-status">
        {text}
      </p>
    );
  }
  if (id.kind === 'active') text = `签名证书已过期或尚未生效，${locked ? '' : '定稿后'}报告不能加数字签名${where}。`;
  else if (id.kind === 'pending') text = `签名证书还没有导入，${locked ? '' : '定稿后'}报告暂不能加数字签名${where}。`;
  else text = `还没有签名身份，${locked ? '' : '定稿后'}报告不能加数字签名${where}。`;
  return (
    <p class="hint warn" data-testid="identity-status">
      {text}
      {platform.openPage && (
        <button type="button" class="link" onClick={() => platform.openPage!('options')}>
          去设置签名身份
        </button>
      )}
    </p>
  );
}
