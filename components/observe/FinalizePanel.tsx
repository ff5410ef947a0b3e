import { useState } from 'preact/hooks';
import { usePlatform } from '../platform';
import { makeReport } from '../report/report-actions';
import { errorMessage } from '../ui/errors';
import { Outcome } from '../ui/fields';
import { zh } from '../ui/strings';
import type { ObserveStore } from './observe-store';

/** Map a problem's record path to the control that fixes it. */
function controlFor(path: string): string | null {
  const note = /^\$\.scores\["(.+)"\]\.note$/.exec(path);
  if (note) return `note-${note[1]}`;
  const score = /^\$\.scores\["(.+)"\]/.exec(path);
  if (score) return `score-${score[1]}`;
  const map: Record<string, string> = {
    '$.unit': 'unit-input',
    '$.date': 'f-date',
    '$.startTime': 'f-start',
    '$.endTime': 'f-end',
    '$.theme': 'f-theme',
    '$.chair': 'f-chair',
    '$.attendance.expected': 'f-expected',
    '$.attendance.present': 'f-present',
    '$.attendance.onLeave': 'f-leave',
    '$.place': 'f-place',
    '$.leadReader': 'f-lead-reader',
    '$.narrative.highlights': 'f-highlights',
    '$.narrative.problems': 'f-problems',
    '$.narrative.suggestions': 'f-suggestions',
  };
  return map[path] ?? null;
}

/**
 * 定稿: checks what finalising needs and lists what is missing (each a link to its control).
 * With a signing identity it is 定稿并签名: the record is locked, and its report signed, kept
 * and downloaded in the same step.
 */
export function FinalizePanel({ store }: { store: ObserveStore }) {
  const platform = usePlatform();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const r = store.current.value!;
  const sign = store.canSign.value;
  const finalize = async () => {
    setBusy(true);
    setError('');
    setMessage('');
    try {
      if (!(await store.finalize())) return;
      const final = store.current.value;
      if (final?.status !== 'final') return;
      setMessage(`已定稿（第 ${final.revision} 版）`);
      if (sign) setMessage(`已定稿（第 ${final.revision} 版），已签名并保存报告 ${await store.saveSignedReport(final, await makeReport(platform, final))}`);
    } catch (e) {
      setError(`已定稿，但报告签名失败：${errorMessage(e)}。可在“签名与报告”中重试。`);
    } finally {
      setBusy(false);
    }
  };
  const problems = store.problems.value;
  const focus = (id: string | null, e: { currentTarget: Element }) => {
    if (!id) return;
    const root = e.currentTarget.getRootNode() as Document | ShadowRoot;
    const el = root.getElementById(id) as HTMLElement | null;
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };
  return (
    <section class="card finalize" aria-labelledby="h-finalize">
      <h2 id="h-finalize" class="sr-only">
        定稿
      </h2>
      {problems.length > 0 && (
        <div class="problems" role="alert">
          <p>{zh.finalizeBlocked}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <button type="button" class="link" onClick={(e) => focus(controlFor(p.path), e)}>
                  {p.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.status === 'draft' ? (
        <button type="button" class="primary" disabled={busy} onClick={() => void finalize()}>
          {busy ? '正在定稿…' : sign ? zh.finalizeAndSign : zh.finalize}
        </button>
      ) : (
        <button type="button" onClick={() => void store.revise()}>
          {zh.revise}
        </button>
      )}
      <Outcome message={message} error={error} />
    </section>
  );
}
