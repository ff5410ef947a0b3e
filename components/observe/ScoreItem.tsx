import { useEffect, useState } from 'preact/hooks';
import type { RubricItem } from '../../utils/rubric';
import { checkItemValue } from '../../utils/rubric';
import type { ItemScore } from '../../utils/record';
import { zh } from '../ui/strings';

const fmt = (n: number | null) => (n === null ? '' : String(n));

/**
 * One rubric item: score (or deduction) on the step grid, N/A, note. A value out of range or
 * off the grid is shown with its message and not stored; the last valid value stays saved.
 */
export function ScoreItem({ item, entry, disabled, onChange }: { item: RubricItem; entry: ItemScore; disabled: boolean; onChange(next: ItemScore): void }) {
  const [raw, setRaw] = useState(fmt(entry.value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Follow the stored value when it changes from outside (restore, revision), unless mid-edit with an error.
    if (!error) setRaw(fmt(entry.value));
  }, [entry.value]);

  const scoreId = `score-${item.id}`;
  const errId = `score-err-${item.id}`;
  const deduct = item.kind === 'deduction';
  const label = `${item.title}${deduct ? ' 扣分' : ' 得分'}`;
  const onInput = (text: string) => {
    setRaw(text);
    const t = text.trim().replace(/。/g, '.');
    if (t === '') {
      setError(null);
      onChange({ ...entry, value: null });
      return;
    }
    const v = Number(t);
    const msg = Number.isNaN(v) ? `「${item.title}」的分值须为数字` : checkItemValue(item, v);
    setError(msg);
    if (!msg) onChange({ ...entry, value: v });
  };
  return (
    <div class={`item${entry.na ? ' na' : ''}`}>
      <div class="item-head">
        <label for={scoreId} class="item-title">
          {label}
        </label>
        <span class="max">（{deduct ? `最多扣 ${item.max} 分` : `满分 ${item.max}`}{item.step !== 1 ? `，步长 ${item.step}` : ''}{item.required ? '' : '，选评'}）</span>
      </div>
      {item.guidance && <p class="guidance">{item.guidance}</p>}
      <div class="item-controls">
        <input
          id={scoreId}
          class={error ? 'invalid' : ''}
          type="number"
          inputMode="decimal"
          min={0}
          max={item.max}
          step={item.step}
          value={raw}
          disabled={disabled || entry.na}
          aria-invalid={!!error}
          aria-describedby={error ? errId : undefined}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
        {item.allowNA && (
          <label class="check">
            <input type="checkbox" checked={entry.na} disabled={disabled} onChange={(e) => onChange({ ...entry, na: (e.currentTarget as HTMLInputElement).checked })} />
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
        maxLength={5000}
        placeholder="说明（可选）"
        value={entry.note}
        disabled={disabled}
        onInput={(e) => onChange({ ...entry, note: (e.currentTarget as HTMLTextAreaElement).value })}
      />
    </div>
  );
}
