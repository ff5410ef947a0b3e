// What the benchmark parts share: the core's renderer and fonts, and demo records made exactly
// as `xunting report --demo` makes them (the demo unit and date, or any unit and date).
// Imported lazily: report.ts is also loaded by the cold-run child processes, whose top level
// must stay free of heavy imports.
import type { ObservationRecord } from '../../utils/record';
import type { Unit } from '../../utils/roster';

export async function demoKit() {
  const { renderReport, needsExtFont } = await import('../../utils/pdf');
  const { loadReportFonts } = await import('../../cli/node-fonts');
  const { demoRecord } = await import('../../cli/demo-record');
  const { defaultObserverNames, defaultTemplate, defaultUnits } = await import('../../cli/defaults');
  const { DEMO_UNIT, DEMO_DATE } = await import('../../cli/command-report');
  const template = defaultTemplate();
  const observerNames = defaultObserverNames();
  const units = defaultUnits();
  const record = (u: Unit, date: string): ObservationRecord => demoRecord({ unit: { id: u.id, name: u.name }, date, template, observerNames });
  const demoUnit = units.find((u) => u.name === DEMO_UNIT);
  if (!demoUnit) throw new Error(`the demo unit ${DEMO_UNIT} is not in the default roster`);
  return { renderReport, loadReportFonts, needsExtFont, units, record, demoUnit, DEMO_DATE, demo: () => record(demoUnit, DEMO_DATE) };
}
