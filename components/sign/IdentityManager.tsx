import { useEffect, useState } from 'preact/hooks';
import {
  createBrowserIdentity,
  getSetting,
  identityState,
  importIdentityCertificate,
  importPkcs12Identity,
  OBSERVER_NAMES_KEY,
  removeIdentity,
  SELF_IDENTITY,
} from '../../utils/db';
import { useDb } from '../db-context';
import { useLive } from '../ui/live';
import { usePlatform } from '../platform';
import { fileBytes } from '../ui/files';
import { CA_HOLDER } from '../ui/strings';
import { useAction } from '../ui/use-action';
import { CertificateFacts } from './CertificateFacts';
import { Outcome } from '../ui/fields';

const PEM_TYPE = 'application/x-pem-file';

/**
 * The observer's signing identity: a key made in this browser (it cannot be exported) and a
 * certificate request for the supervisor; then the certificate they issue. Or the
 * organisation's PKCS#12 with its passphrase.
 */
export function IdentityManager() {
  const platform = usePlatform();
  const db = useDb();
  const state = useLive(() => identityState(db), [db]) ?? null;
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const [certText, setCertText] = useState('');
  const [p12, setP12] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirmReplace, setConfirmReplace] = useState(false);

  useEffect(() => {
    void getSetting<string[]>(db, OBSERVER_NAMES_KEY).then((names) => names?.[0] && setName((n) => n || names[0]));
  }, []);

  const { busy, message, error, run, setMessage, setError } = useAction(async () => {
    setConfirmReplace(false);
    // The host page hears of it; other views of the identity follow the database by themselves.
    platform.emit('xunting-identity-changed', { kind: (await identityState(db)).kind });
  });

  const generate = () =>
    run(async () => {
      await createBrowserIdentity(db, { name, org });
      return `已生成签名密钥和证书请求。请把证书请求交给${CA_HOLDER}签发证书，再在下面导入。`;
    });
  const importCert = (input: string | Uint8Array) =>
    run(async () => {
      const info = await importIdentityCertificate(db, input);
      setCertText('');
      return `已导入证书：${info.subject.cn}，由 ${info.issuer.cn} 签发，有效期至 ${info.notAfter.slice(0, 10)}。现在可以给报告签名了。`;
    });
  const importP12 = () =>
    run(async () => {
      if (!p12) throw new Error('请先选择 .p12 / .pfx 文件');
      const info = await importPkcs12Identity(db, await fileBytes(p12), passphrase);
      setPassphrase('');
      return `已导入签名身份：${info.subject.cn}（${info.subject.o || '未填单位'}）`;
    });
  const downloadCert = async () => {
    const row = await db.identities.get(SELF_IDENTITY);
    if (!row?.certificate) return;
    const { certificateToPem, parseCertificate } = await import('../../utils/sign'); // pkijs loads on first use
    const pem = [row.certificate, ...row.chain].map((d) => certificateToPem(parseCertificate(d))).join('');
    await platform.saveFile(`签名证书-${row.name}.pem`, new Blob([pem], { type: PEM_TYPE }));
  };

  const p12Form = (
    <details class="sub">
      <summary>或：导入{CA_HOLDER} CA 颁发的 PKCS#12 文件（.p12 / .pfx）</summary>
      <div class="field">
        <label for="id-p12">PKCS#12 文件</label>
        <input id="id-p12" type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setP12(e.currentTarget.files?.[0] ?? null)} />
      </div>
      <div class="field">
        <label for="id-p12-pass">文件口令</label>
        <input id="id-p12-pass" type="password" autoComplete="off" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
      </div>
      <button type="button" disabled={busy} onClick={() => void importP12()}>
        导入 PKCS#12
      </button>
    </details>
  );

  return (
    <section class="card" aria-labelledby="h-identity">
      <h2 id="h-identity">签名身份</h2>
      {state === null && <p role="status">正在读取…</p>}
      {state?.kind === 'none' && (
        <>
          <p class="hint">签名密钥在本浏览器中生成，私钥不能导出，不会离开本机。生成后把证书请求交给{CA_HOLDER}签发证书。</p>
          <div class="grid2">
            <div class="field">
              <label for="id-name">姓名</label>
              <input id="id-name" value={name} maxLength={64} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="id-org">单位</label>
              <input id="id-org" value={org} maxLength={128} onInput={(e) => setOrg(e.currentTarget.value)} />
            </div>
          </div>
          <button type="button" class="primary" disabled={busy} onClick={() => void generate()}>
            {busy ? '正在生成…' : '生成签名密钥和证书请求'}
          </button>
          {p12Form}
        </>
      )}
      {state?.kind === 'pending' && (
        <>
          <p>
            已为 <strong>{state.name}</strong>（{state.org || '未填单位'}）生成签名密钥和证书请求（{state.createdAt.slice(0, 10)}）。请把证书请求交给{CA_HOLDER}
            签发证书。
          </p>
          <div class="field">
            <label for="id-csr">证书请求（CSR）</label>
            <textarea id="id-csr" rows={6} readOnly value={state.csrPem} class="mono" />
          </div>
          <div class="row">
            <button type="button" onClick={() => void platform.saveFile(`证书请求-${state.name}.csr`, new Blob([state.csrPem], { type: PEM_TYPE }))}>
              下载证书请求
            </button>
            <button
              type="button"
              onClick={() =>
                void navigator.clipboard?.writeText(state.csrPem).then(
                  () => setMessage('证书请求已复制'),
                  () => setError('无法访问剪贴板，请下载证书请求'),
                )
              }
            >
              复制
            </button>
          </div>
          <h3>导入签发的证书</h3>
          <div class="field">
            <label for="id-cert-text">粘贴签发的证书（PEM）</label>
            <textarea id="id-cert-text" rows={5} class="mono" value={certText} onInput={(e) => setCertText(e.currentTarget.value)} />
          </div>
          <button type="button" class="primary" disabled={busy || !certText.trim()} onClick={() => void importCert(certText)}>
            导入证书
          </button>
          <div class="field">
            <label for="id-cert-file">或选择证书文件（.pem / .crt / .cer）</label>
            <input
              id="id-cert-file"
              type="file"
              accept=".pem,.crt,.cer,.der"
              onChange={async (e) => {
                const f = e.currentTarget.files?.[0];
                if (f) await importCert(await fileBytes(f));
              }}
            />
          </div>
          {p12Form}
        </>
      )}
      {state?.kind === 'active' && (
        <>
          <p>
            签名身份（{state.source === 'browser' ? '密钥在本浏览器中生成，不可导出' : '从 PKCS#12 导入，私钥已设为不可导出'}）：
            {state.expired && <strong class="bad">证书已过期，不能再签名；请重新生成证书请求。</strong>}
          </p>
          <CertificateFacts info={state.info} label="签名证书" />
          <div class="row">
            <button type="button" onClick={() => void downloadCert()}>
              下载证书
            </button>
          </div>
        </>
      )}
      {state && state.kind !== 'none' && (
        <div class="row">
          {!confirmReplace ? (
            <button type="button" class="link" onClick={() => setConfirmReplace(true)}>
              更换签名身份…
            </button>
          ) : (
            <>
              <span class="hint warn">现有密钥将被删除，不能恢复；已签名的报告仍然有效。</span>
              <button type="button" onClick={() => void run(async () => (await removeIdentity(db), '已删除原签名身份，可以重新生成'))}>
                确认删除并重新生成
              </button>
              <button type="button" class="link" onClick={() => setConfirmReplace(false)}>
                取消
              </button>
            </>
          )}
        </div>
      )}
      <Outcome message={message} error={error} />
    </section>
  );
}
