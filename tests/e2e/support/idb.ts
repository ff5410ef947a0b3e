import type { Page } from '@playwright/test';

/** Every row of one IndexedDB object store, read in the page's origin (Blobs come back as byte arrays). */
export async function readIdbTable(page: Page, dbName: string, table: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    async ({ dbName, table }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open(dbName);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const rows = await new Promise<Record<string, unknown>[]>((ok, fail) => {
        const req = db.transaction(table).objectStore(table).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      db.close();
      // Blobs do not cross into Node: turn them into plain arrays of bytes.
      for (const row of rows) for (const [k, v] of Object.entries(row)) if (v instanceof Blob) row[k] = Array.from(new Uint8Array(await v.arrayBuffer()));
      return rows;
    },
    { dbName, table },
  );
}
