import { useState } from 'preact/hooks';
import { templateUsesText, type Coverage } from '../../utils/coverage';
import type { Unit } from '../../utils/roster';
import { Section, uid } from '../ui/fields';
import { CoverageFigures } from './CoverageFigures';
import { ConsistencyTables } from './ConsistencyTables';
import { DataProblems } from './DataProblems';
import { ExportBar, type ExportKind } from './ExportBar';
import { GradeChart } from './GradeChart';
import { MonthlyChart } from './MonthlyChart';
import { NotCoveredList } from './NotCoveredList';
import { ScopeControl } from './ScopeControl';
import { SectionBars } from './SectionBars';
import { TopSessions } from './TopSessions';
import { UnitTable } from './UnitTable';

export interface CoverageViewProps {
  /** What computeCoverage gave for the scope shown. */
  coverage: Coverage;
  /** The scope as typed ("2026", "2026-2027"); the dashboard parses it (parseScope). */
  scopeText: string;
  onScopeText(text: string): void;
  /** Why scopeText is not a scope (the coverage shown is then the last valid one). */
  scopeError?: string;
  /** An export is running: the export buttons wait. */
  exporting?: boolean;
  onExport(kind: ExportKind): void;
  /** Offered as 生成下一年度计划: next year and the units not covered. */
  onSeedPlan?(year: number, units: Unit[]): void;
  /** The year 本年度 stands for; the current calendar year unless given. */
  currentYear?: number;
  /** A year on which a 两年一轮 cycle starts (default 2026: 2026–2027, 2028–2029, …). */
  cycleStartYear?: number;
}

/**
 * The supervisor's coverage of the units against the plan, for a year or a cycle: scope and
 * exports, figures at a glance, monthly progress, grades, section averages, every unit, the
 * units not covered (next year's plan), excellent-case candidates and data problems. All of
 * it read from `coverage`; nothing is counted here.
 */
export function CoverageView(props: CoverageViewProps) {
  const { coverage: c } = props;
  const [ids] = useState(() =>
    Object.fromEntries(
      ['head', 'glance', 'monthly', 'grades', 'sections', 'consistency', 'units', 'missing', 'top', 'problems'].map((k) => [k, uid(`cov-${k}`)]),
    ),
  );
  return (
    <div class="coverage">
      <section class="card" aria-labelledby={ids.head}>
        <h2 id={ids.head}>覆盖情况 · {c.label}</h2>
        <ScopeControl
          text={props.scopeText}
          onText={props.onScopeText}
          error={props.scopeError}
          currentYear={props.currentYear ?? new Date().getFullYear()}
          cycleStartYear={props.cycleStartYear}
        />
        <ExportBar exporting={props.exporting} onExport={props.onExport} />
      </section>
      <Section id={ids.glance} title="一览">
        <CoverageFigures totals={c.totals} />
        {c.problems.length > 0 && <p class="hint warn">另有 {c.problems.length} 条数据问题需要核对，见下方“数据问题”。</p>}
      </Section>
      <Section id={ids.monthly} title="月度进度">
        <MonthlyChart monthly={c.monthly} />
      </Section>
      <div class="cov-pair">
        <Section id={ids.grades} title="等次分布">
          <GradeChart grades={c.grades} />
        </Section>
        <Section id={ids.sections} title="各部分得分率">
          <SectionBars sections={c.sections} />
        </Section>
      </div>
      {c.templates.length > 0 && <p class="hint">{templateUsesText(c.templates)}；各部分按编号跨版本对应，名称取最新版本。</p>}
      {c.consistency.groupSessions > 0 && (
        <Section id={ids.consistency} title="评分一致性">
          <ConsistencyTables consistency={c.consistency} />
        </Section>
      )}
      <Section id={ids.units} title="单位明细">
        <UnitTable coverage={c} />
      </Section>
      <Section id={ids.missing} title={`未覆盖单位（${c.notCovered.length}）`}>
        <NotCoveredList coverage={c} onSeedPlan={props.onSeedPlan} />
      </Section>
      {c.top.length > 0 && (
        <Section id={ids.top} title="优秀案例候选">
          <p class="hint">评定为优秀的巡听，按得分从高到低。</p>
          <TopSessions top={c.top} />
        </Section>
      )}
      {c.problems.length > 0 && (
        <Section id={ids.problems} title={`数据问题（${c.problems.length}）`}>
          <DataProblems problems={c.problems} />
        </Section>
      )}
    </div>
  );
}
