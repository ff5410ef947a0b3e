/** The problems a coverage summary reports, each with a Chinese message a supervisor can act on. */
import type { Unit } from '../roster';
import type { PlanEntry } from '../plan/types';
import type { CollectedRecord, CoverageProblem } from './types';

const fromFile = (c: CollectedRecord) => (c.fileName ? `（文件 ${c.fileName}）` : '');

/** A record names a unit neither by name nor by id in the roster. */
export function unknownUnitProblem(c: CollectedRecord): CoverageProblem {
  const { unit, date, id } = c.record;
  return {
    kind: 'unknown-unit',
    message: `单位名单中没有「${unit.name}」（编号 ${unit.id}）：该单位 ${date} 的巡听记录${fromFile(c)}未计入统计，请核对单位名称或更新名单`,
    recordIds: [id],
  };
}

/** A record for a unit marked inactive in the roster. */
export function inactiveUnitProblem(c: CollectedRecord, unit: Unit): CoverageProblem {
  const { date, id } = c.record;
  return {
    kind: 'inactive-unit',
    message: `「${unit.name}」在单位名单中已停用：该单位 ${date} 的巡听记录${fromFile(c)}未计入统计`,
    recordIds: [id],
  };
}

/** Different records for one unit on one day (both count as sessions; the unit once). */
export function sameDayDuplicateProblem(unit: Unit, date: string, records: readonly CollectedRecord[]): CoverageProblem {
  const files = records.map((c) => c.fileName).filter((f): f is string => !!f);
  return {
    kind: 'same-day-duplicate',
    message: `「${unit.name}」${date} 有 ${records.length} 份不同的巡听记录${files.length ? `（文件 ${files.join('、')}）` : ''}，请核对是否重复录入：场次均已计入，单位只计覆盖一次`,
    recordIds: records.map((c) => c.record.id),
  };
}

/** One record id claimed by revisions that do not supersede one another (another unit or date, an unrelated signer): all count. */
export function revisionConflictProblem(records: readonly CollectedRecord[]): CoverageProblem {
  const each = records.map(
    (c) => `第 ${c.record.revision} 版「${c.record.unit.name}」${c.record.date}${c.signers.length ? `（${c.signers.join('、')} 签名）` : ''}${fromFile(c)}`,
  );
  return {
    kind: 'revision-conflict',
    message: `记录 ${records[0].record.id} 有 ${records.length} 个互不取代的版本：${each.join('；')}。单位、日期或签名人不同，疑似冒用记录编号：均已计入，请核对`,
    recordIds: [records[0].record.id],
  };
}

/** A plan entry names a unit id the roster does not have. */
export function planUnknownUnitProblem(year: number, entry: PlanEntry): CoverageProblem {
  const group = entry.group ? `（${entry.group}）` : '';
  return {
    kind: 'plan-unknown-unit',
    message: `${year} 年计划 ${entry.month} 月${group}的单位编号 "${entry.unitId}" 不在单位名单中，未计入计划数`,
    recordIds: [],
  };
}
