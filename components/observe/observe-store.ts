import { computed, effect, signal } from '@preact/signals';
import type { ObservationRecord } from '../../utils/record';
import { createRecord, finalizeProblems } from '../../utils/record';
import { scoreTemplate } from '../../utils/rubric';
import type { Unit } from '../../utils/roster';
import type { Problem } from '../../utils/validate';
import type { Platform } from '../platform';
import { errorMessage } from '../ui/errors';
import { liveSignal } from '../ui/live';
import { bytesBlob } from '../ui/files';
import { reportFileName } from '../report/report-actions';
import {
  activeTemplate,
  createAutosaver,
  finalizeObservation,
  listObservations,
  listUnits,
  loadRecord,
  reviseObservation,
  restoreSnapshot,
  saveRecord,
  deleteDraft,
  getSetting,
  identityState,
  type IdentityState,
  setSetting,
  OPEN_OBSERVATION_KEY,
  OBSERVER_NAMES_KEY,
  type ObservationRow,
  type SaveState,
  type XuntingDB,
} from '../../utils/db';

export type View = { name: 'list' } | { name: 'form' };

/**
 * The observer's state: one signal holds the open record; totals are computed from it; one
 * effect hands every change to the autosaver. Components call these actions, never the DB.
 */
export interface ObserveHooks {
  emit: Platform['emit'];
  /** Where a signed report goes once kept (the platform's download). */
  saveFile: Platform['saveFile'];
  /** The report signed with the observer's identity, its visible box drawn with the platform's fonts (report-actions signWithIdentity). */
  sign(pdf: Uint8Array): Promise<Uint8Array>;
  defaultObservers?: string[];
  /** Extra checks before finalising (e.g. characters the report fonts cannot print). */
  finalizeChecks?(r: ObservationRecord): Promise<Problem[]>;
}

export function createObserveStore(db: XuntingDB, hooks: ObserveHooks) {
  const current = signal<ObservationRecord | null>(null);
  // Read live from the database: a change in another page or tab (an identity made in the
  // options page, a roster import) shows here at once.
  const live = {
    list: liveSignal<ObservationRow[]>(() => listObservations(db), []),
    units: liveSignal<Unit[]>(() => listUnits(db), []),
    /** The observer's signing identity (none, pending a certificate, or active). */
    identity: liveSignal<IdentityState>(() => identityState(db), { kind: 'none' }),
  };
  const view = signal<View>({ name: 'list' });
  const saveState = signal<SaveState>({ kind: 'idle' });
  const problems = signal<Problem[]>([]);
  const notice = signal<string>('');
  const summary = computed(() => (current.value ? scoreTemplate(current.value.template, current.value.scores) : null));
  const locked = computed(() => current.value?.status === 'final');
  /** The observer can sign now: an identity with an imported certificate that is valid today. */
  const canSign = computed(() => {
    const id = live.identity.signal.value;
    return id.kind === 'active' && !id.expired && !id.notYetValid;
  });

  const saver = createAutosaver<ObservationRecord>(
    async (r) => {
      await saveRecord(db, r);
      hooks.emit('xunting-saved', { id: r.id, revision: r.revision, updatedAt: r.updatedAt });
    },
    {
      onState: (s) => {
        saveState.value = s;
        if (s.kind === 'error') hooks.emit('xunting-error', { message: s.message });
      },
    },
  );

  // The record as last read from or written to the database by an action (not an edit).
  let settled: ObservationRecord | null = null;
  const stopSaving = effect(() => {
    const r = current.value;
    if (r && r !== settled && r.status === 'draft') saver.schedule(r);
  });

  const settle = (r: ObservationRecord | null) => {
    settled = r;
    current.value = r;
  };

  /** Change the open draft. `mutate` edits a copy; the change is saved within the autosave delay. */
  function edit(mutate: (draft: ObservationRecord) => void): void {
    const r = current.value;
    if (!r || r.status === 'final') return;
    const next = structuredClone(r);
    mutate(next);
    next.updatedAt = new Date().toISOString();
    current.value = next;
    if (problems.value.length) problems.value = finalizeProblems(next);
  }

  /** A new draft; `init` fills it in before it is first stored (e.g. a group member's start from the lead's invitation). */
  async function startNew(init?: (r: ObservationRecord) => ObservationRecord) {
    await saver.flush();
    const template = await activeTemplate(db);
    if (!template) throw new Error('没有可用的评分表，请在设置页导入评分表');
    const names = hooks.defaultObservers?.length ? hooks.defaultObservers : ((await getSetting<string[]>(db, OBSERVER_NAMES_KEY)) ?? []);
    const blank = createRecord({ template, observers: names });
    const r = init ? init(blank) : blank;
    await saveRecord(db, r, '新建');
    settle(r);
    problems.value = [];
    view.value = { name: 'form' };
    await setSetting(db, OPEN_OBSERVATION_KEY, r.id);
  }

  async function open(id: string) {
    await saver.flush();
    const r = await loadRecord(db, id);
    if (!r) throw new Error('找不到该记录');
    settle(r);
    problems.value = [];
    view.value = { name: 'form' };
    await setSetting(db, OPEN_OBSERVATION_KEY, id);
  }

  /** What was open when the page last closed (or crashed): reopened at start. */
  async function reopenLast(preferred?: string | null) {
    const id = preferred ?? (await getSetting<string>(db, OPEN_OBSERVATION_KEY));
    if (id && (await loadRecord(db, id))) await open(id);
  }

  async function backToList() {
    await saver.flush();
    await setSetting(db, OPEN_OBSERVATION_KEY, null);
    view.value = { name: 'list' };
  }

  async function finalize(): Promise<boolean> {
    const r = current.value;
    if (!r) return false;
    const found = [...finalizeProblems(r), ...((await hooks.finalizeChecks?.(r)) ?? [])];
    problems.value = found;
    if (found.length) return false;
    await saver.flush();
    const final = await finalizeObservation(db, r);
    settle(final);
    notice.value = `已定稿（第 ${final.revision} 版）`;
    hooks.emit('xunting-finalized', { record: final });
    return true;
  }

  async function revise() {
    const r = current.value;
    if (!r) return;
    const draft = await reviseObservation(db, r.id);
    settle(draft);
    notice.value = `已生成第 ${draft.revision} 版更正稿，第 ${r.revision} 版定稿仍保留`;
  }

  async function restore(seq: number) {
    await saver.flush();
    const r = await restoreSnapshot(db, seq);
    settle(r);
    notice.value = '已恢复到所选历史版本（恢复前的内容也已存入历史）';
  }

  /** Keep a rendered report with its observation revision (a signed one replaces an unsigned one). */
  async function storeReport(r: ObservationRecord, fileName: string, pdf: Blob, signed = false) {
    await db.reports.put({ observationId: r.id, revision: r.revision, createdAt: new Date().toISOString(), fileName, pdf, signed });
  }

  /**
   * A finalised record's rendered report, signed with the observer's identity (PAdES), kept with
   * the observation and saved. Returns the file name.
   */
  async function saveSignedReport(r: ObservationRecord, rendered: Uint8Array): Promise<string> {
    const signed = await hooks.sign(rendered);
    const name = reportFileName(r, { signed: true });
    const blob = bytesBlob(signed, 'application/pdf');
    await storeReport(r, name, blob, true);
    await hooks.saveFile(name, blob);
    notice.value = `已签名并保存报告 ${name}`;
    return name;
  }

  async function remove(id: string) {
    await deleteDraft(db, id);
    if (current.value?.id === id) settle(null);
  }

  /** Run an action; a failure is shown to the observer (in Chinese), never swallowed. */
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await fn(...args);
      } catch (e) {
        const msg = errorMessage(e);
        notice.value = msg;
        hooks.emit('xunting-error', { message: msg });
        return undefined;
      }
    };

  return {
    db,
    current,
    list: live.list.signal,
    units: live.units.signal,
    view,
    saveState,
    problems,
    notice,
    identity: live.identity.signal,
    /** Resolves once the list, the units and the identity have first been read. */
    loaded: Promise.all(Object.values(live).map((l) => l.ready)),
    summary,
    locked,
    canSign,
    edit,
    startNew: guard(startNew),
    open: guard(open),
    reopenLast: guard(reopenLast),
    backToList: guard(backToList),
    finalize: guard(finalize),
    revise: guard(revise),
    restore: guard(restore),
    remove: guard(remove),
    storeReport,
    saveSignedReport,
    flush: () => saver.flush(),
    retryNow: () => saver.flush(),
    dispose() {
      stopSaving();
      saver.dispose();
      for (const l of Object.values(live)) l.stop();
    },
  };
}

export type ObserveStore = ReturnType<typeof createObserveStore>;
