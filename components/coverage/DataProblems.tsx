import type { CoverageProblem, CoverageProblemKind } from '../../utils/coverage';

const KIND: Record<CoverageProblemKind, string> = {
  'unknown-unit': '单位不在名单中',
  'same-day-duplicate': '同日重复',
  'revision-conflict': '版本冲突',
  'inactive-unit': '单位已停用',
  'plan-unknown-unit': '计划单位不在名单中',
};

/** 数据问题: what kept records or plan entries out of the figures, each as the supervisor can act on it. */
export function DataProblems({ problems }: { problems: CoverageProblem[] }) {
  return (
    <div class="problems">
      <p>请在名单、计划或报告中核对更正。单位不在名单中或已停用的记录、计划中不在名单的单位未计入统计；同日重复的记录均已计入。</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <strong>{KIND[p.kind]}</strong>：{p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
