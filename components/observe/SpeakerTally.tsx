import { useEffect, useState } from 'preact/hooks';
import type { Speaker } from '../../utils/record';
import { newId, pad2, TEXT_LIMITS } from '../../utils/record';
import { zh } from '../ui/strings';

function speakerSeconds(s: Speaker, now = Date.now()): number {
  return s.seconds + (s.runningSince ? Math.max(0, Math.floor((now - Date.parse(s.runningSince)) / 1000)) : 0);
}

function formatDuration(sec: number): string {
  return `${Math.floor(sec / 60)}:${pad2(sec % 60)}`;
}

/** Who spoke, for how long (start/stop timer per speaker), and whether from a script. */
export function SpeakerTally({ speakers, disabled, onChange }: { speakers: Speaker[]; disabled: boolean; onChange(next: Speaker[]): void }) {
  const [name, setName] = useState('');
  const [, tick] = useState(0);
  const anyRunning = speakers.some((s) => s.runningSince);
  useEffect(() => {
    if (!anyRunning) return;
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [anyRunning]);

  const add = () => {
    const n = name.trim();
    if (!n) return;
    onChange([...speakers, { id: newId(), name: n, seconds: 0, scripted: false, runningSince: null }]);
    setName('');
  };
  const toggle = (id: string) => {
    const now = Date.now();
    onChange(
      speakers.map((s) => {
        if (s.id === id) {
          return s.runningSince ? { ...s, seconds: speakerSeconds(s, now), runningSince: null } : { ...s, runningSince: new Date(now).toISOString() };
        }
        // One speaker at a time: starting one stops the others.
        return s.runningSince ? { ...s, seconds: speakerSeconds(s, now), runningSince: null } : s;
      }),
    );
  };
  return (
    <div>
      <div class="row">
        <label class="sr-only" for="speaker-name">
          {zh.speakerName}
        </label>
        <input
          id="speaker-name"
          value={name}
          disabled={disabled}
          maxLength={TEXT_LIMITS.personName}
          placeholder="发言人姓名，回车添加"
          onInput={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.isComposing) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" disabled={disabled || !name.trim()} onClick={add}>
          {zh.addSpeaker}
        </button>
      </div>
      {speakers.length > 0 && (
        <ul class="speakers" aria-label={zh.speakers}>
          {speakers.map((s) => (
            <li key={s.id} class={s.runningSince ? 'running' : ''}>
              <span class="name">{s.name}</span>
              <span class="dur" aria-label={`${s.name} 发言时长`}>
                {formatDuration(speakerSeconds(s))}
              </span>
              <button
                type="button"
                disabled={disabled}
                aria-pressed={!!s.runningSince}
                aria-label={`${s.runningSince ? zh.stopTimer : zh.startTimer}：${s.name}`}
                onClick={() => toggle(s.id)}
              >
                {s.runningSince ? '停' : '计时'}
              </button>
              <label class="check">
                <input
                  type="checkbox"
                  checked={s.scripted}
                  disabled={disabled}
                  onChange={(e) => onChange(speakers.map((x) => (x.id === s.id ? { ...x, scripted: e.currentTarget.checked } : x)))}
                />
                <span>{zh.scripted}</span>
                <span class="sr-only">（{s.name}）</span>
              </label>
              {!disabled && (
                <button type="button" class="link" aria-label={`删除发言人 ${s.name}`} onClick={() => onChange(speakers.filter((x) => x.id !== s.id))}>
                  {zh.remove}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
