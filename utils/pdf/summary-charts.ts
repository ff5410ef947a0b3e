/**
 * The month-by-month charts of the coverage summary, drawn with jsPDF's vector primitives
 * (no images): a grouped bar chart of planned and newly covered units per month, and a line
 * chart of the cumulative plan against cumulative coverage. Both read in grey-scale print:
 * the series differ by fill (hollow / dark) and by dash and marker, not by colour.
 *
 * A chart is one block in the page flow: legend and axis title above the plot, month labels
 * (and the years, for a cycle) below, a caption (图 N …) at the foot. Labels are measured
 * with the report fonts and left out where they would not fit, never drawn over each other.
 */
import type { jsPDF } from 'jspdf';
import { countTicks, monthName, type Coverage } from '../coverage';
import { PageFlow, RULE } from './page-flow';
import type { TextStyle } from './text-painter';
import { monthsByYear } from './summary-stats';
import { CAPTION, CHART_TEXT } from './report-style';

/** Grey levels, 0 black … 255 white. */
const GREY = { grid: 200, axis: 0, covered: 77, reference: 120 } as const;

const LEGEND_ROW = 18;
const PLOT_HEIGHT = 118;
const LABEL_ROW = 13;
const CAPTION_ROW = 22;

type Marker = 'bar-hollow' | 'bar-dark' | 'line-dashed' | 'line-solid' | 'line-dotted';

interface LegendItem {
  name: string;
  marker: Marker;
}

/** A count axis as its step and top, on the screen charts' ticks (countTicks). */
function niceScale(max: number): { step: number; top: number } {
  const ticks = countTicks(max);
  return { step: ticks[1], top: ticks[ticks.length - 1] };
}

const grey = (doc: jsPDF, g: number) => {
  doc.setDrawColor(g, g, g);
  doc.setFillColor(g, g, g);
};

/** The plot area and its mappings, with the frame, grid, ticks and labels already drawn. */
interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Centre of category i. */
  x(i: number): number;
  y(v: number): number;
  /** Width of one category. */
  band: number;
}

/** The marker of a line series at one point: hollow circles (plan), filled squares (coverage). */
function drawMarker(doc: jsPDF, marker: Marker, x: number, y: number): void {
  if (marker === 'line-dashed') {
    doc.setFillColor(255, 255, 255);
    doc.setDrawColor(0, 0, 0);
    doc.circle(x, y, 1.9, 'FD');
  } else if (marker === 'line-solid') {
    grey(doc, 0);
    doc.rect(x - 1.9, y - 1.9, 3.8, 3.8, 'F');
  }
}

function setLine(doc: jsPDF, marker: Marker): void {
  if (marker === 'line-dashed') {
    doc.setLineWidth(0.9);
    doc.setLineDashPattern([3.5, 2], 0);
    grey(doc, 0);
  } else if (marker === 'line-dotted') {
    doc.setLineWidth(0.6);
    doc.setLineDashPattern([1, 1.6], 0);
    grey(doc, GREY.reference);
  } else {
    doc.setLineWidth(1.2);
    doc.setLineDashPattern([], 0);
    grey(doc, 0);
  }
}

/** A bar outlined in black: hollow (plan) or dark grey (coverage). */
function drawBar(doc: jsPDF, marker: Marker, x: number, y: number, w: number, h: number): void {
  doc.setLineWidth(0.6);
  doc.setLineDashPattern([], 0);
  const fill = marker === 'bar-hollow' ? 255 : GREY.covered;
  doc.setFillColor(fill, fill, fill);
  doc.setDrawColor(0, 0, 0);
  doc.rect(x, y, w, h, 'FD');
}

/** The legend, right-aligned on the row above the plot; the axis title on the left. */
function drawLegend(flow: PageFlow, items: LegendItem[], axisTitle: string, top: number): void {
  const left = flow.box.left;
  const right = flow.box.width - flow.box.right;
  const { doc, painter } = flow;
  const s = CHART_TEXT;
  const baseline = PageFlow.baseline(top, s.size, LEGEND_ROW);
  painter.drawLine(axisTitle, left, baseline, s);
  const swatch = 14;
  const gap = 4;
  const space = 12;
  const widths = items.map((it) => swatch + gap + painter.measure(it.name, s));
  let x = right - widths.reduce((a, b) => a + b, 0) - space * (items.length - 1);
  const mid = top + LEGEND_ROW / 2;
  items.forEach((it, i) => {
    if (it.marker.startsWith('bar')) drawBar(doc, it.marker, x + 2, mid - 4, swatch - 4, 8);
    else {
      setLine(doc, it.marker);
      doc.line(x, mid, x + swatch, mid);
      doc.setLineDashPattern([], 0);
      drawMarker(doc, it.marker, x + swatch / 2, mid);
    }
    painter.drawLine(it.name, x + swatch + gap, baseline, s);
    x += widths[i] + space;
  });
}

/**
 * Frame, grid and labels for the scope's months: y ticks on the left, month labels under each
 * category (numbers only when 「12月」 would not fit), the years under them for a cycle.
 */
function drawPlot(flow: PageFlow, c: Coverage, scale: { step: number; top: number }, top: number, rightMargin: number): Plot {
  const { doc, painter, box } = flow;
  const s = CHART_TEXT;
  const ticks: number[] = [];
  for (let v = 0; v <= scale.top + 1e-9; v += scale.step) ticks.push(v);
  const tickW = Math.max(...ticks.map((v) => painter.measure(String(v), s)));
  const left = box.left + tickW + 6;
  const width = box.width - box.right - rightMargin - left;
  const height = PLOT_HEIGHT;
  const n = c.monthly.length;
  const band = width / Math.max(1, n);
  const plot: Plot = {
    left,
    top,
    width,
    height,
    band,
    x: (i) => left + (i + 0.5) * band,
    y: (v) => top + height - (v / scale.top) * height,
  };

  doc.setLineDashPattern([], 0);
  doc.setLineWidth(RULE);
  for (const v of ticks) {
    const y = plot.y(v);
    grey(doc, v === 0 ? GREY.axis : GREY.grid);
    doc.line(left, y, left + width, y);
    const label = String(v);
    painter.drawLine(label, left - 4 - painter.measure(label, s), y + 0.32 * s.size, s);
  }
  grey(doc, GREY.axis);
  doc.line(left, top, left, top + height);

  const years = monthsByYear(c.monthly);
  const full = painter.measure('12月', s) + 2 <= band;
  const labelTop = top + height + 2;
  c.monthly.forEach((m, i) => {
    const label = full ? monthName(m.month) : String(Number(m.month.slice(5, 7)));
    const w = painter.measure(label, s);
    painter.drawLine(label, plot.x(i) - w / 2, PageFlow.baseline(labelTop, s.size, LABEL_ROW), s);
  });
  if (years.length > 1) {
    let i0 = 0;
    years.forEach(({ year, months }, k) => {
      const x0 = left + i0 * band;
      const x1 = x0 + months.length * band;
      const label = `${year}年`;
      const w = painter.measure(label, s);
      painter.drawLine(label, (x0 + x1 - w) / 2, PageFlow.baseline(labelTop + LABEL_ROW, s.size, LABEL_ROW), s);
      if (k > 0) {
        grey(doc, GREY.axis);
        doc.setLineWidth(RULE);
        doc.line(x0, top + height, x0, labelTop + 2 * LABEL_ROW);
      }
      i0 += months.length;
    });
  }
  return plot;
}

function labelRows(c: Coverage): number {
  return monthsByYear(c.monthly).length > 1 ? 2 : 1;
}

/** Height of a chart block (legend, plot, labels, caption): it is kept whole, so what keeps with it keeps this much. */
export function chartHeight(c: Coverage): number {
  return LEGEND_ROW + 4 + PLOT_HEIGHT + 2 + LABEL_ROW * labelRows(c) + CAPTION_ROW;
}

/** A table's caption (表 N …) at the cursor, centred above the table, like a chart's (图 N …) below it. */
export function tableCaption(flow: PageFlow, text: string): void {
  drawCaption(flow, text, flow.y);
  flow.y += CAPTION_ROW;
}

/** Height of a table caption. */
export const TABLE_CAPTION_HEIGHT = CAPTION_ROW;

/** Rows of a table that must fit under its caption and header for the table to start at the foot of a page. */
export const TABLE_START_ROWS = 2;

/**
 * The height a table needs to start where it is: caption, header and the first TABLE_START_ROWS
 * rows (the rest follows on the next page, under a repeated header), or the whole table when it
 * is kept together. `rowHeights[i]`: the height of row i as drawn.
 */
export function tableStartHeight(headerHeight: number, rowHeights: readonly number[], keepTogether = false): number {
  const rows = keepTogether ? rowHeights : rowHeights.slice(0, TABLE_START_ROWS);
  return TABLE_CAPTION_HEIGHT + headerHeight + rows.reduce((h, r) => h + r, 0);
}

function drawCaption(flow: PageFlow, text: string, top: number): void {
  const w = flow.painter.measure(text, CAPTION);
  flow.painter.drawLine(text, flow.box.left + (flow.contentWidth - w) / 2, PageFlow.baseline(top, CAPTION.size, CAPTION_ROW), CAPTION);
}

/** Value labels over bars, or none when two neighbours' labels would touch. */
function valueLabelsFit(flow: PageFlow, values: number[], pitch: number, s: TextStyle): boolean {
  const widest = Math.max(0, ...values.map((v) => flow.painter.measure(String(v), s)));
  return widest + 1 <= pitch;
}

/**
 * One chart as a block of the flow: a new page unless it fits, the legend and the axis title,
 * the plot frame, the series (`series`, given the plot), the caption.
 */
function drawChart(
  flow: PageFlow,
  c: Coverage,
  chart: { legend: LegendItem[]; scale: { step: number; top: number }; rightMargin: number; caption: string },
  series: (plot: Plot) => void,
): void {
  const height = chartHeight(c);
  flow.ensure(height);
  const top = flow.y;
  drawLegend(flow, chart.legend, '单位数（个）', top);
  series(drawPlot(flow, c, chart.scale, top + LEGEND_ROW + 4, chart.rightMargin));
  flow.doc.setLineDashPattern([], 0);
  drawCaption(flow, chart.caption, top + height - CAPTION_ROW);
  flow.y = top + height;
}

/** 图: planned entries and newly covered units per month, as pairs of bars. */
export function drawMonthlyChart(flow: PageFlow, c: Coverage, caption: string): void {
  const { doc, painter } = flow;
  const s = CHART_TEXT;
  const planned = c.monthly.map((m) => m.planned);
  const covered = c.monthly.map((m) => m.newlyCovered);
  const max = Math.max(0, ...planned, ...covered);
  let scale = niceScale(max);
  // Room above the tallest bar for its value label.
  if (max > scale.top - scale.step * 0.2) scale = { ...scale, top: scale.top + scale.step };
  const legend: LegendItem[] = [
    { name: '计划巡听', marker: 'bar-hollow' },
    { name: '新覆盖', marker: 'bar-dark' },
  ];
  drawChart(flow, c, { legend, scale, rightMargin: 4, caption }, (plot) => {
    const bw = Math.min(12, plot.band * 0.34);
    const gap = Math.min(1.5, plot.band * 0.04);
    const labels = valueLabelsFit(flow, [...planned, ...covered], bw + gap, s);
    c.monthly.forEach((_, i) => {
      const cx = plot.x(i);
      const pairs: [number, Marker, number][] = [
        [planned[i], 'bar-hollow', cx - gap / 2 - bw],
        [covered[i], 'bar-dark', cx + gap / 2],
      ];
      for (const [v, marker, x] of pairs) {
        if (v <= 0) continue;
        const y = plot.y(v);
        drawBar(doc, marker, x, y, bw, plot.y(0) - y);
        if (labels) {
          const label = String(v);
          painter.drawLine(label, x + (bw - painter.measure(label, s)) / 2, y - 2, s);
        }
      }
    });
  });
}

/** Labels at the right end of lines, moved apart vertically so none touch. */
function spreadLabels(items: { y: number; text: string }[], minGap: number): { y: number; text: string }[] {
  const sorted = [...items].sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i++) sorted[i].y = Math.max(sorted[i].y, sorted[i - 1].y + minGap);
  return sorted;
}

/**
 * 图: cumulative planned entries against cumulative coverage, with the roster's size as a
 * dotted reference. Coverage is drawn up to `asOfMonth` (YYYY-MM), or to the last month with
 * records when that is later: months still to come are not drawn as a flat line.
 */
export function drawCumulativeChart(flow: PageFlow, c: Coverage, asOfMonth: string, caption: string): void {
  const { doc, painter } = flow;
  const s = CHART_TEXT;
  const planned = c.monthly.map((m) => m.cumulativePlanned);
  // Up to the month of the figures, or further when records of later months are in.
  const lastActive = c.monthly.reduce((last, m, i) => (m.sessions > 0 || m.newlyCovered > 0 ? i + 1 : last), 0);
  const shown = Math.max(lastActive, c.monthly.filter((m) => m.month <= asOfMonth).length);
  const covered = c.monthly.slice(0, shown).map((m) => m.cumulativeCovered);
  const units = c.totals.units;
  const scale = niceScale(Math.max(units, ...planned, ...covered));
  const reference = `在册 ${units}`;
  const rightMargin = Math.max(painter.measure(reference, s), painter.measure(String(Math.max(units, 999)), s)) + 8;
  const legend: LegendItem[] = [
    { name: '累计计划', marker: 'line-dashed' },
    { name: '累计覆盖', marker: 'line-solid' },
    { name: '在册单位', marker: 'line-dotted' },
  ];
  drawChart(flow, c, { legend, scale, rightMargin, caption }, (plot) => {
    setLine(doc, 'line-dotted');
    const refY = plot.y(units);
    doc.line(plot.left, refY, plot.left + plot.width, refY);

    const polyline = (values: number[], marker: Marker) => {
      if (!values.length) return;
      setLine(doc, marker);
      for (let i = 1; i < values.length; i++) doc.line(plot.x(i - 1), plot.y(values[i - 1]), plot.x(i), plot.y(values[i]));
      doc.setLineDashPattern([], 0);
      values.forEach((v, i) => drawMarker(doc, marker, plot.x(i), plot.y(v)));
    };
    polyline(planned, 'line-dashed');
    polyline(covered, 'line-solid');

    const ends: { y: number; text: string }[] = [{ y: refY, text: reference }];
    if (planned.length && planned[planned.length - 1] !== units)
      ends.push({ y: plot.y(planned[planned.length - 1]), text: String(planned[planned.length - 1]) });
    if (covered.length) {
      // The latest coverage is labelled at its own point when the line stops early: above it,
      // or below it when the plan's line runs above (away from the other line).
      const i = covered.length - 1;
      const label = String(covered[i]);
      if (i < c.monthly.length - 1) {
        const w = painter.measure(label, s);
        const y = plot.y(covered[i]);
        painter.drawLine(label, plot.x(i) - w / 2, covered[i] >= planned[i] ? y - 4 : y + 4 + 0.88 * s.size, s);
      } else ends.push({ y: plot.y(covered[i]), text: label });
    }
    for (const e of spreadLabels(ends, s.size + 1)) painter.drawLine(e.text, plot.left + plot.width + 4, e.y + 0.32 * s.size, s);
  });
}
