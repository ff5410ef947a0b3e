import { useState } from 'preact/hooks';
import { addTrusted, listTrusted, removeTrusted } from '../../utils/db';
import { useDb } from '../db-context';
import { useLive } from '../ui/live';
import { errorMessage } from '../ui/errors';
import { fileBytes } from '../ui/files';
import { Outcome } from '../ui/fields';
import { DataTable } from '../ui/DataTable';

/**
 * The trust list the verifier uses: CA certificates (everything they issue is trusted) and
 * observer certificates pinned one by one (an observer from outside the CA).
 */
export function TrustManager({ refused = 0, onRecheck }: { refused?: number; onRecheck?(): void }) {
  const db = useDb();
  const rows = useLive(() => listTrusted(db), [db]) ?? [];
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const add = async (file: File | undefined) => {
    setError('');
    setMessage('');
    if (!file) return;
    try {
      if (file.size > 1_000_000) throw new Error('文件超过 1 MB，不像是证书');
      const added = await addTrusted(db, await fileBytes(file));
      setMessage(`已加入信任列表：${added.map((r) => `${r.cn}（${r.kind === 'ca' ? 'CA' : '个人证书'}）`).join('、')}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section class="card" aria-labelledby="h-trust">
      <h2 id="h-trust">信任列表</h2>
      <p class="hint">核验报告时，签名人的证书须由这里的 CA 签发，或本身就在列表中（单独信任的个人证书）。</p>
      {rows.length === 0 ? (
        <p class="empty">信任列表是空的：任何报告都将因“签名人不受信任”被拒收。请建立 CA，或导入 CA 证书。</p>
      ) : (
        <DataTable columns={['类型', '名称', '单位', '有效期至', '指纹', '操作']}>
          {rows.map((r) => (
            <tr key={r.fingerprint}>
              <td>{r.kind === 'ca' ? 'CA' : '个人证书'}</td>
              <td>{r.cn}</td>
              <td>{r.o}</td>
              <td>{r.notAfter.slice(0, 10)}</td>
              <td>
                <code class="wrap">{r.fingerprint.slice(0, 23)}…</code>
              </td>
              <td>
                <button type="button" class="link" aria-label={`移出信任列表：${r.cn}`} onClick={() => void removeTrusted(db, r.fingerprint)}>
                  移出
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div class="field">
        <label for="trust-file">导入 CA 证书或个人证书（.pem / .crt / .cer）</label>
        <input id="trust-file" type="file" accept=".pem,.crt,.cer,.der" onChange={(e) => void add(e.currentTarget.files?.[0])} />
      </div>
      <Outcome message={message} error={error} />
      {refused > 0 && onRecheck && (
        <div class="issuer-notice">
          <p>报告收集中有 {refused} 个文件因签发者不受信任被拒收。加入其 CA 证书后，可以重新核验。</p>
          <button type="button" class="primary" onClick={onRecheck}>
            重新核验这 {refused} 个文件
          </button>
        </div>
      )}
    </section>
  );
}
