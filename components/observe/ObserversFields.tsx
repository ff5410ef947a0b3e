import type { Observer } from '../../utils/record';
import { newId, TEXT_LIMITS } from '../../utils/record';
import { zh } from '../ui/strings';

/** The observer group: names, exactly one lead (组长). */
export function ObserversFields({ observers, disabled, onChange }: { observers: Observer[]; disabled: boolean; onChange(next: Observer[]): void }) {
  const set = (id: string, patch: Partial<Observer>) => onChange(observers.map((o) => (o.id === id ? { ...o, ...patch } : o)));
  return (
    <div>
      <ul class="observers">
        {observers.map((o, i) => (
          <li key={o.id}>
            <label for={`observer-${o.id}`} class="sr-only">{`${zh.observerName} ${i + 1}`}</label>
            <input
              id={`observer-${o.id}`}
              value={o.name}
              maxLength={TEXT_LIMITS.personName}
              disabled={disabled}
              placeholder={`${zh.observerName} ${i + 1}`}
              onInput={(e) => set(o.id, { name: e.currentTarget.value })}
            />
            <label class="check">
              <input
                type="radio"
                name="observer-lead"
                checked={o.lead}
                disabled={disabled}
                onChange={() => onChange(observers.map((x) => ({ ...x, lead: x.id === o.id })))}
              />
              <span>{zh.lead}</span>
              <span class="sr-only">（{`${zh.observerName} ${i + 1}`}）</span>
            </label>
            {!disabled && (
              <button type="button" class="link" aria-label={`删除巡听人员 ${i + 1}`} onClick={() => onChange(observers.filter((x) => x.id !== o.id))}>
                {zh.remove}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!disabled && (
        <button type="button" onClick={() => onChange([...observers, { id: newId(), name: '', lead: observers.length === 0, signature: null }])}>
          {zh.addObserver}
        </button>
      )}
    </div>
  );
}
