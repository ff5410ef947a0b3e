import { CA_HOLDER } from '../ui/strings';

/** What the signing-identity card (IdentityManager) says, Simplified Chinese (kept in one place so English can follow). */
export const identityZh = {
  heading: '签名身份',
  loading: '正在读取…',
  noOrg: '未填单位',
  // Creating a key in this browser.
  intro: `签名密钥在本浏览器中生成，私钥不能导出，不会离开本机。生成后把证书请求交给${CA_HOLDER}签发证书。`,
  name: '姓名',
  org: '单位',
  generating: '正在生成…',
  generate: '生成签名密钥和证书请求',
  generated: `已生成签名密钥和证书请求。请把证书请求交给${CA_HOLDER}签发证书，再在下面导入。`,
  // Waiting for the certificate: before and after the name, which is shown in bold.
  pendingFor: '已为 ',
  pendingRest: (org: string, createdOn: string) => `（${org}）生成签名密钥和证书请求（${createdOn}）。请把证书请求交给${CA_HOLDER}签发证书。`,
  csr: '证书请求（CSR）',
  downloadCsr: '下载证书请求',
  copy: '复制',
  csrCopied: '证书请求已复制',
  noClipboard: '无法访问剪贴板，请下载证书请求',
  importHeading: '导入签发的证书',
  pasteCert: '粘贴签发的证书（PEM）',
  importCert: '导入证书',
  certFile: '或选择证书文件（.pem / .crt / .cer）',
  certImported: (cn: string, issuer: string, notAfter: string) => `已导入证书：${cn}，由 ${issuer} 签发，有效期至 ${notAfter}。现在可以给报告签名了。`,
  // The organisation's PKCS#12.
  p12Summary: `或：导入${CA_HOLDER} CA 颁发的 PKCS#12 文件（.p12 / .pfx）`,
  p12File: 'PKCS#12 文件',
  p12Pass: '文件口令',
  importP12: '导入 PKCS#12',
  chooseP12: '请先选择 .p12 / .pfx 文件',
  p12Imported: (cn: string, org: string) => `已导入签名身份：${cn}（${org}）`,
  // The identity in use.
  activeSource: (fromBrowser: boolean) => `签名身份（${fromBrowser ? '密钥在本浏览器中生成，不可导出' : '从 PKCS#12 导入，私钥已设为不可导出'}）：`,
  expired: '证书已过期，不能再签名；请重新生成证书请求。',
  certLabel: '签名证书',
  downloadCert: '下载证书',
  // Replacing it.
  replace: '更换签名身份…',
  replaceWarning: '现有密钥将被删除，不能恢复；已签名的报告仍然有效。',
  confirmReplace: '确认删除并重新生成',
  removed: '已删除原签名身份，可以重新生成',
  cancel: '取消',
} as const;
