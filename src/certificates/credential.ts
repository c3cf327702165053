import { buildCredential, type Credential } from '../trust/vc.ts';
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

export { statusListUrl } from '../trust/status-service.ts';

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
