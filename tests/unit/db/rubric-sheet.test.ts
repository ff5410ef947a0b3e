/**
 * A supervisor's dashboard publishes a 评分表 with the identity its own CA issues it; an observer
 * whose certificate that CA issued imports it: verified, the template becomes the default for new
 * observations, a newer version replaces it, an older one or a changed, appended-to or foreign
 * PDF is refused by name and nothing changes. Drafts keep the template they carry.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVE_TEMPLATE_KEY,
  XuntingDB,
  activeTemplate,
  createAuthority,
  createBrowserIdentity,
  getSetting,
  importIdentityCertificate,
  importRubricSheet,
  issueFromRequest,
  loadRecord,
  publisherIdentity,
  saveRecord,
} from '../../../utils/db';
import { loadReportFonts } from '../../../cli/node-fonts';
import { publishRubricSheet, renderRubricSheet } from '../../../utils/template-publish';
import type { RubricTemplate } from '../../../utils/rubric';
import { readyRecord } from '../../fixtures/record';
import { smallTemplate } from '../../fixtures/rubric';
import { makePki } from '../../fixtures/sign/pki';
import { flipByte } from '../../fixtures/sign/pdf-bytes';

const fonts = loadReportFonts({ ext: false });
const opened: XuntingDB[] = [];
const fresh = (what: string) => {
  const db = new XuntingDB(`xunting-sheet-${what}-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const v = (version: number, extra: Partial<RubricTemplate> = {}): RubricTemplate => ({ ...smallTemplate(), version, ...extra });
let supervisor: XuntingDB;

/** A supervisor with a CA, and an observer whose certificate it issued. */
async function parties() {
  supervisor = fresh('supervisor');
  await createAuthority(supervisor, { name: '锡林郭勒盟直属机关工委', org: '巡听办', passphrase: 'ca-passphrase-2026' });
  const observer = fresh('observer');
  const csr = await createBrowserIdentity(observer, { name: '张三', org: '宣传部' });
  await importIdentityCertificate(observer, (await issueFromRequest(supervisor, csr)).pemBundle);
  return { supervisor, observer };
}
const publish = async (db: XuntingDB, t: RubricTemplate) => publishRubricSheet(t, fonts, await publisherIdentity(db));

let foreignSheet: Uint8Array;
beforeAll(async () => {
  const pki = await makePki();
  foreignSheet = await publishRubricSheet(v(5), fonts, pki.stranger);
}, 60_000);

describe('publishing from the dashboard and importing as an observer', () => {
  it('the dashboard issues itself a publishing identity once, in the CA’s name, registered among the issued', async () => {
    const { supervisor: s } = await parties();
    const first = await publisherIdentity(s);
    const again = await publisherIdentity(s);
    expect(again.certificate.serialNumber.valueBlock.valueHexView).toEqual(first.certificate.serialNumber.valueBlock.valueHexView);
    expect((await s.issued.toArray()).map((r) => r.cn).sort()).toEqual(['张三', '锡林郭勒盟直属机关工委'].sort());
  });

  it('a good sheet becomes the template of new observations; a newer version replaces it; an older one is refused', async () => {
    const { supervisor: s, observer } = await parties();
    const r1 = await importRubricSheet(observer, await publish(s, v(1)));
    expect(r1).toMatchObject({ ok: true, signer: '锡林郭勒盟直属机关工委', replaced: null });
    expect(await getSetting(observer, ACTIVE_TEMPLATE_KEY)).toBe(smallTemplate().id);
    expect((await activeTemplate(observer))?.version).toBe(1);
    expect((await observer.templates.get(smallTemplate().id))?.publishedBy?.cn).toBe('锡林郭勒盟直属机关工委');

    // A draft started with version 1 keeps it.
    const draft = readyRecord((await activeTemplate(observer))!, { now: new Date() });
    await saveRecord(observer, draft, '新建');

    const newer = v(2, { title: '评分表（第二版）' });
    expect(await importRubricSheet(observer, await publish(s, newer))).toMatchObject({ ok: true, replaced: 1 });
    expect(await activeTemplate(observer)).toEqual(newer);
    expect((await loadRecord(observer, draft.id))?.template.version).toBe(1);

    const older = await importRubricSheet(observer, await publish(s, v(1)));
    expect(older).toEqual({ ok: false, reason: '本机已有评分表「评分表（第二版）」的第 2 版，比这份（第 1 版）新，未导入' });
    expect(await activeTemplate(observer)).toEqual(newer);
  });

  it('a changed byte, an unsigned sheet and a foreign signer are refused by name; nothing changes', async () => {
    const { supervisor: s, observer } = await parties();
    const good = await publish(s, v(1));
    const before = await observer.templates.toArray();
    const flipped = await importRubricSheet(observer, flipByte(good, Math.floor(good.length / 2)));
    expect(flipped.ok).toBe(false);
    if (!flipped.ok) expect(flipped.reason).toMatch(/摘要|改动/);
    expect(await importRubricSheet(observer, renderRubricSheet(v(1), fonts))).toEqual({ ok: false, reason: '文件没有数字签名' });
    const foreign = await importRubricSheet(observer, foreignSheet);
    expect(foreign).toEqual({ ok: false, reason: '签名人「王五」的证书不是由受信任的 CA 签发的' });
    expect(await observer.templates.toArray()).toEqual(before);
    expect(await getSetting(observer, ACTIVE_TEMPLATE_KEY)).toBeUndefined();
  });
});
