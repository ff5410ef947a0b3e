/**
 * The supervisor's collection in IndexedDB: every verified report once, its original PDF
 * kept by SHA-256. One transaction per file: a file is stored whole or not at all.
 */
import { decide, type Decision, type Inspection, type UntrustedIssuer } from '../collect';
import type { CollectedRecord } from '../coverage/types';
import type { CollectedRow, XuntingDB } from './schema';

export type IngestResult =
  | { outcome: 'rejected'; fileName: string; reason: string; code: string; issuer?: UntrustedIssuer }
  | (Decision & { fileName: string; recordId: string; revision: number; unitName: string; date: string; warning?: string });

/** Store what inspectReport accepted (the PDF bytes given again), deciding as `decide` says. */
export async function ingestInspected(db: XuntingDB, inspection: Inspection, pdf: Blob, now = new Date()): Promise<IngestResult> {
  if (!inspection.ok)
    return {
      outcome: 'rejected',
      fileName: inspection.fileName,
      reason: inspection.reason,
      code: inspection.code,
      ...(inspection.issuer && { issuer: inspection.issuer }),
    };
  const r = inspection.record;
  return db.transaction('rw', db.collected, db.collectedFiles, async () => {
    const stored = await db.collected.where('recordId').equals(r.id).toArray();
    const d = decide(
      stored.map((s) => ({ record: s.record, signers: s.signers.map((x) => x.cn), sha256: s.sha256, fileName: s.fileName })),
      { record: r, signers: inspection.signers.map((x) => x.cn), sha256: inspection.sha256 },
    );
    const row: CollectedRow = {
      recordId: r.id,
      revision: r.revision,
      superseded: d.outcome === 'superseded' ? 1 : 0,
      unitId: r.unit.id,
      unitName: r.unit.name,
      date: r.date,
      record: r,
      signers: inspection.signers,
      fileName: inspection.fileName,
      sha256: inspection.sha256,
      importedAt: now.toISOString(),
    };
    const keepFile = () => db.collectedFiles.put({ sha256: inspection.sha256, fileName: inspection.fileName, size: inspection.size, pdf });
    if (d.outcome === 'accepted') {
      for (const s of stored) if (!s.superseded && d.supersedes.includes(s.revision)) await db.collected.update([s.recordId, s.revision], { superseded: 1 });
      await db.collected.put(row);
      await keepFile();
    } else if (d.outcome === 'superseded') {
      await db.collected.put(row);
      await keepFile();
    } else if (d.replaceFile) {
      const old = stored.find((s) => s.revision === r.revision)!;
      await db.collected.put({ ...row, superseded: old.superseded });
      await keepFile();
      if (!(await db.collected.where('sha256').equals(old.sha256).count())) await db.collectedFiles.delete(old.sha256);
    }
    return {
      ...d,
      fileName: inspection.fileName,
      recordId: r.id,
      revision: r.revision,
      unitName: r.unit.name,
      date: r.date,
      ...(inspection.warning ? { warning: inspection.warning } : {}),
    };
  });
}

/** The current revision of every collected record, as coverage takes them. */
export async function collectedRecords(db: XuntingDB): Promise<CollectedRecord[]> {
  const rows = await db.collected.where('superseded').equals(0).toArray();
  return rows.map((row) => ({ record: row.record, signers: row.signers.map((s) => s.cn), fileName: row.fileName }));
}

/** Counts for the inbox header. */
export async function collectionCounts(db: XuntingDB): Promise<{ current: number; superseded: number; files: number }> {
  const [current, superseded, files] = await Promise.all([
    db.collected.where('superseded').equals(0).count(),
    db.collected.where('superseded').equals(1).count(),
    db.collectedFiles.count(),
  ]);
  return { current, superseded, files };
}

/** Remove a collected report (all its revisions) and the files no other row uses. */
export async function removeCollected(db: XuntingDB, recordId: string): Promise<void> {
  await db.transaction('rw', db.collected, db.collectedFiles, async () => {
    const rows = await db.collected.where('recordId').equals(recordId).toArray();
    await db.collected.where('recordId').equals(recordId).delete();
    for (const r of rows) if (!(await db.collected.where('sha256').equals(r.sha256).count())) await db.collectedFiles.delete(r.sha256);
  });
}
