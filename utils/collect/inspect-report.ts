/**
 * The supervisor's check of one received file, the same in the inbox (browser) and in
 * `xunting coverage` (Node): it must be a PDF of sane size, carry valid signatures by trusted
 * observers over the whole file, and embed a finalised ObservationRecord. The verdict comes
 * from utils/sign's verifyPdf; this adds what only a collector cares about.
 */
import type { ObservationRecord } from '../record';
import type { SignatureVerdict, TrustStore, VerdictCode } from '../sign';
import { sha256, toHex } from '../sign/bytes';

/** Larger than any report (a 2-page report is ~200 KB; with many signatures and notes, a few MB). */
export const MAX_REPORT_BYTES = 30 * 1024 * 1024;

export type RejectCode = VerdictCode | 'too-large' | 'empty' | 'zip' | 'draft' | 'member-sheet';

export interface Signer {
  cn: string;
  o: string;
  fingerprint: string;
  signingTime: string | null;
}

/** Who issued an untrusted signer's certificate (see SignatureVerdict.issuer). */
export type UntrustedIssuer = NonNullable<SignatureVerdict['issuer']>;

export type Inspection =
  | {
      ok: true;
      fileName: string;
      size: number;
      sha256: string;
      record: ObservationRecord;
      signers: Signer[];
      /** Accepted, but worth a look (Chinese): e.g. signed by someone not among the record's observers. */
      warning?: string;
    }
  | { ok: false; fileName: string; size: number; code: RejectCode; reason: string; issuer?: UntrustedIssuer };

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

/** The refusal of a file by its size alone (so a 100 MB file is never read), or null. */
export function refuseBySize(fileName: string, size: number): Inspection | null {
  if (size === 0) return { ok: false, fileName, size, code: 'empty', reason: '文件是空的（0 字节）' };
  if (size > MAX_REPORT_BYTES)
    return { ok: false, fileName, size, code: 'too-large', reason: `文件有 ${mb(size)}，超过 ${mb(MAX_REPORT_BYTES)}，不是巡听报告` };
  return null;
}

/** Check a received file. Never throws for bad input: every problem is a reason. */
export async function inspectReport(fileName: string, bytes: Uint8Array, trust: TrustStore, opts: { now?: Date } = {}): Promise<Inspection> {
  const size = bytes.length;
  const reject = (code: RejectCode, reason: string): Inspection => ({ ok: false, fileName, size, code, reason });
  const bySize = refuseBySize(fileName, size);
  if (bySize) return bySize;
  if (looksLikeZip(bytes)) return reject('zip', '这是 ZIP 压缩包，不是 PDF：请解压后导入其中的报告');
  const { verifyPdf } = await import('../sign'); // pkijs loads with the first report, not with the page
  const verdict = await verifyPdf(bytes, { trust, now: opts.now });
  if (!verdict.ok || !verdict.record) {
    const issuer = verdict.code === 'untrusted-signer' ? verdict.signatures.find((s) => s.issuer)?.issuer : undefined;
    return { ...reject(verdict.code ?? 'record-missing', verdict.reason ?? '报告中没有记录'), ...(issuer && { issuer }) };
  }
  if (verdict.record.status !== 'final') return reject('draft', '报告中的记录是草稿（未定稿），不计入统计');
  // A member's 独立评分表 is one voice of the group, not the group's report: counting it would count the session twice.
  if (verdict.record.group?.role === 'member')
    return reject('member-sheet', `这是组员「${verdict.record.group.member}」的独立评分表，不是巡听报告：请交给本组组长汇总`);
  const signers = verdict.signatures.map((s) => ({
    cn: s.signer?.cn ?? '',
    o: s.signer?.o ?? '',
    fingerprint: s.signer?.fingerprint ?? '',
    signingTime: s.signingTime,
  }));
  const warning = outsideSignerWarning(verdict.record, signers);
  return {
    ok: true,
    fileName,
    size,
    sha256: toHex(await sha256(bytes)),
    record: verdict.record,
    signers,
    ...(warning ? { warning } : {}),
  };
}

/**
 * A signer who is not among the record's observers: not refused (a 工委 may sign on an observer
 * group's behalf), but the supervisor should know whose name is on the signature.
 */
function outsideSignerWarning(record: ObservationRecord, signers: readonly Signer[]): string | null {
  const observers = new Set(record.observers.map((o) => o.name));
  const outside = signers.map((s) => s.cn).filter((cn) => !observers.has(cn));
  if (!outside.length) return null;
  return `签名人「${outside.join('、')}」不在本记录的旁听人员（${record.observers.map((o) => o.name).join('、')}）中，可能是代签，请核对`;
}
