import { useState } from 'preact/hooks';
import {
  BACKUP_EXTENSION,
  BACKUP_MIME,
  BACKUP_TABLES,
  TABLE_LABELS,
  backupFileName,
  describeProblems,
  readManifest,
  type BackupManifest,
  type TableCounts,
} from '../../utils/backup';
import { exportDatabase, restoreDatabase } from '../../utils/db';
import { useDb } from '../db-context';
import { usePlatform } from '../platform';
import { errorMessage } from '../ui/errors';
import { bytesBlob, fileBytes } from '../ui/files';
import { uid } from '../ui/fields';
import { CA_HOLDER } from '../ui/strings';

/** The panel's strings (Simplified Chinese first). */
const zhBackup = {
  title: '备份与恢复',
  exportHint: '把本机的全部数据（巡听记录及历次修订、报告 PDF、评分表、单位名单、设置、收到的报告、年度计划、CA 与证书登记）导出为一个备份文件，请妥善保管。',
  exportButton: '导出备份',
  exporting: '正在导出…',
  restoreTitle: '从备份恢复',
  fileLabel: `选择备份文件（${BACKUP_EXTENSION}）`,
  confirm: '我已了解：将替换本机现有的全部数据',
  caPass: 'CA 备份口令（建立 CA 时设置的口令）',
  skipCa: '不恢复 CA（忘记口令时）：恢复其余全部数据，本机现有的 CA 保持不变',
  restoreButton: '恢复',
  restoring: '正在恢复…',
  observerIdentity: `签名身份（私钥）不在备份中，也不会被恢复替换：如本机还没有签名身份，请恢复后重新生成，并请${CA_HOLDER}签发证书。此前已签名的报告仍然有效。`,
  supervisorCa: 'CA 私钥不以明文写入备份：备份中只有以 CA 备份口令加密的 PKCS#12，恢复时须输入该口令。',
};

const nonEmpty = (counts: Partial<TableCounts>) => BACKUP_TABLES.filter((t) => (counts[t] ?? 0) > 0);
const localTime = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

function Counts({ counts, label }: { counts: Partial<TableCounts>; label: string }) {
  const tables = nonEmpty(counts);
  return (
    <ul class="backup-counts" aria-label={label}>
      {tables.length === 0 && <li>（没有数据）</li>}
      {tables.map((t) => (
        <li key={t}>
          {TABLE_LABELS[t]}：{counts[t]}
        </li>
      ))}
    </ul>
  );
}

interface Chosen {
  name: string;
  bytes: Uint8Array;
  manifest: BackupManifest;
}

/**
 * 备份与恢复: export the whole database as one `.xtbak` file, and restore one (after a
 * confirmation, with the CA passphrase when the backup holds a CA). A restore is checked whole
 * before anything is written; a refused one leaves the data here as it was.
 */
export function BackupPanel({ kind }: { kind: 'observer' | 'supervisor' }) {
  const platform = usePlatform();
  const db = useDb();
  const [ids] = useState(() => ({ head: uid('bk-h'), file: uid('bk-file'), confirm: uid('bk-confirm'), pass: uid('bk-pass'), skip: uid('bk-skip') }));
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [exported, setExported] = useState<TableCounts | null>(null);
  const [restored, setRestored] = useState<TableCounts | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [confirmed, setConfirmed] = useState(false);
  const [pass, setPass] = useState('');
  const [skipCa, setSkipCa] = useState(false);

  const hasCa = (chosen?.manifest.tables.authority ?? 0) > 0;
  const canRestore = !!chosen && confirmed && (!hasCa || skipCa || pass.length > 0) && !busy;

  const run = async (start: string, what: () => Promise<string>) => {
    setBusy(true);
    setProgress(start);
    setError('');
    setMessage('');
    try {
      setMessage(await what());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setProgress('');
    }
  };

  const doExport = () =>
    run(zhBackup.exporting, async () => {
      setExported(null);
      const out = await exportDatabase(db, { onProgress: setProgress });
      const name = backupFileName();
      await platform.saveFile(name, bytesBlob(out.bytes, BACKUP_MIME));
      setExported(out.counts);
      return `已导出备份「${name}」`;
    });

  const choose = async (file: File | null) => {
    setChosen(null);
    setConfirmed(false);
    setPass('');
    setSkipCa(false);
    setError('');
    setMessage('');
    setRestored(null);
    if (!file) return;
    const bytes = await fileBytes(file);
    const manifest = readManifest(bytes);
    if (!manifest.ok) {
      setError(`「${file.name}」不能用于恢复：\n${describeProblems(manifest.problems)}`);
      return;
    }
    setChosen({ name: file.name, bytes, manifest: manifest.value });
  };

  const doRestore = () =>
    run(zhBackup.restoring, async () => {
      if (!chosen) throw new Error('请先选择备份文件');
      const { counts } = await restoreDatabase(db, chosen.bytes, {
        mode: 'replace',
        caPassphrase: hasCa && !skipCa ? pass : undefined,
        skipAuthority: hasCa && skipCa,
        onProgress: setProgress,
      });
      setPass('');
      setChosen(null);
      setConfirmed(false);
      setFileKey((k) => k + 1);
      setRestored(counts);
      return `已从备份「${chosen.name}」恢复本机数据${hasCa && skipCa ? '（未恢复 CA）' : ''}`;
    });

  return (
    <section class="card backup" aria-labelledby={ids.head}>
      <h2 id={ids.head}>{zhBackup.title}</h2>
      <p class="hint">{zhBackup.exportHint}</p>
      <p class="hint">{kind === 'observer' ? zhBackup.observerIdentity : zhBackup.supervisorCa}</p>
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={() => void doExport()}>
          {zhBackup.exportButton}
        </button>
      </div>
      {exported && <Counts counts={exported} label="已导出的数据" />}

      <h3>{zhBackup.restoreTitle}</h3>
      <div class="field">
        <label for={ids.file}>{zhBackup.fileLabel}</label>
        <input
          key={fileKey}
          id={ids.file}
          type="file"
          accept={`${BACKUP_EXTENSION},.zip`}
          disabled={busy}
          onChange={(e) => void choose(e.currentTarget.files?.[0] ?? null)}
        />
      </div>
      {chosen && (
        <div class="backup-restore">
          <p>备份时间：{localTime(chosen.manifest.createdAt)}；其中有：</p>
          <Counts counts={chosen.manifest.tables} label="备份中的数据" />
          {hasCa && (
            <>
              <div class="field">
                <label for={ids.pass}>{zhBackup.caPass}</label>
                <input
                  id={ids.pass}
                  type="password"
                  autoComplete="off"
                  value={pass}
                  disabled={skipCa || busy}
                  onInput={(e) => setPass(e.currentTarget.value)}
                />
              </div>
              <label class="check backup-check" for={ids.skip}>
                <input id={ids.skip} type="checkbox" checked={skipCa} disabled={busy} onChange={(e) => setSkipCa(e.currentTarget.checked)} />
                {zhBackup.skipCa}
              </label>
            </>
          )}
          <label class="check backup-check backup-confirm" for={ids.confirm}>
            <input id={ids.confirm} type="checkbox" checked={confirmed} disabled={busy} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            {zhBackup.confirm}
          </label>
          <div class="row">
            <button type="button" class="primary" disabled={!canRestore} onClick={() => void doRestore()}>
              {zhBackup.restoreButton}
            </button>
          </div>
        </div>
      )}

      {(busy || message) && (
        <p role="status" class="backup-status">
          {busy ? progress : message}
        </p>
      )}
      {restored && (
        <>
          <Counts counts={restored} label="恢复后的数据" />
          {kind === 'observer' && <p class="hint warn">{zhBackup.observerIdentity}</p>}
        </>
      )}
      {error && (
        <p class="error backup-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
