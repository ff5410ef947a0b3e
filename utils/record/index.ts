export * from './types';
export { validateRecord, parseRecordJson, isCalendarDate } from './record-schema';
export { createRecord, finalizeProblems, finalizeRecord, reviseRecord, newId, localTime, pad2 } from './record-ops';
