/**
 * A small table layout on top of `breakLines` (jspdf-autotable knows nothing of 避头尾).
 *
 * - Cells wrap with Chinese line-breaking rules and are justified; a cell may span columns.
 * - A row that fits is drawn whole, its cells centred vertically. A row that does not fit in
 *   the space left is moved to the next page when it is short, and split line by line across
 *   pages when it is tall (never cut, never overlapping); each part is a closed box.
 * - The header row is repeated at the top of every page the table continues on.
 * - `keepWithNext` keeps a row (a section heading) on the same page as the start of the next.
 */
import { PageFlow, RULE } from './page-flow';
import type { TextStyle } from './text-painter';
import type { JustifiedLine } from './line-break';

export type Align = 'left' | 'center' | 'right';

export interface CellBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TableCell {
  text?: string;
  /** Columns this cell spans (default 1). */
  span?: number;
  align?: Align;
  bold?: boolean;
  /** Justify wrapped lines (default true for left-aligned text). */
  justify?: boolean;
  /** Custom content (a signature image): the row gets `minHeight` and never splits. */
  paint?: (box: CellBox) => void;
}

export interface TableRow {
  cells: TableCell[];
  /** Background grey level, 0 (black) … 1 (white). */
  fill?: number;
  keepWithNext?: boolean;
  minHeight?: number;
}

export interface TableStyle {
  text: TextStyle;
  lineHeight: number;
  padX: number;
  padY: number;
  /** Draw cell rules (default true). */
  borders?: boolean;
  /** Rows of fewer lines than this move to the next page rather than split (default 5). */
  splitMinLines?: number;
  /** Vertical alignment of cells in a whole row (default middle; split parts always read top-down). */
  valign?: 'middle' | 'top';
}

export interface TableSpec {
  /** Column widths in points; they should add up to the flow's content width. */
  columns: number[];
  header?: TableRow;
  rows: TableRow[];
  style: TableStyle;
  /** Start the table on a new page rather than split it, when it fits on one page (e.g. signatures). */
  keepTogether?: boolean;
}

interface LaidCell {
  x: number;
  w: number;
  lines: JustifiedLine[];
  align: Align;
  style: TextStyle;
  paint?: (box: CellBox) => void;
}

interface LaidRow {
  row: TableRow;
  cells: LaidCell[];
  lineCount: number;
  /** Height of the whole row. */
  height: number;
  splittable: boolean;
}

function layoutRow(flow: PageFlow, spec: TableSpec, row: TableRow): LaidRow {
  const { style } = spec;
  let col = 0;
  let x = flow.box.left;
  const cells: LaidCell[] = row.cells.map((cell) => {
    const span = Math.max(1, cell.span ?? 1);
    const w = spec.columns.slice(col, col + span).reduce((a, b) => a + b, 0);
    col += span;
    const cellStyle: TextStyle = { ...style.text, bold: cell.bold ?? style.text.bold };
    const align = cell.align ?? 'left';
    const inner = Math.max(1, w - 2 * style.padX);
    const lines = cell.text ? flow.painter.wrap(cell.text, inner, cellStyle, cell.justify ?? align === 'left') : [];
    const laid: LaidCell = { x, w, lines, align, style: cellStyle, paint: cell.paint };
    x += w;
    return laid;
  });
  if (col !== spec.columns.length) throw new Error(`表格行占 ${col} 列，表格有 ${spec.columns.length} 列`);
  const lineCount = Math.max(0, ...cells.map((c) => c.lines.length));
  const height = Math.max(lineCount * style.lineHeight + 2 * style.padY, row.minHeight ?? 0);
  const splittable = !cells.some((c) => c.paint) && lineCount >= (style.splitMinLines ?? 5);
  return { row, cells, lineCount, height, splittable };
}

/** Draw lines [from, from + take) of every cell as one closed box of height `h` at the cursor. */
function drawPart(flow: PageFlow, spec: TableSpec, laid: LaidRow, from: number, take: number, h: number, whole: boolean): void {
  const { doc, painter } = flow;
  const { style } = spec;
  const top = flow.y;
  if (laid.row.fill !== undefined) {
    const g = Math.round(laid.row.fill * 255);
    doc.setFillColor(g, g, g);
    const left = laid.cells[0].x;
    const right = laid.cells[laid.cells.length - 1].x + laid.cells[laid.cells.length - 1].w;
    doc.rect(left, top, right - left, h, 'F');
  }
  for (const cell of laid.cells) {
    if (cell.paint) {
      cell.paint({ x: cell.x, y: top, w: cell.w, h });
      continue;
    }
    const lines = cell.lines.slice(from, from + take);
    if (!lines.length) continue;
    // A whole row centres each cell vertically; the parts of a split row read top-down.
    const offset = whole && style.valign !== 'top' ? (h - 2 * style.padY - lines.length * style.lineHeight) / 2 : 0;
    lines.forEach((line, i) => {
      const lineTop = top + style.padY + offset + i * style.lineHeight;
      const y = PageFlow.baseline(lineTop, cell.style.size, style.lineHeight);
      const inner = cell.w - 2 * style.padX;
      let x = cell.x + style.padX;
      if (cell.align === 'center') x += (inner - line.width) / 2;
      else if (cell.align === 'right') x += inner - line.width;
      painter.drawLine(line.text, x, y, cell.style, cell.align === 'left' ? line.stretch : 0);
    });
  }
  if (style.borders ?? true) {
    doc.setLineWidth(RULE);
    doc.setDrawColor(0, 0, 0);
    for (const cell of laid.cells) doc.rect(cell.x, top, cell.w, h, 'S');
  }
  flow.y = top + h;
}

/** Draw a row, moving it to the next page or splitting it as the space requires. */
function drawRow(flow: PageFlow, spec: TableSpec, laid: LaidRow, pageTop: () => number): void {
  const { lineHeight, padY } = spec.style;
  const minLines = 2;
  let from = 0;
  for (;;) {
    const left = laid.lineCount - from;
    const h = from === 0 ? laid.height : left * lineHeight + 2 * padY;
    if (h <= flow.remaining + 1e-6) {
      drawPart(flow, spec, laid, from, left, h, from === 0);
      return;
    }
    const fresh = Math.abs(flow.y - pageTop()) < 1e-6;
    const fits = Math.floor((flow.remaining - 2 * padY + 1e-6) / lineHeight);
    if (!laid.splittable || fits < minLines || left - fits < minLines) {
      if (!fresh) {
        flow.newPage();
        continue;
      }
      if (!laid.splittable || fits < 1) {
        // Taller than a whole page and unsplittable: draw it rather than loop forever.
        drawPart(flow, spec, laid, from, left, h, from === 0);
        return;
      }
    }
    const take = Math.max(1, Math.min(fits, left - minLines));
    drawPart(flow, spec, laid, from, take, take * lineHeight + 2 * padY, false);
    from += take;
    flow.newPage();
  }
}

/** Column fractions → widths in points that add up to `total` exactly. */
export function columnWidths(fractions: readonly number[], total: number): number[] {
  const w = fractions.map((f) => Math.round(f * total * 100) / 100);
  w[w.length - 1] = Math.round((total - w.slice(0, -1).reduce((a, b) => a + b, 0)) * 100) / 100;
  return w;
}

/** A column as wide as its content (`fit`, points, padding included) or a share of the width left over. */
export type ColumnSpec = { fit: number } | { share: number };

/**
 * Widths from a column spec, adding up to `total` exactly: fitted columns first (scaled down
 * together when they would leave less than a third of the width to the shared ones), then the
 * rest divided among the shared columns in proportion.
 */
export function fitColumns(specs: readonly ColumnSpec[], total: number): number[] {
  const fitted = specs.reduce((sum, c) => sum + ('fit' in c ? c.fit : 0), 0);
  const shares = specs.reduce((sum, c) => sum + ('share' in c ? c.share : 0), 0);
  const room = shares > 0 ? (2 / 3) * total : total;
  const scale = fitted > room ? room / fitted : 1;
  const left = total - fitted * scale;
  return columnWidths(
    specs.map((c) => ('fit' in c ? (c.fit * scale) / total : (left * c.share) / shares / total)),
    total,
  );
}

/** A shaded header row of bold, centred labels. */
export function headerRow(labels: readonly string[], fill: number): TableRow {
  return { fill, cells: labels.map((text) => ({ text, align: 'center' as const, bold: true })) };
}

/** Height of the whole table drawn in one piece. */
export function tableHeight(flow: PageFlow, spec: TableSpec): number {
  const rows = spec.header ? [spec.header, ...spec.rows] : spec.rows;
  return rows.reduce((h, r) => h + layoutRow(flow, spec, r).height, 0);
}

export function drawTable(flow: PageFlow, spec: TableSpec): void {
  const header = spec.header ? layoutRow(flow, spec, spec.header) : null;
  const rows = spec.rows.map((r) => layoutRow(flow, spec, r));
  const { lineHeight, padY } = spec.style;
  const firstPart = (r: LaidRow | undefined) => (r ? Math.min(r.height, r.splittable ? 2 * lineHeight + 2 * padY : r.height) : 0);

  // Start on a new page unless the header and the beginning of the first row fit here
  // (or, for a table kept together, the whole table fits here or would not fit on any page).
  const headerH = header?.height ?? 0;
  const whole = headerH + rows.reduce((h, r) => h + r.height, 0);
  if (spec.keepTogether && whole > flow.remaining && whole <= flow.pageHeight) flow.newPage();
  else if (headerH + firstPart(rows[0]) > flow.remaining) flow.newPage();
  let pageTop = flow.y;
  if (header) drawPart(flow, spec, header, 0, header.lineCount, header.height, true);
  pageTop = flow.y;
  const stop = flow.onNewPage(() => {
    if (header) drawPart(flow, spec, header, 0, header.lineCount, header.height, true);
    pageTop = flow.y;
  });
  try {
    rows.forEach((laid, i) => {
      if (laid.row.keepWithNext && i + 1 < rows.length) {
        const need = laid.height + firstPart(rows[i + 1]);
        if (need > flow.remaining && Math.abs(flow.y - pageTop) > 1e-6) flow.newPage();
      }
      drawRow(flow, spec, laid, () => pageTop);
    });
  } finally {
    stop();
  }
}
