import { CountersignPanel } from '../report/CountersignPanel';
import { GroupStart } from '../group/GroupStart';
import { zh } from '../ui/strings';
import type { ObserveStore } from './observe-store';

/** Drafts and finalised observations, newest change first. */
export function ObservationList({ store }: { store: ObserveStore }) {
  const rows = store.list.value;
  const drafts = rows.filter((r) => r.status === 'draft');
  const finals = rows.filter((r) => r.status === 'final');
  const item = (r: (typeof rows)[number]) => (
    <li key={r.id}>
      <button type="button" class="list-item" onClick={() => void store.open(r.id)}>
        <span class="unit">{r.unitName || '（未选单位）'}</span>
        <span class="meta">
          {r.date} · {zh.status[r.status]}
          {r.revision > 1 ? ` · 第 ${r.revision} 版` : ''}
          {r.total !== null ? (r.grade ? ` · ${r.total.toFixed(1)} 分 ${r.grade}` : ` · 暂计 ${r.total.toFixed(1)} 分`) : ''}
        </span>
        {r.theme && <span class="theme">{r.theme}</span>}
      </button>
    </li>
  );
  return (
    <div class="list">
      <button type="button" class="primary" onClick={() => void store.startNew()}>
        {zh.newObservation}
      </button>
      {rows.length === 0 && <p class="empty">{zh.emptyList}</p>}
      {drafts.length > 0 && (
        <section aria-labelledby="h-drafts">
          <h2 id="h-drafts">
            {zh.drafts}（{drafts.length}）
          </h2>
          <ul>{drafts.map(item)}</ul>
        </section>
      )}
      {finals.length > 0 && (
        <section aria-labelledby="h-finals">
          <h2 id="h-finals">
            {zh.finals}（{finals.length}）
          </h2>
          <ul>{finals.map(item)}</ul>
        </section>
      )}
      <GroupStart store={store} />
      <CountersignPanel store={store} />
    </div>
  );
}
