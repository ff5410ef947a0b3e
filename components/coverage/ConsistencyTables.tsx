import { formatPct, type ScoringConsistency } from '../../utils/coverage';
import { DataTable } from '../ui/DataTable';

const signed = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

/**
 * 评分一致性: per observer, how far their independent scores sat from the group's agreed ones
 * (and in which direction), and per section where the members disagreed most. Computed in
 * utils/coverage (scoringConsistency); shown only when some sessions were scored by a group.
 */
export function ConsistencyTables({ consistency: k }: { consistency: ScoringConsistency }) {
  return (
    <>
      <p class="hint">
        据 {k.groupSessions}{' '}
        场组员独立评分后合议的巡听。平均偏离：每项本人评分与组定分之差的绝对值的平均；平均偏差为正表示评分偏宽，为负表示偏严；分歧项：极差超过该项满分四分之一。
      </p>
      <DataTable label="各巡听人员的评分一致性" columns={['巡听人员', '组评场次', '对照项数', '平均偏离（分）', '平均偏差（分）', '分歧项数']}>
        {k.observers.map((o) => (
          <tr key={o.name}>
            <th scope="row">{o.name}</th>
            <td class="cov-nums">{o.sessions}</td>
            <td class="cov-nums">{o.items}</td>
            <td class="cov-nums">{o.meanDeviation.toFixed(2)}</td>
            <td class="cov-nums">{signed(o.meanSigned)}</td>
            <td class="cov-nums">{o.flagged}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable
        label="各部分的组内分歧"
        caption="按平均极差由大到小排列（分歧最大的在前）"
        columns={['评分部分', '组评场次', '平均极差（占满分）', '分歧项数']}
      >
        {k.sections.map((s) => (
          <tr key={s.title}>
            <th scope="row">{s.title}</th>
            <td class="cov-nums">{s.sessions}</td>
            <td class="cov-nums">{formatPct(s.meanSpreadPct)}</td>
            <td class="cov-nums">{s.flagged}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
