import { computed, signal } from '@preact/signals';
import { inspectReport, refuseBySize, type UntrustedIssuer } from '../../utils/collect';
import { ingestInspected, trustStoreOf, type IngestResult, type XuntingDB } from '../../utils/db';
import { errorMessage } from '../ui/errors';
import { bytesBlob, fileBytes } from '../ui/files';
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
    try {
      const trust = await trustStoreOf(db);
      let lastPaint = 0;
      let lastTable = 0;
      // Read and verify the next file while this one's transaction commits (IndexedDB works
      // off the page's thread); files are still stored one by one, in order.
      const inspect = async (p: PickedFile) => {
        const early = refuseBySize(p.name, p.file.size);
        const bytes = early ? null : await fileBytes(p.file);
        return { bytes, inspection: early ?? (await inspectReport(p.name, bytes!, trust)) };
      };
      const settle = (p: PickedFile) => inspect(p).then((ok) => ({ ok }), (failure: unknown) => ({ failure }));
      let next = settle(picked[0]);
      for (const [i, p] of picked.entries()) {
        if (cancelled) break;
        const inspected = await next;
        if (i + 1 < picked.length) next = settle(picked[i + 1]);
        let result: IngestResult;
        try {
          if ('failure' in inspected) throw inspected.failure;
          const { bytes, inspection } = inspected.ok;
          result = await ingestInspected(db, inspection, bytes ? bytesBlob(bytes, 'application/pdf') : new Blob());
        } catch (e) {
          result = { outcome: 'rejected', fileName: p.name, code: 'storage', reason: `未能保存：${errorMessage(e)}` };
        }
        out.push(result);
        if (result.outcome === 'rejected' && result.issuer) refused.push({ result, file: p });
        counts[result.outcome] += 1;
        // Repaint the progress at most ~10 times a second and the results table once a second
        // (laying out a table of hundreds of rows ten times a second cost more than verifying);
        // both always at the end.
        if (Date.now() - lastPaint > 100 || i === picked.length - 1) {
          lastPaint = Date.now();
          progress.value = { done: i + 1, total: picked.length, counts: { ...counts } };
          if (lastPaint - lastTable > 1000) {
            lastTable = lastPaint;
            results.value = [...out];
          }
          await new Promise((ok) => setTimeout(ok, 0));
        }
      }
      progress.value = { done: out.length, total: picked.length, counts: { ...counts } };
      results.value = [...out];
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
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
