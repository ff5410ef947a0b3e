import { useEffect, useRef, useState } from 'preact/hooks';
import { inspectReport, refuseBySize } from '../../utils/collect';
import { collectionCounts, ingestInspected, trustStoreOf, type IngestResult, type XuntingDB } from '../../utils/db';
import { bytesBlob, errorMessage, fileBytes } from '../ui/errors';
import { chosenFiles, droppedFiles, type PickedFile } from './collect-files';

const OUTCOME: Record<IngestResult['outcome'], string> = { accepted: '接收', duplicate: '重复', superseded: '被取代', rejected: '拒收' };

interface Progress {
  done: number;
  total: number;
  counts: Record<IngestResult['outcome'], number>;
}

const zero = (): Progress['counts'] => ({ accepted: 0, duplicate: 0, superseded: 0, rejected: 0 });

/**
 * 报告收集: drop or choose many report PDFs (or folders of them). Each is verified with the
 * trust list and its record ingested, one transaction per file; the result of every file is
 * listed; nothing is stored twice; a newer revision supersedes an older one.
 */
export function ReportInbox({ db, onImported }: { db: XuntingDB; onImported?(counts: Progress['counts'] & { files: number }): void }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [results, setResults] = useState<IngestResult[]>([]);
  const [running, setRunning] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [error, setError] = useState('');
  const [over, setOver] = useState(false);
  const [stored, setStored] = useState<{ current: number; superseded: number; files: number } | null>(null);
  const cancel = useRef(false);
  const refreshStored = async () => setStored(await collectionCounts(db));
  useEffect(() => void refreshStored(), []);

  const importFiles = async (picked: PickedFile[]) => {
    if (running || !picked.length) return;
    setRunning(true);
    setError('');
    cancel.current = false;
    const out: IngestResult[] = [];
    const counts = zero();
    setResults([]);
    setProgress({ done: 0, total: picked.length, counts: { ...counts } });
    try {
      const trust = await trustStoreOf(db);
      let lastPaint = 0;
      for (const [i, p] of picked.entries()) {
        if (cancel.current) break;
        let result: IngestResult;
        try {
          const early = refuseBySize(p.name, p.file.size);
          const bytes = early ? null : await fileBytes(p.file);
          const inspection = early ?? (await inspectReport(p.name, bytes!, trust));
          result = await ingestInspected(db, inspection, bytes ? bytesBlob(bytes, 'application/pdf') : new Blob());
        } catch (e) {
          result = { outcome: 'rejected', fileName: p.name, code: 'storage', reason: `未能保存：${errorMessage(e)}` };
        }
        out.push(result);
        counts[result.outcome] += 1;
        // Repaint at most ~10 times a second, and always at the end.
        if (Date.now() - lastPaint > 100 || i === picked.length - 1) {
          lastPaint = Date.now();
          setProgress({ done: i + 1, total: picked.length, counts: { ...counts } });
          setResults([...out]);
          await new Promise((ok) => setTimeout(ok, 0));
        }
      }
      setProgress({ done: out.length, total: picked.length, counts: { ...counts } });
      setResults([...out]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(false);
      await refreshStored();
      onImported?.({ ...counts, files: out.length });
    }
  };

  const shown = onlyProblems ? results.filter((r) => r.outcome !== 'accepted') : results;
  const c = progress?.counts;
  return (
    <section class="card" aria-labelledby="h-inbox">
      <h2 id="h-inbox">报告收集</h2>
      {stored && (
        <p class="hint">
          已收集 {stored.current} 份有效报告{stored.superseded ? `（另有 ${stored.superseded} 份旧版本已被取代）` : ''}。
        </p>
      )}
      <div
        class={over ? 'dropzone over' : 'dropzone'}
        role="region"
        aria-label="拖入报告 PDF 或文件夹"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={async (e) => {
          e.preventDefault();
          setOver(false);
          if (e.dataTransfer) await importFiles(await droppedFiles(e.dataTransfer));
        }}
      >
        <p>把报告 PDF（或存放报告的文件夹）拖到这里</p>
        <div class="row wrap">
          <label class="filebtn">
            选择报告文件（可多选）
            <input type="file" multiple accept=".pdf,application/pdf" disabled={running} onChange={(e) => void importFiles(chosenFiles((e.currentTarget as HTMLInputElement).files))} />
          </label>
          <label class="filebtn">
            选择文件夹
            <input
              type="file"
              multiple
              disabled={running}
              {...{ webkitdirectory: '' }}
              onChange={(e) => void importFiles(chosenFiles((e.currentTarget as HTMLInputElement).files).filter((p) => /\.pdf$/i.test(p.name)))}
            />
          </label>
        </div>
      </div>
      {progress && (
        <div class="progress-block">
          <label for="inbox-progress">
            已处理 {progress.done} / {progress.total}
          </label>
          <progress id="inbox-progress" max={progress.total} value={progress.done} />
          <p role="status" aria-live="polite">
            接收 {c!.accepted}，重复 {c!.duplicate}，被取代 {c!.superseded}，拒收 {c!.rejected}
            {!running && progress.done < progress.total ? `（已取消，余下 ${progress.total - progress.done} 个未处理）` : ''}
          </p>
          {running && (
            <button type="button" onClick={() => (cancel.current = true)}>
              停止导入
            </button>
          )}
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {results.length > 0 && (
        <>
          <label class="check">
            <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems((e.currentTarget as HTMLInputElement).checked)} />
            只看未接收的文件
          </label>
          <div class="scroll-x">
            <table class="data" aria-label="导入结果">
              <thead>
                <tr>
                  <th scope="col">文件</th>
                  <th scope="col">结果</th>
                  <th scope="col">单位</th>
                  <th scope="col">日期</th>
                  <th scope="col">说明</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r, i) => (
                  <tr key={i} class={`outcome-${r.outcome}`}>
                    <td class="wrap">{r.fileName}</td>
                    <td>{OUTCOME[r.outcome]}</td>
                    <td>{r.outcome === 'rejected' ? '' : r.unitName}</td>
                    <td>{r.outcome === 'rejected' ? '' : r.date}</td>
                    <td>
                      {r.outcome === 'rejected' ? r.reason : r.note}
                      {r.outcome !== 'rejected' && r.warning && <div class="hint warn">⚠ {r.warning}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
