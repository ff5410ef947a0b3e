import { computed, signal } from '@preact/signals';
import type { UntrustedIssuer } from '../../utils/collect';
import { trustStoreOf, type IngestResult, type XuntingDB } from '../../utils/db';
import { errorMessage } from '../ui/errors';
import { createInspector, type Inspected, type Inspector } from './inspector';
import { createStorer, type Storer } from './storer';
import type { PickedFile } from './collect-files';

export interface InboxProgress {
  done: number;
  total: number;
  counts: Record<IngestResult['outcome'], number>;
}

/** The files refused because nobody on the trust list issued their signer's certificate, by issuer. */
export interface RefusedIssuer {
  issuer: UntrustedIssuer;
  files: PickedFile[];
}

/** Files read and verified ahead of the one being stored. */
const INSPECT_AHEAD = 6;
/** Transactions queued in IndexedDB while the next file is verified. */
const STORES_IN_FLIGHT = 4;

const zero = (): InboxProgress['counts'] => ({ accepted: 0, duplicate: 0, superseded: 0, rejected: 0 });
const issuerKey = (i: UntrustedIssuer) => i.fingerprint ?? `${i.cn}/${i.o}`;

/**
 * The inbox's state, held by the supervisor's page (not the tab): the last import's results stay
 * while the supervisor visits the trust list, and the files refused for an untrusted issuer can
 * be checked again once it is trusted. Each file is verified with the trust list and ingested,
 * one transaction per file.
 */
export function createInboxStore(db: XuntingDB, hooks: { onImported?(counts: InboxProgress['counts'] & { files: number }): void } = {}) {
  const progress = signal<InboxProgress | null>(null);
  const results = signal<IngestResult[]>([]);
  const running = signal(false);
  const error = signal('');
  /** Files refused as `untrusted-signer` in the last import, kept to check again. */
  const untrusted = signal<{ result: IngestResult & { outcome: 'rejected' }; file: PickedFile }[]>([]);
  let cancelled = false;

  const refusedIssuers = computed<RefusedIssuer[]>(() => {
    const by = new Map<string, RefusedIssuer>();
    for (const { result, file } of untrusted.value) {
      const key = issuerKey(result.issuer!);
      const entry = by.get(key) ?? { issuer: result.issuer!, files: [] };
      entry.files.push(file);
      by.set(key, entry);
    }
    return [...by.values()];
  });

  async function importFiles(picked: PickedFile[]) {
    if (running.value || !picked.length) return;
    running.value = true;
    error.value = '';
    cancelled = false;
    const out: IngestResult[] = [];
    const refused: { result: IngestResult & { outcome: 'rejected' }; file: PickedFile }[] = [];
    const counts = zero();
    results.value = [];
    untrusted.value = [];
    progress.value = { done: 0, total: picked.length, counts: { ...counts } };
    let inspector: Inspector | null = null;
    let storer: Storer | null = null;
    try {
      const trust = await trustStoreOf(db);
      let lastPaint = 0;
      let lastTable = 0;
      // Three stages overlap, each in file order: files are read and verified a few ahead (in
      // a worker when the page can start one: see inspector.ts), while earlier files'
      // transactions run in IndexedDB (from a second worker: see storer.ts), up to
      // STORES_IN_FLIGHT of them queued. Still one
      // transaction per file: IndexedDB runs read-write transactions over the same tables one
      // after another in the order they were opened, so each file is decided against every file
      // before it, as if they had been stored one by one.
      inspector = await createInspector(trust);
      storer = await createStorer(db);
      const ahead = new Map<number, Promise<Inspected>>();
      const inspected = (i: number) => {
        for (let k = i; k < Math.min(picked.length, i + INSPECT_AHEAD); k++) {
          if (ahead.has(k)) continue;
          const job = inspector!.inspect(picked[k].name, picked[k].file);
          job.catch(() => undefined); // a file left behind by 取消 must not surface as an unhandled rejection
          ahead.set(k, job);
        }
        const job = ahead.get(i)!;
        ahead.delete(i);
        return job;
      };
      // `ready` resolves once the file's transaction is opened (or the file refused): the next
      // file's transaction may then be opened after it.
      const store = (i: number, p: PickedFile) => {
        let opened!: () => void;
        const ready = new Promise<void>((ok) => (opened = ok));
        const result = (async (): Promise<IngestResult> => {
          try {
            const { inspection } = await inspected(i);
            // The picked file is the PDF that was verified: stored as it is (see Inspected).
            const stored = storer!.store(inspection, p.file);
            opened();
            return await stored;
          } catch (e) {
            return { outcome: 'rejected', fileName: p.name, code: 'storage', reason: `未能保存：${errorMessage(e)}` };
          } finally {
            opened();
          }
        })();
        return { ready, result };
      };
      const storing: { i: number; p: PickedFile; result: Promise<IngestResult> }[] = [];
      const finish = async () => {
        const { i, p, result: pending } = storing.shift()!;
        const result = await pending;
        out.push(result);
        if (result.outcome === 'rejected' && result.issuer) refused.push({ result, file: p });
        counts[result.outcome] += 1;
        // Repaint the progress at most ~10 times a second and the results once a second (the
        // page lists only the problems until the end: see ReportInbox); both always at the end.
        if (Date.now() - lastPaint > 100 || i === picked.length - 1) {
          lastPaint = Date.now();
          progress.value = { done: out.length, total: picked.length, counts: { ...counts } };
          if (lastPaint - lastTable > 1000) {
            lastTable = lastPaint;
            results.value = [...out];
          }
          await new Promise((ok) => setTimeout(ok, 0));
        }
      };
      for (const [i, p] of picked.entries()) {
        if (cancelled) break;
        const { ready, result } = store(i, p);
        storing.push({ i, p, result });
        await ready;
        if (storing.length >= STORES_IN_FLIGHT) await finish();
      }
      while (storing.length) await finish();
      progress.value = { done: out.length, total: picked.length, counts: { ...counts } };
      results.value = [...out];
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      inspector?.close();
      storer?.close();
      untrusted.value = refused;
      running.value = false;
      hooks.onImported?.({ ...counts, files: out.length });
    }
  }

  return {
    progress,
    results,
    running,
    error,
    refusedIssuers,
    importFiles,
    /** Verify again every file refused for an untrusted issuer (after the trust list changed). */
    recheck: () => importFiles(untrusted.value.map((u) => u.file)),
    cancel: () => void (cancelled = true),
  };
}

export type InboxStore = ReturnType<typeof createInboxStore>;
