/** How the coverage views write numbers and states (the same words as the exports). */
import type { UnitStatus } from '../../utils/coverage';

/** A session's total as the table shows it: 86.5 → "86.5", 90 → "90.0"; empty when nothing was assessed. */
export function scoreText(total: number | null): string {
  return total === null ? '' : total.toFixed(1);
}

/** A CSS class for a unit's status (the table marks 计划未完成 in red and 计划外覆盖; 待巡听 is not a fault). */
export const STATUS_CLASS: Record<UnitStatus, string> = {
  已覆盖: 'cov-covered',
  计划外覆盖: 'cov-unplanned',
  计划未完成: 'cov-unmet',
  待巡听: 'cov-pending',
  未覆盖: 'cov-none',
};
