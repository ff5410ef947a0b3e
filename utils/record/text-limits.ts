import { UNIT_NAME_MAX } from '../roster';

/**
 * The longest text each field of a record takes, in UTF-16 code units (what zod's `max` and an
 * input's `maxLength` both count). The record schema refuses anything longer and the observer's
 * form stops typing there, so what the form lets through always validates.
 */
export const TEXT_LIMITS = {
  /** Ids of the unit, speakers, timeline notes, observers. */
  id: 64,
  unitName: UNIT_NAME_MAX,
  place: 200,
  theme: 500,
  /** A person: chair, lead reader, absentee, speaker, observer, group member. */
  personName: 50,
  absenceReason: 200,
  timelineNote: 5000,
  scoreNote: 5000,
  /** What was typed but not accepted (a score or a count), kept to show it again. */
  entered: 100,
  /** Each of 主要做法及亮点, 存在问题, 意见建议. */
  narrative: 20000,
  groupName: 50,
  signerName: 200,
  fingerprint: 128,
  overrideReason: 2000,
} as const;
