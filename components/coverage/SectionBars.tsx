import { formatPct, sectionVersionsText, type SectionAverage } from '../../utils/coverage';
import { DataTable } from '../ui/DataTable';

/**
 * 各部分得分率: each section's average share of its points, weakest first (as computed), as a
 * table whose middle column carries a bar; the percentage is text, the bar only decoration.
 */
export function SectionBars({ sections }: { sections: SectionAverage[] }) {
  if (sections.length === 0) return <p class="empty">本统计范围内还没有评分的巡听场次。</p>;
  return (
    <DataTable class="cov-sections" caption="按平均得分率由低到高排列（最薄弱的在前）" columns={['评分部分', '平均得分率', '场次']}>
      {sections.map((s, i) => (
        <tr key={i}>
          <th scope="row">
            {s.title}
            {sectionVersionsText(s) && <small>（{sectionVersionsText(s)}）</small>}
          </th>
          <td class="cov-pct-cell">
            <span class="cov-meter" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(100, s.averagePct))}%` }} />
            </span>
            <span class="cov-nums">{formatPct(s.averagePct)}</span>
          </td>
          <td class="cov-nums">{s.sessions}</td>
        </tr>
      ))}
    </DataTable>
  );
}
