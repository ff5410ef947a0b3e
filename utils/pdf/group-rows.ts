/**
 * The appendix 组员独立评分对照 of a reconciled group record: per item, each member's own score,
 * the spread (※ where it exceeds a quarter of the maximum, or where members split on 不适用) and
 * the agreed score (＊ where the lead set it by hand); then the rule and the lead's reasons.
 * Scores are shown as points earned, like the 评分 table (a 扣分项 earns max − deducted).
 */
import type { IndependentEntry, ObservationRecord } from '../record';
import { itemEarned, type RubricItem } from '../rubric';
import { AGREED_RULE_TEXT, reconcile } from '../group';
import { headerRow, type TableRow } from './layout-table';
import { points } from './format';
import { HEADER_FILL, SECTION_FILL } from './report-style';

export const GROUP_APPENDIX_TITLE = '组员独立评分对照';

/** 评分项目 | 满分 | one column per member (sharing MEMBERS_SHARE) | 极差 | 组定分. */
const MEMBERS_SHARE = 0.4;
export function groupColumns(members: number): number[] {
  return [0.36, 0.07, ...Array.from({ length: members }, () => MEMBERS_SHARE / members), 0.08, 0.09];
}

function shown(item: RubricItem, e: IndependentEntry | undefined): string {
  if (!e || (e.value === null && !e.na)) return '未评';
  if (e.na && item.allowNA) return '不适用';
  return e.value === null ? '未评' : points(itemEarned(item, e.value));
}

/** The table rows (header first) and the notes printed under it; empty when the record has no independent scores. */
export function groupAppendix(r: ObservationRecord): { header: TableRow; rows: TableRow[]; notes: string[] } | null {
  const members = r.group?.independent;
  if (!members?.length) return null;
  const header = headerRow(['评分项目', '满分', ...members.map((m) => (m.role === 'lead' ? `${m.name}（组长）` : m.name)), '极差', '组定分'], HEADER_FILL);
  const overrides = r.group?.overrides ?? {};
  const rows: TableRow[] = [];
  const reasons: string[] = [];
  let section = '';
  let flagged = 0;
  for (const row of reconcile(r.template, members, r.scores)) {
    if (row.sectionId !== section) {
      section = row.sectionId;
      rows.push({ fill: SECTION_FILL, keepWithNext: true, cells: [{ text: row.sectionTitle, bold: true, span: members.length + 4, justify: false }] });
    }
    if (row.flagged) flagged++;
    const set = row.overridden || overrides[row.item.id] !== undefined;
    rows.push({
      cells: [
        { text: row.item.title },
        { text: points(row.item.max), align: 'center' },
        ...row.entries.map((e) => ({ text: shown(row.item, e), align: 'center' as const })),
        { text: `${points(row.spread)}${row.flagged ? '※' : ''}`, align: 'center' },
        { text: `${shown(row.item, row.agreed)}${set ? '＊' : ''}`, align: 'center', bold: row.flagged || set },
      ],
    });
    const reason = overrides[row.item.id]?.reason.trim();
    if (set)
      reasons.push(`「${row.item.title}」组定分 ${shown(row.item, row.agreed)}（按平均应为 ${shown(row.item, row.suggested)}）${reason ? `：${reason}` : ''}`);
  }
  const notes = [
    `说明：表中为各组员合议前独立作出的评分（扣分项为扣分后的得分）。${AGREED_RULE_TEXT}`,
    `※ 极差超过该项满分的四分之一，或组员对是否适用意见不一，共 ${flagged} 项。`,
  ];
  if (reasons.length) notes.push(`＊ 组长调整的组定分：${reasons.join('；')}。`);
  return { header, rows, notes };
}
