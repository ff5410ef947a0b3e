/**
 * Reconciliation as data: the lead's record with every member's independent scores under
 * `group.independent` and the agreed scores in `scores` — the rule's (agreed-score.ts) unless
 * the lead set one by hand (`overrides`, with a reason where it lies outside the members' range).
 */
import type { IndependentScores, ItemScore, ObservationRecord } from '../record/types';
import type { Problem } from '../validate';
import { reconcile } from './reconcile';
import { memberRefusal } from './check-member';

export interface MemberSheet {
  record: ObservationRecord;
  /** The certificate that signed the sheet. */
  signer: { cn: string; fingerprint: string } | null;
}

/** The lead's own independent scores: kept from an earlier reconciliation, else the record's scores. */
export function leadEntries(lead: ObservationRecord): IndependentScores {
  const kept = lead.group?.independent?.find((m) => m.role === 'lead');
  if (kept) return kept;
  const name = lead.group?.member || lead.observers.find((o) => o.lead)?.name || '组长';
  const scores: IndependentScores['scores'] = {};
  for (const [id, s] of Object.entries(lead.scores)) scores[id] = { value: s.value, na: s.na };
  return { name, role: 'lead', signer: null, submittedAt: lead.finalizedAt, scores };
}

/** The member's name: what their record says, else who signed the sheet. */
function memberName(sheet: MemberSheet): string {
  return sheet.record.group?.member?.trim() || sheet.signer?.cn || '（未署名组员）';
}

/** A member sheet's entries as the lead keeps them. */
export function memberEntries(sheet: MemberSheet): IndependentScores {
  const scores: IndependentScores['scores'] = {};
  for (const [id, s] of Object.entries(sheet.record.scores)) scores[id] = { value: s.value, na: s.na };
  return { name: memberName(sheet), role: 'member', signer: sheet.signer, submittedAt: sheet.record.finalizedAt, scores };
}

/** Null when `sheet` can join the members already in `independent`, else why not. */
export function sheetRefusal(lead: ObservationRecord, independent: readonly IndependentScores[], sheet: MemberSheet): string | null {
  const refusal = memberRefusal(lead, sheet.record);
  if (refusal) return refusal;
  const name = memberName(sheet);
  if (independent.some((m) => m.name === name)) return `组员「${name}」的独立评分已经导入过`;
  return null;
}

export interface MergeOptions {
  /** Agreed entries the lead set by hand, with reasons. */
  overrides?: Record<string, { value: number | null; na: boolean; reason: string }>;
  now?: Date;
}

/**
 * The reconciled record. Throws with every refusal (a sheet for another session, a duplicate
 * member, an override outside the range without a reason): nothing is half merged.
 */
export function mergeGroup(lead: ObservationRecord, sheets: readonly MemberSheet[], opts: MergeOptions = {}): ObservationRecord {
  const independent: IndependentScores[] = [leadEntries(lead), ...(lead.group?.independent?.filter((m) => m.role === 'member') ?? [])];
  const refusals: string[] = [];
  for (const sheet of sheets) {
    const why = sheetRefusal(lead, independent, sheet);
    if (why) refusals.push(`${memberName(sheet)}：${why}`);
    else independent.push(memberEntries(sheet));
  }
  if (refusals.length) throw new Error(refusals.join('\n'));
  // Overrides of an earlier reconciliation stay (with the value the record holds), unless set again.
  const earlier: NonNullable<MergeOptions['overrides']> = {};
  for (const [id, o] of Object.entries(lead.group?.overrides ?? {})) {
    const s = lead.scores[id];
    if (s) earlier[id] = { value: s.value, na: s.na, reason: o.reason };
  }
  const overrides = { ...earlier, ...opts.overrides };
  const agreed: Record<string, { value: number | null; na: boolean }> = {};
  for (const row of reconcile(lead.template, independent)) agreed[row.item.id] = overrides[row.item.id] ?? row.suggested;
  const out = structuredClone(lead);
  const scores: Record<string, ItemScore> = {};
  for (const [id, a] of Object.entries(agreed)) scores[id] = { value: a.na ? null : a.value, na: a.na, note: lead.scores[id]?.note ?? '' };
  out.scores = scores;
  const kept: Record<string, { reason: string }> = {};
  for (const [id, o] of Object.entries(overrides)) kept[id] = { reason: o.reason.trim() };
  out.group = { ...lead.group, role: 'lead', member: independent[0].name, independent, overrides: kept };
  const problems = groupProblems(out);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
  out.updatedAt = (opts.now ?? new Date()).toISOString();
  return out;
}

/**
 * Checks of a reconciled record: every agreed score is the rule's, or an override; an override
 * outside the members' range has a reason. Used by record validation for final records.
 */
export function groupProblems(r: ObservationRecord): Problem[] {
  const members = r.group?.independent;
  if (!members?.length) return [];
  const overrides = r.group?.overrides ?? {};
  const problems: Problem[] = [];
  for (const row of reconcile(r.template, members, r.scores)) {
    const path = `$.scores[${JSON.stringify(row.item.id)}]`;
    const o = overrides[row.item.id];
    if (row.overridden && !o) problems.push({ path, message: `「${row.item.title}」的组定分不是组员评分的平均值，须说明调整理由` });
    else if (o && row.outsideRange && !o.reason.trim())
      problems.push({ path: `$.group.overrides[${JSON.stringify(row.item.id)}].reason`, message: `「${row.item.title}」的组定分超出组员评分范围，须填写理由` });
  }
  return problems;
}
