import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, IsoDate } from '../platform/schemas.ts';
import { AnalysisSchema, ChemistryResultSchema, ContractSpecSchema, MetalCodeSchema } from './schemas.ts';
import * as service from './service.ts';
import type { ContractSpec } from './spec-types.ts';

const tags = ['metals'];
const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);

export function registerMetalRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/metals',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The nine contracts with the specification in force on a date (default today)',
        querystring: Type.Object({ on: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ metal: MetalCodeSchema, spec: Type.Union([ContractSpecSchema, Type.Null()]) })),
          }),
          ...errors(400),
        },
      },
    },
    async (req) => ({ items: await service.listMetals(ctx, req.query.on ?? today(ctx)) }),
  );

  app.get(
    '/api/v1/metals/:metal/specs',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Every version of a contract specification',
        params: Type.Object({ metal: Type.String() }),
        response: { 200: Type.Object({ items: Type.Array(ContractSpecSchema) }), ...errors(404) },
      },
    },
    async (req) => ({ items: await service.listSpecVersions(ctx, req.params.metal) }),
  );

  app.get(
    '/api/v1/metals/:metal/specs/in-force',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The specification version in force for metal produced on a date (default today)',
        params: Type.Object({ metal: Type.String() }),
        querystring: Type.Object({ on: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: { 200: ContractSpecSchema, ...errors(400, 404) },
      },
    },
    async (req) => service.specInForce(ctx, req.params.metal, req.query.on ?? today(ctx)),
  );

  app.post(
    '/api/v1/metals/:metal/specs',
    {
      config: { permission: 'specs.write' },
      schema: {
        tags,
        summary: 'Publish a new specification version (the exchange); the version number is assigned',
        params: Type.Object({ metal: Type.String() }),
        body: Type.Object({ effectiveFrom: IsoDate }, { additionalProperties: true }),
        response: { 201: ContractSpecSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await service.createSpecVersion(
            ctx,
            caller(req),
            req.params.metal,
            req.body as unknown as Omit<ContractSpec, 'metal' | 'version'>,
          ),
        ),
  );

  app.post(
    '/api/v1/chemistry/checks',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Check an analysis against the specification in force (no record is made)',
        body: Type.Object(
          { metal: MetalCodeSchema, productionDate: Type.Optional(IsoDate), analysis: AnalysisSchema },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            spec: Type.Object({ metal: Type.String(), version: Type.Integer(), qualityStandard: Type.String() }),
            result: ChemistryResultSchema,
          }),
          ...errors(400, 404),
        },
      },
    },
    async (req) => service.checkAnalysis(ctx, req.body.metal, req.body.productionDate ?? today(ctx), req.body.analysis),
  );
}
