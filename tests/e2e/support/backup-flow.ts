import { expect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { tempDir } from '../../unit/pdf/poppler';

/** The 备份与恢复 card of an options page or the dashboard's 备份与恢复 tab. */
export const backupCard = (page: Page): Locator => page.locator('section.backup');

/** 导出备份: waits for the download and the status; returns the saved file's path and name. */
export async function exportBackup(page: Page): Promise<{ path: string; name: string }> {
  const card = backupCard(page);
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: '导出备份', exact: true }).click();
  const d = await download;
  const name = d.suggestedFilename();
  expect(name).toMatch(/\.xtbak$/);
  const path = join(tempDir('xunting-e2e-backup-'), name);
  await d.saveAs(path);
  await expect(card.getByRole('status')).toHaveText(`已导出备份「${name}」`);
  await expect(card.getByRole('list', { name: '已导出的数据' })).toBeVisible();
  return { path, name };
}

/** Choose the file, tick the confirmation, give the CA passphrase if asked, click 恢复. */
export async function startRestore(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }, caPassphrase?: string) {
  const card = backupCard(page);
  await card.getByLabel('选择备份文件（.xtbak）', { exact: true }).setInputFiles(file);
  await expect(card.getByRole('list', { name: '备份中的数据' })).toBeVisible();
  const restore = card.getByRole('button', { name: '恢复', exact: true });
  await expect(restore).toBeDisabled();
  if (caPassphrase !== undefined) await card.getByLabel('CA 备份口令（建立 CA 时设置的口令）', { exact: true }).fill(caPassphrase);
  await card.getByLabel('我已了解：将替换本机现有的全部数据', { exact: true }).check();
  await expect(restore).toBeEnabled();
  await restore.click();
}

/**
 * Try to restore a file that must be refused: it is refused when chosen (the manifest is read
 * first), or at 恢复 (entries checked). Returns the alert's text.
 */
export async function refusedRestore(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }, caPassphrase?: string): Promise<string> {
  const card = backupCard(page);
  const alert = card.getByRole('alert');
  const restore = card.getByRole('button', { name: '恢复', exact: true });
  const input = card.getByLabel('选择备份文件（.xtbak）', { exact: true });
  // Clear the choice first, so that the alert seen below is this file's, not the last one's.
  await input.setInputFiles([]);
  await expect(alert).toHaveCount(0);
  await input.setInputFiles(file);
  await expect(alert.or(restore)).toBeVisible();
  if (await restore.isVisible()) {
    const pass = card.getByLabel('CA 备份口令（建立 CA 时设置的口令）', { exact: true });
    if (caPassphrase !== undefined && (await pass.isVisible())) await pass.fill(caPassphrase);
    await card.getByLabel('我已了解：将替换本机现有的全部数据', { exact: true }).check();
    await restore.click();
  }
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(card.getByRole('status')).toHaveCount(0);
  return (await alert.textContent()) ?? '';
}

export type Tables = Record<string, unknown[]>;

/**
 * Every object store of an IndexedDB database, read in the page's origin: Blobs and typed arrays
 * as their length and SHA-256, a CryptoKey as a description of it (keys cannot leave the page).
 */
export async function readAllTables(page: Page, dbName = 'xunting'): Promise<Tables> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open(dbName);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const names = [...db.objectStoreNames];
    const raw = await new Promise<Record<string, unknown[]>>((ok, fail) => {
      const tx = db.transaction(names);
      const out: Record<string, unknown[]> = {};
      for (const n of names) {
        const req = tx.objectStore(n).getAll();
        req.onsuccess = () => (out[n] = req.result);
      }
      tx.oncomplete = () => ok(out);
      tx.onerror = () => fail(tx.error);
    });
    db.close();
    // Bytes by length and SHA-256: equal digests are equal bytes, and megabytes of PDFs stay out of the comparison.
    const digest = async (bytes: Uint8Array) => {
      const h = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
      return { length: bytes.length, sha256: Array.from(h, (b) => b.toString(16).padStart(2, '0')).join('') };
    };
    const plain = async (v: unknown): Promise<unknown> => {
      if (v instanceof Blob) return { blob: v.type, ...(await digest(new Uint8Array(await v.arrayBuffer()))) };
      if (v instanceof CryptoKey)
        return {
          cryptoKey: v.type,
          algorithm: (v.algorithm as { name: string; namedCurve?: string }).name,
          curve: (v.algorithm as { namedCurve?: string }).namedCurve ?? null,
          extractable: v.extractable,
          usages: [...v.usages].sort(),
        };
      if (ArrayBuffer.isView(v)) return { [v.constructor.name]: await digest(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
      if (Array.isArray(v)) return Promise.all(v.map(plain));
      if (v && typeof v === 'object') {
        const o: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) o[k] = await plain(x);
        return o;
      }
      return v;
    };
    const out: Record<string, unknown[]> = {};
    for (const n of names) out[n] = (await plain(raw[n])) as unknown[];
    return out;
  }, dbName);
}

export const rowCounts = (t: Tables) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.length]));
