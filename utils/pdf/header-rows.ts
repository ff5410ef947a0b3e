/** The 基本情况 block: unit, time, place, theme, chair, lead reader, attendance, speakers. */
import type { ObservationRecord } from '../record';
import type { TableRow } from './layout-table';
import { absenteesLine, attendanceLine, chineseDate, speakersLine, timeSpan } from './format';

/** Column widths as fractions of the content width: label | value | label | value. */
export const HEADER_COLUMNS = [0.17, 0.37, 0.15, 0.31];

const label = (text: string) => ({ text, align: 'center' as const });

export function headerRows(r: ObservationRecord): TableRow[] {
  const time = [chineseDate(r.date), timeSpan(r.startTime, r.endTime)].filter(Boolean).join(' ');
  const attendance = [attendanceLine(r.attendance), absenteesLine(r.attendance)].filter(Boolean).join('\n');
  const speakers = r.speakers.filter((s) => s.name.trim());
  const scripted = speakers.filter((s) => s.scripted).length;
  const speakerText = speakers.length
    ? `共 ${speakers.length} 人${scripted ? `（其中照稿念 ${scripted} 人）` : ''}：${speakersLine(speakers)}`
    : '无';
  return [
    { cells: [label('被巡听单位'), { text: r.unit.name, span: 3 }] },
    { cells: [label('时间'), { text: time }, label('地点'), { text: r.place }] },
    { cells: [label('学习主题'), { text: r.theme, span: 3 }] },
    { cells: [label('主持人'), { text: r.chair }, label('领学人'), { text: r.leadReader }] },
    { cells: [label('出勤情况'), { text: attendance, span: 3 }] },
    { cells: [label('发言人'), { text: speakerText, span: 3 }] },
  ];
}
