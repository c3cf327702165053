import { Type } from '@sinclair/typebox';
import { CHECK_NAMES } from './verify.ts';

// The response schema of a verification report (src/ledger/verify.ts VerificationReport), shared by
// GET /api/v1/certificates/{id}/verification, POST /api/v1/verify and POST /api/v1/verify/pdf.

const Check = Type.Object({
  name: Type.Union(CHECK_NAMES.map((n) => Type.Literal(n))),
  status: Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('skip')]),
  reason: Type.String(),
});

const CertificateSummary = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    version: Type.Integer(),
    brand: Type.String({ description: 'Brand code' }),
    metal: Type.String(),
    pcr: Type.Optional(
      Type.String({ description: 'Left out for callers who may not read the full certificate' }),
    ),
    productionDate: Type.String(),
    issuer: Type.String({ description: 'Issuer DID' }),
    issuedAt: Type.String(),
  },
  { description: 'Present when the signature verified (the fields are then authenticated)' },
);

export const reportFields = {
  ok: Type.Boolean(),
  checks: Type.Array(Check),
  certificate: Type.Optional(CertificateSummary),
};

export const ReportSchema = Type.Object(reportFields, {
  description: 'Each check answered separately: pass, fail or skip, with a reason in plain words',
});
