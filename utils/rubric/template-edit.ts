/**
 * The editor's operations on a template, pure: each returns a new template. Ids of new sections
 * and items are fresh (never reused within the template), so records and coverage can match
 * sections and items across versions by id.
 */
import type { GradeBand, RubricItem, RubricSection, RubricTemplate } from './types';

/** `prefix` + the smallest number not yet used by `taken`. */
function freshId(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

const allIds = (t: RubricTemplate) => new Set(t.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)]));

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}

const withSections = (t: RubricTemplate, sections: RubricSection[]): RubricTemplate => ({ ...t, sections });
const withSection = (t: RubricTemplate, si: number, edit: (s: RubricSection) => RubricSection) =>
  withSections(
    t,
    t.sections.map((s, i) => (i === si ? edit(s) : s)),
  );

export function addSection(t: RubricTemplate): RubricTemplate {
  return withSections(t, [...t.sections, { id: freshId('s', allIds(t)), title: '', items: [] }]);
}

function newItem(t: RubricTemplate, sectionId: string): RubricItem {
  return { id: freshId(`${sectionId}-`, allIds(t)), title: '', guidance: '', max: 5, step: 1, kind: 'score', allowNA: false, required: true };
}

export function addItem(t: RubricTemplate, si: number): RubricTemplate {
  return withSection(t, si, (s) => ({ ...s, items: [...s.items, newItem(t, s.id)] }));
}

export const updateSection = (t: RubricTemplate, si: number, patch: Partial<Omit<RubricSection, 'items'>>) => withSection(t, si, (s) => ({ ...s, ...patch }));

export const updateItem = (t: RubricTemplate, si: number, ii: number, patch: Partial<RubricItem>) =>
  withSection(t, si, (s) => ({ ...s, items: s.items.map((x, i) => (i === ii ? { ...x, ...patch } : x)) }));

export const removeSection = (t: RubricTemplate, si: number) =>
  withSections(
    t,
    t.sections.filter((_, i) => i !== si),
  );
export const removeItem = (t: RubricTemplate, si: number, ii: number) => withSection(t, si, (s) => ({ ...s, items: s.items.filter((_, i) => i !== ii) }));
export const moveSection = (t: RubricTemplate, from: number, to: number) => withSections(t, move(t.sections, from, to));

/** Move an item within its section or into another (dropped before index `toIndex`, or at the end). */
export function moveItem(t: RubricTemplate, from: { si: number; ii: number }, to: { si: number; ii: number }): RubricTemplate {
  if (from.si === to.si) return withSection(t, from.si, (s) => ({ ...s, items: move(s.items, from.ii, to.ii) }));
  const item = t.sections[from.si]?.items[from.ii];
  if (!item || !t.sections[to.si]) return t;
  const removed = removeItem(t, from.si, from.ii);
  return withSection(removed, to.si, (s) => {
    const items = [...s.items];
    items.splice(Math.min(to.ii, items.length), 0, item);
    return { ...s, items };
  });
}

/** A copy right after the original, with fresh ids (a section's items too). */
export function duplicateSection(t: RubricTemplate, si: number): RubricTemplate {
  const taken = allIds(t);
  const src = t.sections[si];
  const id = freshId('s', taken);
  taken.add(id);
  const items = src.items.map((item) => {
    const iid = freshId(`${id}-`, taken);
    taken.add(iid);
    return { ...item, id: iid };
  });
  const sections = [...t.sections];
  sections.splice(si + 1, 0, { ...src, id, title: src.title ? `${src.title}（副本）` : '', items });
  return withSections(t, sections);
}

export function duplicateItem(t: RubricTemplate, si: number, ii: number): RubricTemplate {
  const src = t.sections[si].items[ii];
  const copy = { ...src, id: freshId(`${t.sections[si].id}-`, allIds(t)) };
  return withSection(t, si, (s) => {
    const items = [...s.items];
    items.splice(ii + 1, 0, copy);
    return { ...s, items };
  });
}

export const updateBand = (t: RubricTemplate, bi: number, patch: Partial<GradeBand>): RubricTemplate => ({
  ...t,
  bands: t.bands.map((b, i) => (i === bi ? { ...b, ...patch } : b)),
});
export const addBand = (t: RubricTemplate): RubricTemplate => ({ ...t, bands: [...t.bands, { grade: '', min: 0 }] });
export const removeBand = (t: RubricTemplate, bi: number): RubricTemplate => ({ ...t, bands: t.bands.filter((_, i) => i !== bi) });

/** Each section's maximum and the total, as the editor shows them while typing (non-numbers count 0). */
export function templateMaxima(t: RubricTemplate): { sections: number[]; total: number } {
  const sections = t.sections.map((s) => s.items.reduce((a, i) => a + (Number.isFinite(i.max) ? i.max : 0), 0));
  return { sections, total: sections.reduce((a, b) => a + b, 0) };
}
