/** The validator's problems by JSON path, so each field shows its own message as you type. */
import type { Problem } from '../../utils/validate';

export interface FieldProblems {
  /** Messages at exactly `path`. */
  at(path: string): string;
  /** How many problems there are in all. */
  count: number;
}

export function fieldProblems(problems: readonly Problem[]): FieldProblems {
  const by = new Map<string, string[]>();
  for (const p of problems) by.set(p.path, [...(by.get(p.path) ?? []), p.message]);
  return { at: (path) => (by.get(path) ?? []).join('；'), count: problems.length };
}
