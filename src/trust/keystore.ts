/**
 * Key storage for Assay signing keys.
 *
 * - `KeyWrapper` is the abstraction used to encrypt ("wrap") private signing keys before they
 *   are written to the database. The local default, `LocalMasterKeyWrapper`, uses AES-256-GCM
 *   with a 32-byte master key; a KMS/HSM-backed wrapper can implement the same interface.
 * - Ed25519 helpers convert between raw 32-byte public keys, PKCS#8 private keys, node:crypto
 *   KeyObjects, RFC 8037 OKP JWKs, RFC 7638 thumbprints and SPKI PEM.
 *
 * Wrapped-key layout (version 1):
 *
 *     0x01 ‖ iv (12 bytes, random per wrap) ‖ GCM tag (16 bytes) ‖ ciphertext
 *
 * The GCM additional authenticated data is `0x01 ‖ UTF-8(aad)`. Callers pass the key id (or a
 * longer string naming the row) as `aad`, so a wrapped key copied onto another row does not
 * unwrap there, and the version byte cannot be swapped.
 *
 * The only I/O in this module is `loadOrCreateMasterKey`.
 */
import type { KeyWrapper } from '../platform/context.ts';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { chmod, link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint } from 'jose';

export type KeystoreErrorCode =
  'invalid_master_key' | 'invalid_argument' | 'malformed_wrapped_key' | 'unwrap_failed' | 'invalid_key';

export class KeystoreError extends Error {
  readonly code: KeystoreErrorCode;
  constructor(code: KeystoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeystoreError';
    this.code = code;
  }
}

/** Encrypts and decrypts private key material at rest. */
export type { KeyWrapper } from '../platform/context.ts';

export const MASTER_KEY_BYTES = 32;
const WRAP_VERSION = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

function requireAad(aad: unknown): string {
  if (typeof aad !== 'string' || aad.length === 0) {
    throw new KeystoreError('invalid_argument', 'aad must be a non-empty string (e.g. the key id)');
  }
  return aad;
}

function aadBytes(aad: string): Buffer {
  return Buffer.concat([Buffer.of(WRAP_VERSION), Buffer.from(aad, 'utf8')]);
}

/** AES-256-GCM wrapper keyed by a local 32-byte master key. */
export class LocalMasterKeyWrapper implements KeyWrapper {
  readonly id: string;
  readonly #key: KeyObject;

  constructor(masterKey: Uint8Array) {
    if (!(masterKey instanceof Uint8Array) || masterKey.length !== MASTER_KEY_BYTES) {
      throw new KeystoreError('invalid_master_key', `master key must be exactly ${MASTER_KEY_BYTES} bytes`);
    }
    this.#key = createSecretKey(Buffer.from(masterKey));
    // Identifies which master key wrapped a row without revealing anything usable about it.
    const fingerprint = createHash('sha256')
      .update('assay/keystore/master-key-id/v1\0')
      .update(masterKey)
      .digest('hex')
      .slice(0, 16);
    this.id = `local-aes256gcm:${fingerprint}`;
  }

  async wrap(plain: Buffer, aad: string): Promise<Buffer> {
    if (!(plain instanceof Uint8Array) || plain.length === 0) {
      throw new KeystoreError('invalid_argument', 'plaintext must be a non-empty Buffer');
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aadBytes(requireAad(aad)));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    const tag = cipher.getAuthTag();
    return Buffer.concat([Buffer.of(WRAP_VERSION), iv, tag, ciphertext]);
  }

  async unwrap(wrapped: Buffer, aad: string): Promise<Buffer> {
    const checkedAad = requireAad(aad);
    if (!(wrapped instanceof Uint8Array) || wrapped.length <= HEADER_BYTES) {
      throw new KeystoreError('malformed_wrapped_key', 'wrapped key is too short');
    }
    if (wrapped[0] !== WRAP_VERSION) {
      throw new KeystoreError(
        'malformed_wrapped_key',
        `unsupported wrapped key version ${String(wrapped[0])}`,
      );
    }
    const buf = Buffer.from(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength);
    const iv = buf.subarray(1, 1 + IV_BYTES);
    const tag = buf.subarray(1 + IV_BYTES, HEADER_BYTES);
    const ciphertext = buf.subarray(HEADER_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aadBytes(checkedAad));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch (cause) {
      // Wrong master key, wrong aad, or tampered bytes: GCM cannot tell them apart.
      throw new KeystoreError('unwrap_failed', 'wrapped key failed authentication', { cause });
    }
  }
}

/** Parses a master key from (strict, canonical) base64; must decode to exactly 32 bytes. */
export function masterKeyFromBase64(str: string): Buffer {
  if (typeof str !== 'string') {
    throw new KeystoreError('invalid_master_key', 'master key must be a base64 string');
  }
  const text = str.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new KeystoreError('invalid_master_key', 'master key is not valid base64');
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== MASTER_KEY_BYTES || key.toString('base64') !== text) {
    throw new KeystoreError(
      'invalid_master_key',
      `master key must be base64 of exactly ${MASTER_KEY_BYTES} bytes (got ${key.length})`,
    );
  }
  return key;
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

/**
 * Reads the master key from `filePath`, or creates it (mode 0600, base64 of 32 random bytes)
 * when the file does not exist. Creation is atomic: the key is written and fsynced to a
 * temporary file that is then hard-linked into place, so a concurrent creator or a crash can
 * never leave a half-written key behind; if another process won the race its key is used.
 * An existing file that does not hold a valid key is an error, never silently replaced.
 */
export async function loadOrCreateMasterKey(filePath: string): Promise<Buffer> {
  const existing = await readMasterKeyFile(filePath);
  if (existing) return existing;

  await mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
  const key = randomBytes(MASTER_KEY_BYTES);
  const tmpPath = `${filePath}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmpPath, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(`${key.toString('base64')}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(tmpPath, 0o600); // in case the umask stripped owner bits
    try {
      await link(tmpPath, filePath);
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw err;
      const winner = await readMasterKeyFile(filePath);
      if (!winner) throw err;
      return winner;
    }
    return key;
  } finally {
    await unlink(tmpPath).catch(() => undefined);
  }
}

async function readMasterKeyFile(filePath: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return masterKeyFromBase64(text);
  } catch (cause) {
    throw new KeystoreError('invalid_master_key', `master key file ${filePath} does not hold a valid key`, {
      cause,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Ed25519 helpers
// ---------------------------------------------------------------------------------------------

export const ED25519_PUBLIC_KEY_BYTES = 32;

export interface Ed25519KeyPair {
  /** Raw 32-byte public key (RFC 8032 encoding, the JWK `x` value). */
  publicKeyRaw: Buffer;
  /** PKCS#8 DER private key. */
  privateKeyPkcs8: Buffer;
}

/** RFC 8037 OKP public JWK for an Ed25519 key, as published in JWKS and DID documents. */
export interface Ed25519PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

function requireRawPublicKey(raw: Uint8Array): Buffer {
  if (!(raw instanceof Uint8Array) || raw.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new KeystoreError(
      'invalid_key',
      `Ed25519 public key must be ${ED25519_PUBLIC_KEY_BYTES} raw bytes`,
    );
  }
  return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
}

export function generateEd25519(): Ed25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyRaw: publicKeyRawFromKeyObject(publicKey),
    privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

/** Imports a PKCS#8 DER Ed25519 private key. */
export function privateKeyFromPkcs8(der: Uint8Array): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  } catch (cause) {
    throw new KeystoreError('invalid_key', 'not a PKCS#8 private key', { cause });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KeystoreError('invalid_key', `expected an Ed25519 key, got ${String(key.asymmetricKeyType)}`);
  }
  return key;
}

/** Imports a raw 32-byte Ed25519 public key. */
export function publicKeyFromRaw(raw32: Uint8Array): KeyObject {
  const raw = requireRawPublicKey(raw32);
  try {
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    });
  } catch (cause) {
    throw new KeystoreError('invalid_key', 'not a valid Ed25519 public key', { cause });
  }
}

/** Raw 32-byte public key of an Ed25519 KeyObject (public, or private whose public half is derived). */
export function publicKeyRawFromKeyObject(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KeystoreError('invalid_key', `expected an Ed25519 key, got ${String(key.asymmetricKeyType)}`);
  }
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = pub.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new KeystoreError('invalid_key', 'Ed25519 key has no x coordinate');
  return requireRawPublicKey(Buffer.from(jwk.x, 'base64url'));
}

export function publicJwk(raw32: Uint8Array, kid: string): Ed25519PublicJwk {
  const raw = requireRawPublicKey(raw32);
  if (typeof kid !== 'string' || kid.length === 0) {
    throw new KeystoreError('invalid_argument', 'kid must be a non-empty string');
  }
  return { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url'), kid, alg: 'EdDSA', use: 'sig' };
}

/**
 * RFC 7638 JWK thumbprint (SHA-256, base64url) of the Ed25519 public key. Only the required
 * members `crv`, `kty`, `x` enter the hash, so the value is independent of `kid`/`alg`/`use`.
 */
export async function jwkThumbprint(raw32: Uint8Array): Promise<string> {
  const raw = requireRawPublicKey(raw32);
  return calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, 'sha256');
}

/** SPKI PEM of the public key (usable with `openssl pkeyutl -verify -pubin -rawin`). */
export function publicKeyPem(raw32: Uint8Array): string {
  return publicKeyFromRaw(raw32).export({ format: 'pem', type: 'spki' }).toString();
}
