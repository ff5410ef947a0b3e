/**
 * The tree editor of one draft version: title, sections and their items, grade bands. Every
 * change is validated at once (the `template check` rules) and each message shown at its field;
 * the section maxima and the total follow the typing. Beside it, the observer's form as it will
 * look in the 360 px panel.
 */
import { useMemo, useState } from 'preact/hooks';
import { templateEdit as E, validateTemplate, type RubricTemplate } from '../../utils/rubric';
import { EditNumber, EditText } from './EditorFields';
import { fieldProblems } from './field-problems';
import { FormPreview } from './FormPreview';
import { ItemEditor } from './ItemEditor';

const pts = (n: number) => String(Math.round(n * 100) / 100);

export function TemplateEditor({ draft, onChange }: { draft: RubricTemplate; onChange(t: RubricTemplate): void }) {
  const problems = useMemo(() => {
    const v = validateTemplate(draft);
    return fieldProblems(v.ok ? [] : v.problems);
  }, [draft]);
  const maxima = E.templateMaxima(draft);
  const [dragging, setDragging] = useState<{ si: number; ii: number } | null>(null);
  const set = (t: RubricTemplate) => onChange(t);
  const dropAt = (si: number, ii: number) => {
    if (dragging) set(E.moveItem(draft, dragging, { si, ii }));
    setDragging(null);
  };
  return (
    <div class="tpl-editor">
      <div class="tpl-tree">
        <EditText id="tpl-title" label="评分表名称" value={draft.title} error={problems.at('$.title')} onValue={(title) => set({ ...draft, title })} wide />
        <EditText
          id="tpl-description"
          label="说明（可选）"
          value={draft.description ?? ''}
          error={problems.at('$.description')}
          onValue={(description) => set({ ...draft, description: description || undefined })}
          area
        />
        <p class="tpl-total" aria-live="polite">
          共 {draft.sections.length} 个部分、{draft.sections.reduce((n, s) => n + s.items.length, 0)} 个评分项，满分合计 <strong>{pts(maxima.total)}</strong> 分
        </p>
        {problems.at('$.sections') && (
          <p class="error" role="alert">
            {problems.at('$.sections')}
          </p>
        )}
        {draft.sections.map((s, si) => {
          const sp = `$.sections[${si}]`;
          const sname = s.title.trim() || `第 ${si + 1} 部分`;
          return (
            <section
              key={s.id}
              class="card tpl-section"
              aria-label={`部分：${sname}`}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                dropAt(si, s.items.length);
              }}
            >
              <div class="row wrap">
                <EditText
                  id={`tpl-s${si}-title`}
                  label={`第 ${si + 1} 部分名称`}
                  value={s.title}
                  error={problems.at(`${sp}.title`)}
                  onValue={(title) => set(E.updateSection(draft, si, { title }))}
                  wide
                />
                <span class="tpl-max">本部分满分 {pts(maxima.sections[si])} 分</span>
              </div>
              {problems.at(`${sp}.id`) && (
                <p class="error" role="alert">
                  {problems.at(`${sp}.id`)}
                </p>
              )}
              {problems.at(`${sp}.items`) && (
                <p class="error" role="alert">
                  {problems.at(`${sp}.items`)}
                </p>
              )}
              {s.items.map((item, ii) => (
                <ItemEditor
                  key={item.id}
                  item={item}
                  path={`${sp}.items[${ii}]`}
                  number={`${si + 1}.${ii + 1}`}
                  problems={problems}
                  first={ii === 0}
                  last={ii === s.items.length - 1}
                  act={{
                    change: (patch) => set(E.updateItem(draft, si, ii, patch)),
                    move: (d) => set(E.moveItem(draft, { si, ii }, { si, ii: ii + d })),
                    duplicate: () => set(E.duplicateItem(draft, si, ii)),
                    remove: () => set(E.removeItem(draft, si, ii)),
                    dragStart: () => setDragging({ si, ii }),
                    drop: () => dropAt(si, ii),
                  }}
                />
              ))}
              <div class="row wrap">
                <button type="button" onClick={() => set(E.addItem(draft, si))}>
                  在「{sname}」中添加评分项
                </button>
                <span class="tpl-spacer" />
                <button
                  type="button"
                  class="link"
                  disabled={si === 0}
                  aria-label={`上移部分「${sname}」`}
                  onClick={() => set(E.moveSection(draft, si, si - 1))}
                >
                  上移
                </button>
                <button
                  type="button"
                  class="link"
                  disabled={si === draft.sections.length - 1}
                  aria-label={`下移部分「${sname}」`}
                  onClick={() => set(E.moveSection(draft, si, si + 1))}
                >
                  下移
                </button>
                <button type="button" class="link" aria-label={`复制部分「${sname}」`} onClick={() => set(E.duplicateSection(draft, si))}>
                  复制
                </button>
                <button type="button" class="link" aria-label={`删除部分「${sname}」`} onClick={() => set(E.removeSection(draft, si))}>
                  删除
                </button>
              </div>
            </section>
          );
        })}
        <button type="button" onClick={() => set(E.addSection(draft))}>
          添加部分
        </button>
        <fieldset class="card tpl-bands">
          <legend>等次（按下限从高到低，最低一档下限为 0）</legend>
          {problems.at('$.bands') && (
            <p class="error" role="alert">
              {problems.at('$.bands')}
            </p>
          )}
          {draft.bands.map((b, bi) => (
            <div class="row wrap" key={bi}>
              <EditText
                id={`tpl-band${bi}-grade`}
                label={`第 ${bi + 1} 档名称`}
                value={b.grade}
                error={problems.at(`$.bands[${bi}].grade`)}
                onValue={(grade) => set(E.updateBand(draft, bi, { grade }))}
              />
              <EditNumber
                id={`tpl-band${bi}-min`}
                label="下限（分）"
                value={b.min}
                error={problems.at(`$.bands[${bi}].min`)}
                onValue={(min) => set(E.updateBand(draft, bi, { min }))}
              />
              <button type="button" class="link" aria-label={`删除等次第 ${bi + 1} 档`} onClick={() => set(E.removeBand(draft, bi))}>
                删除
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set(E.addBand(draft))}>
            添加等次
          </button>
        </fieldset>
      </div>
      <FormPreview template={draft} />
    </div>
  );
}
