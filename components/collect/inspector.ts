/**
 * Reading and inspecting the inbox's files: in a worker when the page can start one, so
 * verifying the next reports (the CPU) runs beside storing the earlier ones (the page's thread
 * and IndexedDB); on this thread otherwise (tests, a host page whose policy forbids workers, a
 * worker without WebCrypto). Both give the same answers: the worker runs the same inspectReport.
 */
import { inspectReport, refuseBySize, type Inspection } from '../../utils/collect';
import type { TrustStore } from '../../utils/sign';

/**
 * The verdict only: the page stores the picked File itself (a Blob the browser copies into
 * IndexedDB from disk), so the bytes never travel back from the worker nor get copied again on
 * the page's thread (copies that kept its garbage collector busy through an import).
 */
export interface Inspected {
  inspection: Inspection;
}

export type InspectRequest = { kind: 'trust'; cas: Uint8Array[]; pinned: Uint8Array[] } | { kind: 'inspect'; id: number; name: string; file: File };
export type InspectReply =
  { kind: 'ready' } | { kind: 'unsupported' } | ({ kind: 'inspected'; id: number } & Inspected) | { kind: 'failed'; id: number; message: string };

export interface Inspector {
  inspect(name: string, file: File): Promise<Inspected>;
  close(): void;
}

async function inThread(name: string, file: File, trust: TrustStore): Promise<Inspected> {
  const early = refuseBySize(name, file.size);
  return { inspection: early ?? (await inspectReport(name, new Uint8Array(await file.arrayBuffer()), trust)) };
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./inspect-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null; // a content security policy without worker-src, for one
  }
}

export async function createInspector(trust: TrustStore): Promise<Inspector> {
  const worker = startWorker();
  const local: Inspector = { inspect: (name, file) => inThread(name, file, trust), close: () => undefined };
  if (!worker) return local;
  const pending = new Map<number, { name: string; file: File; ok(v: Inspected): void; fail(e: Error): void }>();
  let nextId = 0;
  // Until the worker says it can verify, requests wait; if it cannot (or never starts), they run here.
  let usable: Promise<boolean> = new Promise((decided) => {
    worker.onmessage = ({ data: m }: MessageEvent<InspectReply>) => {
      if (m.kind === 'ready' || m.kind === 'unsupported') return decided(m.kind === 'ready');
      const job = pending.get(m.id);
      pending.delete(m.id);
      if (m.kind === 'inspected') job?.ok({ inspection: m.inspection });
      else job?.fail(new Error(m.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      decided(false);
      // A worker that fails to load (or dies) leaves its files to this thread.
      usable = Promise.resolve(false);
      worker.terminate();
      for (const [id, job] of pending) {
        pending.delete(id);
        inThread(job.name, job.file, trust).then(job.ok, job.fail);
      }
    };
  });
  const { certificateDer } = await import('../../utils/sign'); // loaded already by trustStoreOf; kept out of the page's first bundle
  worker.postMessage({ kind: 'trust', cas: trust.cas.map(certificateDer), pinned: (trust.pinned ?? []).map(certificateDer) } satisfies InspectRequest);
  return {
    async inspect(name, file) {
      if (!(await usable)) return inThread(name, file, trust);
      const id = nextId++;
      return new Promise<Inspected>((ok, fail) => {
        pending.set(id, { name, file, ok, fail });
        worker.postMessage({ kind: 'inspect', id, name, file } satisfies InspectRequest);
      });
    },
    close: () => worker.terminate(),
  };
}
