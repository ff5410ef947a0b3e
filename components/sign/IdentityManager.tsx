import { useEffect, useState } from 'preact/hooks';
import { CERT_NAME_MAX } from '../../utils/sign/name-limits';
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
import { identityZh as t } from './identity-strings';
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
      return t.generated;
    });
  const importCert = (input: string | Uint8Array) =>
    run(async () => {
      const info = await importIdentityCertificate(db, input);
      setCertText('');
      return t.certImported(info.subject.cn, info.issuer.cn, info.notAfter.slice(0, 10));
    });
  const importP12 = () =>
    run(async () => {
      if (!p12) throw new Error(t.chooseP12);
      const info = await importPkcs12Identity(db, await fileBytes(p12), passphrase);
      setPassphrase('');
      return t.p12Imported(info.subject.cn, info.subject.o || t.noOrg);
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
      <summary>{t.p12Summary}</summary>
      <div class="field">
        <label for="id-p12">{t.p12File}</label>
        <input id="id-p12" type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setP12(e.currentTarget.files?.[0] ?? null)} />
      </div>
      <div class="field">
        <label for="id-p12-pass">{t.p12Pass}</label>
        <input id="id-p12-pass" type="password" autoComplete="off" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
      </div>
      <button type="button" disabled={busy} onClick={() => void importP12()}>
        {t.importP12}
      </button>
    </details>
  );

  return (
    <section class="card" aria-labelledby="h-identity">
      <h2 id="h-identity">{t.heading}</h2>
      {state === null && <p role="status">{t.loading}</p>}
      {state?.kind === 'none' && (
        <>
          <p class="hint">{t.intro}</p>
          <div class="grid2">
            <div class="field">
              <label for="id-name">{t.name}</label>
              <input id="id-name" value={name} maxLength={CERT_NAME_MAX} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="id-org">{t.org}</label>
              <input id="id-org" value={org} maxLength={CERT_NAME_MAX} onInput={(e) => setOrg(e.currentTarget.value)} />
            </div>
          </div>
          <button type="button" class="primary" disabled={busy} onClick={() => void generate()}>
            {busy ? t.generating : t.generate}
          </button>
          {p12Form}
        </>
      )}
      {state?.kind === 'pending' && (
        <>
          <p>
            {t.pendingFor}
            <strong>{state.name}</strong>
            {t.pendingRest(state.org || t.noOrg, state.createdAt.slice(0, 10))}
          </p>
          <div class="field">
            <label for="id-csr">{t.csr}</label>
            <textarea id="id-csr" rows={6} readOnly value={state.csrPem} class="mono" />
          </div>
          <div class="row">
            <button type="button" onClick={() => void platform.saveFile(`证书请求-${state.name}.csr`, new Blob([state.csrPem], { type: PEM_TYPE }))}>
              {t.downloadCsr}
            </button>
            <button
              type="button"
              onClick={() =>
                void navigator.clipboard?.writeText(state.csrPem).then(
                  () => setMessage(t.csrCopied),
                  () => setError(t.noClipboard),
                )
              }
            >
              {t.copy}
            </button>
          </div>
          <h3>{t.importHeading}</h3>
          <div class="field">
            <label for="id-cert-text">{t.pasteCert}</label>
            <textarea id="id-cert-text" rows={5} class="mono" value={certText} onInput={(e) => setCertText(e.currentTarget.value)} />
          </div>
          <button type="button" class="primary" disabled={busy || !certText.trim()} onClick={() => void importCert(certText)}>
            {t.importCert}
          </button>
          <div class="field">
            <label for="id-cert-file">{t.certFile}</label>
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
            {t.activeSource(state.source === 'browser')}
            {state.expired && <strong class="bad">{t.expired}</strong>}
          </p>
          <CertificateFacts info={state.info} label={t.certLabel} />
          <div class="row">
            <button type="button" onClick={() => void downloadCert()}>
              {t.downloadCert}
            </button>
          </div>
        </>
      )}
      {state && state.kind !== 'none' && (
        <div class="row">
          {!confirmReplace ? (
            <button type="button" class="link" onClick={() => setConfirmReplace(true)}>
              {t.replace}
            </button>
          ) : (
            <>
              <span class="hint warn">{t.replaceWarning}</span>
              <button type="button" onClick={() => void run(async () => (await removeIdentity(db), t.removed))}>
                {t.confirmReplace}
              </button>
              <button type="button" class="link" onClick={() => setConfirmReplace(false)}>
                {t.cancel}
              </button>
            </>
          )}
        </div>
      )}
      <Outcome message={message} error={error} />
    </section>
  );
}
