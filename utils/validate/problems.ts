import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

/** One thing wrong with an input: where (a JSON path such as `$.sections[0].items[2].max`) and what, in Chinese. */
export interface Problem {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

// Zod's JIT probes `new Function`, which a strict extension CSP reports as a violation.
z.config({ jitless: true });
const zhErrors = zhCN().localeError;

/** `['sections', 0, 'items', 2, 'max']` → `$.sections[0].items[2].max` */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Run a zod schema and turn its issues into Problems with Chinese messages. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input, { error: zhErrors });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}

/** JSON.parse with a Chinese message that says where the syntax error is. */
export function parseJsonText(text: string, what: string): Validated<unknown> {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ path: '$', message: `${what}不是有效的 JSON：${detail}` }] };
  }
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}：${p.message}`).join('\n');
}
