import { useState } from 'preact/hooks';
import { trustStoreOf } from '../../utils/db';
import type { Verdict } from '../../utils/sign';
import { usePlatform } from '../platform';
import type { ObserveStore } from '../observe/observe-store';
import { VerdictView } from '../sign/VerdictView';
import { errorMessage } from '../ui/errors';
import { bytesBlob, fileBytes } from '../ui/files';
import { signWithIdentity } from './report-actions';
import { Outcome } from '../ui/fields';

const MAX_PDF = 50 * 1024 * 1024;

/**
 * 会签: a co-observer opens the report another observer of the group signed, sees it verified
 * and the record it carries, and adds their own signature in a further incremental update.
 */
export function CountersignPanel({ store }: { store: ObserveStore }) {
  const platform = usePlatform();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array; verdict: Verdict } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');

  const open = async (f: File | undefined) => {
    setFile(null);
    setError('');
    setMessage('');
    if (!f) return;
    setBusy(true);
    try {
      if (f.size > MAX_PDF) throw new Error(`文件 ${f.name} 有 ${(f.size / 1048576).toFixed(1)} MB，超过 50 MB，不是巡听报告`);
      const bytes = await fileBytes(f);
      const { verifyPdf } = await import('../../utils/sign');
      const verdict = await verifyPdf(bytes, { trust: await trustStoreOf(store.db, { includeOwnChain: true }) });
      setFile({ name: f.name, bytes, verdict });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const id = store.identity.value;
  const mine = id.kind === 'active' ? id.info.fingerprint : null;
  const alreadySigned = !!file && file.verdict.signatures.some((s) => s.signer?.fingerprint === mine);
  const countersign = async () => {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      const signed = await signWithIdentity(platform, store.db, file.bytes);
      const name = file.name.replace(/(-已会签)?\.pdf$/i, '') + '-已会签.pdf';
      await platform.saveFile(name, bytesBlob(signed, 'application/pdf'));
      const r = file.verdict.record;
      if (r) await store.storeReport(r, name, bytesBlob(signed, 'application/pdf'), true);
      setMessage(`已会签并保存 ${name}`);
      setFile(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="h-countersign">
      <h2 id="h-countersign">会签报告</h2>
      <p class="hint">同组巡听人员签名后的报告，在这里核验并加上您的签名。</p>
      <div class="field">
        <label for="countersign-file">选择要会签的报告（PDF）</label>
        <input id="countersign-file" type="file" accept=".pdf,application/pdf" disabled={busy} onChange={(e) => void open(e.currentTarget.files?.[0])} />
      </div>
      {busy && <p role="status">正在处理…</p>}
      {file && <VerdictView fileName={file.name} verdict={file.verdict} />}
      {file?.verdict.ok && (
        <div class="row wrap">
          {alreadySigned ? (
            <p class="hint">您已经签过这份报告。</p>
          ) : store.canSign.value ? (
            <button type="button" class="primary" disabled={busy} onClick={() => void countersign()}>
              会签并保存
            </button>
          ) : (
            <p class="hint warn">
              还没有可用的签名身份，不能会签。
              {platform.openPage && (
                <button type="button" class="link" onClick={() => platform.openPage!('options')}>
                  去设置签名身份
                </button>
              )}
            </p>
          )}
        </div>
      )}
      <Outcome message={message} error={error} />
    </section>
  );
}
