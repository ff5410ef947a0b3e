/**
 * The 月份 and 年度 cells of a plan table, as people write them: 3, 03, 3月, 三月, 2026-03,
 * 2026/3, 2026.3, 2026年3月, and dates (2026-03-01, which Excel makes of a typed "2026-03").
 */
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR } from './validate-plan';

export type CellParse<T> = { ok: true; value: T } | { ok: false; message: string };

const CHINESE_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const MONTH_FORMS = '3、03、3月、2026-03、2026年3月 或 2026/3';

const MONTH_ONLY = /^(\d{1,2})(?:\.0+)?\s*(?:月份?)?$/;
const CHINESE_MONTH = /^(十[一二]?|[一二三四五六七八九])\s*月份?$/;
/** Year and month, optionally a day and a time: 2026-03, 2026年3月, 2026/3/1, 2026-03-01 09:30. */
const YEAR_MONTH = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:月份?)?\s*(?:(?:[-/.]\s*\d{1,2}|\d{1,2})\s*[日号]?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

function yearInRange(year: number, text: string): CellParse<number> {
  return year >= MIN_PLAN_YEAR && year <= MAX_PLAN_YEAR
    ? { ok: true, value: year }
    : { ok: false, message: `年度「${text}」须在 ${MIN_PLAN_YEAR} 到 ${MAX_PLAN_YEAR} 之间` };
}

/** A 月份 cell → the month and, when written, the year. */
export function parsePlanMonth(cell: string): CellParse<{ month: number; year?: number }> {
  const text = cell.normalize('NFKC').trim();
  if (!text) return { ok: false, message: '月份为空' };
  const chinese = CHINESE_MONTH.exec(text);
  if (chinese) return { ok: true, value: { month: CHINESE_MONTHS.indexOf(chinese[1]) + 1 } };
  const shown = cell.trim();
  const outOfRange = { ok: false, message: `月份「${shown}」须在 1 到 12 之间` } as const;
  const only = MONTH_ONLY.exec(text);
  if (only) {
    const month = Number(only[1]);
    return month >= 1 && month <= 12 ? { ok: true, value: { month } } : outOfRange;
  }
  const full = YEAR_MONTH.exec(text);
  if (!full) return { ok: false, message: `月份「${shown}」无法识别（可写 ${MONTH_FORMS}）` };
  const month = Number(full[2]);
  if (month < 1 || month > 12) return outOfRange;
  const year = yearInRange(Number(full[1]), shown);
  return year.ok ? { ok: true, value: { month, year: year.value } } : year;
}

/** A 年度 cell: 2026, 2026年, 2026年度. */
export function parsePlanYear(cell: string): CellParse<number> {
  const text = cell.normalize('NFKC').trim();
  const m = /^(\d{4})(?:\.0+)?\s*(?:年度?)?$/.exec(text);
  if (!m) return { ok: false, message: `年度「${cell.trim()}」无法识别（应为四位数的年份，如 2026）` };
  return yearInRange(Number(m[1]), cell.trim());
}
