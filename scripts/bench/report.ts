// PDF report: our jsPDF renderer against pdfmake 0.3 printing the same content with the same fonts.
//  - records: the CLI's demo record (xunting report --demo) and a trimmed copy of it (short score
//    notes, fewer timeline notes, shorter narrative); page counts are read from the output.
//  - warm: fonts loaded once, one render to warm up, then N timed renders (median, p95), ours and
//    pdfmake interleaved so both see the same load on a shared machine.
//  - cold: a fresh `node --import tsx` per render; the child times reading the fonts from disk
//    plus one render (module imports and the record are loaded before the clock starts).
//  - size of the PDF, and a sanity check of both outputs (pdftotext finds the unit and a
//    narrative sentence, pdfinfo gives the page count): a broken peer would make the bench worthless.
// The child processes import this module too, for the pdfmake document definition; keep the
// top level free of heavy imports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Attachment, Content, ContentText, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { median, quantile, ms, type BenchRow } from './stats';
import { demoKit } from './demo';
import type { DeflateOptions } from 'fflate';
import type { ObservationRecord } from '../../utils/record';
import type { TableRow, TableStyle } from '../../utils/pdf/layout-table';

/** pdfmake 0.3 in Node: @types/pdfmake leaves out its virtual file system. */
type Pdfmake = typeof import('pdfmake') & { virtualfs: { writeFileSync(name: string, data: Buffer): void } };

const WARM_N = 15;
const COLD_N = 5;

const root = resolve(import.meta.dirname, '../..');
const at = (p: string) => pathToFileURL(join(root, p)).href;
const FONT_DIR = join(root, 'public/fonts');
const FONT_REGULAR = join(FONT_DIR, 'NotoSerifSC-Regular.ttf');
const FONT_BOLD = join(FONT_DIR, 'NotoSerifSC-Bold.ttf');

// ---------------------------------------------------------------------------------------------
// pdfmake: the report as a document definition, built from the same row builders our renderer uses.

/**
 * pdfmake's `lineHeight` multiplies the font's own line height, (hhea ascent − descent) / unitsPerEm
 * of the size (that is what pdfkit's font.lineHeight(size) returns); our renderer gives line
 * pitches in points. This factor converts one into the other, read from the TTF itself.
 */
function fontLineFactor(file: string) {
  const b = readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0, n = b.readUInt16BE(4); i < n; i++) tables.set(b.toString('latin1', 12 + 16 * i, 16 + 16 * i), b.readUInt32BE(20 + 16 * i));
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`${file}: no ${tag} table`);
    return at;
  };
  const unitsPerEm = b.readUInt16BE(table('head') + 18);
  const hhea = table('hhea');
  return (b.readInt16BE(hhea + 4) - b.readInt16BE(hhea + 6)) / unitsPerEm;
}

/** Load what the pdfmake document definition needs; returns `record → docDefinition`. */
export async function loadPdfmakeBuilder() {
  const { headerRows, HEADER_COLUMNS } = await import('../../utils/pdf/header-rows');
  const { scoreRows, SCORE_COLUMNS, SCORE_HEADER } = await import('../../utils/pdf/score-rows');
  const { OBSERVER_COLUMNS, OBSERVER_HEADER } = await import('../../utils/pdf/observer-rows');
  const { chineseDate, chineseOrdinal, isoDateAt } = await import('../../utils/pdf/format');
  const S = await import('../../utils/pdf/report-style');
  const { A4, RULE } = await import('../../utils/pdf/page-flow');

  const FONT = 'NotoSerifSC';
  const lineFactor = fontLineFactor(FONT_REGULAR);
  /** Our line pitch (pt) at `size` as a pdfmake lineHeight. */
  const lh = (pitch: number, size: number) => pitch / (lineFactor * size);
  const contentWidth = A4.width - A4.left - A4.right;
  const gray = (level: number) =>
    `#${Math.round(level * 255)
      .toString(16)
      .padStart(2, '0')
      .repeat(3)}`;
  /** Column fractions → pdfmake widths (pdfmake's widths exclude cell padding and rules). */
  const widths = (fractions: readonly number[], padX: number, rule: number) =>
    fractions.map((f) => Math.round((f * contentWidth - 2 * padX - rule) * 100) / 100);
  const layout = (style: TableStyle, rule = RULE): CustomTableLayout => ({
    hLineWidth: () => rule,
    vLineWidth: () => rule,
    paddingLeft: () => style.padX,
    paddingRight: () => style.padX,
    paddingTop: () => style.padY,
    paddingBottom: () => style.padY,
  });
  const cellsOf = (row: TableRow, style: TableStyle) => {
    const out: TableCell[] = [];
    for (const c of row.cells) {
      const span = c.span ?? 1;
      out.push({
        text: c.text ?? '',
        colSpan: span > 1 ? span : undefined,
        alignment: c.align ?? (c.justify === false ? 'left' : 'justify'),
        bold: !!c.bold,
        fontSize: style.text.size,
        lineHeight: lh(style.lineHeight, style.text.size),
        fillColor: row.fill === undefined ? undefined : gray(row.fill),
        verticalAlignment: style.valign === 'top' ? 'top' : 'middle',
      });
      for (let i = 1; i < span; i++) out.push({});
    }
    return out;
  };
  const table = (fractions: readonly number[], style: TableStyle, rows: TableRow[], header?: TableRow): Content => ({
    table: {
      widths: widths(fractions, style.padX, style.borders === false ? 0 : RULE),
      headerRows: header ? 1 : 0,
      // Rows move whole to the next page (ours splits only tall rows). Needed too: in pdfmake
      // 0.3.11 a verticalAlignment row split across pages leaves unbalanced q/Q operators and
      // the next page loses its content (pdftotext: "Restoring state when no valid states to pop").
      dontBreakRows: true,
      body: [...(header ? [cellsOf(header, style)] : []), ...rows.map((r) => cellsOf(r, style))],
    },
    layout: style.borders === false ? { ...layout(style, 0), defaultBorder: false } : layout(style),
  });
  const heading = (n: number, text: string): ContentText => ({
    text: `${chineseOrdinal(n)}、${text}`,
    fontSize: S.HEADING.size,
    bold: true,
    lineHeight: lh(S.HEADING_LINE, S.HEADING.size),
    margin: [0, S.GAP_BEFORE_HEADING, 0, 4],
  });
  const paragraphs = (text: string): ContentText[] => {
    const paras = text
      .split(/\r\n|[\n\r\u2028\u2029]/)
      .map((p) => p.replace(/^[\s\u3000]+/, '').replace(/\s+$/, ''))
      .filter(Boolean);
    return (paras.length ? paras : ['无。']).map((p) => ({
      text: p,
      fontSize: S.BODY.size,
      lineHeight: lh(S.BODY_LINE, S.BODY.size),
      alignment: 'justify',
      leadingIndent: 2 * S.BODY.size,
    }));
  };

  return function pdfmakeDocDefinition(r: ObservationRecord): TDocumentDefinitions {
    const title = '巡听旁听情况记录表';
    const left = `评分表：${r.template.title}（第 ${r.template.version} 版）`;
    const right = r.status === 'draft' ? '草稿（未定稿）' : r.revision > 1 ? `修订稿（第 ${r.revision} 版）` : '';
    let n = 1;
    const content: Content[] = [
      { text: title, fontSize: S.TITLE.size, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      {
        columns: [{ text: left, width: '*' }, ...(right ? [{ text: right, width: 'auto' }] : [])],
        columnGap: 16,
        fontSize: S.META.size,
        lineHeight: lh(16, S.META.size),
        margin: [0, 0, 0, 6],
      },
      table(HEADER_COLUMNS, S.HEADER_TABLE, headerRows(r)),
      heading(n++, '评分情况'),
      table(SCORE_COLUMNS, S.SCORE_TABLE, scoreRows(r), SCORE_HEADER),
      heading(n++, '过程记录'),
    ];
    const notes = r.timeline.filter((t) => t.text.trim() || t.time);
    if (notes.length) {
      content.push(
        table(
          [0.12, 0.88],
          S.TIMELINE_TABLE,
          notes.map((t) => ({ cells: [{ text: t.time, justify: false }, { text: t.text.trim() }] })),
        ),
      );
    } else content.push(...paragraphs(''));
    for (const [t, text] of <[string, string][]>[
      ['主要做法及亮点', r.narrative.highlights],
      ['存在问题', r.narrative.problems],
      ['意见建议', r.narrative.suggestions],
    ])
      content.push(heading(n++, t), ...paragraphs(text));

    // 巡听人员: heading and table on one page, signatures as data-URL images.
    const st = S.OBSERVER_TABLE;
    const colW = widths(OBSERVER_COLUMNS, st.padX, RULE);
    const observers = r.observers.filter((o) => o.name.trim());
    const cell = (text: string, extra: Partial<ContentText> = {}): TableCell => ({
      text,
      alignment: 'center',
      fontSize: st.text.size,
      lineHeight: lh(st.lineHeight, st.text.size),
      verticalAlignment: 'middle',
      ...extra,
    });
    const body: TableCell[][] = [
      cellsOf(OBSERVER_HEADER, st),
      ...observers.map((o) => {
        const signedOn = o.signature?.signedAt ? isoDateAt(o.signature.signedAt, 480) : '';
        return [
          cell(o.name),
          cell(o.lead ? '组长' : '组员'),
          o.signature?.png
            ? ({
                image: o.signature.png,
                fit: [colW[2] - 8, S.SIGNATURE_ROW_HEIGHT - 2 * st.padY - 8],
                alignment: 'center',
                verticalAlignment: 'middle',
              } satisfies TableCell)
            : cell(''),
          cell(chineseDate(signedOn)),
        ];
      }),
    ];
    content.push({
      unbreakable: true,
      stack: [
        heading(n++, '巡听人员'),
        {
          table: { widths: colW, headerRows: 1, heights: (i: number) => (i === 0 ? 'auto' : S.SIGNATURE_ROW_HEIGHT - 2 * st.padY), body },
          layout: layout(st),
        },
      ],
    });
    content.push({
      text: `注：本记录表的电子记录（记录编号 ${r.id}，第 ${r.revision} 版）已作为附件 observation.json 嵌入本文件。`,
      fontSize: S.NOTE.size,
      lineHeight: lh(16, S.NOTE.size),
      margin: [0, 8, 0, 0],
    });

    const json = `${JSON.stringify(r, null, 2)}\n`;
    const unit = r.unit.name.trim();
    return {
      pageSize: 'A4',
      pageMargins: [A4.left, A4.top, A4.right, A4.bottom],
      defaultStyle: { font: FONT, fontSize: S.BODY.size },
      info: {
        title: unit ? `${title}—${unit}` : title,
        subject: `理论学习中心组学习巡听旁听记录（${chineseDate(r.date).trim()}）`,
        author: r.observers
          .map((o) => o.name.trim())
          .filter(Boolean)
          .join('、'),
        keywords: 'xunting.observation/1',
        creator: '巡听旁听 Xunting',
        creationDate: new Date(r.updatedAt),
      },
      footer: (page, pages) => ({
        text: `第 ${page} 页 / 共 ${pages} 页`,
        alignment: 'center',
        fontSize: S.FOOTER.size,
        margin: [0, A4.bottom - 34 - S.FOOTER.size, 0, 0],
      }),
      files: {
        // pdfkit writes `type` as the file's /Subtype; @types/pdfmake leaves it out.
        'observation.json': <Attachment & { type: string }>{
          src: `data:application/json;base64,${Buffer.from(json, 'utf8').toString('base64')}`,
          name: 'observation.json',
          type: 'application/json',
          description: `巡听旁听记录（${r.unit.name || '未填单位'}，${r.format}，第 ${r.revision} 版）`,
          relationship: 'Data',
          modifiedDate: new Date(r.updatedAt),
        },
      },
      content,
    };
  };
}

/** pdfmake with our two TTF files registered (read from disk now). */
export async function pdfmakeWithFonts(): Promise<Pdfmake> {
  const pdfmake = (await import('pdfmake')).default as Pdfmake;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.virtualfs.writeFileSync('NotoSerifSC-Regular.ttf', readFileSync(FONT_REGULAR));
  pdfmake.virtualfs.writeFileSync('NotoSerifSC-Bold.ttf', readFileSync(FONT_BOLD));
  pdfmake.setFonts({ NotoSerifSC: { normal: 'NotoSerifSC-Regular.ttf', bold: 'NotoSerifSC-Bold.ttf' } });
  return pdfmake;
}

// ---------------------------------------------------------------------------------------------
// Cold runs: one fresh Node process per render.

const COLD_OURS = `
import { readFileSync } from 'node:fs';
const { record, pdfIndex, nodeFonts, nativeDeflate } = JSON.parse(process.env.XUNTING_BENCH_ARGS);
const r = JSON.parse(readFileSync(record, 'utf8'));
const { renderReport } = await import(pdfIndex);
const { loadReportFonts } = await import(nodeFonts);
(await import(nativeDeflate)).useNativeDeflate(); // as the CLI does at start-up
const t0 = performance.now();
const fonts = loadReportFonts({ ext: false });
const pdf = renderReport(r, fonts);
const t = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms: t, bytes: pdf.length }));
`;

const COLD_PDFMAKE = `
import { readFileSync } from 'node:fs';
const { record, bench } = JSON.parse(process.env.XUNTING_BENCH_ARGS);
const r = JSON.parse(readFileSync(record, 'utf8'));
const { loadPdfmakeBuilder, pdfmakeWithFonts } = await import(bench);
const build = await loadPdfmakeBuilder();
await import('pdfmake');
const t0 = performance.now();
const pdfmake = await pdfmakeWithFonts();
const pdf = await pdfmake.createPdf(build(r)).getBuffer();
const t = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms: t, bytes: pdf.length }));
`;

function coldRun(script: string, args: Record<string, string>): { ms: number; bytes: number; wall: number } {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, XUNTING_BENCH_ARGS: JSON.stringify(args) },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const wall = performance.now() - t0;
  if (p.status !== 0) throw new Error(`cold child failed (${p.status}):\n${p.stderr}`);
  return { ...(JSON.parse(p.stdout) as { ms: number; bytes: number }), wall };
}

// ---------------------------------------------------------------------------------------------

function pdfFacts(file: string) {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (info.status !== 0) throw new Error(`pdfinfo failed on ${file}: ${info.stderr}`);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 16 << 20 });
  // pdftotext reports broken content streams (e.g. unbalanced q/Q) on stderr and carries on.
  if (text.status !== 0 || /error/i.test(text.stderr)) throw new Error(`pdftotext on ${file}: ${text.stderr || `exit ${text.status}`}`);
  const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout ?? '';
  const files = spawnSync('pdfdetach', ['-list', file], { encoding: 'utf8' }).stdout ?? '';
  return { pages, text: text.stdout.replace(/\s+/g, ''), fonts, attached: /observation\.json/.test(files) };
}

/** The output must show the unit and a narrative sentence, or the numbers mean nothing. */
function checkOutput(who: string, file: string, record: ObservationRecord) {
  const f = pdfFacts(file);
  const sentence = record.narrative.highlights.split('\n')[0].replace(/\s+/g, '');
  const missing: string[] = [];
  if (!f.text.includes(record.unit.name)) missing.push(`unit name 「${record.unit.name}」`);
  if (!f.text.includes(sentence)) missing.push(`narrative sentence 「${sentence}」`);
  if (!f.attached) missing.push('attachment observation.json');
  if (!(f.pages > 0)) missing.push('pages');
  if (missing.length) throw new Error(`${who}: ${file} lacks ${missing.join(', ')}`);
  if (process.env.BENCH_DEBUG) console.error(`${who} ${file}: ${f.pages} pages\n${f.fonts}`);
  return f;
}

/** Bytes of the embedded TrueType font programs (/FontFile2 streams; both writers put them in plain objects). */
function fontProgramBytes(pdf: Uint8Array) {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const objectAt = (n: string) => text.indexOf(`\n${n} 0 obj`);
  let total = 0;
  for (const [, n] of text.matchAll(/\/FontFile2 (\d+) 0 R/g)) {
    const dict = text.slice(objectAt(n), text.indexOf('stream', objectAt(n)));
    const len = /\/Length (\d+)(?: 0 R)?/.exec(dict);
    if (!len) throw new Error(`font stream ${n}: no /Length`);
    total += len[0].endsWith(' R') ? Number(/^\s*(\d+)/.exec(text.slice(objectAt(len[1]) + `\n${len[1]} 0 obj`.length))?.[1]) : Number(len[1]);
  }
  return total;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/**
 * Warm runs of several renderers, interleaved (a, b, c, a, b, c, …) so that each sees the same
 * machine load: on a shared machine a sequential run of one and then the other skews the ratio.
 */
async function warmInterleaved(renders: { before?: () => void; run: () => Uint8Array | Promise<Uint8Array> }[]) {
  const out: { times: number[]; bytes: Uint8Array }[] = [];
  for (const render of renders) {
    render.before?.();
    out.push({ times: [], bytes: await render.run() }); // warm-up, untimed
  }
  for (let i = 0; i < WARM_N; i++) {
    for (let k = 0; k < renders.length; k++) {
      renders[k].before?.();
      const t0 = performance.now();
      out[k].bytes = await renders[k].run();
      out[k].times.push(performance.now() - t0);
    }
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  const { renderReport, loadReportFonts, needsExtFont, demo: demoRecord } = await demoKit();
  const { useDeflate } = await import('../../utils/pdf/jspdf-patches');
  const { useNativeDeflate } = await import('../../cli/native-deflate');
  const { zlibSync } = await import('fflate');
  const pureJsDeflate = (bytes: Uint8Array, level: number) => zlibSync(bytes, { level: level as DeflateOptions['level'] });

  // The demo record exactly as `xunting report --demo` builds it.
  const demo = demoRecord();
  // A shorter one: each score note cut to its first clause, five timeline notes, two paragraphs per narrative section.
  const short = structuredClone(demo);
  for (const s of Object.values(short.scores)) s.note = s.note.split(/[。；]/)[0];
  short.timeline = short.timeline.slice(0, 5);
  for (const k of ['highlights', 'problems', 'suggestions'] as const) short.narrative[k] = short.narrative[k].split('\n').slice(0, 2).join('\n');

  const dir = mkdtempSync(join(tmpdir(), 'xunting-bench-report-'));
  try {
    const fonts = loadReportFonts({ ext: false });
    const build = await loadPdfmakeBuilder();
    const pdfmake = await pdfmakeWithFonts();
    const rows: BenchRow[] = [];
    for (const [key, record, what] of <[string, ObservationRecord, string][]>[
      ['demo', demo, 'demo'],
      ['short', short, 'trimmed demo'],
    ]) {
      if (needsExtFont(record, fonts.coverage)) throw new Error(`${key}: the record needs the Ext font; this bench compares regular + bold only`);
      const recordFile = join(dir, `${key}.json`);
      writeFileSync(recordFile, JSON.stringify(record));

      console.error(`  … ${key}: warm runs (ours with node:zlib, ours with pure-JS deflate, pdfmake; interleaved)`);
      const [oursWarm, oursWarmJs, pmWarm] = await warmInterleaved([
        { before: useNativeDeflate, run: () => renderReport(record, fonts) },
        { before: () => useDeflate(pureJsDeflate), run: () => renderReport(record, fonts) },
        { run: () => pdfmake.createPdf(build(record)).getBuffer() },
      ]);
      useNativeDeflate();
      const oursFile = join(dir, `${key}-jspdf.pdf`);
      writeFileSync(oursFile, oursWarm.bytes);
      const oursFacts = checkOutput('jsPDF', oursFile, record);
      const pmFile = join(dir, `${key}-pdfmake.pdf`);
      writeFileSync(pmFile, pmWarm.bytes);
      const pmFacts = checkOutput('pdfmake', pmFile, record);

      console.error(`  … ${key}: cold runs`);
      const oursCold: ReturnType<typeof coldRun>[] = [];
      const pmCold: ReturnType<typeof coldRun>[] = [];
      for (let i = 0; i < COLD_N; i++) {
        oursCold.push(
          coldRun(COLD_OURS, {
            record: recordFile,
            pdfIndex: at('utils/pdf/index.ts'),
            nodeFonts: at('cli/node-fonts.ts'),
            nativeDeflate: at('cli/native-deflate.ts'),
          }),
        );
        pmCold.push(coldRun(COLD_PDFMAKE, { record: recordFile, bench: import.meta.url }));
      }
      for (const [who, c, size] of <[string, ReturnType<typeof coldRun>[], number][]>[
        ['jsPDF', oursCold, oursWarm.bytes.length],
        ['pdfmake', pmCold, pmWarm.bytes.length],
      ]) {
        if (c.some((x) => x.bytes !== size)) throw new Error(`${who} ${key}: cold output ${c.map((x) => x.bytes).join('/')} B ≠ warm ${size} B`);
      }

      const ow = median(oursWarm.times);
      const oc = median(oursCold.map((c) => c.ms));
      const pw = median(pmWarm.times);
      const pc = median(pmCold.map((c) => c.ms));
      const ours = `${what} ${oursFacts.pages} p.`;
      const theirs = `${what} ${pmFacts.pages} p.`;
      const fontsNote = (pdf: Uint8Array, tagged: boolean) =>
        `font programs ${kb(fontProgramBytes(pdf))} (${tagged ? 'subset, tagged' : 'subset, untagged'}); record JSON embedded`;
      const wall = (c: ReturnType<typeof coldRun>[]) => `whole child process ${ms(median(c.map((x) => x.wall)))}`;
      rows.push(
        {
          area: 'report',
          measure: `jsPDF (ours) warm median, n=${WARM_N} — ${ours}`,
          value: ms(ow),
          note: 'fonts loaded once, 1 warm-up; renderReport(record, fonts) → bytes (validation, glyph check, layout, attachment)',
        },
        {
          area: 'report',
          measure: `jsPDF (ours) warm p95, n=${WARM_N} — ${ours}`,
          value: ms(quantile(oursWarm.times, 0.95)),
          note: 'as the CLI renders: PDF streams deflated by node:zlib (pdfmake/pdfkit in Node uses node:zlib too)',
        },
        {
          area: 'report',
          measure: `jsPDF (ours) warm median, pure-JS deflate — ${ours}`,
          value: ms(median(oursWarmJs.times)),
          note: `fflate, as in the browser; pdfmake / ours = ${ratio(median(pmWarm.times), median(oursWarmJs.times))}; ${kb(oursWarmJs.bytes.length)}`,
        },
        {
          area: 'report',
          measure: `jsPDF (ours) cold median, n=${COLD_N} — ${ours}`,
          value: ms(oc),
          note: `fresh node+tsx each; timed in the child: loadReportFonts({ ext: false }) from disk + first render; ${wall(oursCold)}`,
        },
        {
          area: 'report',
          measure: `jsPDF (ours) PDF size — ${ours}`,
          value: kb(oursWarm.bytes.length),
          note: fontsNote(oursWarm.bytes, /\+NotoSerif/.test(oursFacts.fonts)),
        },
        {
          area: 'report',
          measure: `pdfmake 0.3.11 warm median, n=${WARM_N} — ${theirs}`,
          value: ms(pw),
          note: `same TTFs in pdfmake's virtualfs, 1 warm-up; createPdf(docDefinition).getBuffer(); p95 ${ms(quantile(pmWarm.times, 0.95))}; no 避头尾, no validation/glyph check`,
        },
        {
          area: 'report',
          measure: `pdfmake 0.3.11 cold median, n=${COLD_N} — ${theirs}`,
          value: ms(pc),
          note: `fresh node+tsx each; timed in the child: read both TTFs + register + first render; ${wall(pmCold)}`,
        },
        {
          area: 'report',
          measure: `pdfmake 0.3.11 PDF size — ${theirs}`,
          value: kb(pmWarm.bytes.length),
          note: `${fontsNote(pmWarm.bytes, /\+NotoSerif/.test(pmFacts.fonts))}; pdftotext finds unit + narrative`,
        },
        { area: 'report', measure: `pdfmake / ours, warm time — ${what}`, value: ratio(pw, ow), note: 'warm medians above' },
        { area: 'report', measure: `pdfmake / ours, cold time — ${what}`, value: ratio(pc, oc), note: 'cold medians above' },
        { area: 'report', measure: `pdfmake / ours, size — ${what}`, value: ratio(pmWarm.bytes.length, oursWarm.bytes.length), note: '' },
      );
    }
    return rows;
  } finally {
    if (process.env.BENCH_KEEP) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
