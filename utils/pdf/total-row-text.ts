/**
 * What the report's 合计 and 等次 rows say, from the score summary alone (layout lives in
 * score-rows.ts). The 满分 column and the note name the same maximum, 应评满分; a running
 * figure is marked 暂计 and earns no grade; a form with nothing applicable says so.
 */
import type { ScoreSummary } from '../rubric';
import { points, total100 } from './format';

export interface TotalRowText {
  /** 满分 column of the 合计 row. */
  max: string;
  /** 得分 column of the 合计 row. */
  score: string;
  /** 说明 column of the 合计 row. */
  note: string;
  /** The 等次 row's value. */
  grade: string;
}

export function totalRowText(s: ScoreSummary): TotalRowText {
  if (s.allNA) return { max: '0', score: '—', note: '全部评分项均不适用，没有可评分的项目，不计总分', grade: '不评定（全部不适用）' };
  const max = points(s.applicableMax);
  if (s.total === null) return { max, score: '—', note: `尚未评分（应评满分 ${max} 分）`, grade: '未评定' };
  if (!s.complete) {
    const pending = new Set([...s.missingRequired, ...s.unaccepted]).size;
    return {
      max,
      score: `暂计 ${total100(s.total)}`,
      note: `暂计：已评 ${s.scored} 项，实得 ${points(s.earned)} 分 / 已评项满分 ${points(s.max)} 分，折合百分制 ${total100(s.total)} 分；尚有 ${pending} 项待评，评完后方计总分、评定等次（应评满分 ${max} 分）`,
      grade: '未评定（评分未完成）',
    };
  }
  const optional = s.unscored ? `（${s.unscored} 项选评项未评，不计入）` : '';
  return {
    max,
    score: total100(s.total),
    note: `实得 ${points(s.earned)} 分 / 应评满分 ${max} 分，折合百分制 ${total100(s.total)} 分${optional}`,
    grade: s.grade ?? '未评定',
  };
}
