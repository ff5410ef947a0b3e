/**
 * The inbox's verifier, off the page's thread: reads a picked file and inspects it (signatures,
 * chain, embedded record); the page hands each verdict to the storing worker (store-worker.ts)
 * and repaints. Files arrive in order
 * and may be inspected concurrently; the page puts the answers back in order by id.
 */
import { inspectReport, refuseBySize } from '../../utils/collect';
import { parseCertificate, type TrustStore } from '../../utils/sign';
import type { InspectReply, InspectRequest } from './inspector';

// This file runs as a dedicated worker; the project's DOM types describe a window, so the two
// calls it uses are typed here.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<InspectRequest>) => void) | null;
  postMessage(message: InspectReply): void;
};

let trust: TrustStore = { cas: [] };

async function handle(m: InspectRequest): Promise<void> {
  if (m.kind === 'trust') {
    // Without WebCrypto (a worker from an opaque origin) every signature would read as broken: say so, and the page verifies itself.
    if (!globalThis.crypto?.subtle) return scope.postMessage({ kind: 'unsupported' });
    trust = { cas: m.cas.map((c) => parseCertificate(c)), pinned: m.pinned.map((c) => parseCertificate(c)) };
    return scope.postMessage({ kind: 'ready' });
  }
  try {
    const early = refuseBySize(m.name, m.file.size);
    const inspection = early ?? (await inspectReport(m.name, new Uint8Array(await m.file.arrayBuffer()), trust));
    scope.postMessage({ kind: 'inspected', id: m.id, inspection });
  } catch (e) {
    scope.postMessage({ kind: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) });
  }
}

scope.onmessage = ({ data }) => void handle(data);
