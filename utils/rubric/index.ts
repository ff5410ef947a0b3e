export * from './types';
export { validateTemplate, parseTemplateJson, MAX_ITEMS } from './template-schema';
export { scoreTemplate, gradeFor, roundTotal, checkItemValue, itemEarned, templateItems, parseItemText } from './score';
export type { SectionScore, ScoreSummary } from './score';
export { diffTemplates, describeDiff } from './template-diff';
export * as templateEdit from './template-edit';
