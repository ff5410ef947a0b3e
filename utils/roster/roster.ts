import { z } from 'zod';
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

export const MAX_UNITS = 5000;

const unitSchema = z.object({
  id: z.string({ error: '单位编号须为文字' }).trim().min(1, { error: '单位编号不能为空' }).max(64, { error: '单位编号过长' }),
  name: z.string({ error: '单位名称须为文字' }).trim().min(1, { error: '单位名称不能为空' }).max(100, { error: '单位名称不能超过 100 个字' }),
  category: z.enum(UNIT_CATEGORIES, { error: `单位类别须为 ${UNIT_CATEGORIES.join('、')} 之一` }).default('其他'),
  active: z.boolean({ error: 'active 须为 true 或 false' }).default(true),
});

const rosterSchema = z.object({
  format: z.literal(ROSTER_FORMAT, { error: `名单格式标识须为 "${ROSTER_FORMAT}"` }),
  title: z.string().max(200).optional(),
  units: z.array(unitSchema, { error: '单位列表须为数组' }).min(1, { error: '名单中没有单位' }).max(MAX_UNITS, { error: `单位不能超过 ${MAX_UNITS} 个` }),
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
 * A roster from a file's text: JSON (`xunting.roster/1`) or CSV/plain text with a header row
 * naming the unit column (单位名称 / 单位 / 名称 / name), optional 类别 and 编号 columns; a file of
 * bare names (one per line) works too. Every problem is reported; nothing is half-imported.
 */
export function parseRosterText(text: string): Validated<Roster> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = parseJsonText(trimmed, '名单文件');
    if (!json.ok) return json;
    const v = json.value;
    return validateRoster(Array.isArray(v) ? { format: ROSTER_FORMAT, units: v } : v);
  }
  return parseRosterCsv(trimmed);
}

/** Split one CSV line (RFC 4180 quotes; comma, Chinese comma or tab). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',' || c === '\t' || c === '，') {
      cells.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

const NAME_HEADERS = ['单位名称', '单位', '名称', '单位全称', 'name', 'unit'];
const CATEGORY_HEADERS = ['类别', '单位类别', '分类', 'category'];
const ID_HEADERS = ['编号', '单位编号', '序号', 'id'];

function parseRosterCsv(text: string): Validated<Roster> {
  const lines = text.split(/\r?\n/);
  if (!lines.length || !lines[0].trim()) return { ok: false, problems: [{ path: '第 1 行', message: '名单文件是空的' }] };
  const header = splitCsvLine(lines[0]).map((h) => h.toLowerCase());
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  let nameCol = find(NAME_HEADERS);
  const catCol = find(CATEGORY_HEADERS);
  const idCol = find(ID_HEADERS);
  let start = 1;
  if (nameCol < 0) {
    if (header.length > 1) {
      return { ok: false, problems: [{ path: '第 1 行', message: `表头中找不到单位名称列（应为 ${NAME_HEADERS.slice(0, 3).join('、')} 之一）` }] };
    }
    nameCol = 0; // a bare list of names, one per line
    start = 0;
  }
  const units: Unit[] = [];
  const rowOf: number[] = [];
  const problems: Problem[] = [];
  for (let i = start; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const cells = splitCsvLine(lines[i]);
    const name = cells[nameCol] ?? '';
    if (!name) {
      problems.push({ path: `第 ${i + 1} 行`, message: '单位名称为空' });
      continue;
    }
    const category = (catCol >= 0 ? cells[catCol] : '') || '其他';
    if (!(UNIT_CATEGORIES as readonly string[]).includes(category)) {
      problems.push({ path: `第 ${i + 1} 行`, message: `单位类别「${category}」须为 ${UNIT_CATEGORIES.join('、')} 之一` });
      continue;
    }
    const id = (idCol >= 0 ? cells[idCol] : '') || `u${String(units.length + 1).padStart(3, '0')}`;
    units.push({ id, name, category: category as UnitCategory, active: true });
    rowOf.push(i + 1);
  }
  if (problems.length) return { ok: false, problems };
  // A duplicate names the earlier row as the user sees it in the file.
  const checked = validateRosterNaming({ format: ROSTER_FORMAT, units }, (i) => `第 ${rowOf[i]} 行`);
  if (checked.ok) return checked;
  // Report rows as the user sees them in the file, not as array indexes.
  return {
    ok: false,
    problems: checked.problems.map((p) => {
      const m = /^\$\.units\[(\d+)\]/.exec(p.path);
      return m ? { path: `第 ${rowOf[Number(m[1])]} 行`, message: p.message } : p;
    }),
  };
}
