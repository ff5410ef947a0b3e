/** utils/group: observer groups — independent scores, reconciliation, the agreed-score rule. Pure. */
export { AGREED_RULE_TEXT, agreedEntry } from './agreed-score';
export { reconcile } from './reconcile';
export { memberRefusal } from './check-member';
export { mergeGroup, leadEntries, memberEntries, sheetRefusal } from './merge-group';
export type { MemberSheet } from './merge-group';
export { setAgreedScore, setOverrideReason } from './set-agreed';
