/**
 * C2SP tlog-cosignature (https://c2sp.org/tlog-cosignature), Ed25519 "cosignature/v1" (type 0x04).
 *
 * A cosignature is a note signature line on a checkpoint:
 *
 *   — <witness name> base64(key ID ‖ timestamped_signature)
 *   key ID                = SHA-256(<name> ‖ "\n" ‖ 0x04 ‖ 32-byte Ed25519 public key)[:4]
 *   timestamped_signature = u64 big-endian POSIX timestamp ‖ 64-byte Ed25519 signature
 *
 * over the message
 *
 *   cosignature/v1\n
 *   time <timestamp, decimal, no leading zeroes>\n
 *   <the whole checkpoint note text, extension lines included, final newline included>
 *
 * Timestamps are JavaScript numbers: values above Number.MAX_SAFE_INTEGER (about 285 million years
 * from now) are rejected as "in the future", which the spec permits; the spec's own ceiling is
 * 2^63 - 1. Only the Ed25519 variant is supported (not ML-DSA-44, type 0x06).
 */
import type { KeyObject } from 'node:crypto';
import { parseCheckpoint } from './checkpoint.ts';
import {
  SIG_TYPE_COSIGNATURE_V1,
  NoteError,
  decodeVerifierKey,
  ed25519PrivateKeyFromSeed,
  ed25519PublicKeyFromRaw,
  ed25519RawPublicKey,
  ed25519Sign,
  ed25519Verify,
  isValidKeyName,
  isValidNoteText,
  keyId,
  parseSignatureLine,
  signatureLine,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
} from './note.ts';

export const COSIGNATURE_V1_HEADER = 'cosignature/v1';
/** Size of a cosignature/v1 signature after the key ID: u64 timestamp ‖ 64-byte Ed25519 signature. */
export const TIMESTAMPED_SIGNATURE_BYTES = 8 + 64;

export class CosignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CosignatureError';
  }
}

function assertTimestamp(t: unknown): asserts t is number {
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) {
    throw new CosignatureError('timestamp must be a non-negative safe integer (POSIX seconds)');
  }
}

function toPublic(key: Uint8Array | KeyObject): { obj: KeyObject; raw: Buffer } {
  if (key instanceof Uint8Array) return { obj: ed25519PublicKeyFromRaw(key), raw: Buffer.from(key) };
  const raw = ed25519RawPublicKey(key);
  return { obj: ed25519PublicKeyFromRaw(raw), raw };
}

function toPrivate(key: Uint8Array | KeyObject): KeyObject {
  if (key instanceof Uint8Array) return ed25519PrivateKeyFromSeed(key);
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ed25519') {
    throw new CosignatureError('witness key must be an Ed25519 private key');
  }
  return key;
}

function assertName(name: unknown): asserts name is string {
  if (!isValidKeyName(name)) throw new CosignatureError(`invalid witness name ${JSON.stringify(name)}`);
}

/** Key ID of an Ed25519 cosigner: SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[:4]. */
export function cosignatureKeyId(name: string, publicKey: Uint8Array | KeyObject): Buffer {
  return keyId(name, toPublic(publicKey).raw, SIG_TYPE_COSIGNATURE_V1);
}

/** vkey of an Ed25519 cosigner: `<name>+hex(key ID)+base64(0x04 ‖ public key)`. */
export function encodeCosignatureVerifierKey(name: string, publicKey: Uint8Array | KeyObject): string {
  assertName(name);
  const { raw } = toPublic(publicKey);
  const id = keyId(name, raw, SIG_TYPE_COSIGNATURE_V1).toString('hex');
  return `${name}+${id}+${Buffer.concat([Buffer.of(SIG_TYPE_COSIGNATURE_V1), raw]).toString('base64')}`;
}

/** The signed message: header line, time line, then the checkpoint note text. */
export function cosignatureMessage(checkpointText: string | Uint8Array, timestamp: number): Buffer {
  assertTimestamp(timestamp);
  const body =
    typeof checkpointText === 'string' ? Buffer.from(checkpointText, 'utf8') : Buffer.from(checkpointText);
  return Buffer.concat([Buffer.from(`${COSIGNATURE_V1_HEADER}\ntime ${timestamp}\n`, 'utf8'), body]);
}

/** Splits timestamped_signature bytes; null if the length or timestamp range is wrong. */
export function parseTimestampedSignature(sig: Uint8Array): { timestamp: number; signature: Buffer } | null {
  if (!(sig instanceof Uint8Array) || sig.length !== TIMESTAMPED_SIGNATURE_BYTES) return null;
  const b = Buffer.from(sig);
  const ts = b.readBigUInt64BE(0);
  if (ts > BigInt(Number.MAX_SAFE_INTEGER)) return null; // beyond 2^53: "in the future", or beyond 2^63 - 1
  return { timestamp: Number(ts), signature: Buffer.from(b.subarray(8)) };
}

export interface Cosignature extends NoteSignature {
  timestamp: number;
  /** The note signature line, with its final newline. */
  line: string;
}

/**
 * Cosigns a checkpoint note text at `timestamp` (POSIX seconds). The text must be a well-formed
 * checkpoint body. The result's `signature` is the 72-byte timestamped_signature.
 */
export function cosign(
  checkpointText: string,
  timestamp: number,
  witness: { name: string; privateKey: Uint8Array | KeyObject },
): Cosignature {
  assertName(witness.name);
  assertTimestamp(timestamp);
  if (!isValidNoteText(checkpointText)) throw new CosignatureError('checkpoint text is not valid note text');
  parseCheckpoint(checkpointText); // throws CheckpointError on a malformed body
  const priv = toPrivate(witness.privateKey);
  const raw = ed25519RawPublicKey(priv);
  const id = keyId(witness.name, raw, SIG_TYPE_COSIGNATURE_V1);
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(timestamp));
  const sig = ed25519Sign(priv, cosignatureMessage(checkpointText, timestamp));
  const signature = Buffer.concat([ts, sig]);
  const line = signatureLine({ name: witness.name, keyId: id, signature });
  return { name: witness.name, keyId: id, signature, timestamp, line };
}

/** A NoteSigner producing cosignature/v1 signatures at a fixed timestamp (for `addSignatures`). */
export function cosignatureSigner(
  name: string,
  privateKey: Uint8Array | KeyObject,
  timestamp: number,
): NoteSigner {
  assertName(name);
  assertTimestamp(timestamp);
  const priv = toPrivate(privateKey);
  const id = keyId(name, ed25519RawPublicKey(priv), SIG_TYPE_COSIGNATURE_V1);
  return Object.freeze({
    name,
    keyId: id,
    sign: (text: Buffer) => cosign(text.toString('utf8'), timestamp, { name, privateKey: priv }).signature,
  });
}

export type CosignatureFailureReason = 'wrong_key' | 'malformed_signature' | 'bad_signature';

export type VerifyCosignatureResult =
  { ok: true; timestamp: number } | { ok: false; reason: CosignatureFailureReason; detail: string };

/**
 * Verifies one cosignature over `checkpointText`. `sig` is either a parsed note signature (name and
 * key ID are checked against the witness) or the raw 72-byte timestamped_signature.
 */
export function verifyCosignature(
  checkpointText: string | Uint8Array,
  sig: NoteSignature | Uint8Array,
  witness: { name: string; publicKey: Uint8Array | KeyObject },
): VerifyCosignatureResult {
  assertName(witness.name);
  const { obj, raw } = toPublic(witness.publicKey);
  let bytes: Uint8Array;
  if (sig instanceof Uint8Array) {
    bytes = sig;
  } else {
    const id = keyId(witness.name, raw, SIG_TYPE_COSIGNATURE_V1);
    if (sig.name !== witness.name || !id.equals(sig.keyId)) {
      return {
        ok: false,
        reason: 'wrong_key',
        detail: `signature is by ${sig.name}+${sig.keyId.toString('hex')}`,
      };
    }
    bytes = sig.signature;
  }
  const parsed = parseTimestampedSignature(bytes);
  if (!parsed) {
    return {
      ok: false,
      reason: 'malformed_signature',
      detail: 'expected 8-byte timestamp and 64-byte Ed25519 signature',
    };
  }
  const ok = ed25519Verify(obj, cosignatureMessage(checkpointText, parsed.timestamp), parsed.signature);
  return ok
    ? { ok: true, timestamp: parsed.timestamp }
    : { ok: false, reason: 'bad_signature', detail: 'cosignature does not verify' };
}

/** A NoteVerifier for cosignature/v1 lines, usable with verifyNote / openCheckpoint. */
export function cosignatureVerifier(name: string, publicKey: Uint8Array | KeyObject): NoteVerifier {
  assertName(name);
  const { raw } = toPublic(publicKey);
  const id = keyId(name, raw, SIG_TYPE_COSIGNATURE_V1);
  return Object.freeze({
    name,
    keyId: id,
    verify: (text: Buffer, signature: Buffer) =>
      verifyCosignature(text, signature, { name, publicKey: raw }).ok,
  });
}

/** Cosignature verifier from a type 0x04 vkey. */
export function cosignatureVerifierFromKey(vkey: string): NoteVerifier {
  const k = decodeVerifierKey(vkey);
  if (k.sigType !== SIG_TYPE_COSIGNATURE_V1) {
    throw new NoteError('invalid_key', 'not an Ed25519 cosignature verifier key (type 0x04)');
  }
  return cosignatureVerifier(k.name, k.publicKey);
}

/** Timestamp carried by a cosignature note signature, without verifying it (null if malformed). */
export function cosignatureTimestamp(sig: NoteSignature | Uint8Array): number | null {
  const bytes = sig instanceof Uint8Array ? sig : sig.signature;
  return parseTimestampedSignature(bytes)?.timestamp ?? null;
}

export type CosignatureLineFailureReason =
  'malformed_line' | 'wrong_witness' | 'unknown_key' | 'malformed_signature' | 'bad_signature';

export type CheckCosignatureLineResult =
  | { ok: true; cosignature: Cosignature }
  | { ok: false; reason: CosignatureLineFailureReason; detail: string };

/**
 * Checks a cosignature line someone else hands in for `witness` over `checkpointText` (the note text
 * of the log-signed checkpoint): exactly one signature line, given without its newline, in the
 * signed-note grammar; named for the witness; carrying its cosignature/v1 key ID; an 8-byte timestamp
 * and a 64-byte Ed25519 signature; verifying. On success the line is rebuilt from those verified
 * parts, so nothing of the submitted string but what was checked can reach a note.
 */
export function checkCosignatureLine(
  checkpointText: string | Uint8Array,
  line: string,
  witness: { name: string; publicKey: Uint8Array | KeyObject },
): CheckCosignatureLineResult {
  assertName(witness.name);
  const fail = (reason: CosignatureLineFailureReason, detail: string): CheckCosignatureLineResult => ({
    ok: false,
    reason,
    detail,
  });
  if (typeof line !== 'string') return fail('malformed_line', 'the signature line is not a string');
  // Say so when the string carries several signature lines: that is how a forged line rides along.
  const lines = line.split('\n').filter((l) => l !== '');
  const asLines = lines.filter((l) => {
    try {
      parseSignatureLine(l);
      return true;
    } catch {
      return false;
    }
  }).length;
  if (asLines > 1) {
    return fail('malformed_line', `it holds ${asLines} signature lines; a cosignature is exactly one`);
  }
  let sig: NoteSignature;
  try {
    sig = parseSignatureLine(line);
  } catch (e) {
    if (e instanceof NoteError) return fail('malformed_line', e.message);
    throw e;
  }
  if (sig.name !== witness.name) {
    return fail(
      'wrong_witness',
      `the line is signed as ${JSON.stringify(sig.name)}, not as ${JSON.stringify(witness.name)}`,
    );
  }
  const { obj, raw } = toPublic(witness.publicKey);
  const id = keyId(witness.name, raw, SIG_TYPE_COSIGNATURE_V1);
  if (!sig.keyId.equals(id)) {
    return fail(
      'unknown_key',
      `key ID ${sig.keyId.toString('hex')} is not ${witness.name}'s cosignature/v1 key (${id.toString('hex')})`,
    );
  }
  if (sig.signature.length !== TIMESTAMPED_SIGNATURE_BYTES) {
    return fail(
      'malformed_signature',
      `the signature is ${sig.signature.length} bytes; cosignature/v1 is exactly ${TIMESTAMPED_SIGNATURE_BYTES} (an 8-byte timestamp and a 64-byte Ed25519 signature)`,
    );
  }
  const parsed = parseTimestampedSignature(sig.signature);
  if (!parsed) return fail('malformed_signature', 'the timestamp is beyond 2^53 - 1 seconds (in the future)');
  const message = cosignatureMessage(checkpointText, parsed.timestamp);
  if (!ed25519Verify(obj, message, parsed.signature)) {
    return fail('bad_signature', `the cosignature by ${witness.name} does not verify over this checkpoint`);
  }
  const signature = Buffer.from(sig.signature);
  return {
    ok: true,
    cosignature: {
      name: witness.name,
      keyId: id,
      signature,
      timestamp: parsed.timestamp,
      line: signatureLine({ name: witness.name, keyId: id, signature }),
    },
  };
}

/**
 * The lines fit to append to a checkpoint note: of the stored `rows`, those whose witness's current
 * verifier key is a cosignature/v1 key of that name and whose line passes `checkCosignatureLine`,
 * each rebuilt, without its newline. Rows failing either are left out, whatever put them there.
 */
export function servableCosignatureLines(
  checkpointText: string | Uint8Array,
  rows: readonly { witness: string; verifierKey: string; line: string }[],
): string[] {
  const out: string[] = [];
  for (const r of rows) {
    let key;
    try {
      key = decodeVerifierKey(r.verifierKey);
    } catch {
      continue;
    }
    if (key.sigType !== SIG_TYPE_COSIGNATURE_V1 || key.name !== r.witness) continue;
    const res = checkCosignatureLine(checkpointText, r.line, { name: key.name, publicKey: key.publicKey });
    if (res.ok) out.push(res.cosignature.line.slice(0, -1));
  }
  return out;
}
