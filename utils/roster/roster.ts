import { z } from 'zod';
import { describeHeaderRow, findHeader, readJsonOrTable, tableFromText } from '../io';
import { parseWith, parseJsonText, type Problem, type Validated } from '../validate';

export const ROSTER_FORMAT = 'xunting.roster/1' as const;
export const UNIT_CATEGORIES = ['党群', '政府', '事业', '国企', '其他'] as const;
export type UnitCategory = (typeof UNIT_CATEGORIES)[number];

/** A unit in scope of 巡听旁听 (one line of the roster). */
export interface Unit {
  id: string;
  name: string;
  category: UnitCategory;
  active: boolean;
}

export interface Roster {
  format: typeof ROSTER_FORMAT;
  title?: string;
  units: Unit[];
}

const MAX_UNITS = 5000;
/** The longest unit name, in the roster and in a record. */
export const UNIT_NAME_MAX = 100;

const unitSchema = z.object({
  id: z.string({ error: '单位编号须为文字' }).trim().min(1, { error: '单位编号不能为空' }).max(64, { error: '单位编号过长' }),
  name: z
    .string({ error: '单位名称须为文字' })
    .trim()
    .min(1, { error: '单位名称不能为空' })
    .max(UNIT_NAME_MAX, { error: `单位名称不能超过 ${UNIT_NAME_MAX} 个字` }),
  category: z.enum(UNIT_CATEGORIES, { error: `单位类别须为 ${UNIT_CATEGORIES.join('、')} 之一` }).default('其他'),
  active: z.boolean({ error: 'active 须为 true 或 false' }).default(true),
});

const rosterSchema = z.object({
  format: z.literal(ROSTER_FORMAT, { error: `名单格式标识须为 "${ROSTER_FORMAT}"` }),
  title: z.string().max(200).optional(),
  units: z
    .array(unitSchema, { error: '单位列表须为数组' })
    .min(1, { error: '名单中没有单位' })
    .max(MAX_UNITS, { error: `单位不能超过 ${MAX_UNITS} 个` }),
});

/** Names compare equal when they differ only in spaces or full-width/half-width forms. */
export function normalizeUnitName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** `where(i)` names the i-th unit as the user knows it (an array position, or a file's row). */
function duplicateProblems(units: Unit[], where: (i: number) => string = (i) => `第 ${i + 1} 个单位`): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  units.forEach((u, i) => {
    const idSeen = ids.get(u.id);
    if (idSeen !== undefined) problems.push({ path: `$.units[${i}].id`, message: `单位编号 "${u.id}" 与${where(idSeen)}重复` });
    else ids.set(u.id, i);
    const key = normalizeUnitName(u.name);
    const nameSeen = names.get(key);
    if (nameSeen !== undefined) problems.push({ path: `$.units[${i}].name`, message: `单位名称「${u.name}」与${where(nameSeen)}重复` });
    else names.set(key, i);
  });
  return problems;
}

export function validateRoster(input: unknown): Validated<Roster> {
  return validateRosterNaming(input);
}

function validateRosterNaming(input: unknown, where?: (i: number) => string): Validated<Roster> {
  const parsed = parseWith(rosterSchema, input);
  if (!parsed.ok) return parsed;
  const roster = parsed.value as Roster;
  const problems = duplicateProblems(roster.units, where);
  return problems.length ? { ok: false, problems } : { ok: true, value: roster };
}

/**
 * A roster from a file's text: JSON (`xunting.roster/1`, or a bare array of units) or CSV/plain
 * text with a header row naming the unit column (单位名称 / 单位 / 名称 / 单位全称 / name),
 * optional 类别, 编号 and 状态/是否在册 columns; a file of bare names (one per line) works too.
 * Every problem is reported; nothing is half-imported. For a file's bytes (GBK, XLSX …) use
 * parseRosterFile.
 */
export function parseRosterText(text: string): Validated<Roster> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = parseJsonText(trimmed, ROSTER_WHAT);
    if (!json.ok) return json;
    return rosterFromJson(json.value);
  }
  if (!trimmed) return { ok: false, problems: [{ path: '第 1 行', message: `${ROSTER_WHAT}是空的` }] };
  const table = tableFromText(text, ROSTER_WHAT);
  if (!table.ok) return table;
  return rosterFromRows(table.value.rows);
}

/**
 * A roster from an imported file's bytes: JSON, CSV/TSV/TXT in UTF-8, UTF-16 or GBK (as Excel
 * saves CSV on Chinese Windows), or an .xlsx workbook (the sheet with a 单位名称 header). Rows in
 * problems are numbered as the user sees them in Excel (第 5 行).
 */
export async function parseRosterFile(fileName: string, bytes: Uint8Array): Promise<Validated<Roster>> {
  const read = await readJsonOrTable(fileName, bytes, ROSTER_WHAT, { headers: NAME_HEADERS });
  if (!read.ok) return read;
  return read.value.kind === 'json' ? rosterFromJson(read.value.value) : rosterFromRows(read.value.table.rows);
}

const ROSTER_WHAT = '名单文件';

function rosterFromJson(v: unknown): Validated<Roster> {
  return validateRoster(Array.isArray(v) ? { format: ROSTER_FORMAT, units: v } : v);
}

const NAME_HEADERS = ['单位名称', '单位', '名称', '单位全称', 'name', 'unit'];
const CATEGORY_HEADERS = ['类别', '单位类别', '分类', 'category'];
const ID_HEADERS = ['编号', '单位编号', '序号', 'id'];
const STATUS_HEADERS = ['状态', '单位状态', '是否在册', '在册', 'active'];
const ROSTER_COLUMNS = { name: NAME_HEADERS, category: CATEGORY_HEADERS, id: ID_HEADERS, status: STATUS_HEADERS };

const ACTIVE_WORDS = ['是', '在册', '正常', '有效', '启用', 'true', '1', 'y', 'yes', '√', '✓'];
const INACTIVE_WORDS = ['否', '撤销', '已撤销', '撤并', '已撤并', '停用', '无效', '不在册', 'false', '0', 'n', 'no', '×', '✗'];

/** 状态 / 是否在册 cell → active; empty means active; null when the word is not understood. */
function parseActive(cell: string): boolean | null {
  const v = cell.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (!v || ACTIVE_WORDS.includes(v)) return true;
  if (INACTIVE_WORDS.includes(v)) return false;
  return null;
}

/** 类别 cell → category: 党群 … 其他, also written 党群部门, 事业单位, 国有企业; null when unknown. */
function parseCategory(cell: string): UnitCategory | null {
  const v = cell.normalize('NFKC').replace(/\s+/g, '');
  if (!v) return '其他';
  const core = v === '国有企业' ? '国企' : v.replace(/(工作部门|部门|机关|单位)$/, '');
  return (UNIT_CATEGORIES as readonly string[]).includes(core) ? (core as UnitCategory) : null;
}

/**
 * A roster from a table's rows (rows[i] is the file's row i + 1): the header row may sit below a
 * title; a single column without a header is a list of names. A line break inside a name (Excel
 * "wrap text") is removed, as a name is one line.
 */
function rosterFromRows(rows: readonly (readonly string[])[]): Validated<Roster> {
  const at = (i: number) => `第 ${i + 1} 行`;
  const header = findHeader(rows, ROSTER_COLUMNS, ['name']);
  let start: number;
  let cols: Partial<Record<keyof typeof ROSTER_COLUMNS, number>>;
  if (header) {
    start = header.row + 1;
    cols = header.columns;
  } else {
    const first = describeHeaderRow(rows);
    if ((rows[first.row] ?? []).filter(Boolean).length > 1) {
      return {
        ok: false,
        problems: [{ path: at(first.row), message: `表头中找不到单位名称列（应为 ${NAME_HEADERS.slice(0, 4).join('、')} 之一）；这一行是：${first.text}` }],
      };
    }
    start = 0; // a bare list of names, one per line
    cols = { name: Math.max(0, (rows[first.row] ?? []).findIndex(Boolean)) };
  }
  const cell = (row: readonly string[], key: keyof typeof ROSTER_COLUMNS) => (cols[key] === undefined ? '' : (row[cols[key]] ?? '').trim());

  const drafts: { id: string; name: string; category: UnitCategory; active: boolean; row: number }[] = [];
  const problems: { row: number; problem: Problem }[] = [];
  for (let i = start; i < rows.length; i++) {
    const row = rows[i];
    if (!row.some(Boolean)) continue;
    const before = problems.length;
    const name = cell(row, 'name').replace(/\s*[\r\n]+\s*/g, '');
    if (!name) problems.push({ row: i, problem: { path: at(i), message: '单位名称为空' } });
    const categoryText = cell(row, 'category');
    const category = parseCategory(categoryText);
    if (!category) problems.push({ row: i, problem: { path: at(i), message: `单位类别「${categoryText}」须为 ${UNIT_CATEGORIES.join('、')} 之一` } });
    const statusText = cell(row, 'status');
    const active = parseActive(statusText);
    if (active === null) problems.push({ row: i, problem: { path: at(i), message: `状态「${statusText}」无法识别：须为 是/否 或 在册/撤销` } });
    if (problems.length === before && category && active !== null) drafts.push({ id: cell(row, 'id'), name, category, active, row: i });
  }

  // Ids left blank get u001, u002 … by position, skipping any the file already uses.
  const taken = new Set(drafts.map((d) => d.id).filter(Boolean));
  const units: Unit[] = drafts.map((d, n) => {
    let id = d.id;
    for (let k = n + 1; !id; k++) {
      const candidate = `u${String(k).padStart(3, '0')}`;
      if (taken.has(candidate)) continue;
      id = candidate;
      taken.add(id);
    }
    return { id, name: d.name, category: d.category, active: d.active };
  });
  const rowOf = drafts.map((d) => d.row);

  if (units.length || !problems.length) {
    // A duplicate names the earlier row as the user sees it in the file.
    const checked = validateRosterNaming({ format: ROSTER_FORMAT, units }, (i) => at(rowOf[i]));
    if (checked.ok && !problems.length) return checked;
    if (!checked.ok) {
      for (const p of checked.problems) {
        const m = /^\$\.units\[(\d+)\]/.exec(p.path);
        if (m) problems.push({ row: rowOf[Number(m[1])], problem: { path: at(rowOf[Number(m[1])]), message: p.message } });
        else if (p.path === '$.units' && !units.length)
          problems.push({ row: start, problem: { path: at(Math.max(0, start - 1)), message: '表头下面没有单位' } });
        else problems.push({ row: rows.length, problem: p });
      }
    }
  }
  // Report rows as the user sees them in the file, in file order.
  return { ok: false, problems: problems.sort((a, b) => a.row - b.row).map((p) => p.problem) };
}
