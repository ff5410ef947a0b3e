import { signal, useSignal, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { useEffect } from 'preact/hooks';

// Dexie re-runs a live query whenever a table it read changes: in this page (any XuntingDB on
// the same database) and in every other page or tab of the same origin (BroadcastChannel). So a
// signing identity made in the options page shows in the open side panel, and an import in one
// dashboard tab shows in another, without refresh counters or visibility events.

/** A failed read is a programming or storage fault, not something the person typed: report it to the page. */
const fault = (e: unknown) => (typeof reportError === 'function' ? reportError(e) : console.error(e));

/** A signal holding the latest result of `query`; `ready` resolves after the first read; `stop` ends the subscription. */
export function liveSignal<T>(query: () => Promise<T>, initial: T): { signal: ReadonlySignal<T>; ready: Promise<void>; stop(): void } {
  const s = signal<T>(initial);
  let first: () => void = () => undefined;
  const ready = new Promise<void>((ok) => (first = ok));
  const sub = liveQuery(query).subscribe({
    next: (v) => {
      s.value = v;
      first();
    },
    error: (e) => {
      fault(e);
      first();
    },
  });
  return { signal: s, ready, stop: () => sub.unsubscribe() };
}

/** The latest result of `query` in a component (undefined until the first read); re-subscribed when `deps` change. */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const s = useSignal<T | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: (v) => (s.value = v), error: fault });
    return () => sub.unsubscribe();
  }, deps);
  return s.value;
}
