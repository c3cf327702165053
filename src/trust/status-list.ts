/**
 * W3C Bitstring Status List v1.0.
 *
 * - The bitstring has at least 131,072 entries (16 KiB) for herd privacy.
 * - Index 0 is the left-most bit of the first byte, i.e. the most significant bit of byte 0.
 * - `encodedList` is the Multibase base64url (no padding, prefix "u") encoding of the
 *   GZIP-compressed bitstring.
 *
 * zlib.gzipSync writes a fixed header (mtime 0), and the compression level is pinned, so the
 * same bitstring always encodes to the same string on a given zlib build.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildCredential, type Credential, type StatusPurpose } from './vc.ts';

export const STATUS_LIST_MIN_ENTRIES = 131072;
/** Refuse to inflate an encodedList beyond this many bytes (gzip-bomb guard). */
export const STATUS_LIST_MAX_DECODED_BYTES = 16 * 1024 * 1024;
const GZIP_LEVEL = 9;

export type StatusListErrorCode = 'invalid_size' | 'invalid_index' | 'malformed' | 'too_large' | 'too_short';

export class StatusListError extends Error {
  readonly code: StatusListErrorCode;
  constructor(code: StatusListErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StatusListError';
    this.code = code;
  }
}

/** A zeroed bitstring of `size` entries (a multiple of 8, at least 131,072). */
export function emptyBitstring(size: number = STATUS_LIST_MIN_ENTRIES): Uint8Array {
  if (!Number.isSafeInteger(size) || size < STATUS_LIST_MIN_ENTRIES || size % 8 !== 0) {
    throw new StatusListError(
      'invalid_size',
      `bitstring size must be a multiple of 8 and at least ${STATUS_LIST_MIN_ENTRIES}, got ${size}`,
    );
  }
  if (size / 8 > STATUS_LIST_MAX_DECODED_BYTES) {
    throw new StatusListError('invalid_size', `bitstring larger than ${STATUS_LIST_MAX_DECODED_BYTES} bytes`);
  }
  return new Uint8Array(size / 8);
}

function checkIndex(bits: Uint8Array, index: number): void {
  if (!(bits instanceof Uint8Array)) throw new StatusListError('malformed', 'bits must be a Uint8Array');
  if (!Number.isSafeInteger(index) || index < 0 || index >= bits.length * 8) {
    throw new StatusListError(
      'invalid_index',
      `index ${index} outside bitstring of ${bits.length * 8} entries`,
    );
  }
}

/** Sets (value = true) or clears the status bit at `index`, in place. */
export function setBit(bits: Uint8Array, index: number, value: boolean): void {
  checkIndex(bits, index);
  const byte = index >>> 3;
  const mask = 0x80 >>> (index & 7);
  const current = bits[byte] as number;
  bits[byte] = value ? current | mask : current & ~mask & 0xff;
}

export function getBit(bits: Uint8Array, index: number): boolean {
  checkIndex(bits, index);
  return ((bits[index >>> 3] as number) & (0x80 >>> (index & 7))) !== 0;
}

/** GZIP-compresses the bitstring and returns the multibase base64url ("u"-prefixed) form. */
export function encodeList(bits: Uint8Array): string {
  if (!(bits instanceof Uint8Array)) throw new StatusListError('malformed', 'bits must be a Uint8Array');
  if (bits.length * 8 < STATUS_LIST_MIN_ENTRIES) {
    throw new StatusListError('too_short', `bitstring must hold at least ${STATUS_LIST_MIN_ENTRIES} entries`);
  }
  const gz = gzipSync(bits, { level: GZIP_LEVEL });
  return `u${gz.toString('base64url')}`;
}

/**
 * Decodes an `encodedList`: checks the multibase "u" prefix and strict base64url, gunzips with
 * an output cap of `maxBytes` (default 16 MiB) so a gzip bomb is refused rather than inflated,
 * and requires at least `minEntries` (default 131,072) entries.
 */
export function decodeList(
  encoded: string,
  opts: { maxBytes?: number; minEntries?: number } = {},
): Uint8Array {
  const maxBytes = opts.maxBytes ?? STATUS_LIST_MAX_DECODED_BYTES;
  const minEntries = opts.minEntries ?? STATUS_LIST_MIN_ENTRIES;
  const seen = decoded.get(encoded);
  if (seen && seen.maxBytes === maxBytes && seen.minEntries === minEntries) return seen.bits.slice();
  const bits = decodeListOnce(encoded, maxBytes, minEntries);
  if (decoded.size >= DECODED_KEPT) decoded.delete(decoded.keys().next().value!);
  decoded.set(encoded, { maxBytes, minEntries, bits: bits.slice() });
  return bits;
}

/**
 * The last few lists decoded, by their encodedList text: a server verifying many credentials
 * against one list version decodes it once (issue #20). Callers get a copy, never the kept bytes.
 */
const decoded = new Map<string, { maxBytes: number; minEntries: number; bits: Uint8Array }>();
const DECODED_KEPT = 16;

function decodeListOnce(encoded: string, maxBytes: number, minEntries: number): Uint8Array {
  if (typeof encoded !== 'string' || !encoded.startsWith('u')) {
    throw new StatusListError('malformed', 'encodedList must be multibase base64url (prefix "u")');
  }
  const b64 = encoded.slice(1);
  if (!/^[A-Za-z0-9_-]+$/.test(b64) || b64.length % 4 === 1) {
    throw new StatusListError('malformed', 'encodedList is not base64url');
  }
  const gz = Buffer.from(b64, 'base64url');
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b) {
    throw new StatusListError('malformed', 'encodedList is not GZIP data');
  }
  let bits: Buffer;
  try {
    bits = gunzipSync(gz, { maxOutputLength: maxBytes });
  } catch (cause) {
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new StatusListError('too_large', `decompressed status list exceeds ${maxBytes} bytes`, { cause });
    }
    throw new StatusListError('malformed', 'encodedList does not gunzip', { cause });
  }
  if (bits.length * 8 < minEntries) {
    throw new StatusListError(
      'too_short',
      `status list holds ${bits.length * 8} entries, fewer than ${minEntries}`,
    );
  }
  return new Uint8Array(bits.buffer, bits.byteOffset, bits.byteLength);
}

export interface BitstringStatusListCredential extends Credential {
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: StatusPurpose;
    encodedList: string;
  };
}

/** The (unsigned) BitstringStatusListCredential for a list published at `id`. */
export function buildStatusListCredential(input: {
  id: string;
  issuer: string;
  validFrom: string;
  validUntil?: string;
  encodedList: string;
  statusPurpose: StatusPurpose;
}): BitstringStatusListCredential {
  if (typeof input.encodedList !== 'string' || !input.encodedList.startsWith('u')) {
    throw new StatusListError('malformed', 'encodedList must be multibase base64url (prefix "u")');
  }
  if (input.statusPurpose !== 'revocation' && input.statusPurpose !== 'suspension') {
    throw new StatusListError('malformed', 'statusPurpose must be revocation or suspension');
  }
  const credentialSubject = {
    id: `${input.id}#list`,
    type: 'BitstringStatusList' as const,
    statusPurpose: input.statusPurpose,
    encodedList: input.encodedList,
  };
  const credential = buildCredential({
    id: input.id,
    types: ['BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: input.validFrom,
    ...(input.validUntil !== undefined ? { validUntil: input.validUntil } : {}),
    subject: credentialSubject,
  });
  return { ...credential, credentialSubject };
}
