import { Type } from '@sinclair/typebox';
import { MetalCodeSchema } from '../metals/schemas.ts';
import type { AppContext } from '../platform/context.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, IsoDate, Uuid } from '../platform/schemas.ts';
import { BrandParams, List, UPLOAD_BODY_LIMIT } from '../sustainability/routes.ts';
import * as access from './access-service.ts';
import { cbamTemplate } from './excel.ts';
import * as exports from './export-service.ts';
import * as premium from './premium-service.ts';
import * as reports from './report-service.ts';
import type { CbamRaw } from './rules.ts';
import { BrandReports, CarbonView, CbamBody, ExcelUpload, GrantBody, GrantView, PremiumView, ReportSchema, RevokeBody } from './schemas.ts';

// The CBAM routes: reports (JSON and the Excel form), visibility and grants, a certificate's carbon
// record, the importer's export and premium eligibility (tagged sustainability, as it always was).

const cbamTags = ['cbam'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerCbamRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/brands/:brand/premium-eligibility',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['sustainability'],
        summary: "Sustainable-metal premium eligibility for a year, with the reason (follows the brand's CBAM visibility)",
        params: BrandParams,
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }),
        response: { 200: PremiumView, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => premium.premium(ctx, req.principal, req.params.brand, req.query.year),
  );

  // ---------------------------------------------------------------- CBAM
  app.get(
    '/api/v1/cbam-reports/template',
    { config: { permission: 'public' }, schema: { tags: cbamTags, summary: 'The blank CBAM Excel reporting form' } },
    async (_req, reply) =>
      reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="assay-cbam-form.xlsx"').send(await cbamTemplate()),
  );

  app.get(
    '/api/v1/cbam-reports',
    {
      config: { permission: 'public' },
      schema: {
        tags: cbamTags,
        summary: 'Current CBAM reports the caller may read (its own, granted, published; the exchange sees all)',
        querystring: Type.Object(
          { metal: Type.Optional(MetalCodeSchema), brand: Type.Optional(Type.String({ maxLength: 64 })), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        response: { 200: List(ReportSchema), ...errors(400) },
      },
    },
    async (req) => reports.searchReports(ctx, req.principal, req.query),
  );

  app.post(
    '/api/v1/brands/:brand/cbam-reports',
    {
      config: { permission: 'cbam.file' },
      schema: {
        tags: cbamTags,
        summary: 'Submit a CBAM report (annual, or a daily update); a re-filed period becomes a new version. Signed and logged',
        params: BrandParams,
        body: CbamBody,
        response: { 201: ReportSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await reports.submitCbam(ctx, caller(req), req.params.brand, req.body as CbamRaw)),
  );

  app.post(
    '/api/v1/brands/:brand/cbam-reports/excel',
    {
      config: { permission: 'cbam.file' },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: cbamTags,
        summary: 'Submit the CBAM Excel form (base64); problems are named by sheet and cell, and nothing is written unless there are none',
        params: BrandParams,
        body: ExcelUpload,
        response: { 201: ReportSchema, ...errors(400, 401, 403, 404, 409, 413) },
      },
    },
    async (req, reply) => reply.status(201).send(await reports.submitCbamExcel(ctx, caller(req), req.params.brand, req.body)),
  );

  app.get(
    '/api/v1/brands/:brand/cbam-reports',
    {
      config: { permission: 'public' },
      schema: {
        tags: cbamTags,
        summary: "A brand's CBAM reports and their history (the exchange, the producer, grantees, or anyone once published)",
        params: BrandParams,
        response: { 200: BrandReports, ...errors(401, 403, 404) },
      },
    },
    async (req) => reports.brandReports(ctx, req.principal, req.params.brand),
  );

  app.put(
    '/api/v1/brands/:brand/cbam-visibility',
    {
      config: { permission: 'cbam.file' },
      schema: {
        tags: cbamTags,
        summary: "Publish (or make private again) a brand's CBAM data (the producer)",
        params: BrandParams,
        body: Type.Object({ published: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Type.Object({ brand: Type.Object({ id: Uuid, code: Type.String() }), published: Type.Boolean() }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => access.setPublication(ctx, caller(req), req.params.brand, req.body),
  );

  app.get(
    '/api/v1/brands/:brand/cbam-grants',
    {
      config: { permission: 'sustainability.read' },
      schema: {
        tags: cbamTags,
        summary: "Who has been granted the brand's CBAM data, active and revoked (the producer and the exchange)",
        params: BrandParams,
        response: { 200: List(GrantView), ...errors(401, 403, 404) },
      },
    },
    async (req) => access.listGrants(ctx, req.principal, req.params.brand),
  );

  app.post(
    '/api/v1/brands/:brand/cbam-grants',
    {
      config: { permission: 'cbam.grant' },
      schema: {
        tags: cbamTags,
        summary: "Grant an organisation access to the brand's CBAM data (the producer or the exchange); signed and logged",
        params: BrandParams,
        body: GrantBody,
        response: { 201: GrantView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await access.createGrant(ctx, caller(req), req.params.brand, req.body)),
  );

  app.post(
    '/api/v1/brands/:brand/cbam-grants/:grantId/revocation',
    {
      config: { permission: 'cbam.grant' },
      schema: {
        tags: cbamTags,
        summary: 'Revoke a grant; access stops immediately (the producer or the exchange); signed and logged',
        params: Type.Object({ brand: Type.String({ maxLength: 64 }), grantId: Uuid }),
        body: RevokeBody,
        response: { 200: GrantView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => access.revokeGrant(ctx, caller(req), req.params.brand, req.params.grantId, req.body),
  );

  app.get(
    '/api/v1/certificates/:id/carbon',
    {
      config: { permission: 'public' },
      schema: {
        tags: cbamTags,
        summary: "The CBAM report and carbon intensity in force for the certificate's brand on its production date",
        description: 'Figures as reported, with the producer’s own signed credential. Visible to the exchange, the producer, grantees, or anyone once the brand’s CBAM data is published.',
        params: Type.Object({ id: Uuid }),
        response: { 200: CarbonView, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => reports.certificateCarbon(ctx, req.principal, req.params.id),
  );

  app.get(
    '/api/v1/cbam-exports',
    {
      config: { permission: 'sustainability.read' },
      schema: {
        tags: cbamTags,
        summary: 'CBAM-ready CSV or Excel of the certificates whose carbon data the caller may read',
        description: 'Net tonnes are filled only where the caller may read the full certificate. CSV cells are guarded against spreadsheet formula injection.',
        querystring: Type.Object(
          {
            format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' })),
            from: Type.Optional(IsoDate),
            to: Type.Optional(IsoDate),
            brand: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: errors(400, 401, 403),
      },
    },
    async (req, reply) => {
      const f = await exports.exportFile(ctx, req.principal, req.query);
      return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).send(f.body);
    },
  );
}
