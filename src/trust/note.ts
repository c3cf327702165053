/**
 * C2SP signed-note (https://c2sp.org/signed-note), Ed25519 signature type 0x01.
 *
 *   <text ending in "\n">
 *   <blank line>
 *   — <key name> base64(4-byte key ID ‖ signature)\n      (one or more; U+2014 em dash)
 *
 *   key ID = SHA-256(key name ‖ 0x0A ‖ signature type ‖ public key)[:4]
 *
 * Verifier keys ("vkeys") follow the spec's `<name>+hex(key ID)+base64(type ‖ public key)`.
 * Signer keys use the `PRIVATE+KEY+<name>+hex(key ID)+base64(type ‖ 32-byte seed)` form of the
 * reference implementation (golang.org/x/mod/sumdb/note); the C2SP spec does not define them.
 *
 * Parsing is strict: valid UTF-8, no control characters other than newline, text separated from
 * the signatures by the last blank line, every signature line well formed (canonical padded
 * base64 of at least 5 bytes, valid key name), at most MAX_SIGNATURES lines. Verification ignores
 * signatures whose (name, key ID) is unknown, verifies every known one, rejects the whole note if
 * any known signature fails, and rejects it if none verified.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';

export const SIG_TYPE_ED25519 = 0x01;
/** Timestamped Ed25519 checkpoint cosignature (c2sp.org/tlog-cosignature). */
export const SIG_TYPE_COSIGNATURE_V1 = 0x04;

export const EM_DASH = '\u2014';
const SIG_PREFIX = `${EM_DASH} `;
/** Maximum number of signature lines accepted in one note (the spec requires at least 16). */
export const MAX_SIGNATURES = 100;
/** Maximum size of a note accepted by `parseNote`. */
export const MAX_NOTE_BYTES = 1 << 20;

export type NoteErrorCode = 'malformed_note' | 'invalid_key' | 'invalid_argument' | 'ambiguous_verifiers';

export class NoteError extends Error {
  readonly code: NoteErrorCode;
  constructor(code: NoteErrorCode, message: string) {
    super(message);
    this.name = 'NoteError';
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------
// Encoding helpers

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict standard base64 (RFC 4648 §4, padded, canonical). Returns null when not canonical. */
export function decodeBase64Strict(s: string): Buffer | null {
  if (!BASE64_RE.test(s)) return null;
  const b = Buffer.from(s, 'base64');
  return b.toString('base64') === s ? b : null;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8, rejecting invalid sequences (and keeping any BOM as content). */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const WHITE_SPACE = /\p{White_Space}/u;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0009\u000B-\u001F]/;

/** Key names: non-empty, well-formed, no Unicode white space, no '+', no control characters. */
export function isValidKeyName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    !name.includes('+') &&
    !WHITE_SPACE.test(name) &&
    !FORBIDDEN_CONTROL.test(name) &&
    !LONE_SURROGATE.test(name)
  );
}

/** Note text: ends in newline, well-formed, no control characters other than newline. */
export function isValidNoteText(text: unknown): text is string {
  return (
    typeof text === 'string' &&
    text.length > 0 &&
    text.endsWith('\n') &&
    !FORBIDDEN_CONTROL.test(text) &&
    !LONE_SURROGATE.test(text)
  );
}

/** key ID = SHA-256(name ‖ 0x0A ‖ sigType ‖ publicKey)[:4], as a 4-byte Buffer. */
export function keyId(name: string, publicKey: Uint8Array, sigType: number = SIG_TYPE_ED25519): Buffer {
  if (!Number.isInteger(sigType) || sigType < 0 || sigType > 255) {
    throw new NoteError('invalid_argument', 'signature type must be a byte');
  }
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.of(0x0a, sigType))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/** key ID as 8 lowercase hex digits. */
export function keyIdHex(name: string, publicKey: Uint8Array, sigType: number = SIG_TYPE_ED25519): string {
  return keyId(name, publicKey, sigType).toString('hex');
}

// ---------------------------------------------------------------------------------------------
// Ed25519 key objects

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function assertBytes(b: unknown, len: number, what: string): asserts b is Uint8Array {
  if (!(b instanceof Uint8Array) || b.length !== len) {
    throw new NoteError('invalid_argument', `${what} must be ${len} bytes`);
  }
}

/** KeyObject for a raw 32-byte Ed25519 public key. */
export function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  assertBytes(raw, 32, 'Ed25519 public key');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** KeyObject for a 32-byte Ed25519 private key seed (RFC 8032 secret key). */
export function ed25519PrivateKeyFromSeed(seed: Uint8Array): KeyObject {
  assertBytes(seed, 32, 'Ed25519 seed');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function assertEd25519(key: KeyObject, kind: 'public' | 'private'): void {
  if (key.asymmetricKeyType !== 'ed25519' || key.type !== kind) {
    throw new NoteError('invalid_argument', `expected an Ed25519 ${kind} key`);
  }
}

/** Raw 32-byte public key of an Ed25519 public or private KeyObject. */
export function ed25519RawPublicKey(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  assertEd25519(pub, 'public');
  const der = pub.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(ED25519_SPKI_PREFIX.length));
}

/** The 32-byte seed of an Ed25519 private KeyObject. */
export function ed25519Seed(key: KeyObject): Buffer {
  assertEd25519(key, 'private');
  const der = key.export({ format: 'der', type: 'pkcs8' });
  if (der.length !== ED25519_PKCS8_PREFIX.length + 32)
    throw new NoteError('invalid_argument', 'unexpected PKCS#8 encoding');
  return Buffer.from(der.subarray(ED25519_PKCS8_PREFIX.length));
}

function toPublicKeyObject(key: Uint8Array | KeyObject): KeyObject {
  if (key instanceof Uint8Array) return ed25519PublicKeyFromRaw(key);
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  assertEd25519(pub, 'public');
  return pub;
}

function toPrivateKeyObject(key: Uint8Array | KeyObject): KeyObject {
  if (key instanceof Uint8Array) return ed25519PrivateKeyFromSeed(key);
  assertEd25519(key, 'private');
  return key;
}

/** Ed25519 verification that never throws. */
export function ed25519Verify(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return cryptoVerify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}

/** Ed25519 signature (64 bytes). */
export function ed25519Sign(privateKey: KeyObject, message: Uint8Array): Buffer {
  return cryptoSign(null, message, privateKey);
}

// ---------------------------------------------------------------------------------------------
// Signers and verifiers

/** Verifies note signatures for one (name, key ID). */
export interface NoteVerifier {
  readonly name: string;
  /** 4-byte key ID. */
  readonly keyId: Buffer;
  /** Verifies `signature` (the bytes after the key ID) over the note text bytes. */
  verify(text: Buffer, signature: Buffer): boolean;
}

/** Produces note signatures for one (name, key ID). */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: Buffer;
  /** Signature bytes (without the key ID) over the note text bytes. */
  sign(text: Buffer): Buffer;
}

function assertName(name: unknown): asserts name is string {
  if (!isValidKeyName(name))
    throw new NoteError('invalid_argument', `invalid key name ${JSON.stringify(name)}`);
}

/** Ed25519 (type 0x01) note verifier. */
export function ed25519Verifier(name: string, publicKey: Uint8Array | KeyObject): NoteVerifier {
  assertName(name);
  const pub = toPublicKeyObject(publicKey);
  const id = keyId(name, ed25519RawPublicKey(pub), SIG_TYPE_ED25519);
  return Object.freeze({
    name,
    keyId: id,
    verify: (text: Buffer, sig: Buffer) => ed25519Verify(pub, text, sig),
  });
}

/** Ed25519 (type 0x01) note signer from a private KeyObject or a 32-byte seed. */
export function ed25519Signer(name: string, privateKey: Uint8Array | KeyObject): NoteSigner {
  assertName(name);
  const priv = toPrivateKeyObject(privateKey);
  const id = keyId(name, ed25519RawPublicKey(priv), SIG_TYPE_ED25519);
  return Object.freeze({ name, keyId: id, sign: (text: Buffer) => ed25519Sign(priv, text) });
}

/** A decoded verifier key. */
export interface VerifierKey {
  name: string;
  keyId: Buffer;
  sigType: number;
  publicKey: Buffer;
}

/** Encodes `<name>+hex(keyID)+base64(sigType ‖ publicKey)`. */
export function encodeVerifierKey(
  name: string,
  publicKey: Uint8Array,
  sigType: number = SIG_TYPE_ED25519,
): string {
  assertName(name);
  assertBytes(publicKey, 32, 'Ed25519 public key');
  const material = Buffer.concat([Buffer.of(sigType), publicKey]).toString('base64');
  return `${name}+${keyIdHex(name, publicKey, sigType)}+${material}`;
}

function splitKey(s: string, parts: number): string[] | null {
  const out: string[] = [];
  let rest = s;
  for (let i = 0; i < parts - 1; i++) {
    const j = rest.indexOf('+');
    if (j < 0) return null;
    out.push(rest.slice(0, j));
    rest = rest.slice(j + 1);
  }
  out.push(rest);
  return out;
}

const KEY_ID_HEX_RE = /^[0-9a-f]{8}$/;
const ED25519_TYPES = new Set([SIG_TYPE_ED25519, SIG_TYPE_COSIGNATURE_V1]);

/**
 * Decodes a vkey. Supports the Ed25519-based types 0x01 (note signatures) and 0x04 (cosignature/v1),
 * and checks that the key ID matches the name and key material.
 */
export function decodeVerifierKey(vkey: string): VerifierKey {
  const parts = typeof vkey === 'string' ? splitKey(vkey, 3) : null;
  if (!parts) throw new NoteError('invalid_key', 'verifier key must be <name>+<key id>+<key>');
  const [name, idHex, b64] = parts as [string, string, string];
  if (!isValidKeyName(name)) throw new NoteError('invalid_key', 'invalid key name in verifier key');
  if (!KEY_ID_HEX_RE.test(idHex)) throw new NoteError('invalid_key', 'key ID must be 8 lowercase hex digits');
  const material = decodeBase64Strict(b64);
  if (!material || material.length < 1)
    throw new NoteError('invalid_key', 'key material is not canonical base64');
  const sigType = material[0]!;
  if (!ED25519_TYPES.has(sigType))
    throw new NoteError(
      'invalid_key',
      `unsupported signature type 0x${sigType.toString(16).padStart(2, '0')}`,
    );
  const publicKey = material.subarray(1);
  if (publicKey.length !== 32) throw new NoteError('invalid_key', 'Ed25519 public key must be 32 bytes');
  const id = keyId(name, publicKey, sigType);
  if (id.toString('hex') !== idHex) throw new NoteError('invalid_key', 'key ID does not match the key');
  return { name, keyId: id, sigType, publicKey: Buffer.from(publicKey) };
}

/** Note verifier from an Ed25519 (type 0x01) vkey. */
export function verifierFromKey(vkey: string): NoteVerifier {
  const k = decodeVerifierKey(vkey);
  if (k.sigType !== SIG_TYPE_ED25519)
    throw new NoteError('invalid_key', 'not an Ed25519 note verifier key (type 0x01)');
  return ed25519Verifier(k.name, k.publicKey);
}

/** A decoded signer key. */
export interface SignerKey {
  name: string;
  keyId: Buffer;
  sigType: number;
  /** 32-byte Ed25519 seed. */
  seed: Buffer;
  publicKey: Buffer;
}

/** Encodes `PRIVATE+KEY+<name>+hex(keyID)+base64(sigType ‖ seed)`. */
export function encodeSignerKey(name: string, seed: Uint8Array, sigType: number = SIG_TYPE_ED25519): string {
  assertName(name);
  assertBytes(seed, 32, 'Ed25519 seed');
  const pub = ed25519RawPublicKey(ed25519PrivateKeyFromSeed(seed));
  const material = Buffer.concat([Buffer.of(sigType), seed]).toString('base64');
  return `PRIVATE+KEY+${name}+${keyIdHex(name, pub, sigType)}+${material}`;
}

/** Decodes a signer key (types 0x01 and 0x04), checking the key ID against the derived public key. */
export function decodeSignerKey(skey: string): SignerKey {
  const parts = typeof skey === 'string' ? splitKey(skey, 5) : null;
  if (!parts || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    throw new NoteError('invalid_key', 'signer key must be PRIVATE+KEY+<name>+<key id>+<key>');
  }
  const [, , name, idHex, b64] = parts as [string, string, string, string, string];
  if (!isValidKeyName(name)) throw new NoteError('invalid_key', 'invalid key name in signer key');
  if (!KEY_ID_HEX_RE.test(idHex)) throw new NoteError('invalid_key', 'key ID must be 8 lowercase hex digits');
  const material = decodeBase64Strict(b64);
  if (!material || material.length < 1)
    throw new NoteError('invalid_key', 'key material is not canonical base64');
  const sigType = material[0]!;
  if (!ED25519_TYPES.has(sigType))
    throw new NoteError(
      'invalid_key',
      `unsupported signature type 0x${sigType.toString(16).padStart(2, '0')}`,
    );
  const seed = material.subarray(1);
  if (seed.length !== 32) throw new NoteError('invalid_key', 'Ed25519 seed must be 32 bytes');
  const publicKey = ed25519RawPublicKey(ed25519PrivateKeyFromSeed(seed));
  const id = keyId(name, publicKey, sigType);
  if (id.toString('hex') !== idHex) throw new NoteError('invalid_key', 'key ID does not match the key');
  return { name, keyId: id, sigType, seed: Buffer.from(seed), publicKey };
}

/** Note signer from an Ed25519 (type 0x01) skey. */
export function signerFromKey(skey: string): NoteSigner {
  const k = decodeSignerKey(skey);
  if (k.sigType !== SIG_TYPE_ED25519)
    throw new NoteError('invalid_key', 'not an Ed25519 note signer key (type 0x01)');
  return ed25519Signer(k.name, k.seed);
}

/** skey and vkey strings for an Ed25519 key given by its seed (the caller supplies randomness). */
export function ed25519KeyStrings(name: string, seed: Uint8Array): { skey: string; vkey: string } {
  const skey = encodeSignerKey(name, seed);
  const pub = ed25519RawPublicKey(ed25519PrivateKeyFromSeed(seed));
  return { skey, vkey: encodeVerifierKey(name, pub) };
}

// ---------------------------------------------------------------------------------------------
// Notes

/** One signature line. */
export interface NoteSignature {
  name: string;
  /** 4-byte key ID. */
  keyId: Buffer;
  /** Signature bytes after the key ID. */
  signature: Buffer;
}

export interface ParsedNote {
  /** Note text, including its final newline. */
  text: string;
  /** UTF-8 bytes of `text` (what the signatures cover). */
  textBytes: Buffer;
  signatures: NoteSignature[];
}

function malformed(message: string): NoteError {
  return new NoteError('malformed_note', message);
}

/** Parses a signed note without verifying anything. Throws NoteError('malformed_note'). */
export function parseNote(input: Uint8Array | string): ParsedNote {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  if (typeof input === 'string' && LONE_SURROGATE.test(input)) throw malformed('note is not valid UTF-8');
  if (bytes.length > MAX_NOTE_BYTES) throw malformed('note too large');
  const all = decodeUtf8Strict(bytes);
  if (all === null) throw malformed('note is not valid UTF-8');
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x0a) throw malformed('note contains a control character');
  }
  // The text is separated from the signatures by the last blank line.
  const split = bytes.lastIndexOf('\n\n');
  if (split < 0) throw malformed('note has no blank line before its signatures');
  const textBytes = bytes.subarray(0, split + 1);
  const sigBytes = bytes.subarray(split + 2);
  if (sigBytes.length === 0) throw malformed('note has no signatures');
  if (sigBytes[sigBytes.length - 1] !== 0x0a) throw malformed('signature block must end with a newline');
  const lines = sigBytes
    .subarray(0, sigBytes.length - 1)
    .toString('utf8')
    .split('\n');
  if (lines.length > MAX_SIGNATURES) throw malformed(`more than ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map(parseSignatureLine);
  return { text: textBytes.toString('utf8'), textBytes: Buffer.from(textBytes), signatures };
}

/**
 * Parses ONE signature line, given without its newline: `— <name> <base64(key ID ‖ signature)>`.
 * The grammar is the one `parseNote` applies to each line; anything that would make the string more
 * than one line (a newline, any other control character) is refused, so a caller can never smuggle
 * extra lines into a note through it. Throws NoteError('malformed_note').
 */
export function parseSignatureLine(line: string): NoteSignature {
  if (typeof line !== 'string') throw malformed('signature line must be a string');
  if (line.includes('\n')) throw malformed('signature line contains a line break');
  if (FORBIDDEN_CONTROL.test(line)) throw malformed('signature line contains a control character');
  if (LONE_SURROGATE.test(line)) throw malformed('signature line is not valid UTF-8');
  if (!line.startsWith(SIG_PREFIX)) throw malformed('signature line must start with an em dash and a space');
  const rest = line.slice(SIG_PREFIX.length);
  const sp = rest.indexOf(' ');
  if (sp < 0) throw malformed('signature line has no signature');
  const name = rest.slice(0, sp);
  const b64 = rest.slice(sp + 1);
  if (!isValidKeyName(name)) throw malformed('invalid key name in signature line');
  const raw = decodeBase64Strict(b64);
  if (!raw) throw malformed('signature is not canonical base64');
  if (raw.length < 5) throw malformed('signature too short');
  return { name, keyId: Buffer.from(raw.subarray(0, 4)), signature: Buffer.from(raw.subarray(4)) };
}

/** The signature line for `sig`, including the final newline. */
export function signatureLine(sig: NoteSignature): string {
  assertName(sig.name);
  assertBytes(sig.keyId, 4, 'key ID');
  if (!(sig.signature instanceof Uint8Array) || sig.signature.length === 0) {
    throw new NoteError('invalid_argument', 'signature must be non-empty');
  }
  return `${SIG_PREFIX}${sig.name} ${Buffer.concat([sig.keyId, sig.signature]).toString('base64')}\n`;
}

/** Serialises a note from its text and signatures (at least one). */
export function formatNote(text: string, signatures: readonly NoteSignature[]): Buffer {
  if (!isValidNoteText(text)) {
    throw new NoteError(
      'invalid_argument',
      'note text must be non-empty, end in a newline and contain no control characters',
    );
  }
  if (signatures.length === 0) throw new NoteError('invalid_argument', 'a note needs at least one signature');
  if (signatures.length > MAX_SIGNATURES)
    throw new NoteError('invalid_argument', `more than ${MAX_SIGNATURES} signatures`);
  return Buffer.from(`${text}\n${signatures.map(signatureLine).join('')}`, 'utf8');
}

/** Signs `text` with every signer and serialises the note. */
export function signNote(text: string, signers: readonly NoteSigner[]): Buffer {
  if (!isValidNoteText(text)) {
    throw new NoteError(
      'invalid_argument',
      'note text must be non-empty, end in a newline and contain no control characters',
    );
  }
  const textBytes = Buffer.from(text, 'utf8');
  return formatNote(
    text,
    signers.map((s) => ({ name: s.name, keyId: s.keyId, signature: s.sign(textBytes) })),
  );
}

/**
 * Adds signatures to an existing note (e.g. a witness cosigning a checkpoint), keeping the existing
 * signature lines in order. Signatures already present for the same (name, key ID) are replaced.
 */
export function addSignatures(note: Uint8Array | string, signers: readonly NoteSigner[]): Buffer {
  const parsed = parseNote(note);
  const sigs = parsed.signatures.filter(
    (s) => !signers.some((n) => n.name === s.name && n.keyId.equals(s.keyId)),
  );
  for (const s of signers) sigs.push({ name: s.name, keyId: s.keyId, signature: s.sign(parsed.textBytes) });
  return formatNote(parsed.text, sigs);
}

export type NoteFailureReason = 'malformed_note' | 'invalid_signature' | 'no_verified_signature';

export type VerifyNoteResult =
  | {
      ok: true;
      text: string;
      textBytes: Buffer;
      /** Signatures by known keys, all verified. */
      verified: NoteSignature[];
      /** Signatures by keys not in `verifiers` (ignored). */
      unknown: NoteSignature[];
    }
  | { ok: false; reason: NoteFailureReason; detail: string };

function verifierIndex(verifiers: readonly NoteVerifier[]): Map<string, NoteVerifier> {
  const map = new Map<string, NoteVerifier>();
  for (const v of verifiers) {
    const k = `${v.name}+${v.keyId.toString('hex')}`;
    if (map.has(k)) throw new NoteError('ambiguous_verifiers', `two verifiers share name and key ID ${k}`);
    map.set(k, v);
  }
  return map;
}

/** Parses and verifies a note against known verifiers. Never throws for bad notes. */
export function verifyNote(note: Uint8Array | string, verifiers: readonly NoteVerifier[]): VerifyNoteResult {
  const known = verifierIndex(verifiers);
  let parsed: ParsedNote;
  try {
    parsed = parseNote(note);
  } catch (e) {
    if (e instanceof NoteError) return { ok: false, reason: 'malformed_note', detail: e.message };
    throw e;
  }
  const verified: NoteSignature[] = [];
  const unknown: NoteSignature[] = [];
  for (const sig of parsed.signatures) {
    const v = known.get(`${sig.name}+${sig.keyId.toString('hex')}`);
    if (!v) {
      unknown.push(sig);
      continue;
    }
    if (!v.verify(parsed.textBytes, sig.signature)) {
      return {
        ok: false,
        reason: 'invalid_signature',
        detail: `signature by ${sig.name}+${sig.keyId.toString('hex')} does not verify`,
      };
    }
    verified.push(sig);
  }
  if (verified.length === 0) {
    return { ok: false, reason: 'no_verified_signature', detail: 'no signature by a known key' };
  }
  return { ok: true, text: parsed.text, textBytes: parsed.textBytes, verified, unknown };
}
