// Shared shapes of the trust layer: what a log leaf says, and what a verifier must be given
// (the "trust file" `assay trust export` writes). Pure types and tiny pure helpers only.
import { canonicalBytes, sha256Hex } from './canonical.ts';
import { leafHash } from './merkle.ts';

/**
 * The kind of state change a log entry records, `<record>.<what happened>` (e.g. `certificate.issued`).
 * Kinds belong to the features that log them: each registers an audit check owning its kinds
 * (registry.ts), and the audit reports any logged kind no check owns.
 */
export type LogKind = string;

/**
 * One log leaf. Its RFC 8785 canonical bytes are the Merkle leaf data. `payloadDigest` is
 * `sha256:<hex>` of the exact bytes of what the change produced (for an issued or amended
 * certificate: the compact VC-JWT string; otherwise the canonical JSON of the recorded payload).
 */
export interface LogEntry {
  kind: LogKind;
  subjectType: string;
  subjectId: string;
  version: number | null;
  payloadDigest: string;
  time: string;
}

export const entryBytes = (e: LogEntry): Buffer => canonicalBytes(e);
export const entryLeafHash = (e: LogEntry): Buffer => leafHash(entryBytes(e));
export const digestBytes = (bytes: Uint8Array | string): string => `sha256:${sha256Hex(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)}`;

export interface TrustedIssuerKey {
  /** JWS `kid`: the DID URL `${did}#${thumbprint}`. */
  kid: string;
  orgId: string;
  orgName: string;
  did: string;
  publicKeyJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid?: string; alg?: string; use?: string };
  validFrom: string;
  /** Null while the key is active; set when it is rotated out. */
  validUntil: string | null;
}

export interface TrustedStatusList {
  /** The `statusListCredential` URL credentials point at. */
  url: string;
  /** Multibase base64url GZIP bitstring (Bitstring Status List `encodedList`). */
  encodedList: string;
  asOf: string;
}

/** Everything an offline verifier needs; written by `assay trust export`. */
export interface TrustBundle {
  format: 'assay-trust/1';
  exportedAt: string;
  registry: { did: string; publicUrl: string };
  log: { origin: string; verifierKey: string };
  witnesses: { name: string; verifierKey: string }[];
  issuers: TrustedIssuerKey[];
  statusLists: TrustedStatusList[];
}
