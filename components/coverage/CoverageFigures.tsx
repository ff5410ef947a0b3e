import { formatPct, type CoverageTotals } from '../../utils/coverage';

interface Figure {
  label: string;
  value: number;
  unit: '个' | '场';
  /** A percentage shown under the number, e.g. "58.0%". */
  pct?: string;
  /** What the percentage is of, shown beside it ("共 40 个"). */
  of?: string;
}

/** The six figures at a glance, in the order the summary PDF lists them. */
function figures(t: CoverageTotals): Figure[] {
  return [
    { label: '在册单位', value: t.units, unit: '个' },
    { label: '已覆盖', value: t.covered, unit: '个', pct: formatPct(t.coveredPct) },
    { label: '计划单位', value: t.planned, unit: '个' },
    { label: '计划完成', value: t.plannedCovered, unit: '个', pct: formatPct(t.plannedPct), of: `计划 ${t.planned} 个` },
    { label: '计划外覆盖', value: t.coveredUnplanned, unit: '个' },
    { label: '巡听场次', value: t.sessions, unit: '场' },
  ];
}

/** What a screen reader says for a figure: "已覆盖 40 个，58.0%". */
function figureText(f: Figure): string {
  return `${f.label} ${f.value} ${f.unit}${f.pct ? `，${f.pct}` : ''}`;
}

/**
 * 一览: big numbers with their labels in a grid (three a row on a wide screen, two at 360 px).
 * Each figure is read as one phrase; the visual pieces are hidden from screen readers.
 */
export function CoverageFigures({ totals }: { totals: CoverageTotals }) {
  return (
    <ul class="cov-figures">
      {figures(totals).map((f) => (
        <li key={f.label} class="cov-figure">
          <span class="sr-only">{figureText(f)}</span>
          <span class="cov-figure-label" aria-hidden="true">
            {f.label}
          </span>
          <span class="cov-figure-value" aria-hidden="true">
            <strong>{f.value}</strong> {f.unit}
          </span>
          {f.pct && (
            <span class="cov-figure-pct" aria-hidden="true">
              {f.pct}
              {f.of && <span class="cov-figure-of">（{f.of}）</span>}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
