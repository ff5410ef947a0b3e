import type { CertificateInfo } from '../../utils/sign';

const day = (iso: string) => iso.slice(0, 10);

/** Who a certificate names, who issued it, its serial, fingerprint and validity. */
export function CertificateFacts({ info, label }: { info: CertificateInfo; label: string }) {
  const now = Date.now();
  const status = now > Date.parse(info.notAfter) ? '已过期' : now < Date.parse(info.notBefore) ? '尚未生效' : '有效';
  return (
    <dl class="facts" aria-label={label}>
      <dt>{info.isCa ? '名称（CN）' : '姓名（CN）'}</dt>
      <dd>{info.subject.cn}</dd>
      <dt>单位（O）</dt>
      <dd>{info.subject.o || '—'}</dd>
      <dt>签发者</dt>
      <dd>{info.issuer.cn === info.subject.cn && info.isCa ? '自签名（CA 根证书）' : `${info.issuer.cn}${info.issuer.o ? `（${info.issuer.o}）` : ''}`}</dd>
      <dt>有效期</dt>
      <dd>
        {day(info.notBefore)} 至 {day(info.notAfter)}（<strong class={status === '有效' ? 'ok' : 'bad'}>{status}</strong>）
      </dd>
      <dt>序列号</dt>
      <dd>
        <code class="wrap">{info.serial}</code>
      </dd>
      <dt>SHA-256 指纹</dt>
      <dd>
        <code class="wrap">{info.fingerprint}</code>
      </dd>
    </dl>
  );
}
