/** One item of the template: its fields, each with its message; move, duplicate, remove; drag it elsewhere. */
import type { RubricItem } from '../../utils/rubric';
import { EditCheck, EditNumber, EditText } from './EditorFields';
import type { FieldProblems } from './field-problems';

export interface ItemActions {
  change(patch: Partial<RubricItem>): void;
  move(delta: -1 | 1): void;
  duplicate(): void;
  remove(): void;
  dragStart(): void;
  drop(): void;
}

export function ItemEditor({
  item,
  path,
  number,
  problems,
  first,
  last,
  act,
}: {
  item: RubricItem;
  path: string;
  number: string;
  problems: FieldProblems;
  first: boolean;
  last: boolean;
  act: ItemActions;
}) {
  const id = (f: string) => `tpl-${path.replace(/[^a-z0-9]+/gi, '-')}-${f}`;
  const name = item.title.trim() || `评分项 ${number}`;
  return (
    <fieldset
      class="tpl-item"
      draggable
      onDragStart={(e) => {
        e.dataTransfer?.setData('text/plain', item.id);
        act.dragStart();
      }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        act.drop();
      }}
      onKeyDown={(e) => {
        // Alt+↑ / Alt+↓ move the item from the keyboard, like dragging it.
        if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
          e.preventDefault();
          act.move(e.key === 'ArrowUp' ? -1 : 1);
        }
      }}
    >
      <legend>
        评分项 {number}
        {item.kind === 'deduction' ? '（扣分项）' : ''}
      </legend>
      <div class="row wrap">
        <EditText id={id('title')} label="评分项名称" value={item.title} error={problems.at(`${path}.title`)} onValue={(title) => act.change({ title })} wide />
        <div class="field narrow">
          <label for={id('kind')}>评分方式</label>
          <select id={id('kind')} value={item.kind} onChange={(e) => act.change({ kind: e.currentTarget.value as RubricItem['kind'] })}>
            <option value="score">得分</option>
            <option value="deduction">扣分</option>
          </select>
        </div>
        <EditNumber id={id('max')} label="满分" value={item.max} error={problems.at(`${path}.max`)} onValue={(max) => act.change({ max })} />
        <EditNumber id={id('step')} label="步长" value={item.step} error={problems.at(`${path}.step`)} onValue={(step) => act.change({ step })} />
      </div>
      <EditText
        id={id('guidance')}
        label="测评细则"
        value={item.guidance ?? ''}
        error={problems.at(`${path}.guidance`)}
        onValue={(guidance) => act.change({ guidance })}
        area
      />
      <div class="row wrap">
        <EditCheck id={id('na')} label="允许不适用" checked={item.allowNA} onValue={(allowNA) => act.change({ allowNA })} />
        <EditCheck id={id('required')} label="必评" checked={item.required} onValue={(required) => act.change({ required })} />
        {problems.at(`${path}.id`) && (
          <span class="error" role="alert">
            {problems.at(`${path}.id`)}
          </span>
        )}
        <span class="tpl-spacer" />
        <button type="button" class="link" disabled={first} aria-label={`上移「${name}」`} onClick={() => act.move(-1)}>
          上移
        </button>
        <button type="button" class="link" disabled={last} aria-label={`下移「${name}」`} onClick={() => act.move(1)}>
          下移
        </button>
        <button type="button" class="link" aria-label={`复制「${name}」`} onClick={act.duplicate}>
          复制
        </button>
        <button type="button" class="link" aria-label={`删除「${name}」`} onClick={act.remove}>
          删除
        </button>
      </div>
    </fieldset>
  );
}
