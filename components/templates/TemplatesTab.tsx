/**
 * The dashboard's 评分表 tab: every template with its versions (published ones fixed, with their
 * dates and what changed), a new template from nothing, the editor of the open draft, the blank
 * 评分表 preview and publishing: the PDF signed by the identity this profile's CA issues it.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  blankTemplate,
  deleteRubricDraft,
  draftOf,
  listRubricVersions,
  markPublished,
  publisherIdentity,
  saveRubricDraft,
  type RubricVersionRow,
  type XuntingDB,
} from '../../utils/db';
import { describeDiff, diffTemplates, validateTemplate, type RubricTemplate } from '../../utils/rubric';
import { usePlatform } from '../platform';
import { loadSheetFonts } from '../report/report-fonts';
import { Outcome } from '../ui/fields';
import { errorMessage } from '../ui/errors';
import { TemplateEditor } from './TemplateEditor';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

export function TemplatesTab({ db }: { db: XuntingDB }) {
  const platform = usePlatform();
  const [rows, setRows] = useState<RubricVersionRow[]>([]);
  const [draft, setDraft] = useState<RubricTemplate | null>(null);
  const [previewUrl, setPreviewUrl] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = async () => setRows(await listRubricVersions(db));
  useEffect(() => void refresh(), []);
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);

  const act = async (f: () => Promise<string | void>) => {
    setMessage('');
    setError('');
    setBusy(true);
    try {
      const m = await f();
      if (m) setMessage(m);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  const edit = (t: RubricTemplate) => {
    setDraft(t);
    void saveRubricDraft(db, t).then(refresh, (e: unknown) => setError(errorMessage(e)));
  };
  const open = (id: string) => act(async () => setDraft((await draftOf(db, id)).template));
  const create = () =>
    act(async () => {
      const t = blankTemplate(`tpl-${Date.now().toString(36)}`, '');
      await saveRubricDraft(db, t);
      setDraft(t);
    });
  const preview = (t: RubricTemplate) =>
    act(async () => {
      const { renderRubricSheet } = await import('../../utils/template-publish');
      const pdf = renderRubricSheet(t, await loadSheetFonts(platform, t));
      setPreviewUrl(URL.createObjectURL(new Blob([pdf.slice().buffer], { type: 'application/pdf' })));
    });
  const publish = (t: RubricTemplate) =>
    act(async () => {
      const { publishRubricSheet } = await import('../../utils/template-publish');
      const at = new Date();
      const pdf = await publishRubricSheet(t, await loadSheetFonts(platform, t), await publisherIdentity(db, at), at);
      const blob = new Blob([pdf.slice().buffer], { type: 'application/pdf' });
      const done = await markPublished(db, t, blob, at);
      if (!done.ok) throw new Error(done.problems[0].message);
      const fileName = `评分表-${t.title}-第${t.version}版.pdf`;
      await platform.saveFile(fileName, blob);
      setDraft(null);
      return `已发布「${t.title}」第 ${t.version} 版并下载 ${fileName}：请发给巡听人员，在「选项 → 评分表模板」中导入`;
    });

  const ids = [...new Set(rows.map((r) => r.id))];
  const valid = draft ? validateTemplate(draft) : null;
  return (
    <div class="templates-tab">
      <section class="card" aria-labelledby="h-tpl-list">
        <h2 id="h-tpl-list">评分表</h2>
        {ids.map((id) => {
          const versions = rows.filter((r) => r.id === id);
          return (
            <div key={id} class="tpl-versions">
              <h3>{versions[0].template.title || '（未命名评分表）'}</h3>
              <ul>
                {versions.map((v, i) => {
                  const older = versions.slice(i + 1).find((o) => o.status === 'published');
                  return (
                    <li key={v.version}>
                      第 {v.version} 版：{v.status === 'published' ? `已发布 ${day(v.publishedAt)}` : `草稿（${day(v.updatedAt)} 修改）`}
                      {older && `；与第 ${older.version} 版相比：${describeDiff(diffTemplates(older.template, v.template))}`}
                      {v.pdf && (
                        <button type="button" class="link" onClick={() => void platform.saveFile(`评分表-${v.template.title}-第${v.version}版.pdf`, v.pdf!)}>
                          下载评分表 PDF
                        </button>
                      )}
                      {v.status === 'draft' && (
                        <button type="button" class="link" onClick={() => void act(async () => (await deleteRubricDraft(db, v.id, v.version), setDraft(null)))}>
                          删除草稿
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
              <button type="button" disabled={busy} onClick={() => void open(id)}>
                {versions[0].status === 'draft' ? '继续编辑草稿' : `修改（新建第 ${versions[0].version + 1} 版草稿）`}
              </button>
            </div>
          );
        })}
        <button type="button" disabled={busy} onClick={() => void create()}>
          新建评分表
        </button>
        <Outcome message={message} error={error} />
      </section>
      {draft && (
        <section class="card" aria-labelledby="h-tpl-edit">
          <h2 id="h-tpl-edit">
            编辑「{draft.title || '未命名评分表'}」第 {draft.version} 版（草稿，自动保存）
          </h2>
          <TemplateEditor draft={draft} onChange={edit} />
          <div class="row wrap">
            <button type="button" disabled={busy || !valid?.ok} onClick={() => void preview(draft)}>
              预览空白评分表 PDF
            </button>
            <button type="button" class="primary" disabled={busy || !valid?.ok} onClick={() => void publish(draft)}>
              发布第 {draft.version} 版
            </button>
            {valid && !valid.ok && <span class="error">还有 {valid.problems.length} 处问题，改正后才能发布</span>}
          </div>
          {previewUrl && <iframe class="tpl-pdf" title="空白评分表预览" src={previewUrl} />}
        </section>
      )}
    </div>
  );
}
