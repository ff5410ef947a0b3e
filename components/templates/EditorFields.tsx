/** Small labelled inputs of the template editor, each with its own message under it. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const errId = (id: string) => `${id}-err`;

function FieldError({ id, message }: { id: string; message: string }) {
  return message ? (
    <span id={errId(id)} class="error" role="alert">
      {message}
    </span>
  ) : null;
}

export function EditText({
  id,
  label,
  value,
  error,
  onValue,
  wide,
  area,
}: {
  id: string;
  label: string;
  value: string;
  error: string;
  onValue(v: string): void;
  wide?: boolean;
  area?: boolean;
}) {
  const common = {
    id,
    value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? errId(id) : undefined,
    onInput: (e: JSX.TargetedInputEvent<HTMLInputElement | HTMLTextAreaElement>) => onValue(e.currentTarget.value),
  };
  return (
    <div class={`field${wide ? ' wide' : ''}`}>
      <label for={id}>{label}</label>
      {area ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
      <FieldError id={id} message={error} />
    </div>
  );
}

/** A number typed as text: what is typed stays as typed; the value is NaN until it is a number (the validator says so). */
export function EditNumber({ id, label, value, error, onValue }: { id: string; label: string; value: number; error: string; onValue(v: number): void }) {
  const [raw, setRaw] = useState(Number.isFinite(value) ? String(value) : '');
  useEffect(() => {
    if (Number(raw) !== value && !(raw.trim() === '' && Number.isNaN(value))) setRaw(Number.isFinite(value) ? String(value) : '');
  }, [value]);
  return (
    <div class="field narrow">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={raw}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errId(id) : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          setRaw(text);
          const t = text.trim().replace(/。/g, '.');
          onValue(t === '' ? NaN : Number(t));
        }}
      />
      <FieldError id={id} message={error} />
    </div>
  );
}

export function EditCheck({ id, label, checked, onValue }: { id: string; label: string; checked: boolean; onValue(v: boolean): void }) {
  return (
    <label class="check" for={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onValue(e.currentTarget.checked)} /> {label}
    </label>
  );
}
