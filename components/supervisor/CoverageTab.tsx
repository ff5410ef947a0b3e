import { useEffect, useMemo, useState } from 'preact/hooks';
import { useDb } from '../db-context';
import { useLive } from '../ui/live';
import {
  computeCoverage,
  coverageCsv,
  coverageFileName,
  coverageXlsx,
  cycleOf,
  formatScope,
  parseScope,
  type CoverageInput,
  type CoverageScope,
} from '../../utils/coverage';
import { collectedRecords, listPlans, listUnits } from '../../utils/db';
import { seedPlan, type Plan } from '../../utils/plan';
import { localDate } from '../../utils/record';
import type { Unit } from '../../utils/roster';
import { CoverageView } from '../coverage/CoverageView';
import { usePlatform } from '../platform';
import { loadSummaryFonts } from '../report/report-fonts';
import { errorMessage } from '../ui/errors';
import { bytesBlob } from '../ui/files';
import { Outcome } from '../ui/fields';
import { FirstSteps } from './FirstSteps';
import type { SupervisorTab } from './SupervisorApp';

const TYPES = { pdf: 'application/pdf', csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * 覆盖统计: coverage of the roster against the plans from the collected records, for a year or a
 * cycle, recomputed whenever the collected reports, roster or plans change (here or in another
 * tab); exports to PDF,
 * Excel and CSV hold what the screen shows.
 */
export function CoverageTab({ onSeedPlan, onGo }: { onSeedPlan?(plan: Plan): void; onGo?(tab: SupervisorTab): void }) {
  const platform = usePlatform();
  const db = useDb();
  const input = useLive<CoverageInput>(async () => {
    const [units, plans, records] = await Promise.all([listUnits(db), listPlans(db), collectedRecords(db)]);
    return { units, plans, records };
  }, [db]);
  const [scopeText, setScopeText] = useState(String(new Date().getFullYear()));
  const [showEmpty, setShowEmpty] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const scope = useMemo(() => parseScope(scopeText), [scopeText]);
  // While the scope is being typed (and invalid), the last valid coverage stays on screen.
  const [lastGood, setLastGood] = useState<CoverageScope | null>(null);
  const shown = scope.ok ? scope.value : lastGood;
  useEffect(() => void (scope.ok && setLastGood(scope.value)), [scope]);
  const coverage = useMemo(
    () => (input && shown ? computeCoverage({ ...input, asOf: localDate(new Date()) }, shown) : null),
    [input, shown?.fromYear, shown?.toYear],
  );
  const scopeError = scope.ok ? undefined : scope.problems.map((p) => p.message).join('；');

  const exportAs = async (kind: 'pdf' | 'csv' | 'xlsx') => {
    if (!coverage) return;
    setExporting(true);
    setError('');
    setMessage('');
    try {
      let bytes: Uint8Array;
      if (kind === 'csv') bytes = coverageCsv(coverage);
      else if (kind === 'xlsx') bytes = await coverageXlsx(coverage);
      else {
        const [{ renderCoverageSummary }, fonts] = await Promise.all([import('../../utils/pdf'), loadSummaryFonts(platform, coverage)]);
        bytes = renderCoverageSummary(coverage, fonts);
      }
      const name = coverageFileName(coverage, kind);
      await platform.saveFile(name, bytesBlob(bytes, TYPES[kind]));
      setMessage(`已导出 ${name}`);
    } catch (e) {
      setError(`导出失败：${errorMessage(e)}`);
    } finally {
      setExporting(false);
    }
  };
  if (!input)
    return error ? (
      <p class="error" role="alert">
        {error}
      </p>
    ) : (
      <p role="status">正在统计…</p>
    );
  // Nothing collected yet: say what to do first rather than show 0.0% and empty charts (the
  // supervisor may still look, e.g. to export the roster with its plan before any report).
  if (!input.records.length && !showEmpty)
    return (
      <>
        <FirstSteps year={new Date().getFullYear()} onGo={onGo} />
        <p>
          <button type="button" class="link" onClick={() => setShowEmpty(true)}>
            尚未收到报告，仍查看覆盖统计
          </button>
        </p>
      </>
    );
  return (
    <>
      {coverage ? (
        <CoverageView
          coverage={coverage}
          scopeText={scopeText}
          onScopeText={setScopeText}
          scopeError={scopeError}
          exporting={exporting}
          onExport={(k) => void exportAs(k)}
          onSeedPlan={onSeedPlan ? (year: number, units: Unit[]) => onSeedPlan(seedPlan(year, units)) : undefined}
        />
      ) : (
        <section class="card">
          <div class="field">
            <label for="scope-fallback">统计范围（年度如 2026，或周期如 {formatScope(cycleOf(new Date().getFullYear()))}）</label>
            <input id="scope-fallback" value={scopeText} onInput={(e) => setScopeText(e.currentTarget.value)} />
          </div>
          <p class="error" role="alert">
            {scopeError}
          </p>
        </section>
      )}
      <Outcome message={message} error={error} />
    </>
  );
}
