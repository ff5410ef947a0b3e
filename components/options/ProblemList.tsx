import type { Problem } from '../../utils/validate';

/** Every problem of a refused import, with where it is. */
export function ProblemList({ title, problems }: { title: string; problems: Problem[] }) {
  if (!problems.length) return null;
  const shown = problems.slice(0, 100);
  return (
    <div class="problems" role="alert">
      <p>
        {title}（共 {problems.length} 个问题，未作任何更改）：
      </p>
      <ul>
        {shown.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code>：{p.message}
          </li>
        ))}
      </ul>
      {problems.length > shown.length && <p>……另有 {problems.length - shown.length} 个问题未列出</p>}
    </div>
  );
}
