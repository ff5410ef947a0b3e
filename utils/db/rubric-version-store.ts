/**
 * The supervisor's template versions (the 评分表 editor). Drafts are saved as they are edited;
 * a published version never changes again: saving over it is refused, and editing it starts a
 * draft with the next version number.
 */
import { RUBRIC_FORMAT, validateTemplate, type RubricTemplate } from '../rubric';
import type { Validated } from '../validate';
import type { RubricVersionRow, XuntingDB } from './schema';

class PublishedVersionError extends Error {
  constructor(id: string, version: number) {
    super(`评分表「${id}」第 ${version} 版已发布，不能再修改；请在新的草稿版本中修改`);
    this.name = 'PublishedVersionError';
  }
}

/** Every version, grouped by template id, newest version first. */
export async function listRubricVersions(db: XuntingDB): Promise<RubricVersionRow[]> {
  const rows = await db.rubricVersions.toArray();
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : b.version - a.version));
}

async function versionsOf(db: XuntingDB, id: string): Promise<RubricVersionRow[]> {
  return (await db.rubricVersions.where('id').equals(id).toArray()).sort((a, b) => b.version - a.version);
}

/** A new template from nothing: one empty section, the usual bands. */
export function blankTemplate(id: string, title: string): RubricTemplate {
  return {
    format: RUBRIC_FORMAT,
    id,
    version: 1,
    title,
    sections: [{ id: 's1', title: '', items: [] }],
    bands: [
      { grade: '优秀', min: 90 },
      { grade: '良好', min: 80 },
      { grade: '一般', min: 60 },
      { grade: '较差', min: 0 },
    ],
  };
}

/** Store a draft as it stands (it may not validate yet). A published version is never overwritten. */
export async function saveRubricDraft(db: XuntingDB, template: RubricTemplate, now = new Date()): Promise<RubricVersionRow> {
  return db.transaction('rw', db.rubricVersions, async () => {
    const old = await db.rubricVersions.get([template.id, template.version]);
    if (old?.status === 'published') throw new PublishedVersionError(template.id, template.version);
    const at = now.toISOString();
    const row: RubricVersionRow = {
      id: template.id,
      version: template.version,
      status: 'draft',
      template,
      createdAt: old?.createdAt ?? at,
      updatedAt: at,
      publishedAt: null,
      pdf: null,
    };
    await db.rubricVersions.put(row);
    return row;
  });
}

/** The draft to edit for template `id`: the open draft, else a copy of the newest version as version + 1. */
export async function draftOf(db: XuntingDB, id: string, now = new Date()): Promise<RubricVersionRow> {
  const [newest] = await versionsOf(db, id);
  if (!newest) throw new Error(`没有评分表「${id}」`);
  if (newest.status === 'draft') return newest;
  return saveRubricDraft(db, { ...structuredClone(newest.template), version: newest.version + 1 }, now);
}

/**
 * Fix a draft as published, with its signed 评分表, in one transaction. The template must validate
 * (the problems come back otherwise, nothing changes); it also becomes the profile's template for
 * that id, so the supervisor's own form and exports use the newest.
 */
export async function markPublished(db: XuntingDB, template: RubricTemplate, pdf: Blob, publishedAt: Date): Promise<Validated<RubricTemplate>> {
  const checked = validateTemplate(template);
  if (!checked.ok) return checked;
  const t = checked.value;
  await db.transaction('rw', db.rubricVersions, db.templates, async () => {
    const old = await db.rubricVersions.get([t.id, t.version]);
    if (old?.status === 'published') throw new PublishedVersionError(t.id, t.version);
    const at = publishedAt.toISOString();
    await db.rubricVersions.put({
      id: t.id,
      version: t.version,
      status: 'published',
      template: t,
      createdAt: old?.createdAt ?? at,
      updatedAt: at,
      publishedAt: at,
      pdf,
    });
    const current = await db.templates.get(t.id);
    if (!current || current.version <= t.version) await db.templates.put({ id: t.id, version: t.version, title: t.title, importedAt: at, template: t });
  });
  return checked;
}

export async function deleteRubricDraft(db: XuntingDB, id: string, version: number): Promise<void> {
  await db.transaction('rw', db.rubricVersions, async () => {
    const row = await db.rubricVersions.get([id, version]);
    if (row?.status === 'published') throw new PublishedVersionError(id, version);
    await db.rubricVersions.delete([id, version]);
  });
}
