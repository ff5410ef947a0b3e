/**
 * The observer's store: an edit of the open record reaches the database through the one
 * signal → autosave effect, with no save call from the form; a record just read is not written
 * back, and a finalised record cannot be edited.
 */
import { testHooks } from '../../fixtures/observe-hooks';
import { describe, expect, it, vi } from 'vitest';
import { createObserveStore } from '../../../components/observe/observe-store';
import { importTemplate, listVersions, loadRecord, XuntingDB } from '../../../utils/db';
import { tracked } from '../../fixtures/db';
import { readyRecord } from '../../fixtures/record';
import { smallTemplate } from '../../fixtures/rubric';

async function storeWithTemplate() {
  const db = tracked(new XuntingDB(`xunting-observe-${crypto.randomUUID()}`));
  await db.open();
  const imported = await importTemplate(db, smallTemplate());
  expect(imported.ok).toBe(true);
  const emit = vi.fn();
  return {
    db,
    emit,
    store: createObserveStore(db, testHooks({ emit, defaultObservers: ['张三'] })),
  };
}

const saved = (emit: ReturnType<typeof vi.fn>) => emit.mock.calls.filter(([type]) => type === 'xunting-saved');

describe('observe store: signals → autosave', () => {
  it('an edit is in the database after the autosave delay, and the page hears xunting-saved', async () => {
    const { db, emit, store } = await storeWithTemplate();
    await store.startNew();
    const id = store.current.value!.id;
    expect(saved(emit)).toHaveLength(0);

    store.edit((d) => void (d.theme = '学习党的二十届四中全会精神'));
    expect(store.saveState.value.kind).toBe('pending');
    await vi.waitFor(() => expect(store.saveState.value.kind).toBe('saved'), { timeout: 5000 });

    expect((await loadRecord(db, id))?.theme).toBe('学习党的二十届四中全会精神');
    expect(saved(emit)).toHaveLength(1);
    expect(saved(emit)[0][1]).toMatchObject({ id });
  });

  it('opening a stored record does not write it back', async () => {
    const { emit, store } = await storeWithTemplate();
    await store.startNew();
    const id = store.current.value!.id;
    await store.backToList();
    await store.open(id);
    await new Promise((r) => setTimeout(r, 400)); // past the 150 ms autosave delay: a save would have started
    expect(saved(emit)).toHaveLength(0);
    expect(store.saveState.value.kind).toBe('idle');
  });

  it('a finalised record is locked: edit changes nothing and nothing is saved', async () => {
    const { db, emit, store } = await storeWithTemplate();
    await store.startNew();
    const id = store.current.value!.id;
    // Every required field and score filled, as the form would leave it (the fixture's ready record).
    const ready = readyRecord(store.current.value!.template);
    store.edit((d) => void Object.assign(d, { ...ready, id: d.id, revision: d.revision, createdAt: d.createdAt, theme: '专题学习' }));
    await vi.waitFor(() => expect(store.saveState.value.kind).toBe('saved'), { timeout: 5000 });
    const ok = await store.finalize();
    expect(store.problems.value).toEqual([]);
    expect(ok).toBe(true);
    expect(store.locked.value).toBe(true);
    const before = saved(emit).length;

    store.edit((d) => void (d.theme = '改动'));
    expect(store.current.value!.theme).toBe('专题学习');
    await new Promise((r) => setTimeout(r, 400)); // past the 150 ms autosave delay: a save would have started
    expect(saved(emit)).toHaveLength(before);
    expect((await loadRecord(db, id))?.theme).toBe('专题学习');
    expect((await listVersions(db, id)).length).toBeGreaterThan(0);
  });
});
