// How long IndexedDB alone takes for the inbox's transactions, with nothing else running: in the
// dashboard page, 1,000 read-write transactions shaped like one report's ingest (look up the
// record id, put the row with a real stored record, put the picked PDF File), up to four queued
// as the inbox queues them, in a scratch database; then the same without the PDF. The floor
// under the import's time, whatever the verifier does.
import type { Page } from 'playwright-core';

export async function timeIngestTransactions(page: Page, paths: string[]): Promise<{ withPdf: number; withoutPdf: number }> {
  // tsx names the arrow functions below with a helper the page does not have.
  await page.evaluate('globalThis.__name ??= (f) => f');
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: 'bench-files', hidden: true });
    document.body.append(input);
  });
  await page.setInputFiles('#bench-files', paths);
  const run = (withPdf: boolean) =>
    page.evaluate(async (withPdf: boolean) => {
      const files = [...(document.getElementById('bench-files') as HTMLInputElement).files!];
      const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((ok, fail) => {
          const req = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
          req.onupgradeneeded = () => upgrade?.(req.result);
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
      const real = await open('xunting');
      const row = await new Promise<{ record: unknown }>((ok) => {
        const req = real.transaction('collected').objectStore('collected').openCursor();
        req.onsuccess = () => ok(req.result!.value as { record: unknown });
      });
      real.close();
      const name = `bench-chain-${withPdf}`;
      const db = await open(name, (d) => {
        const rows = d.createObjectStore('collected', { keyPath: ['recordId', 'revision'] });
        for (const index of ['recordId', 'sha256', 'date', 'superseded']) rows.createIndex(index, index);
        d.createObjectStore('collectedFiles', { keyPath: 'sha256' });
      });
      const t0 = performance.now();
      const queued: Promise<void>[] = [];
      for (const [i, file] of files.entries()) {
        queued.push(
          new Promise<void>((ok, fail) => {
            const tx = db.transaction(['collected', 'collectedFiles'], 'readwrite');
            const lookup = tx.objectStore('collected').index('recordId').getAll(`r${i}`);
            lookup.onsuccess = () => {
              tx.objectStore('collected').put({ ...row, recordId: `r${i}`, revision: 1, sha256: `s${i}`, superseded: 0 });
              if (withPdf) tx.objectStore('collectedFiles').put({ sha256: `s${i}`, fileName: file.name, size: file.size, pdf: file });
            };
            tx.oncomplete = () => ok();
            tx.onerror = () => fail(tx.error);
          }),
        );
        if (queued.length >= 4) await queued.shift();
      }
      await Promise.all(queued);
      const seconds = (performance.now() - t0) / 1000;
      db.close();
      await new Promise((ok) => (indexedDB.deleteDatabase(name).onsuccess = ok));
      return seconds;
    }, withPdf);
  return { withPdf: await run(true), withoutPdf: await run(false) };
}
