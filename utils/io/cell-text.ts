/** A spreadsheet cell's value as the text a person sees in it (the way CSV would carry it). */

/**
 * - text: as it is;
 * - numbers: up to 15 significant digits, like Excel's 常规 format (3, not 3.0; 0.3, not 0.30000000000000004);
 * - dates: YYYY-MM-DD, plus HH:MM (or HH:MM:SS) when there is a time of day;
 * - TRUE / FALSE for booleans, as Excel shows them; empty for an empty cell.
 * Number formats other than dates (a 编号 shown as 001 with format 000) are not applied: 1.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  // The spreadsheet readers yield only the kinds above; anything else prints as String prints it.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(value);
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Dates from read-excel-file are midnight UTC for a date without time; the serial's float error is rounded away (to the second). */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
  const h = t.getUTCHours();
  const m = t.getUTCMinutes();
  const s = t.getUTCSeconds();
  if (!h && !m && !s) return day;
  return `${day} ${p(h)}:${p(m)}${s ? `:${p(s)}` : ''}`;
}
