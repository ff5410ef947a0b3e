/**
 * Inputs for the coverage tests: the shipped roster and plans (public/defaults), and collected
 * records made with the demo builder (a realistic final record for a unit and a date), with
 * helpers that pin a record's total or its sections when a test needs exact figures.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demo } from '../../fixtures/records/builders';
import { readDefaultRosterText } from '../../fixtures/defaults';
import type { CollectedRecord } from '../../../utils/coverage';
import type { Plan } from '../../../utils/plan/types';
import type { ObservationRecord } from '../../../utils/record';
import { parseRosterText, type Unit } from '../../../utils/roster';
import type { GradeBand } from '../../../utils/rubric';
import { item, section, STANDARD_BANDS, template } from '../../fixtures/rubric';

const root = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../..')}/`;

/** The 69 units of public/defaults/units.json, parsed as the extension parses them. */
export function roster(): Unit[] {
  const parsed = parseRosterText(readDefaultRosterText());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value.units;
}

/** public/defaults/plan-<year>.json (2026: 40 units, 2027: the other 29). */
export function plan(year: 2026 | 2027): Plan {
  return JSON.parse(readFileSync(`${root}public/defaults/plan-${year}.json`, 'utf8')) as Plan;
}

export function unitById(units: Unit[], id: string): Unit {
  const u = units.find((x) => x.id === id);
  if (!u) throw new Error(`no unit ${id}`);
  return u;
}

/** A final demo record of `unit` on `date`, as the supervisor collected it (signed by its observers). */
export function collected(unit: { id: string; name: string }, date: string, fileName?: string): CollectedRecord {
  const record = demo({ id: unit.id, name: unit.name }, date);
  return { record, signers: record.observers.map((o) => o.name), fileName };
}

/** The same collected record with some fields of the record changed. */
export function edited(c: CollectedRecord, patch: Partial<ObservationRecord>): CollectedRecord {
  return { ...c, record: { ...structuredClone(c.record), ...patch } };
}

/** The record rescored against a one-item, 100-point template (0.1 grid): its total is exactly `total`. */
export function withTotal(c: CollectedRecord, total: number, bands: GradeBand[] = STANDARD_BANDS): CollectedRecord {
  const oneItem = template([section('s1', [item('x', 100, { step: 0.1, title: '总体评价' })], '总体评价')], { bands });
  return edited(c, { template: oneItem, scores: { x: { value: total, na: false, note: '' } } });
}

/** The record with every item of its template marked 不适用: nothing assessed, no total. */
export function allNotApplicable(c: CollectedRecord): CollectedRecord {
  const snapshot = structuredClone(c.record.template);
  for (const s of snapshot.sections) for (const i of s.items) i.allowNA = true;
  const scores = Object.fromEntries(snapshot.sections.flatMap((s) => s.items.map((i) => [i.id, { value: null, na: true, note: '不适用' }])));
  return edited(c, { template: snapshot, scores });
}
