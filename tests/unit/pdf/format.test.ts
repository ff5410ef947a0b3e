/** How the report writes dates, times, points, attendance and speakers. */
import { describe, expect, it } from 'vitest';
import {
  absenteesLine,
  attendanceLine,
  chineseDate,
  chineseOrdinal,
  isoDateAt,
  minutes,
  points,
  speakersLine,
  timeSpan,
  total100,
} from '../../../utils/pdf/format';
import { pdfName, pdfTextString } from '../../../utils/pdf/embed-file';

describe('format', () => {
  it('dates and times the Chinese way', () => {
    expect(chineseDate('2026-05-12')).toBe('2026年5月12日');
    expect(chineseDate('')).toMatch(/^\s+年\s+月\s+日$/);
    expect(timeSpan('09:00', '11:30')).toBe('09:00—11:30');
    expect(timeSpan('09:00', '')).toBe('09:00 起');
    expect(timeSpan('', '')).toBe('');
  });

  it('points without noise, totals with one decimal', () => {
    expect(points(7.5)).toBe('7.5');
    expect(points(0.1 + 0.2)).toBe('0.3');
    expect(points(10)).toBe('10');
    expect(total100(90)).toBe('90.0');
    expect(total100(89.95)).toBe('90.0');
  });

  it('attendance, absentees and speakers', () => {
    const a = {
      expected: 15,
      present: 13,
      onLeave: 2,
      absentees: [
        { name: '赵六', reason: '请假（出差）' },
        { name: '钱七', reason: '' },
      ],
    };
    expect(attendanceLine(a)).toBe('应到 15 人，实到 13 人，请假 2 人');
    expect(attendanceLine({ ...a, expected: null })).toBe('实到 13 人，请假 2 人');
    expect(absenteesLine(a)).toBe('未到人员：赵六（请假（出差））、钱七');
    expect(minutes(0)).toBe('');
    expect(minutes(20)).toBe('不足 1 分钟');
    expect(minutes(8 * 60 + 20)).toBe('8 分钟');
    expect(
      speakersLine([
        { id: '1', name: '张三', seconds: 480, scripted: false },
        { id: '2', name: '李四', seconds: 300, scripted: true },
        { id: '3', name: ' ', seconds: 0, scripted: false },
      ]),
    ).toBe('张三（8 分钟）、李四（5 分钟，照稿念）');
  });

  it('signature dates in China Standard Time, whatever the machine', () => {
    expect(isoDateAt('2026-05-12T17:30:00Z')).toBe('2026-05-13');
    expect(isoDateAt('2026-05-12T11:40:00+08:00')).toBe('2026-05-12');
    expect(isoDateAt('nonsense')).toBe('');
  });

  it('numbers sections 一、二、… 十一', () => {
    expect([1, 2, 7, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '二', '七', '十', '十一', '二十', '二十三']);
  });
});

describe('PDF strings for the attachment', () => {
  it('names and text strings', () => {
    expect(pdfName('application/json')).toBe('/application#2Fjson');
    expect(pdfTextString('observation.json')).toBe('(observation.json)');
    expect(pdfTextString('a(b)\\')).toBe('(a\\(b\\)\\\\)');
    expect(pdfTextString('记录')).toBe('<FEFF8BB05F55>');
  });
});
