/** The observer's scoring form for this template, at the side panel's 360 px, to try it out. */
import { useState } from 'preact/hooks';
import type { ItemScore } from '../../utils/record';
import type { RubricTemplate } from '../../utils/rubric';
import { ScoreItem } from '../observe/ScoreItem';

const blank: ItemScore = { value: null, na: false, note: '' };

export function FormPreview({ template }: { template: RubricTemplate }) {
  const [scores, setScores] = useState<Record<string, ItemScore>>({});
  return (
    <aside class="tpl-preview" aria-label="巡听人员看到的评分表（360 像素侧边栏）">
      <h3>预览：侧边栏中的评分</h3>
      <div class="tpl-phone">
        {template.sections.map((s, si) => (
          <div key={s.id} class="section">
            <h4>
              {si + 1}．{s.title || '（未命名部分）'}
            </h4>
            {s.items.map((item) =>
              Number.isFinite(item.max) && Number.isFinite(item.step) && item.step > 0 ? (
                <ScoreItem
                  key={item.id}
                  item={item}
                  entry={scores[item.id] ?? blank}
                  disabled={false}
                  onChange={(next) => setScores({ ...scores, [item.id]: next })}
                />
              ) : (
                <p key={item.id} class="muted">
                  {item.title || '（未命名评分项）'}：满分或步长尚未填好
                </p>
              ),
            )}
          </div>
        ))}
      </div>
    </aside>
  );
}
