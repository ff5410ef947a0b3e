export * from './types';
export { validateRecord, parseRecordJson } from './record-schema';
export { createRecord, finalizeProblems, finalizeRecord, reviseRecord, newId, localTime, pad2 } from './record-ops';
