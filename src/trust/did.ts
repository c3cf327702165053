/**
 * did:web identifiers and DID documents for Assay issuers.
 *
 * did:web method specification:
 * - `did:web:<host>` resolves to `https://<host>/.well-known/did.json`;
 * - a port is kept in the host segment with its colon percent-encoded: `did:web:example.com%3A3000`;
 * - further colon-separated segments are a path: `did:web:<host>:orgs:<id>` resolves to
 *   `https://<host>/orgs/<id>/did.json`.
 *
 * Verification methods are `JsonWebKey` entries (W3C Controlled Identifiers 1.0) carrying the
 * RFC 8037 OKP public JWK, with ids `${did}#${kid}`; each key is listed under `assertionMethod`
 * (credential signing) and `authentication`.
 */
import { publicJwk, type Ed25519PublicJwk } from './keystore.ts';

export const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';
export const CID_CONTEXT_V1 = 'https://www.w3.org/ns/cid/v1';

export class DidError extends Error {
  readonly code = 'invalid_did' as const;
  constructor(message: string) {
    super(message);
    this.name = 'DidError';
  }
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** did:web for a bare host name, optionally with a port (`example.com`, `localhost:3000`). */
export function didWebForHost(host: string): string {
  if (typeof host !== 'string') throw new DidError('host must be a string');
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!m)
    throw new DidError(`invalid host ${JSON.stringify(host)} (expected name[:port], no scheme or path)`);
  const name = m[1] as string;
  const port = m[2];
  if (name.length > 253 || !name.split('.').every((label) => LABEL.test(label))) {
    throw new DidError(`invalid host name ${JSON.stringify(name)}`);
  }
  if (port === undefined) return `did:web:${name}`;
  const portNum = Number(port);
  if (portNum < 1 || portNum > 65535 || String(portNum) !== port) {
    throw new DidError(`invalid port ${JSON.stringify(port)}`);
  }
  return `did:web:${name}%3A${port}`;
}

/**
 * Encodes one did:web path segment: DID `idchar` is ALPHA / DIGIT / "." / "-" / "_" or a
 * pct-encoded octet, so everything else (including ":" and "/") is percent-encoded as UTF-8.
 */
function encodeSegment(segment: string): string {
  if (typeof segment !== 'string' || segment.length === 0)
    throw new DidError('path segment must be non-empty');
  if (segment === '.' || segment === '..') throw new DidError('path segment must not be "." or ".."');
  let out = '';
  for (const byte of Buffer.from(segment, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9._-]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** did:web:<host>:orgs:<orgId>, resolving to https://<host>/orgs/<orgId>/did.json. */
export function didWebForOrg(host: string, orgId: string): string {
  return `${didWebForHost(host)}:orgs:${encodeSegment(orgId)}`;
}

/** The HTTPS URL from which a did:web DID document is fetched (did:web "Read" operation). */
export function didWebToUrl(did: string): string {
  if (typeof did !== 'string' || !did.startsWith('did:web:')) throw new DidError('not a did:web DID');
  if (/[#?/]/.test(did)) throw new DidError('a DID has no path, query or fragment');
  const segments = did.slice('did:web:'.length).split(':');
  if (segments.some((s) => s.length === 0)) throw new DidError('empty did:web segment');
  const [hostSegment, ...path] = segments as [string, ...string[]];
  const host = hostSegment.replace(/%3A/gi, ':');
  if (host.includes('%')) throw new DidError('unexpected percent-encoding in did:web host');
  didWebForHost(host); // validates name and port
  for (const seg of path) {
    if (!/^(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/.test(seg)) throw new DidError(`invalid path segment ${seg}`);
    const decoded = decodeURIComponent(seg);
    if (decoded === '.' || decoded === '..') throw new DidError('dot path segment');
  }
  const pathPart = path.length === 0 ? '.well-known' : path.join('/');
  return `https://${host}/${pathPart}/did.json`;
}

/** Absolute DID URL of a verification method: `${did}#${kid}`. */
export function verificationMethodId(did: string, kid: string): string {
  if (typeof kid !== 'string' || !/^[A-Za-z0-9._~!$&'()*+,;=:@/?-]+$/.test(kid)) {
    throw new DidError(`kid ${JSON.stringify(kid)} is not usable as a DID URL fragment`);
  }
  return `${did}#${kid}`;
}

export interface DidKeyInput {
  kid: string;
  publicKeyRaw: Uint8Array;
  /** When the key started signing (kept by the caller; not a DID document property). */
  validFrom: string;
  /** When the key stopped being valid; published as the Controlled Identifiers `expires`. */
  validUntil?: string;
}

export interface JsonWebKeyVerificationMethod {
  id: string;
  type: 'JsonWebKey';
  controller: string;
  publicKeyJwk: Ed25519PublicJwk;
  expires?: string;
}

export interface DidDocument {
  '@context': string[];
  id: string;
  controller: string;
  verificationMethod: JsonWebKeyVerificationMethod[];
  assertionMethod: string[];
  authentication: string[];
}

function checkUniqueKids(keys: readonly { kid: string }[]): void {
  const seen = new Set<string>();
  for (const { kid } of keys) {
    if (seen.has(kid)) throw new DidError(`duplicate kid ${JSON.stringify(kid)}`);
    seen.add(kid);
  }
}

/** Builds the DID document listing every given key as a JsonWebKey verification method. */
export function buildDidDocument(did: string, keys: readonly DidKeyInput[]): DidDocument {
  if (typeof did !== 'string' || !/^did:[a-z0-9]+:\S+$/.test(did) || /[#?/]/.test(did)) {
    throw new DidError(`invalid DID ${JSON.stringify(did)}`);
  }
  checkUniqueKids(keys);
  const verificationMethod = keys.map((k): JsonWebKeyVerificationMethod => {
    const vm: JsonWebKeyVerificationMethod = {
      id: verificationMethodId(did, k.kid),
      type: 'JsonWebKey',
      controller: did,
      publicKeyJwk: publicJwk(k.publicKeyRaw, k.kid),
    };
    if (k.validUntil !== undefined) vm.expires = k.validUntil;
    return vm;
  });
  const ids = verificationMethod.map((vm) => vm.id);
  return {
    '@context': [DID_CONTEXT_V1, CID_CONTEXT_V1],
    id: did,
    controller: did,
    verificationMethod,
    assertionMethod: [...ids],
    authentication: [...ids],
  };
}

/** JWK Set (RFC 7517 §5) of the public keys. */
export function buildJwks(keys: readonly { kid: string; publicKeyRaw: Uint8Array }[]): {
  keys: Ed25519PublicJwk[];
} {
  checkUniqueKids(keys);
  return { keys: keys.map((k) => publicJwk(k.publicKeyRaw, k.kid)) };
}
