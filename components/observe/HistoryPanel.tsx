import { useState } from 'preact/hooks';
import { listSnapshots, listVersions, type SnapshotRow, type VersionRow } from '../../utils/db';
import { zh } from '../ui/strings';
import type { ObserveStore } from './observe-store';

/** The observation's history: finalised versions (kept for ever) and the last snapshots (to go back). */
export function HistoryPanel({ store }: { store: ObserveStore }) {
  const r = store.current.value!;
  const [snaps, setSnaps] = useState<SnapshotRow[] | null>(null);
  const [versions, setVersions] = useState<VersionRow[]>([]);
  const load = async () => {
    setSnaps(await listSnapshots(store.db, r.id));
    setVersions(await listVersions(store.db, r.id));
  };
  return (
    <details class="card history" onToggle={(e) => e.currentTarget.open && void load()}>
      <summary>{zh.history}</summary>
      {versions.length > 0 && (
        <>
          <h3>定稿版本</h3>
          <ul>
            {versions.map((v) => (
              <li key={v.revision}>
                第 {v.revision} 版，定稿于 {new Date(v.finalizedAt).toLocaleString('zh-CN')}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>自动保存的历史（最近 50 份）</h3>
      {snaps === null ? (
        <p>正在读取…</p>
      ) : snaps.length === 0 ? (
        <p>暂无</p>
      ) : (
        <ul>
          {snaps.map((s) => (
            <li key={s.seq}>
              {new Date(s.savedAt).toLocaleString('zh-CN')} · {s.reason} · 第 {s.record.revision} 版
              {r.status === 'draft' && (
                <button
                  type="button"
                  class="link"
                  onClick={async () => {
                    await store.restore(s.seq!);
                    await load();
                  }}
                >
                  {zh.restore}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
