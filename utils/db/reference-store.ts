import type { RubricTemplate } from '../rubric';
import { validateTemplate } from '../rubric';
import type { Roster, Unit } from '../roster';
import { normalizeUnitName, validateRoster } from '../roster';
import type { Validated } from '../validate';
import type { TemplateRow, XuntingDB } from './schema';

export const ACTIVE_TEMPLATE_KEY = 'activeTemplateId';
/** The observer's own name and usual colleagues, pre-filled in new observations. */
export const OBSERVER_NAMES_KEY = 'observerNames';
/** The observation open in the form when the page last closed (null: the list). */
export const OPEN_OBSERVATION_KEY = 'openObservationId';

export async function getSetting<T>(db: XuntingDB, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: XuntingDB, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** Store a template after validating it; a bad one is refused with its problems and nothing changes. */
export async function importTemplate(db: XuntingDB, input: unknown, now = new Date()): Promise<Validated<RubricTemplate>> {
  const checked = validateTemplate(input);
  if (!checked.ok) return checked;
  const t = checked.value;
  await db.templates.put({ id: t.id, version: t.version, title: t.title, importedAt: now.toISOString(), template: t });
  return checked;
}

export async function listTemplates(db: XuntingDB): Promise<TemplateRow[]> {
  return db.templates.toArray();
}

/** The template new observations use: the chosen one, else the first stored. */
export async function activeTemplate(db: XuntingDB): Promise<RubricTemplate | undefined> {
  const id = await getSetting<string>(db, ACTIVE_TEMPLATE_KEY);
  const row = (id && (await db.templates.get(id))) || (await db.templates.toCollection().first());
  return row?.template;
}

/** Replace the roster in one transaction after validating it; a bad roster changes nothing. */
export async function replaceRoster(db: XuntingDB, input: unknown): Promise<Validated<Roster>> {
  const checked = validateRoster(input);
  if (!checked.ok) return checked;
  await db.transaction('rw', db.units, async () => {
    await db.units.clear();
    await db.units.bulkAdd(checked.value.units);
  });
  return checked;
}

/**
 * Import a roster (from a file) over the stored one: units whose name matches a stored unit keep
 * the stored id, so plans and records that name units by id stay attached; new units keep the
 * file's id unless it is taken. Validated whole; a bad roster changes nothing.
 */
export async function importRoster(db: XuntingDB, roster: Roster): Promise<Validated<Roster>> {
  const existing = await db.units.toArray();
  const byName = new Map(existing.map((u) => [normalizeUnitName(u.name), u.id]));
  const taken = new Set(existing.map((u) => u.id));
  let next = existing.length + roster.units.length;
  const units = roster.units.map((u) => {
    const kept = byName.get(normalizeUnitName(u.name));
    if (kept) return { ...u, id: kept };
    if (!taken.has(u.id)) return (taken.add(u.id), u);
    let id;
    do id = `u${String(++next).padStart(3, '0')}`;
    while (taken.has(id));
    taken.add(id);
    return { ...u, id };
  });
  return replaceRoster(db, { ...roster, units });
}

export async function listUnits(db: XuntingDB): Promise<Unit[]> {
  return db.units.toArray();
}

/**
 * First run: store the built-in template and roster unless the user already has some.
 * Both are validated like any import.
 */
export async function seedDefaults(db: XuntingDB, defaults: { template: unknown; roster: unknown }): Promise<void> {
  if ((await db.templates.count()) === 0) {
    const t = await importTemplate(db, defaults.template);
    if (!t.ok) throw new Error(`内置评分表无效：${t.problems.map((p) => p.message).join('；')}`);
    await setSetting(db, ACTIVE_TEMPLATE_KEY, t.value.id);
  }
  if ((await db.units.count()) === 0) {
    const r = await replaceRoster(db, defaults.roster);
    if (!r.ok) throw new Error(`内置单位名单无效：${r.problems.map((p) => p.message).join('；')}`);
  }
}
