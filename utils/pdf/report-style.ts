/** Type sizes and spacing of the report (points): Song body, bold title, generous leading. */
import type { TableStyle } from './layout-table';
import type { TextStyle } from './text-painter';

export const TITLE: TextStyle = { size: 22, bold: true };
export const META: TextStyle = { size: 10.5 };
export const HEADING: TextStyle = { size: 14, bold: true };
export const BODY: TextStyle = { size: 12 };
export const FOOTER: TextStyle = { size: 10.5 };
export const NOTE: TextStyle = { size: 10.5 };

export const HEADING_LINE = 24;
export const BODY_LINE = 20;
export const GAP_BEFORE_HEADING = 10;

/** 基本情况 table. */
export const HEADER_TABLE: TableStyle = { text: { size: 12 }, lineHeight: 18, padX: 6, padY: 5 };
/** 评分 table. */
export const SCORE_TABLE: TableStyle = { text: { size: 10.5 }, lineHeight: 15.75, padX: 5, padY: 3.5 };
/** 过程记录: a borderless two-column list. */
export const TIMELINE_TABLE: TableStyle = { text: { size: 12 }, lineHeight: 20, padX: 0, padY: 0, borders: false, splitMinLines: 2, valign: 'top' };
/** 巡听人员 table. */
export const OBSERVER_TABLE: TableStyle = { text: { size: 12 }, lineHeight: 18, padX: 6, padY: 5 };
export const SIGNATURE_ROW_HEIGHT = 48;

/** Shading of header and section rows. */
export const HEADER_FILL = 0.9;
export const SECTION_FILL = 0.93;

// The coverage summary (render-summary.ts) uses the same type scale.
/** 总体情况: the figures under their labels. */
export const FIGURES_TABLE: TableStyle = { text: { size: 12 }, lineHeight: 18, padX: 4, padY: 6 };
/** 单位明细 and the other lists of units and sessions: the score table's scale. */
export const LIST_TABLE: TableStyle = { ...SCORE_TABLE };
/** Axis labels, value labels and legends of the charts. */
export const CHART_TEXT: TextStyle = { size: 8 };
/** 图 1 … under a chart. */
export const CAPTION: TextStyle = { size: 10.5 };
/** A table row holding a horizontal bar. */
export const BAR_ROW_HEIGHT = 22;
