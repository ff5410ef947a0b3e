import { compareText } from './compare-text';
import type { SessionSummary } from './types';

/** Unit names in Chinese (pinyin) collation; one collator, not one per comparison. */
const byName = new Intl.Collator('zh-Hans-CN');

/** How many sessions the summary proposes as excellent-case candidates (优秀学习案例). */
const TOP_SESSIONS = 10;

/** The grade a session needs to be proposed as an excellent case (the domain's top band). */
const EXCELLENT_GRADE = '优秀';

/**
 * 优秀案例候选: sessions graded 优秀 only (a 良好 session is no excellent case, however few
 * 优秀 there are), highest total first; equal totals by earlier date, then unit name (Chinese
 * collation), then record id, so the list is the same on every run.
 */
export function topSessions(sessions: readonly SessionSummary[], limit = TOP_SESSIONS): SessionSummary[] {
  return sessions
    .filter((s): s is SessionSummary & { total: number } => s.total !== null && s.grade === EXCELLENT_GRADE)
    .sort((a, b) => b.total - a.total || compareText(a.date, b.date) || byName.compare(a.unitName, b.unitName) || compareText(a.recordId, b.recordId))
    .slice(0, limit);
}
