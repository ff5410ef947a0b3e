import type { SessionSummary } from '../../utils/coverage';
import { scoreText } from './coverage-text';
import { DataTable } from '../ui/DataTable';

/** 优秀案例候选: the scope's sessions graded 优秀, highest total first (as computed). */
export function TopSessions({ top }: { top: SessionSummary[] }) {
  return (
    <DataTable label="优秀案例候选" columns={['序号', '单位名称', '巡听日期', '学习主题', '得分', '等次']}>
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
    </DataTable>
  );
}
