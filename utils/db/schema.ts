import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ObservationRecord, RecordStatus } from '../record';
import type { RubricTemplate } from '../rubric';
import type { Unit } from '../roster';
import { scoreTemplate } from '../rubric';

/** One line per observation in the list: small, so 1,000 of them list fast. */
export interface ObservationRow {
  id: string;
  revision: number;
  status: RecordStatus;
  unitId: string;
  unitName: string;
  date: string;
  theme: string;
  total: number | null;
  grade: string | null;
  updatedAt: string;
  finalizedAt: string | null;
}

/** The current state (latest revision, draft or final) of an observation. */
export interface RecordRow {
  id: string;
  record: ObservationRecord;
}

/** A snapshot in an observation's history (the last SNAPSHOT_LIMIT are kept). */
export interface SnapshotRow {
  seq?: number;
  observationId: string;
  savedAt: string;
  reason: string;
  record: ObservationRecord;
}

/** A finalised revision, kept for ever: a correction makes a new revision, never overwrites. */
export interface VersionRow {
  id: string;
  revision: number;
  finalizedAt: string;
  record: ObservationRecord;
}

/** A PDF report made from a revision. */
export interface ReportRow {
  observationId: string;
  revision: number;
  createdAt: string;
  fileName: string;
  pdf: Blob;
  signed: boolean;
}

export interface TemplateRow {
  id: string;
  version: number;
  title: string;
  importedAt: string;
  template: RubricTemplate;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type UnitRow = Unit;

export const DB_VERSION = 2;

/**
 * Schema history. Never edit a released version: add a new one with an upgrade.
 * v1: observations held the whole record.
 * v2: the list row (observations) is split from the record (records) so 1,000 observations list
 *     fast; finalised revisions are kept in versions; PDFs in reports.
 */
export const SCHEMA: Record<number, Record<string, string>> = {
  1: {
    observations: 'id, status, updatedAt, unitId, date',
    snapshots: '++seq, observationId, savedAt',
    templates: 'id',
    units: 'id, name',
    settings: 'key',
  },
  2: {
    observations: 'id, status, updatedAt, unitId, date',
    records: 'id',
    snapshots: '++seq, observationId, [observationId+savedAt]',
    versions: '[id+revision], id',
    reports: '[observationId+revision], observationId',
    templates: 'id',
    units: 'id, name',
    settings: 'key',
  },
};

export function rowOf(record: ObservationRecord): ObservationRow {
  const summary = scoreTemplate(record.template, record.scores);
  return {
    id: record.id,
    revision: record.revision,
    status: record.status,
    unitId: record.unit.id,
    unitName: record.unit.name,
    date: record.date,
    theme: record.theme,
    total: summary.total,
    grade: summary.grade,
    updatedAt: record.updatedAt,
    finalizedAt: record.finalizedAt,
  };
}

/** v1 → v2: split each stored record into its list row and record row; keep finalised ones as versions. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const old = (await tx.table('observations').toArray()) as { id: string; record: ObservationRecord }[];
  for (const row of old) {
    const record = row.record;
    await tx.table('records').put({ id: record.id, record } satisfies RecordRow);
    await tx.table('observations').put(rowOf(record));
    if (record.status === 'final' && record.finalizedAt) {
      await tx.table('versions').put({ id: record.id, revision: record.revision, finalizedAt: record.finalizedAt, record } satisfies VersionRow);
    }
  }
}

export class XuntingDB extends Dexie {
  observations!: EntityTable<ObservationRow, 'id'>;
  records!: EntityTable<RecordRow, 'id'>;
  snapshots!: EntityTable<SnapshotRow, 'seq'>;
  versions!: Dexie.Table<VersionRow, [string, number]>;
  reports!: Dexie.Table<ReportRow, [string, number]>;
  templates!: EntityTable<TemplateRow, 'id'>;
  units!: EntityTable<UnitRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name: string, upTo: number = DB_VERSION) {
    super(name);
    if (upTo >= 1) this.version(1).stores(SCHEMA[1]);
    if (upTo >= 2) this.version(2).stores(SCHEMA[2]).upgrade(upgradeToV2);
  }
}

export const DEFAULT_DB_NAME = 'xunting';
