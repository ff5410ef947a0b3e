/**
 * The inbox's storing, off the page's thread: each verified file's transaction (look up its
 * record id, decide, put the row and the PDF) runs here, in the order the page sends them, so a
 * transaction never waits for the page's thread (busy receiving verdicts and repainting) between
 * its read and its writes.
 */
import { ingestInspected, XuntingDB } from '../../utils/db';
import type { StoreReply, StoreRequest } from './storer';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<StoreRequest>) => void) | null;
  postMessage(message: StoreReply): void;
};

let db: XuntingDB | null = null;

scope.onmessage = ({ data: m }) => {
  if (m.kind === 'open') {
    db = new XuntingDB(m.name);
    db.open().then(
      () => scope.postMessage({ kind: 'ready' }),
      (e: unknown) => scope.postMessage({ kind: 'unsupported', message: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  // Called as the message arrives: the transaction is opened now, so transactions open in the order sent.
  ingestInspected(db!, m.inspection, m.file).then(
    (result) => scope.postMessage({ kind: 'stored', id: m.id, result }),
    (e: unknown) => scope.postMessage({ kind: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) }),
  );
};
