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

/** A running clock; elapsed time since the session's start; one-click start and end stamps. */
export function SessionClock({ startTime, endTime, disabled, onStart, onEnd }: { startTime: string; endTime: string; disabled: boolean; onStart(t: string): void; onEnd(t: string): void }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  const running = startTime && !endTime;
  return (
    <div class="clock" role="group" aria-label={zh.clock}>
      <span class="now" aria-label="当前时间">{`${localTime(now)}:${pad2(now.getSeconds())}`}</span>
      {running && <span class="elapsed">已进行 {elapsed(startTime, now)}</span>}
      <button type="button" disabled={disabled} onClick={() => onStart(localTime(new Date()))}>
        {zh.startNow}
      </button>
      <button type="button" disabled={disabled || !startTime} onClick={() => onEnd(localTime(new Date()))}>
        {zh.endNow}
      </button>
    </div>
  );
}
