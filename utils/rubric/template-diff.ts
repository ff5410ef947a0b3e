/** What changed from one version of a template to the next: items added, removed, or with another maximum. */
import type { RubricItem, RubricTemplate } from './types';

export interface TemplateDiff {
  added: { id: string; title: string; section: string }[];
  removed: { id: string; title: string; section: string }[];
  changedMax: { id: string; title: string; from: number; to: number }[];
}

function itemsById(t: RubricTemplate): Map<string, { item: RubricItem; section: string }> {
  const out = new Map<string, { item: RubricItem; section: string }>();
  for (const s of t.sections) for (const item of s.items) out.set(item.id, { item, section: s.title });
  return out;
}

/** Items are matched by id (a renamed item is the same item). */
export function diffTemplates(before: RubricTemplate, after: RubricTemplate): TemplateDiff {
  const a = itemsById(before);
  const b = itemsById(after);
  const diff: TemplateDiff = { added: [], removed: [], changedMax: [] };
  for (const [id, { item, section }] of b) {
    const old = a.get(id);
    if (!old) diff.added.push({ id, title: item.title, section });
    else if (old.item.max !== item.max) diff.changedMax.push({ id, title: item.title, from: old.item.max, to: item.max });
  }
  for (const [id, { item, section }] of a) if (!b.has(id)) diff.removed.push({ id, title: item.title, section });
  return diff;
}

/** `新增 2 项（…）；删除 1 项（…）；满分调整 1 项（领学质量 10→15）`, or `评分项无变化`. */
export function describeDiff(d: TemplateDiff): string {
  const parts: string[] = [];
  if (d.added.length) parts.push(`新增 ${d.added.length} 项（${d.added.map((x) => x.title).join('、')}）`);
  if (d.removed.length) parts.push(`删除 ${d.removed.length} 项（${d.removed.map((x) => x.title).join('、')}）`);
  if (d.changedMax.length) parts.push(`满分调整 ${d.changedMax.length} 项（${d.changedMax.map((x) => `${x.title} ${x.from}→${x.to}`).join('、')}）`);
  return parts.length ? parts.join('；') : '评分项无变化';
}
