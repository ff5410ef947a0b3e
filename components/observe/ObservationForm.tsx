import type { EnteredField, ObservationRecord } from '../../utils/record';
import { applyEnteredText, enteredMessage, TEXT_LIMITS } from '../../utils/record';
import { CountField, Section, TextArea, TextField } from '../ui/fields';
import { zh } from '../ui/strings';
import type { ObserveStore } from './observe-store';
import { UnitPicker } from './UnitPicker';
import { SessionClock } from './SessionClock';
import { TimelineNotes } from './TimelineNotes';
import { SpeakerTally } from './SpeakerTally';
import { ScoreItem } from './ScoreItem';
import { ObserversFields } from './ObserversFields';
import { FinalizePanel } from './FinalizePanel';
import { HistoryPanel } from './HistoryPanel';
import { ReportPanel } from '../report/ReportPanel';
import { GroupPanel } from '../group/GroupPanel';

/** The observation form for the open record. Every change goes through store.edit (autosaved). */
export function ObservationForm({ store }: { store: ObserveStore }) {
  const r = store.current.value;
  if (!r) return null;
  const locked = store.locked.value;
  const edit = store.edit;
  const set =
    <K extends keyof ObservationRecord>(key: K) =>
    (v: ObservationRecord[K]) =>
      edit((d) => void (d[key] = v));
  const summary = store.summary.value;
  const a = r.attendance;
  // Counts and times: what was typed (refused text kept in r.entered) and its message.
  const typed = (field: EnteredField, stored: number | string | null) => {
    const text = r.entered?.[field];
    return {
      text: text ?? (stored === null ? '' : String(stored)),
      error: text === undefined ? null : enteredMessage(field, text),
      onText: (t: string) => edit((d) => applyEnteredText(d, field, t)),
    };
  };
  const start = typed('startTime', r.startTime);
  const end = typed('endTime', r.endTime);
  return (
    <form class="observation" onSubmit={(e) => e.preventDefault()} aria-label="巡听旁听记录表">
      {locked && (
        <p class="banner" role="status">
          本记录已于 {new Date(r.finalizedAt!).toLocaleString('zh-CN')} 定稿（第 {r.revision} 版），内容已锁定。如需修改请点“{zh.revise}”。
        </p>
      )}
      <fieldset disabled={locked} class="plain">
        <Section title={zh.basics} id="h-basics">
          <UnitPicker units={store.units.value} value={r.unit} onPick={(u) => edit((d) => void (d.unit = u))} />
          <div class="grid3">
            <TextField id="f-date" type="date" label={zh.date} value={r.date} onValue={set('date')} />
            <TextField id="f-start" type="time" label={zh.startTime} value={r.startTime} error={start.error} onValue={start.onText} />
            <TextField id="f-end" type="time" label={zh.endTime} value={r.endTime} error={end.error} onValue={end.onText} />
          </div>
          <SessionClock startTime={r.startTime} endTime={r.endTime} disabled={locked} onStart={start.onText} onEnd={end.onText} />
          <TextField id="f-place" label={zh.place} value={r.place} onValue={set('place')} maxLength={TEXT_LIMITS.place} wide />
          <TextArea id="f-theme" label={zh.theme} value={r.theme} onValue={set('theme')} maxLength={TEXT_LIMITS.theme} rows={1} grow />
          <div class="grid2">
            <TextField id="f-chair" label={zh.chair} value={r.chair} onValue={set('chair')} maxLength={TEXT_LIMITS.personName} />
            <TextField id="f-lead-reader" label={zh.leadReader} value={r.leadReader} onValue={set('leadReader')} maxLength={TEXT_LIMITS.personName} />
          </div>
        </Section>

        <Section title={zh.attendance} id="h-attendance">
          <div class="grid3">
            <CountField id="f-expected" label={zh.expected} {...typed('attendance.expected', a.expected)} />
            <CountField id="f-present" label={zh.present} {...typed('attendance.present', a.present)} />
            <CountField id="f-leave" label={zh.onLeave} {...typed('attendance.onLeave', a.onLeave)} />
          </div>
          {a.expected !== null && a.present !== null && a.present > a.expected && (
            <p class="error" role="alert">
              实到人数（{a.present}）多于应到人数（{a.expected}），请核对。
            </p>
          )}
          <ul class="absentees" aria-label={zh.absentees}>
            {a.absentees.map((x, i) => (
              <li key={i}>
                <label class="sr-only" for={`absentee-${i}`}>{`${zh.absenteeName} ${i + 1}`}</label>
                <input
                  id={`absentee-${i}`}
                  value={x.name}
                  maxLength={TEXT_LIMITS.personName}
                  placeholder={zh.absenteeName}
                  onInput={(e) => edit((d) => void (d.attendance.absentees[i].name = e.currentTarget.value))}
                />
                <label class="sr-only" for={`absentee-reason-${i}`}>{`${zh.absenteeReason} ${i + 1}`}</label>
                <input
                  id={`absentee-reason-${i}`}
                  value={x.reason}
                  maxLength={TEXT_LIMITS.absenceReason}
                  placeholder="原因，如：请假（出差）"
                  onInput={(e) => edit((d) => void (d.attendance.absentees[i].reason = e.currentTarget.value))}
                />
                {!locked && (
                  <button type="button" class="link" aria-label={`删除缺席人员 ${i + 1}`} onClick={() => edit((d) => void d.attendance.absentees.splice(i, 1))}>
                    {zh.remove}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {!locked && (
            <button type="button" onClick={() => edit((d) => void d.attendance.absentees.push({ name: '', reason: '请假' }))}>
              {zh.addAbsentee}
            </button>
          )}
        </Section>

        <Section title={zh.timeline} id="h-timeline">
          <TimelineNotes
            notes={r.timeline}
            disabled={locked}
            onAdd={(n) => edit((d) => void d.timeline.push(n))}
            onRemove={(id) => edit((d) => void (d.timeline = d.timeline.filter((x) => x.id !== id)))}
          />
        </Section>

        <Section title={zh.speakers} id="h-speakers">
          <SpeakerTally speakers={r.speakers} disabled={locked} onChange={(s) => edit((d) => void (d.speakers = s))} />
        </Section>

        <Section title={`${zh.scores}：${r.template.title}`} id="h-scores">
          {r.template.sections.map((section, si) => {
            const s = summary?.sections[si];
            return (
              <fieldset class="score-section" key={section.id}>
                <legend>
                  {section.title}
                  <span class="subtotal">{s && !s.empty ? `小计 ${s.earned} / ${s.max}` : s && s.na === s.itemCount ? '不适用' : '未评'}</span>
                </legend>
                {section.items.map((item) => (
                  <ScoreItem
                    key={item.id}
                    item={item}
                    entry={r.scores[item.id] ?? { value: null, na: false, note: '' }}
                    disabled={locked}
                    onChange={(e) => edit((d) => void (d.scores[item.id] = e))}
                  />
                ))}
              </fieldset>
            );
          })}
        </Section>

        <Section title={zh.narrative} id="h-narrative">
          <TextArea
            id="f-highlights"
            label={zh.highlights}
            value={r.narrative.highlights}
            maxLength={TEXT_LIMITS.narrative}
            onValue={(v) => edit((d) => void (d.narrative.highlights = v))}
          />
          <TextArea
            id="f-problems"
            label={zh.problems}
            value={r.narrative.problems}
            maxLength={TEXT_LIMITS.narrative}
            onValue={(v) => edit((d) => void (d.narrative.problems = v))}
          />
          <TextArea
            id="f-suggestions"
            label={zh.suggestions}
            value={r.narrative.suggestions}
            maxLength={TEXT_LIMITS.narrative}
            onValue={(v) => edit((d) => void (d.narrative.suggestions = v))}
          />
        </Section>

        <Section title={zh.observers} id="h-observers">
          <ObserversFields observers={r.observers} disabled={locked} onChange={(o) => edit((d) => void (d.observers = o))} />
        </Section>
      </fieldset>
      <GroupPanel store={store} />
      <ReportPanel store={store} />
      <FinalizePanel store={store} />
      <HistoryPanel store={store} />
    </form>
  );
}
