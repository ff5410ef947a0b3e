// CPU time of each Chromium thread (Linux /proc): where an import's time goes, by process type
// and thread name (the page's main thread, the verifier worker, the browser's IndexedDB pool…).
// Threads that end (the worker, once the import is over) are kept at their last reading, so the
// caller samples while the work runs. Empty on a system without /proc.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export type ThreadTimes = Map<string, number>;

/** CPU seconds (user + system) so far, by `process type/thread name`, of every chromium process. */
function chromiumThreadTimes(): ThreadTimes {
  const out: ThreadTimes = new Map();
  if (!existsSync('/proc/self/task')) return out;
  const hz = 100; // USER_HZ: /proc reports clock ticks
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/.test(cmd.split('\0')[0])) continue;
      const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
      const sub = /--utility-sub-type=[\w.]*?(\w+)\.mojom/.exec(cmd)?.[1];
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const raw = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const thread = raw.slice(raw.indexOf('(') + 1, raw.lastIndexOf(')')).replace(/\d+$/, '');
        const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
        const key = `${sub ?? type}/${thread === 'chromium' || thread === 'chrome' ? 'main' : thread}`;
        out.set(key, (out.get(key) ?? 0) + (Number(fields[11]) + Number(fields[12])) / hz);
      }
    } catch {
      // the process ended while being read
    }
  }
  return out;
}

/**
 * Samples once a second until stopped (reading /proc for every thread costs CPU of its own: every
 * 100 ms it slowed the import it measured); gives each thread's CPU seconds spent since start,
 * the highest reading, so a thread that ended (the worker) counts up to its last second.
 */
export function sampleChromiumThreads(): { stop(): ThreadTimes } {
  const start = chromiumThreadTimes();
  const peak: ThreadTimes = new Map();
  const read = () => {
    for (const [k, v] of chromiumThreadTimes()) peak.set(k, Math.max(peak.get(k) ?? 0, v));
  };
  const timer = setInterval(read, 1000);
  return {
    stop() {
      clearInterval(timer);
      read();
      const spent: ThreadTimes = new Map();
      for (const [k, v] of peak) spent.set(k, v - (start.get(k) ?? 0));
      return spent;
    },
  };
}

/** `renderer/DedicatedWorker 5.5 s, renderer/main 3.9 s, …`: the threads that spent at least `min` seconds, busiest first, and the total. */
export function describeThreads(spent: ThreadTimes, min = 0.3): { total: number; text: string } {
  const all = [...spent].filter(([, v]) => v > 0);
  const total = all.reduce((s, [, v]) => s + v, 0);
  const text = all
    .filter(([, v]) => v >= min)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
    .join(', ');
  return { total, text };
}
