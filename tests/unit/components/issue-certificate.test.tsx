// @vitest-environment happy-dom
/** 证书颁发: choosing a request shows whom it is for and which key; nothing is issued until 签发. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { AuthorityManager } from '../../../components/sign/AuthorityManager';
import { AppContext } from '../../../components/db-context';
import type { Platform } from '../../../components/platform';
import { createAuthority, createBrowserIdentity, listIssued, SELF_IDENTITY, XuntingDB } from '../../../utils/db';

afterEach(cleanup);
const platform: Platform = {
  kind: 'web',
  dbName: 'unused',
  loadDefaults: async () => ({ template: null, roster: null }),
  loadAsset: async () => new Uint8Array(),
  saveFile: async () => undefined,
  requestPersistence: async () => null,
  emit: () => undefined,
};

describe('issuing from a CSR file', () => {
  it('shows 姓名, 单位, the key fingerprint and the validity, and issues only on 签发', async () => {
    const supervisor = new XuntingDB(`ca-${crypto.randomUUID()}`);
    await createAuthority(supervisor, { name: '锡林郭勒盟直属机关工委巡听办', org: '锡林郭勒盟直属机关工委', passphrase: '巡听办备份口令2026' });
    const observer = new XuntingDB(`obs-${crypto.randomUUID()}`);
    const csrPem = await createBrowserIdentity(observer, { name: '王喆', org: '锡林郭勒盟委组织部' });
    // The fingerprint the observer can read off their own key.
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', (await observer.identities.get(SELF_IDENTITY))!.publicKey!));
    const keyFingerprint = [...new Uint8Array(await crypto.subtle.digest('SHA-256', spki))].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');

    render(
      <AppContext platform={platform} db={supervisor}>
        <AuthorityManager />
      </AppContext>,
    );
    const input = await screen.findByLabelText('或选择证书请求文件（.csr）');
    Object.defineProperty(input, 'files', { value: [new File([csrPem], '王喆.csr')], configurable: true });
    fireEvent.change(input);

    const pending = await screen.findByRole('group', { name: '待签发的证书' }, { timeout: 5000 });
    const facts = Object.fromEntries(
      within(pending)
        .getAllByRole('term')
        .map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]),
    );
    const today = new Date().toISOString().slice(0, 10);
    const inTwoYears = new Date(Date.now() + 730 * 86_400_000).toISOString().slice(0, 10);
    expect(facts).toEqual({ 姓名: '王喆', 单位: '锡林郭勒盟委组织部', '密钥指纹（SHA-256）': keyFingerprint, 有效期: `${today} 至 ${inTwoYears}` });
    expect(await listIssued(supervisor)).toEqual([]);

    fireEvent.click(within(pending).getByRole('button', { name: '签发' }));
    expect((await screen.findByRole('status', {}, { timeout: 5000 })).textContent).toMatch(/^已为 王喆（锡林郭勒盟委组织部）签发证书/);
    expect((await listIssued(supervisor)).map((r) => r.cn)).toEqual(['王喆']);
    expect(screen.queryByRole('group', { name: '待签发的证书' })).toBeNull();
  });
});
