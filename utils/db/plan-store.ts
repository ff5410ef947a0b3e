/** The supervisor's yearly plans in IndexedDB, checked against the roster before they are stored. */
import { checkPlanAgainstRoster, validatePlan, type Plan } from '../plan';
import type { Validated } from '../validate';
import type { XuntingDB } from './schema';

export async function listPlans(db: XuntingDB): Promise<Plan[]> {
  return db.plans.orderBy('year').toArray();
}

/** Store plans (replacing those of the same years) after validating each against the roster; a bad one stores nothing. */
export async function savePlans(db: XuntingDB, plans: readonly unknown[]): Promise<Validated<Plan[]>> {
  const units = await db.units.toArray();
  const checked: Plan[] = [];
  for (const p of plans) {
    const v = validatePlan(p);
    if (!v.ok) return v;
    const missing = checkPlanAgainstRoster(v.value, units);
    if (missing.length) return { ok: false, problems: missing };
    checked.push(v.value);
  }
  await db.plans.bulkPut(checked);
  return { ok: true, value: checked };
}

export async function deletePlan(db: XuntingDB, year: number): Promise<void> {
  await db.plans.delete(year);
}
