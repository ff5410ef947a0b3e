// @vitest-environment happy-dom
/** While an import runs the results table lists only the files not accepted; every file once it ends. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/preact';
import { computed, signal } from '@preact/signals';
import { ReportInbox } from '../../../components/collect/ReportInbox';
import { AppContext } from '../../../components/db-context';
import type { InboxProgress, InboxStore } from '../../../components/collect/inbox-store';
import type { Platform } from '../../../components/platform';
import { XuntingDB, type IngestResult } from '../../../utils/db';

afterEach(cleanup);

const platform = (dbName: string): Platform => ({
  kind: 'web',
  dbName,
  loadDefaults: async () => ({ template: {}, roster: {} }),
  loadAsset: async () => new Uint8Array(),
  saveFile: async () => undefined,
  requestPersistence: async () => null,
  emit: () => undefined,
});

const accepted = (i: number): IngestResult => ({
  outcome: 'accepted',
  supersedes: [],
  note: '',
  fileName: `报告-${i}.pdf`,
  recordId: `r${i}`,
  revision: 1,
  unitName: `单位 ${i}`,
  date: '2026-05-12',
});
const refused: IngestResult = { outcome: 'rejected', fileName: '改过的.pdf', code: 'digest-mismatch', reason: '文件内容在签名后被改动（摘要不符）' };

describe('报告收集 results during an import', () => {
  it('lists only the refused file while running, then all three with the filter', async () => {
    const results = signal<IngestResult[]>([accepted(1), refused, accepted(2)]);
    const running = signal(true);
    const progress = signal<InboxProgress | null>({ done: 3, total: 10, counts: { accepted: 2, duplicate: 0, superseded: 0, rejected: 1 } });
    const store: InboxStore = {
      progress,
      results,
      running,
      error: signal(''),
      refusedIssuers: computed(() => []),
      importFiles: async () => undefined,
      recheck: async () => undefined,
      cancel: () => undefined,
    };
    const name = `inbox-${crypto.randomUUID()}`;
    render(
      <AppContext platform={platform(name)} db={new XuntingDB(name)}>
        <ReportInbox store={store} />
      </AppContext>,
    );
    const rows = () =>
      within(screen.getByRole('table', { name: '导入结果' }))
        .getAllByRole('row')
        .slice(1);
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('改过的.pdf')]);
    expect(screen.getByText(/导入中，下表只列出未接收的文件/)).toBeTruthy();
    expect(screen.queryByLabelText('只看未接收的文件')).toBeNull();

    await act(() => {
      running.value = false;
      progress.value = { done: 3, total: 3, counts: { accepted: 2, duplicate: 0, superseded: 0, rejected: 1 } };
    });
    expect(rows().map((r) => r.querySelector('td')!.textContent)).toEqual(['报告-1.pdf', '改过的.pdf', '报告-2.pdf']);
    expect(screen.queryByText(/导入中/)).toBeNull();
    await act(() => void screen.getByLabelText('只看未接收的文件').click());
    expect(rows()).toHaveLength(1);
  });
});
