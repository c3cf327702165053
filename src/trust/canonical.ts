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

export class CanonicalJsonError extends Error {
  /** JSON-pointer-like path of the offending value, e.g. `/items/3/mass`. */
  readonly path: string;
  constructor(message: string, path: string) {
    super(`${message} at ${path === '' ? '(root)' : path}`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

// A lone UTF-16 surrogate cannot be encoded as UTF-8; String.prototype.isWellFormed (ES2024, in
// Node 20) finds one without a regular expression.
const hasLoneSurrogate = (s: string): boolean => !(s as string & { isWellFormed(): boolean }).isWellFormed();

function pointerEscape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Path segments kept as a linked list: the JSON-pointer string is built only for an error. */
interface PathNode {
  parent: PathNode | null;
  segment: string;
}
const pathOf = (node: PathNode | null): string => {
  const parts: string[] = [];
  for (let n = node; n; n = n.parent) parts.push(pointerEscape(n.segment));
  return parts.length ? `/${parts.reverse().join('/')}` : '';
};
const child = (parent: PathNode | null, segment: string | number): PathNode => ({ parent, segment: String(segment) });

/**
 * One pass that checks and writes: RFC 8785 puts strings and numbers exactly as ECMAScript
 * JSON.stringify does and sorts object keys by UTF-16 code units (the default sort), so each leaf
 * goes through JSON.stringify and only the structure is ours.
 */
function write(value: unknown, at: PathNode | null, stack: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`non-finite number ${String(value)}`, pathOf(at));
      return JSON.stringify(value);
    case 'string':
      if (hasLoneSurrogate(value)) throw new CanonicalJsonError('string with a lone UTF-16 surrogate', pathOf(at));
      return JSON.stringify(value);
    case 'undefined':
      throw new CanonicalJsonError('undefined is not a JSON value', pathOf(at));
    case 'bigint':
      throw new CanonicalJsonError('BigInt is not a JSON value', pathOf(at));
    case 'function':
      throw new CanonicalJsonError('function is not a JSON value', pathOf(at));
    case 'symbol':
      throw new CanonicalJsonError('symbol is not a JSON value', pathOf(at));
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`unsupported type ${typeof value}`, pathOf(at));
  }
  const obj = value as object;
  if (stack.has(obj)) throw new CanonicalJsonError('cyclic structure', pathOf(at));
  stack.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    const parts: string[] = new Array<string>(obj.length);
    for (let i = 0; i < obj.length; i++) {
      if (!(i in obj)) throw new CanonicalJsonError('sparse array', pathOf(child(at, i)));
      parts[i] = write(obj[i], child(at, i), stack);
    }
    out = `[${parts.join(',')}]`;
  } else {
    const proto = Object.getPrototypeOf(obj) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const ctor = (obj as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
      throw new CanonicalJsonError(`non-plain object (${ctor})`, pathOf(at));
    }
    if (Object.getOwnPropertySymbols(obj).length > 0) {
      throw new CanonicalJsonError('object with symbol keys', pathOf(at));
    }
    const keys = Object.keys(obj).sort();
    const parts: string[] = new Array<string>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (hasLoneSurrogate(key)) throw new CanonicalJsonError('key with a lone UTF-16 surrogate', pathOf(child(at, key)));
      parts[i] = `${JSON.stringify(key)}:${write((obj as Record<string, unknown>)[key], child(at, key), stack)}`;
    }
    out = `{${parts.join(',')}}`;
  }
  stack.delete(obj);
  return out;
}

// The fast path: the same text as `write` for every value `write` accepts, without path tracking
// or a cycle set (a depth bound stands in for it). Anything unusual bails out, and the careful
// `write` then either produces the text or throws its precise error. Hashing and signing run this
// on every certificate, so it is built from string concatenation and a cache of quoted keys.
const BAIL: unique symbol = Symbol('bail');
const FAST_MAX_DEPTH = 1000;
/** Strings made only of these characters are their own JSON text between quotes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what needs escaping
const PLAIN_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
const quotedKeys = new Map<string, string>();

function quoteKey(key: string): string {
  let q = quotedKeys.get(key);
  if (q === undefined) {
    if (hasLoneSurrogate(key)) throw BAIL;
    q = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < 10_000) quotedKeys.set(key, q);
  }
  return q;
}

function fastWrite(value: unknown, depth: number, maxDepth: number, known?: ReadonlyMap<object, string>): string {
  if (typeof value === 'string') {
    if (PLAIN_STRING.test(value)) return `"${value}"`;
    if (hasLoneSurrogate(value)) throw BAIL;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw BAIL;
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  if (typeof value !== 'object' || depth >= maxDepth) throw BAIL;
  const precomputed = known?.get(value);
  if (precomputed !== undefined) return precomputed;
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw BAIL;
      s += (i > 0 ? ',' : '') + fastWrite(value[i], depth + 1, maxDepth, known);
    }
    return `${s}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw BAIL;
  const keys = Object.keys(value);
  if (keys.length > 1) keys.sort();
  let s = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    s += (i > 0 ? ',' : '') + quoteKey(key) + fastWrite((value as Record<string, unknown>)[key], depth + 1, maxDepth, known);
  }
  if (Object.getOwnPropertySymbols(value).length > 0) throw BAIL;
  return `${s}}`;
}

const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * Whether JSON.stringify(value) is already value's RFC 8785 text: plain JSON whose objects list
 * their keys in canonical order (as a parsed canonical document, or data built or copied in that
 * order, does). RFC 8785 writes strings and numbers exactly as JSON.stringify does, so only the
 * key order and what JSON.stringify would silently drop, coerce or escape differently need
 * checking, and checking is far cheaper than writing. Integer-like keys, which engines enumerate
 * first, fail the order check and take the general path.
 */
function inCanonicalOrder(value: unknown, depth: number, maxDepth: number): boolean {
  switch (typeof value) {
    case 'string':
      return wellFormed(value);
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth >= maxDepth) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !inCanonicalOrder(value[i], depth + 1, maxDepth)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  let previous: string | undefined;
  // for…in walks the engine's cached key list without allocating; a plain object's prototype
  // (checked above) has no enumerable keys, so these are its own enumerable string keys.
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    if (!quotedKeys.has(key) && !wellFormed(key)) return false;
    if (!inCanonicalOrder((value as Record<string, unknown>)[key], depth + 1, maxDepth)) return false;
    previous = key;
  }
  return Object.getOwnPropertySymbols(value).length === 0;
}

/**
 * The canonical text of `value` if it is plain JSON nested at most `maxDepth` deep, otherwise
 * undefined (never throws for bad input). For callers that handle the unusual case their own way.
 */
export function tryCanonicalJson(value: unknown, maxDepth = FAST_MAX_DEPTH): string | undefined {
  try {
    if (inCanonicalOrder(value, 0, maxDepth)) return JSON.stringify(value);
    return fastWrite(value, 0, maxDepth);
  } catch (e) {
    if (e === BAIL || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** RFC 8785 canonical JSON text of `value`, as a string. Throws `CanonicalJsonError`. */
export function canonicalJson(value: unknown): string {
  return tryCanonicalJson(value) ?? write(value, null, new Set());
}

/**
 * A plain object's canonical members (`"key":value` texts) in canonical order, so a caller can
 * hash the object and also write it with one more member (a credential subject is the certificate
 * content plus an `id`) without canonicalising the rest twice.
 */
export interface CanonicalMembers {
  keys: string[];
  texts: string[];
}

export function canonicalMembers(obj: Record<string, unknown>): CanonicalMembers {
  const keys = Object.keys(obj).sort();
  try {
    return { keys, texts: keys.map((k) => quoteKey(k) + fastWrite(obj[k], 1, FAST_MAX_DEPTH)) };
  } catch (e) {
    if (e !== BAIL && !(e instanceof RangeError)) throw e;
    write(obj, null, new Set()); // throws the precise error
    return { keys, texts: keys.map((k) => quoteKey(k) + canonicalJson(obj[k])) };
  }
}

/** The object text of members, optionally with one more member (whose key must not be there). */
export function joinMembers(m: CanonicalMembers, extra?: { key: string; value: unknown }): string {
  if (!extra) return `{${m.texts.join(',')}}`;
  if (m.keys.includes(extra.key)) throw new Error(`member ${extra.key} is already present`);
  let at = 0;
  while (at < m.keys.length && m.keys[at]! < extra.key) at++;
  const texts = [...m.texts];
  texts.splice(at, 0, quoteKey(extra.key) + canonicalJson(extra.value));
  return `{${texts.join(',')}}`;
}

/**
 * canonicalJson with some objects' texts already known (by identity), e.g. a credential whose
 * subject was canonicalised through canonicalMembers. The caller vouches for those texts.
 */
export function canonicalJsonWith(value: unknown, known: ReadonlyMap<object, string>): string {
  try {
    return fastWrite(value, 0, FAST_MAX_DEPTH, known);
  } catch (e) {
    if (e !== BAIL && !(e instanceof RangeError)) throw e;
    return canonicalJson(value);
  }
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
