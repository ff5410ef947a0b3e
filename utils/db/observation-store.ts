import type { ObservationRecord } from '../record';
import { finalizeRecord, reviseRecord, unsetUntouchedDeductions } from '../record';
import { rowOf, type ObservationRow, type SnapshotRow, type VersionRow, type XuntingDB } from './schema';

/** How many snapshots of each observation are kept for going back. */
export const SNAPSHOT_LIMIT = 50;
/** A new snapshot is taken when the last one is older than this (and on every explicit event). */
export const SNAPSHOT_INTERVAL_MS = 30_000;

/**
 * Store the current state of an observation (its list row and record in one transaction),
 * and a history snapshot when the last one is older than SNAPSHOT_INTERVAL_MS or `reason` is given.
 */
export async function saveRecord(db: XuntingDB, record: ObservationRecord, reason?: string): Promise<void> {
  await db.transaction('rw', db.observations, db.records, db.snapshots, async () => {
    await db.observations.put(rowOf(record));
    await db.records.put({ id: record.id, record });
    const last = await db.snapshots.where('[observationId+savedAt]').between([record.id, ''], [record.id, '\uffff']).last();
    const due = !last || Date.parse(record.updatedAt) - Date.parse(last.savedAt) >= SNAPSHOT_INTERVAL_MS;
    if (reason || due) await addSnapshot(db, record, reason ?? '自动保存');
  });
}

async function addSnapshot(db: XuntingDB, record: ObservationRecord, reason: string): Promise<void> {
  await db.snapshots.add({ observationId: record.id, savedAt: record.updatedAt, reason, record });
  const keys = await db.snapshots.where('observationId').equals(record.id).primaryKeys();
  if (keys.length > SNAPSHOT_LIMIT) {
    keys.sort((a, b) => (a as number) - (b as number));
    await db.snapshots.bulkDelete(keys.slice(0, keys.length - SNAPSHOT_LIMIT));
  }
}

export async function loadRecord(db: XuntingDB, id: string): Promise<ObservationRecord | undefined> {
  return (await db.records.get(id))?.record;
}

/** All observations, newest change first. */
export async function listObservations(db: XuntingDB): Promise<ObservationRow[]> {
  return db.observations.orderBy('updatedAt').reverse().toArray();
}

export async function listSnapshots(db: XuntingDB, observationId: string): Promise<SnapshotRow[]> {
  const rows = await db.snapshots.where('observationId').equals(observationId).toArray();
  return rows.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
}

/** Go back to a snapshot: the current state is snapshotted first, so going back can be undone. */
export async function restoreSnapshot(db: XuntingDB, seq: number, now = new Date()): Promise<ObservationRecord> {
  return db.transaction('rw', db.observations, db.records, db.snapshots, async () => {
    const snap = await db.snapshots.get(seq);
    if (!snap) throw new Error('找不到该历史版本');
    const current = await loadRecord(db, snap.observationId);
    if (current?.status === 'final') throw new Error('记录已定稿，不能回退；请先点“更正”生成新的修订');
    if (current) await addSnapshot(db, current, '回退前');
    const record: ObservationRecord = { ...structuredClone(snap.record), updatedAt: now.toISOString() };
    if (current && current.revision !== record.revision) {
      // A snapshot from an earlier revision brings its content into the current correction: it must
      // not turn the draft back into that revision (finalising would overwrite the kept version),
      // and the earlier revision's signatures do not sign this content.
      Object.assign(record, { revision: current.revision, status: 'draft', finalizedAt: null });
      record.observers = record.observers.map((o) => ({ ...o, signature: null }));
    }
    await db.observations.put(rowOf(record));
    await db.records.put({ id: record.id, record });
    return record;
  });
}

/** Lock a draft: stored as the current state and, for ever, as a finalised version. */
export async function finalizeObservation(db: XuntingDB, draft: ObservationRecord, now = new Date()): Promise<ObservationRecord> {
  const final = finalizeRecord(draft, now);
  await db.transaction('rw', [db.observations, db.records, db.snapshots, db.versions], async () => {
    await db.observations.put(rowOf(final));
    await db.records.put({ id: final.id, record: final });
    await db.versions.put({ id: final.id, revision: final.revision, finalizedAt: final.finalizedAt!, record: final });
    await addSnapshot(db, final, `定稿（第 ${final.revision} 版）`);
  });
  return final;
}

/** Start a correction: a new draft revision; the finalised revision stays in versions. */
export async function reviseObservation(db: XuntingDB, id: string, now = new Date()): Promise<ObservationRecord> {
  return db.transaction('rw', [db.observations, db.records, db.snapshots, db.versions], async () => {
    const current = await loadRecord(db, id);
    if (!current) throw new Error('找不到该记录');
    if (!(await db.versions.get([id, current.revision]))) throw new Error('找不到已定稿的版本，不能更正');
    const draft = reviseRecord(current, now);
    await db.observations.put(rowOf(draft));
    await db.records.put({ id: draft.id, record: draft });
    await addSnapshot(db, draft, `更正（第 ${draft.revision} 版）`);
    return draft;
  });
}

export async function listVersions(db: XuntingDB, id: string): Promise<VersionRow[]> {
  return db.versions.where('id').equals(id).sortBy('revision');
}

/** Delete a draft observation and its history. Finalised revisions are never deleted here. */
export async function deleteDraft(db: XuntingDB, id: string): Promise<void> {
  await db.transaction('rw', [db.observations, db.records, db.snapshots, db.versions], async () => {
    if ((await db.versions.where('id').equals(id).count()) > 0) throw new Error('该记录已有定稿版本，不能删除');
    await db.observations.delete(id);
    await db.records.delete(id);
    await db.snapshots.where('observationId').equals(id).delete();
  });
}

/** Set once the stored drafts no longer hold the old 0-deducted default (see unsetUntouchedDeductions). */
const DEDUCTIONS_UNSET_KEY = 'migrated.deductionsUnset';

/**
 * One pass, once per database: drafts made while 扣分项 started at 0 get those items unset, in
 * one transaction with the flag. Finalised versions, snapshots and reports are left as they were.
 * A restored backup from before the change lacks the flag, so its drafts are migrated too.
 */
export async function unsetUntouchedDeductionsOnce(db: XuntingDB): Promise<number> {
  return db.transaction('rw', db.settings, db.records, db.observations, async () => {
    if ((await db.settings.get(DEDUCTIONS_UNSET_KEY))?.value) return 0;
    let changed = 0;
    for (const row of await db.records.toArray()) {
      const next = unsetUntouchedDeductions(row.record);
      if (next) {
        await db.records.put({ id: next.id, record: next });
        changed++;
      }
      // List rows hold totals and grades computed by the old rules (graded while incomplete): recompute them all.
      await db.observations.put(rowOf(next ?? row.record));
    }
    await db.settings.put({ key: DEDUCTIONS_UNSET_KEY, value: true });
    return changed;
  });
}
