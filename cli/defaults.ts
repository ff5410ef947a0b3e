/** The built-in template, roster and observer names the extension ships (public/defaults). */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateTemplate, type RubricTemplate } from '../utils/rubric';
import { validatePlan, type Plan } from '../utils/plan';
import { parseRosterText, type Unit } from '../utils/roster';
import { formatProblems } from '../utils/validate';

// Built from the file's path, not new URL(…, import.meta.url): Vite rewrites that form into an
// http:// asset URL in browser-like test environments.
const dir = `${resolve(dirname(fileURLToPath(import.meta.url)), '../public/defaults')}/`;

function read(name: string): string {
  try {
    return readFileSync(`${dir}${name}`, 'utf8');
  } catch {
    throw new Error(`缺少内置数据文件 public/defaults/${name}`);
  }
}

export function defaultTemplate(): RubricTemplate {
  const v = validateTemplate(JSON.parse(read('rubric-default.json')));
  if (!v.ok) throw new Error(`内置评分表 public/defaults/rubric-default.json 无效：\n${formatProblems(v.problems)}`);
  return v.value;
}

export function defaultUnits(): Unit[] {
  const v = parseRosterText(read('units.json'));
  if (!v.ok) throw new Error(`内置单位名单 public/defaults/units.json 无效：\n${formatProblems(v.problems)}`);
  return v.value.units;
}

export function defaultObserverNames(): string[] {
  try {
    const data = JSON.parse(read('observers.json')) as { observers?: { name?: unknown }[] };
    return (data.observers ?? []).map((o) => o.name).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  } catch {
    return [];
  }
}

/** The demo plan of 2026 (40 units) or 2027 (the other 29). */
export function defaultPlan(year: 2026 | 2027): Plan {
  const v = validatePlan(JSON.parse(read(`plan-${year}.json`)));
  if (!v.ok) throw new Error(`内置计划 public/defaults/plan-${year}.json 无效：\n${formatProblems(v.problems)}`);
  return v.value;
}
