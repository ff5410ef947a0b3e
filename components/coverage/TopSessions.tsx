import type { SessionSummary } from '../../utils/coverage';
import { scoreText } from './coverage-text';

/** 优秀案例候选: the scope's sessions graded 优秀, highest total first (as computed). */
export function TopSessions({ top }: { top: SessionSummary[] }) {
  return (
    <div class="scroll-x">
      <table class="data" aria-label="优秀案例候选">
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">单位名称</th>
            <th scope="col">巡听日期</th>
            <th scope="col">学习主题</th>
            <th scope="col">得分</th>
            <th scope="col">等次</th>
          </tr>
        </thead>
        <tbody>
          {top.map((s, i) => (
            <tr key={`${s.recordId}/${s.revision}`}>
              <td class="cov-nums">{i + 1}</td>
              <th scope="row">{s.unitName}</th>
              <td class="cov-nums">{s.date}</td>
              <td>{s.theme}</td>
              <td class="cov-nums">{scoreText(s.total)}</td>
              <td>{s.grade ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
