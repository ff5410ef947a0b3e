// Signing: our PAdES signer (utils/sign, WebCrypto + pkijs) on the demo report, and
// @signpdf/signpdf 3.3 (signer-p12 + placeholder-plain, node-forge underneath) on the same bytes.
//  - PKI: a CA from createCa and an observer identity issued from a CSR (ECDSA P-256,
//    non-extractable key), as the extension makes it; the trust store holds the CA only.
//  - sign: signPdf(unsigned demo PDF) → bytes, after warm-ups (median, p95). It includes the
//    key/certificate match probe signPdf does on every call.
//  - verify: verifyPdf(signed, { trust }) with the record required (the default): ByteRange,
//    CMS digest + signature, chain to the CA, validity, and the embedded record read back from
//    the signed revision and validated.
//  - 1,000 files: DISTINCT reports (different units and dates) each signed COPIES times by one
//    of a few observers at different signing times (this part times verification, so printed
//    pages may repeat; collect renders 1,000 reports of their own), written to disk; timed:
//    read each file + verifyPdf. Every verdict must be ok and carry the report's own unit; the
//    files are checked to be pairwise different.
//  - peer: an RSA-2048 P12 made by openssl (node-forge signs RSA only). The SAME P12 is read
//    with our readPkcs12 so our signer is also timed with the same RSA key. The peer's timed
//    step is plainAddPlaceholder + SignPdf.sign, i.e. what a caller of the library does; its
//    P12Signer decodes the P12 (PBKDF2 in JS) inside every sign() call, so that decode is timed
//    on its own too and shown in the note.
//  - every output is checked with poppler's pdfsig ("Signature is Valid."): a broken peer (or a
//    broken signer of ours) would make the comparison worthless.
// Adaptations for the peer: none were needed for jsPDF output. jsPDF ends the file with
// "\n%%EOF" and no newline after it, which is exactly what @signpdf's removeTrailingNewLine wants
// (it strips one trailing \n or \r and then requires "\n%%EOF"); jsPDF writes PDF 1.3 with a
// classic xref table, the only kind placeholder-plain can read. Both libraries get Node Buffers
// where they ask for them (placeholder-plain and SignPdf.sign refuse a plain Uint8Array).
// One more: a P12Signer instance signs only once (see below), so each timed run makes a new one.
// The peer keeps its default SubFilter adbe.pkcs7.detached: node-forge writes no ESS
// signing-certificate-v2 attribute, so labelling its CMS ETSI.CAdES.detached would be untrue.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, quantile, ms, type BenchRow } from './stats';
import { demoKit } from './demo';
import type { Identity } from '../../utils/sign';

/** The little of node-forge (no types installed) this part calls: P12Signer's own P12 decode. */
interface Forge {
  util: { createBuffer(bytes: string): { copy(): unknown } };
  asn1: { fromDer(buffer: unknown): unknown };
  pkcs12: { pkcs12FromAsn1(asn1: unknown, strict: boolean, password: string): unknown };
}

const SIGN_N = 40;
const VERIFY_N = 40;
const PEER_N = 30;
const WARMUP = 5;
const DISTINCT = 20;
const COPIES = 50;
const OBSERVERS = ['张三', '李四', '王五', '赵六', '孙七'];
const P12_PASS = 'xunting-bench-p12';

const root = resolve(import.meta.dirname, '../..');
const requireHere = createRequire(join(root, 'package.json'));

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

function run1(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args[0]} failed (${r.status}): ${r.stderr}`);
  return r.stdout + r.stderr;
}

/** pdfsig's verdict on the (single) signature; it exits 0 even on a digest mismatch, so read its text. */
function pdfsigSays(file: string) {
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  const text = `${r.stdout}${r.stderr}`;
  const sigs = text.split(/^Signature #\d+:$/m).slice(1);
  const line = (t: string, key: string) => new RegExp(`${key}: (.*)$`, 'm').exec(t)?.[1]?.trim() ?? '?';
  return {
    count: sigs.length,
    valid: sigs.length === 1 && sigs[0].includes('Signature Validation: Signature is Valid.'),
    validation: sigs.length ? line(sigs[0], 'Signature Validation') : text.trim().split('\n').pop(),
    type: sigs.length ? line(sigs[0], 'Signature Type') : '?',
    whole: sigs.length === 1 && sigs[0].includes('Total document signed'),
  };
}

/** Length of the DER CMS in the last /Contents <hex> (the rest of the reserved space is zero padding). */
function cmsLength(pdf: Uint8Array) {
  const text = latin1(pdf);
  const start = text.lastIndexOf('/Contents <') + '/Contents <'.length;
  const b = Buffer.from(text.slice(start, start + 16), 'hex');
  if (b[0] !== 0x30) throw new Error('no CMS in /Contents');
  if (b[1] < 0x80) return 2 + b[1];
  const n = b[1] & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + b[2 + i];
  return 2 + n + len;
}

/** Bytes reserved for the last signature's CMS: the length of its /Contents hex string, halved. */
function cmsReserved(pdf: Uint8Array) {
  const text = latin1(pdf);
  const start = text.lastIndexOf('/Contents <') + '/Contents <'.length;
  return (text.indexOf('>', start) - start) / 2;
}

async function timed<T>(n: number, fn: (i: number) => T | Promise<T>): Promise<{ times: number[]; out: T }> {
  for (let i = 0; i < WARMUP; i++) await fn(i); // warm-up, untimed
  const times: number[] = [];
  let out: T | undefined;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    out = await fn(i);
    times.push(performance.now() - t0);
  }
  if (out === undefined) throw new Error('timed() needs n ≥ 1');
  return { times, out };
}

export async function run(): Promise<BenchRow[]> {
  const { renderReport, loadReportFonts, needsExtFont, units, record, demoUnit, DEMO_DATE } = await demoKit();
  const S = await import('../../utils/sign');
  const { SignPdf } = requireHere('@signpdf/signpdf') as typeof import('@signpdf/signpdf');
  const { P12Signer } = requireHere('@signpdf/signer-p12') as typeof import('@signpdf/signer-p12');
  const { plainAddPlaceholder } = requireHere('@signpdf/placeholder-plain') as typeof import('@signpdf/placeholder-plain');
  // The node-forge copy signer-p12 itself loads.
  const forge = createRequire(requireHere.resolve('@signpdf/signer-p12'))('node-forge') as Forge;
  const version = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const peerName = `@signpdf ${version('@signpdf/signpdf')}`;

  const dir = mkdtempSync(join(tmpdir(), 'xunting-bench-sign-'));
  try {
    // --- the unsigned demo report, exactly as `xunting report --demo` renders it
    const fonts = loadReportFonts({ ext: false });
    const unsigned = renderReport(record(demoUnit, DEMO_DATE), fonts);
    const unsignedFile = join(dir, 'unsigned.pdf');
    writeFileSync(unsignedFile, unsigned);

    // --- our PKI: CA + observers issued from CSRs (ECDSA P-256)
    const ca = await S.createCa({ name: '巡听基准测试 CA', org: '中共锡林郭勒盟委员会' });
    const issue = async (name: string) => {
      const req = await S.createIdentityRequest({ name, org: '锡林郭勒盟委组织部' });
      const cert = await S.issueCertificate(ca, S.parseCsr(req.csrPem));
      return S.importIssuedCertificate(req.keys, S.certificateToPem(cert), [ca.certificate]);
    };
    const observers: Identity[] = [];
    for (const name of OBSERVERS) observers.push(await issue(name));
    const zhang = observers[0];
    const trust = { cas: [ca.certificate] };
    // With its visible box, as the extension and the CLI sign (the faces parsed once, as there).
    const { signatureFaces } = await import('../../utils/pdf');
    const appearanceFonts = signatureFaces(fonts);
    const signAs = (id: Identity, pdf: Uint8Array, signingTime?: Date) =>
      S.signPdf(pdf, { key: id.privateKey, certificate: id.certificate, chain: id.chain, signingTime, appearanceFonts });

    // --- 1, 2: sign and verify one report (ECDSA P-256)
    console.error('  … ours: sign / verify (ECDSA P-256)');
    const ecSign = await timed(SIGN_N, () => signAs(zhang, unsigned));
    const ecSigned = ecSign.out;
    const ecFile = join(dir, 'ours-ecdsa.pdf');
    writeFileSync(ecFile, ecSigned);
    const ecVerify = await timed(VERIFY_N, () => S.verifyPdf(ecSigned, { trust }));
    if (!ecVerify.out.ok) throw new Error(`verifyPdf on our own signed demo: ${ecVerify.out.code} ${ecVerify.out.reason}`);
    // The same without reading the record back (signature, chain and ByteRange checks only), to show where verify's time goes.
    const ecVerifyNoRec = await timed(VERIFY_N, () => S.verifyPdf(ecSigned, { trust, requireRecord: false }));

    // --- 3: 1,000 distinct signed files
    console.error(`  … ours: ${DISTINCT} distinct reports × ${COPIES} signatures`);
    const picked: { unit: string; pdf: Uint8Array }[] = [];
    for (let i = 0; picked.length < DISTINCT && i < units.length * 4; i++) {
      const u = units[i % units.length];
      const date = new Date(Date.parse(`${DEMO_DATE}T00:00:00Z`) + 7 * i * 86_400_000).toISOString().slice(0, 10);
      const r = record(u, date);
      if (needsExtFont(r, fonts.coverage)) continue; // this bench renders with regular + bold only
      picked.push({ unit: u.name, pdf: renderReport(r, fonts) });
    }
    if (picked.length < DISTINCT) throw new Error(`only ${picked.length} reports render without the Ext font`);
    const bulkDir = join(dir, 'bulk');
    mkdirSync(bulkDir);
    const files: { file: string; unit: string }[] = [];
    const hashes = new Set<string>();
    let bulkSignMs = 0;
    const base = Date.now() - 1_800_000; // certificates start an hour back (clock skew), so these times are inside their validity
    for (const [i, p] of picked.entries()) {
      for (let k = 0; k < COPIES; k++) {
        const n = i * COPIES + k;
        const t0 = performance.now();
        const signed = await signAs(observers[n % observers.length], p.pdf, new Date(base + n * 1000));
        bulkSignMs += performance.now() - t0;
        const file = join(bulkDir, `${String(n).padStart(4, '0')}.pdf`);
        writeFileSync(file, signed);
        hashes.add(createHash('sha256').update(signed).digest('hex'));
        files.push({ file, unit: p.unit });
      }
    }
    console.error(`  … ours: verifying ${files.length} files`);
    let okCount = 0;
    const failures = new Map<string, number>();
    const t0 = performance.now();
    for (const f of files) {
      const v = await S.verifyPdf(new Uint8Array(readFileSync(f.file)), { trust });
      if (v.ok && v.record?.unit.name === f.unit) okCount++;
      else failures.set(v.code ?? 'wrong-record', (failures.get(v.code ?? 'wrong-record') ?? 0) + 1);
    }
    const bulkMs = performance.now() - t0;
    const bulkBytes = files.reduce((s, f) => s + readFileSync(f.file).length, 0);

    // --- 4: the peer, and ours with the same RSA key
    console.error(`  … ${peerName}: RSA-2048 P12 from openssl`);
    const keyPem = join(dir, 'rsa-key.pem');
    const certPem = join(dir, 'rsa-cert.pem');
    const p12File = join(dir, 'rsa.p12');
    run1('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPem,
      '-out',
      certPem,
      '-subj',
      '/C=CN/O=Xunting Bench/CN=Bench RSA-2048',
      '-days',
      '30',
      '-sha256',
    ]);
    // OpenSSL 3 defaults: PBES2 AES-256-CBC + PBKDF2-HMAC-SHA256, SHA-256 MAC, 2048 iterations.
    run1('openssl', ['pkcs12', '-export', '-inkey', keyPem, '-in', certPem, '-out', p12File, '-passout', `pass:${P12_PASS}`]);
    const p12 = readFileSync(p12File);
    const rsa = await S.readPkcs12(new Uint8Array(p12), P12_PASS);
    if (rsa.privateKey.algorithm.name !== 'RSASSA-PKCS1-v1_5') throw new Error(`readPkcs12 gave ${rsa.privateKey.algorithm.name}`);

    const rsaSign = await timed(SIGN_N, () => signAs(rsa, unsigned));
    const rsaSigned = rsaSign.out;
    const rsaFile = join(dir, 'ours-rsa.pdf');
    writeFileSync(rsaFile, rsaSigned);

    const peer = new SignPdf();
    const unsignedBuffer = Buffer.from(unsigned);
    const peerSign = await timed(PEER_N, async () => {
      const withPlaceholder = plainAddPlaceholder({
        pdfBuffer: unsignedBuffer,
        reason: S.DEFAULT_REASON,
        contactInfo: '',
        name: 'Bench RSA-2048',
        location: '',
      });
      // A new P12Signer per signature: sign() reads the P12 through a forge ByteStringBuffer that
      // it consumes, so a second sign() on the same instance throws "Too few bytes to parse DER.".
      return peer.sign(withPlaceholder, new P12Signer(p12, { passphrase: P12_PASS }));
    });
    const peerSigned = new Uint8Array(peerSign.out);
    const peerFile = join(dir, 'peer-rsa.pdf');
    writeFileSync(peerFile, peerSigned);
    // What P12Signer.sign repeats on every call before it signs: decode the P12 (MAC check, PBKDF2, AES) with node-forge.
    const p12Binary = forge.util.createBuffer(p12.toString('binary'));
    const peerDecode = await timed(PEER_N, () => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12Binary.copy()), false, P12_PASS));
    // Cross-check: our verifier on the peer's file, its certificate pinned (it is self-signed).
    const peerByOurs = await S.verifyPdf(peerSigned, { trust: { cas: [], pinned: [rsa.certificate] } });

    const says = { ec: pdfsigSays(ecFile), rsa: pdfsigSays(rsaFile), peer: pdfsigSays(peerFile) };
    type PdfsigVerdict = ReturnType<typeof pdfsigSays>;
    const pdfsigValue = (s: PdfsigVerdict) => (s.valid ? 'Valid' : 'NOT VALID');
    const pdfsigNote = (s: PdfsigVerdict) => `pdfsig: ${s.count} signature(s), "${s.validation}"${s.whole ? ', total document signed' : ''}; ${s.type}`;

    const m = (t: { times: number[] }) => median(t.times);
    const p95 = (t: { times: number[] }) => quantile(t.times, 0.95);
    const over = (signed: Uint8Array) => signed.length - unsigned.length;
    const what = `demo ${kb(unsigned.length)}`;
    const peerNote = `plainAddPlaceholder + new P12Signer + SignPdf.sign, ${PEER_N} runs after ${WARMUP} warm-ups; p95 ${ms(p95(peerSign))}; of which P12Signer's per-call P12 decode (node-forge) ≈ ${ms(m(peerDecode))} median`;
    return [
      {
        area: 'sign',
        measure: `ours sign median, n=${SIGN_N} — ECDSA P-256, ${what}`,
        value: ms(m(ecSign)),
        note: `signPdf: key/cert probe + visible box (font subset) + incremental update + SHA-256 + CMS (chain: CA); ${WARMUP} warm-ups`,
      },
      { area: 'sign', measure: `ours sign p95, n=${SIGN_N} — ECDSA P-256`, value: ms(p95(ecSign)), note: '' },
      {
        area: 'sign',
        measure: `ours verify median, n=${VERIFY_N} — ECDSA P-256`,
        value: ms(m(ecVerify)),
        note: `verifyPdf, trust = { cas: [CA] }, record read back + validated; ${WARMUP} warm-ups`,
      },
      { area: 'sign', measure: `ours verify p95, n=${VERIFY_N} — ECDSA P-256`, value: ms(p95(ecVerify)), note: '' },
      {
        area: 'sign',
        measure: `ours verify median without the record, n=${VERIFY_N}`,
        value: ms(m(ecVerifyNoRec)),
        note: `requireRecord: false (signature, chain, ByteRange only); p95 ${ms(p95(ecVerifyNoRec))}; the difference is the record read-back`,
      },
      {
        area: 'sign',
        measure: `ours verify ${files.length} signed files — total`,
        value: `${(bulkMs / 1000).toFixed(2)} s`,
        note: `${picked.length} distinct reports × ${COPIES} signatures (${OBSERVERS.length} signers, different times), ${hashes.size} distinct files, ${kb(bulkBytes / files.length)} avg; read from disk + verifyPdf`,
      },
      {
        area: 'sign',
        measure: `ours verify ${files.length} signed files — per file`,
        value: ms(bulkMs / files.length),
        note: `signing them took ${ms(bulkSignMs / files.length)} per file`,
      },
      {
        area: 'sign',
        measure: `ours verify ${files.length} signed files — verified ok`,
        value: String(okCount),
        note: okCount === files.length ? 'ok and the record names its own unit' : `failures: ${[...failures].map(([c, n]) => `${c} ×${n}`).join(', ')}`,
      },
      {
        area: 'sign',
        measure: `ours signature overhead — ECDSA P-256`,
        value: kb(over(ecSigned)),
        note: `signed − unsigned; CMS ${cmsLength(ecSigned)} B (signer + CA cert) in ${cmsReserved(ecSigned)} B reserved (CMS size + ${S.CONTENTS_MARGIN} B margin), hex-encoded`,
      },
      { area: 'sign', measure: `ours pdfsig — ECDSA P-256`, value: pdfsigValue(says.ec), note: pdfsigNote(says.ec) },
      {
        area: 'sign',
        measure: `ours sign median, n=${SIGN_N} — RSA-2048 from the P12`,
        value: ms(m(rsaSign)),
        note: `same P12 as the peer, read once with readPkcs12; p95 ${ms(p95(rsaSign))}`,
      },
      {
        area: 'sign',
        measure: `ours signature overhead — RSA-2048`,
        value: kb(over(rsaSigned)),
        note: `CMS ${cmsLength(rsaSigned)} B; output ${kb(rsaSigned.length)}`,
      },
      { area: 'sign', measure: `ours pdfsig — RSA-2048`, value: pdfsigValue(says.rsa), note: pdfsigNote(says.rsa) },
      { area: 'sign', measure: `${peerName} sign median, n=${PEER_N} — RSA-2048 P12`, value: ms(m(peerSign)), note: peerNote },
      {
        area: 'sign',
        measure: `${peerName} signature overhead — RSA-2048`,
        value: kb(over(peerSigned)),
        note: `CMS ${cmsLength(peerSigned)} B in ${cmsReserved(peerSigned)} B reserved (placeholder-plain default); output ${kb(peerSigned.length)}`,
      },
      {
        area: 'sign',
        measure: `${peerName} pdfsig — RSA-2048`,
        value: pdfsigValue(says.peer),
        note: `${pdfsigNote(says.peer)}; our verifyPdf (cert pinned): ${peerByOurs.ok ? 'ok' : peerByOurs.code}`,
      },
      {
        area: 'sign',
        measure: `${peerName} / ours, sign time — RSA-2048, same key`,
        value: ratio(m(peerSign), m(rsaSign)),
        note: `without the peer's per-call P12 decode ≈ ${ratio(m(peerSign) - m(peerDecode), m(rsaSign))}`,
      },
      { area: 'sign', measure: `${peerName} / ours, sign time — vs our ECDSA P-256`, value: ratio(m(peerSign), m(ecSign)), note: '' },
      {
        area: 'sign',
        measure: `${peerName} / ours, output size — RSA-2048`,
        value: ratio(peerSigned.length, rsaSigned.length),
        note: `overhead ratio ${ratio(over(peerSigned), over(rsaSigned))}; CMS ratio ${ratio(cmsLength(peerSigned), cmsLength(rsaSigned))} (reserved: ours ${cmsReserved(rsaSigned)} B, the peer's ${cmsReserved(peerSigned)} B, hex-encoded)`,
      },
      {
        area: 'sign',
        measure: `${peerName} / ours, output size — vs our ECDSA P-256`,
        value: ratio(peerSigned.length, ecSigned.length),
        note: `overhead ratio ${ratio(over(peerSigned), over(ecSigned))}; CMS ratio ${ratio(cmsLength(peerSigned), cmsLength(ecSigned))} (ours carries the CA certificate too)`,
      },
    ];
  } finally {
    if (process.env.BENCH_KEEP) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
