import { useState } from 'preact/hooks';
import { collectionCounts, listTrusted, type IngestResult } from '../../utils/db';
import { useDb } from '../db-context';
import { useLive } from '../ui/live';
import { chosenFiles, droppedFiles } from './collect-files';
import type { InboxStore, RefusedIssuer } from './inbox-store';
import { CA_HOLDER } from '../ui/strings';
import { DataTable } from '../ui/DataTable';

const OUTCOME: Record<IngestResult['outcome'], string> = { accepted: '接收', duplicate: '重复', superseded: '被取代', rejected: '拒收' };

/**
 * 报告收集: drop or choose many report PDFs (or folders of them). Each is verified with the
 * trust list and its record ingested, one transaction per file; the result of every file is
 * listed; nothing is stored twice; a newer revision supersedes an older one. Files refused
 * because their signer's CA is not trusted name that CA, lead to the trust list, and can be
 * checked again once it is trusted.
 */
export function ReportInbox({ store, onOpenTrust }: { store: InboxStore; onOpenTrust?(): void }) {
  const db = useDb();
  const running = store.running.value;
  // Not read while an import runs: the counts would be read again after every file's transaction
  // (a thousand times for a thousand files); the progress bar counts meanwhile.
  const stored = useLive(() => (running ? Promise.resolve(undefined) : collectionCounts(db)), [db, running]);
  const trusted = useLive(async () => new Set((await listTrusted(db)).map((r) => r.fingerprint)), [db]);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [over, setOver] = useState(false);
  const results = store.results.value;
  const progress = store.progress.value;
  const error = store.error.value;
  const importFiles = store.importFiles;

  // While files are being imported only the problems are listed: laying out a table that grows
  // to a thousand rows, once a second, cost the page more than storing the files (profiled);
  // every row is listed when the import ends.
  const problemsOnly = onlyProblems || running;
  const shown = problemsOnly ? results.filter((r) => r.outcome !== 'accepted') : results;
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
            <input
              type="file"
              multiple
              accept=".pdf,application/pdf"
              disabled={running}
              onChange={(e) => void importFiles(chosenFiles(e.currentTarget.files))}
            />
          </label>
          <label class="filebtn">
            选择文件夹
            <input
              type="file"
              multiple
              disabled={running}
              {...{ webkitdirectory: '' }}
              onChange={(e) => void importFiles(chosenFiles(e.currentTarget.files).filter((p) => /\.pdf$/i.test(p.name)))}
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
            <button type="button" onClick={store.cancel}>
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
      {!running &&
        store.refusedIssuers.value.map((r) => (
          <UntrustedIssuerNotice
            key={r.issuer.fingerprint ?? r.issuer.cn}
            refused={r}
            trusted={!!r.issuer.fingerprint && !!trusted?.has(r.issuer.fingerprint)}
            onOpenTrust={onOpenTrust}
            onRecheck={() => void store.recheck()}
          />
        ))}
      {running && <p class="hint">导入中，下表只列出未接收的文件；导入结束后列出全部结果。</p>}
      {!running && results.length > 0 && (
        <label class="check">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.currentTarget.checked)} />
          只看未接收的文件
        </label>
      )}
      {(running ? shown.length > 0 : results.length > 0) && (
        <>
          <DataTable
            label="导入结果"
            columns={[
              '文件',
              { title: '结果', nowrap: true },
              { title: '单位', nowrap: true },
              { title: '日期', nowrap: true },
              { title: '说明', nowrap: true },
            ]}
          >
            {shown.map((r, i) => (
              <tr key={i} class={`outcome-${r.outcome}`}>
                <td class="wrap">{r.fileName}</td>
                <td class="nowrap">{OUTCOME[r.outcome]}</td>
                <td>{r.outcome === 'rejected' ? '' : r.unitName}</td>
                <td class="nowrap">{r.outcome === 'rejected' ? '' : r.date}</td>
                <td>
                  {r.outcome === 'rejected' ? r.reason : r.note}
                  {r.outcome !== 'rejected' && r.warning && <div class="hint warn">⚠ {r.warning}</div>}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

/** Files refused for an untrusted issuer: who issued the signer's certificate, where to trust it, and a re-check once trusted. */
function UntrustedIssuerNotice({
  refused,
  trusted,
  onOpenTrust,
  onRecheck,
}: {
  refused: RefusedIssuer;
  trusted: boolean;
  onOpenTrust?(): void;
  onRecheck(): void;
}) {
  const { issuer, files } = refused;
  const name = `「${issuer.cn || '（未署名）'}」${issuer.o && issuer.o !== issuer.cn ? `（${issuer.o}）` : ''}`;
  return (
    <div class={trusted ? 'issuer-notice ok' : 'issuer-notice'} role="group" aria-label={`签发者 ${issuer.cn}`}>
      {trusted ? (
        <p>
          {name}已加入信任列表。此前因它不受信任而被拒收的 {files.length} 个文件可以重新核验。
        </p>
      ) : (
        <>
          <p>
            {files.length} 个文件被拒收：签名人的证书由{name}签发，它不在信任列表中。
          </p>
          <p>
            {issuer.fingerprint ? (
              <>
                该 CA 证书指纹（SHA-256）：<code class="wrap">{issuer.fingerprint}</code>
              </>
            ) : (
              '报告中没有附带该 CA 的证书，请向巡听人员所属的 CA 索取。'
            )}
          </p>
          <p class="hint">如果这是{CA_HOLDER}的 CA，请在信任列表中导入它的 CA 证书（核对指纹一致），然后重新核验这些文件。</p>
        </>
      )}
      <div class="row wrap">
        {trusted ? (
          <button type="button" class="primary" onClick={onRecheck}>
            重新核验这 {files.length} 个文件
          </button>
        ) : (
          <>
            {onOpenTrust && (
              <button type="button" class="link" onClick={onOpenTrust}>
                去信任列表
              </button>
            )}
            <button type="button" onClick={onRecheck}>
              重新核验这 {files.length} 个文件
            </button>
          </>
        )}
      </div>
    </div>
  );
}
