import { useRef, useState } from 'preact/hooks';
import type { TimelineNote } from '../../utils/record';
import { localTime, newId, TEXT_LIMITS } from '../../utils/record';
import { zh } from '../ui/strings';

const TAGS = ['领学', '重点发言', '交流研讨', '主持人点评', '纪律'];

/** Timestamped notes: type and press Enter, the note is stamped "09:40 领学 …". */
export function TimelineNotes({
  notes,
  disabled,
  onAdd,
  onRemove,
}: {
  notes: TimelineNote[];
  disabled: boolean;
  onAdd(n: TimelineNote): void;
  onRemove(id: string): void;
}) {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const add = () => {
    const t = text.trim();
    if (!t) return;
    const now = new Date();
    onAdd({ id: newId(), at: now.toISOString(), time: localTime(now), text: t });
    setText('');
  };
  return (
    <div>
      <div class="tags" role="group" aria-label="常用标签">
        {TAGS.map((tag) => (
          <button
            type="button"
            key={tag}
            class="chip"
            disabled={disabled}
            onClick={() => {
              setText((v) => (v.startsWith(tag) ? v : `${tag} ${v}`));
              input.current?.focus();
            }}
          >
            {tag}
          </button>
        ))}
      </div>
      <div class="row">
        <label class="sr-only" for="note-input">
          {zh.noteInput}
        </label>
        <input
          id="note-input"
          ref={input}
          value={text}
          disabled={disabled}
          maxLength={TEXT_LIMITS.timelineNote}
          placeholder={zh.notePlaceholder}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.isComposing) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" disabled={disabled || !text.trim()} onClick={add}>
          {zh.addNote}
        </button>
      </div>
      {notes.length > 0 && (
        <ol class="timeline" aria-label={zh.timeline}>
          {notes.map((n) => (
            <li key={n.id}>
              <time dateTime={n.at}>{n.time}</time> <span class="text">{n.text}</span>
              {!disabled && (
                <button type="button" class="link" aria-label={`删除 ${n.time} 的要点`} onClick={() => onRemove(n.id)}>
                  {zh.remove}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
