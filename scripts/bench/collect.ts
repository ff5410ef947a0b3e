// The supervisor's side: importing and verifying 1,000 signed reports in the dashboard (the
// built extension in Debian's headless Chromium, files chosen through the inbox's file input),
// and recomputing coverage for 10 years × 69 units.
//  - The 1,000 reports: each rendered by our renderer for its own demo record (a different unit
//    and date, so a different record id, scores and text; PDF streams deflated by node:zlib as
//    the CLI does) and signed, with the visible signature box, by one of two observers issued
//    by a CA: about two minutes on a busy 2-core machine, render time printed to stderr. So the
//    inbox sees 1,000 distinct signed records, each ~150 KB, exactly as it would from the field.
//  - Import time: from choosing the files to the inbox's status line reporting all 1,000
//    accepted (reading, SHA-256, verifyPdf with the trust list, one Dexie transaction per file
//    storing the record and the PDF), measured from Node around the page.
//  - Where it goes: the CPU time of each Chromium thread during the import (chromium-threads.ts),
//    and IndexedDB alone doing the same 1,000 transactions in the same page (idb-chain.ts).
//  - Coverage: computeCoverage over 700 final records (70 per year for 2017–2026) on the
//    69-unit roster with a plan per year; median of 50 runs, for one year and for all 10 years.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openExtension } from './extension';
import { describeThreads, sampleChromiumThreads } from './chromium-threads';
import { timeIngestTransactions } from './idb-chain';
import { median, quantile, ms, type BenchRow } from './stats';
import type { CollectedRecord, CoverageScope } from '../../utils/coverage';
import type { ObservationRecord } from '../../utils/record';
import type { Plan } from '../../utils/plan';
import type { Identity } from '../../utils/sign';
import type { RubricTemplate } from '../../utils/rubric';
import type { Unit } from '../../utils/roster';
import type { DemoOptions } from '../../cli/demo-record';

const N_REPORTS = 1000;
const DAY = 86_400_000;

/** The reports made for the inbox, and what the coverage figures reuse. */
interface Made {
  paths: string[];
  caPem: string;
  signMs: number;
  bytes: number;
  demoRecord: (opts: DemoOptions) => ObservationRecord;
  units: Unit[];
  template: RubricTemplate;
  observerNames: string[];
}

async function makeReports(dir: string): Promise<Made> {
  const { demoRecord } = await import('../../cli/demo-record');
  const { defaultObserverNames, defaultTemplate } = await import('../../cli/defaults');
  const { renderReport, signatureFaces } = await import('../../utils/pdf');
  const { loadReportFonts } = await import('../../cli/node-fonts');
  const { useNativeDeflate } = await import('../../cli/native-deflate');
  const { certificateToPem, createCa, createIdentityRequest, importIssuedCertificate, issueCertificate, parseCsr, signPdf } = await import('../../utils/sign');
  useNativeDeflate(); // as the CLI renders
  const ca = await createCa({ name: '巡听办（基准测试）', org: '锡林郭勒盟直属机关工委' });
  const signers: Identity[] = [];
  for (const name of ['张三', '李四']) {
    const req = await createIdentityRequest({ name, org: '锡林郭勒盟委组织部' });
    signers.push(await importIssuedCertificate(req.keys, certificateToPem(await issueCertificate(ca, parseCsr(req.csrPem))), [ca.certificate]));
  }
  const units = (JSON.parse(await readFile('public/defaults/units.json', 'utf8')) as { units: Unit[] }).units;
  const fonts = loadReportFonts();
  // Each signature with its visible box, as the extension and the CLI sign.
  const appearanceFonts = signatureFaces(fonts);
  const template = defaultTemplate();
  const observerNames = defaultObserverNames();
  const paths: string[] = [];
  const ids = new Set<string>();
  let signMs = 0;
  let renderMs = 0;
  let bytes = 0;
  for (let i = 0; i < N_REPORTS; i++) {
    // Unit i·7 mod 69 and day i·11 mod 334 of 2026: 69 and 334 are coprime, so no (unit, date)
    // pair repeats, and the demo record (seeded by unit and date) is a different one each time.
    const u = units[(i * 7) % units.length];
    const date = new Date(Date.UTC(2026, 0, 1) + ((i * 11) % 334) * DAY).toISOString().slice(0, 10);
    const record = demoRecord({ unit: { id: u.id, name: u.name }, date, template, observerNames });
    ids.add(record.id);
    const t0 = performance.now();
    const pdf = renderReport(record, fonts);
    renderMs += performance.now() - t0;
    const who = signers[i % signers.length];
    const t = performance.now();
    const signed = await signPdf(pdf, { key: who.privateKey, certificate: who.certificate, chain: who.chain, appearanceFonts });
    signMs += performance.now() - t;
    const path = join(dir, `report-${String(paths.length + 1).padStart(4, '0')}.pdf`);
    await writeFile(path, signed);
    bytes += signed.length;
    paths.push(path);
    if ((i + 1) % 100 === 0) console.error(`  … ${i + 1} reports rendered and signed (render ${ms(renderMs / (i + 1))} each)`);
  }
  if (ids.size !== N_REPORTS) throw new Error(`only ${ids.size} distinct record ids in ${N_REPORTS} reports`);
  const caPem = join(dir, 'ca.pem');
  await writeFile(caPem, certificateToPem(ca.certificate));
  return { paths, caPem, signMs, bytes, demoRecord, units, template, observerNames };
}

async function importInChromium(paths: string[], caPem: string) {
  const { ctx, id, close } = await openExtension();
  try {
    const page = await ctx.newPage();
    await page.goto(`chrome-extension://${id}/dashboard.html`);
    await page.getByRole('button', { name: '信任列表' }).click();
    await page.getByLabel('导入 CA 证书或个人证书（.pem / .crt / .cer）').setInputFiles(caPem);
    await page.getByRole('status').filter({ hasText: '已加入信任列表' }).waitFor();
    await page.getByRole('button', { name: '报告收集' }).click();
    const threads = sampleChromiumThreads();
    const t0 = performance.now();
    await page.getByLabel('选择报告文件（可多选）').setInputFiles(paths);
    // A plain text check every 250 ms: Playwright's role locator recomputes ARIA roles over the
    // growing results table on every poll, which cost the page ~12% of the import (profiled).
    await page.waitForFunction((text: string) => document.querySelector('[role="status"]')?.textContent?.includes(text), `接收 ${paths.length}，`, {
      polling: 250,
      timeout: 600_000,
    });
    const total = performance.now() - t0;
    const cpu = describeThreads(threads.stop());
    const stored = await page.evaluate(
      () =>
        new Promise<number>((ok) => {
          const open = indexedDB.open('xunting');
          open.onsuccess = () => {
            const req = open.result.transaction('collected').objectStore('collected').count();
            req.onsuccess = () => ok(req.result);
          };
        }),
    );
    const chain = await timeIngestTransactions(page, paths);
    return { total, stored, cpu, chain };
  } finally {
    await close();
  }
}

async function coverageFigures(made: Made) {
  const { computeCoverage, scopeForYear } = await import('../../utils/coverage');
  const { PLAN_FORMAT } = await import('../../utils/plan');
  const { units, template, observerNames } = made;
  const plans: Plan[] = [];
  const records: CollectedRecord[] = [];
  const seeds: ObservationRecord[] = [];
  for (let i = 0; i < 10; i++) {
    const u = units[i];
    seeds.push(made.demoRecord({ unit: { id: u.id, name: u.name }, date: '2026-05-12', template, observerNames }));
  }
  for (let year = 2017; year <= 2026; year++) {
    plans.push({
      format: PLAN_FORMAT,
      year,
      entries: units.slice(0, 40).map((u, i) => ({ unitId: units[(i + year) % units.length].id, month: 1 + (i % 12), group: '第一巡听组' })),
    });
    for (let k = 0; k < 70; k++) {
      const u = units[(k * 5 + year) % units.length];
      const r = {
        ...structuredClone(seeds[k % seeds.length]),
        id: crypto.randomUUID(),
        unit: { id: u.id, name: u.name },
        date: `${year}-${String(1 + (k % 12)).padStart(2, '0')}-15`,
      };
      records.push({ record: r, signers: ['张三'] });
    }
  }
  const input = { units, plans, records };
  const time = (scope: CoverageScope) => {
    for (let i = 0; i < 5; i++) computeCoverage(input, scope);
    const xs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      computeCoverage(input, scope);
      xs.push(performance.now() - t);
    }
    return xs;
  };
  return { one: time(scopeForYear(2026)), ten: time({ fromYear: 2017, toYear: 2026 }), records: records.length };
}

export async function run(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'xunting-bench-reports-'));
  try {
    const made = await makeReports(dir);
    const n = made.paths.length;
    const imported = await importInChromium(made.paths, made.caPem);
    const cov = await coverageFigures(made);
    return [
      {
        area: 'inbox',
        measure: `import + verify ${n} signed reports in the dashboard (Chromium)`,
        value: `${(imported.total / 1000).toFixed(1)} s`,
        note: `${imported.stored} stored; ${ms(imported.total / n)} per file; files ${(made.bytes / n / 1024).toFixed(0)} KB on average; aim ≤ 10 s (issue 13)`,
      },
      {
        area: 'inbox',
        measure: `CPU spent by Chromium during that import`,
        value: `${imported.cpu.total.toFixed(1)} s`,
        note: `on 2 cores, by thread: ${imported.cpu.text || 'not measured (no /proc)'}`,
      },
      {
        area: 'inbox',
        measure: `IndexedDB alone: ${n} ingest transactions, 4 queued`,
        value: `${imported.chain.withPdf.toFixed(1)} s`,
        note: `same page, nothing else running: look up the id, put the row (a stored record) and the picked PDF; without the PDF ${imported.chain.withoutPdf.toFixed(1)} s`,
      },
      { area: 'inbox', measure: `signing the ${n} reports for the bench (Node)`, value: ms(made.signMs / n), note: 'per report, our signPdf' },
      {
        area: 'coverage',
        measure: `recompute, 1 year × 69 units (${cov.records} records stored), median of 50`,
        value: ms(median(cov.one)),
        note: `p95 ${ms(quantile(cov.one, 0.95))}`,
      },
      {
        area: 'coverage',
        measure: `recompute, 10 years × 69 units (${cov.records} records), median of 50`,
        value: ms(median(cov.ten)),
        note: `p95 ${ms(quantile(cov.ten, 0.95))}; aim < 50 ms`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
