/**
 * What a verified report does to the collection, given what is already there for the same
 * record id: pure, so the inbox (Dexie) and the command line (memory) decide alike.
 *
 * - the same file again, or the same record revision from another file → `duplicate` (a later
 *   file of the same revision with more signatures, e.g. countersigned, replaces the stored one);
 * - a revision newer than every stored one → `accepted`, and the stored ones it supersedes
 *   (utils/record revision-rule: same unit and date, a signer among their signers or observers)
 *   become superseded;
 * - a revision older than a stored one that supersedes it → `superseded` (kept, never counted);
 * - otherwise → `accepted`; a stored revision it neither supersedes nor is superseded by stays
 *   current too, and the note says so (coverage lists the conflict under 数据问题). The same
 *   revision number for another unit or by an unrelated signer is not stored (its key is taken),
 *   and the note says why.
 */
import { supersedes, type SignedRevision } from '../record';

export interface StoredRevision extends SignedRevision {
  sha256: string;
  fileName: string;
}

export interface Incoming extends SignedRevision {
  sha256: string;
}

export type Decision =
  | { outcome: 'accepted'; supersedes: number[]; note: string }
  | { outcome: 'superseded'; newer: number; note: string }
  | { outcome: 'duplicate'; replaceFile: boolean; note: string };

/** The same revision of the same session (unit, date), signed by someone who signed or observed it. */
const sameRevisionRelated = (a: SignedRevision, b: SignedRevision) => supersedes({ ...a, record: { ...a.record, revision: a.record.revision + 1 } }, b);

const describe = (s: StoredRevision) => `第 ${s.record.revision} 版（「${s.fileName}」）`;

export function decide(stored: readonly StoredRevision[], incoming: Incoming): Decision {
  const sameFile = stored.find((s) => s.sha256 === incoming.sha256);
  if (sameFile) return { outcome: 'duplicate', replaceFile: false, note: `与已导入的文件「${sameFile.fileName}」完全相同` };
  const revision = incoming.record.revision;
  const newest = Math.max(0, ...stored.map((s) => s.record.revision));
  const same = stored.find((s) => s.record.revision === revision);
  if (same) {
    if (!sameRevisionRelated(incoming, same)) {
      return {
        outcome: 'duplicate',
        replaceFile: false,
        note: `与已导入的${describe(same)}编号相同，但单位、日期或签名人不同：疑似冒用记录编号，本文件未保存，请核对`,
      };
    }
    const more = incoming.signers.length > same.signers.length;
    const outdated = newest > revision ? `，已被第 ${newest} 版取代` : '';
    return {
      outcome: 'duplicate',
      replaceFile: more,
      note: more
        ? `第 ${revision} 版已导入（「${same.fileName}」）${outdated}；本文件签名更多（${incoming.signers.length} 个），已替换保存`
        : `第 ${revision} 版已导入（「${same.fileName}」）${outdated}`,
    };
  }
  const newer = stored.filter((s) => supersedes(s, incoming)).sort((a, b) => b.record.revision - a.record.revision);
  if (newer.length)
    return {
      outcome: 'superseded',
      newer: newer[0].record.revision,
      note: `已有更新的第 ${newer[0].record.revision} 版，本文件（第 ${revision} 版）不计入统计`,
    };
  const older = stored
    .filter((s) => supersedes(incoming, s))
    .map((s) => s.record.revision)
    .sort((a, b) => a - b);
  const conflicts = stored.filter((s) => !older.includes(s.record.revision));
  const notes = [
    older.length ? `取代第 ${older.join('、')} 版` : '',
    conflicts.length ? `与已导入的${conflicts.map(describe).join('、')}单位、日期或签名人不同，互不取代，均计入统计（见“数据问题”）` : '',
  ];
  return { outcome: 'accepted', supersedes: older, note: notes.filter(Boolean).join('；') };
}
