/**
 * The tables of a Xunting database that a backup holds, how each row is identified, and the
 * checks each row must pass before it may be restored: records as validateRecord, templates as
 * validateTemplate, the roster as validateRoster, plans as validatePlan, and the shape of the rest.
 */
import { validatePlan } from '../plan';
import { validateRecord } from '../record';
import { ROSTER_FORMAT, validateRoster } from '../roster';
import { validateTemplate } from '../rubric';
import type { Problem, Validated } from '../validate';
import { isBlob } from './encode-value';

export const BACKUP_TABLES = [
  'observations',
  'records',
  'snapshots',
  'versions',
  'reports',
  'templates',
  'units',
  'settings',
  'authority',
  'issued',
  'trust',
  'collected',
  'collectedFiles',
  'plans',
  'rubricVersions',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
export type TableCounts = Record<BackupTable, number>;

export const isBackupTable = (name: string): name is BackupTable => (BACKUP_TABLES as readonly string[]).includes(name);

/** The tables of the database that are never in a backup, and why (written into the manifest's notes). */
export const EXCLUDED_TABLES: Record<string, string> = {
  identities:
    '巡听人员的签名身份（identities）不在备份中：其私钥只存在于原浏览器，不能导出。恢复后请在本机重新生成签名身份并请巡听办签发证书；此前已签名的报告仍然有效。',
};
export const AUTHORITY_NOTE = 'CA 私钥不以明文写入备份：只保存建立 CA 时生成的、以 CA 备份口令加密的 PKCS#12（authority.backup）。恢复时须输入该口令。';

/** Chinese names of the tables, for counts and messages. */
export const TABLE_LABELS: Record<BackupTable, string> = {
  observations: '巡听记录',
  records: '记录内容',
  snapshots: '历史快照',
  versions: '定稿版本',
  reports: '报告 PDF',
  templates: '评分表',
  units: '单位名单',
  settings: '设置',
  authority: 'CA',
  issued: '已签发的证书',
  trust: '信任列表',
  collected: '收到的报告',
  collectedFiles: '收到的 PDF 文件',
  plans: '年度计划',
  rubricVersions: '评分表版本',
};

/** The primary key of each table (its fields, in order), as in utils/db SCHEMA. */
export const TABLE_KEYS: Record<BackupTable, readonly string[]> = {
  observations: ['id'],
  records: ['id'],
  snapshots: ['seq'],
  versions: ['id', 'revision'],
  reports: ['observationId', 'revision'],
  templates: ['id'],
  units: ['id'],
  settings: ['key'],
  authority: ['id'],
  issued: ['serial'],
  trust: ['fingerprint'],
  collected: ['recordId', 'revision'],
  collectedFiles: ['sha256'],
  plans: ['year'],
  rubricVersions: ['id', 'version'],
};

type Row = Record<string, unknown>;
type Check = (row: Row, at: string, problems: Problem[]) => void;

const isKey = (v: unknown) => (typeof v === 'string' && v.length > 0) || (typeof v === 'number' && Number.isFinite(v));
const isText = (v: unknown) => typeof v === 'string';

/** Problems of a validator (paths `$…`) moved under `at` (e.g. `tables/records.json[3].record`). */
function under(at: string, result: Validated<unknown>, problems: Problem[]): void {
  if (!result.ok) for (const p of result.problems) problems.push({ path: p.path.replace(/^\$/, at), message: p.message });
}

function field(row: Row, at: string, problems: Problem[], name: string, ok: (v: unknown) => boolean, what: string): void {
  if (!ok(row[name])) problems.push({ path: `${at}.${name}`, message: `${name} 须为${what}` });
}

const record: Check = (row, at, problems) => under(`${at}.record`, validateRecord(row.record), problems);
const bytes =
  (name: string): Check =>
  (row, at, problems) =>
    field(row, at, problems, name, (v) => v instanceof Uint8Array, '二进制数据');
const pdf: Check = (row, at, problems) => field(row, at, problems, 'pdf', isBlob, '文件（PDF）');
const texts =
  (...names: string[]): Check =>
  (row, at, problems) =>
    names.forEach((n) => field(row, at, problems, n, isText, '文字'));

const ROW_CHECKS: Record<BackupTable, Check[]> = {
  observations: [texts('unitId', 'unitName', 'date', 'updatedAt')],
  records: [record, (row, at, problems) => void (isRecordOf(row) || problems.push({ path: `${at}.id`, message: 'id 与所存记录的 id 不一致' }))],
  snapshots: [record, texts('observationId', 'savedAt')],
  versions: [record, texts('finalizedAt')],
  reports: [pdf, texts('fileName', 'createdAt')],
  templates: [(row, at, problems) => under(`${at}.template`, validateTemplate(row.template), problems)],
  units: [],
  settings: [],
  authority: [
    bytes('certificate'),
    bytes('backup'),
    (row, at, problems) =>
      void ('privateKey' in row && problems.push({ path: `${at}.privateKey`, message: '备份中不应有 CA 私钥（只应有口令保护的 backup）' })),
  ],
  issued: [bytes('certificate'), texts('cn', 'o', 'fingerprint', 'notAfter', 'issuedAt')],
  trust: [bytes('certificate'), texts('kind', 'cn', 'o', 'notAfter')],
  collected: [record, texts('sha256', 'fileName', 'unitId', 'date'), (row, at, problems) => field(row, at, problems, 'signers', Array.isArray, '数组')],
  collectedFiles: [pdf, texts('fileName')],
  plans: [(row, at, problems) => under(at, validatePlan(row), problems)],
  // A draft may not validate yet (it is being edited); a published version must.
  rubricVersions: [
    texts('status', 'createdAt', 'updatedAt'),
    (row, at, problems) => row.status === 'published' && under(`${at}.template`, validateTemplate(row.template), problems),
  ],
};

function isRecordOf(row: Row): boolean {
  const r = row.record as { id?: unknown } | null;
  return !!r && typeof r === 'object' && r.id === row.id;
}

/**
 * Every problem of a table's rows (decoded: Uint8Array and Blob in place): each row an object
 * with its key, keys unique, and the table's own checks. `entry` names the rows in problems.
 */
export function checkTableRows(table: BackupTable, rows: readonly unknown[], entry: string): Problem[] {
  const problems: Problem[] = [];
  const keys = TABLE_KEYS[table];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const at = `${entry}[${i}]`;
    if (!row || typeof row !== 'object' || Array.isArray(row)) return void problems.push({ path: at, message: '每一行须为对象' });
    const r = row as Row;
    const missing = keys.filter((k) => !isKey(r[k]));
    if (missing.length) return void problems.push({ path: `${at}.${missing[0]}`, message: `缺少主键 ${missing.join('、')}（须为文字或数字）` });
    const id = JSON.stringify(keys.map((k) => r[k]));
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path: at, message: `主键 ${keys.join('+')} 与第 ${first + 1} 行重复` });
    else seen.set(id, i);
    for (const check of ROW_CHECKS[table]) check(r, at, problems);
  });
  if (table === 'units' && rows.length && !problems.length) {
    const roster = validateRoster({ format: ROSTER_FORMAT, units: rows });
    if (!roster.ok) for (const p of roster.problems) problems.push({ path: p.path.replace(/^\$\.units/, entry), message: p.message });
  }
  return problems;
}
