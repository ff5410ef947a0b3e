import { useState } from 'preact/hooks';
import { CERT_NAME_MAX } from '../../utils/sign/name-limits';
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
import { authorityZh as t } from './authority-strings';

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
      if (pass1 !== pass2) throw new Error(t.passMismatch);
      const made = await createAuthority(db, { name, org, passphrase: pass1 });
      setPass1('');
      setPass2('');
      await platform.saveFile(`CA备份-${safeName(made.info.subject.cn)}.p12`, bytesBlob(made.backup, P12_TYPE));
      return t.created(made.info.subject.cn);
    });
  const restore = () =>
    run(async () => {
      if (!backupFile) throw new Error(t.chooseBackup);
      const info = await restoreAuthority(db, await fileBytes(backupFile), restorePass);
      setRestorePass('');
      return t.restored(info.info.subject.cn);
    });
  const validityDays = () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 3650) throw new Error(t.badDays);
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
      return t.issued(out.info.subject.cn, out.info.subject.o || t.noOrg, out.info.notAfter.slice(0, 10));
    });

  return (
    <section class="card" aria-labelledby="h-ca">
      <h2 id="h-ca">{t.heading}</h2>
      {ca === undefined && <p role="status">{t.loading}</p>}
      {ca === null && (
        <>
          <p class="hint">{t.intro}</p>
          <div class="grid2">
            <div class="field">
              <label for="ca-name">{t.caName}</label>
              <input id="ca-name" value={name} maxLength={CERT_NAME_MAX} placeholder={t.caNamePlaceholder} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="ca-org">{t.caOrg}</label>
              <input id="ca-org" value={org} maxLength={CERT_NAME_MAX} onInput={(e) => setOrg(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="ca-pass1">{t.pass1}</label>
              <input id="ca-pass1" type="password" autoComplete="new-password" value={pass1} onInput={(e) => setPass1(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="ca-pass2">{t.pass2}</label>
              <input id="ca-pass2" type="password" autoComplete="new-password" value={pass2} onInput={(e) => setPass2(e.currentTarget.value)} />
            </div>
          </div>
          <button type="button" class="primary" disabled={busy} onClick={() => void create()}>
            {busy ? t.creating : t.create}
          </button>
          <details class="sub">
            <summary>{t.restoreSummary}</summary>
            <div class="field">
              <label for="ca-backup">{t.backupFile}</label>
              <input id="ca-backup" type="file" accept=".p12,.pfx" onChange={(e) => setBackupFile(e.currentTarget.files?.[0] ?? null)} />
            </div>
            <div class="field">
              <label for="ca-restore-pass">{t.backupPass}</label>
              <input id="ca-restore-pass" type="password" autoComplete="off" value={restorePass} onInput={(e) => setRestorePass(e.currentTarget.value)} />
            </div>
            <button type="button" disabled={busy} onClick={() => void restore()}>
              {t.restore}
            </button>
          </details>
        </>
      )}
      {ca && (
        <>
          <CertificateFacts info={ca.info} label={t.caCertLabel} />
          <div class="row">
            <button type="button" onClick={() => void platform.saveFile(`CA证书-${safeName(ca.info.subject.cn)}.pem`, new Blob([ca.pem], { type: PEM_TYPE }))}>
              {t.downloadCaCert}
            </button>
            <button
              type="button"
              onClick={async () => {
                const b = await authorityBackup(db);
                if (b) await platform.saveFile(`CA备份-${safeName(ca.info.subject.cn)}.p12`, bytesBlob(b, P12_TYPE));
              }}
            >
              {t.downloadBackup}
            </button>
          </div>
          <h3>{t.issueHeading}</h3>
          <div class="field">
            <label for="ca-csr">{t.csr}</label>
            <textarea id="ca-csr" rows={6} class="mono" value={csrText} onInput={(e) => setCsrText(e.currentTarget.value)} />
          </div>
          <div class="row">
            <label for="ca-days">{t.days}</label>
            <input id="ca-days" type="number" min={1} max={3650} value={days} style={{ maxWidth: '8em' }} onInput={(e) => setDays(e.currentTarget.value)} />
            <button type="button" disabled={busy || !csrText.trim()} onClick={() => void review(csrText)}>
              {t.review}
            </button>
          </div>
          <div class="field">
            <label for="ca-csr-file">{t.csrFile}</label>
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
            <div class="issued" role="group" aria-label={t.pendingLabel}>
              <p>{t.pendingIntro}</p>
              <dl class="facts">
                <dt>{t.name}</dt>
                <dd>{pending.preview.cn}</dd>
                <dt>{t.org}</dt>
                <dd>{pending.preview.o || t.orgEmpty}</dd>
                <dt>{t.keyFingerprint}</dt>
                <dd>
                  <code class="wrap">{pending.preview.keyFingerprint}</code>
                </dd>
                <dt>{t.validity}</dt>
                <dd>{t.validityRange(pending.preview.notBefore.slice(0, 10), pending.preview.notAfter.slice(0, 10))}</dd>
              </dl>
              <div class="row">
                <button type="button" class="primary" disabled={busy} onClick={() => void issue(pending.csr)}>
                  {t.issue}
                </button>
                <button type="button" class="link" disabled={busy} onClick={() => setPending(null)}>
                  {t.cancel}
                </button>
              </div>
            </div>
          )}
          {last && (
            <div class="issued">
              <div class="field">
                <label for="ca-issued">{t.issuedCert(last.info.subject.cn)}</label>
                <textarea id="ca-issued" rows={6} class="mono" readOnly value={last.pemBundle} />
              </div>
              <button
                type="button"
                onClick={() => void platform.saveFile(`证书-${safeName(last.info.subject.cn)}.pem`, new Blob([last.pemBundle], { type: PEM_TYPE }))}
              >
                {t.downloadCert}
              </button>
            </div>
          )}
          {issued.length > 0 && (
            <>
              <h3>{t.issuedHeading(issued.length)}</h3>
              <DataTable columns={t.issuedColumns}>
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
