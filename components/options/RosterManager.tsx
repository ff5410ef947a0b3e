import { useState } from 'preact/hooks';
import { importRoster, listUnits, replaceRoster } from '../../utils/db';
import { useDb } from '../db-context';
import { useLive } from '../ui/live';
import { writeXlsx } from '../../utils/io';
import { parseRosterFile, ROSTER_FORMAT, UNIT_CATEGORIES, UNIT_NAME_MAX, type Unit, type UnitCategory } from '../../utils/roster';
import type { Problem } from '../../utils/validate';
import { usePlatform } from '../platform';
import { errorMessage } from '../ui/errors';
import { bytesBlob, fileBytes } from '../ui/files';
import { ProblemList } from './ProblemList';
import { DataTable } from '../ui/DataTable';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The roster of units: import it (JSON; CSV in UTF-8 or GBK as Excel saves it; XLSX) with the
 * unit name under a header such as 单位名称; edit names, categories and whether a unit is still
 * in scope; export it. A bad roster, imported or edited, changes nothing stored.
 */
export function RosterManager({ editable = false }: { editable?: boolean }) {
  const platform = usePlatform();
  const db = useDb();
  const units = useLive(() => listUnits(db), [db]) ?? [];
  const [draft, setDraft] = useState<Unit[] | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState('');
  const onFile = async (file: File | undefined) => {
    setProblems([]);
    setMessage('');
    if (!file) return;
    try {
      const parsed = await parseRosterFile(file.name, await fileBytes(file));
      const result = parsed.ok ? await importRoster(db, parsed.value) : parsed;
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      setDraft(null);
      setMessage(`已导入 ${result.value.units.length} 个单位（原有单位按名称保留编号，计划不受影响）`);
    } catch (e) {
      setProblems([{ path: file.name, message: errorMessage(e) }]);
    }
  };
  const edit = (i: number, change: Partial<Unit>) => setDraft((d) => (d ?? units).map((u, j) => (j === i ? { ...u, ...change } : u)));
  const add = () => {
    const taken = new Set((draft ?? units).map((u) => u.id));
    let n = (draft ?? units).length + 1;
    while (taken.has(`u${String(n).padStart(3, '0')}`)) n++;
    setDraft([...(draft ?? units), { id: `u${String(n).padStart(3, '0')}`, name: '', category: '其他', active: true }]);
  };
  const save = async () => {
    if (!draft) return;
    setProblems([]);
    const result = await replaceRoster(db, { format: ROSTER_FORMAT, units: draft.map((u) => ({ ...u, name: u.name.trim() })) });
    if (!result.ok) {
      // Paths name array positions; say which row of the table that is.
      setProblems(result.problems.map((p) => ({ ...p, path: p.path.replace(/^\$\.units\[(\d+)\].*$/, (_, i) => `第 ${Number(i) + 1} 行`) })));
      return;
    }
    setDraft(null);
    setMessage(`已保存名单（${result.value.units.length} 个单位）`);
  };
  const exportXlsx = async () => {
    const bytes = await writeXlsx([
      {
        name: '单位名单',
        columns: [{ header: '编号' }, { header: '单位名称' }, { header: '类别' }, { header: '状态' }],
        rows: units.map((u) => [u.id, u.name, u.category, u.active ? '在册' : '撤销']),
      },
    ]);
    await platform.saveFile('单位名单.xlsx', bytesBlob(bytes, XLSX_TYPE));
  };
  const rows = draft ?? units;
  const active = units.filter((u) => u.active).length;
  return (
    <section class="card" aria-labelledby="h-roster">
      <h2 id="h-roster">
        单位名单（{units.length} 个{active !== units.length ? `，其中在册 ${active} 个` : ''}）
      </h2>
      <div class="field">
        <label for="roster-file">导入单位名单（Excel .xlsx、CSV 或 JSON，含“单位名称”列）</label>
        <input
          id="roster-file"
          type="file"
          accept=".json,.csv,.txt,.xlsx,application/json,text/csv"
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
      </div>
      {message && <p role="status">{message}</p>}
      <ProblemList title="名单未导入或未保存" problems={problems} />
      <details open={editable && !!draft}>
        <summary>{editable ? '查看和编辑名单' : '查看名单'}</summary>
        {editable && (
          <div class="row wrap">
            <button type="button" onClick={add}>
              添加单位
            </button>
            <button type="button" class="primary" disabled={!draft} onClick={() => void save()}>
              保存名单
            </button>
            {draft && (
              <button type="button" class="link" onClick={() => setDraft(null)}>
                放弃修改
              </button>
            )}
            <button type="button" onClick={() => void exportXlsx()}>
              导出名单（Excel）
            </button>
          </div>
        )}
        <DataTable label="单位名单" columns={['序号', '单位名称', '类别', '在册']}>
          {rows.map((u, i) => (
            <tr key={u.id}>
              <td>{i + 1}</td>
              <td>
                {editable ? (
                  <input
                    aria-label={`第 ${i + 1} 行单位名称`}
                    value={u.name}
                    maxLength={UNIT_NAME_MAX}
                    onInput={(e) => edit(i, { name: e.currentTarget.value })}
                  />
                ) : (
                  u.name
                )}
              </td>
              <td>
                {editable ? (
                  <select aria-label={`第 ${i + 1} 行类别`} value={u.category} onChange={(e) => edit(i, { category: e.currentTarget.value as UnitCategory })}>
                    {UNIT_CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                ) : (
                  u.category
                )}
              </td>
              <td>
                {editable ? (
                  <input type="checkbox" aria-label={`第 ${i + 1} 行在册`} checked={u.active} onChange={(e) => edit(i, { active: e.currentTarget.checked })} />
                ) : u.active ? (
                  '是'
                ) : (
                  '否'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </details>
    </section>
  );
}
