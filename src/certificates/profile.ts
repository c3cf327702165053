import type { CredentialProfile } from '../trust/credential-profile.ts';
import { verifyCredential, type Check, type VerifyCredentialInput } from '../trust/verify.ts';
import { CREDENTIAL_TYPE, parseCredentialId } from './credential.ts';
import { certificateSubjectSchema } from './subject-schema.ts';

// How the kernel's verifier recognises and summarises a certificate credential.

/** Log kinds whose entries commit to a certificate credential (a rejected version has none). */
export const CERTIFICATE_CREDENTIAL_KINDS = ['certificate.issued', 'certificate.amended'] as const;

export interface CertificateSummary {
  /** The certificate's UUID. */
  id: string;
  number: string;
  version: number;
  /** Brand code. */
  brand: string;
  metal: string;
  pcr: string;
  productionDate: string;
  /** Issuer DID. */
  issuer: string;
  issuedAt: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export const CERTIFICATE_PROFILE: CredentialProfile = {
  type: CREDENTIAL_TYPE,
  noun: 'certificate',
  idForm: 'urn:assay:certificate:<uuid>:v<n>',
  parseId(id) {
    const p = parseCredentialId(id);
    return p ? { subjectId: p.certificateId, version: p.version } : null;
  },
  subjectType: 'certificate',
  logKinds: CERTIFICATE_CREDENTIAL_KINDS,
  logKindsText: 'an issuance or amendment',
  subjectSchema: (publicUrl) => certificateSubjectSchema(publicUrl),
  summarise(s, meta): CertificateSummary & Record<string, unknown> {
    const brand = typeof s.brand === 'object' && s.brand !== null ? (s.brand as { code?: unknown }).code : undefined;
    return {
      id: meta.subjectId,
      number: str(s.number),
      version: meta.version,
      brand: str(brand),
      metal: str(s.metal),
      pcr: str(s.pcr),
      productionDate: str(s.productionDate),
      issuer: meta.issuer,
      issuedAt: str(s.issuedAt) || meta.validFrom,
    };
  },
  describe: (c) => `${str(c.number)} v${String(c.version)}: ${str(c.brand)} ${str(c.metal)}, produced ${str(c.productionDate)}, issued ${str(c.issuedAt)}`,
};

export interface CertificateVerificationReport {
  ok: boolean;
  checks: Check[];
  /** Present when the signature verified (the fields are then authenticated). */
  certificate?: CertificateSummary;
}

/** The kernel's verifier, for a certificate: the report names the certificate it authenticated. */
export function verifyCertificate(input: Omit<VerifyCredentialInput, 'profiles'>): CertificateVerificationReport {
  const r = verifyCredential({ ...input, profiles: [CERTIFICATE_PROFILE] });
  return { ok: r.ok, checks: r.checks, ...(r.summary ? { certificate: r.summary as unknown as CertificateSummary } : {}) };
}
