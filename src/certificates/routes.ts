import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import { MetalCodeSchema } from '../metals/schemas.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, IsoDate, Page, Uuid } from '../platform/schemas.ts';
import type { Submission } from './model.ts';
import { CertificateListItem, CertificateView, SubmissionSchema, VersionView } from './schemas.ts';
import * as service from './service.ts';

const tags = ['certificates'];
const Status = Type.Union([Type.Literal('issued'), Type.Literal('rejected'), Type.Literal('revoked')]);
const IdParams = Type.Object({ id: Uuid });
const Reason = Type.String({ minLength: 3, maxLength: 1000 });

export function registerCertificateRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/certificates',
    {
      config: { permission: 'certificates.issue' },
      schema: {
        tags,
        summary: 'Issue an eCOA for a production cast of one of your listed brands',
        description:
          'The submission is checked against the brand and the contract specification in force on the production date. ' +
          'A conforming submission is stored with status `issued`; a non-conforming one is stored with status `rejected` ' +
          'and every reason, so it can be fixed and resubmitted. Both answer 201. Malformed input answers 400 and stores nothing; ' +
          'a second live certificate for the same brand + PCR answers 409.',
        body: SubmissionSchema,
        response: { 201: CertificateView, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.issueCertificate(ctx, caller(req), req.body as Submission)),
  );

  app.get(
    '/api/v1/certificates',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Search certificates (newest first, cursor-paginated), or look one up by its number',
        description:
          'Signed-in callers list the certificates they may read in full: a producer its own, the exchange all. ' +
          'Anyone may look one certificate up by `number` (case and spaces do not matter), alone: the minimal view unless entitled. ' +
          'Without a number, anonymous callers are refused (401).',
        querystring: Type.Object(
          {
            number: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Certificate number, e.g. AS-0000000123' })),
            brand: Type.Optional(Type.String({ maxLength: 64, description: 'Any part of the brand code (any case, spaces ignored) or name, or the brand id' })),
            metal: Type.Optional(MetalCodeSchema),
            status: Type.Optional(Status),
            producedFrom: Type.Optional(IsoDate),
            producedTo: Type.Optional(IsoDate),
            pcrPrefix: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The leading part of the PCR, any case' })),
            mine: Type.Optional(Type.Boolean()),
            needsAttention: Type.Optional(
              Type.Boolean({
                description:
                  'Only rejections not yet dealt with: rejected, and neither certified since (an issued or revoked certificate for the same brand and PCR) nor attempted again',
              }),
            ),
            cursor: Type.Optional(Type.String({ maxLength: 64 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(CertificateListItem), ...errors(400, 401) },
      },
    },
    async (req) => service.listCertificates(ctx, req.principal, req.query),
  );

  app.get(
    '/api/v1/certificates/:id',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'One certificate, by id or by its number (e.g. AS-0000000123)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'Certificate id (UUID) or number' }) }),
        response: { 200: CertificateView, ...errors(400, 404) },
      },
    },
    async (req) => service.getCertificate(ctx, req.principal, req.params.id),
  );

  app.get(
    '/api/v1/brands/:brand/certificates/:pcr',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The certificate of a brand’s production cast (brand code or id + PCR)',
        params: Type.Object({ brand: Type.String(), pcr: Type.String({ maxLength: 64 }) }),
        response: { 200: CertificateView, ...errors(404) },
      },
    },
    async (req) => service.getByBrandPcr(ctx, req.principal, req.params.brand, req.params.pcr),
  );

  app.get(
    '/api/v1/certificates/:id/versions',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Every version, superseded ones included (issuing producer and exchange)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(VersionView) }), ...errors(400, 403, 404) },
      },
    },
    async (req) => ({ items: await service.listVersions(ctx, req.principal, req.params.id) }),
  );

  app.get(
    '/api/v1/certificates/:id/versions/:version',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'One version (issuing producer and exchange)',
        params: Type.Object({ id: Uuid, version: Type.Integer({ minimum: 1 }) }),
        response: { 200: VersionView, ...errors(400, 403, 404) },
      },
    },
    async (req) => service.getVersion(ctx, req.principal, req.params.id, req.params.version),
  );

  app.post(
    '/api/v1/certificates/:id/amendments',
    {
      config: { permission: 'certificates.issue' },
      schema: {
        tags,
        summary: 'Amend: a new version with a reason; the old one is superseded and stays readable',
        params: IdParams,
        body: Type.Object({ reason: Reason, certificate: SubmissionSchema }, { additionalProperties: false }),
        response: { 201: CertificateView, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await service.amendCertificate(ctx, caller(req), req.params.id, req.body.reason, req.body.certificate as Submission),
        ),
  );

  app.post(
    '/api/v1/certificates/:id/revocation',
    {
      config: { permission: 'certificates.revoke' },
      schema: {
        tags,
        summary: 'Revoke an issued certificate, with a reason (the issuing producer or the exchange)',
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: CertificateView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.revokeCertificate(ctx, caller(req), req.params.id, req.body.reason),
  );
}
