import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ObservationRecord, RecordStatus } from '../record';
import type { RubricTemplate } from '../rubric';
import type { Unit } from '../roster';
import type { Plan } from '../plan/types';
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
  /** When imported from a signed 评分表 PDF: who published it and when (verified). */
  publishedBy?: { cn: string; o: string; fingerprint: string; publishedAt: string | null };
}

/**
 * A version of a rubric template in the supervisor's editor. A draft changes as it is edited (and
 * may not validate yet); a published version is fixed for ever, with the signed 评分表 it was
 * published as. Editing a published template makes a new draft with the next version number.
 */
export interface RubricVersionRow {
  id: string;
  version: number;
  status: 'draft' | 'published';
  template: RubricTemplate;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** The signed 评分表 PDF (published versions made here); null for a template that came as JSON. */
  pdf: Blob | null;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type UnitRow = Unit;

/**
 * The observer's signing identity. The private key was made in this browser (non-extractable:
 * it never leaves it) or imported from the organisation's PKCS#12. Until the supervisor's
 * certificate is imported the identity is `pending` and holds only the request (CSR).
 */
export interface IdentityRow {
  id: typeof SELF_IDENTITY | typeof PUBLISHER_IDENTITY;
  name: string;
  org: string;
  createdAt: string;
  source: 'browser' | 'pkcs12';
  privateKey: CryptoKey;
  publicKey: CryptoKey | null;
  csrPem: string | null;
  /** DER of the observer's certificate, once issued and imported. */
  certificate: Uint8Array | null;
  /** DER of the issuing certificates (the CA's), nearest first. */
  chain: Uint8Array[];
}
export const SELF_IDENTITY = 'self' as const;
/** The dashboard's identity for publishing 评分表, issued by its own CA on first use. */
export const PUBLISHER_IDENTITY = 'publisher' as const;

/**
 * The supervisor's CA. The key is kept non-extractable; `backup` is the passphrase-protected
 * PKCS#12 made when the CA was created (or restored), the only form the key ever leaves in.
 */
export interface AuthorityRow {
  id: typeof SELF_AUTHORITY;
  createdAt: string;
  privateKey: CryptoKey;
  certificate: Uint8Array;
  backup: Uint8Array;
}
export const SELF_AUTHORITY = 'ca' as const;

/** A certificate the supervisor's CA issued (the register of observers). */
export interface IssuedRow {
  serial: string;
  cn: string;
  o: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  issuedAt: string;
  certificate: Uint8Array;
}

/** The supervisor's trust list: CA certificates, and observer certificates pinned one by one. */
export interface TrustRow {
  fingerprint: string;
  kind: 'ca' | 'pinned';
  cn: string;
  o: string;
  notAfter: string;
  addedAt: string;
  certificate: Uint8Array;
}

/** A signer of a collected report, as the verifier found it. */
export interface CollectedSigner {
  cn: string;
  o: string;
  fingerprint: string;
  signingTime: string | null;
}

/**
 * A report the supervisor collected: verified, and its record as signed. The same record id and
 * revision is stored once; a newer revision of the same record supersedes the older, which is
 * kept (marked) for the audit trail.
 */
export interface CollectedRow {
  recordId: string;
  revision: number;
  superseded: 0 | 1;
  unitId: string;
  unitName: string;
  date: string;
  record: ObservationRecord;
  signers: CollectedSigner[];
  fileName: string;
  /** SHA-256 (hex) of the PDF file; the PDF itself is in collectedFiles. */
  sha256: string;
  importedAt: string;
}

/** The original signed PDF of a collected report, by its SHA-256. */
export interface CollectedFileRow {
  sha256: string;
  fileName: string;
  size: number;
  pdf: Blob;
}

export type PlanRow = Plan;

export const DB_VERSION = 4;

/**
 * Schema history. Never edit a released version: add a new one with an upgrade.
 * v1: observations held the whole record.
 * v2: the list row (observations) is split from the record (records) so 1,000 observations list
 *     fast; finalised revisions are kept in versions; PDFs in reports.
 * v3: signing (the observer's identity; the supervisor's CA, its register and trust list) and
 *     the supervisor's side (collected reports and their PDFs, yearly plans). New tables only.
 * v4: the template editor's versions (rubricVersions); every stored template becomes its first
 *     published version, so editing it makes version + 1.
 */
const V2 = {
  observations: 'id, status, updatedAt, unitId, date',
  records: 'id',
  snapshots: '++seq, observationId, [observationId+savedAt]',
  versions: '[id+revision], id',
  reports: '[observationId+revision], observationId',
  templates: 'id',
  units: 'id, name',
  settings: 'key',
};
const V3 = {
  ...V2,
  identities: 'id',
  authority: 'id',
  issued: 'serial, issuedAt',
  trust: 'fingerprint, kind',
  collected: '[recordId+revision], recordId, sha256, date, superseded',
  collectedFiles: 'sha256',
  plans: 'year',
};

/** Each version in full, as Dexie declares it; v3 and v4 only add tables, so they spread the one before. */
export const SCHEMA: Record<number, Record<string, string>> = {
  1: {
    observations: 'id, status, updatedAt, unitId, date',
    snapshots: '++seq, observationId, savedAt',
    templates: 'id',
    units: 'id, name',
    settings: 'key',
  },
  2: V2,
  3: V3,
  4: { ...V3, rubricVersions: '[id+version], id, status' },
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

/** v3 → v4: each stored template is the first version the editor knows, published (fixed) as imported. */
async function upgradeToV4(tx: Transaction): Promise<void> {
  const templates = (await tx.table('templates').toArray()) as TemplateRow[];
  for (const t of templates) {
    const row: RubricVersionRow = {
      id: t.id,
      version: t.version,
      status: 'published',
      template: t.template,
      createdAt: t.importedAt,
      updatedAt: t.importedAt,
      publishedAt: t.importedAt,
      pdf: null,
    };
    await tx.table('rubricVersions').put(row);
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
  identities!: EntityTable<IdentityRow, 'id'>;
  authority!: EntityTable<AuthorityRow, 'id'>;
  issued!: EntityTable<IssuedRow, 'serial'>;
  trust!: EntityTable<TrustRow, 'fingerprint'>;
  collected!: Dexie.Table<CollectedRow, [string, number]>;
  collectedFiles!: EntityTable<CollectedFileRow, 'sha256'>;
  plans!: EntityTable<PlanRow, 'year'>;
  rubricVersions!: Dexie.Table<RubricVersionRow, [string, number]>;

  constructor(name: string, upTo: number = DB_VERSION) {
    super(name);
    if (upTo >= 1) this.version(1).stores(SCHEMA[1]);
    if (upTo >= 2) this.version(2).stores(SCHEMA[2]).upgrade(upgradeToV2);
    if (upTo >= 3) this.version(3).stores(SCHEMA[3]);
    if (upTo >= 4) this.version(4).stores(SCHEMA[4]).upgrade(upgradeToV4);
  }
}

export const DEFAULT_DB_NAME = 'xunting';
