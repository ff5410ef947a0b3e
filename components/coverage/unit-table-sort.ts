/**
 * The 单位明细 table as data: one row per unit with the texts the table shows, and the pure
 * sorting and filtering behind its column headers, search box and status/category filters.
 * Sorting keeps roster order for ties; empty cells (no date, no score) go last either way.
 */
import { plannedText, unitStatus, type Coverage, type UnitCoverage, type UnitStatus } from '../../utils/coverage';
import { UNIT_CATEGORIES, unitMatchRank, unitSearchKey, type UnitIndexEntry } from '../../utils/roster';

export type SortKey = 'name' | 'category' | 'planned' | 'date' | 'observers' | 'total' | 'grade' | 'status';
export type SortDir = 'ascending' | 'descending';
export interface TableSort {
  key: SortKey;
  dir: SortDir;
}

export type StatusFilter = 'all' | 'covered' | 'not-covered' | 'plan-unmet' | 'unplanned';
export interface TableFilter {
  /** Part of the name, or pinyin initials / full pinyin (xlgl, jiaoyuju). */
  query: string;
  status: StatusFilter;
  /** A unit category, or '' for every category. */
  category: string;
}

export const NO_FILTER: TableFilter = { query: '', status: 'all', category: '' };

export interface UnitRow {
  coverage: UnitCoverage;
  /** Position in the roster (the order before any sort). */
  order: number;
  status: UnitStatus;
  /** "3月 第一巡听组" (with the year when the scope spans years). */
  planned: string;
  /** Session dates, earliest first, joined by 、 */
  dates: string;
  /** Observers of all its sessions, each once, joined by 、 */
  observers: string;
}

/** The rows of the table, in roster order. */
export function unitRows(c: Coverage): UnitRow[] {
  const withYear = c.scope.fromYear !== c.scope.toYear;
  return c.units.map((u, order) => ({
    coverage: u,
    order,
    status: unitStatus(u),
    planned: plannedText(u.planned, withYear),
    dates: u.sessions.map((s) => s.date).join('、'),
    observers: [...new Set(u.sessions.flatMap((s) => s.observers))].join('、'),
  }));
}

const STATUS_ORDER: readonly UnitStatus[] = ['已覆盖', '计划外覆盖', '计划未完成', '待巡听', '未覆盖'];
const collator = new Intl.Collator('zh-CN');

type SortValue = string | number | null;

/** What a column sorts by; null for an empty cell. `gradeOrder` lists grades best first. */
function sortValue(row: UnitRow, key: SortKey, gradeOrder: readonly string[]): SortValue {
  const u = row.coverage;
  switch (key) {
    case 'name':
      return u.unit.name;
    case 'category':
      return UNIT_CATEGORIES.indexOf(u.unit.category);
    case 'planned':
      return u.planned.length ? u.planned[0].year * 12 + u.planned[0].month : null;
    case 'date':
      return u.firstDate;
    case 'observers':
      return row.observers || null;
    case 'total':
      return u.latestTotal;
    case 'grade': {
      // Best grade first when ascending, as the bands list them; unknown grades after known ones.
      if (u.latestGrade === null) return null;
      const i = gradeOrder.indexOf(u.latestGrade);
      return i >= 0 ? i : gradeOrder.length;
    }
    case 'status':
      return STATUS_ORDER.indexOf(row.status);
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** The rows sorted by one column; a new array, ties in roster order, empty cells last. */
export function sortRows(rows: readonly UnitRow[], sort: TableSort | null, gradeOrder: readonly string[] = []): UnitRow[] {
  if (!sort) return [...rows].sort((a, b) => a.order - b.order);
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.key, gradeOrder) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.row.order - b.row.order;
    return sign * compareValues(a.value, b.value) || a.row.order - b.row.order;
  });
  return keyed.map((k) => k.row);
}

/** The next sort when a column header is pressed: ascending first, then descending, then ascending again. */
export function nextSort(current: TableSort | null, key: SortKey): TableSort {
  return current?.key === key && current.dir === 'ascending' ? { key, dir: 'descending' } : { key, dir: 'ascending' };
}

function statusMatches(status: UnitStatus, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'covered':
      return status === '已覆盖' || status === '计划外覆盖';
    case 'not-covered':
      return status === '计划未完成' || status === '待巡听' || status === '未覆盖';
    case 'plan-unmet':
      return status === '计划未完成';
    case 'unplanned':
      return status === '计划外覆盖';
  }
}

/** Pinyin of the units by id, for the search box (see buildUnitIndex in utils/roster). */
export type PinyinIndex = ReadonlyMap<string, Pick<UnitIndexEntry, 'initials' | 'spelled'>>;

/** The rows that pass the search box and the filters, in the order given. */
export function filterRows(rows: readonly UnitRow[], filter: TableFilter, pinyin?: PinyinIndex): UnitRow[] {
  const q = unitSearchKey(filter.query);
  return rows.filter((row) => {
    const unit = row.coverage.unit;
    return (
      statusMatches(row.status, filter.status) &&
      (!filter.category || unit.category === filter.category) &&
      (!q || unitMatchRank({ key: unitSearchKey(unit.name), ...pinyin?.get(unit.id) }, q) >= 0)
    );
  });
}
