/**
 * What the group UI does besides showing things: the lead's invitation file, a member's start
 * from it, the member's signed 独立评分表, and reading members' files on the lead's side.
 * Pure functions of their inputs plus the db/platform handed in; no browser.* calls.
 */
import { createRecord, validateRecord, type ObservationRecord } from '../../utils/record';
import { leadEntries, memberEntries, sheetRefusal, type MemberSheet } from '../../utils/group';
import { trustStoreOf, type XuntingDB } from '../../utils/db';
import type { Platform } from '../platform';
import { loadReportFonts } from '../report/report-fonts';
import { signWithIdentity } from '../report/report-actions';

const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

/**
 * The lead's invitation: the session as the lead has it (unit, date, times, place, theme, chair,
 * observers, template), with nothing scored or noted — an ordinary xunting.observation/1 draft.
 */
export function invitationOf(r: ObservationRecord): { name: string; json: string } {
  const blank = createRecord({ template: r.template, unit: r.unit });
  const invite: ObservationRecord = {
    ...blank,
    id: r.id,
    date: r.date,
    startTime: r.startTime,
    endTime: r.endTime,
    place: r.place,
    theme: r.theme,
    chair: r.chair,
    leadReader: r.leadReader,
    observers: r.observers.map((o) => ({ ...o, signature: null })),
    group: { role: 'lead', member: r.observers.find((o) => o.lead)?.name ?? '', ...(r.group?.name ? { name: r.group.name } : {}) },
  };
  return { name: `巡听组邀请-${safe(r.unit.name) || '未选单位'}-${r.date || '无日期'}.json`, json: `${JSON.stringify(invite, null, 2)}\n` };
}

/** A member's new draft from the lead's invitation (text of the file), or a Chinese reason it cannot be read. */
export function memberDraftFromInvitation(text: string, member: string, blank: ObservationRecord): ObservationRecord | string {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return '邀请文件不是有效的 JSON';
  }
  const v = validateRecord(json);
  if (!v.ok) return `邀请文件无效：${v.problems[0].path}：${v.problems[0].message}`;
  const inv = v.value;
  if (inv.group?.role !== 'lead') return '这不是组长的邀请文件';
  const fresh = createRecord({ template: inv.template, unit: inv.unit });
  return {
    ...fresh,
    id: blank.id,
    date: inv.date,
    startTime: inv.startTime,
    endTime: inv.endTime,
    place: inv.place,
    theme: inv.theme,
    chair: inv.chair,
    leadReader: inv.leadReader,
    observers: inv.observers.map((o) => ({ ...o, signature: null })),
    group: { role: 'member', member, ...(inv.group.name ? { name: inv.group.name } : {}) },
  };
}

/** The member's 独立评分表 for their finalised record, signed with their identity. */
export async function signedMemberSheet(platform: Platform, db: XuntingDB, r: ObservationRecord): Promise<{ name: string; bytes: Uint8Array }> {
  const [{ renderMemberSheet }, fonts] = await Promise.all([import('../../utils/pdf'), loadReportFonts(platform, r)]);
  const bytes = await signWithIdentity(platform, db, renderMemberSheet(r, fonts));
  return { name: `独立评分表-${safe(r.unit.name)}-${r.date}-${safe(r.group?.member ?? '')}.pdf`, bytes };
}

export type ImportOutcome = { fileName: string; ok: true; member: string; signer: string } | { fileName: string; ok: false; reason: string };

/**
 * Verify members' files (the strict verifier, trusting the list and the lead's own CA) and add
 * the accepted ones to the lead's record: the first import snapshots the lead's own scores as
 * theirs; the agreed scores are then reset by the rule (reconcile-table edits override them).
 */
export async function importMemberFiles(
  db: XuntingDB,
  lead: ObservationRecord,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<{ record: ObservationRecord; outcomes: ImportOutcome[] }> {
  const { verifyPdf } = await import('../../utils/sign');
  const { mergeGroup } = await import('../../utils/group');
  const trust = await trustStoreOf(db, { includeOwnChain: true });
  const independent = [leadEntries(lead), ...(lead.group?.independent?.filter((m) => m.role === 'member') ?? [])];
  const accepted: MemberSheet[] = [];
  const outcomes: ImportOutcome[] = [];
  for (const f of files) {
    const v = await verifyPdf(f.bytes, { trust });
    if (!v.ok || !v.record) {
      outcomes.push({ fileName: f.name, ok: false, reason: v.reason ?? '文件中没有记录' });
      continue;
    }
    const signer = v.signatures[0]?.signer;
    const sheet: MemberSheet = { record: v.record, signer: signer ? { cn: signer.cn, fingerprint: signer.fingerprint } : null };
    const why = sheetRefusal(lead, independent, sheet);
    if (why) {
      outcomes.push({ fileName: f.name, ok: false, reason: why });
      continue;
    }
    const entries = memberEntries(sheet);
    independent.push(entries);
    accepted.push(sheet);
    outcomes.push({ fileName: f.name, ok: true, member: entries.name, signer: signer?.cn ?? '' });
  }
  const record = accepted.length ? mergeGroup(lead, accepted) : lead;
  return { record, outcomes };
}
