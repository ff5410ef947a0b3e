import { zh } from '../ui/strings';
import type { ObserveStore } from './observe-store';

/** Sticky footer: live total, grade, progress, and whether the last change is stored. */
export function StatusBar({ store }: { store: ObserveStore }) {
  const s = store.summary.value;
  const r = store.current.value;
  if (!s || !r) return null;
  return (
    <div class="totalbar">
      <div aria-live="polite" aria-atomic="true" class="total">
        <span>
          {zh.total} <strong data-testid="total">{s.total === null ? '—' : s.total.toFixed(1)}</strong>
        </span>
        <span>
          {zh.grade} <strong data-testid="grade">{s.grade ?? '—'}</strong>
        </span>
        <span class="progress">
          已评 {s.scored + s.na}/{s.itemCount} 项
        </span>
      </div>
      <SaveIndicator store={store} />
    </div>
  );
}

function SaveIndicator({ store }: { store: ObserveStore }) {
  const st = store.saveState.value;
  if (st.kind === 'error') {
    return (
      <div class="save error" role="alert">
        {st.message}
        <button type="button" class="link" onClick={() => void store.retryNow()}>
          {zh.retry}
        </button>
      </div>
    );
  }
  const text = st.kind === 'saved' ? `${zh.saved} ${st.at.toLocaleTimeString('zh-CN')}` : st.kind === 'saving' ? zh.saving : st.kind === 'pending' ? zh.pending : '';
  return (
    <div class="save" role="status" data-save-state={st.kind}>
      {text}
    </div>
  );
}
