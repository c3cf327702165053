import { Type, type TSchema } from '@sinclair/typebox';
import { MetalCodeSchema } from '../metals/schemas.ts';
import type { AppContext } from '../platform/context.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, Page, Uuid } from '../platform/schemas.ts';
import * as disclosures from './disclosure-service.ts';
import * as evidence from './evidence-service.ts';
import * as profiles from './profile-service.ts';
import type { Methodology, PremiumThreshold, Standard, Topic } from './reference.ts';
import * as reference from './reference-service.ts';
import {
  Code,
  ComparisonView,
  ComplianceBody,
  ComplianceRuling,
  DisclosureBody,
  DisclosureView,
  EvidenceSchema,
  EvidenceUpload,
  MethodologyBody,
  ProducerProfileView,
  ReferenceSchema,
  SettingsBody,
  SourcingView,
  StandardBody,
  ThresholdBody,
  TopicBody,
  TrackBody,
} from './schemas.ts';
import type { TrackInput } from './sourcing-rules.ts';
import * as sourcing from './sourcing-service.ts';

// The sustainability routes: reference data, evidence files, responsible sourcing, disclosures and
// attestations, producer profiles and comparison. CBAM's routes are cbam/routes.ts.

const tags = ['sustainability'];
export const BrandParams = Type.Object({ brand: Type.String({ maxLength: 64, description: 'Brand id or code' }) });
/** Uploads travel as base64 JSON; they get a larger body limit than ordinary requests. */
export const UPLOAD_BODY_LIMIT = 8 * 1024 * 1024;
export const List = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });

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
    async () => reference.getReference(ctx),
  );

  const referenceRoute = (
    url: string,
    param: 'code' | 'metal',
    body: TSchema,
    summary: string,
    toChange: (key: string, b: Record<string, unknown>) => reference.ReferenceChange,
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
        return reference.updateReference(ctx, caller(req), toChange(key, req.body as Record<string, unknown>));
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
    async (req) => reference.updateReference(ctx, caller(req), { table: 'settings', key: 'settings', record: req.body }),
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
    async (req, reply) => reply.status(201).send(await evidence.uploadEvidence(ctx, caller(req), req.body)),
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
      const f = await evidence.downloadEvidence(ctx, req.principal, req.params.fileId);
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
    async (req, reply) => reply.status(201).send(await sourcing.recordTrack(ctx, caller(req), req.params.brand, req.body as TrackInput)),
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
    async (req) => sourcing.brandSourcing(ctx, req.principal, req.params.brand),
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
    async (req, reply) => reply.status(201).send(await sourcing.setCompliance(ctx, caller(req), req.params.brand, req.body)),
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
    async (req) => sourcing.complianceRulings(ctx, req.query),
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
    async (req, reply) => reply.status(201).send(await disclosures.fileDisclosure(ctx, caller(req), req.body)),
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
    async (req) => disclosures.listDisclosures(ctx, req.principal, req.query),
  );

  app.get(
    '/api/v1/disclosures/:disclosureId',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'One disclosure with its attestations', params: Type.Object({ disclosureId: Uuid }), response: { 200: DisclosureView, ...errors(400, 401, 404) } },
    },
    async (req) => disclosures.getDisclosure(ctx, req.principal, req.params.disclosureId),
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
    async (req, reply) => reply.status(201).send(await disclosures.attestDisclosure(ctx, caller(req), req.params.disclosureId, req.body)),
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
        response: { 200: ProducerProfileView, ...errors(400, 404) },
      },
    },
    async (req) => profiles.producerProfile(ctx, req.principal, req.params.orgId),
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
        response: { 200: ComparisonView, ...errors(400, 404) },
      },
    },
    async (req) => profiles.compare(ctx, req.principal, { producers: split(req.query.producers), plants: split(req.query.plants) }),
  );
}
