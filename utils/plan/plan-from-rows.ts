/**
 * A plan table's rows → one Plan per year. Columns are found by header (the header may sit
 * below a title row): 单位名称 (or 编号 / 单位编号), 月份 / 计划月份, optional 巡听组 / 巡听小组 /
 * 组别 and 年度 / 年份. The year of a row comes from its 年度 cell, else from a month written with
 * its year (2026-03), else from `opts.year`. Nothing is half-parsed: any problem, and the result
 * is every problem, each naming its row as Excel numbers it.
 */
import { describeHeaderRow, findHeader } from '../io';
import { findUnit, normalizeUnitName, type Unit } from '../roster';
import type { Problem, Validated } from '../validate';
import { parsePlanMonth, parsePlanYear } from './plan-month';
import { PLAN_FORMAT, type Plan, type PlanEntry } from './types';
import { MAX_GROUP_LENGTH, validatePlan } from './validate-plan';

export interface PlanTableOptions {
  /** The year for rows that say none (no 年度 column, months written as 3 or 3月). */
  year?: number;
}

const PLAN_COLUMNS = {
  name: ['单位名称', '单位', '名称', '单位全称', '被巡听单位'],
  id: ['编号', '单位编号'],
  month: ['月份', '计划月份', '巡听月份', '月'],
  group: ['巡听组', '巡听小组', '组别', '巡听组别'],
  year: ['年度', '年份', '计划年度', '年'],
};
type PlanColumn = keyof typeof PLAN_COLUMNS;

/** Header names that mark a plan table (to pick the sheet of a workbook). */
export const PLAN_HEADERS: readonly string[] = [...PLAN_COLUMNS.name, ...PLAN_COLUMNS.id, ...PLAN_COLUMNS.month];

/** Unknown names get close-match suggestions; past this many distinct ones, the plain message (each lookup indexes the roster). */
const SUGGESTED_NAMES = 20;

interface RowDraft {
  row: number;
  name: string;
  unit: Unit | null;
  year: number;
  month: number;
  group: string;
}

export async function plansFromRows(rows: readonly (readonly string[])[], units: readonly Unit[], opts: PlanTableOptions = {}): Promise<Validated<Plan[]>> {
  const at = (i: number) => `第 ${i + 1} 行`;
  const header = findHeader(rows, PLAN_COLUMNS, ['name', 'id', 'month']);
  const headerText = describeHeaderRow(rows);
  const unitHeaders = `${PLAN_COLUMNS.name.slice(0, 4).join('、')}，或 ${PLAN_COLUMNS.id.join('、')}`;
  if (!header) {
    return {
      ok: false,
      problems: [{ path: at(headerText.row), message: `表头中找不到单位名称列（${unitHeaders}）和月份列（月份、计划月份）；这一行是：${headerText.text}` }],
    };
  }
  const cols = header.columns;
  const found = describeHeaderRow(rows.slice(header.row)).text;
  const missing: Problem[] = [];
  if (cols.name === undefined && cols.id === undefined)
    missing.push({ path: at(header.row), message: `表头中找不到单位名称列（${unitHeaders}）；表头是：${found}` });
  if (cols.month === undefined)
    missing.push({ path: at(header.row), message: `表头中找不到月份列（${PLAN_COLUMNS.month.slice(0, 3).join('、')}）；表头是：${found}` });
  if (missing.length) return { ok: false, problems: missing };

  const cell = (row: readonly string[], key: PlanColumn) => (cols[key] === undefined ? '' : (row[cols[key]] ?? '').trim());
  const byName = new Map(units.map((u) => [normalizeUnitName(u.name), u]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const problems: { row: number; message: string }[] = [];
  const drafts: RowDraft[] = [];

  for (let i = header.row + 1; i < rows.length; i++) {
    const row = rows[i];
    if (!row.some(Boolean)) continue;
    const before = problems.length;
    const flag = (message: string) => problems.push({ row: i, message });

    const name = cell(row, 'name').replace(/\s*[\r\n]+\s*/g, '');
    const id = cell(row, 'id');
    const named = name ? (byName.get(normalizeUnitName(name)) ?? null) : null;
    const numbered = id ? (byId.get(id) ?? null) : null;
    if (!name && !id) flag('单位名称为空');
    if (id && !numbered) flag(`单位编号「${id}」不在单位名单中`);
    if (named && numbered && named !== numbered) flag(`单位名称「${name}」与编号「${id}」（${numbered.name}）不是同一个单位`);

    const month = parsePlanMonth(cell(row, 'month'));
    if (!month.ok) flag(month.message);
    const yearText = cell(row, 'year');
    const yearCell = yearText ? parsePlanYear(yearText) : null;
    if (yearCell && !yearCell.ok) flag(yearCell.message);
    let year: number | undefined = yearCell?.ok ? yearCell.value : undefined;
    if (month.ok && month.value.year !== undefined) {
      if (year !== undefined && year !== month.value.year) flag(`月份「${cell(row, 'month')}」与年度「${yearText}」不一致`);
      year ??= month.value.year;
    }
    if (year === undefined && !yearCell) {
      year = opts.year;
      if (year === undefined && month.ok) flag('没有年度：请加「年度」列，或把月份写成 2026-03 这样带年份的形式');
    }

    const group = cell(row, 'group').replace(/\s+/g, ' ');
    if (group.length > MAX_GROUP_LENGTH) flag(`巡听组名称不能超过 ${MAX_GROUP_LENGTH} 个字`);

    if (problems.length === before && month.ok && year !== undefined) {
      // A name that is not in the roster is looked up below, whatever the 编号 says.
      drafts.push({ row: i, name, unit: name ? named : numbered, year, month: month.value.month, group });
    }
  }

  // Names not in the roster: findUnit accepts an id typed as the name, else suggests close names.
  const lookups = new Map<string, Awaited<ReturnType<typeof findUnit>> | null>();
  for (const d of drafts) {
    if (d.unit || lookups.has(d.name)) continue;
    lookups.set(d.name, lookups.size < SUGGESTED_NAMES ? await findUnit(units, d.name, 3) : null);
  }
  for (const d of drafts) {
    if (d.unit) continue;
    const lookup = lookups.get(d.name);
    if (lookup?.unit) {
      d.unit = lookup.unit;
      continue;
    }
    const close = lookup?.suggestions.map((u) => `「${u.name}」`).join('') ?? '';
    problems.push({
      row: d.row,
      message: close ? `单位「${d.name}」不在单位名单中；是不是：${close}？` : `单位「${d.name}」不在单位名单中，请改成名单中的名称，或先把它加入单位名单`,
    });
  }

  // Each unit at most once a year.
  const first = new Map<string, number>();
  for (const d of drafts) {
    if (!d.unit) continue;
    const key = `${d.year}\u0000${d.unit.id}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, d.row);
    else problems.push({ row: d.row, message: `单位「${d.unit.name}」在 ${d.year} 年的计划中重复（已在第 ${seen + 1} 行）；每个单位每年只计划一次` });
  }

  if (!problems.length && !drafts.length) problems.push({ row: header.row, message: '表头下面没有计划行' });
  if (problems.length) {
    problems.sort((a, b) => a.row - b.row);
    return { ok: false, problems: problems.map((p) => ({ path: at(p.row), message: p.message })) };
  }

  const years = new Map<number, PlanEntry[]>();
  for (const d of drafts) {
    const entries = years.get(d.year) ?? [];
    entries.push({ unitId: d.unit!.id, month: d.month, group: d.group });
    years.set(d.year, entries);
  }
  const plans: Plan[] = [];
  for (const [year, entries] of [...years].sort((a, b) => a[0] - b[0])) {
    // The rows were checked one by one; the schema is the last word on what a plan is.
    const checked = validatePlan({ format: PLAN_FORMAT, year, entries });
    if (!checked.ok) return checked;
    plans.push(checked.value);
  }
  return { ok: true, value: plans };
}
