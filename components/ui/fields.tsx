import type { ComponentChildren } from 'preact';

let seq = 0;
/** A DOM id unique in this document (or shadow root). */
export function uid(prefix: string): string {
  seq += 1;
  return `${prefix}-${seq}`;
}

interface TextProps {
  id: string;
  label: string;
  value: string;
  onValue(v: string): void;
  type?: 'text' | 'date' | 'time';
  placeholder?: string;
  maxLength?: number;
  wide?: boolean;
  autoComplete?: string;
}

export function TextField({ id, label, value, onValue, type = 'text', placeholder, maxLength, wide, autoComplete = 'off' }: TextProps) {
  return (
    <div class={wide ? 'field wide' : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        autoComplete={autoComplete}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

interface AreaProps {
  id: string;
  label: string;
  value: string;
  onValue(v: string): void;
  rows?: number;
  maxLength?: number;
  hint?: ComponentChildren;
}

export function TextArea({ id, label, value, onValue, rows = 4, maxLength, hint }: AreaProps) {
  return (
    <div class="field wide">
      <label for={id}>{label}</label>
      <textarea id={id} rows={rows} value={value} maxLength={maxLength} onInput={(e) => onValue((e.currentTarget as HTMLTextAreaElement).value)} />
      {hint && <p class="hint">{hint}</p>}
    </div>
  );
}

interface CountProps {
  id: string;
  label: string;
  value: number | null;
  onValue(v: number | null): void;
}

/** A whole-number field (people counts); empty means not filled in. */
export function CountField({ id, label, value, onValue }: CountProps) {
  return (
    <div class="field narrow">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        value={value ?? ''}
        onInput={(e) => {
          const raw = (e.currentTarget as HTMLInputElement).value.trim();
          const n = Number(raw);
          if (raw === '') onValue(null);
          else if (Number.isInteger(n) && n >= 0) onValue(n);
        }}
      />
    </div>
  );
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** What came of an action: the Chinese sentence it returned (status), or why it failed (alert). */
export function Outcome({ message, error }: { message?: string; error?: string }) {
  return (
    <>
      {message && <p role="status">{message}</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
