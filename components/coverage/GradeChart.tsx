import { percentOf, formatPct, UNRATED, type GradeCount } from '../../utils/coverage';
import { ChartTable } from './ChartTable';

const W = 360;
/** Each grade's row, and its bar within it. */
const ROW = { height: 28, bar: 16 } as const;
/** Widths of the grade names left of the bars and of the counts right of them. */
const COLUMN = { label: 58, count: 88 } as const;
const PAD = 6;

/** What the chart says, for screen readers: "等次分布（共 45 场）：优秀 12 场，良好 20 场，…". */
function gradeChartLabel(grades: readonly GradeCount[]): string {
  const total = grades.reduce((sum, g) => sum + g.count, 0);
  return `等次分布（共 ${total} 场）：${grades.map((g) => `${g.grade} ${g.count} 场`).join('，')}`;
}

/**
 * 等次分布: one horizontal bar per grade, best first, with the count (and share) at its end.
 * The SVG is one image with an aria-label; a visually hidden table holds the same numbers.
 */
export function GradeChart({ grades }: { grades: GradeCount[] }) {
  if (grades.length === 0) return <p class="empty">本统计范围内还没有评分的巡听场次。</p>;
  const total = grades.reduce((sum, g) => sum + g.count, 0);
  const most = Math.max(1, ...grades.map((g) => g.count));
  const span = W - COLUMN.label - COLUMN.count - PAD;
  const h = grades.length * ROW.height + PAD * 2;
  return (
    <div class="cov-grades">
      <svg class="cov-chart cov-chart-bars" viewBox={`0 0 ${W} ${h}`} role="img" aria-label={gradeChartLabel(grades)}>
        <line class="cov-axis" x1={COLUMN.label} x2={COLUMN.label} y1={PAD / 2} y2={h - PAD / 2} />
        {grades.map((g, i) => {
          const y = PAD + i * ROW.height;
          const width = (g.count / most) * span;
          return (
            <g key={g.grade}>
              <text class="cov-label" x={COLUMN.label - 6} y={y + ROW.height / 2 + 4} text-anchor="end">
                {g.grade}
              </text>
              <rect
                class={g.grade === UNRATED ? 'cov-bar-unrated' : 'cov-bar-covered'}
                x={COLUMN.label}
                y={y + (ROW.height - ROW.bar) / 2}
                width={width}
                height={ROW.bar}
              />
              <text class="cov-label" x={COLUMN.label + width + 4} y={y + ROW.height / 2 + 4}>
                {g.count} 场 · {formatPct(percentOf(g.count, total))}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable
        caption="等次分布数据表"
        columns={['等次', '场次', '占比']}
        rows={grades.map((g) => [g.grade, g.count, formatPct(percentOf(g.count, total))])}
      />
    </div>
  );
}
