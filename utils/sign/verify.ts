/**
 * `verifyPdf`: is this report exactly what a trusted observer signed? Every signature must
 * have a sound ByteRange (/Contents is exactly the gap, nothing outside the file), a detached
 * CMS whose digest and signature verify, a signer trusted through the CA (or pinned), valid at
 * the signing time; and the last signature must cover the whole file, so nothing was appended
 * after signing. The record is read only from the signed revision, and only returned when the
 * verdict is ok. Same code in browsers and Node 20.
 *
 * Against the known PDF-signature attacks (tests/unit/sign/attacks.test.ts): an incremental
 * update after signing (shadow / incremental saving attacks, even one trailing newline) fails
 * the whole-file rule; signature wrapping (moving the signed bytes and widening the gap) fails
 * "the gap is exactly this dictionary's /Contents hex string"; a file whose appended part
 * cannot even be read is still reported as appended after the signed revision before it.
 */
import type { Certificate } from 'pkijs';
import { RECORD_ATTACHMENT, validateRecord, type ObservationRecord } from '../record';
import type { Validated } from '../validate';
import { concatBytes, indexOfAscii, lastIndexOfAscii } from './bytes';
import { fingerprint, sameCertificate } from './certificate';
import { checkChain, MAX_PATH_VERIFICATIONS, newPathBudget, validityAt, type PathBudget, type TrustStore } from './chain';
import { checkDetachedCms, type CmsCheck } from './cms-verify';
import { derElementLength } from './der-set';
import { EmbeddedFileError, readEmbeddedFile } from './embedded-record';
import { nameAttribute, OID_COMMON_NAME, OID_ORGANIZATION } from './name';
import { PdfFile, PdfReadError } from './pdf-parse';
import { parsePdfDate } from './pdf-incremental';
import { PdfDict, PdfString } from './pdf-syntax';
import { decodeRecordJson } from './strict-json';
import { laterRevisionProblem } from './revision-check';
import { CODE_ORDER, type SignatureVerdict, type Verdict, type VerdictCode } from './verdict';

/**
 * The JSON a signed PDF carries as its one meaningful attachment: a report's `observation.json`,
 * a published 评分表's `rubric.json`. Read from the signed revision only, then validated.
 */
export interface EmbeddedContent<T> {
  /** The attachment's file name. */
  name: string;
  /** What it is, in reasons: 记录, 评分表模板. */
  what: string;
  validate(json: unknown): Validated<T>;
}

/** A report's record (the default). */
export const OBSERVATION_CONTENT: EmbeddedContent<ObservationRecord> = { name: RECORD_ATTACHMENT, what: '记录', validate: validateRecord };

export interface VerifyOptions<T = ObservationRecord> {
  trust: TrustStore;
  /** Used as the signing time when a signature states none (default now). */
  now?: Date;
  /** Require the embedded content (default true). */
  requireRecord?: boolean;
  /**
   * Integrity only: a signer no trusted CA vouches for does not fail the file (the signature
   * verdict still says chainTrusted: false). For `xunting merge` without --trust; never the inbox.
   */
  allowUntrusted?: boolean;
  /** Which attachment to read and how to validate it (default the observation record). */
  embedded?: EmbeddedContent<T>;
}

interface FoundSignature {
  /** Null when the dictionary could not be parsed (a damaged signature). */
  dict: PdfDict | null;
  offset: number;
}

const SUBFILTERS = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);
/**
 * A report carries one signature per observer. Each signature costs a hash of the whole file, so
 * thousands of signature dictionaries are an attack on the verifier's time: refuse past this.
 */
export const MAX_SIGNATURES = 16;

/**
 * Every signature dictionary in every revision (one with a /ByteRange, or /Type /Sig), and any
 * object that mentions /ByteRange but cannot be parsed (a damaged signature, not "no signature").
 * Each object is parsed and searched only up to the next object, so this is one pass over the file.
 */
function findSignatures(file: PdfFile): FoundSignature[] {
  const out: FoundSignature[] = [];
  for (const { num, gen, offset } of file.allObjectOffsets()) {
    let value;
    try {
      value = file.objectAt(offset, num, gen).value;
    } catch {
      if (indexOfAscii(file.bytes, '/ByteRange', offset, file.objectEnd(offset)) >= 0) out.push({ dict: null, offset });
      continue;
    }
    if (value instanceof PdfDict && (value.get('ByteRange') !== undefined || value.name('Type') === 'Sig' || value.name('Type') === 'DocTimeStamp'))
      out.push({ dict: value, offset });
  }
  return out;
}

type RangeCheck = { ok: true; range: [number, number, number, number] } | { ok: false; reason: string };

function checkByteRange(dict: PdfDict, fileLength: number): RangeCheck {
  const br = dict.get('ByteRange');
  if (!Array.isArray(br) || br.length !== 4 || !br.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
    return { ok: false, reason: '签名范围（ByteRange）格式无效' };
  }
  const [a, b, c, d] = br as number[];
  if (a !== 0) return { ok: false, reason: '签名范围没有从文件开头开始' };
  if (c < b) return { ok: false, reason: '签名范围相互重叠' };
  if (b > fileLength || c + d > fileLength) return { ok: false, reason: '签名范围超出文件末尾' };
  const span = dict.spans.get('Contents');
  // /Contents in another place than the gap (e.g. a second dictionary naming the genuine gap): the gap is not this signature's value.
  if (span && (span[1] <= b || span[0] >= c)) return { ok: false, reason: '签名范围的空隙处不是这个签名字典的签名值（/Contents 在别处）' };
  if (!span || span[0] !== b || span[1] !== c) {
    return { ok: false, reason: span && c - b > span[1] - span[0] ? '签名范围留有未签名的空隙（不只是签名值）' : '签名值（/Contents）与签名范围的空隙不一致' };
  }
  return { ok: true, range: [a, b, c, d] };
}

/** The DER in /Contents, without its zero padding; null when the padding is not all zeros (the gap was altered). */
function cmsBytes(contents: PdfString): Uint8Array | null {
  const raw = contents.bytes;
  const len = derElementLength(raw);
  if (len <= 0 || len > raw.length) return raw;
  for (let i = len; i < raw.length; i++) if (raw[i] !== 0) return null;
  return raw.subarray(0, len);
}

const describeCert = (c: Certificate) => nameAttribute(c.subject, OID_COMMON_NAME) || '（无名称）';
const date = (d: Date) => d.toISOString().slice(0, 10);
const when = (d: Date) => `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
/** Clocks of signers and verifiers differ by a little; more than this between /M and signingTime, or ahead of now, is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;

async function checkSignature(file: PdfFile, sig: FoundSignature, index: number, opts: VerifyOptions<unknown>, budget: PathBudget): Promise<SignatureVerdict> {
  const bytes = file.bytes;
  const v: SignatureVerdict = {
    index,
    signer: null,
    signingTime: null,
    digestValid: false,
    chainTrusted: false,
    certValidAtSigningTime: false,
    coversWholeFile: false,
    byteRange: [],
  };
  const dict = sig.dict;
  if (!dict) return { ...v, code: 'byterange-invalid', reason: '签名字典已损坏，无法读取' };
  // Signature wrapping: a second /ByteRange (or /Contents) after the signed one, for readers that take the last.
  if (dict.duplicateKey !== undefined) return { ...v, code: 'byterange-invalid', reason: `签名字典中 /${dict.duplicateKey} 出现了不止一次` };
  const br = dict.get('ByteRange');
  if (Array.isArray(br)) v.byteRange = br.map((n) => (typeof n === 'number' ? n : NaN));
  const m = dict.get('M');
  const mDate = m instanceof PdfString ? parsePdfDate(m.text()) : null;

  const contents = dict.get('Contents');
  if (!(contents instanceof PdfString)) return { ...v, code: 'cms-invalid', reason: '签名字典没有签名值（/Contents）' };
  // PAdES: /Contents is a hex string, so the unsigned gap can hold nothing but hex digits.
  if (!contents.hex) return { ...v, code: 'cms-invalid', reason: '签名值（/Contents）不是十六进制字符串' };
  const range = checkByteRange(dict, bytes.length);
  if (!range.ok) return { ...v, code: 'byterange-invalid', reason: range.reason };
  const [, b, c, d] = range.range;
  v.coversWholeFile = c + d === bytes.length;
  const subFilter = dict.name('SubFilter');
  if (subFilter && !SUBFILTERS.has(subFilter)) {
    return { ...v, code: subFilter === 'adbe.pkcs7.sha1' ? 'not-detached' : 'cms-invalid', reason: `不支持的签名格式（/SubFilter /${subFilter}）` };
  }

  const der = cmsBytes(contents);
  if (!der) return { ...v, code: 'cms-invalid', reason: '签名值（/Contents）末尾的填充被改动过' };
  const signed = concatBytes(bytes.subarray(0, b), bytes.subarray(c, c + d));
  const cms: CmsCheck = await checkDetachedCms(der, signed);
  const signingTime = mDate ?? cms.signingTime ?? null;
  v.signingTime = signingTime ? signingTime.toISOString() : null;
  if (cms.signer) {
    v.signer = {
      cn: nameAttribute(cms.signer.subject, OID_COMMON_NAME),
      o: nameAttribute(cms.signer.subject, OID_ORGANIZATION),
      fingerprint: await fingerprint(cms.signer),
    };
  }
  if (cms.problem || !cms.signer) return { ...v, code: cms.problem ?? 'cms-invalid', reason: cms.reason };
  v.digestValid = cms.digestValid;

  const now = opts.now ?? new Date();
  const cmsTime = cms.signingTime ?? null;
  // Two clocks in one signature: /M (what viewers show) and the CMS signingTime attribute must tell the same time.
  if (mDate && cmsTime && Math.abs(mDate.getTime() - cmsTime.getTime()) > CLOCK_SKEW_MS) {
    return { ...v, code: 'signing-time-invalid', reason: `签名字典的签名时间（/M ${when(mDate)}）与签名中的 signingTime（${when(cmsTime)}）不一致` };
  }
  if (signingTime && signingTime.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return { ...v, code: 'signing-time-invalid', reason: `签名时间 ${when(signingTime)} 在将来（现在是 ${when(now)}）` };
  }
  const at = signingTime ?? now;
  const chain = await checkChain(cms.signer, cms.certificates, opts.trust, at, budget);
  v.chainTrusted = chain.trusted;
  v.certValidAtSigningTime = chain.validity === 'valid';
  if (!chain.trusted) {
    const why = chain.exhausted ? `（证书路径检查超过 ${MAX_PATH_VERIFICATIONS} 次仍未找到受信任的 CA，签名中可能有伪造的 CA 证书）` : '';
    const top = chain.top && chain.top !== cms.signer ? chain.top : null;
    v.issuer = top
      ? { cn: nameAttribute(top.subject, OID_COMMON_NAME), o: nameAttribute(top.subject, OID_ORGANIZATION), fingerprint: await fingerprint(top) }
      : { cn: nameAttribute(cms.signer.issuer, OID_COMMON_NAME), o: nameAttribute(cms.signer.issuer, OID_ORGANIZATION), fingerprint: null };
    return { ...v, code: 'untrusted-signer', reason: `签名人「${describeCert(cms.signer)}」的证书不是由受信任的 CA 签发的${why}` };
  }
  // Both clocks, when the CMS states its own: each must lie within every certificate's validity.
  for (const t of cmsTime && cmsTime.getTime() !== at.getTime() ? [at, cmsTime] : [at]) {
    const { validity, invalidCert } = validityAt(chain.path, t);
    if (validity === 'valid') continue;
    v.certValidAtSigningTime = false;
    const cert = invalidCert!;
    const who = cert === cms.signer ? '签名人证书' : `签发证书「${describeCert(cert)}」`;
    const reason =
      validity === 'cert-expired'
        ? `${who}在签名时已过期（有效期至 ${date(cert.notAfter.value)}，签名时间 ${date(t)}）`
        : `${who}在签名时尚未生效（${date(cert.notBefore.value)} 起有效，签名时间 ${date(t)}）`;
    return { ...v, code: validity, reason };
  }
  if (chain.problem) return { ...v, code: chain.problem.code, reason: chain.problem.reason };
  // The certificates travel outside what the CMS signs: a copy of the CA changed after signing
  // would go unnoticed, since the path ends at the trust list's own copy. A signature trusted
  // through a CA carries nothing but the certificates of its path. (A pinned signer is trusted as
  // itself; what else it carries is not relied on.)
  const throughCa = chain.path.length > 1 || opts.trust.cas.some((c) => sameCertificate(c, cms.signer!));
  const stray = throughCa ? cms.certificates.find((c) => !chain.path.some((p) => sameCertificate(p, c))) : undefined;
  if (stray) return { ...v, code: 'cms-invalid', reason: `签名中附带的证书「${describeCert(stray)}」不在签名人的证书路径上（可能在签名后被改动过）` };
  return v;
}

const rank = (c: VerdictCode) => CODE_ORDER.indexOf(c);

/** The record as the revision ending at `end` has it (the whole file: `file` itself, not parsed again). */
async function recordAt(
  file: PdfFile,
  end: number,
  content: EmbeddedContent<unknown>,
): Promise<{ json: string; value: unknown } | { code: VerdictCode; reason: string }> {
  let data: Uint8Array;
  try {
    data = await readEmbeddedFile(end === file.bytes.length ? file : new PdfFile(file.bytes.subarray(0, end)), content.name);
  } catch (e) {
    if (e instanceof EmbeddedFileError) return { code: e.problem === 'missing' ? 'record-missing' : 'record-invalid', reason: e.message };
    if (e instanceof PdfReadError) return { code: 'record-invalid', reason: `签名的版本无法读取：${e.message}` };
    throw e;
  }
  const decoded = decodeRecordJson(data, content.what);
  return 'problem' in decoded ? { code: 'record-invalid', reason: decoded.problem } : { json: decoded.text, value: decoded.value };
}

const readCode = (e: PdfReadError): VerdictCode =>
  e.problem === 'not-pdf' ? 'not-pdf' : e.problem === 'unsupported' ? 'pdf-unsupported' : e.problem === 'malformed' ? 'pdf-malformed' : 'truncated';

export async function verifyPdf<T = ObservationRecord>(bytes: Uint8Array, opts: VerifyOptions<T>): Promise<Verdict<T>> {
  try {
    let file: PdfFile;
    try {
      file = new PdfFile(bytes);
    } catch (e) {
      if (!(e instanceof PdfReadError)) throw e;
      const unreadable: Verdict<T> = { ok: false, code: readCode(e), reason: e.message, signatures: [] };
      return e.problem === 'not-pdf' ? unreadable : await afterSignedRevision(bytes, opts, unreadable, `追加的部分无法读取：${e.message}`);
    }
    const v = await verifyFile(file, opts);
    // No signature in the structure, yet the bytes may start with a signed revision: an update
    // whose xref chain (/Prev or startxref pointing at a forged table) leaves the signature out.
    return v.code === 'no-signature' ? await afterSignedRevision(bytes, opts, v, '追加的交叉引用表使文件结构中不再有这个签名') : v;
  } catch (e) {
    // Fail closed: hostile input must give a verdict, never an exception.
    return { ok: false, code: 'pdf-malformed', reason: `文件无法检查（${e instanceof Error ? e.message : String(e)}）`, signatures: [] };
  }
}

/**
 * The file as a whole is unreadable or shows no signature. If it starts with a complete signed
 * revision, what follows was appended after signing (an xref stream, a startxref past the end, a
 * broken table, junk after %%EOF, a chain that skips the signature): say so, rather than only
 * `failed`. Looks at the last few %%EOF markers only.
 */
async function afterSignedRevision<T>(bytes: Uint8Array, opts: VerifyOptions<T>, failed: Verdict<T>, why: string): Promise<Verdict<T>> {
  let to = bytes.length;
  for (let tries = 0; tries < 4; tries++) {
    const eof = lastIndexOfAscii(bytes, '%%EOF', 0, to);
    if (eof < 0) break;
    to = eof + 4;
    let end = eof + 5;
    if (bytes[end] === 0x0d) end++;
    if (bytes[end] === 0x0a) end++;
    if (end >= bytes.length) continue;
    let prefix: PdfFile;
    try {
      prefix = new PdfFile(bytes.subarray(0, end));
    } catch {
      continue;
    }
    const v = await verifyFile(prefix, { ...opts, requireRecord: false });
    if (v.code === 'no-signature') continue;
    if (v.code === 'pdf-malformed') return failed;
    const signatures = v.signatures.map((s) => ({ ...s, coversWholeFile: false }));
    // A broken signature in the signed revision is the first problem; anything ranked after "appended" is not.
    if (!v.ok && rank(v.code!) < rank('appended-after-signature')) return { ok: false, code: v.code, reason: v.reason, signatures };
    const last = signatures[signatures.length - 1];
    const extra = bytes.length - (last.byteRange[2] + last.byteRange[3]);
    return { ok: false, code: 'appended-after-signature', reason: `签名之后文件又被追加了 ${extra} 字节的内容（签名不覆盖整个文件），${why}`, signatures };
  }
  return failed;
}

/** The first signature's revision holds the document; each later one may hold only its signature (revision-check.ts). */
function laterRevisions(file: PdfFile, signatures: SignatureVerdict[]): { code: VerdictCode; reason: string } | null {
  const end = (s: SignatureVerdict) => s.byteRange[2] + s.byteRange[3];
  for (let k = 1; k < signatures.length; k++) {
    const why = laterRevisionProblem(file, end(signatures[k - 1]), end(signatures[k]));
    if (why) return { code: 'revision-invalid', reason: `第 ${k + 1} 个签名的版本除了签名还改动了文件：${why}` };
  }
  return null;
}

async function verifyFile<T>(file: PdfFile, opts: VerifyOptions<T>): Promise<Verdict<T>> {
  const content = (opts.embedded ?? OBSERVATION_CONTENT) as EmbeddedContent<T>;
  const bytes = file.bytes;
  const found = findSignatures(file);
  if (!found.length) return { ok: false, code: 'no-signature', reason: '文件没有数字签名', signatures: [] };
  if (found.length > MAX_SIGNATURES)
    return { ok: false, code: 'pdf-malformed', reason: `文件中有 ${found.length} 个签名字典，超过 ${MAX_SIGNATURES} 个，拒绝检查`, signatures: [] };
  // File order: by where each signed range ends (a broken range sorts by the dictionary's position).
  const endOf = (s: FoundSignature) => {
    const br = s.dict?.get('ByteRange');
    return Array.isArray(br) && br.length === 4 && typeof br[2] === 'number' && typeof br[3] === 'number' ? br[2] + br[3] : s.offset;
  };
  found.sort((x, y) => endOf(x) - endOf(y) || x.offset - y.offset);
  const signatures: SignatureVerdict[] = [];
  const budget = newPathBudget();
  for (const [i, sig] of found.entries()) signatures.push(await checkSignature(file, sig, i, opts, budget));

  const problems: { code: VerdictCode; reason: string }[] = [];
  const many = signatures.length > 1;
  for (const s of signatures)
    if (s.code && !(opts.allowUntrusted && s.code === 'untrusted-signer'))
      problems.push({ code: s.code, reason: many ? `第 ${s.index + 1} 个签名：${s.reason}` : s.reason! });
  const last = signatures[signatures.length - 1];
  // Whenever the last signature itself verified, even if its signer is not trusted: what was appended
  // after it matters more than who signed (CODE_ORDER), e.g. to `xunting sign`, which trusts no one.
  if (last.digestValid && !last.coversWholeFile) {
    const extra = bytes.length - (last.byteRange[2] + last.byteRange[3]);
    problems.push({ code: 'appended-after-signature', reason: `签名之后文件又被追加了 ${extra} 字节的内容（签名不覆盖整个文件），追加的内容可能篡改了报告` });
  }
  // Judged whenever every signature verified, whoever signed (so `xunting sign`, which trusts no one, sees it too); it ranks last.
  const rev = signatures.every((s) => s.digestValid) && last.coversWholeFile ? laterRevisions(file, signatures) : null;
  if (!problems.length && opts.requireRecord !== false) {
    const end = last.byteRange[2] + last.byteRange[3];
    const rec = await recordAt(file, end, content);
    if ('code' in rec) problems.push(rec);
    else {
      // Every signer must have signed the same record: compare with each earlier signed revision.
      for (const s of signatures.slice(0, -1)) {
        const earlier = await recordAt(file, s.byteRange[2] + s.byteRange[3], content);
        if (!('json' in earlier) || earlier.json !== rec.json) {
          problems.push({
            code: 'record-changed',
            reason: `第 ${s.index + 1} 个签名之后，嵌入的${content.what}被改动过（各签名人签的不是同一份${content.what}）`,
          });
          break;
        }
      }
      if (!problems.length) {
        const valid = content.validate(rec.value);
        if (!valid.ok) {
          const p = valid.problems[0];
          problems.push({
            code: 'record-invalid',
            reason: `嵌入的${content.what}无效：${p.path}: ${p.message}${valid.problems.length > 1 ? `（共 ${valid.problems.length} 处问题）` : ''}`,
          });
        } else if (!rev) return { ok: true, signatures, record: valid.value, recordJson: rec.json };
      }
    }
  }
  if (rev) problems.push(rev);
  if (!problems.length) return { ok: true, signatures };
  problems.sort((p, q) => rank(p.code) - rank(q.code));
  return { ok: false, code: problems[0].code, reason: problems[0].reason, signatures };
}
