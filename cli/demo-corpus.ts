/**
 * The seed case as a supervisor's mail folder, for trying the supervisor's side and for the
 * tests: a CA and a certificate for each report's lead observer (who signs it), 45 signed 2026 reports covering 40 of the 69 demo
 * units (36 planned, 4 outside the plan, 5 units observed twice), 3 tampered and 2 unsigned
 * reports, the roster as a workbook and the 2026 plan as a CSV of unit names.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCsv, writeXlsx } from '../utils/io';
import { renderReport, signatureFaces } from '../utils/pdf';
import { loadReportFonts } from './node-fonts';
import { planToRows, type Plan } from '../utils/plan';
import type { Unit } from '../utils/roster';
import { certificateToPem, createCa, createIdentityRequest, importIssuedCertificate, issueCertificate, parseCsr, signPdf, type Identity } from '../utils/sign';
import { defaultObserverNames, defaultPlan, defaultTemplate, defaultUnits } from './defaults';
import { demoRecord } from './demo-record';

export interface DemoFile {
  name: string;
  path: string;
  kind: 'good' | 'tampered' | 'unsigned';
  unitId: string;
  date: string;
}

export interface DemoCorpus {
  dir: string;
  /** Only the PDFs (what the supervisor drops into the inbox). */
  pdfDir: string;
  caPem: string;
  caPemPath: string;
  rosterXlsx: string;
  planCsv: string;
  units: Unit[];
  plan: Plan;
  files: DemoFile[];
  /** Distinct units with a good report. */
  coveredUnitIds: string[];
  ca: Identity;
}

/** YYYY-MM-DD in `month` of 2026 (the 1st in December, so no report is dated after 2 December). */
const dayIn = (month: number, i: number) => `2026-${String(month).padStart(2, '0')}-${String(month === 12 ? 1 : 5 + (i % 20)).padStart(2, '0')}`;

async function observer(ca: Identity, name: string): Promise<Identity> {
  const req = await createIdentityRequest({ name, org: '锡林郭勒盟委组织部' });
  return importIssuedCertificate(req.keys, certificateToPem(await issueCertificate(ca, parseCsr(req.csrPem))), [ca.certificate]);
}

export async function writeDemoCorpus(dir: string, opts: { onProgress?(done: number, total: number): void } = {}): Promise<DemoCorpus> {
  const pdfDir = join(dir, 'reports');
  mkdirSync(pdfDir, { recursive: true });
  const units = defaultUnits();
  const byId = new Map(units.map((u) => [u.id, u]));
  const plan = defaultPlan(2026);
  const later = defaultPlan(2027);
  const planned = plan.entries.slice(0, 36).map((e) => ({ unitId: e.unitId, month: e.month }));
  const extra = later.entries.slice(0, 4).map((e, i) => ({ unitId: e.unitId, month: 6 + i }));
  const visits = [...planned, ...extra];
  const repeats = visits.slice(0, 5).map((v) => ({ unitId: v.unitId, month: Math.min(12, v.month + 2) }));
  const covered = new Set(visits.map((v) => v.unitId));
  const others = units.filter((u) => !covered.has(u.id));

  const ca = await createCa({ name: '锡林郭勒盟直属机关工委巡听办', org: '中共锡林郭勒盟委直属机关工作委员会' });
  const fonts = loadReportFonts();
  const template = defaultTemplate();
  const observerNames = defaultObserverNames();
  const files: DemoFile[] = [];
  const total = visits.length + repeats.length + 5;
  // Each report is signed by its record's lead observer, as in the field (the inbox warns when a signer is not among the observers).
  const identities = new Map<string, Identity>();
  const identityOf = async (name: string) => {
    if (!identities.has(name)) identities.set(name, await observer(ca, name));
    return identities.get(name)!;
  };
  const report = async (unitId: string, date: string) => {
    const record = demoRecord({ unit: { id: unitId, name: byId.get(unitId)!.name }, date, template, observerNames });
    const lead = record.observers.find((o) => o.lead) ?? record.observers[0];
    return { pdf: renderReport(record, fonts), signer: await identityOf(lead.name) };
  };
  const write = (name: string, bytes: Uint8Array, kind: DemoFile['kind'], unitId: string, date: string) => {
    const path = join(pdfDir, name);
    writeFileSync(path, bytes);
    files.push({ name, path, kind, unitId, date });
    opts.onProgress?.(files.length, total);
  };
  const sign = ({ pdf, signer }: { pdf: Uint8Array; signer: Identity }) =>
    signPdf(pdf, { key: signer.privateKey, certificate: signer.certificate, chain: signer.chain, appearanceFonts: signatureFaces(fonts) });
  for (const [i, v] of [...visits, ...repeats].entries()) {
    const date = dayIn(v.month, i);
    write(`巡听旁听情况记录表-${byId.get(v.unitId)!.name}-${date}.pdf`, await sign(await report(v.unitId, date)), 'good', v.unitId, date);
  }
  for (const [i, u] of others.slice(0, 3).entries()) {
    const date = dayIn(10, i);
    const signed = await sign(await report(u.id, date));
    // One byte of the signed content changed, as a forger editing a score would.
    signed[Math.floor(signed.length / 3)] ^= 0x01;
    write(`篡改-${u.name}-${date}.pdf`, signed, 'tampered', u.id, date);
  }
  for (const [i, u] of others.slice(3, 5).entries()) {
    const date = dayIn(11, i);
    write(`未签名-${u.name}-${date}.pdf`, (await report(u.id, date)).pdf, 'unsigned', u.id, date);
  }

  const caPem = certificateToPem(ca.certificate);
  const caPemPath = join(dir, 'ca.pem');
  writeFileSync(caPemPath, caPem);
  const rosterXlsx = join(dir, '盟直单位名单.xlsx');
  writeFileSync(
    rosterXlsx,
    await writeXlsx([
      { name: '单位名单', columns: [{ header: '序号' }, { header: '单位名称' }, { header: '类别' }], rows: units.map((u, i) => [i + 1, u.name, u.category]) },
    ]),
  );
  // The plan as the supervisor keeps it in Excel: unit names, not ids (a roster from Excel numbers its units its own way).
  const planCsv = join(dir, '2026年巡听计划.csv');
  writeFileSync(planCsv, writeCsv(planToRows(plan, units)));
  return { dir, pdfDir, caPem, caPemPath, rosterXlsx, planCsv, units, plan, files, coveredUnitIds: [...covered], ca };
}
