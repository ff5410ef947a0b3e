/**
 * Whether a member's record belongs to the lead's session: the same unit, date and template
 * version, finalised, and a member's sheet (not a lead's reconciled record). A refusal says why,
 * in Chinese, naming both sides.
 */
import type { ObservationRecord } from '../record/types';

const unitText = (r: ObservationRecord) => `「${r.unit.name || '（未填单位）'}」`;
const templateText = (r: ObservationRecord) => `《${r.template.title}》第 ${r.template.version} 版`;

/** Null when `member` may be reconciled into `lead`, else the reason it is refused. */
export function memberRefusal(lead: ObservationRecord, member: ObservationRecord): string | null {
  const sameUnit = lead.unit.name.trim() === member.unit.name.trim() && (!lead.unit.id || !member.unit.id || lead.unit.id === member.unit.id);
  if (!sameUnit) return `这份评分是对单位${unitText(member)}的，本组巡听的是${unitText(lead)}`;
  if (lead.date !== member.date) return `这份评分的日期是 ${member.date || '（未填）'}，本次巡听是 ${lead.date || '（未填）'}`;
  if (lead.template.id !== member.template.id || lead.template.version !== member.template.version) {
    return `这份评分用的是${templateText(member)}评分表，本组用的是${templateText(lead)}，不能对照`;
  }
  if (member.status !== 'final') return '这份评分尚未定稿（组员须先定稿再提交）';
  if (member.group?.role === 'lead' && member.group.independent?.length) return '这是组长汇总后的记录，不是组员的独立评分';
  return null;
}
