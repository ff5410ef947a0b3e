import { useState } from 'preact/hooks';
import {
  authorityBackup,
  authorityInfo,
  createAuthority,
  issueFromRequest,
  listIssued,
  previewRequest,
  restoreAuthority,
  type AuthorityInfo,
  type IssuedCertificate,
  type RequestPreview,
} from '../../utils/db';
import { useDb } from '../db-context';
import { useLive } from '../ui/live';
import { usePlatform } from '../platform';
import { errorMessage } from '../ui/errors';
import { bytesBlob, fileBytes } from '../ui/files';
import { useAction } from '../ui/use-action';
import { CertificateFacts } from './CertificateFacts';
import { Outcome } from '../ui/fields';
import { DataTable } from '../ui/DataTable';

const PEM_TYPE = 'application/x-pem-file';
const P12_TYPE = 'application/x-pkcs12';
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

/**
 * The supervisor's certification authority: create it (its PKCS#12 backup, protected by a
 * passphrase, is downloaded at once), restore it from that backup, export its certificate for
 * trust lists, and issue observers' certificates from their requests.
 */
export function AuthorityManager() {
  const platform = usePlatform();
  const db = useDb();
  const ca: AuthorityInfo | null | undefined = useLive(() => authorityInfo(db), [db]);
  const issued = useLive(() => listIssued(db), [db]) ?? [];
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const [pass1, setPass1] = useState('');
  const [pass2, setPass2] = useState('');
  const [backupFile, setBackupFile] = useState<File | null>(null);
  const [restorePass, setRestorePass] = useState('');
  const [csrText, setCsrText] = useState('');
  const [days, setDays] = useState('730');
  const [last, setLast] = useState<IssuedCertificate | null>(null);
  // A request read and checked, waiting for the supervisor's 签发: nothing is issued on choosing a file.
  const [pending, setPending] = useState<{ csr: string | Uint8Array; preview: RequestPreview } | null>(null);

  const { busy, message, error, run, setMessage, setError } = useAction();

  const create = () =>
    run(async () => {
      if (pass1 !== pass2) throw new Error('两次输入的备份口令不一致');
      const made = await createAuthority(db, { name, org, passphrase: pass1 });
      setPass1('');
      setPass2('');
      await platform.saveFile(`CA备份-${safeName(made.info.subject.cn)}.p12`, bytesBlob(made.backup, P12_TYPE));
      return `已建立 CA「${made.info.subject.cn}」。备份文件（.p12）已下载：请与口令分开妥善保管，丢失后无法再签发或续签证书。`;
    });
  const restore = () =>
    run(async () => {
      if (!backupFile) throw new Error('请先选择 CA 备份文件（.p12）');
      const info = await restoreAuthority(db, await fileBytes(backupFile), restorePass);
      setRestorePass('');
      return `已从备份恢复 CA「${info.info.subject.cn}」`;
    });
  const validityDays = () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 3650) throw new Error('有效期须为 1 至 3650 天');
    return n;
  };
  const review = async (csr: string | Uint8Array) => {
    setPending(null);
    setMessage('');
    setError('');
    try {
      setPending({ csr, preview: await previewRequest(db, csr, { validityDays: validityDays() }) });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const issue = (csr: string | Uint8Array) =>
    run(async () => {
      const out = await issueFromRequest(db, csr, { validityDays: validityDays() });
      setLast(out);
      setPending(null);
      setCsrText('');
      return `已为 ${out.info.subject.cn}（${out.info.subject.o || '未填单位'}）签发证书，有效期至 ${out.info.notAfter.slice(0, 10)}`;
    });

  return (
    <section class="card" aria-labelledby="h-ca">
      <h2 id="h-ca">证书颁发（CA）</h2>
      {ca === undefined && <p role="status">正在读取…</p>}
      {ca === null && (
        <>
          <p class="hint">建立本单位的 CA 后，为各巡听人员的证书请求签发证书；收到的报告据此核验签名人。CA 私钥只在本机，并以口令保护的备份文件导出。</p>
          <div class="grid2">
            <div class="field">
              <label for="ca-name">CA 名称</label>
              <input id="ca-name" value={name} maxLength={64} placeholder="如：锡林郭勒盟直属机关工委巡听办" onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="ca-org">所属单位</label>
              <input id="ca-org" value={org} maxLength={128} onInput={(e) => setOrg(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="ca-pass1">备份口令（至少 8 个字符）</label>
              <input id="ca-pass1" type="password" autoComplete="new-password" value={pass1} onInput={(e) => setPass1(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="ca-pass2">再次输入备份口令</label>
              <input id="ca-pass2" type="password" autoComplete="new-password" value={pass2} onInput={(e) => setPass2(e.currentTarget.value)} />
            </div>
          </div>
          <button type="button" class="primary" disabled={busy} onClick={() => void create()}>
            {busy ? '正在建立…' : '建立 CA 并下载备份'}
          </button>
          <details class="sub">
            <summary>或：从 CA 备份文件恢复</summary>
            <div class="field">
              <label for="ca-backup">CA 备份文件（.p12）</label>
              <input id="ca-backup" type="file" accept=".p12,.pfx" onChange={(e) => setBackupFile(e.currentTarget.files?.[0] ?? null)} />
            </div>
            <div class="field">
              <label for="ca-restore-pass">备份口令</label>
              <input id="ca-restore-pass" type="password" autoComplete="off" value={restorePass} onInput={(e) => setRestorePass(e.currentTarget.value)} />
            </div>
            <button type="button" disabled={busy} onClick={() => void restore()}>
              恢复 CA
            </button>
          </details>
        </>
      )}
      {ca && (
        <>
          <CertificateFacts info={ca.info} label="CA 证书" />
          <div class="row">
            <button type="button" onClick={() => void platform.saveFile(`CA证书-${safeName(ca.info.subject.cn)}.pem`, new Blob([ca.pem], { type: PEM_TYPE }))}>
              下载 CA 证书（PEM）
            </button>
            <button
              type="button"
              onClick={async () => {
                const b = await authorityBackup(db);
                if (b) await platform.saveFile(`CA备份-${safeName(ca.info.subject.cn)}.p12`, bytesBlob(b, P12_TYPE));
              }}
            >
              下载 CA 备份（.p12，口令保护）
            </button>
          </div>
          <h3>签发证书</h3>
          <div class="field">
            <label for="ca-csr">巡听人员的证书请求（CSR，PEM）</label>
            <textarea id="ca-csr" rows={6} class="mono" value={csrText} onInput={(e) => setCsrText(e.currentTarget.value)} />
          </div>
          <div class="row">
            <label for="ca-days">有效期（天）</label>
            <input id="ca-days" type="number" min={1} max={3650} value={days} style={{ maxWidth: '8em' }} onInput={(e) => setDays(e.currentTarget.value)} />
            <button type="button" disabled={busy || !csrText.trim()} onClick={() => void review(csrText)}>
              核对证书请求
            </button>
          </div>
          <div class="field">
            <label for="ca-csr-file">或选择证书请求文件（.csr）</label>
            <input
              id="ca-csr-file"
              type="file"
              accept=".csr,.pem,.req"
              onChange={async (e) => {
                const f = e.currentTarget.files?.[0];
                if (f) await review(await fileBytes(f));
              }}
            />
          </div>
          {pending && (
            <div class="issued" role="group" aria-label="待签发的证书">
              <p>将签发以下证书，请与巡听人员核对（特别是密钥指纹）：</p>
              <dl class="facts">
                <dt>姓名</dt>
                <dd>{pending.preview.cn}</dd>
                <dt>单位</dt>
                <dd>{pending.preview.o || '（未填）'}</dd>
                <dt>密钥指纹（SHA-256）</dt>
                <dd>
                  <code class="wrap">{pending.preview.keyFingerprint}</code>
                </dd>
                <dt>有效期</dt>
                <dd>
                  {pending.preview.notBefore.slice(0, 10)} 至 {pending.preview.notAfter.slice(0, 10)}
                </dd>
              </dl>
              <div class="row">
                <button type="button" class="primary" disabled={busy} onClick={() => void issue(pending.csr)}>
                  签发
                </button>
                <button type="button" class="link" disabled={busy} onClick={() => setPending(null)}>
                  取消
                </button>
              </div>
            </div>
          )}
          {last && (
            <div class="issued">
              <div class="field">
                <label for="ca-issued">签发的证书（连同 CA 证书，交给 {last.info.subject.cn} 导入）</label>
                <textarea id="ca-issued" rows={6} class="mono" readOnly value={last.pemBundle} />
              </div>
              <button
                type="button"
                onClick={() => void platform.saveFile(`证书-${safeName(last.info.subject.cn)}.pem`, new Blob([last.pemBundle], { type: PEM_TYPE }))}
              >
                下载证书
              </button>
            </div>
          )}
          {issued.length > 0 && (
            <>
              <h3>已签发的证书（{issued.length}）</h3>
              <DataTable columns={['姓名', '单位', '有效期至', '签发时间', '序列号']}>
                {issued.map((r) => (
                  <tr key={r.serial}>
                    <td>{r.cn}</td>
                    <td>{r.o}</td>
                    <td>{r.notAfter.slice(0, 10)}</td>
                    <td>{r.issuedAt.slice(0, 16).replace('T', ' ')}</td>
                    <td>
                      <code class="wrap">{r.serial}</code>
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </>
      )}
      <Outcome message={message} error={error} />
    </section>
  );
}
