import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { sha256Hex } from '../trust/canonical.ts';
import { MetalCodeSchema } from '../metals/schemas.ts';
import { caller, type App } from '../platform/http.ts';
import { Decimal, errors, IsoDate, IsoDateTime, Uuid } from '../platform/schemas.ts';
import { PROMPT_KINDS } from './prompts.ts';
import * as service from './service.ts';

const tags = ['market'];

// Calendars change rarely (an adjustment is a public, logged event), so reads are cacheable for a
// few minutes; the ETag lets a client revalidate for free.
const READ_MAX_AGE_SECONDS = 300;

function cached<T>(req: FastifyRequest, reply: FastifyReply, body: T): T | FastifyReply {
  const etag = `"${sha256Hex(JSON.stringify(body)).slice(0, 32)}"`;
  void reply.header('cache-control', `public, max-age=${READ_MAX_AGE_SECONDS}`).header('etag', etag);
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  return body;
}

const Reason = Type.Object({
  kind: Type.Union(PROMPT_KINDS.map((k) => Type.Literal(k))),
  movedFrom: Type.Optional(IsoDate),
});
const PromptsAnswer = Type.Object({
  metal: MetalCodeSchema,
  calendar: Type.Literal('exchange'),
  asOf: IsoDate,
  specVersion: Type.Integer(),
  horizonMonths: Type.Integer(),
  horizonUnconfirmed: Type.Boolean({ description: 'The monthly horizon is a default not yet confirmed (AA, NA)' }),
  threeMonthRule: Type.String(),
  tradeDate: IsoDate,
  tom: IsoDate,
  cash: IsoDate,
  threeMonth: Type.Object({ date: IsoDate, movedFrom: Type.Optional(IsoDate) }),
  weeklyUntil: IsoDate,
  lastPrompt: IsoDate,
  prompts: Type.Array(Type.Object({ date: IsoDate, reasons: Type.Array(Reason) })),
});
const Closed = Type.Object({ date: IsoDate, name: Type.String(), source: Type.Union([Type.Literal('rule'), Type.Literal('exchange'), Type.Literal('local')]) });
const BusinessDaysAnswer = Type.Object({
  calendar: Type.String(),
  name: Type.String(),
  from: IsoDate,
  to: IsoDate,
  asOf: Type.Union([IsoDate, Type.Null()]),
  businessDays: Type.Array(IsoDate),
  closures: Type.Array(Closed),
  provisionalYears: Type.Array(Type.Integer()),
});
const Adjustment = Type.Object({
  id: Uuid,
  calendar: Type.Literal('exchange'),
  date: IsoDate,
  kind: Type.Union([Type.Literal('closure'), Type.Literal('opening')]),
  name: Type.String(),
  source: Type.Union([Type.String(), Type.Null()]),
  referenceKey: Type.Union([Type.String(), Type.Null()]),
  effectiveFrom: IsoDate,
  withdrawnFrom: Type.Union([IsoDate, Type.Null()]),
  withdrawnReason: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  createdAt: IsoDateTime,
});
const SignedDecimal = Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$' });
const Leg = Type.Object({
  prompt: IsoDate,
  side: Type.Union([Type.Literal('buy'), Type.Literal('sell')]),
  lots: Type.Integer(),
  price: Decimal,
  cashFlowPerTonne: SignedDecimal,
  cashFlow: SignedDecimal,
});
const CarryAnswer = Type.Object({
  metal: MetalCodeSchema,
  tradeDate: IsoDate,
  lotTonnes: Decimal,
  direction: Type.Union([Type.Literal('borrow'), Type.Literal('lend')]),
  lots: Type.Integer(),
  tonnes: Decimal,
  legs: Type.Array(Leg),
  spread: SignedDecimal,
  structure: Type.Union([Type.Literal('contango'), Type.Literal('backwardation'), Type.Literal('flat')]),
  netPerTonne: SignedDecimal,
  net: SignedDecimal,
  payment: Type.Union([
    Type.Object({
      from: Type.Union([Type.Literal('borrower'), Type.Literal('lender')]),
      to: Type.Union([Type.Literal('borrower'), Type.Literal('lender')]),
      perTonne: Decimal,
      total: Decimal,
    }),
    Type.Null(),
  ]),
});

const Fill = Type.Object({ tradeDate: IsoDate, price: Decimal, source: Type.Union([Type.Literal('book'), Type.Literal('carry')]) });
const RollAnswer = Type.Object({
  metal: MetalCodeSchema,
  lotTonnes: Decimal,
  target: IsoDate,
  rollDate: IsoDate,
  carries: Type.Array(Type.Composite([Type.Omit(CarryAnswer, ['metal', 'tradeDate', 'lotTonnes']), Type.Object({ from: IsoDate })])),
  realised: Type.Array(
    Type.Object({ prompt: IsoDate, lots: Type.Integer(), buy: Fill, sell: Fill, pnlPerTonne: SignedDecimal, pnl: SignedDecimal }),
  ),
  realisedTotal: SignedDecimal,
  carryNet: SignedDecimal,
  open: Type.Object({
    prompt: IsoDate,
    netLots: Type.Integer(),
    positions: Type.Array(Type.Composite([Fill, Type.Object({ side: Type.Union([Type.Literal('buy'), Type.Literal('sell')]), lots: Type.Integer() })])),
    mark: Decimal,
    pnl: SignedDecimal,
  }),
});

const Price = Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$', maxLength: 32, description: 'USD per tonne, exact decimal (at most 6 places)' });

export function registerMarketRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/calendar/prompts',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Every prompt date of a metal for a trade date, each with why it is a prompt (and where it moved from)',
        description:
          'TOM and cash; every business day from cash to the three-month date; Wednesdays to six months; third Wednesdays ' +
          'monthly to the metal’s horizon (contract spec `monthlyPromptMonths`). `asOf` chooses which exchange calendar ' +
          'changes are counted (default today); `threeMonthRule` picks one of the encodings in reference/market-calendar.json.',
        querystring: Type.Object(
          {
            metal: Type.String({ description: 'LME contract code, e.g. NI' }),
            tradeDate: Type.Optional(IsoDate),
            asOf: Type.Optional(IsoDate),
            threeMonthRule: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: { 200: PromptsAnswer, 304: Type.Null(), ...errors(400) },
      },
    },
    async (req, reply) => cached(req, reply, await service.prompts(ctx, req.query)),
  );

  app.get(
    '/api/v1/calendar/business-days',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Business days and named closures of a calendar between two dates (at most about ten years)',
        description: '`calendar` is `exchange` (England & Wales bank holidays and the exchange’s changes) or a delivery location’s local calendar (`HK`, `TW`) for warehouse working days.',
        querystring: Type.Object(
          { from: IsoDate, to: IsoDate, calendar: Type.Optional(Type.String()), asOf: Type.Optional(IsoDate) },
          { additionalProperties: false },
        ),
        response: { 200: BusinessDaysAnswer, 304: Type.Null(), ...errors(400) },
      },
    },
    async (req, reply) => cached(req, reply, await service.businessDays(ctx, req.query)),
  );

  app.get(
    '/api/v1/calendar/closures',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The exchange’s calendar changes: extra closures and openings (rule holidays that moved)',
        querystring: Type.Object({ includeWithdrawn: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Adjustment) }), 304: Type.Null(), ...errors(400) },
      },
    },
    async (req, reply) => cached(req, reply, { items: await service.listClosures(ctx, req.query) }),
  );

  app.post(
    '/api/v1/calendar/closures',
    {
      config: { permission: 'calendar.write' },
      schema: {
        tags,
        summary: 'Add a closure or an opening to the exchange calendar (audited and logged)',
        body: Type.Object(
          {
            date: IsoDate,
            kind: Type.Union([Type.Literal('closure'), Type.Literal('opening')]),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            source: Type.Optional(Type.String({ maxLength: 1000 })),
            effectiveFrom: Type.Optional(IsoDate),
          },
          { additionalProperties: false },
        ),
        response: { 201: Adjustment, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createClosure(ctx, caller(req), req.body)),
  );

  app.post(
    '/api/v1/calendar/closures/:closureId/withdrawal',
    {
      config: { permission: 'calendar.write' },
      schema: {
        tags,
        summary: 'Withdraw a calendar change from a date (audited and logged; the record stays)',
        params: Type.Object({ closureId: Uuid }),
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 1000 }), withdrawnFrom: Type.Optional(IsoDate) },
          { additionalProperties: false },
        ),
        response: { 200: Adjustment, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.withdrawClosure(ctx, caller(req), req.params.closureId, req.body),
  );

  app.post(
    '/api/v1/carries/quote',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Price a carry between two prompts: spread, contango or backwardation, cash flows and who pays whom',
        description:
          'Borrow = buy the near prompt and sell the far; lend = sell near, buy far. Amounts are exact decimals in USD; ' +
          'signed amounts are from the caller’s side (+ received, − paid). Lot size comes from the contract spec.',
        body: Type.Object(
          {
            metal: Type.String(),
            tradeDate: Type.Optional(IsoDate),
            direction: Type.Union([Type.Literal('borrow'), Type.Literal('lend')]),
            lots: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
            near: IsoDate,
            far: IsoDate,
            nearPrice: Price,
            farPrice: Price,
          },
          { additionalProperties: false },
        ),
        response: { 200: CarryAnswer, ...errors(400) },
      },
    },
    async (req) => service.quoteCarry(ctx, req.body),
  );

  app.post(
    '/api/v1/carries/roll',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Propose the carries that line a book of positions up on one prompt, with realised and open P&L',
        description:
          'One carry per prompt with a net open position, onto `target`, dealt on `rollDate` at the prices in `marks` ' +
          '(one per prompt involved). Buys and sells on each prompt are then matched first in, first out. Nothing is recorded.',
        body: Type.Object(
          {
            metal: Type.String(),
            rollDate: IsoDate,
            target: IsoDate,
            positions: Type.Array(
              Type.Object(
                {
                  tradeDate: IsoDate,
                  prompt: IsoDate,
                  side: Type.Union([Type.Literal('buy'), Type.Literal('sell')]),
                  lots: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
                  price: Price,
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 1000 },
            ),
            marks: Type.Record(Type.String({ format: 'date' }), Price, { maxProperties: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: RollAnswer, ...errors(400) },
      },
    },
    async (req) => service.rollBook(ctx, req.body),
  );
}
