export * from './types';
export { validateRecord, parseRecordJson, isCalendarDate } from './record-schema';
export { TEXT_LIMITS } from './text-limits';
export { createRecord, finalizeProblems, finalizeRecord, reviseRecord, unsetUntouchedDeductions, newId, localDate, localTime, pad2 } from './record-ops';
export { applyEnteredText, enteredMessage } from './entered-text';
export { supersedes } from './revision-rule';
export type { SignedRevision } from './revision-rule';
