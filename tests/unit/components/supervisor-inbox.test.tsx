// @vitest-environment happy-dom
/** The supervisor's first import before trusting the CA: the refusal names the CA, leads to the trust list, and re-checks once trusted. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { SupervisorApp } from '../../../components/supervisor/SupervisorApp';
import type { Platform } from '../../../components/platform';
import { parseCoverage, renderReport, type ReportFonts } from '../../../utils/pdf';
import { certificateToPem, fingerprint, signPdf } from '../../../utils/sign';
import { readDefaultRosterText, readDefaultTemplateJson } from '../../fixtures/defaults';
import { demo } from '../../fixtures/records/builders';
import { makePki, type Pki } from '../../fixtures/sign/pki';

// node-fonts cannot load in a DOM test (it finds public/fonts from a file: import.meta.url): read the two faces here.
const fs = process.getBuiltinModule('node:fs');
const fontFile = (name: string) => ({ name, bytes: new Uint8Array(fs.readFileSync(`public/fonts/${name}`)) });
const reportFonts = (): ReportFonts => ({
  regular: fontFile('NotoSerifSC-Regular.ttf'),
  bold: fontFile('NotoSerifSC-Bold.ttf'),
  coverage: parseCoverage(fs.readFileSync('public/fonts/coverage.json', 'utf8')),
});
afterEach(cleanup);

let pki: Pki;
let report: File;
beforeAll(async () => {
  pki = await makePki();
  const pdf = renderReport(demo({ id: 'u007', name: '锡林郭勒盟委机构编制委员会办公室' }, '2026-04-16'), reportFonts());
  // Signed by an observer of the "outside" CA: the supervisor has not trusted it yet.
  const signed = await signPdf(pdf, {
    key: pki.stranger.privateKey,
    certificate: pki.stranger.certificate,
    chain: pki.stranger.chain,
    signingTime: new Date(),
  });
  report = new File([signed.slice().buffer], '编办.pdf', { type: 'application/pdf' });
}, 60_000);

function platform(): Platform {
  return {
    kind: 'web',
    dbName: `sup-${crypto.randomUUID()}`,
    loadDefaults: async () => ({ template: readDefaultTemplateJson(), roster: JSON.parse(readDefaultRosterText()) }),
    loadAsset: async () => new Uint8Array(),
    saveFile: async () => undefined,
    requestPersistence: async () => null,
    emit: () => undefined,
  };
}

const choose = (input: HTMLElement, file: File) => {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
};
const tab = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('报告收集 before the CA is trusted', () => {
  it('names the issuer with its fingerprint, links to 信任列表, keeps the results across tabs, and re-checks once trusted', async () => {
    render(<SupervisorApp platform={platform()} initialTab="inbox" />);
    choose(await screen.findByLabelText('选择报告文件（可多选）'), report);

    const notice = await screen.findByRole('group', { name: '签发者 某外部机构' }, { timeout: 10_000 });
    expect(notice.textContent).toContain('1 个文件被拒收：签名人的证书由「某外部机构」（不受信任的单位）签发，它不在信任列表中。');
    expect(notice.textContent).toContain(await fingerprint(pki.otherCa.certificate));
    expect(screen.getByRole('table', { name: '导入结果' }).textContent).toContain('拒收');

    // 去信任列表 opens the trust list, which offers the re-check too.
    fireEvent.click(within(notice).getByRole('button', { name: '去信任列表' }));
    await screen.findByRole('heading', { name: '信任列表' });
    expect(screen.getByText('报告收集中有 1 个文件因签发者不受信任被拒收。加入其 CA 证书后，可以重新核验。')).toBeTruthy();
    choose(screen.getByLabelText('导入 CA 证书或个人证书（.pem / .crt / .cer）'), new File([certificateToPem(pki.otherCa.certificate)], 'ca.pem'));
    await screen.findByText(/^已加入信任列表：某外部机构/);

    // Back in the inbox: the results are still there, and the notice says the CA is now trusted.
    tab('报告收集');
    expect(screen.getByRole('table', { name: '导入结果' }).textContent).toContain('编办.pdf');
    const trusted = await screen.findByRole('group', { name: '签发者 某外部机构' });
    await waitFor(() => expect(trusted.textContent).toContain('「某外部机构」（不受信任的单位）已加入信任列表'));
    fireEvent.click(within(trusted).getByRole('button', { name: '重新核验这 1 个文件' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('接收 1，重复 0，被取代 0，拒收 0'), { timeout: 10_000 });
    expect(screen.queryByRole('group', { name: '签发者 某外部机构' })).toBeNull();
  });
});
