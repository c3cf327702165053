import { Type, type TProperties } from '@sinclair/typebox';
import { CHECK_NAMES } from './verify.ts';

// Request and response shapes the kernel's routes and the features' credential routes share.

/** Credentials and status lists travel as compact JWS text of this media type. */
export const VC_JWT = 'application/vc+jwt';

const Check = Type.Object({
  name: Type.Union(CHECK_NAMES.map((n) => Type.Literal(n))),
  status: Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('skip')]),
  reason: Type.String(),
});

/**
 * The fields of a verification report (trust/verify.ts VerificationReport). A credential type's own
 * routes pass the shape of its summary; the kernel's POST /api/v1/verify, which takes any
 * registered type, answers the summary as an open object.
 */
export function reportFields<S extends TProperties>(summary: S) {
  return {
    ok: Type.Boolean(),
    checks: Type.Array(Check),
    type: Type.Optional(Type.String({ description: 'The credential type, e.g. CertificateOfAnalysis' })),
    ...summary,
  };
}

export const VerificationReportSchema = Type.Object(
  reportFields({
    summary: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'What the credential says, once its signature verified' })),
    certificate: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'For a certificate, the summary again (older clients read it here)' })),
  }),
  { description: 'Each check answered separately: pass, fail or skip, with a reason in plain words' },
);
