// @vitest-environment happy-dom
/** The dashboard's first run: what to do first, not 0.0% and empty charts. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { SupervisorApp } from '../../../components/supervisor/SupervisorApp';
import type { Platform } from '../../../components/platform';
import { savePlans, XuntingDB } from '../../../utils/db';
import { readDefaultRosterText, readDefaultTemplateJson } from '../../fixtures/defaults';

afterEach(cleanup);
const platform = (dbName: string): Platform => ({
  kind: 'web',
  dbName,
  loadDefaults: async () => ({ template: readDefaultTemplateJson(), roster: JSON.parse(readDefaultRosterText()) }),
  loadAsset: async () => new Uint8Array(),
  saveFile: async () => undefined,
  requestPersistence: async () => null,
  emit: () => undefined,
});

describe('覆盖统计 with no report collected', () => {
  it('lists the first steps, each with what is there and a way to it; steps turn done as they are done', async () => {
    const dbName = `first-${crypto.randomUUID()}`;
    const year = new Date().getFullYear();
    render(<SupervisorApp platform={platform(dbName)} initialTab="coverage" />);
    const steps = await screen.findByRole('region', { name: '开始使用：还没有收到报告' });
    expect(document.body.textContent).not.toContain('0.0%');
    const items = within(steps)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      '✓ 核对单位名单名单中有 69 个在册单位（内置名单可直接使用，也可导入本地名单）',
      `制定 ${year} 年巡听计划还没有 ${year} 年计划：导入计划表，或在表中逐个安排月份去制定 ${year} 年巡听计划`,
      '建立或信任巡听办的 CA在“证书颁发”中建立 CA，为巡听人员签发证书；或在“信任列表”中导入巡听办的 CA 证书去建立或信任巡听办的 CA',
      '收集报告把收到的报告 PDF（或存放报告的文件夹）拖入“报告收集”，覆盖情况随即统计去收集报告',
    ]);

    // A plan saved elsewhere (another tab) ticks its step.
    await savePlans(new XuntingDB(dbName), [{ format: 'xunting.plan/1', year, entries: [{ unitId: 'u001', month: 5, group: '' }] }]);
    await within(steps).findByText(`已有 ${year} 年计划（1 个单位）`);

    fireEvent.click(within(steps).getByRole('button', { name: '去建立或信任巡听办的 CA' }));
    await screen.findByRole('heading', { name: '证书颁发（CA）' });
  });
});
