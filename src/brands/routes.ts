import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import { MetalCodeSchema } from '../metals/schemas.ts';
import { caller, type App } from '../platform/http.ts';
import { CountryCode, Decimal, errors, IsoDate, IsoDateTime, Name, Uuid } from '../platform/schemas.ts';
import * as service from './service.ts';

const tags = ['brands'];
const Status = Type.Union([Type.Literal('listed'), Type.Literal('suspended'), Type.Literal('delisted')]);
export const BrandCode = Type.String({ pattern: '^[A-Z0-9]{3,12}$', description: 'LMEsword-style brand code, e.g. NORNI' });

/** A brand as the register shows it (the producer profile of src/sustainability embeds it too). */
export const Brand = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  metal: Type.String(),
  producer: Type.Object({ id: Uuid, name: Type.String() }),
  plant: Type.Object({ name: Type.String(), country: Type.String() }),
  shapes: Type.Array(Type.String()),
  annualCapacityTonnes: Type.Optional(
    Type.Union([Type.String(), Type.Null()], { description: 'Only for the exchange and the brand’s producer' }),
  ),
  status: Status,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
const BrandParams = Type.Object({ brand: Type.String({ description: 'Brand id or code' }) });

export function registerBrandRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/brands',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The brand register (public); `mine=true` lists your own organisation’s brands',
        querystring: Type.Object(
          {
            metal: Type.Optional(MetalCodeSchema),
            status: Type.Optional(Status),
            producerOrgId: Type.Optional(Uuid),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            mine: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Brand) }), ...errors(400, 401) },
      },
    },
    async (req) => ({ items: await service.listBrands(ctx, req.principal, req.query) }),
  );

  app.post(
    '/api/v1/brands',
    {
      config: { permission: 'brands.write' },
      schema: {
        tags,
        summary: 'List a new brand (the exchange)',
        body: Type.Object(
          {
            code: BrandCode,
            name: Name(2, 120),
            metal: MetalCodeSchema,
            producerOrgId: Uuid,
            plant: Type.Object(
              { name: Name(2, 200), country: CountryCode },
              { additionalProperties: false },
            ),
            shapes: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 10 }),
            annualCapacityTonnes: Type.Optional(Type.Union([Decimal, Type.Null()])),
            listedFrom: Type.Optional(IsoDate),
          },
          { additionalProperties: false },
        ),
        response: { 201: Brand, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.listBrand(ctx, caller(req), req.body)),
  );

  app.get(
    '/api/v1/brands/:brand',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'One brand, by id or code', params: BrandParams, response: { 200: Brand, ...errors(404) } },
    },
    async (req) => service.getBrand(ctx, req.principal, req.params.brand),
  );

  app.patch(
    '/api/v1/brands/:brand',
    {
      config: { permission: 'brands.write' },
      schema: {
        tags,
        summary: 'Correct a brand’s name, plant name, shapes or capacity (the exchange)',
        params: Type.Object({ brand: Uuid }),
        body: Type.Object(
          {
            name: Type.Optional(Name(2, 120)),
            plantName: Type.Optional(Name(2, 200)),
            shapes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 10 })),
            annualCapacityTonnes: Type.Optional(Type.Union([Decimal, Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Brand, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => service.updateBrand(ctx, caller(req), req.params.brand, req.body),
  );

  app.post(
    '/api/v1/brands/:brand/status-changes',
    {
      config: { permission: 'brands.write' },
      schema: {
        tags,
        summary: 'Suspend, delist or relist a brand, with a reason (the exchange)',
        params: Type.Object({ brand: Uuid }),
        body: Type.Object(
          { status: Status, reason: Type.String({ minLength: 3, maxLength: 1000 }), effectiveDate: Type.Optional(IsoDate) },
          { additionalProperties: false },
        ),
        response: { 200: Brand, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.changeStatus(ctx, caller(req), req.params.brand, req.body),
  );

  app.get(
    '/api/v1/brands/:brand/status-history',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Dated history of a brand’s status',
        params: BrandParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ status: Status, effectiveDate: IsoDate, reason: Type.String(), recordedAt: IsoDateTime }),
            ),
          }),
          ...errors(404),
        },
      },
    },
    async (req) => ({ items: await service.brandHistory(ctx, req.params.brand) }),
  );
}
