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
  /**
   * Points awarded (or, for a deduction item, points deducted); null = not yet scored. A
   * deduction item starts null too: it counts once the observer sets it (0 = 无扣分).
   */
  value: number | null;
  na: boolean;
  note: string;
  /**
   * What the observer typed when the form refused it (off the step grid, out of range, not a
   * number), kept so a reload shows exactly that text with its message. `value` is then null,
   * so readers that do not know this field (it is stripped by older versions) see the item as
   * unscored too. Absent once the entry is accepted; a final record never has it.
   */
  entered?: string;
}

/** Fields besides scores whose typed text can be refused; keys name the record path. */
export const ENTERED_FIELDS = ['startTime', 'endTime', 'attendance.expected', 'attendance.present', 'attendance.onLeave'] as const;
export type EnteredField = (typeof ENTERED_FIELDS)[number];

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
  /**
   * Text typed into a field that refused it (e.g. 应到 "三十", 开始时间 "9点半"), by field; the
   * field itself keeps null/"" meanwhile. Same idea as ItemScore.entered; absent when none.
   */
  entered?: Partial<Record<EnteredField, string>>;
  /**
   * Observer groups (巡听组) scoring independently (optional; absent in a record one observer
   * filled for the whole group). Older readers drop it and still read the record.
   */
  group?: GroupInfo;
}

/** One observer's own entry for an item, as they submitted it (no note: notes stay on their sheet). */
export interface IndependentEntry {
  value: number | null;
  na: boolean;
}

/** One group member's independent scores, as read from their signed 独立评分表 (or the lead's own). */
export interface IndependentScores {
  /** The member's name (the record's 组员 name, else the certificate's CN). */
  name: string;
  role: 'lead' | 'member';
  /** The certificate that signed the member's sheet; null for the lead's own (unsigned) entries. */
  signer: { cn: string; fingerprint: string } | null;
  /** ISO time the member finalised their sheet. */
  submittedAt: string | null;
  scores: Record<string, IndependentEntry>;
}

/**
 * Group scoring. A member's record (`role: "member"`) carries that member's own scores in
 * `scores`; it is submitted as a signed 独立评分表 and never counts as a report. The lead's
 * record (`role: "lead"`), once reconciled, carries every member's independent scores in
 * `independent` and the agreed scores in `scores`: each the members' mean rounded half up to
 * the item's step (utils/group), unless listed in `overrides`.
 */
export interface GroupInfo {
  role: 'lead' | 'member';
  /** Whose scores these are: the member (a member record) or the lead. */
  member: string;
  /** The group's name (第一巡听组), when known. */
  name?: string;
  /** Lead only, after reconciliation: every member's independent scores, the lead's own first. */
  independent?: IndependentScores[];
  /** Lead only: items whose agreed score the lead set by hand, with the reason (required outside the members' range). */
  overrides?: Record<string, { reason: string }>;
}
