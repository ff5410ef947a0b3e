export type ExportKind = 'pdf' | 'csv' | 'xlsx';

const BUTTONS: { kind: ExportKind; label: string }[] = [
  { kind: 'pdf', label: '导出 PDF' },
  { kind: 'xlsx', label: '导出 Excel' },
  { kind: 'csv', label: '导出 CSV' },
];

/** The summary's exports: the PDF to hand on, the workbook and CSV to open in Excel. */
export function ExportBar({ exporting, onExport }: { exporting?: boolean; onExport(kind: ExportKind): void }) {
  return (
    <div class="row wrap cov-export" role="group" aria-label="导出覆盖情况" aria-busy={exporting ? 'true' : undefined}>
      {BUTTONS.map((b, i) => (
        <button key={b.kind} type="button" class={i === 0 ? 'primary' : undefined} disabled={exporting} onClick={() => onExport(b.kind)}>
          {b.label}
        </button>
      ))}
      <span class="hint" role="status">
        {exporting ? '正在导出…' : ''}
      </span>
    </div>
  );
}
