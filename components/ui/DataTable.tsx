import type { ComponentChildren } from 'preact';

/** A column title; `nowrap` keeps a short title (结果, 日期) on one line on a narrow screen. */
export type Column = string | { title: string; nowrap: true };

interface Props {
  /** The table's accessible name (aria-label), when no heading right above names it. */
  label?: string;
  caption?: ComponentChildren;
  /** Extra classes beside `data`. */
  class?: string;
  columns: readonly Column[];
  /** The rows (`<tr>`s). */
  children: ComponentChildren;
}

/**
 * A table of records as every screen draws one: it scrolls sideways inside its own box on a
 * 360 px screen instead of widening the page, and its header row is one `th scope="col"` per column.
 */
export function DataTable({ label, caption, class: extra, columns, children }: Props) {
  return (
    <div class="scroll-x">
      <table class={extra ? `data ${extra}` : 'data'} aria-label={label}>
        {caption && <caption class="hint">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) =>
              typeof c === 'string' ? (
                <th scope="col" key={c}>
                  {c}
                </th>
              ) : (
                <th scope="col" class="nowrap" key={c.title}>
                  {c.title}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
