import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { IdentityState } from '../utils/db';
import type { ObservationRecord } from '../utils/record';

/** The events a host page hears (the micro-frontend dispatches them on the element, bubbling and composed), with their `detail`. */
export interface XuntingEvents {
  /** A change is durably stored. */
  'xunting-saved': { id: string; revision: number; updatedAt: string };
  'xunting-finalized': { record: ObservationRecord };
  'xunting-identity-changed': { kind: IdentityState['kind'] };
  /** After an inbox import: how many files had each outcome. */
  'xunting-imported': { accepted: number; duplicate: number; superseded: number; rejected: number; files: number };
  /** A Chinese message (for example a failed write; the form keeps the data and retries). */
  'xunting-error': { message: string };
}

/** What differs between the extension pages and the micro-frontend; passed in by each shell. */
export interface Platform {
  kind: 'extension' | 'web';
  /** IndexedDB database name. */
  dbName: string;
  /** The built-in template, roster and observer names (public/defaults). */
  loadDefaults(): Promise<{ template: unknown; roster: unknown }>;
  /** Plans to start a new supervisor database with (the micro-frontend's `plan-urls`); none in the extension. */
  loadDefaultPlans?(): Promise<unknown[]>;
  /** Bytes of a file shipped in public/ (for example `fonts/NotoSerifSC-Regular.ttf`). */
  loadAsset(path: string): Promise<Uint8Array>;
  /** Hand a file to the user (download). */
  saveFile(fileName: string, blob: Blob): Promise<void>;
  /** Ask the browser to keep our storage (web pages); extensions use unlimitedStorage instead. */
  requestPersistence(): Promise<boolean | null>;
  /** Tell the host page what happened (the micro-frontend's DOM events). */
  emit<K extends keyof XuntingEvents>(type: K, detail: XuntingEvents[K]): void;
  /** Open a given observation at start (micro-frontend attribute). */
  initialObservationId?: string | null;
  /** Default observer names for new observations. */
  defaultObservers?: string[];
  /** Open another page of the product (the extension has them; a portal page may not). */
  openPage?(page: 'options' | 'dashboard'): void;
}

export const PlatformContext = createContext<Platform | null>(null);

export function usePlatform(): Platform {
  const p = useContext(PlatformContext);
  if (!p) throw new Error('PlatformContext missing');
  return p;
}

/** Download through an <a download> click: works in extension pages and web pages alike. */
export async function downloadBlob(fileName: string, blob: Blob): Promise<void> {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`无法读取 ${url}（HTTP ${res.status}）`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`无法读取 ${url}（HTTP ${res.status}）`);
  return res.json();
}
