import type { JSX } from 'preact';
import { alignedTicks, countTicks, monthFullName, monthName, type MonthProgress } from '../../utils/coverage';
import { ChartTable } from './ChartTable';

/** viewBox geometry: drawn for a 360 px column, scaled up to the CSS max width on wider screens. */
const W = 360;
const H = 204;
/** Room around the plot for the tick labels (left: counts, right: running sums) and the month names. */
const MARGIN = { left: 28, right: 30, top: 20, bottom: 22 } as const;
const PLOT_W = W - MARGIN.left - MARGIN.right;
const PLOT_H = H - MARGIN.top - MARGIN.bottom;
const BAR = 8;
const BAR_GAP = 1.5;

/** One phrase for a month, the same in the aria-label and the tooltips. */
function monthPhrase(m: MonthProgress): string {
  return `${monthName(m.month)}：计划 ${m.planned}，新覆盖 ${m.newlyCovered}，累计计划 ${m.cumulativePlanned}，累计覆盖 ${m.cumulativeCovered}`;
}

/** What the chart of one year says, for screen readers. */
function yearChartLabel(year: string, months: readonly MonthProgress[]): string {
  return `${year}年月度进度（单位：个）。${months.map(monthPhrase).join('；')}`;
}

interface Scale {
  /** Ticks of the monthly counts (left axis). */
  left: number[];
  /** Ticks of the running sums (right axis), on the same gridlines. */
  right: number[];
}

function YearChart({ year, months, scale }: { year: string; months: MonthProgress[]; scale: Scale }) {
  const slot = PLOT_W / months.length;
  const leftTop = scale.left[scale.left.length - 1];
  const rightTop = scale.right[scale.right.length - 1];
  const yLeft = (v: number) => MARGIN.top + PLOT_H - (v / leftTop) * PLOT_H;
  const yRight = (v: number) => MARGIN.top + PLOT_H - (v / rightTop) * PLOT_H;
  const cx = (i: number) => MARGIN.left + slot * (i + 0.5);
  const line = (pick: (m: MonthProgress) => number) => months.map((m, i) => `${cx(i).toFixed(1)},${yRight(pick(m)).toFixed(1)}`).join(' ');
  return (
    <svg class="cov-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={yearChartLabel(year, months)} preserveAspectRatio="xMidYMid meet">
      <text class="cov-axis-title" x={2} y={11}>
        当月
      </text>
      <text class="cov-axis-title" x={W - 2} y={11} text-anchor="end">
        累计
      </text>
      {scale.left.map((v, i) => (
        <g key={v}>
          <line class="cov-grid" x1={MARGIN.left} x2={W - MARGIN.right} y1={yLeft(v)} y2={yLeft(v)} />
          <text class="cov-tick" x={MARGIN.left - 4} y={yLeft(v) + 3.5} text-anchor="end">
            {v}
          </text>
          <text class="cov-tick" x={W - MARGIN.right + 4} y={yLeft(v) + 3.5}>
            {scale.right[i]}
          </text>
        </g>
      ))}
      <line class="cov-axis" x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={MARGIN.top + PLOT_H} />
      <line class="cov-axis" x1={W - MARGIN.right} x2={W - MARGIN.right} y1={MARGIN.top} y2={MARGIN.top + PLOT_H} />
      <line class="cov-axis" x1={MARGIN.left} x2={W - MARGIN.right} y1={MARGIN.top + PLOT_H} y2={MARGIN.top + PLOT_H} />
      {months.map((m, i) => (
        <g key={m.month}>
          <title>{monthPhrase(m)}</title>
          <rect class="cov-bar-planned" x={cx(i) - BAR - BAR_GAP / 2} y={yLeft(m.planned)} width={BAR} height={MARGIN.top + PLOT_H - yLeft(m.planned)} />
          <rect class="cov-bar-covered" x={cx(i) + BAR_GAP / 2} y={yLeft(m.newlyCovered)} width={BAR} height={MARGIN.top + PLOT_H - yLeft(m.newlyCovered)} />
          <text class="cov-tick" x={cx(i)} y={H - 8} text-anchor="middle">
            {monthName(m.month)}
          </text>
        </g>
      ))}
      <polyline class="cov-line-planned" points={line((m) => m.cumulativePlanned)} />
      <polyline class="cov-line-covered" points={line((m) => m.cumulativeCovered)} />
      {months.map((m, i) => (
        <circle key={m.month} class="cov-dot" cx={cx(i)} cy={yRight(m.cumulativeCovered)} r={2.6} />
      ))}
    </svg>
  );
}

const LEGEND: { label: string; swatch: JSX.Element }[] = [
  { label: '当月计划（左轴）', swatch: <rect class="cov-bar-planned" x={6} y={1} width={10} height={10} /> },
  { label: '当月新覆盖（左轴）', swatch: <rect class="cov-bar-covered" x={6} y={1} width={10} height={10} /> },
  { label: '累计计划（右轴）', swatch: <line class="cov-line-planned" x1={1} x2={21} y1={6} y2={6} /> },
  {
    label: '累计覆盖（右轴）',
    swatch: (
      <g>
        <line class="cov-line-covered" x1={1} x2={21} y1={6} y2={6} />
        <circle class="cov-dot" cx={11} cy={6} r={2.6} />
      </g>
    ),
  },
];

function Legend() {
  return (
    <ul class="cov-legend">
      {LEGEND.map((item) => (
        <li key={item.label}>
          <svg width={22} height={12} viewBox="0 0 22 12" aria-hidden="true">
            {item.swatch}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** The months grouped by year: one chart a year, so a cycle reads as well as a year at 360 px. */
function byYear(monthly: readonly MonthProgress[]): [string, MonthProgress[]][] {
  const years = new Map<string, MonthProgress[]>();
  for (const m of monthly) {
    const y = m.month.slice(0, 4);
    const months = years.get(y);
    if (months) months.push(m);
    else years.set(y, [m]);
  }
  return [...years];
}

/**
 * 月度进度: per month, the units planned and the units covered for the first time (bars, left
 * axis), and the running sums of plan and coverage (lines, right axis). One chart per year of
 * the scope, on one scale; the series differ by fill, dash and marker, not colour alone. A
 * visually hidden table holds the same numbers for screen readers.
 */
export function MonthlyChart({ monthly }: { monthly: MonthProgress[] }) {
  const left = countTicks(Math.max(0, ...monthly.map((m) => Math.max(m.planned, m.newlyCovered))));
  const scale: Scale = { left, right: alignedTicks(Math.max(0, ...monthly.map((m) => Math.max(m.cumulativePlanned, m.cumulativeCovered))), left) };
  const years = byYear(monthly);
  return (
    <div class="cov-monthly">
      <Legend />
      <div class="cov-charts">
        {years.map(([year, months]) => (
          <figure key={year} class="cov-figure-chart">
            {years.length > 1 && <figcaption>{year} 年</figcaption>}
            <YearChart year={year} months={months} scale={scale} />
          </figure>
        ))}
      </div>
      <ChartTable
        caption="月度进度数据表（单位：个）"
        columns={['月份', '计划', '新覆盖', '场次', '累计计划', '累计覆盖']}
        rows={monthly.map((m) => [monthFullName(m.month), m.planned, m.newlyCovered, m.sessions, m.cumulativePlanned, m.cumulativeCovered])}
      />
    </div>
  );
}
