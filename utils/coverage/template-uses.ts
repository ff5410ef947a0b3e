import type { SectionAverage, TemplateUse } from './types';

/** `评分依据：中心组学习巡听旁听评分表第 1 版（30 场）、第 2 版（15 场）` — where the grades and section figures come from; '' without sessions. */
export function templateUsesText(templates: readonly TemplateUse[]): string {
  if (!templates.length) return '';
  return `评分依据：${templates.map((t) => `${t.title}${t.versions.map((v) => `第 ${v.version} 版（${v.sessions} 场）`).join('、')}`).join('；')}`;
}

/** `第 1、2 版` for a section figure drawn from several versions; '' when from one. */
export function sectionVersionsText(s: SectionAverage): string {
  return s.versions.length > 1 ? `第 ${s.versions.join('、')} 版` : '';
}
