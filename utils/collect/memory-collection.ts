/**
 * A collection held in memory, for the command line: the same decisions as the inbox's
 * Dexie store, over the same inspections.
 */
import type { CollectedRecord } from '../coverage/types';
import { decide, type Decision } from './decide';
import type { Inspection } from './inspect-report';

type Accepted = Extract<Inspection, { ok: true }>;

export type IngestOutcome = { outcome: 'rejected'; reason: string } | (Decision & { recordId: string; revision: number; unitName: string; warning?: string });

export class MemoryCollection {
  private readonly byRecord = new Map<string, { item: Accepted; superseded: boolean }[]>();

  add(inspection: Inspection): IngestOutcome {
    if (!inspection.ok) return { outcome: 'rejected', reason: inspection.reason };
    const id = inspection.record.id;
    const rows = this.byRecord.get(id) ?? [];
    const d = decide(
      rows.map((r) => ({ record: r.item.record, signers: r.item.signers.map((s) => s.cn), sha256: r.item.sha256, fileName: r.item.fileName })),
      { record: inspection.record, signers: inspection.signers.map((s) => s.cn), sha256: inspection.sha256 },
    );
    if (d.outcome === 'accepted') {
      for (const r of rows) if (d.supersedes.includes(r.item.record.revision)) r.superseded = true;
      rows.push({ item: inspection, superseded: false });
    } else if (d.outcome === 'superseded') rows.push({ item: inspection, superseded: true });
    else if (d.replaceFile) {
      const i = rows.findIndex((r) => r.item.record.revision === inspection.record.revision);
      rows[i] = { item: inspection, superseded: rows[i].superseded };
    }
    this.byRecord.set(id, rows);
    return {
      ...d,
      recordId: id,
      revision: inspection.record.revision,
      unitName: inspection.record.unit.name,
      ...(inspection.warning ? { warning: inspection.warning } : {}),
    };
  }

  /** The current revision of every record, as coverage takes them. */
  records(): CollectedRecord[] {
    const out: CollectedRecord[] = [];
    for (const rows of this.byRecord.values()) {
      for (const r of rows) if (!r.superseded) out.push({ record: r.item.record, signers: r.item.signers.map((s) => s.cn), fileName: r.item.fileName });
    }
    return out;
  }
}
