import type { EnteredField, ObservationRecord } from './types';

/** What each field that can refuse input is called in messages. */
const LABELS: Record<EnteredField, string> = {
  startTime: '开始时间',
  endTime: '结束时间',
  'attendance.expected': '应到人数',
  'attendance.present': '实到人数',
  'attendance.onLeave': '请假人数',
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Why `text` cannot be stored in `field`, or null when it can (empty clears the field). */
export function enteredMessage(field: EnteredField, text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (field === 'startTime' || field === 'endTime') return TIME.test(t) ? null : `${LABELS[field]}“${text}”不是 HH:MM 格式的时间`;
  if (!/^\d+$/.test(t)) return `${LABELS[field]}“${text}”须为不小于 0 的整数`;
  return Number(t) > 100000 ? `${LABELS[field]}“${text}”过大` : null;
}

/**
 * Apply what the observer typed into a count or time field to a draft (mutated): accepted
 * text sets the field and drops any refused text kept for it; refused text is kept in
 * `entered` and the field is emptied, so no reader mistakes an older value for the entry.
 */
export function applyEnteredText(d: ObservationRecord, field: EnteredField, text: string): void {
  const refused = enteredMessage(field, text) !== null;
  const t = text.trim();
  const count = t === '' || refused ? null : Number(t);
  const time = t === '' || refused ? '' : t;
  if (field === 'startTime') d.startTime = time;
  else if (field === 'endTime') d.endTime = time;
  else if (field === 'attendance.expected') d.attendance.expected = count;
  else if (field === 'attendance.present') d.attendance.present = count;
  else d.attendance.onLeave = count;
  const kept = { ...d.entered };
  if (refused) kept[field] = text;
  else delete kept[field];
  if (Object.keys(kept).length) d.entered = kept;
  else delete d.entered;
}
