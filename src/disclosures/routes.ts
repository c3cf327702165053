import { Type, type TSchema } from '@sinclair/typebox';
import type { AppContext } from '../app/context.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, IsoDate, Page, Uuid } from '../platform/schemas.ts';
import * as cbam from './cbam-service.ts';
import { cbamTemplate } from './excel.ts';
import type { CbamRaw, Methodology, PremiumThreshold, Standard, Topic, TrackInput } from './rules.ts';
import {
  BrandReports,
  CarbonView,
  CbamBody,
  Code,
  ComplianceBody,
  ComplianceRuling,
  DisclosureBody,
  DisclosureView,
  EvidenceSchema,
  EvidenceUpload,
  ExcelUpload,
  GrantBody,
  GrantView,
  MethodologyBody,
  MetalCodeSchema,
  PremiumView,
  ReferenceSchema,
  ReportSchema,
  RevokeBody,
  SettingsBody,
  SourcingView,
  StandardBody,
  ThresholdBody,
  TopicBody,
  TrackBody,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['sustainability'];
const cbamTags = ['cbam'];
const BrandParams = Type.Object({ brand: Type.String({ maxLength: 64, description: 'Brand id or code' }) });
/** Uploads travel as base64 JSON; they get a larger body limit than ordinary requests. */
const UPLOAD_BODY_LIMIT = 8 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const List = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });

export function registerSustainabilityRoutes(app: App, ctx: AppContext): void {
  // ---------------------------------------------------------------- reference data
  app.get(
    '/api/v1/sustainability/reference',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Topics, recognised standards, approved emissions methodologies, premium thresholds and CBAM settings',
        response: { 200: ReferenceSchema },
      },
    },
    async () => service.getReference(ctx),
  );

  const referenceRoute = (
    url: string,
    param: 'code' | 'metal',
    body: TSchema,
    summary: string,
    toChange: (key: string, b: Record<string, unknown>) => service.ReferenceChange,
  ) =>
    app.put(
      url,
      {
        config: { permission: 'sustainability.govern' },
        schema: {
          tags,
          summary,
          params: Type.Object({ [param]: param === 'metal' ? MetalCodeSchema : Code }),
          body,
          response: { 200: ReferenceSchema, ...errors(400, 401, 403) },
        },
      },
      async (req) => {
        const key = (req.params as Record<string, string>)[param]!;
        return service.updateReference(ctx, caller(req), toChange(key, req.body as Record<string, unknown>));
      },
    );

  referenceRoute('/api/v1/sustainability/reference/topics/:code', 'code', TopicBody, 'Add or edit a disclosure topic (the exchange)', (code, b) => ({
    table: 'topics',
    key: code,
    record: { ...(b as Omit<Topic, 'code'>), code },
  }));
  referenceRoute('/api/v1/sustainability/reference/standards/:code', 'code', StandardBody, 'Add or edit a recognised standard (the exchange)', (code, b) => ({
    table: 'standards',
    key: code,
    record: { ...(b as Omit<Standard, 'code'>), code },
  }));
  referenceRoute(
    '/api/v1/sustainability/reference/methodologies/:metal',
    'metal',
    MethodologyBody,
    "Set a metal's one approved emissions methodology (the exchange)",
    (metal, b) => ({ table: 'methodologies', key: metal, record: { ...(b as Omit<Methodology, 'metal'>), metal } }),
  );
  referenceRoute(
    '/api/v1/sustainability/reference/premium-thresholds/:metal',
    'metal',
    ThresholdBody,
    "Set a metal's sustainable-premium carbon threshold (the exchange)",
    (metal, b) => ({ table: 'premium-thresholds', key: metal, record: { ...(b as Omit<PremiumThreshold, 'metal'>), metal } }),
  );
  app.put(
    '/api/v1/sustainability/reference/settings',
    {
      config: { permission: 'sustainability.govern' },
      schema: {
        tags,
        summary: 'CBAM daily-update start date and metals whose sourcing tracks are public by rule (the exchange)',
        body: SettingsBody,
        response: { 200: ReferenceSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => service.updateReference(ctx, caller(req), { table: 'settings', key: 'settings', record: req.body }),
  );

  // ---------------------------------------------------------------- evidence files
  // An evidence file is whatever its uploader sent, under the media type they named: should a
  // browser ever render one, it runs nothing, loads nothing and cannot be framed.
  const EVIDENCE_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";
  app.post(
    '/api/v1/evidence-files',
    {
      config: { permission: 'sustainability.file' },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Upload an evidence file (base64, at most 5 MiB); it is kept with its SHA-256 and logged',
        body: EvidenceUpload,
        response: { 201: EvidenceSchema, ...errors(400, 401, 403, 413) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.uploadEvidence(ctx, caller(req), req.body)),
  );

  app.get(
    '/api/v1/evidence-files/:fileId',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Download an evidence file (readable wherever an item citing it is readable)',
        params: Type.Object({ fileId: Uuid }),
        response: errors(400, 401, 403, 404),
      },
    },
    async (req, reply) => {
      const f = await service.downloadEvidence(ctx, req.principal, req.params.fileId);
      return reply
        .header('content-type', f.media_type)
        .header('content-disposition', `attachment; filename="${f.filename.replace(/[^\w.-]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', EVIDENCE_CSP)
        .header('digest', `sha-256=${Buffer.from(f.sha256, 'hex').toString('base64')}`)
        .send(f.bytes);
    },
  );

  // ---------------------------------------------------------------- responsible sourcing
  app.post(
    '/api/v1/brands/:brand/sourcing-tracks',
    {
      config: { permission: 'sustainability.file' },
      schema: {
        tags,
        summary: "Record the brand's responsible-sourcing track (A–D) from a date, with its evidence (the producer)",
        params: BrandParams,
        body: TrackBody,
        response: { 201: SourcingView, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordTrack(ctx, caller(req), req.params.brand, req.body as TrackInput)),
  );

  app.get(
    '/api/v1/brands/:brand/sourcing',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Responsible sourcing of a brand: current track and history, compliance rulings, ISO 14001 / 45001 certificates',
        params: BrandParams,
        response: { 200: SourcingView, ...errors(404) },
      },
    },
    async (req) => service.brandSourcing(ctx, req.principal, req.params.brand),
  );

  app.post(
    '/api/v1/brands/:brand/sourcing-compliance',
    {
      config: { permission: 'sustainability.govern' },
      schema: {
        tags,
        summary: 'Rule a brand compliant or non-compliant with the responsible-sourcing rules, with a reason (the exchange)',
        params: BrandParams,
        body: ComplianceBody,
        response: { 201: SourcingView, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.setCompliance(ctx, caller(req), req.params.brand, req.body)),
  );

  app.get(
    '/api/v1/sourcing-compliance',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: "Each brand's latest responsible-sourcing compliance ruling, newest first (public, as on the brand pages)",
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('compliant'), Type.Literal('non_compliant')])) }, { additionalProperties: false }),
        response: { 200: List(ComplianceRuling), ...errors(400) },
      },
    },
    async (req) => service.complianceRulings(ctx, req.query),
  );

  // ---------------------------------------------------------------- disclosures
  app.post(
    '/api/v1/disclosures',
    {
      config: { permission: 'sustainability.file' },
      schema: {
        tags,
        summary: 'File a certification, metric or target at company, asset (plant) or brand level; signed and logged',
        body: DisclosureBody,
        response: { 201: DisclosureView, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.fileDisclosure(ctx, caller(req), req.body)),
  );

  app.get(
    '/api/v1/disclosures',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Search disclosures (newest first); restricted ones only for their producer, the exchange and the named auditor',
        querystring: Type.Object(
          {
            organisation: Type.Optional(Uuid),
            brand: Type.Optional(Type.String({ maxLength: 64 })),
            topic: Type.Optional(Code),
            kind: Type.Optional(Type.Union([Type.Literal('certification'), Type.Literal('metric'), Type.Literal('target')])),
            level: Type.Optional(Type.Union([Type.Literal('company'), Type.Literal('asset'), Type.Literal('brand')])),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            auditor: Type.Optional(Type.String({ format: 'uuid', description: 'Only disclosures naming this auditor organisation' })),
            unattested: Type.Optional(Type.Boolean({ description: 'With `auditor`: only those that auditor has not attested yet (its attestation requests)' })),
            expiresBy: Type.Optional(Type.String({ format: 'date', description: 'Only disclosures valid until this date or earlier (YYYY-MM-DD): expired, or expiring by then' })),
            cursor: Type.Optional(Type.String({ maxLength: 64 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(DisclosureView), ...errors(400) },
      },
    },
    async (req) => service.listDisclosures(ctx, req.principal, req.query),
  );

  app.get(
    '/api/v1/disclosures/:disclosureId',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'One disclosure with its attestations', params: Type.Object({ disclosureId: Uuid }), response: { 200: DisclosureView, ...errors(400, 401, 404) } },
    },
    async (req) => service.getDisclosure(ctx, req.principal, req.params.disclosureId),
  );

  app.post(
    '/api/v1/disclosures/:disclosureId/attestations',
    {
      config: { permission: 'sustainability.attest' },
      schema: {
        tags,
        summary: "Attest a disclosure: the auditor organisation signs the disclosure's canonical digest (vc+jwt)",
        params: Type.Object({ disclosureId: Uuid }),
        body: Type.Object({ statement: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 201: DisclosureView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.attestDisclosure(ctx, caller(req), req.params.disclosureId, req.body)),
  );

  // ---------------------------------------------------------------- profiles, comparison, premium
  app.get(
    '/api/v1/producers/:orgId/profile',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: "A producer's public sustainability profile: brands, tracks, certifications, metrics and targets",
        params: Type.Object({ orgId: Uuid }),
        response: errors(400, 404),
      },
    },
    async (req) => service.producerProfile(ctx, req.principal, req.params.orgId),
  );

  const CsvList = Type.String({ minLength: 1, maxLength: 700, description: 'Comma-separated' });
  const split = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((x) => x.trim()).filter(Boolean));
  app.get(
    '/api/v1/sustainability/comparison',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Side-by-side comparison of up to five producers (organisation ids) or plants (brand codes or ids)',
        querystring: Type.Object({ producers: Type.Optional(CsvList), plants: Type.Optional(CsvList) }, { additionalProperties: false }),
        response: errors(400, 404),
      },
    },
    async (req) => service.compare(ctx, req.principal, { producers: split(req.query.producers), plants: split(req.query.plants) }),
  );

  app.get(
    '/api/v1/brands/:brand/premium-eligibility',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: "Sustainable-metal premium eligibility for a year, with the reason (follows the brand's CBAM visibility)",
        params: BrandParams,
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }),
        response: { 200: PremiumView, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => cbam.premium(ctx, req.principal, req.params.brand, req.query.year),
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
    async (req) => cbam.searchReports(ctx, req.principal, req.query),
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
    async (req, reply) => reply.status(201).send(await cbam.submitCbam(ctx, caller(req), req.params.brand, req.body as CbamRaw)),
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
    async (req, reply) => reply.status(201).send(await cbam.submitCbamExcel(ctx, caller(req), req.params.brand, req.body)),
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
    async (req) => cbam.brandReports(ctx, req.principal, req.params.brand),
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
    async (req) => cbam.setPublication(ctx, caller(req), req.params.brand, req.body),
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
    async (req) => cbam.listGrants(ctx, req.principal, req.params.brand),
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
    async (req, reply) => reply.status(201).send(await cbam.createGrant(ctx, caller(req), req.params.brand, req.body)),
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
    async (req) => cbam.revokeGrant(ctx, caller(req), req.params.brand, req.params.grantId, req.body),
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
    async (req) => cbam.certificateCarbon(ctx, req.principal, req.params.id),
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
      const f = await cbam.exportFile(ctx, req.principal, req.query);
      return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).send(f.body);
    },
  );
}
