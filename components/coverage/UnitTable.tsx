import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Coverage } from '../../utils/coverage';
import { buildUnitIndex, UNIT_CATEGORIES } from '../../utils/roster';
import { uid } from '../ui/fields';
import {
  filterRows,
  NO_FILTER,
  nextSort,
  sortRows,
  unitRows,
  type PinyinIndex,
  type SortKey,
  type StatusFilter,
  type TableFilter,
  type TableSort,
} from './unit-table-sort';
import { scoreText, STATUS_CLASS } from './coverage-text';

/** The columns, in order, by what they sort by: every sort key has its header (the compiler checks). */
const COLUMNS: Record<SortKey, string> = {
  name: '单位名称',
  category: '类别',
  planned: '计划',
  date: '巡听日期',
  observers: '巡听人员',
  total: '得分',
  grade: '等次',
  status: '状态',
};

const STATUS_OPTIONS: Record<StatusFilter, string> = {
  all: '全部',
  covered: '已覆盖',
  'not-covered': '未覆盖',
  'plan-unmet': '计划未完成',
  unplanned: '计划外覆盖',
};

const DIR_TEXT = { ascending: '升序', descending: '降序' } as const;

/** Pinyin of the roster for the search box, built once the pinyin dictionary has loaded (empty until then). */
function usePinyin(c: Coverage): PinyinIndex | undefined {
  const [index, setIndex] = useState<PinyinIndex>();
  useEffect(() => {
    let live = true;
    void buildUnitIndex(c.units.map((u) => u.unit)).then((entries) => live && setIndex(new Map(entries.map((e) => [e.unit.id, e]))));
    return () => {
      live = false;
    };
  }, [c.units]);
  return index;
}

/**
 * 单位明细: every active unit with its plan, sessions, score, grade and status. Column headers
 * sort (ascending, then descending); the search box matches names and pinyin initials; status
 * and category narrow the list; a live count says how many of how many are shown.
 */
export function UnitTable({ coverage }: { coverage: Coverage }) {
  const [ids] = useState(() => ({ query: uid('cov-q'), status: uid('cov-status'), category: uid('cov-cat'), count: uid('cov-count') }));
  const [sort, setSort] = useState<TableSort | null>(null);
  const [filter, setFilter] = useState<TableFilter>(NO_FILTER);
  const pinyin = usePinyin(coverage);
  const rows = useMemo(() => unitRows(coverage), [coverage]);
  const gradeOrder = useMemo(() => coverage.grades.map((g) => g.grade), [coverage.grades]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter, pinyin), sort, gradeOrder), [rows, filter, pinyin, sort, gradeOrder]);
  const categories = UNIT_CATEGORIES.filter((cat) => coverage.units.some((u) => u.unit.category === cat));
  const patch = (p: Partial<TableFilter>) => setFilter((f) => ({ ...f, ...p }));

  return (
    <>
      <div class="cov-filters">
        <div class="field">
          <label for={ids.query}>查找单位</label>
          <input
            id={ids.query}
            type="search"
            value={filter.query}
            placeholder="名称或拼音首字母"
            autoComplete="off"
            onInput={(e) => patch({ query: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={ids.status}>状态</label>
          <select id={ids.status} value={filter.status} onChange={(e) => patch({ status: e.currentTarget.value as StatusFilter })}>
            {Object.entries(STATUS_OPTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={ids.category}>类别</label>
          <select id={ids.category} value={filter.category} onChange={(e) => patch({ category: e.currentTarget.value })}>
            <option value="">全部</option>
            {categories.map((cat) => (
              <option key={cat} value={cat}>
                {cat}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={ids.count} class="hint" role="status" aria-live="polite">
        显示 {shown.length} / {rows.length}
      </p>
      <div class="scroll-x">
        <table class="data cov-units" aria-label="单位明细" aria-describedby={ids.count}>
          <thead>
            <tr>
              {(Object.entries(COLUMNS) as [SortKey, string][]).map(([key, label]) => {
                const dir = sort?.key === key ? sort.dir : undefined;
                return (
                  <th key={key} scope="col" aria-sort={dir}>
                    <button type="button" class="cov-sort" onClick={() => setSort((s) => nextSort(s, key))}>
                      {label}
                      <span class="cov-sort-mark" aria-hidden="true">
                        {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}
                      </span>
                      {dir && <span class="sr-only">（{DIR_TEXT[dir]}）</span>}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const u = row.coverage;
              return (
                <tr key={u.unit.id} class={STATUS_CLASS[row.status]}>
                  <th scope="row">{u.unit.name}</th>
                  <td>{u.unit.category}</td>
                  <td>{row.planned}</td>
                  <td class="cov-nums">{row.dates}</td>
                  <td>{row.observers}</td>
                  <td class="cov-nums">{scoreText(u.latestTotal)}</td>
                  <td>{u.latestGrade ?? ''}</td>
                  <td class="cov-status">{row.status}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p class="empty">{rows.length ? '没有符合条件的单位。' : '名单中没有在册单位。'}</p>}
    </>
  );
}
