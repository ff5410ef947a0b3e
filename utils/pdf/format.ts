/** How the report writes dates, times, points, attendance and speakers, in Chinese. */
import type { Attendance, Speaker } from '../record';
import type { GradeBand } from '../rubric';

/** `2026-05-12` → `2026年5月12日`; empty → a blank form to fill in by hand. */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return '    年   月   日';
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `09:00`, `11:30` → `09:00—11:30`; a missing end → `09:00 起`. */
export function timeSpan(start: string, end: string): string {
  if (start && end) return `${start}—${end}`;
  if (start) return `${start} 起`;
  if (end) return `至 ${end}`;
  return '';
}

/** Points as written on a form: 10, 7.5, 0.25 (no trailing zeros, no binary noise). */
export function points(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** `优秀≥90 分，良好≥80 分，一般≥60 分，较差＜60 分`: the bands as a report and a 评分表 print them. */
export function gradeBandsText(bands: readonly GradeBand[]): string {
  return bands
    .map((b, i) => (i > 0 && i === bands.length - 1 && b.min === 0 ? `${b.grade}＜${points(bands[i - 1].min)} 分` : `${b.grade}≥${points(b.min)} 分`))
    .join('，');
}

/** A total on the 0..100 scale, one decimal: 91.5, 90.0. */
export function total100(v: number): string {
  return (Math.round(v * 10) / 10).toFixed(1);
}

/** `应到 15 人，实到 13 人，请假 2 人`; unknown counts are left out. */
export function attendanceLine(a: Attendance): string {
  const parts: string[] = [];
  if (a.expected !== null) parts.push(`应到 ${a.expected} 人`);
  if (a.present !== null) parts.push(`实到 ${a.present} 人`);
  if (a.onLeave !== null) parts.push(`请假 ${a.onLeave} 人`);
  return parts.join('，');
}

/** `未到人员：赵六（出差）、钱七（病假）` or '' when nobody is listed. */
export function absenteesLine(a: Attendance): string {
  const names = a.absentees.filter((x) => x.name.trim() || x.reason.trim());
  if (!names.length) return '';
  return `未到人员：${names.map((x) => (x.reason.trim() ? `${x.name}（${x.reason}）` : x.name)).join('、')}`;
}

/** Speaking time: `8 分钟`, `不足 1 分钟`. */
export function minutes(seconds: number): string {
  if (seconds <= 0) return '';
  if (seconds < 30) return '不足 1 分钟';
  return `${Math.round(seconds / 60)} 分钟`;
}

/** `张三（8 分钟）、李四（5 分钟，照稿念）` */
export function speakersLine(speakers: readonly Speaker[]): string {
  return speakers
    .filter((s) => s.name.trim())
    .map((s) => {
      const notes = [minutes(s.seconds), s.scripted ? '照稿念' : ''].filter(Boolean);
      return notes.length ? `${s.name}（${notes.join('，')}）` : s.name;
    })
    .join('、');
}

/**
 * The local date of an ISO time at a fixed UTC offset (China Standard Time by default, no DST),
 * so the same record prints the same date on every machine.
 */
export function isoDateAt(iso: string, offsetMinutes = 480): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  const d = new Date(t + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Section numbering of official documents: 一、二、… 二十、 */
export function chineseOrdinal(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : digits[n];
  if (n < 20) return `十${digits[n - 10]}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}
