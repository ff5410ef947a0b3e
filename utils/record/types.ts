import type { RubricTemplate } from '../rubric/types';

/**
 * ObservationRecord `xunting.observation/1`: THE format. The form edits it, the database
 * stores it, the PDF embeds it, the supervisor ingests it, the CLI reads and writes it.
 * All times are local wall-clock strings as the observer wrote them; timestamps are ISO 8601.
 */
export const RECORD_FORMAT = 'xunting.observation/1' as const;
/** The name the record has as the report PDF's attachment (written by utils/pdf, read by utils/sign). */
export const RECORD_ATTACHMENT = 'observation.json';

export type RecordStatus = 'draft' | 'final';

export interface UnitRef {
  /** Roster id of the unit (stable across renames). */
  id: string;
  name: string;
}

export interface Absentee {
  name: string;
  /** 请假 (approved leave) or 缺席 (absent without leave). */
  reason: string;
}

export interface Attendance {
  /** 应到 */
  expected: number | null;
  /** 实到 */
  present: number | null;
  /** 请假 */
  onLeave: number | null;
  absentees: Absentee[];
}

export interface Speaker {
  id: string;
  name: string;
  /** Total speaking time in seconds (accumulated by the tally's start/stop). */
  seconds: number;
  /** Read from a prepared script (照稿念) rather than speaking freely. */
  scripted: boolean;
  /** Running since (ISO), when the tally's timer is on. */
  runningSince?: string | null;
}

export interface TimelineNote {
  id: string;
  /** ISO timestamp when stamped. */
  at: string;
  /** HH:MM shown to the observer and printed. */
  time: string;
  text: string;
}

export interface ItemScore {
  /** Points awarded (or, for a deduction item, points deducted); null = not yet scored. */
  value: number | null;
  na: boolean;
  note: string;
}

export interface Narrative {
  /** 主要做法及亮点 */
  highlights: string;
  /** 存在问题 */
  problems: string;
  /** 意见建议 */
  suggestions: string;
}

export interface Signature {
  /** PNG data URL of the handwritten signature. */
  png: string;
  /** ISO time the signature was drawn. */
  signedAt: string;
}

export interface Observer {
  id: string;
  name: string;
  /** Group lead (组长); exactly one observer is the lead. */
  lead: boolean;
  signature?: Signature | null;
}

export interface ObservationRecord {
  format: typeof RECORD_FORMAT;
  /** UUID of the observation; stays the same across revisions. */
  id: string;
  /** 1 for the first version; each correction after finalising adds one. */
  revision: number;
  status: RecordStatus;
  createdAt: string;
  updatedAt: string;
  finalizedAt: string | null;
  unit: UnitRef;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  startTime: string;
  endTime: string;
  place: string;
  /** 学习主题 */
  theme: string;
  /** 主持人 */
  chair: string;
  attendance: Attendance;
  /** 领学人 */
  leadReader: string;
  speakers: Speaker[];
  timeline: TimelineNote[];
  /** Keyed by rubric item id. */
  scores: Record<string, ItemScore>;
  narrative: Narrative;
  observers: Observer[];
  /** The template the record was scored against, as it was then. */
  template: RubricTemplate;
}
