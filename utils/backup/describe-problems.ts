/** A refused backup in a few lines a person can read: the first problems with where they are. */
import type { Problem } from '../validate';

export function describeProblems(problems: readonly Problem[], max = 5): string {
  const lines = problems.slice(0, max).map((p) => `· ${p.path}：${p.message}`);
  if (problems.length > max) lines.push(`……另有 ${problems.length - max} 处问题`);
  return lines.join('\n');
}
