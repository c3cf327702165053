import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http.ts';
import { errors, Uuid } from '../platform/schemas.ts';
import { VC_JWT } from '../trust/schemas.ts';
import { CertificateReportSchema as Report } from './report-schema.ts';
import { SUBJECT_SCHEMA_PATH } from './credential.ts';
import { certificateSubjectSchema } from './subject-schema.ts';
import * as verification from './verification.ts';

// A certificate as a credential: the signed VC, its log proof, its verification, and the published
// schema of its subject. (Tagged `trust` in the API documentation, beside the log and keys.)

const tags = ['trust'];

export function registerCertificateCredentialRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/certificates/:id/credential',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The certificate as a signed W3C Verifiable Credential (vc+jwt); issuing producer and exchange',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: { 200: Type.String({ description: 'application/vc+jwt' }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const jwt = await verification.credentialFor(ctx, req.principal, req.params.id, req.query.version);
      return reply.type(VC_JWT).send(jwt);
    },
  );

  app.get(
    '/api/v1/certificates/:id/proof',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'C2SP tlog-proof bundle: the log entry of the current version, its inclusion proof and a signed checkpoint',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: { 200: Type.String({ description: 'text/plain' }), ...errors(404) },
      },
    },
    async (req, reply) =>
      reply.type('text/plain; charset=utf-8').send(await verification.proofFor(ctx, req.principal, req.params.id, req.query.version)),
  );

  app.get(
    '/api/v1/certificates/:id/verification',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Verify the current credential server-side: signature, issuer, key validity, schema, status, log inclusion, currency',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'Certificate id (UUID) or number' }) }),
        querystring: Type.Object(
          { witnesses: Type.Optional(Type.Integer({ minimum: 0, maximum: 20, description: 'Witness cosignatures required' })) },
          { additionalProperties: false },
        ),
        response: { 200: Report, ...errors(404) },
      },
    },
    async (req) => verification.verifyStored(ctx, req.principal, req.params.id, req.query.witnesses ?? 0),
  );

  app.get(SUBJECT_SCHEMA_PATH, { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    certificateSubjectSchema(ctx.config.publicUrl),
  );
}
