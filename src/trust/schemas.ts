import { Type } from '@sinclair/typebox';

// Request and response shapes the kernel's routes and the features' credential routes share.

/** Credentials and status lists travel as compact JWS text of this media type. */
export const VC_JWT = 'application/vc+jwt';

export const VerificationReportSchema = Type.Object(
  {
    ok: Type.Boolean(),
    checks: Type.Array(Type.Object({ name: Type.String(), status: Type.String(), reason: Type.String() })),
    type: Type.Optional(Type.String({ description: 'The credential type, e.g. CertificateOfAnalysis' })),
    summary: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'What the credential says, once its signature verified' })),
    certificate: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'The summary again, for a certificate (older clients read it here)' })),
  },
  { description: 'Each check answered separately: pass, fail or skip, with a reason in plain words' },
);
