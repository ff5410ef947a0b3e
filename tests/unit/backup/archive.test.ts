/** utils/backup on its own: the archive layout, the round trip of every kind of value, and each refusal. */
import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { BACKUP_FORMAT, BackupError, backupFileName, readArchive, readManifest, writeArchive, type TableDump } from '../../../utils/backup';
import { rowOf } from '../../../utils/db';
import { demo } from '../../fixtures/records/builders';
import { smallTemplate } from '../../fixtures/rubric';
import { bytesOf, editRows, entryDataOffset, patchDeclaredSize, rezip, text } from './archive-tools';
import { fakePdf, pdfBlob } from './fill-database';

function sampleDump(): TableDump {
  const r = demo();
  return {
    dbVersion: 3,
    createdAt: '2026-05-12T03:04:00.000Z',
    notes: ['说明'],
    tables: {
      observations: [rowOf(r)],
      records: [{ id: r.id, record: r }],
      versions: [{ id: r.id, revision: 1, finalizedAt: r.finalizedAt, record: r }],
      reports: [
        { observationId: r.id, revision: 1, createdAt: '2026-05-12T03:00:00.000Z', fileName: 'a.pdf', pdf: pdfBlob(fakePdf('a')), signed: true },
        { observationId: r.id, revision: 2, createdAt: '2026-05-13T03:00:00.000Z', fileName: 'b.pdf', pdf: pdfBlob(fakePdf('b', 20_000)), signed: false },
      ],
      templates: [{ id: 'test-rubric', version: 1, title: '测试评分表', importedAt: '2026-01-01T00:00:00.000Z', template: smallTemplate() }],
      units: [{ id: 'u026', name: '锡林郭勒盟教育局', category: '政府', active: true }],
      settings: [
        { key: 'names', value: ['张明'] },
        { key: 'odd', value: { $bytes: 'x', ['__proto__']: { polluted: true }, deep: { $object: 1, bin: new Uint8Array([1, 2, 3]) } } },
      ],
      trust: [
        {
          fingerprint: 'ab'.repeat(32),
          kind: 'ca',
          cn: 'CA',
          o: '单位',
          notAfter: '2036-01-01T00:00:00.000Z',
          addedAt: '2026-01-01T00:00:00.000Z',
          certificate: new Uint8Array([48, 3, 2, 1, 0]),
        },
      ],
      plans: [{ format: 'xunting.plan/1', year: 2026, entries: [{ unitId: 'u026', month: 5, group: '第一巡听组' }] }],
    },
  };
}

async function blobBytes(rows: unknown[]): Promise<Uint8Array[]> {
  return Promise.all(rows.map(async (r) => new Uint8Array(await (r as { pdf: Blob }).pdf.arrayBuffer())));
}

async function refusal(bytes: Uint8Array, opts?: Parameters<typeof readArchive>[1]): Promise<string> {
  const read = await readArchive(bytes, opts);
  expect(read.ok).toBe(false);
  return read.ok ? '' : read.problems.map((p) => `${p.path}：${p.message}`).join('\n');
}

describe('writeArchive → readArchive', () => {
  it('gives back every row: records, Uint8Array, Blobs (bytes and type), values that look like markers, a __proto__ key', async () => {
    const dump = sampleDump();
    const read = await readArchive(await writeArchive(dump));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { reports, ...rest } = read.value.tables;
    const { reports: origReports, ...origRest } = dump.tables;
    for (const [t, rows] of Object.entries(origRest)) expect(rest[t], t).toEqual(rows);
    expect(rest.snapshots).toEqual([]); // a table not in the dump comes back empty
    expect(reports.map((r: any) => [r.fileName, r.pdf.type])).toEqual([
      ['a.pdf', 'application/pdf'],
      ['b.pdf', 'application/pdf'],
    ]);
    expect(await blobBytes(reports)).toEqual(await blobBytes(origReports));
    const odd = (read.value.tables.settings[1] as any).value;
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(Object.keys(odd)).toEqual(['$bytes', '__proto__', 'deep']);
    expect(odd.deep.bin).toBeInstanceOf(Uint8Array);
    expect(({} as any).polluted).toBeUndefined();
    expect(read.value).toMatchObject({ dbVersion: 3, createdAt: '2026-05-12T03:04:00.000Z', notes: ['说明'] });
  });

  it('lays out manifest.json, tables/<name>.json and blobs/<table>/<n>.pdf (PDFs stored, not compressed), each with its SHA-256', async () => {
    const zip = await writeArchive(sampleDump());
    const info: Record<string, { compression: number; size: number }> = {};
    const files = unzipSync(zip, { filter: (f) => ((info[f.name] = { compression: f.compression, size: f.originalSize }), true) });
    expect(Object.keys(files).sort()).toEqual(
      [
        'manifest.json',
        'blobs/reports/1.pdf',
        'blobs/reports/2.pdf',
        ...['observations', 'records', 'versions', 'reports', 'templates', 'units', 'settings', 'trust', 'plans'].map((t) => `tables/${t}.json`),
      ].sort(),
    );
    expect(info['blobs/reports/2.pdf']).toEqual({ compression: 0, size: 20_000 });
    expect(info['tables/records.json'].compression).toBe(8);
    const manifest = JSON.parse(text(files['manifest.json']));
    expect(manifest).toMatchObject({ format: BACKUP_FORMAT, app: 'xunting', dbVersion: 3, createdAt: '2026-05-12T03:04:00.000Z', notes: ['说明'] });
    expect(manifest.tables).toMatchObject({ reports: 2, records: 1, settings: 2 });
    expect(Object.keys(manifest.entries).sort()).toEqual(
      Object.keys(files)
        .filter((f) => f !== 'manifest.json')
        .sort(),
    );
    const reportsJson = JSON.parse(text(files['tables/reports.json']));
    expect(reportsJson[1].pdf).toEqual({ $blob: 'blobs/reports/2.pdf', type: 'application/pdf' });
    expect(JSON.parse(text(files['tables/trust.json']))[0].certificate).toEqual({ $bytes: 'MAMCAQA=' });
    expect(readManifest(zip)).toEqual({ ok: true, value: manifest });
  });

  it('refuses to write a CryptoKey (private keys are never in a backup)', async () => {
    const key = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])).privateKey;
    const dump = { ...sampleDump(), tables: { authority: [{ id: 'ca', privateKey: key }] } };
    await expect(writeArchive(dump)).rejects.toThrow(BackupError);
    await expect(writeArchive(dump)).rejects.toThrow('authority[0].privateKey 是无法写入备份的数据类型（CryptoKey）');
    await expect(writeArchive({ ...sampleDump(), tables: { settings: [{ key: 'd', value: new Date() }] } })).rejects.toThrow('（Date）');
    await expect(writeArchive({ ...sampleDump(), tables: { settings: [{ key: 'n', value: NaN }] } })).rejects.toThrow('NaN');
  });

  it('names the file 巡听旁听备份-YYYYMMDD-HHMM.xtbak in local time', () => {
    expect(backupFileName(new Date(2026, 4, 2, 9, 7))).toBe('巡听旁听备份-20260502-0907.xtbak');
  });
});

describe('readArchive refuses, saying why, and returns nothing', () => {
  it('a file that is not a ZIP, an empty file, a ZIP that is not a backup', async () => {
    expect(await refusal(bytesOf('%PDF-1.7 这不是备份'))).toMatch('这不是巡听备份文件（不是 ZIP 格式');
    expect(await refusal(crypto.getRandomValues(new Uint8Array(4096)))).toMatch('不是 ZIP 格式');
    expect(await refusal(new Uint8Array(0))).toMatch('备份文件是空的');
    expect(await refusal(zipSync({ 'readme.txt': bytesOf('你好'), 'data/x.json': bytesOf('{}') }))).toMatch('ZIP 中没有 manifest.json');
    expect(await refusal(zipSync({ 'manifest.json': bytesOf('not json') }))).toMatch('manifest.json 不是有效的 JSON 对象');
  });

  it('a manifest of another format, a newer format, a newer database, another app, an unknown table', async () => {
    const zip = await writeArchive(sampleDump());
    const withManifest = (patch: Record<string, unknown>) => rezip(zip, (_f, m) => Object.assign(m, patch));
    expect(await refusal(await withManifest({ format: 'xunting.roster/1' }))).toMatch('这不是巡听备份：manifest.json 的格式标识是 "xunting.roster/1"');
    expect(await refusal(await withManifest({ format: 'xunting.backup/2' }))).toMatch(
      '备份格式 "xunting.backup/2" 比本程序支持的 "xunting.backup/1" 新，请先升级',
    );
    expect(await refusal(await withManifest({ dbVersion: 5 }))).toMatch('备份来自较新的巡听旁听（数据库版本 5');
    expect(await refusal(await withManifest({ app: 'other' }))).toMatch('manifest.json.app：app 须为 "xunting"');
    const identities = await rezip(zip, (f, m) => {
      f['tables/identities.json'] = bytesOf('[]');
      m.tables.identities = 0;
    });
    expect(await refusal(identities)).toMatch('不认识（或不应备份）的数据表 "identities"');
  });

  it('a truncated file', async () => {
    const zip = await writeArchive(sampleDump());
    for (const keep of [0.5, 0.99]) expect(await refusal(zip.subarray(0, Math.floor(zip.length * keep)))).toMatch('备份文件已损坏或不完整');
  });

  it('one byte changed inside an entry: the SHA-256 does not match the manifest', async () => {
    const zip = await writeArchive(sampleDump());
    const flipped = zip.slice();
    flipped[entryDataOffset(zip, 'blobs/reports/2.pdf') + 1000] ^= 0x01;
    expect(await refusal(flipped)).toMatch('blobs/reports/2.pdf：条目 blobs/reports/2.pdf 的 SHA-256 校验值与 manifest.json 所记不符');
    // Inside a compressed entry the change may also break the deflate stream: refused either way.
    const inTable = zip.slice();
    inTable[entryDataOffset(zip, 'tables/records.json') + 40] ^= 0x10;
    expect(await refusal(inTable)).toMatch(/SHA-256|已损坏/);
  });

  it('an entry changed and its checksum left: refused; an entry not in the manifest, or listed but absent: refused', async () => {
    const zip = await writeArchive(sampleDump());
    const edited = await rezip(zip, (f) => editRows(f, 'units', (rows) => (rows[0].name = '改过的名称')), { rehash: false });
    expect(await refusal(edited)).toMatch('tables/units.json 的 SHA-256 校验值与 manifest.json 所记不符');
    expect(await refusal(await rezip(zip, (f) => (f['extra.txt'] = bytesOf('x')), { rehash: false }))).toMatch('条目 extra.txt 不在 manifest.json 的清单中');
    expect(await refusal(await rezip(zip, (f) => delete f['blobs/reports/1.pdf'], { rehash: false }))).toMatch('备份文件不完整：缺少条目 blobs/reports/1.pdf');
  });

  it('a referenced PDF missing from the archive (and from its manifest)', async () => {
    const zip = await writeArchive(sampleDump());
    const missing = await rezip(zip, (f) => delete f['blobs/reports/2.pdf']);
    expect(await refusal(missing)).toMatch('tables/reports.json[1].pdf：备份中缺少所引用的文件 blobs/reports/2.pdf');
  });

  it('rows that fail validation: a record, a template, a roster, a plan, a missing key, a row count that differs', async () => {
    const zip = await writeArchive(sampleDump());
    const bad = await rezip(zip, (f) => {
      editRows(f, 'records', (rows) => (rows[0].record.date = '2026-13-45'));
      editRows(f, 'templates', (rows) => (rows[0].template.sections = []));
      editRows(f, 'units', (rows) => rows.push({ ...rows[0], id: 'u999' }));
      editRows(f, 'plans', (rows) => (rows[0].entries[0].month = 13));
      editRows(f, 'observations', (rows) => delete rows[0].id);
    }).then((z) => rezip(z, (_f, m) => Object.assign(m.tables, { units: 2 })));
    const why = await refusal(bad);
    expect(why).toMatch(/tables\/records\.json\[0\]\.record\.date：/);
    expect(why).toMatch(/tables\/templates\.json\[0\]\.template\.sections：/);
    expect(why).toMatch('tables/units.json[1].name：单位名称「锡林郭勒盟教育局」与第 1 个单位重复');
    expect(why).toMatch('tables/plans.json[0].entries[0].month：月份须为 1 到 12 之间的整数');
    expect(why).toMatch('tables/observations.json[0].id：缺少主键 id');
    const count = await rezip(zip, (f) => editRows(f, 'units', (rows) => rows.push({ ...rows[0], id: 'u2', name: '另一个' })));
    expect(await refusal(count)).toMatch('tables/units.json 有 2 行，manifest.json 记为 1 行');
    const dup = await rezip(zip, (f) => editRows(f, 'settings', (rows) => rows.push(rows[0]))).then((z) => rezip(z, (_f, m) => (m.tables.settings = 3)));
    expect(await refusal(dup)).toMatch('tables/settings.json[2]：主键 key 与第 1 行重复');
    const marker = await rezip(zip, (f) => editRows(f, 'settings', (rows) => (rows[0].value = { $evil: 1 })));
    expect(await refusal(marker)).toMatch('无法识别的标记 "$evil"');
    const b64 = await rezip(zip, (f) => editRows(f, 'trust', (rows) => (rows[0].certificate = { $bytes: '***' })));
    expect(await refusal(b64)).toMatch('tables/trust.json[0].certificate：二进制字段（$bytes）不是有效的 base64');
  });

  it('a ZIP bomb: entries declaring more than the limit are refused before anything is inflated', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bomb = zipSync({ 'manifest.json': bytesOf('{}'), 'blobs/reports/1.pdf': [zeros, { level: 9 }] });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(bomb, { limits: { maxTotalBytes: 10 * 1024 * 1024 } })).toMatch('备份文件解压后将超过 10 MB 的上限（可能是“压缩炸弹”），已拒绝');
    const many = zipSync(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, bytesOf('x')])));
    expect(await refusal(many, { limits: { maxEntries: 20 } })).toMatch('备份文件中的条目超过 20 个，已拒绝');
  });

  it('a ZIP that lies about its sizes: the entry is inflated only until it comes out longer than it declares, and is refused', async () => {
    const zip = await writeArchive(sampleDump());
    const small = patchDeclaredSize(zip, 'tables/records.json', 100);
    expect(await refusal(small)).toMatch(/tables\/records\.json/);
    // 50 MB of zeros declared as 1,000 bytes: stopped after the first piece that overflows 1,000 bytes.
    const zeros = new Uint8Array(50 * 1024 * 1024);
    const manifest = {
      format: BACKUP_FORMAT,
      createdAt: '2026-01-01T00:00:00Z',
      dbVersion: 3,
      app: 'xunting',
      tables: {},
      entries: { 'blobs/reports/1.pdf': '0'.repeat(64) },
      notes: [],
    };
    const bomb = patchDeclaredSize(
      zipSync({ 'manifest.json': bytesOf(JSON.stringify(manifest)), 'blobs/reports/1.pdf': [zeros, { level: 9 }] }),
      'blobs/reports/1.pdf',
      1000,
    );
    expect(await refusal(bomb)).toMatch('条目 blobs/reports/1.pdf 已损坏（解压后的长度与 ZIP 目录所记不符）');
    const pdfLie = patchDeclaredSize(zip, 'blobs/reports/2.pdf', 10);
    expect(await refusal(pdfLie)).toMatch('条目 blobs/reports/2.pdf 已损坏（解压后的长度与 ZIP 目录所记不符）');
  });
});
