import { plannedText, unitStatus, type Coverage } from '../../utils/coverage';
import { STATUS_CLASS } from './coverage-text';
import type { Unit } from '../../utils/roster';

interface Props {
  coverage: Coverage;
  onSeedPlan?(year: number, units: Unit[]): void;
}

/**
 * 未覆盖单位: the active units with no session in the scope, in roster order, each with what the
 * plan said of it; what seeds next year's plan (生成下一年度计划, when the dashboard offers it).
 */
export function NotCoveredList({ coverage, onSeedPlan }: Props) {
  const { notCovered } = coverage;
  const nextYear = coverage.scope.toYear + 1;
  if (notCovered.length === 0) return <p class="ok">{coverage.totals.units ? '在册单位已全部覆盖。' : '名单中没有在册单位。'}</p>;
  const withYear = coverage.scope.fromYear !== coverage.scope.toYear;
  const byId = new Map(coverage.units.map((u) => [u.unit.id, u]));
  return (
    <>
      <p class="hint">
        共 {notCovered.length} 个单位尚未巡听。{onSeedPlan ? `可据此生成 ${nextYear} 年度巡听计划（之后可在计划管理中调整月份和巡听组）。` : ''}
      </p>
      <ol class="cov-notcovered">
        {notCovered.map((unit) => {
          const u = byId.get(unit.id);
          const status = u ? unitStatus(u) : '未覆盖';
          return (
            <li key={unit.id}>
              <span class="cov-unit-name">{unit.name}</span> <span class="hint">{unit.category}</span>{' '}
              <span class={u?.planned.length ? STATUS_CLASS[status] : 'hint'}>
                {u?.planned.length ? `${status}：${plannedText(u.planned, withYear)}` : '未列入计划'}
              </span>
            </li>
          );
        })}
      </ol>
      {onSeedPlan && (
        <button type="button" class="primary" onClick={() => onSeedPlan(nextYear, notCovered)}>
          生成下一年度计划（{nextYear} 年，{notCovered.length} 个单位）
        </button>
      )}
    </>
  );
}
