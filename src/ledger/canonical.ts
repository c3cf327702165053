/**
 * Canonical JSON bytes (RFC 8785, JSON Canonicalization Scheme) and SHA-256 helpers.
 *
 * `canonicalBytes` is strict: it accepts only values that survive a JSON round trip unchanged —
 * null, booleans, finite numbers, well-formed strings, dense arrays and plain objects of those.
 * Anything else (undefined, NaN, ±Infinity, BigInt, functions, symbols, Dates, Maps, Buffers,
 * class instances, sparse arrays, lone UTF-16 surrogates, cycles) throws a `CanonicalJsonError`
 * instead of being silently dropped or coerced, because a hash over coerced data would commit to
 * something other than what the caller holds.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

// `canonicalize` is a CommonJS module whose export *is* the function; loading it with require
// avoids depending on how the ESM/CJS default-export interop is typed.
const canonicalize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string | undefined;

export class CanonicalJsonError extends Error {
  /** JSON-pointer-like path of the offending value, e.g. `/items/3/mass`. */
  readonly path: string;
  constructor(message: string, path: string) {
    super(`${message} at ${path === '' ? '(root)' : path}`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

// Matches a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function pointerEscape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function assertJsonValue(value: unknown, path: string, stack: Set<object>): void {
  if (value === null) return;
  switch (typeof value) {
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`non-finite number ${String(value)}`, path);
      return;
    case 'string':
      if (LONE_SURROGATE.test(value))
        throw new CanonicalJsonError('string with a lone UTF-16 surrogate', path);
      return;
    case 'undefined':
      throw new CanonicalJsonError('undefined is not a JSON value', path);
    case 'bigint':
      throw new CanonicalJsonError('BigInt is not a JSON value', path);
    case 'function':
      throw new CanonicalJsonError('function is not a JSON value', path);
    case 'symbol':
      throw new CanonicalJsonError('symbol is not a JSON value', path);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`unsupported type ${typeof value}`, path);
  }
  const obj = value as object;
  if (stack.has(obj)) throw new CanonicalJsonError('cyclic structure', path);
  stack.add(obj);
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      if (!(i in obj)) throw new CanonicalJsonError('sparse array', `${path}/${i}`);
      assertJsonValue(obj[i], `${path}/${i}`, stack);
    }
  } else {
    const proto = Object.getPrototypeOf(obj) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const ctor = (obj as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
      throw new CanonicalJsonError(`non-plain object (${ctor})`, path);
    }
    if (Object.getOwnPropertySymbols(obj).length > 0) {
      throw new CanonicalJsonError('object with symbol keys', path);
    }
    for (const key of Object.keys(obj)) {
      const childPath = `${path}/${pointerEscape(key)}`;
      if (LONE_SURROGATE.test(key))
        throw new CanonicalJsonError('key with a lone UTF-16 surrogate', childPath);
      assertJsonValue((obj as Record<string, unknown>)[key], childPath, stack);
    }
  }
  stack.delete(obj);
}

/** RFC 8785 canonical JSON text of `value`, as a string. Throws `CanonicalJsonError`. */
export function canonicalJson(value: unknown): string {
  assertJsonValue(value, '', new Set());
  const text = canonicalize(value);
  if (typeof text !== 'string') throw new CanonicalJsonError('value has no JSON representation', '');
  return text;
}

/** RFC 8785 canonical JSON of `value`, UTF-8 encoded. Throws `CanonicalJsonError`. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

/** SHA-256 of `bytes` (32-byte Buffer). */
export function sha256(bytes: Uint8Array | string): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** Lowercase hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `sha256:<hex>` digest of the RFC 8785 canonical JSON of `value`. */
export function digestOf(value: unknown): string {
  return `sha256:${sha256Hex(canonicalBytes(value))}`;
}
