import { Type } from '@sinclair/typebox';
import { reportFields } from '../trust/schemas.ts';

// The verification report of a certificate, shared by GET /api/v1/certificates/{id}/verification
// and POST /api/v1/verify/pdf: the kernel's report with the certificate summary typed.

const CertificateSummary = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    version: Type.Integer(),
    brand: Type.String({ description: 'Brand code' }),
    metal: Type.String(),
    pcr: Type.Optional(Type.String({ description: 'Left out for callers who may not read the full certificate' })),
    productionDate: Type.String(),
    issuer: Type.String({ description: 'Issuer DID' }),
    issuedAt: Type.String(),
  },
  { description: 'Present when the signature verified (the fields are then authenticated)' },
);

export const certificateReportFields = reportFields({
  summary: Type.Optional(CertificateSummary),
  certificate: Type.Optional(CertificateSummary),
  revocation: Type.Optional(
    Type.Object(
      { revokedAt: Type.String(), reason: Type.String() },
      { description: 'A stored certificate that is revoked: when the revocation was logged and the reason given (revoked is not forged: the other checks still pass)' },
    ),
  ),
});

export const CertificateReportSchema = Type.Object(certificateReportFields, {
  description: 'Each check answered separately: pass, fail or skip, with a reason in plain words',
});
