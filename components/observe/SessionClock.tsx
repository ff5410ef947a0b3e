import { useEffect, useState } from 'preact/hooks';
import { localTime, pad2 } from '../../utils/record';
import { zh } from '../ui/strings';

function elapsed(start: string, now: Date): string {
  const [h, m] = start.split(':').map(Number);
  const begin = new Date(now);
  begin.setHours(h, m, 0, 0);
  const s = Math.max(0, Math.floor((now.getTime() - begin.getTime()) / 1000));
  return `${Math.floor(s / 3600)}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
}

type Stamp = { which: 'start' | 'end'; before: string; after: string };

/**
 * A running clock; elapsed time since the session's start; one-click start and end stamps.
 * A stamp that replaces a time already entered says so, with 撤销 to put the old one back.
 */
export function SessionClock({
  startTime,
  endTime,
  disabled,
  onStart,
  onEnd,
}: {
  startTime: string;
  endTime: string;
  disabled: boolean;
  onStart(t: string): void;
  onEnd(t: string): void;
}) {
  const [now, setNow] = useState(() => new Date());
  const [replaced, setReplaced] = useState<Stamp | null>(null);
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  const running = startTime && !endTime;
  const stamp = (which: Stamp['which']) => {
    const before = which === 'start' ? startTime : endTime;
    const after = localTime(new Date());
    (which === 'start' ? onStart : onEnd)(after);
    setReplaced(before && before !== after ? { which, before, after } : null);
  };
  const undo = () => {
    if (!replaced) return;
    (replaced.which === 'start' ? onStart : onEnd)(replaced.before);
    setReplaced(null);
  };
  // The offer lapses once the time it would undo is changed another way.
  const current = replaced && (replaced.which === 'start' ? startTime : endTime) === replaced.after ? replaced : null;
  return (
    <div class="clock" role="group" aria-label={zh.clock}>
      <span class="now" aria-label="当前时间">{`${localTime(now)}:${pad2(now.getSeconds())}`}</span>
      {running && <span class="elapsed">已进行 {elapsed(startTime, now)}</span>}
      <button type="button" disabled={disabled} onClick={() => stamp('start')}>
        {zh.startNow}
      </button>
      <button type="button" disabled={disabled || !startTime} onClick={() => stamp('end')}>
        {zh.endNow}
      </button>
      {current && !disabled && (
        <p class="hint warn" role="status">
          {current.which === 'start' ? zh.startTime : zh.endTime}已由 {current.before} 改为 {current.after}
          <button type="button" class="link" onClick={undo}>
            撤销
          </button>
        </p>
      )}
    </div>
  );
}
