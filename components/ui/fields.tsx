import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

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
  /** Why what was typed is not accepted (shown under the field). */
  error?: string | null;
}

export function TextField({ id, label, value, onValue, type = 'text', placeholder, maxLength, wide, autoComplete = 'off', error }: TextProps) {
  return (
    <div class={wide ? 'field wide' : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type={type}
        class={error ? 'invalid' : undefined}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      <FieldError id={`${id}-err`} error={error} />
    </div>
  );
}

function FieldError({ id, error }: { id: string; error?: string | null }) {
  return error ? (
    <p id={id} class="error" role="alert">
      {error}
    </p>
  ) : null;
}

interface AreaProps {
  id: string;
  label: string;
  value: string;
  onValue(v: string): void;
  rows?: number;
  maxLength?: number;
  hint?: ComponentChildren;
  /** Grow with the text (from `rows` lines up), so a long entry is seen whole. */
  grow?: boolean;
  placeholder?: string;
}

export function TextArea({ id, label, value, onValue, rows = 4, maxLength, hint, grow, placeholder }: AreaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!grow || !el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [grow, value]);
  return (
    <div class="field wide">
      <label for={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        rows={rows}
        class={grow ? 'grow' : undefined}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {hint && <p class="hint">{hint}</p>}
    </div>
  );
}

interface CountProps {
  id: string;
  label: string;
  /** What the field shows: the refused text if any, else the stored number. */
  text: string;
  error?: string | null;
  onText(text: string): void;
}

/** A whole-number field (people counts); empty means not filled in. Every keystroke goes to onText, refused ones too. */
export function CountField({ id, label, text, error, onText }: CountProps) {
  return (
    <div class="field narrow">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        class={error ? 'invalid' : undefined}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onInput={(e) => onText(e.currentTarget.value)}
      />
      <FieldError id={`${id}-err`} error={error} />
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
