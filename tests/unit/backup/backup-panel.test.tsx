// @vitest-environment happy-dom
/** BackupPanel as a person uses it: export (a file is handed over, the counts shown), restore after confirming. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { BackupPanel } from '../../../components/backup/BackupPanel';
import type { Platform } from '../../../components/platform';
import { AppContext } from '../../../components/db-context';
import { RosterManager } from '../../../components/options/RosterManager';
import { XuntingDB, createAuthority, listUnits, replaceRoster, setSetting } from '../../../utils/db';
import { closeAll, freshDb } from './fill-database';

// The archive and signing code load on first use (import()); load them up front, so that
// waitFor's one second covers the click and its outcome, not the first transform of pkijs.
beforeAll(async () => {
  await Promise.all([import('../../../utils/backup/archive'), import('../../../utils/sign')]);
});

afterEach(async () => {
  cleanup();
  await closeAll();
});
const roster = (names: string[]) => ({
  format: 'xunting.roster/1',
  units: names.map((name, i) => ({ id: `u${i + 1}`, name, category: '政府', active: true })),
});

function platformWith(saveFile: Platform['saveFile']): Platform {
  return {
    kind: 'web',
    dbName: 'x',
    loadDefaults: async () => ({ template: null, roster: null }),
    loadAsset: async () => new Uint8Array(),
    saveFile,
    requestPersistence: async () => null,
    emit: () => {},
  };
}

/** The panel as on the options page: the roster section beside it shows what is stored. */
function mount(db: XuntingDB, kind: 'observer' | 'supervisor', saveFile = vi.fn(async () => {})) {
  render(
    <AppContext platform={platformWith(saveFile)} db={db}>
      <BackupPanel kind={kind} />
      <RosterManager />
    </AppContext>,
  );
  return { saveFile };
}

async function exportFrom(db: XuntingDB, kind: 'observer' | 'supervisor'): Promise<File> {
  const { saveFile } = mount(db, kind);
  fireEvent.click(screen.getByRole('button', { name: '导出备份' }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^已导出备份「巡听旁听备份-\d{8}-\d{4}\.xtbak」$/));
  const [name, blob] = saveFile.mock.calls[0] as unknown as [string, Blob];
  cleanup();
  return new File([await blob.arrayBuffer()], name);
}

function choose(file: File) {
  const input = screen.getByLabelText('选择备份文件（.xtbak）') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('BackupPanel', () => {
  it('exports: the file is handed to the platform and the counts are shown', async () => {
    const db = freshDb();
    await replaceRoster(db, roster(['锡林郭勒盟教育局', '锡林郭勒盟财政局']));
    const saveFile = vi.fn(async () => {});
    mount(db, 'observer', saveFile);
    expect(screen.getByRole('heading', { name: '备份与恢复' })).toBeTruthy();
    expect(screen.getByText(/签名身份（私钥）不在备份中/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '导出备份' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [name, blob] = saveFile.mock.calls[0] as unknown as [string, Blob];
    expect(name).toMatch(/^巡听旁听备份-\d{8}-\d{4}\.xtbak$/);
    expect(blob.size).toBeGreaterThan(100);
    await waitFor(() => expect(screen.getByRole('list', { name: '已导出的数据' }).textContent).toBe('单位名单：2'));
  });

  it('restores over other data only after the confirmation; the observer is told to make a new identity', async () => {
    const source = freshDb();
    await replaceRoster(source, roster(['锡林郭勒盟教育局', '锡林郭勒盟财政局']));
    await setSetting(source, 'observerNames', ['张明']);
    const file = await exportFrom(source, 'observer');

    const target = freshDb();
    await replaceRoster(target, roster(['别的单位']));
    mount(target, 'observer');
    await waitFor(() => expect(screen.getByRole('table', { name: '单位名单' }).textContent).toContain('别的单位'));
    choose(file);
    await waitFor(() => expect(screen.getByRole('list', { name: '备份中的数据' }).textContent).toBe('单位名单：2设置：1'));
    expect(screen.queryByLabelText(/CA 备份口令/)).toBeNull();
    const restore = screen.getByRole('button', { name: '恢复' }) as HTMLButtonElement;
    expect(restore.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('我已了解：将替换本机现有的全部数据'));
    expect(restore.disabled).toBe(false);
    fireEvent.click(restore);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`已从备份「${file.name}」恢复本机数据`));
    expect((await listUnits(target)).map((u) => u.name)).toEqual(['锡林郭勒盟教育局', '锡林郭勒盟财政局']);
    // The page shows the restored data without a reload or a remount.
    await waitFor(() => expect(screen.getByRole('table', { name: '单位名单' }).textContent).toContain('锡林郭勒盟财政局'));
    expect(screen.getByRole('table', { name: '单位名单' }).textContent).not.toContain('别的单位');
    expect(screen.getByRole('list', { name: '恢复后的数据' }).textContent).toBe('单位名单：2设置：1');
    expect(screen.getAllByText(/请恢复后重新生成/).length).toBeGreaterThan(0);
  });

  it('asks for the CA passphrase when the backup holds a CA; a wrong one is refused and nothing changes', async () => {
    const source = freshDb();
    await createAuthority(source, { name: '巡听办', org: '工委', passphrase: '正确的备份口令2026' });
    const file = await exportFrom(source, 'supervisor');

    const target = freshDb();
    await replaceRoster(target, roster(['别的单位']));
    mount(target, 'supervisor');
    choose(file);
    const pass = await screen.findByLabelText('CA 备份口令（建立 CA 时设置的口令）');
    fireEvent.click(screen.getByLabelText('我已了解：将替换本机现有的全部数据'));
    const restore = screen.getByRole('button', { name: '恢复' }) as HTMLButtonElement;
    expect(restore.disabled).toBe(true);
    fireEvent.input(pass, { target: { value: '错误的口令错误的口令' } });
    fireEvent.click(restore);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch('CA 备份口令不正确，未恢复任何数据'), { timeout: 10_000 });
    expect((await listUnits(target)).map((u) => u.name)).toEqual(['别的单位']);
    expect(await target.authority.count()).toBe(0);
  });

  it('says why a file cannot be used, as soon as it is chosen', async () => {
    mount(freshDb(), 'supervisor');
    choose(new File(['姓名,单位\n'], '名单.csv'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch('「名单.csv」不能用于恢复：\n· 备份文件：这不是巡听备份文件'));
    expect(screen.queryByRole('button', { name: '恢复' })).toBeNull();
  });
});
