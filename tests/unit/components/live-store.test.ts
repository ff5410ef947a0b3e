import { afterEach, describe, expect, it, vi } from 'vitest';
import { testHooks } from '../../fixtures/observe-hooks';
import { createBrowserIdentity, saveRecord, XuntingDB } from '../../../utils/db';
import { createRecord } from '../../../utils/record';
import { createObserveStore, type ObserveStore } from '../../../components/observe/observe-store';
import { smallTemplate } from '../../fixtures/rubric';

// Another page (the options page, another tab) opens its own XuntingDB on the same database.
let store: ObserveStore | null = null;
afterEach(() => store?.dispose());

describe("the observer's store follows the database", () => {
  it('an identity made in another page shows without a reload', async () => {
    const name = `live-${crypto.randomUUID()}`;
    store = createObserveStore(new XuntingDB(name), testHooks());
    await store.loaded;
    expect(store.identity.value.kind).toBe('none');
    await createBrowserIdentity(new XuntingDB(name), { name: '张三', org: '组织部' });
    await vi.waitFor(() => expect(store!.identity.value).toMatchObject({ kind: 'pending', name: '张三' }));
  });

  it('an observation saved in another page joins the list', async () => {
    const name = `live-${crypto.randomUUID()}`;
    store = createObserveStore(new XuntingDB(name), testHooks());
    await store.loaded;
    expect(store.list.value).toEqual([]);
    const r = createRecord({ template: smallTemplate() });
    await saveRecord(new XuntingDB(name), r);
    await vi.waitFor(() => expect(store!.list.value.map((row) => row.id)).toEqual([r.id]));
  });
});
