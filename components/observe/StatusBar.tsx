import { zh } from '../ui/strings';
import type { ObserveStore } from './observe-store';

/**
 * Sticky footer: live total, grade, progress, and whether the last change is stored. Until
 * every required item is scored the total is a running figure (暂计) and there is no grade.
 */
export function StatusBar({ store }: { store: ObserveStore }) {
  const s = store.summary.value;
  const r = store.current.value;
  if (!s || !r) return null;
  const provisional = !s.complete && s.total !== null;
  return (
    <div class="totalbar">
      <div aria-live="polite" aria-atomic="true" class="total">
        <span>
          {provisional ? '暂计' : zh.total} <strong data-testid="total">{s.total === null ? '—' : s.total.toFixed(1)}</strong>
        </span>
        <span>
          {zh.grade} <strong data-testid="grade">{s.grade ?? '—'}</strong>
        </span>
        <span class="progress" data-testid="progress">
          {s.allNA ? '全部评分项均不适用，没有可评分的项目' : `已评 ${s.scored + s.na}/${s.itemCount} 项 · 应评满分 ${s.applicableMax}`}
          {provisional && '（未评完，不评定等次）'}
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
  const text =
    st.kind === 'saved' ? `${zh.saved} ${st.at.toLocaleTimeString('zh-CN')}` : st.kind === 'saving' ? zh.saving : st.kind === 'pending' ? zh.pending : '';
  return (
    <div class="save" role="status" data-save-state={st.kind}>
      {text}
    </div>
  );
}
