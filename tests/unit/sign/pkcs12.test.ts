/**
 * PKCS#12 both ways with OpenSSL 3: what we write, openssl reads (key and certificates, with
 * the expected PBES2/AES-256/PBKDF2-SHA256 and SHA-256 MAC); what `openssl pkcs12 -export`
 * writes by default, we read. Wrong or weak passphrases fail in Chinese, never echoing it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificateInfo, certificateToPem, checkPassphrase, createCa, readPkcs12, SignError, writePkcs12, type Identity } from '../../../utils/sign';
import { observer, SUPERVISOR } from '../../fixtures/sign/pki';
import { run, saveFile, tempDir } from '../../fixtures/sign/tools';

const PASS = '巡听口令 correct horse';
let ca: Identity;
let caP12: Uint8Array;

beforeAll(async () => {
  ca = await createCa(SUPERVISOR);
  caP12 = await writePkcs12(ca, PASS);
});

describe('writePkcs12 → openssl', () => {
  it('openssl reads the structure: PBES2, PBKDF2-SHA256, AES-256-CBC, 100,000 iterations, SHA-256 MAC', () => {
    const file = saveFile(caP12, 'ca.p12');
    const r = run('openssl', ['pkcs12', '-in', file, '-passin', `pass:${PASS}`, '-info', '-nokeys']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('MAC: sha256, Iteration 100000');
    expect(r.err).toMatch(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256/);
    expect(r.err).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256/);
    expect(r.out).toContain(certificateToPem(ca.certificate).trim());
    expect(r.out).toContain('friendlyName:'); // a BMPString; OpenSSL 3.0 prints Chinese ones garbled, its own included
  });

  it('openssl gets the private key out (-nocerts -nodes), and it is the certificate’s key', () => {
    const dir = tempDir();
    const file = saveFile(caP12, 'ca.p12', dir);
    const key = run('openssl', ['pkcs12', '-in', file, '-passin', `pass:${PASS}`, '-nocerts', '-nodes']);
    expect(key.code).toBe(0);
    expect(key.out).toContain('-----BEGIN PRIVATE KEY-----');
    const keyFile = saveFile(key.out, 'key.pem', dir);
    const certFile = saveFile(certificateToPem(ca.certificate), 'ca.pem', dir);
    const pubOfKey = run('openssl', ['pkey', '-in', keyFile, '-pubout']).out;
    const pubOfCert = run('openssl', ['x509', '-in', certFile, '-noout', '-pubkey']).out;
    expect(pubOfKey).toBe(pubOfCert);
  });

  it('openssl refuses a wrong passphrase', () => {
    const file = saveFile(caP12, 'ca.p12');
    expect(run('openssl', ['pkcs12', '-in', file, '-passin', 'pass:wrong passphrase', '-info', '-nokeys']).code).not.toBe(0);
  });

  it('round trip: key, certificate and chain come back; the key still signs', async () => {
    const zhang = await observer(ca, '张三', { extractable: true });
    const back = await readPkcs12(await writePkcs12(zhang, PASS), PASS);
    expect((await certificateInfo(back.certificate)).fingerprint).toBe((await certificateInfo(zhang.certificate)).fingerprint);
    expect(back.chain.map((c) => certificateToPem(c))).toEqual([certificateToPem(ca.certificate)]);
    expect(back.privateKey.extractable).toBe(false);
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, back.privateKey, new Uint8Array([1, 2, 3]));
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await back.certificate.getPublicKey(), sig, new Uint8Array([1, 2, 3]))).toBe(true);
  });

  it('a non-extractable key cannot be written', async () => {
    const zhang = await observer(ca, '张三');
    await expect(writePkcs12(zhang, PASS)).rejects.toThrow('私钥不可导出');
  });
});

describe('openssl pkcs12 -export → readPkcs12', () => {
  const dir = tempDir();
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  beforeAll(() => {
    const r = run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/C=CN/O=锡林郭勒盟委组织部/CN=王五',
      '-utf8',
      '-days',
      '30',
    ]);
    expect(r.code).toBe(0);
  });

  it('reads the default OpenSSL 3 file (PBES2 AES-256-CBC, SHA-256 MAC), with a chain given by -certfile', async () => {
    const caPem = saveFile(certificateToPem(ca.certificate), 'ca.pem', dir);
    const out = join(dir, 'default.p12');
    expect(run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-certfile', caPem, '-out', out, '-passout', `pass:${PASS}`]).code).toBe(0);
    const id = await readPkcs12(new Uint8Array(readFileSync(out)), PASS);
    const info = await certificateInfo(id.certificate);
    expect(info.subject.cn).toBe('王五');
    expect(info.subject.o).toBe('锡林郭勒盟委组织部');
    expect(id.chain).toHaveLength(1);
    expect(certificateToPem(id.chain[0])).toBe(certificateToPem(ca.certificate));
    expect(id.privateKey.algorithm.name).toBe('ECDSA');
  });

  it('reads an RSA identity too', async () => {
    const rsaKey = join(dir, 'rsa.pem');
    const rsaCert = join(dir, 'rsa-cert.pem');
    expect(
      run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', rsaKey, '-out', rsaCert, '-subj', '/CN=RSA Test', '-days', '30']).code,
    ).toBe(0);
    const out = join(dir, 'rsa.p12');
    expect(run('openssl', ['pkcs12', '-export', '-inkey', rsaKey, '-in', rsaCert, '-out', out, '-passout', `pass:${PASS}`]).code).toBe(0);
    const id = await readPkcs12(new Uint8Array(readFileSync(out)), PASS);
    expect(id.privateKey.algorithm.name).toBe('RSASSA-PKCS1-v1_5');
    expect(id.chain).toEqual([]);
  });

  it('an RSA-1024 or P-192 identity is refused: the key is below the floor', async () => {
    const weakKey = join(dir, 'rsa1024.pem');
    const weakCert = join(dir, 'rsa1024-cert.pem');
    expect(
      run('openssl', ['req', '-x509', '-newkey', 'rsa:1024', '-nodes', '-keyout', weakKey, '-out', weakCert, '-subj', '/CN=Weak', '-days', '30']).code,
    ).toBe(0);
    const out = join(dir, 'rsa1024.p12');
    expect(run('openssl', ['pkcs12', '-export', '-inkey', weakKey, '-in', weakCert, '-out', out, '-passout', `pass:${PASS}`]).code).toBe(0);
    const err = await readPkcs12(new Uint8Array(readFileSync(out)), PASS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignError);
    expect((err as SignError).code).toBe('key-weak');
    expect((err as SignError).message).toBe('PKCS#12 文件中的密钥强度不够，不能使用：RSA 密钥只有 1024 位，至少需要 2048 位');
  });

  it('a wrong passphrase: a Chinese message that does not repeat it', async () => {
    const out = join(dir, 'wrong.p12');
    expect(run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', out, '-passout', `pass:${PASS}`]).code).toBe(0);
    const attempt = 'not-the-passphrase-42';
    const err = await readPkcs12(new Uint8Array(readFileSync(out)), attempt).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignError);
    expect((err as SignError).code).toBe('passphrase-wrong');
    expect((err as SignError).message).toBe('口令不正确（或文件已损坏）');
    expect(JSON.stringify(err) + String(err) + (err as Error).stack).not.toContain(attempt);
  });

  it('the legacy kind (3DES, SHA-1 MAC) is refused with a clear message', async () => {
    const out = join(dir, 'legacy.p12');
    expect(
      run('openssl', [
        'pkcs12',
        '-export',
        '-inkey',
        key,
        '-in',
        cert,
        '-out',
        out,
        '-passout',
        `pass:${PASS}`,
        '-keypbe',
        'PBE-SHA1-3DES',
        '-certpbe',
        'PBE-SHA1-3DES',
        '-macalg',
        'sha1',
      ]).code,
    ).toBe(0);
    const err = await readPkcs12(new Uint8Array(readFileSync(out)), PASS).catch((e: unknown) => e);
    expect((err as SignError).code).toBe('pkcs12-unsupported');
    expect((err as SignError).message).toContain('旧式加密');
  });

  it('garbage is not a PKCS#12', async () => {
    await expect(readPkcs12(new TextEncoder().encode('hello'), PASS)).rejects.toThrow('不是有效的 PKCS#12');
  });
});

describe('passphrase rule', () => {
  it('refuses empty and short passphrases (< 8 characters) in Chinese', async () => {
    expect(() => checkPassphrase('')).toThrow('口令不能为空');
    expect(() => checkPassphrase('1234567')).toThrow('口令太短：至少需要 8 个字符');
    expect(() => checkPassphrase('八个汉字的口令啊')).not.toThrow();
    await expect(writePkcs12(ca, 'short')).rejects.toThrow('口令太短');
  });
});
