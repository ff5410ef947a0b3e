export * from './types';
export { validateTemplate, parseTemplateJson, MAX_ITEMS } from './template-schema';
export { scoreTemplate, gradeFor, roundTotal, checkItemValue, itemEarned, templateItems } from './score';
export type { SectionScore, ScoreSummary } from './score';
