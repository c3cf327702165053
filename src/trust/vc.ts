/**
 * W3C Verifiable Credentials Data Model 2.0, secured with JOSE as described in
 * "Securing Verifiable Credentials using JOSE and COSE" (VC-JOSE-COSE):
 *
 * - the JWS payload IS the credential JSON (no `vc` claim wrapper);
 * - protected header `{ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid }`;
 * - Assay signs the RFC 8785 (JCS) canonical bytes of the credential, so the payload of every
 *   certificate is reproducible from its JSON.
 *
 * Verification checks the signature over the exact transmitted bytes before the payload is
 * parsed, so any tampering of the payload surfaces as `bad_signature`.
 */
import { createPublicKey, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { canonicalJson as canonicalJsonStrict, tryCanonicalJson } from './canonical.ts';

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const VC_JWT_TYP = 'vc+jwt';
export const VC_JWT_CTY = 'vc';
/** Upper bound on a compact JWS we are willing to parse. */
export const MAX_JWT_LENGTH = 4 * 1024 * 1024;
const MAX_JSON_DEPTH = 64;

export type StatusPurpose = 'revocation' | 'suspension';

export type VcErrorCode = 'invalid_input' | 'malformed';

export class VcError extends Error {
  readonly code: VcErrorCode;
  constructor(code: VcErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VcError';
    this.code = code;
  }
}

export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  /** Base-10 string, as required by Bitstring Status List v1.0. */
  statusListIndex: string;
  statusListCredential: string;
}

export interface CredentialSchema {
  id: string;
  type: 'JsonSchema';
}

/** A credential as produced by `buildCredential`. */
export interface Credential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: Record<string, unknown>;
  credentialStatus?: BitstringStatusListEntry;
  credentialSchema?: CredentialSchema;
}

/** A credential as decoded from a JWS payload (any JSON object; shape checked loosely). */
export type DecodedCredential = Record<string, unknown> & {
  '@context'?: unknown;
  type?: unknown;
  issuer?: unknown;
};

export interface BuildCredentialInput {
  id: string;
  /** Additional types, e.g. ['CertificateOfAnalysis']; 'VerifiableCredential' is always first. */
  types: string[];
  /** Issuer URL, normally a DID. */
  issuer: string;
  /** XML Schema dateTimeStamp (ISO 8601 with time zone). */
  validFrom: string;
  validUntil?: string;
  subject: Record<string, unknown>;
  /**
   * The caller built `subject` for this credential, will not change it, and canonicalises the
   * credential itself (trust/canonical.ts canonicalJsonWith): it is used as is. Otherwise it is
   * copied (checked as plain JSON, keys in canonical order).
   */
  subjectOwned?: boolean;
  status?: {
    id: string;
    statusListIndex: number;
    statusListCredential: string;
    statusPurpose: StatusPurpose;
  };
  schema?: CredentialSchema;
  /** Extra JSON-LD contexts appended after the VC 2.0 base context. */
  contexts?: string[];
}

// A type alias (not an interface) so it is assignable to jose's indexed header type.
export type VcJwtHeader = {
  alg: 'EdDSA';
  typ: 'vc+jwt';
  cty: 'vc';
  kid: string;
};

export type DecodedJwtHeader = Record<string, unknown>;

export interface DecodedCredentialJwt {
  header: DecodedJwtHeader;
  credential: DecodedCredential;
  /** The exact payload bytes that were signed. */
  payloadBytes: Buffer;
  /** ASCII bytes of `BASE64URL(header) '.' BASE64URL(payload)`. */
  signingInput: Buffer;
  signature: Buffer;
  /** True when `payloadBytes` is the RFC 8785 canonical form of the credential. */
  payloadIsCanonical: boolean;
}

export type VerifyFailureCode = 'malformed' | 'unknown_key' | 'bad_signature' | 'wrong_type';

export type VerifyCredentialResult =
  | { ok: true; credential: DecodedCredential; header: DecodedJwtHeader; kid: string }
  | { ok: false; code: VerifyFailureCode; reason: string };

export type KeyResolver = (kid: string) => KeyObject | undefined;
export type AsyncKeyResolver = (kid: string) => KeyObject | undefined | Promise<KeyObject | undefined>;

// ---------------------------------------------------------------------------------------------
// JSON helpers
// ---------------------------------------------------------------------------------------------

// A lone surrogate cannot be represented in UTF-8 and RFC 8785 / I-JSON reject it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Deep copy restricted to the JSON data model. Object members whose value is `undefined` are
 * dropped (JSON.stringify semantics); everything else that JSON cannot represent faithfully
 * (functions, symbols, bigint, NaN/Infinity, class instances such as Date, undefined inside
 * arrays, lone surrogates) is rejected instead of being silently altered.
 */
function toPlainJson(value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_JSON_DEPTH) throw new VcError('invalid_input', `${path}: nesting too deep`);
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new VcError('invalid_input', `${path}: non-finite number`);
    return value;
  }
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) throw new VcError('invalid_input', `${path}: lone surrogate in string`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (item === undefined) throw new VcError('invalid_input', `${path}[${i}]: undefined in array`);
      return toPlainJson(item, `${path}[${i}]`, depth + 1);
    });
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (LONE_SURROGATE.test(k)) throw new VcError('invalid_input', `${path}: lone surrogate in key`);
      out[k] = toPlainJson(v, `${path}.${k}`, depth + 1);
    }
    return out;
  }
  throw new VcError('invalid_input', `${path}: ${typeof value} is not representable in JSON`);
}

const NOT_PLAIN: unique symbol = Symbol('not plain');

/** toPlainJson without building a path per value; only a failing input is walked again for its path. */
function fastCopy(value: unknown, depth: number): unknown {
  if (depth > MAX_JSON_DEPTH) throw NOT_PLAIN;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw NOT_PLAIN;
    return value;
  }
  if (typeof value === 'string') {
    if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) throw NOT_PLAIN;
    return value;
  }
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) throw NOT_PLAIN;
      out[i] = fastCopy(value[i], depth + 1);
    }
    return out;
  }
  if (!isPlainObject(value)) throw NOT_PLAIN;
  // Copied in canonical key order, so the credential's canonical text is a plain JSON.stringify.
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = value[k];
    if (v === undefined) continue;
    if (!(k as string & { isWellFormed(): boolean }).isWellFormed()) throw NOT_PLAIN;
    out[k] = fastCopy(v, depth + 1);
  }
  return out;
}

function plainCopy(value: unknown, path: string): unknown {
  try {
    return fastCopy(value, 1);
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    return toPlainJson(value, path, 1);
  }
}

/** RFC 8785 canonical JSON text of `value` (restricted to plain JSON data). */
export function canonicalJson(value: unknown): string {
  // Plain JSON within the depth bound needs no copy. Otherwise toPlainJson drops undefined members
  // (JSON semantics) and names the path of anything else JSON cannot carry; the RFC 8785 text
  // itself comes from the one implementation in canonical.ts.
  return tryCanonicalJson(value, MAX_JSON_DEPTH) ?? canonicalJsonStrict(toPlainJson(value, '$', 0));
}

/** UTF-8 bytes of the RFC 8785 canonical JSON of `value`. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Building credentials
// ---------------------------------------------------------------------------------------------

const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function requireDateTimeStamp(value: unknown, field: string): string {
  if (typeof value !== 'string' || !DATE_TIME_STAMP.test(value) || Number.isNaN(Date.parse(value))) {
    throw new VcError('invalid_input', `${field} must be an ISO 8601 date-time with a time zone`);
  }
  return value;
}

function requireUrl(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || /\s/.test(value) || !URL.canParse(value)) {
    throw new VcError('invalid_input', `${field} must be an absolute URL`);
  }
  return value;
}

const TYPE_TERM = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Builds a VC Data Model 2.0 credential. Throws VcError('invalid_input') on bad input. */
export function buildCredential(input: BuildCredentialInput): Credential {
  const id = requireUrl(input.id, 'id');
  const issuer = requireUrl(input.issuer, 'issuer');
  const validFrom = requireDateTimeStamp(input.validFrom, 'validFrom');

  if (!Array.isArray(input.types)) throw new VcError('invalid_input', 'types must be an array');
  const type = ['VerifiableCredential'];
  for (const t of input.types) {
    if (typeof t !== 'string' || !(TYPE_TERM.test(t) || URL.canParse(t))) {
      throw new VcError('invalid_input', `invalid credential type ${JSON.stringify(t)}`);
    }
    if (!type.includes(t)) type.push(t);
  }

  const context = [VC_CONTEXT_V2];
  for (const c of input.contexts ?? []) {
    requireUrl(c, 'contexts[]');
    if (!context.includes(c)) context.push(c);
  }

  if (!isPlainObject(input.subject)) throw new VcError('invalid_input', 'subject must be a plain object');
  const credentialSubject = input.subjectOwned ? input.subject : (plainCopy(input.subject, 'credentialSubject') as Record<string, unknown>);
  if (Object.keys(credentialSubject).length === 0) {
    throw new VcError('invalid_input', 'credentialSubject must contain at least one claim');
  }

  let validUntil: string | undefined;
  if (input.validUntil !== undefined) {
    validUntil = requireDateTimeStamp(input.validUntil, 'validUntil');
    if (Date.parse(validUntil) < Date.parse(validFrom)) {
      throw new VcError('invalid_input', 'validUntil must not be earlier than validFrom');
    }
  }

  let credentialStatus: BitstringStatusListEntry | undefined;
  if (input.status !== undefined) {
    const s = input.status;
    if (!Number.isSafeInteger(s.statusListIndex) || s.statusListIndex < 0) {
      throw new VcError('invalid_input', 'status.statusListIndex must be a non-negative integer');
    }
    if (s.statusPurpose !== 'revocation' && s.statusPurpose !== 'suspension') {
      throw new VcError('invalid_input', 'status.statusPurpose must be revocation or suspension');
    }
    const statusListCredential = requireUrl(s.statusListCredential, 'status.statusListCredential');
    const statusId = requireUrl(s.id, 'status.id');
    if (statusId === statusListCredential) {
      // Bitstring Status List v1.0: the entry id MUST NOT be the URL of the status list.
      throw new VcError('invalid_input', 'status.id must differ from status.statusListCredential');
    }
    credentialStatus = {
      id: statusId,
      statusListCredential,
      statusListIndex: String(s.statusListIndex),
      statusPurpose: s.statusPurpose,
      type: 'BitstringStatusListEntry',
    };
  }

  let credentialSchema: CredentialSchema | undefined;
  if (input.schema !== undefined) {
    if (input.schema.type !== 'JsonSchema') {
      throw new VcError('invalid_input', 'schema.type must be JsonSchema');
    }
    credentialSchema = { id: requireUrl(input.schema.id, 'schema.id'), type: 'JsonSchema' };
  }

  // Members in canonical (RFC 8785) order, like every object above, so that signing can take the
  // fast path (canonical.ts inCanonicalOrder).
  return {
    '@context': context,
    ...(credentialSchema ? { credentialSchema } : {}),
    ...(credentialStatus ? { credentialStatus } : {}),
    credentialSubject,
    id,
    issuer,
    type,
    validFrom,
    ...(validUntil !== undefined ? { validUntil } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Signing
// ---------------------------------------------------------------------------------------------

/**
 * `canonical`, when given, is the credential's RFC 8785 text already computed by the caller
 * (trust/canonical.ts canonicalJsonWith); it is signed as is.
 */
export type CredentialSigner = (credential: Credential | Record<string, unknown>, canonical?: string) => string;

/** The protected header segment (base64url) every credential signed under `kid` starts with. */
export function protectedHeaderSegment(kid: string): string {
  const header: VcJwtHeader = { alg: 'EdDSA', typ: VC_JWT_TYP, cty: VC_JWT_CTY, kid };
  return Buffer.from(JSON.stringify(header), 'utf8').toString('base64url');
}

/**
 * A signer bound to one key: VC-JOSE compact JWS whose payload is exactly the RFC 8785 canonical
 * JSON bytes of the credential and whose protected header is `{alg, typ, cty, kid}`. Signs with
 * node:crypto directly (synchronous, no WebCrypto thread-pool hop) and encodes the header once;
 * the bytes are what any JOSE library produces, which the tests check against jose.
 */
export function credentialSigner(opts: { privateKey: KeyObject; kid: string }): CredentialSigner {
  const { privateKey, kid } = opts;
  if (typeof kid !== 'string' || kid.length === 0)
    throw new VcError('invalid_input', 'kid must be a non-empty string');
  if (
    typeof privateKey !== 'object' ||
    privateKey === null ||
    privateKey.type !== 'private' ||
    privateKey.asymmetricKeyType !== 'ed25519'
  ) {
    throw new VcError('invalid_input', 'privateKey must be an Ed25519 private KeyObject');
  }
  const protectedB64 = protectedHeaderSegment(kid);
  return (credential, canonical) => {
    if (!isPlainObject(credential)) throw new VcError('invalid_input', 'credential must be a plain object');
    const payload = canonical === undefined ? canonicalBytes(credential) : Buffer.from(canonical, 'utf8');
    const input = `${protectedB64}.${payload.toString('base64url')}`;
    return `${input}.${cryptoSign(null, Buffer.from(input, 'ascii'), privateKey).toString('base64url')}`;
  };
}

/** Signs one credential (see credentialSigner). */
export async function signCredentialJwt(
  credential: Credential | Record<string, unknown>,
  opts: { privateKey: KeyObject; kid: string },
): Promise<string> {
  return credentialSigner(opts)(credential);
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

interface CompactParts {
  header: DecodedJwtHeader;
  payloadB64: string;
  signingInput: Buffer;
  signature: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]*$/;

/** Strict base64url (RFC 4648 §5, no padding, canonical trailing bits). */
function decodeB64url(segment: string, what: string): Buffer {
  if (!B64URL.test(segment) || segment.length % 4 === 1) {
    throw new VcError('malformed', `${what} is not base64url`);
  }
  const bytes = Buffer.from(segment, 'base64url');
  if (bytes.toString('base64url') !== segment) {
    throw new VcError('malformed', `${what} is not canonical base64url`);
  }
  return bytes;
}

function parseJsonObject(bytes: Buffer, what: string): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new VcError('malformed', `${what} is not valid UTF-8`, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new VcError('malformed', `${what} is not valid JSON`, { cause });
  }
  if (!isPlainObject(value)) throw new VcError('malformed', `${what} is not a JSON object`);
  return value;
}

function splitCompact(jwt: unknown): CompactParts {
  if (typeof jwt !== 'string') throw new VcError('malformed', 'JWT must be a string');
  if (jwt.length > MAX_JWT_LENGTH) throw new VcError('malformed', 'JWT is too large');
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new VcError('malformed', 'JWT must have three dot-separated parts');
  const [headerB64, payloadB64, signatureB64] = parts as [string, string, string];
  if (headerB64.length === 0 || payloadB64.length === 0 || signatureB64.length === 0) {
    throw new VcError('malformed', 'JWT has an empty part');
  }
  const header = parseJsonObject(decodeB64url(headerB64, 'JWT header'), 'JWT header');
  const signature = decodeB64url(signatureB64, 'JWT signature');
  decodeB64url(payloadB64, 'JWT payload'); // syntax only; parsed after the signature check
  return {
    header,
    payloadB64,
    signingInput: Buffer.from(`${headerB64}.${payloadB64}`, 'ascii'),
    signature,
  };
}

function decodePayload(payloadB64: string): { credential: DecodedCredential; payloadBytes: Buffer } {
  const payloadBytes = decodeB64url(payloadB64, 'JWT payload');
  const credential = parseJsonObject(payloadBytes, 'JWT payload');
  return { credential, payloadBytes };
}

function isCanonicalPayload(credential: DecodedCredential, payloadBytes: Buffer): boolean {
  try {
    return canonicalBytes(credential).equals(payloadBytes);
  } catch {
    return false;
  }
}

/** Decodes a compact JWS without verifying it. Throws VcError('malformed') on bad input. */
export function decodeCredentialJwt(jwt: string): DecodedCredentialJwt {
  const parts = splitCompact(jwt);
  const { credential, payloadBytes } = decodePayload(parts.payloadB64);
  return {
    header: parts.header,
    credential,
    payloadBytes,
    signingInput: parts.signingInput,
    signature: parts.signature,
    payloadIsCanonical: isCanonicalPayload(credential, payloadBytes),
  };
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

type Failure = { ok: false; code: VerifyFailureCode; reason: string };

function fail(code: VerifyFailureCode, reason: string): Failure {
  return { ok: false, code, reason };
}

/** Media-type comparison per RFC 7515 §4.1.9: case-insensitive, "application/" optional. */
function mediaTypeIs(value: unknown, expected: string): boolean {
  if (typeof value !== 'string') return false;
  const v = value.toLowerCase();
  return v === expected || v === `application/${expected}`;
}

function precheck(jwt: string): Failure | { parts: CompactParts; kid: string } {
  let parts: CompactParts;
  try {
    parts = splitCompact(jwt);
  } catch (err) {
    return fail('malformed', err instanceof Error ? err.message : 'malformed JWT');
  }
  const { header } = parts;
  if (!mediaTypeIs(header.typ, VC_JWT_TYP)) {
    return fail('wrong_type', `JWT typ must be ${VC_JWT_TYP}, got ${JSON.stringify(header.typ)}`);
  }
  if (header.cty !== undefined && !mediaTypeIs(header.cty, VC_JWT_CTY)) {
    return fail('wrong_type', `JWT cty must be ${VC_JWT_CTY}, got ${JSON.stringify(header.cty)}`);
  }
  if (header.alg !== 'EdDSA' && header.alg !== 'Ed25519') {
    return fail('malformed', `unsupported alg ${JSON.stringify(header.alg)}`);
  }
  if (header.crit !== undefined || header.b64 !== undefined) {
    return fail('malformed', 'critical or b64 header parameters are not supported');
  }
  if (typeof header.kid !== 'string' || header.kid.length === 0) {
    return fail('malformed', 'JWT header has no kid');
  }
  return { parts, kid: header.kid };
}

function issuerId(issuer: unknown): string | undefined {
  if (typeof issuer === 'string') return issuer;
  if (isPlainObject(issuer) && typeof issuer.id === 'string') return issuer.id;
  return undefined;
}

function finish(parts: CompactParts, kid: string, key: KeyObject | undefined): VerifyCredentialResult {
  if (key === undefined || key === null) return fail('unknown_key', `no key for kid ${JSON.stringify(kid)}`);
  if (typeof key !== 'object' || key.asymmetricKeyType !== 'ed25519' || key.type === 'secret') {
    return fail('unknown_key', `key for kid ${JSON.stringify(kid)} is not an Ed25519 key`);
  }
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (parts.signature.length !== 64) return fail('bad_signature', 'Ed25519 signature must be 64 bytes');
  let valid: boolean;
  try {
    valid = cryptoVerify(null, parts.signingInput, publicKey, parts.signature);
  } catch {
    valid = false;
  }
  if (!valid) return fail('bad_signature', 'signature does not verify');

  let credential: DecodedCredential;
  try {
    credential = decodePayload(parts.payloadB64).credential;
  } catch (err) {
    return fail('malformed', err instanceof Error ? err.message : 'malformed payload');
  }
  const ctx = credential['@context'];
  if (!Array.isArray(ctx) || ctx[0] !== VC_CONTEXT_V2) {
    return fail('wrong_type', `payload @context must start with ${VC_CONTEXT_V2}`);
  }
  const types = credential.type;
  if (!Array.isArray(types) || !types.includes('VerifiableCredential')) {
    return fail('wrong_type', 'payload type must include VerifiableCredential');
  }
  const issuer = issuerId(credential.issuer);
  if (issuer === undefined) return fail('wrong_type', 'payload has no issuer');
  // When kid is an absolute DID URL, the key must belong to the issuer's DID.
  if (kid.startsWith('did:')) {
    const hash = kid.indexOf('#');
    const kidDid = hash >= 0 ? kid.slice(0, hash) : kid;
    if (kidDid !== issuer) {
      return fail(
        'unknown_key',
        `kid ${JSON.stringify(kid)} is not a key of issuer ${JSON.stringify(issuer)}`,
      );
    }
  }
  return { ok: true, credential, header: parts.header, kid };
}

/**
 * Verifies a VC-JOSE compact JWS. Order of checks: structure (`malformed`), `typ`/`cty`
 * (`wrong_type`), alg/kid (`malformed`), key lookup (`unknown_key`), Ed25519 signature over the
 * exact transmitted bytes (`bad_signature`), then the payload is parsed and must be a VC 2.0
 * credential (`wrong_type`). Exceptions thrown by `resolveKey` propagate.
 */
export function verifyCredentialJwt(jwt: string, resolveKey: KeyResolver): VerifyCredentialResult {
  const pre = precheck(jwt);
  if ('ok' in pre) return pre;
  return finish(pre.parts, pre.kid, resolveKey(pre.kid));
}

/** Same as `verifyCredentialJwt`, with a key resolver that may be asynchronous. */
export async function verifyCredentialJwtAsync(
  jwt: string,
  resolveKey: AsyncKeyResolver,
): Promise<VerifyCredentialResult> {
  const pre = precheck(jwt);
  if ('ok' in pre) return pre;
  return finish(pre.parts, pre.kid, await resolveKey(pre.kid));
}
