/**
 * Autosave with no lost keystroke: the latest value is written at most `delayMs` after a
 * change (a throttle, so steady typing still saves every `delayMs`), writes are chained
 * through one promise so they never race, and a failed write keeps the value, reports a
 * Chinese message and retries with back-off until it succeeds or a newer value replaces it.
 */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string; retryInMs: number; attempts: number };

export interface AutosaverOptions {
  delayMs?: number;
  retryDelaysMs?: number[];
  onState?: (state: SaveState) => void;
}

export interface Autosaver<T> {
  /** A newer value to store; the latest one wins. */
  schedule(value: T): void;
  /** Write whatever is pending now; resolves when it is stored (or the write failed). */
  flush(): Promise<void>;
  /** True while a value is not yet durably stored. */
  readonly dirty: boolean;
  readonly state: SaveState;
  dispose(): void;
}

const DEFAULT_SAVE_DELAY_MS = 150;
const DEFAULT_RETRIES = [1000, 2000, 5000, 10000];

/** A Chinese explanation of an IndexedDB failure that an observer can act on. */
export function describeStorageError(e: unknown): string {
  const name = (e as { name?: string } | null)?.name ?? '';
  const inner = (e as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  const kind = `${name} ${inner}`;
  if (/Quota/i.test(kind)) return '存储空间已满，最近的修改未能保存。内容仍保留在本页并将自动重试；请清理浏览器存储空间或导出备份。';
  if (/DatabaseClosed|InvalidState/i.test(kind)) return '本地数据库已关闭，最近的修改未能保存。内容仍保留在本页，正在重新连接并重试。';
  if (/Blocked|VersionChange/i.test(kind)) return '本地数据库被另一个打开的页面占用（版本升级受阻）。请关闭其他巡听旁听页面；内容仍保留在本页并将自动重试。';
  if (/Abort|Timeout/i.test(kind)) return '保存被中断，最近的修改未能保存。内容仍保留在本页，正在重试。';
  const msg = e instanceof Error ? e.message : String(e);
  return `保存失败（${name || '未知错误'}${msg ? `：${msg}` : ''}）。内容仍保留在本页，正在重试。`;
}

export function createAutosaver<T>(write: (value: T) => Promise<void>, opts: AutosaverOptions = {}): Autosaver<T> {
  const delay = opts.delayMs ?? DEFAULT_SAVE_DELAY_MS;
  const retries = opts.retryDelaysMs ?? DEFAULT_RETRIES;
  let latest: T | undefined;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let chain: Promise<void> = Promise.resolve();
  let disposed = false;
  let state: SaveState = { kind: 'idle' };
  const setState = (s: SaveState) => {
    state = s;
    opts.onState?.(s);
  };

  const writeOnce = async () => {
    if (!dirty || latest === undefined) return;
    const value = latest;
    dirty = false;
    setState({ kind: 'saving' });
    try {
      await write(value);
      attempts = 0;
      if (dirty) setState({ kind: 'pending' });
      else setState({ kind: 'saved', at: new Date() });
    } catch (e) {
      // Keep the value: unless something newer arrived meanwhile, it is still the one to store.
      dirty = true;
      const wait = retries[Math.min(attempts, retries.length - 1)];
      attempts++;
      setState({ kind: 'error', message: describeStorageError(e), retryInMs: wait, attempts });
      if (!disposed) {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => void flush(), wait);
      }
    }
  };

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    chain = chain.then(writeOnce, writeOnce);
    return chain;
  };

  return {
    schedule(value: T) {
      latest = value;
      dirty = true;
      if (state.kind !== 'error') setState({ kind: 'pending' });
      if (timer === undefined && !disposed) timer = setTimeout(() => void flush(), delay);
    },
    flush,
    get dirty() {
      return dirty;
    },
    get state() {
      return state;
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      clearTimeout(retryTimer);
    },
  };
}
