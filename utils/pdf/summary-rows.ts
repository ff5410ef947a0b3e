/**
 * The tables of the coverage summary, as TableSpecs for `drawTable`: the figures of 总体情况,
 * 单位明细 (every unit), 未覆盖单位, 计划未完成, 优秀案例候选 and 数据问题. Column widths are fitted
 * to what the columns hold (序号, dates, scores) and the rest is shared by names and people.
 */
import { formatPct, plannedText, type Coverage, type CoverageProblemKind, type PlannedVisit, type SessionSummary, type UnitCoverage } from '../coverage';
import { fitColumns, headerRow, type ColumnSpec, type TableCell, type TableSpec, type TableStyle } from './layout-table';
import type { TextPainter } from './text-painter';
import { chineseDate, total100 } from './format';
import { FIGURES_TABLE, HEADER_FILL, LIST_TABLE } from './report-style';

const centre = (text: string): TableCell => ({ text, align: 'center' });

/** Width a column needs for `texts` (each line of each) and its header, padding included. */
function fit(painter: TextPainter, style: TableStyle, header: string, texts: readonly string[]): ColumnSpec {
  let w = painter.measure(header, { ...style.text, bold: true });
  for (const t of texts) for (const line of t.split('\n')) w = Math.max(w, painter.measure(line, style.text));
  return { fit: Math.ceil(w + 2 * style.padX + 1) };
}

interface Column {
  header: string;
  /** What the column holds, to fit it; absent for a shared column. */
  fit?: readonly string[];
  share?: number;
  /**
   * What a shared column holds (unit names): it is made as wide as its longest text, as far as
   * the other shared columns keep at least {@link MIN_SHARED} each, so a name wraps only when it must.
   */
  prefer?: readonly string[];
}

/** The least a shared column keeps when another is widened to its content: five characters. */
const MIN_SHARED = 5 * LIST_TABLE.text.size + 2 * LIST_TABLE.padX;

/**
 * A numbered list (序号 first) with a shaded header: one row per item, from `cells`, which gets
 * the inner width (padding off) of each of `columns`.
 */
function numberedList<T>(
  painter: TextPainter,
  width: number,
  items: readonly T[],
  columns: Column[],
  cells: (item: T, inner: number[]) => TableCell[],
): TableSpec {
  const all: Column[] = [{ header: '序号', fit: [String(items.length)] }, ...columns];
  let specs: ColumnSpec[] = all.map((c) => (c.fit ? fit(painter, LIST_TABLE, c.header, c.fit) : { share: c.share ?? 1 }));
  const fixed = specs.reduce((sum, c) => sum + ('fit' in c ? c.fit : 0), 0);
  const shared = all.filter((c) => !c.fit).length;
  // One shared column may prefer its content's width (the unit name): as wide as its longest
  // text, or as wide as the other shared columns allow; a table whose only shared column is
  // the name already gives it all the room left.
  const at = all.findIndex((c) => !c.fit && c.prefer?.length);
  const others = shared - 1;
  if (at >= 0 && others > 0) {
    const wanted = (fit(painter, LIST_TABLE, all[at].header, all[at].prefer!) as { fit: number }).fit;
    const shares = all.map((c) => (c.fit ? 0 : (c.share ?? 1)));
    const total = shares.reduce((a, b) => a + b, 0);
    const rest = width - fixed;
    // every other shared column keeps its proportion of what is left, and at least MIN_SHARED
    const smallest = Math.min(...shares.filter((x, i) => x > 0 && i !== at));
    const room = Math.min(wanted, rest - (MIN_SHARED * (total - shares[at])) / smallest);
    // expressed as shares of the room left (fitted columns are never squeezed for it)
    if (room > (rest * shares[at]) / total) {
      const othersShare = total - shares[at];
      specs = specs.map((c, i) => (i === at ? { share: room } : 'share' in c ? { share: ((rest - room) * shares[i]) / othersShare } : c));
    }
  }
  const widths = fitColumns(specs, width);
  const inner = widths.slice(1).map((w) => w - 2 * LIST_TABLE.padX);
  return {
    columns: widths,
    header: headerRow(
      all.map((c) => c.header),
      HEADER_FILL,
    ),
    rows: items.map((item, i) => ({ cells: [centre(String(i + 1)), ...cells(item, inner)] })),
    style: LIST_TABLE,
  };
}

/**
 * Names joined with 、, a line break only ever between two names (a person's name is never
 * split over lines unless it alone is wider than the column).
 */
function nameLines(painter: TextPainter, names: readonly string[], width: number): string {
  const lines: string[] = [];
  let line = '';
  names.forEach((name, i) => {
    const sep = i < names.length - 1 ? '、' : '';
    if (line && painter.measure(line + name + sep, LIST_TABLE.text) > width) {
      lines.push(line);
      line = '';
    }
    line += name + sep;
  });
  if (line) lines.push(line);
  return lines.join('\n');
}

/** One planned visit a line (2026年3月 第一巡听组), worded as in the spreadsheet; 未列入计划 when none. */
const planText = (planned: readonly PlannedVisit[]): string => (planned.length ? planned.map((p) => plannedText([p])).join('\n') : '未列入计划');
const score = (total: number | null) => (total === null ? '—' : total100(total));

/** Observer names over all of a unit's sessions, each once, in order of first appearance. */
function observersOf(sessions: readonly SessionSummary[]): string[] {
  return [...new Set(sessions.flatMap((s) => s.observers.map((o) => o.trim()).filter(Boolean)))];
}

/** 总体情况: labels over figures. */
export function figuresTable(c: Coverage, width: number): TableSpec {
  const t = c.totals;
  const figures: [string, string][] = [
    ['在册单位', `${t.units} 个`],
    ['已覆盖', `${t.covered} 个（${formatPct(t.coveredPct)}）`],
    ['计划单位', `${t.planned} 个`],
    ['计划完成', t.planned ? `${t.plannedCovered} 个（${formatPct(t.plannedPct)}）` : '—'],
    ['计划外覆盖', `${t.coveredUnplanned} 个`],
    ['巡听场次', `${t.sessions} 场`],
  ];
  return {
    columns: fitColumns(
      figures.map(() => ({ share: 1 })),
      width,
    ),
    header: headerRow(
      figures.map((f) => f[0]),
      HEADER_FILL,
    ),
    rows: [{ cells: figures.map((f) => ({ text: f[1], align: 'center' as const, justify: false })) }],
    style: FIGURES_TABLE,
  };
}

/** One unit in 单位明细: an uncovered unit says 未巡听 across the session columns. */
function unitCells(painter: TextPainter, u: UnitCoverage, observerWidth: number): TableCell[] {
  const head: TableCell[] = [{ text: u.unit.name }, centre(u.unit.category), { text: planText(u.planned), justify: false }];
  if (!u.covered) return [...head, { text: '未巡听', span: 4, align: 'center' }];
  return [
    ...head,
    centre(u.sessions.map((s) => chineseDate(s.date)).join('\n')),
    { text: nameLines(painter, observersOf(u.sessions), observerWidth), justify: false },
    centre(score(u.latestTotal)),
    centre(u.latestGrade ?? '未评定'),
  ];
}

/** 单位明细: every active unit in roster order. */
export function unitTable(c: Coverage, painter: TextPainter, width: number): TableSpec {
  const dates = c.units.flatMap((u) => u.sessions.map((s) => chineseDate(s.date)));
  const columns: Column[] = [
    { header: '单位名称', share: 0.6, prefer: c.units.map((u) => u.unit.name) },
    { header: '类别', fit: c.units.map((u) => u.unit.category) },
    { header: '计划', fit: ['2026年12月', ...c.units.flatMap((u) => u.planned.map((p) => p.group))] },
    { header: '巡听日期', fit: dates.length ? dates : ['2026年12月28日'] },
    { header: '巡听人员', share: 0.4 },
    { header: '得分', fit: ['100.0'] },
    { header: '等次', fit: ['未评定', ...c.units.map((u) => u.latestGrade ?? '')] },
  ];
  return numberedList(painter, width, c.units, columns, (u, inner) => unitCells(painter, u, inner[4]));
}

/** 未覆盖单位: the list that seeds next year's plan, with what the plan says about each. */
export function notCoveredTable(c: Coverage, painter: TextPainter, width: number): TableSpec {
  const planned = new Map(c.units.map((u) => [u.unit.id, planText(u.planned)]));
  const plan = (id: string) => planned.get(id) ?? planText([]);
  const columns: Column[] = [
    { header: '单位名称', share: 1, prefer: c.notCovered.map((u) => u.name) },
    { header: '类别', fit: c.notCovered.map((u) => u.category) },
    { header: '计划安排', fit: c.notCovered.flatMap((u) => plan(u.id).split('\n')) },
  ];
  return numberedList(painter, width, c.notCovered, columns, (u) => [{ text: u.name }, centre(u.category), { text: plan(u.id), justify: false }]);
}

/** 计划未完成: planned in the scope and not yet observed, with the month and the group. */
export function plannedNotObservedTable(c: Coverage, painter: TextPainter, width: number): TableSpec {
  const planned = new Map(c.units.map((u) => [u.unit.id, u.planned]));
  const rows = c.plannedNotObserved.map((u) => {
    const visits = planned.get(u.id) ?? [];
    return { name: u.name, months: visits.map((p) => `${p.year}年${p.month}月`).join('\n'), groups: visits.map((p) => p.group || '—').join('\n') };
  });
  const columns: Column[] = [
    { header: '单位名称', share: 1, prefer: rows.map((r) => r.name) },
    { header: '计划时间', fit: rows.map((r) => r.months) },
    { header: '巡听组', fit: rows.map((r) => r.groups) },
  ];
  return numberedList(painter, width, rows, columns, (r) => [{ text: r.name }, centre(r.months), centre(r.groups)]);
}

/** 优秀案例候选: the sessions graded 优秀, highest first. */
export function topTable(c: Coverage, painter: TextPainter, width: number): TableSpec {
  const columns: Column[] = [
    { header: '单位名称', share: 0.3, prefer: c.top.map((s) => s.unitName) },
    { header: '巡听日期', fit: c.top.map((s) => chineseDate(s.date)) },
    { header: '学习主题', share: 0.48 },
    { header: '巡听人员', share: 0.22 },
    { header: '得分', fit: ['100.0'] },
    { header: '等次', fit: c.top.map((s) => s.grade ?? '未评定') },
  ];
  return numberedList(painter, width, c.top, columns, (s, inner) => [
    { text: s.unitName },
    centre(chineseDate(s.date)),
    { text: s.theme },
    { text: nameLines(painter, observersOf([s]), inner[3]), justify: false },
    centre(score(s.total)),
    centre(s.grade ?? '未评定'),
  ]);
}

const PROBLEM_KINDS: Record<CoverageProblemKind, string> = {
  'unknown-unit': '单位不在名单中',
  'same-day-duplicate': '同日重复记录',
  'revision-conflict': '版本冲突',
  'inactive-unit': '单位已停用',
  'plan-unknown-unit': '计划中的单位不在名单中',
};

/** 数据问题: what the supervisor should correct before relying on the figures. */
export function problemsTable(c: Coverage, painter: TextPainter, width: number): TableSpec {
  const kind = (k: CoverageProblemKind) => PROBLEM_KINDS[k] ?? k;
  const columns: Column[] = [
    { header: '问题类型', fit: c.problems.map((p) => kind(p.kind)) },
    { header: '说明', share: 1 },
  ];
  return numberedList(painter, width, c.problems, columns, (p) => [centre(kind(p.kind)), { text: p.message }]);
}
