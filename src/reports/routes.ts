import { Type } from '@sinclair/typebox';
import { MetalCodeSchema } from '../metals/schemas.ts';
import type { AppContext } from '../platform/context.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, IsoDate, Uuid } from '../platform/schemas.ts';
import { VC_JWT } from '../trust/schemas.ts';
import { DECLARATION_PROFILE, REPORT_PROFILE } from './credential.ts';
import { reportCsv, reportWorkbook } from './export.ts';
import type { ReportDocument } from './generate.ts';
import {
  DeclarationBody,
  DeclarationSchema,
  PublishBody,
  PublishedReportSchema,
  PublishOutcomeSchema,
  ReportKindSchema,
  ReportSummarySchema,
  ReportVerificationSchema,
  StockSeriesSchema,
} from './schemas.ts';
import * as reports from './service.ts';

const tags = ['market reports'];
const ReportParams = Type.Object({ reportId: Uuid });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerReportRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/market-reports',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Published market reports, newest first (stock, banding and queue reports per business day; off-warrant stock per month)',
        querystring: Type.Object(
          {
            kind: Type.Optional(ReportKindSchema),
            from: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$', description: 'earliest period' })),
            to: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$', description: 'latest period' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 400 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ReportSummarySchema) }), ...errors(400) },
      },
    },
    async (req) => ({ items: await reports.listReports(ctx, req.query) }),
  );
  app.post(
    '/api/v1/market-reports',
    {
      config: { permission: 'reports.publish' },
      schema: {
        tags,
        summary: "Publish a business day's reports (stock and queues once the day has closed; the banding report due that day) or a month's off-warrant stock report",
        description:
          'Each report is built from the warrant and receipt history as of its day, signed by the exchange and logged. Publishing again is a no-op when the history gives ' +
          'the same document, and a 409 when it gives a different one (the history of that window changed after publication).',
        body: PublishBody,
        response: { 200: PublishOutcomeSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req) => reports.publishReports(ctx, reports.publisherOf(caller(req)), req.body),
  );
  app.get(
    '/api/v1/market-reports/stock-series',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Live and cancelled tonnage per published business day, per location or per metal (from the published stock reports)',
        querystring: Type.Object(
          {
            from: IsoDate,
            to: IsoDate,
            by: Type.Optional(Type.Union([Type.Literal('location'), Type.Literal('metal')], { default: 'metal' })),
            metal: Type.Optional(MetalCodeSchema),
            location: Type.Optional(Type.String({ pattern: '^[A-Z][A-Z0-9]{1,19}$' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: StockSeriesSchema, ...errors(400) },
      },
    },
    async (req) => reports.stockSeries(ctx, { ...req.query, by: req.query.by ?? 'metal' }),
  );
  app.get(
    '/api/v1/market-reports/:reportId',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'One published report with its document', params: ReportParams, response: { 200: PublishedReportSchema, ...errors(400, 404) } },
    },
    async (req) => reports.getReport(ctx, req.params.reportId),
  );
  app.get(
    '/api/v1/market-reports/:reportId/document',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The published document, byte for byte (RFC 8785 canonical JSON): its SHA-256 is the documentDigest the exchange signed',
        params: ReportParams,
        response: { 200: Type.String(), ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const d = await reports.documentOf(ctx, req.params.reportId);
      return reply.type('application/json; charset=utf-8').header('content-disposition', `inline; filename="assay-${d.kind}-${d.period}.json"`).send(d.bytes);
    },
  );
  app.get(
    '/api/v1/market-reports/:reportId/credential',
    {
      config: { permission: 'public' },
      schema: { tags, summary: "The exchange's MarketReportCredential (vc+jwt) over the report", params: ReportParams, response: { 200: Type.String(), ...errors(400, 404) } },
    },
    async (req, reply) => reply.type(VC_JWT).send(await reports.credentialOf(ctx, req.params.reportId)),
  );
  app.get(
    '/api/v1/market-reports/:reportId/proof',
    {
      config: { permission: 'public' },
      schema: { tags, summary: "C2SP tlog-proof bundle of the report's credential", params: ReportParams, response: { 200: Type.String(), ...errors(400, 404) } },
    },
    async (req, reply) => reply.type('text/plain; charset=utf-8').send(await reports.proofOf(ctx, req.params.reportId)),
  );
  app.get(
    '/api/v1/market-reports/:reportId/verification',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Verify a published report: its signature and log inclusion, the stored document against the signed digest, and the report rebuilt from the history',
        params: ReportParams,
        response: { 200: ReportVerificationSchema, ...errors(400, 404) },
      },
    },
    async (req) => reports.verifyReport(ctx, req.params.reportId),
  );
  app.get(
    '/api/v1/market-reports/:reportId/export',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'A published report as CSV or Excel (figures as published; CSV cells guarded against formula injection)',
        params: ReportParams,
        querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' })) }, { additionalProperties: false }),
        response: errors(400, 404),
      },
    },
    async (req, reply) => {
      const r = await reports.getReport(ctx, req.params.reportId);
      const name = `assay-${r.kind.replace('_', '-')}-${r.period}`;
      if ((req.query.format ?? 'csv') === 'xlsx') {
        const body = await reportWorkbook(r.document as ReportDocument, { digest: r.documentDigest, verifyUrl: `${ctx.config.publicUrl}/market-data/reports/${r.id}/verify` });
        return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${name}.xlsx"`).send(body);
      }
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(reportCsv(r.document as ReportDocument));
    },
  );

  app.post(
    '/api/v1/off-warrant-declarations',
    {
      config: { permission: 'offwarrant.declare' },
      schema: {
        tags,
        summary: 'Declare the off-warrant metal your company stores at a location that is not recorded as receipts, for a month (signed and logged; a later declaration supersedes)',
        body: DeclarationBody,
        response: { 201: DeclarationSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await reports.declareOffWarrant(ctx, caller(req), req.body)),
  );
  app.get(
    '/api/v1/off-warrant-declarations',
    {
      config: { permission: 'warehouse.read' },
      schema: {
        tags,
        summary: "Off-warrant declarations: a warehouse company's own; the exchange's, all",
        querystring: Type.Object({ month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(DeclarationSchema) }), ...errors(400, 401) },
      },
    },
    async (req) => ({ items: await reports.listDeclarations(ctx, caller(req), req.query) }),
  );

  app.get('/schemas/market-report-subject/v1.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => REPORT_PROFILE.subjectSchema(ctx.config.publicUrl));
  app.get('/schemas/off-warrant-declaration-subject/v1.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => DECLARATION_PROFILE.subjectSchema(ctx.config.publicUrl));
}
