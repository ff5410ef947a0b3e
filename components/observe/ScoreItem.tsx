import { useEffect, useRef, useState } from 'preact/hooks';
import type { RubricItem } from '../../utils/rubric';
import { parseItemText } from '../../utils/rubric';
import { TEXT_LIMITS, type ItemScore } from '../../utils/record';
import { zh } from '../ui/strings';

/** The text a stored entry shows: what was typed and refused, else the accepted value. */
const shown = (entry: ItemScore) => entry.entered ?? (entry.value === null ? '' : String(entry.value));

/**
 * One rubric item: score (or deduction) on the step grid, N/A, note. Every keystroke is
 * stored: an accepted number as the value, refused text as `entered` (value null, not scored)
 * with its message, so a reload shows exactly what was typed. A 扣分项 also offers 无扣分.
 */
export function ScoreItem({ item, entry, disabled, onChange }: { item: RubricItem; entry: ItemScore; disabled: boolean; onChange(next: ItemScore): void }) {
  const [raw, setRaw] = useState(() => shown(entry));
  // The stored text this field last produced: a different one came from outside (restore, revision).
  const mine = useRef(shown(entry));
  useEffect(() => {
    const stored = shown(entry);
    if (stored !== mine.current) {
      mine.current = stored;
      setRaw(stored);
    }
  }, [entry.value, entry.entered]);

  const scoreId = `score-${item.id}`;
  const errId = `score-err-${item.id}`;
  const deduct = item.kind === 'deduction';
  const label = `${item.title}${deduct ? ' 扣分' : ' 得分'}`;
  const error = entry.na ? null : parseItemText(item, raw).message;
  const store = (text: string) => {
    setRaw(text);
    const { value, entered } = parseItemText(item, text);
    const next: ItemScore = { ...entry, value };
    delete next.entered;
    if (entered !== undefined) next.entered = entered;
    mine.current = shown(next);
    onChange(next);
  };
  return (
    <div class={`item${entry.na ? ' na' : ''}`}>
      <div class="item-head">
        <label for={scoreId} class="item-title">
          {label}
        </label>
        <span class="max">
          （{deduct ? `最多扣 ${item.max} 分` : `满分 ${item.max}`}
          {item.step !== 1 ? `，步长 ${item.step}` : ''}
          {item.required ? '' : '，选评'}）
        </span>
      </div>
      {item.guidance && <p class="guidance">{item.guidance}</p>}
      <div class="item-controls">
        <input
          id={scoreId}
          class={error ? 'invalid' : ''}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder={deduct ? '扣分' : '得分'}
          value={raw}
          disabled={disabled || entry.na}
          aria-invalid={!!error}
          aria-describedby={error ? errId : undefined}
          onInput={(e) => store(e.currentTarget.value)}
        />
        {deduct && (
          <button
            type="button"
            class="chip"
            aria-pressed={entry.value === 0 && entry.entered === undefined}
            disabled={disabled || entry.na}
            onClick={() => store('0')}
          >
            无扣分<span class="sr-only">（{item.title}）</span>
          </button>
        )}
        {item.allowNA && (
          <label class="check">
            <input type="checkbox" checked={entry.na} disabled={disabled} onChange={(e) => onChange({ ...entry, na: e.currentTarget.checked })} />
            <span>{zh.na}</span>
            <span class="sr-only">（{item.title}）</span>
          </label>
        )}
      </div>
      {error && (
        <p id={errId} class="error" role="alert">
          {error}
        </p>
      )}
      <label class="sr-only" for={`note-${item.id}`}>{`${item.title} ${zh.note}`}</label>
      <textarea
        id={`note-${item.id}`}
        class="item-note"
        rows={1}
        maxLength={TEXT_LIMITS.scoreNote}
        placeholder="说明（可选）"
        value={entry.note}
        disabled={disabled}
        onInput={(e) => onChange({ ...entry, note: e.currentTarget.value })}
      />
    </div>
  );
}
