// What the benchmark parts share: the core's renderer and fonts, and demo records made exactly
// as `xunting report --demo` makes them (the demo unit and date, or any unit and date).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const at = (p) => pathToFileURL(join(root, p)).href;

export async function demoKit() {
  const { renderReport } = await import(at('utils/pdf/index.ts'));
  const { loadReportFonts } = await import(at('cli/node-fonts.ts'));
  const { needsExtFont } = await import(at('utils/pdf/glyph-check.ts'));
  const { demoRecord } = await import(at('cli/demo-record.ts'));
  const { defaultObserverNames, defaultTemplate, defaultUnits } = await import(at('cli/defaults.ts'));
  const { DEMO_UNIT, DEMO_DATE } = await import(at('cli/command-report.ts'));
  const template = defaultTemplate();
  const observerNames = defaultObserverNames();
  const units = defaultUnits();
  const record = (u, date) => demoRecord({ unit: { id: u.id, name: u.name }, date, template, observerNames });
  const demoUnit = units.find((u) => u.name === DEMO_UNIT);
  return { renderReport, loadReportFonts, needsExtFont, units, record, demoUnit, DEMO_DATE, demo: () => record(demoUnit, DEMO_DATE) };
}
