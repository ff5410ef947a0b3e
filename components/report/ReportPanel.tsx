import { useEffect, useState } from 'preact/hooks';
import type { ObservationRecord } from '../../utils/record';
import { usePlatform } from '../platform';
import type { ObserveStore } from '../observe/observe-store';
import { SignaturePad } from './SignaturePad';
import { loadReportFonts } from './report-fonts';

export function reportFileName(r: ObservationRecord): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');
  return `巡听旁听情况记录表-${safe(r.unit.name) || '未选单位'}-${r.date || '无日期'}-第${r.revision}版${r.status === 'draft' ? '-草稿' : ''}.pdf`;
}

/** Render the record's report in the page (jsPDF loaded on first use). */
export async function makeReport(platform: ReturnType<typeof usePlatform>, record: ObservationRecord): Promise<Uint8Array> {
  const [{ renderReport }, fonts] = await Promise.all([import('../../utils/pdf'), loadReportFonts(platform, record)]);
  return renderReport(record, fonts);
}

/**
 * Handwritten signatures, report preview and saving. Observers sign on the pad before
 * finalising; the preview shows the rendered pages; 保存 PDF downloads the file and keeps it
 * with the observation.
 */
export function ReportPanel({ store }: { store: ObserveStore }) {
  const platform = usePlatform();
  const r = store.current.value!;
  const locked = r.status === 'final';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [preview, setPreview] = useState<{ url: string; bytes: Uint8Array; key: string } | null>(null);
  const key = `${r.id}:${r.revision}:${r.updatedAt}`;
  useEffect(() => () => preview && URL.revokeObjectURL(preview.url), [preview]);

  const render = async () => {
    setBusy(true);
    setError('');
    try {
      await store.flush();
      const bytes = await makeReport(platform, r);
      setPreview({ url: URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/pdf' })), bytes, key });
      return bytes;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    const bytes = preview?.key === key ? preview.bytes : await render();
    if (!bytes) return;
    const name = reportFileName(r);
    const blob = new Blob([bytes.slice().buffer], { type: 'application/pdf' });
    try {
      await store.storeReport(r, name, blob);
      await platform.saveFile(name, blob);
      store.notice.value = `已保存报告 ${name}`;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const signers = r.observers.filter((o) => o.name.trim());
  return (
    <section class="card" aria-labelledby="h-report">
      <h2 id="h-report">签名与报告</h2>
      {signers.length === 0 && <p class="hint">先在“巡听人员”中填写姓名，再在此签名。</p>}
      {signers.map((o) => (
        <div key={o.id}>
          <p class="sig-name">
            {o.name}
            {o.lead ? '（组长）' : ''} 手写签名
          </p>
          <SignaturePad
            name={o.name}
            value={o.signature?.png ?? null}
            disabled={locked}
            onSign={(png) => store.edit((d) => void (d.observers.find((x) => x.id === o.id)!.signature = png ? { png, signedAt: new Date().toISOString() } : null))}
          />
        </div>
      ))}
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void render()}>
          {busy ? '正在生成…' : '预览报告'}
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
          保存 PDF
        </button>
      </div>
      {error && (
        <p class="error" role="alert" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </p>
      )}
      {preview && (
        <>
          {preview.key !== key && <p class="hint warn">记录在预览后已有修改，请重新预览。</p>}
          <iframe class="preview" title="报告预览" src={preview.url} />
        </>
      )}
    </section>
  );
}
