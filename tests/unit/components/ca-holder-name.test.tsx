// @vitest-environment happy-dom
/** One name for whoever holds the CA: the observer's and the supervisor's pages say 巡听办, never 工委, 监督方 or 单位 CA. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { SupervisorApp } from '../../../components/supervisor/SupervisorApp';
import type { Platform } from '../../../components/platform';
import { readDefaultRosterText, readDefaultTemplateJson } from '../../fixtures/defaults';

afterEach(cleanup);
const platform = (): Platform => ({
  kind: 'extension',
  dbName: `names-${crypto.randomUUID()}`,
  loadDefaults: async () => ({ template: readDefaultTemplateJson(), roster: JSON.parse(readDefaultRosterText()) }),
  loadAsset: async () => new Uint8Array(),
  saveFile: async () => undefined,
  requestPersistence: async () => null,
  emit: () => undefined,
  openPage: () => undefined,
});
// (Unit names such as 锡林郭勒盟人大工委办公室 contain 工委: only the names for the CA holder are looked for.)
const OTHER_NAMES = /（工委）|工委工作台|监督方|单位 ?CA/;

describe('the CA holder has one name', () => {
  it('the options page: identity and backup', async () => {
    render(<OptionsApp platform={platform()} />);
    await screen.findByText(/生成后把证书请求交给巡听办签发证书/);
    expect(screen.getByText('或：导入巡听办 CA 颁发的 PKCS#12 文件（.p12 / .pfx）')).toBeTruthy();
    expect(screen.getByRole('button', { name: '巡听办工作台（收集报告、覆盖统计、证书）' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(OTHER_NAMES);
  });

  it('the dashboard, tab by tab', async () => {
    render(<SupervisorApp platform={platform()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('巡听旁听 · 巡听办工作台');
    for (const tab of ['报告收集', '覆盖统计', '名单与计划', '证书颁发', '信任列表', '备份与恢复']) {
      fireEvent.click(await screen.findByRole('button', { name: tab }));
      await screen.findAllByRole('heading', { level: 2 });
      expect(document.body.textContent).not.toMatch(OTHER_NAMES);
    }
  });
});
