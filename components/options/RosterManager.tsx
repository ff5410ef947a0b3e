import { useEffect, useState } from 'preact/hooks';
import { listUnits, replaceRoster, type XuntingDB } from '../../utils/db';
import { parseRosterText, type Unit } from '../../utils/roster';
import type { Problem } from '../../utils/validate';
import { ProblemList } from './ProblemList';

/** Import the roster of units (JSON or CSV with a 单位名称 column). A bad roster changes nothing. */
export function RosterManager({ db }: { db: XuntingDB }) {
  const [units, setUnits] = useState<Unit[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState('');
  const refresh = async () => setUnits(await listUnits(db));
  useEffect(() => void refresh(), []);
  const onFile = async (file: File | undefined) => {
    setProblems([]);
    setMessage('');
    if (!file) return;
    if (file.size > 5_000_000) {
      setProblems([{ path: file.name, message: '文件超过 5 MB，不像是单位名单' }]);
      return;
    }
    const parsed = parseRosterText(await file.text());
    const result = parsed.ok ? await replaceRoster(db, parsed.value) : parsed;
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setMessage(`已导入 ${result.value.units.length} 个单位`);
    await refresh();
  };
  return (
    <section class="card" aria-labelledby="h-roster">
      <h2 id="h-roster">单位名单（{units.length} 个）</h2>
      <div class="field">
        <label for="roster-file">导入单位名单（JSON，或含“单位名称”列的 CSV）</label>
        <input id="roster-file" type="file" accept=".json,.csv,.txt,application/json,text/csv" onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])} />
      </div>
      {message && <p role="status">{message}</p>}
      <ProblemList title="名单未导入" problems={problems} />
      <details>
        <summary>查看名单</summary>
        <ol>
          {units.map((u) => (
            <li key={u.id}>
              {u.name}（{u.category}）
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
