import { useState } from 'preact/hooks';
import { cycleOf, formatScope, parseScope } from '../../utils/coverage';
import { uid } from '../ui/fields';

interface Props {
  text: string;
  onText(text: string): void;
  error?: string;
  /** The year 本年度 stands for (the current calendar year). */
  currentYear: number;
  /** A year on which a 两年一轮 cycle starts. */
  cycleStartYear?: number;
}

/** 统计范围: a year or a cycle typed in, or chosen with 本年度 / 两年一轮; the problem shown when it is not one. */
export function ScopeControl({ text, onText, error, currentYear, cycleStartYear }: Props) {
  const [ids] = useState(() => ({ input: uid('cov-scope'), hint: uid('cov-scope-hint'), error: uid('cov-scope-err') }));
  const parsed = parseScope(text);
  const quick = [
    { label: '本年度', text: String(currentYear) },
    { label: '两年一轮', text: formatScope(cycleOf(currentYear, cycleStartYear)) },
  ];
  return (
    <div class="cov-scope">
      <div class="field">
        <label for={ids.input}>统计范围（年度或起止年度）</label>
        <input
          id={ids.input}
          type="text"
          inputMode="numeric"
          value={text}
          placeholder="如 2026 或 2026-2027"
          autoComplete="off"
          class={error ? 'invalid' : undefined}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
          onInput={(e) => onText(e.currentTarget.value)}
        />
        <p id={ids.hint} class="hint">
          输入年份（如 {currentYear}）查看一个年度，输入起止年份（如 {formatScope(cycleOf(currentYear, cycleStartYear))}）查看两年一轮。
        </p>
      </div>
      <div class="row wrap" role="group" aria-label="快速选择统计范围">
        {quick.map((q) => (
          <button key={q.label} type="button" class="chip" aria-pressed={parsed.ok && formatScope(parsed.value) === q.text} onClick={() => onText(q.text)}>
            {q.label}（{q.text}）
          </button>
        ))}
      </div>
      {error && (
        <p id={ids.error} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
