/**
 * The 基本情况 block: unit, time, place, theme, chair, lead reader, attendance, speakers.
 * One rule for a field left empty: it prints {@link EMPTY_FIELD}, never a blank cell (a blank
 * reads as "forgotten", and 无 would claim there was none).
 */
import type { ObservationRecord } from '../record';
import type { TableRow } from './layout-table';
import { absenteesLine, attendanceLine, chineseDate, speakersLine, timeSpan } from './format';

/** Column widths as fractions of the content width: label | value | label | value. */
export const HEADER_COLUMNS = [0.17, 0.37, 0.15, 0.31];

/** What an empty field of the 基本情况 block prints. */
export const EMPTY_FIELD = '—';

const label = (text: string) => ({ text, align: 'center' as const });
const value = (text: string, span?: number) => ({ text: text.trim() ? text : EMPTY_FIELD, ...(span ? { span } : {}) });

export function headerRows(r: ObservationRecord): TableRow[] {
  const time = [chineseDate(r.date), timeSpan(r.startTime, r.endTime)].filter(Boolean).join(' ');
  const attendance = [attendanceLine(r.attendance), absenteesLine(r.attendance)].filter(Boolean).join('\n');
  const speakers = r.speakers.filter((s) => s.name.trim());
  const scripted = speakers.filter((s) => s.scripted).length;
  const speakerText = speakers.length ? `共 ${speakers.length} 人${scripted ? `（其中照稿念 ${scripted} 人）` : ''}：${speakersLine(speakers)}` : '';
  return [
    { cells: [label('被巡听单位'), value(r.unit.name, 3)] },
    { cells: [label('时间'), value(time), label('地点'), value(r.place)] },
    { cells: [label('学习主题'), value(r.theme, 3)] },
    { cells: [label('主持人'), value(r.chair), label('领学人'), value(r.leadReader)] },
    { cells: [label('出勤情况'), value(attendance, 3)] },
    { cells: [label('发言人'), value(speakerText, 3)] },
  ];
}
