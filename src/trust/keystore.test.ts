import { randomBytes, sign, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KeystoreError,
  LocalMasterKeyWrapper,
  generateEd25519,
  jwkThumbprint,
  loadOrCreateMasterKey,
  masterKeyFromBase64,
  privateKeyFromPkcs8,
  publicJwk,
  publicKeyFromRaw,
  publicKeyPem,
  publicKeyRawFromKeyObject,
} from './keystore.ts';

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-keystore-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KeystoreError);
  expect((err as KeystoreError).code).toBe(code);
}

describe('LocalMasterKeyWrapper', () => {
  const master = randomBytes(32);
  const wrapper = new LocalMasterKeyWrapper(master);
  const secret = generateEd25519().privateKeyPkcs8;

  it('round-trips and uses the documented layout', async () => {
    const wrapped = await wrapper.wrap(secret, 'key-1');
    expect(wrapped[0]).toBe(0x01);
    expect(wrapped.length).toBe(1 + 12 + 16 + secret.length);
    expect(wrapped.includes(secret)).toBe(false);
    expect((await wrapper.unwrap(wrapped, 'key-1')).equals(secret)).toBe(true);
  });

  it('uses a fresh IV per wrap', async () => {
    const a = await wrapper.wrap(secret, 'key-1');
    const b = await wrapper.wrap(secret, 'key-1');
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('fails with a different master key', async () => {
    const wrapped = await wrapper.wrap(secret, 'key-1');
    const other = new LocalMasterKeyWrapper(randomBytes(32));
    expect(other.id).not.toBe(wrapper.id);
    await expectCode(other.unwrap(wrapped, 'key-1'), 'unwrap_failed');
  });

  it('fails when any byte of the wrapped key is flipped', async () => {
    const wrapped = await wrapper.wrap(secret, 'key-1');
    for (const i of [1, 12, 13, 28, 29, wrapped.length - 1]) {
      const tampered = Buffer.from(wrapped);
      tampered[i] = (tampered[i] as number) ^ 0x01;
      await expectCode(wrapper.unwrap(tampered, 'key-1'), 'unwrap_failed');
    }
    const badVersion = Buffer.from(wrapped);
    badVersion[0] = 0x02;
    await expectCode(wrapper.unwrap(badVersion, 'key-1'), 'malformed_wrapped_key');
    await expectCode(wrapper.unwrap(wrapped.subarray(0, 29), 'key-1'), 'malformed_wrapped_key');
  });

  it('fails when unwrapped under a different aad (row swap)', async () => {
    const wrapped = await wrapper.wrap(secret, 'key-1');
    await expectCode(wrapper.unwrap(wrapped, 'key-2'), 'unwrap_failed');
    await expectCode(wrapper.unwrap(wrapped, ''), 'invalid_argument');
  });

  it('rejects master keys that are not 32 bytes', () => {
    expect(() => new LocalMasterKeyWrapper(randomBytes(31))).toThrow(KeystoreError);
    expect(() => new LocalMasterKeyWrapper(randomBytes(33))).toThrow(KeystoreError);
  });

  it('id is stable for the same master key', () => {
    expect(new LocalMasterKeyWrapper(Buffer.from(master)).id).toBe(wrapper.id);
    expect(wrapper.id).toMatch(/^local-aes256gcm:[0-9a-f]{16}$/);
  });
});

describe('master key file', () => {
  it('creates the file with mode 0600 and reloads the same key', async () => {
    const dir = await tempDir();
    const file = join(dir, 'nested', 'master.key');
    const created = await loadOrCreateMasterKey(file);
    expect(created.length).toBe(32);
    const st = await stat(file);
    if (process.platform !== 'win32') expect(st.mode & 0o777).toBe(0o600);
    const text = await readFile(file, 'utf8');
    expect(text.trim()).toBe(created.toString('base64'));
    const reloaded = await loadOrCreateMasterKey(file);
    expect(reloaded.equals(created)).toBe(true);
    // no temporary files are left behind
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(join(dir, 'nested'))).toEqual(['master.key']);
  });

  it('concurrent creators agree on one key', async () => {
    const dir = await tempDir();
    const file = join(dir, 'master.key');
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateMasterKey(file)));
    for (const k of keys) expect(k.equals(keys[0] as Buffer)).toBe(true);
  });

  it('refuses a file holding a key of the wrong length', async () => {
    const dir = await tempDir();
    const file = join(dir, 'master.key');
    await writeFile(file, randomBytes(16).toString('base64'), { mode: 0o600 });
    await expectCode(loadOrCreateMasterKey(file), 'invalid_master_key');
  });

  it('masterKeyFromBase64 validates', () => {
    const key = randomBytes(32);
    expect(masterKeyFromBase64(key.toString('base64')).equals(key)).toBe(true);
    expect(masterKeyFromBase64(` ${key.toString('base64')}\n`).equals(key)).toBe(true);
    expect(() => masterKeyFromBase64(randomBytes(24).toString('base64'))).toThrow(KeystoreError);
    expect(() => masterKeyFromBase64('not base64!')).toThrow(KeystoreError);
    expect(() => masterKeyFromBase64(key.toString('base64url').replace(/=+$/, '') + '!')).toThrow(
      KeystoreError,
    );
  });
});

describe('Ed25519 helpers', () => {
  it('generates 32-byte public keys whose PKCS#8 private key signs for them', () => {
    const { publicKeyRaw, privateKeyPkcs8 } = generateEd25519();
    expect(publicKeyRaw.length).toBe(32);
    const priv = privateKeyFromPkcs8(privateKeyPkcs8);
    expect(publicKeyRawFromKeyObject(priv).equals(publicKeyRaw)).toBe(true);
    const msg = Buffer.from('assay');
    const sig = sign(null, msg, priv);
    expect(verify(null, msg, publicKeyFromRaw(publicKeyRaw), sig)).toBe(true);
    expect(verify(null, Buffer.from('assaY'), publicKeyFromRaw(publicKeyRaw), sig)).toBe(false);
  });

  it('publicJwk is an RFC 8037 OKP key', () => {
    const { publicKeyRaw } = generateEd25519();
    const jwk = publicJwk(publicKeyRaw, 'abc');
    expect(jwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: publicKeyRaw.toString('base64url'),
      kid: 'abc',
      alg: 'EdDSA',
      use: 'sig',
    });
    expect(() => publicJwk(publicKeyRaw.subarray(0, 31), 'abc')).toThrow(KeystoreError);
  });

  it('jwkThumbprint matches the RFC 8037 Appendix A.3 test vector', async () => {
    // RFC 8037 A.3: thumbprint of {"crv":"Ed25519","kty":"OKP","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}
    const raw = Buffer.from('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', 'base64url');
    expect(await jwkThumbprint(raw)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('publicKeyPem is SPKI PEM for the same key', () => {
    const { publicKeyRaw } = generateEd25519();
    const pem = publicKeyPem(publicKeyRaw);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    // SPKI for Ed25519 = fixed 12-byte prefix (RFC 8410) ‖ raw key
    expect(der.subarray(0, 12).toString('hex')).toBe('302a300506032b6570032100');
    expect(der.subarray(12).equals(publicKeyRaw)).toBe(true);
  });

  it('rejects non-Ed25519 private keys', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    expect(() => privateKeyFromPkcs8(der)).toThrow(KeystoreError);
    expect(() => privateKeyFromPkcs8(Buffer.from('garbage'))).toThrow(KeystoreError);
  });
});
