/**
 * A realistic, finalised demo record: a 理论学习中心组 session of a 锡林郭勒盟 unit as an
 * observer group of 盟直属机关工委 would record it. Everything varies with a PRNG seeded from
 * unit + date (so trial data for many units looks different) and nothing else: the same
 * arguments give the same record, byte for byte.
 */
import { RECORD_FORMAT, pad2, type ItemScore, type ObservationRecord, type Speaker, type UnitRef } from '../utils/record';
import { itemEarned, templateItems, type RubricItem, type RubricTemplate } from '../utils/rubric';
import { Prng } from './prng';
import { demoSignaturePng } from './demo-signature';
import * as T from './demo-text';

export interface DemoOptions {
  unit: UnitRef;
  /** YYYY-MM-DD */
  date: string;
  template: RubricTemplate;
  /** Names observers are drawn from (public/defaults/observers.json). */
  observerNames: readonly string[];
}

const hhmm = (m: number) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
/** An ISO time on the session's date, China Standard Time. */
const isoAt = (date: string, minutes: number) => `${date}T${hhmm(minutes)}:00+08:00`;

function personName(rng: Prng, taken: Set<string>): string {
  for (;;) {
    const name = rng.chance(0.25) ? rng.pick(T.MONGOLIAN_NAMES) : rng.pick(T.SURNAMES) + rng.pick(T.GIVEN_NAMES);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** Round down to the item's step grid. */
function onStep(v: number, item: RubricItem): number {
  const q = Math.floor(v / item.step + 1e-9) * item.step;
  return Math.max(0, Math.min(item.max, Math.round(q * 1000) / 1000));
}

export function demoRecord(opts: DemoOptions): ObservationRecord {
  const { unit, date, template } = opts;
  const seed = `${unit.id}|${unit.name}|${date}`;
  const rng = new Prng(seed);
  const taken = new Set<string>();

  // How well this unit runs its sessions: most are good, some need work.
  const quality = 0.7 + 0.28 * rng.next();
  const themeIndex = rng.int(0, T.THEMES.length - 1);
  const start = rng.pick([8 * 60 + 30, 9 * 60, 9 * 60, 14 * 60 + 30, 15 * 60]);
  const planned = quality > 0.8 ? rng.int(125, 170) : rng.int(95, 150);

  const observers = rng.sample(opts.observerNames.length >= 2 ? opts.observerNames : ['王喆', '刘珺', '张海峰'], rng.int(2, 3));
  observers.forEach((n) => taken.add(n));
  const chair = personName(rng, taken);
  const leadReader = rng.chance(0.3) ? chair : personName(rng, taken);

  // Attendance: members on approved leave, now and then one absent without leave.
  const expected = rng.int(9, 17);
  const onLeave = rng.chance(0.3) ? 0 : rng.int(1, Math.min(3, expected - 7));
  const absentees = Array.from({ length: onLeave }, () => ({ name: personName(rng, taken), reason: `请假：${rng.pick(T.LEAVE_REASONS)}` }));
  if (quality < 0.78 && rng.chance(0.5)) absentees.push({ name: personName(rng, taken), reason: '缺席，未请假' });
  const present = expected - absentees.length;

  // Speakers: more and freer speech in better sessions.
  const speakerCount = Math.max(1, Math.min(5, Math.round(1.5 + quality * 3.5 + (rng.next() - 0.5) * 1.5)));
  const speakers: Speaker[] = Array.from({ length: speakerCount }, (_, i) => ({
    id: `spk-${i + 1}`,
    name: personName(rng, taken),
    seconds: rng.int(4, 12) * 60 + rng.int(0, 59),
    scripted: rng.chance(0.9 - quality),
  }));
  const scriptedCount = speakers.filter((s) => s.scripted).length;
  // When each speaker begins; the session ends after the last speech and the summing up.
  const speechAt: number[] = [];
  let t = start + rng.int(35, 50);
  for (const s of speakers) {
    speechAt.push(t);
    t += Math.max(6, Math.round(s.seconds / 60) + rng.int(1, 4));
  }
  const end = Math.max(start + planned, t + rng.int(25, 35));
  const length = end - start;

  // Scores.
  const scores: Record<string, ItemScore> = {};
  const full = new Set<string>();
  const lost = new Set<string>();
  for (const { item } of templateItems(template)) {
    const words = T.ITEM_NOTES[item.id] ?? T.GENERIC_NOTES;
    if (item.allowNA && T.NA_NOTES[item.id] && rng.chance(item.id === 's6-3' ? 0.5 : 0.2)) {
      scores[item.id] = { value: null, na: true, note: T.NA_NOTES[item.id] };
      continue;
    }
    let value: number;
    if (item.kind === 'deduction') {
      value = rng.chance((1 - quality) * 1.6) ? Math.min(item.max, item.step * rng.int(1, 2)) : 0;
    } else if (item.id === 's4-1') {
      value = onStep(item.max - 2 * Math.max(0, 3 - speakerCount), item);
    } else if (item.id === 's4-2') {
      value = onStep(item.max * Math.max(0.4, 1 - 0.25 * scriptedCount - (1 - quality) * rng.next()), item);
    } else if (item.id === 's3-3') {
      value = length >= 120 ? item.max : onStep(item.max * 0.5, item);
    } else if (item.id === 's3-2') {
      value = absentees.some((a) => a.reason.startsWith('缺席')) ? onStep(item.max - 2, item) : item.max;
    } else {
      const ratio = Math.min(1, Math.max(0.35, quality + (rng.next() - 0.35) * 0.3));
      value = onStep(item.max * ratio, item);
    }
    const earned = itemEarned(item, value);
    const isFull = earned >= item.max;
    (isFull ? full : lost).add(item.id);
    let note = isFull ? words.full : words.partial;
    if (item.id === 's4-2' && scriptedCount) note = `${scriptedCount} 名发言同志照稿念，联系个人思想和分管工作不够。`;
    if (item.id === 's4-1') note = `重点发言 ${speakerCount} 人。${isFull ? '班子成员轮流发言。' : '发言人数不足 3 人。'}`;
    if (item.id === 's3-3') note = `集中学习 ${Math.floor(length / 60)} 小时 ${length % 60} 分钟。${isFull ? '' : '不足 2 小时。'}`;
    scores[item.id] = { value, na: false, note };
  }

  // Timeline of the session.
  const reading = T.READINGS[themeIndex];
  const timeline: { time: number; text: string }[] = [];
  const absentNote = absentees.length ? `，${absentees.map((a) => a.name).join('、')}${absentees.length > 1 ? '等' : ''}未到会` : '';
  timeline.push({ time: start, text: `主持人${chair}宣布学习开始，通报应到 ${expected} 人、实到 ${present} 人${absentNote}。` });
  timeline.push({
    time: start + rng.int(3, 8),
    text: `领学：${leadReader}领学${reading}，${lost.has('s3-4') ? '以读原文为主，解读较少' : '逐段导读并结合本单位工作解读核心要义'}。`,
  });
  speakers.forEach((s, i) => {
    const how = s.scripted
      ? '基本照稿宣读，联系分管工作不够'
      : rng.pick([
          '结合分管工作谈学习体会，提出三条具体措施',
          '联系个人思想实际查找差距，谈了整改打算',
          '结合民族团结进步创建谈认识',
          '围绕“十五五”开局重点任务谈贯彻落实思路',
        ]);
    timeline.push({ time: speechAt[i], text: `${i === 0 ? '交流研讨开始。' : ''}${s.name}发言（约 ${Math.round(s.seconds / 60)} 分钟），${how}。` });
  });
  if (!lost.has('s4-3')) timeline.push({ time: t, text: '自由讨论，成员围绕如何把学习成果转化为工作成效插话交流。' });
  timeline.push({
    time: end - rng.int(12, 18),
    text: `主持人${chair}作总结讲话，${lost.has('s6-1') ? '对贯彻落实提出原则要求' : '对贯彻落实作出具体安排，明确责任分工和完成时限'}。`,
  });
  timeline.push({ time: end, text: '学习结束。巡听组查阅学习记录和档案资料，与学习秘书核对出勤情况。' });
  timeline.sort((a, b) => a.time - b.time);

  // Narrative, consistent with the scores.
  const count = ['一', '二', '三', '四', '五'];
  const pickIds = (ids: string[], pool: Record<string, string>, n: number) => ids.filter((id) => pool[id]).slice(0, n);
  const goodIds = pickIds(rng.sample([...full], full.size), T.HIGHLIGHTS, 3);
  const badIds = pickIds(rng.sample([...lost], lost.size), T.PROBLEMS, 3);
  const party = /医院|学院|集团|公司|党校|广播电视台|日报社/.test(unit.name) ? '党委' : '党组';
  const highlights = [
    `${unit.name}${party}高度重视理论学习中心组学习，本次集中学习主题明确、组织有序，${quality > 0.85 ? '整体质量较高' : '总体符合要求'}。`,
    ...goodIds.map((id, i) => `${count[i]}是${T.HIGHLIGHTS[id]}`),
  ].join('\n');
  const problems = badIds.length
    ? badIds.map((id, i) => `${count[i]}是${T.PROBLEMS[id]}`).join('\n')
    : '未发现明显问题。个别发言与分管工作的结合还可以更加具体。';
  const suggestions = [
    ...badIds.map((id, i) => `${count[i]}是${T.SUGGESTIONS[id] ?? '针对发现的问题认真整改。'}`),
    `${count[badIds.length]}是对照本次巡听旁听反馈问题建立整改台账，于 15 个工作日内将整改情况报盟直属机关工委。`,
  ].join('\n');

  const signedAt = isoAt(date, Math.min(end + rng.int(10, 30), 23 * 60 + 59));
  const finalized = isoAt(date, Math.min(end + 40, 23 * 60 + 59));
  return {
    format: RECORD_FORMAT,
    id: rng.uuid(),
    revision: 1,
    status: 'final',
    createdAt: isoAt(date, start - 10),
    updatedAt: finalized,
    finalizedAt: finalized,
    unit: { id: unit.id, name: unit.name },
    date,
    startTime: hhmm(start),
    endTime: hhmm(end),
    place: rng.pick(T.PLACES),
    theme: T.THEMES[themeIndex],
    chair,
    attendance: { expected, present, onLeave, absentees },
    leadReader,
    speakers,
    timeline: timeline.map((x, i) => ({ id: `note-${i + 1}`, at: isoAt(date, x.time), time: hhmm(x.time), text: x.text })),
    scores,
    narrative: { highlights, problems, suggestions },
    observers: observers.map((name, i) => ({
      id: `obs-${i + 1}`,
      name,
      lead: i === 0,
      signature: { png: demoSignaturePng(name, seed), signedAt },
    })),
    template: structuredClone(template),
  };
}
