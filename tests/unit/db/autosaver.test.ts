import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, describeStorageError, type SaveState } from '../../../utils/db';
import type { ObservationRecord } from '../../../utils/record';

const DELAY = 150;
const RETRIES = [1000, 2000, 5000];

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-12T01:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A write that records what it stored, and when. */
function recorder() {
  const stored: { value: string; at: number }[] = [];
  const write = vi.fn(async (value: string) => {
    stored.push({ value, at: Date.now() });
  });
  return { stored, write };
}

describe('autosave timing', () => {
  it('writes a scheduled value within delayMs, and reports pending → saving → saved', async () => {
    const { stored, write } = recorder();
    const states: SaveState['kind'][] = [];
    const saver = createAutosaver(write, { delayMs: DELAY, onState: (s) => states.push(s.kind) });
    const t0 = Date.now();
    saver.schedule('第一议题');
    expect(saver.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(stored).toEqual([{ value: '第一议题', at: expect.any(Number) }]);
    expect(stored[0].at - t0).toBeLessThanOrEqual(DELAY);
    expect(saver.dirty).toBe(false);
    expect(saver.state.kind).toBe('saved');
    expect(states).toEqual(['pending', 'saving', 'saved']);
    saver.dispose();
  });

  it('while typing goes on, writes only the latest value, and at least once every delayMs', async () => {
    let latest = '';
    const seen: { value: string; latestThen: string; at: number }[] = [];
    const saver = createAutosaver(
      async (value: string) => {
        seen.push({ value, latestThen: latest, at: Date.now() });
      },
      { delayMs: DELAY },
    );
    const start = Date.now();
    // 100 keystrokes, one every 10 ms (1 s of typing).
    for (let i = 1; i <= 100; i++) {
      latest = '学'.repeat(i);
      saver.schedule(latest);
      await vi.advanceTimersByTimeAsync(10);
    }
    const typingEnd = Date.now();
    await vi.advanceTimersByTimeAsync(DELAY);

    // Each write stores what was latest at that moment; far fewer writes than keystrokes.
    for (const w of seen) expect(w.value).toBe(w.latestThen);
    expect(seen.length).toBeLessThan(20);
    // No gap longer than delayMs without a save while typing.
    const times = [start, ...seen.map((w) => w.at)].filter((t) => t <= typingEnd);
    for (let k = 1; k < times.length; k++) expect(times[k] - times[k - 1]).toBeLessThanOrEqual(DELAY);
    expect(typingEnd - times[times.length - 1]).toBeLessThanOrEqual(DELAY);
    // And the last keystroke is stored.
    expect(seen[seen.length - 1].value).toBe('学'.repeat(100));
    expect(saver.dirty).toBe(false);
    saver.dispose();
  });

  it('flush() writes at once, and the pending timer then writes nothing more', async () => {
    const { stored, write } = recorder();
    const saver = createAutosaver(write, { delayMs: DELAY });
    const t0 = Date.now();
    saver.schedule('主持人：王强');
    await saver.flush();
    expect(stored).toEqual([{ value: '主持人：王强', at: t0 }]);
    expect(saver.dirty).toBe(false);
    await vi.advanceTimersByTimeAsync(DELAY * 3);
    expect(write).toHaveBeenCalledTimes(1);
    saver.dispose();
  });

  it('flush() with nothing pending writes nothing', async () => {
    const { write } = recorder();
    const saver = createAutosaver(write, { delayMs: DELAY });
    await saver.flush();
    expect(write).not.toHaveBeenCalled();
    expect(saver.state.kind).toBe('idle');
    saver.dispose();
  });
});

describe('writes never overlap', () => {
  it('a slow write is never running twice at once, and the last value wins', async () => {
    let running = 0;
    let most = 0;
    const stored: string[] = [];
    const slowWrite = async (value: string) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 400));
      stored.push(value);
      running--;
    };
    const saver = createAutosaver(slowWrite, { delayMs: DELAY });
    const flushes: Promise<void>[] = [];
    for (let i = 1; i <= 40; i++) {
      saver.schedule(`v${i}`);
      if (i % 7 === 0) flushes.push(saver.flush()); // the form also flushes on blur
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(flushes);
    expect(most).toBe(1);
    expect(stored.length).toBeGreaterThan(1);
    expect(stored[stored.length - 1]).toBe('v40');
    // Values are stored in the order they were typed.
    const order = stored.map((v) => Number(v.slice(1)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    saver.dispose();
  });
});

describe('a failing write', () => {
  it('reports the quota message, keeps the value, and retries after the back-off', async () => {
    let full = true;
    const stored: string[] = [];
    const write = vi.fn(async (value: string) => {
      if (full) throw quotaError();
      stored.push(value);
    });
    const saver = createAutosaver(write, { delayMs: DELAY, retryDelaysMs: RETRIES });
    saver.schedule('存在问题：照稿念');
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(write).toHaveBeenCalledTimes(1);
    expect(saver.state).toEqual({
      kind: 'error',
      message: expect.stringContaining('存储空间已满'),
      retryInMs: RETRIES[0],
      attempts: 1,
    });
    expect(saver.dirty).toBe(true);

    full = false;
    await vi.advanceTimersByTimeAsync(RETRIES[0] - 1);
    expect(write).toHaveBeenCalledTimes(1); // still waiting out the back-off
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(2);
    expect(stored).toEqual(['存在问题：照稿念']);
    expect(saver.state.kind).toBe('saved');
    expect(saver.dirty).toBe(false);
    saver.dispose();
  });

  it('backs off longer each time, and finally stores the latest value typed meanwhile', async () => {
    let full = true;
    const calls: { value: string; ok: boolean; at: number }[] = [];
    const t0 = Date.now();
    const write = async (value: string) => {
      calls.push({ value, ok: !full, at: Date.now() - t0 });
      if (full) throw quotaError();
    };
    const saver = createAutosaver(write, { delayMs: DELAY, retryDelaysMs: RETRIES });
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(DELAY); // 150: 'a' fails, retry in 1000
    await vi.advanceTimersByTimeAsync(RETRIES[0]); // 1150: 'a' fails again, retry in 2000
    expect(saver.state).toMatchObject({ kind: 'error', attempts: 2, retryInMs: RETRIES[1] });

    saver.schedule('ab'); // the observer keeps typing while storage is full
    await vi.advanceTimersByTimeAsync(DELAY); // 1300: 'ab' fails, retry in 5000
    expect(saver.state).toMatchObject({ kind: 'error', attempts: 3, retryInMs: RETRIES[2] });
    expect(saver.dirty).toBe(true);

    full = false; // the observer cleared some space
    await vi.advanceTimersByTimeAsync(RETRIES[2]);
    expect(calls).toEqual([
      { value: 'a', ok: false, at: 150 },
      { value: 'a', ok: false, at: 1150 },
      { value: 'ab', ok: false, at: 1300 },
      { value: 'ab', ok: true, at: 6300 },
    ]);
    expect(saver.state.kind).toBe('saved');
    expect(saver.dirty).toBe(false);
    // Nothing more is written once it is stored.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toHaveLength(4);
    saver.dispose();
  });

  it('a newer value typed after a failure is written after delayMs, not only after the back-off', async () => {
    let fail = true;
    const stored: string[] = [];
    const saver = createAutosaver(
      async (v: string) => {
        if (fail) {
          fail = false; // a one-off failure
          throw quotaError();
        }
        stored.push(v);
      },
      { delayMs: DELAY, retryDelaysMs: RETRIES },
    );
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(DELAY);
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(stored).toEqual(['ab']);
    expect(saver.state.kind).toBe('saved');
    await vi.advanceTimersByTimeAsync(RETRIES[0] * 2);
    expect(stored).toEqual(['ab']); // the pending retry finds nothing left to write
    saver.dispose();
  });

  it('flush() resolves even when the write fails, leaving the value to retry', async () => {
    const saver = createAutosaver(
      async () => {
        throw quotaError();
      },
      { delayMs: DELAY, retryDelaysMs: RETRIES },
    );
    saver.schedule('x');
    await expect(saver.flush()).resolves.toBeUndefined();
    expect(saver.state.kind).toBe('error');
    expect(saver.dirty).toBe(true);
    saver.dispose();
  });
});

describe('storage error messages', () => {
  it('explains the failures an observer can act on, in Chinese', () => {
    expect(describeStorageError(quotaError())).toContain('存储空间已满');
    // Dexie wraps the browser's error: the inner name counts too.
    expect(describeStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toContain('存储空间已满');
    expect(describeStorageError({ name: 'DatabaseClosedError' })).toContain('数据库已关闭');
    expect(describeStorageError({ name: 'VersionChangeError' })).toContain('关闭其他巡听旁听页面');
    expect(describeStorageError(new Error('磁盘故障'))).toBe('保存失败（Error：磁盘故障）。内容仍保留在本页，正在重试。');
  });
});

describe('a real database that closes under the autosaver', () => {
  beforeEach(() => vi.useRealTimers());
  it('the write fails with the closed-database message, the value is kept, and the retry stores it once the database is back', async () => {
    const { XuntingDB, saveRecord, loadRecord } = await import('../../../utils/db');
    const { readyRecord } = await import('../../fixtures/record');
    const { smallTemplate } = await import('../../fixtures/rubric');
    const db = new XuntingDB(`xunting-closed-${crypto.randomUUID()}`);
    await db.open();
    const states: SaveState[] = [];
    const saver = createAutosaver<ObservationRecord>((r) => saveRecord(db, r), { delayMs: 10, retryDelaysMs: [30, 30, 30], onState: (s) => states.push(s) });
    const r = readyRecord(smallTemplate());
    db.close();
    saver.schedule({ ...r, theme: '数据库关闭时写下的主题' });
    await vi.waitFor(() => expect(states.some((s) => s.kind === 'error' && s.message.includes('数据库已关闭'))).toBe(true), { timeout: 2000 });
    await db.open();
    await vi.waitFor(async () => expect((await loadRecord(db, r.id))?.theme).toBe('数据库关闭时写下的主题'), { timeout: 2000 });
    expect(states.at(-1)?.kind).toBe('saved');
    saver.dispose();
    db.close();
    await db.delete();
  });
});
