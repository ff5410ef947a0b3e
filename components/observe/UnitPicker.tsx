import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Unit } from '../../utils/roster';
import { buildUnitIndex, matchUnits, type UnitIndexEntry } from '../../utils/roster';
import { zh } from '../ui/strings';

interface Props {
  units: Unit[];
  value: { id: string; name: string };
  onPick(unit: { id: string; name: string }): void;
}

/** Type-ahead combobox over the roster; matches names, pinyin initials and full pinyin. */
export function UnitPicker({ units, value, onPick }: Props) {
  const [index, setIndex] = useState<UnitIndexEntry[]>([]);
  const [query, setQuery] = useState(value.name);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void buildUnitIndex(units).then((ix) => live && setIndex(ix));
    return () => {
      live = false;
    };
  }, [units]);
  useEffect(() => setQuery(value.name), [value.name]);

  const matches = useMemo(() => matchUnits(index, query === value.name && !open ? '' : query), [index, query, open, value.name]);
  const pick = (u: Unit) => {
    onPick({ id: u.id, name: u.name });
    setQuery(u.name);
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && matches[active]) {
      e.preventDefault();
      pick(matches[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setQuery(value.name);
    }
  };
  const listId = 'unit-options';
  const unknown = query.trim() !== '' && query !== value.name && !open;
  return (
    <div class="field wide combo">
      <label for="unit-input">{zh.unit}</label>
      <input
        id="unit-input"
        ref={inputRef}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? `unit-opt-${matches[active].id}` : undefined}
        autoComplete="off"
        placeholder={zh.unitPlaceholder}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {open && matches.length > 0 && (
        <ul id={listId} role="listbox" aria-label={zh.unit} class="options">
          {matches.map((u, i) => (
            <li
              id={`unit-opt-${u.id}`}
              key={u.id}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(u);
              }}
            >
              {u.name}
            </li>
          ))}
        </ul>
      )}
      {unknown && <p class="hint warn">「{query}」不在单位名单中，请从列表中选择。</p>}
    </div>
  );
}
