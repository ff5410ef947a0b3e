import type { Verdict } from '../../utils/sign';
import { scoreTemplate } from '../../utils/rubric';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '时间不详');

/** What the verifier found in a report PDF: the verdict, each signature, and the record it carries. */
export function VerdictView({ fileName, verdict }: { fileName: string; verdict: Verdict }) {
  const r = verdict.record;
  const summary = r ? scoreTemplate(r.template, r.scores) : null;
  return (
    <div class={verdict.ok ? 'verdict good' : 'verdict badv'} role="group" aria-label={`核验结果：${fileName}`}>
      <p class="verdict-head">
        <strong>{verdict.ok ? '签名有效' : '未通过核验'}</strong>：{fileName}
        {!verdict.ok && <span class="reason">——{verdict.reason}</span>}
      </p>
      {verdict.signatures.length > 0 && (
        <ol class="signers">
          {verdict.signatures.map((s) => (
            <li key={s.index}>
              {s.signer ? `${s.signer.cn}${s.signer.o ? `（${s.signer.o}）` : ''}` : '签名人不详'}，{when(s.signingTime)}签名：
              {s.code ? (
                <span class="bad">{s.reason}</span>
              ) : (
                <span class="ok">内容完整，签名人受信任，证书在签名时有效{s.coversWholeFile ? '，覆盖整个文件' : ''}</span>
              )}
            </li>
          ))}
        </ol>
      )}
      {r && (
        <dl class="facts">
          <dt>被巡听单位</dt>
          <dd>{r.unit.name}</dd>
          <dt>时间</dt>
          <dd>
            {r.date} {r.startTime}—{r.endTime}
          </dd>
          <dt>学习主题</dt>
          <dd>{r.theme}</dd>
          <dt>得分</dt>
          <dd>{summary?.total !== null && summary?.total !== undefined ? `${summary.total.toFixed(1)} 分（${summary.grade}）` : '未评定'}</dd>
          <dt>巡听人员</dt>
          <dd>{r.observers.map((o) => `${o.name}${o.lead ? '（组长）' : ''}`).join('、')}</dd>
          <dt>记录版本</dt>
          <dd>
            第 {r.revision} 版{r.status === 'final' ? '（已定稿）' : '（草稿）'}
          </dd>
        </dl>
      )}
    </div>
  );
}
