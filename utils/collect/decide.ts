/**
 * What a verified report does to the collection, given what is already there for the same
 * record id: pure, so the inbox (Dexie) and the command line (memory) decide alike.
 *
 * - the same file again, or the same record revision from another file → `duplicate` (a later
 *   file of the same revision with more signatures, e.g. countersigned, replaces the stored one);
 * - a revision newer than every stored one → `accepted`, and the stored ones become superseded;
 * - a revision older than a stored one → `superseded` (kept for the record, never counted);
 * - otherwise → `accepted`.
 */
export interface StoredRevision {
  revision: number;
  sha256: string;
  signerCount: number;
  fileName: string;
}

export interface Incoming {
  revision: number;
  sha256: string;
  signerCount: number;
}

export type Decision =
  | { outcome: 'accepted'; supersedes: number[]; note: string }
  | { outcome: 'superseded'; newer: number; note: string }
  | { outcome: 'duplicate'; replaceFile: boolean; note: string };

export function decide(stored: readonly StoredRevision[], incoming: Incoming): Decision {
  const sameFile = stored.find((s) => s.sha256 === incoming.sha256);
  if (sameFile) return { outcome: 'duplicate', replaceFile: false, note: `与已导入的文件「${sameFile.fileName}」完全相同` };
  const newest = Math.max(0, ...stored.map((s) => s.revision));
  const same = stored.find((s) => s.revision === incoming.revision);
  if (same) {
    const more = incoming.signerCount > same.signerCount;
    const outdated = newest > incoming.revision ? `，已被第 ${newest} 版取代` : '';
    return {
      outcome: 'duplicate',
      replaceFile: more,
      note: more
        ? `第 ${incoming.revision} 版已导入（「${same.fileName}」）${outdated}；本文件签名更多（${incoming.signerCount} 个），已替换保存`
        : `第 ${incoming.revision} 版已导入（「${same.fileName}」）${outdated}`,
    };
  }
  if (newest > incoming.revision) return { outcome: 'superseded', newer: newest, note: `已有更新的第 ${newest} 版，本文件（第 ${incoming.revision} 版）不计入统计` };
  const older = stored.map((s) => s.revision).sort((a, b) => a - b);
  return { outcome: 'accepted', supersedes: older, note: older.length ? `取代第 ${older.join('、')} 版` : '' };
}
