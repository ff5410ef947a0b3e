export * from './types';
export { validateRecord, parseRecordJson } from './record-schema';
export { createRecord, finalizeProblems, finalizeRecord, reviseRecord, newId, localDate, localTime, pad2 } from './record-ops';
export type { NewRecordOptions } from './record-ops';
export { supersedes, MAX_REVISION } from './revision-rule';
export type { SignedRevision } from './revision-rule';
