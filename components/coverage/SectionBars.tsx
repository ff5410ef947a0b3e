import { formatPct, sectionVersionsText, type SectionAverage } from '../../utils/coverage';

/**
 * 各部分得分率: each section's average share of its points, weakest first (as computed), as a
 * table whose middle column carries a bar; the percentage is text, the bar only decoration.
 */
export function SectionBars({ sections }: { sections: SectionAverage[] }) {
  if (sections.length === 0) return <p class="empty">本统计范围内还没有评分的巡听场次。</p>;
  return (
    <div class="scroll-x">
      <table class="data cov-sections">
        <caption class="hint">按平均得分率由低到高排列（最薄弱的在前）</caption>
        <thead>
          <tr>
            <th scope="col">评分部分</th>
            <th scope="col">平均得分率</th>
            <th scope="col">场次</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
