import { useState } from 'preact/hooks';
import { ACTIVE_TEMPLATE_KEY, getSetting, importRubricSheet, importTemplate, listTemplates, setSetting } from '../../utils/db';
import { useDb } from '../db-context';
import { useLive } from '../ui/live';
import { parseJsonText, type Problem } from '../../utils/validate';
import { sniffBytes } from '../../utils/io';
import { usePlatform } from '../platform';
import { ProblemList } from './ProblemList';
import { DataTable } from '../ui/DataTable';

/** A 评分表 PDF by its first bytes, whatever its name. */
async function isPdf(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return sniffBytes(head) === 'pdf';
}

/**
 * Import, export and choose rubric templates. A signed 评分表 PDF is verified against the CA this
 * profile's certificate chains to (or the trust list) and becomes the template of new
 * observations; JSON is the hand-made way. A bad file is refused whole, naming why.
 */
export function TemplateManager() {
  const platform = usePlatform();
  const db = useDb();
  const rows = useLive(() => listTemplates(db), [db]) ?? [];
  const active = useLive(() => getSetting<string>(db, ACTIVE_TEMPLATE_KEY), [db]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState('');

  const onFile = async (file: File | undefined) => {
    setProblems([]);
    setMessage('');
    if (!file) return;
    if (file.size > 5_000_000) {
      setProblems([{ path: file.name, message: '文件超过 5 MB，不像是评分表' }]);
      return;
    }
    if (await isPdf(file)) {
      const r = await importRubricSheet(db, new Uint8Array(await file.arrayBuffer()));
      if (!r.ok) {
        setProblems([{ path: file.name, message: `评分表未通过核验：${r.reason}` }]);
        return;
      }
      setMessage(
        `已导入 ${r.signer} 发布的评分表「${r.template.title}」（第 ${r.template.version} 版${r.replaced ? `，取代第 ${r.replaced} 版` : ''}），新建巡听记录将使用它；已开始的记录仍用原来的评分表`,
      );
      return;
    }
    const json = parseJsonText(await file.text(), '模板文件');
    const result = json.ok ? await importTemplate(db, json.value) : json;
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setMessage(`已导入评分表「${result.value.title}」（第 ${result.value.version} 版）`);
  };
  return (
    <section class="card" aria-labelledby="h-templates">
      <h2 id="h-templates">评分表模板</h2>
      <DataTable columns={['名称', '版本', '评分项', '操作']}>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              {r.title}
              {(active ?? rows[0]?.id) === r.id && <strong>（当前使用）</strong>}
            </td>
            <td>
              {r.version}
              {r.publishedBy && (
                <small>
                  （{r.publishedBy.cn} 签名发布{r.publishedBy.publishedAt ? `，${r.publishedBy.publishedAt.slice(0, 10)}` : ''}）
                </small>
              )}
            </td>
            <td>{r.template.sections.reduce((n, s) => n + s.items.length, 0)}</td>
            <td>
              <button type="button" class="link" onClick={() => void setSetting(db, ACTIVE_TEMPLATE_KEY, r.id)}>
                设为当前
              </button>
              <button
                type="button"
                class="link"
                onClick={() =>
                  void platform.saveFile(`${r.title}-v${r.version}.json`, new Blob([JSON.stringify(r.template, null, 2)], { type: 'application/json' }))
                }
              >
                导出 JSON
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <div class="field">
        <label for="template-file">导入评分表（巡听办发布的签名 PDF，或 JSON 文件）</label>
        <input id="template-file" type="file" accept=".pdf,application/pdf,.json,application/json" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      </div>
      {message && <p role="status">{message}</p>}
      <ProblemList title="评分表未导入" problems={problems} />
    </section>
  );
}
