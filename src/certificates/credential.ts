import { locate, statusListUrl } from '../trust/status-service.ts';
import { buildCredential, canonicalJson, type Credential } from '../trust/vc.ts';
import type { CertificateContent } from './model.ts';

// How a certificate version becomes a W3C VC 2.0: the content is the credentialSubject, the
// producer's did:web is the issuer, the revocation bit lives in the producer's status list.

export const CREDENTIAL_TYPE = 'CertificateOfAnalysis';
export const SUBJECT_SCHEMA_PATH = '/schemas/certificate-subject/v1.json';

export const credentialId = (certificateId: string, version: number): string =>
  `urn:assay:certificate:${certificateId}:v${version}`;

export function parseCredentialId(id: unknown): { certificateId: string; version: number } | null {
  const m = typeof id === 'string' ? /^urn:assay:certificate:([0-9a-f-]{36}):v(\d+)$/.exec(id) : null;
  return m ? { certificateId: m[1]!, version: Number(m[2]) } : null;
}

export { statusListUrl };

export function certificateCredential(p: {
  publicUrl: string;
  certificateId: string;
  issuerDid: string;
  content: CertificateContent;
  status: { listUrl: string; index: number };
  /** See BuildCredentialInput.subjectOwned: for a caller that canonicalises the subject itself. */
  subjectOwned?: boolean;
}): Credential {
  return buildCredential({
    id: credentialId(p.certificateId, p.content.version),
    types: [CREDENTIAL_TYPE],
    issuer: p.issuerDid,
    validFrom: p.content.issuedAt,
    subject: { id: `urn:assay:cast:${p.content.brand.code}:${encodeURIComponent(p.content.pcr)}`, ...p.content },
    status: { id: `${p.status.listUrl}#${p.status.index}`, statusListIndex: p.status.index, statusListCredential: p.status.listUrl, statusPurpose: 'revocation' },
    schema: { id: `${p.publicUrl}${SUBJECT_SCHEMA_PATH}`, type: 'JsonSchema' },
    ...(p.subjectOwned ? { subjectOwned: true } : {}),
  });
}

// ------------------------------------------------------------------ stored as pieces (migrations/0015)

/**
 * What a credential was signed in, shared by every credential one key signed under one public URL:
 * the JWS protected header segment exactly as signed, the public URL of the status list and subject
 * schema, and the issuer DID. Stored once in credential_frames.
 */
export interface CredentialFrame {
  protectedHeader: string;
  publicUrl: string;
  issuer: string;
}

/** A version's credential as stored: everything but what its content already says. */
export interface CredentialPieces {
  frame: CredentialFrame;
  /** The Ed25519 signature (64 bytes). */
  signature: Buffer;
  statusIndex: number;
}

/**
 * Splits a certificate credential signed by credentialSigner into its stored pieces. Throws when
 * the pieces would not rebuild it byte for byte (so a caller never stores a credential it cannot
 * give back).
 */
export function credentialPieces(jwt: string, p: { certificateId: string; content: CertificateContent; publicUrl: string; issuer: string; statusIndex: number }): CredentialPieces {
  const dot = jwt.indexOf('.');
  const pieces: CredentialPieces = {
    frame: { protectedHeader: jwt.slice(0, dot), publicUrl: p.publicUrl, issuer: p.issuer },
    signature: Buffer.from(jwt.slice(jwt.lastIndexOf('.') + 1), 'base64url'),
    statusIndex: p.statusIndex,
  };
  if (rebuildCredential(p.certificateId, p.content, pieces) !== jwt) {
    throw new Error(`the credential of certificate ${p.certificateId} version ${p.content.version} does not rebuild from its pieces`);
  }
  return pieces;
}

/**
 * The compact JWS of a certificate version from its content and stored pieces: the payload is the
 * RFC 8785 canonical JSON of the credential certificateCredential builds (what was signed), so the
 * result is byte-identical to the JWS issued. Pure.
 */
export function rebuildCredential(certificateId: string, content: CertificateContent, p: CredentialPieces): string {
  const vc = certificateCredential({
    publicUrl: p.frame.publicUrl,
    certificateId,
    issuerDid: p.frame.issuer,
    content,
    status: { listUrl: statusListUrl(p.frame.publicUrl, content.producer.id, locate(p.statusIndex).listNo), index: p.statusIndex },
  });
  return `${p.frame.protectedHeader}.${Buffer.from(canonicalJson(vc), 'utf8').toString('base64url')}.${p.signature.toString('base64url')}`;
}
