/**
 * Storing the inbox's verified files: in a worker when the page can start one (see
 * store-worker.ts), on this thread otherwise. Either way one transaction per file, opened in the
 * order `store` is called.
 */
import { ingestInspected, type IngestResult, type XuntingDB } from '../../utils/db';
import type { Inspection } from '../../utils/collect';

export type StoreRequest = { kind: 'open'; name: string } | { kind: 'store'; id: number; inspection: Inspection; file: Blob };
export type StoreReply =
  | { kind: 'ready' }
  | { kind: 'unsupported'; message: string }
  | { kind: 'stored'; id: number; result: IngestResult }
  | { kind: 'failed'; id: number; message: string };

export interface Storer {
  /** Opens the file's transaction now (after every earlier call's), and gives its outcome. */
  store(inspection: Inspection, file: Blob): Promise<IngestResult>;
  close(): void;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./store-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export async function createStorer(db: XuntingDB): Promise<Storer> {
  const local: Storer = { store: (inspection, file) => ingestInspected(db, inspection, file), close: () => undefined };
  const worker = startWorker();
  if (!worker) return local;
  const pending = new Map<number, { ok(r: IngestResult): void; fail(e: Error): void }>();
  let dead = false;
  const usable = await new Promise<boolean>((decided) => {
    worker.onmessage = ({ data: m }: MessageEvent<StoreReply>) => {
      if (m.kind === 'ready' || m.kind === 'unsupported') return decided(m.kind === 'ready');
      const job = pending.get(m.id);
      pending.delete(m.id);
      if (m.kind === 'stored') job?.ok(m.result);
      else job?.fail(new Error(m.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      decided(false);
      dead = true; // later files are stored on this thread, not posted to a worker that is gone
      for (const [id, job] of pending) {
        pending.delete(id);
        job.fail(new Error('保存文件的后台线程意外停止'));
      }
    };
    worker.postMessage({ kind: 'open', name: db.name } satisfies StoreRequest);
  });
  if (!usable) {
    worker.terminate();
    return local;
  }
  let nextId = 0;
  return {
    store(inspection, file) {
      if (dead) return local.store(inspection, file);
      const id = nextId++;
      return new Promise((ok, fail) => {
        pending.set(id, { ok, fail });
        worker.postMessage({ kind: 'store', id, inspection, file } satisfies StoreRequest);
      });
    },
    close: () => worker.terminate(),
  };
}
