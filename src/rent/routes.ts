import { Type } from '@sinclair/typebox';
import { formatDay } from '../market/dates.ts';
import { MetalCodeSchema } from '../metals/schemas.ts';
import type { AppContext } from '../platform/context.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, IsoDate, Uuid } from '../platform/schemas.ts';
import { rateYearEnd, rateYearLabel, rateYearOf } from './accrual.ts';
import { today } from './account.ts';
import { ENDORSEMENT_PROFILE, FEE_PROFILE, TARIFF_PROFILE } from './credentials.ts';
import { statementPdf, statementXlsx } from './documents.ts';
import * as fees from './fee-service.ts';
import {
  CapsInYear,
  FeeBody,
  FeePreview,
  FeeStatement,
  Outstanding,
  RentSettingsSchema,
  Statement,
  StatementBody,
  StatementSummary,
  Tariff,
  TariffBody,
} from './schemas.ts';
import { rentSettings } from './settings.ts';
import * as statements from './statement-service.ts';
import * as tariffs from './tariff-service.ts';

const tags = ['rent'];
const StatementParams = Type.Object({ statementId: Type.String({ minLength: 1, maxLength: 64, description: 'Statement id (UUID) or number (RS-…)' }) });
const FeeParams = Type.Object({ feeStatementId: Type.String({ minLength: 1, maxLength: 64, description: 'Fee statement id (UUID) or number (SF-…)' }) });
const StatusQuery = Type.Union([Type.Literal('open'), Type.Literal('partly_endorsed'), Type.Literal('endorsed'), Type.Literal('withdrawn')]);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerRentRoutes(app: App, ctx: AppContext): void {
  // ---------------------------------------------------------------- rules, caps and tariffs (public)
  app.get(
    '/api/v1/rent/settings',
    { config: { permission: 'public' }, schema: { tags, summary: "The exchange's rent rules (reference/rent.json): rate year, queue rent capping, supervision fee, per-warrant fees", response: { 200: RentSettingsSchema } } },
    async () => {
      const s = rentSettings();
      const now = today(ctx);
      const year = rateYearOf(now, s.rateYear);
      return {
        rateYear: s.rateYear,
        queueRentCapDays: s.queueRentCapDays,
        supervisionFeePct: s.supervisionFeePct,
        currentRateYear: year,
        currentRateYearLabel: rateYearLabel(year),
        currentRateYearEnd: formatDay(rateYearEnd(now, s.rateYear)),
        perWarrantFees: s.perWarrantFees.map((f) => ({ code: f.code, name: f.name })),
      };
    },
  );
  app.get(
    '/api/v1/rent/caps',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The caps that bind tariffs in a rate year (default: the current one), per location and metal, yearly indexation applied',
        description: 'The exchange sets caps through POST /api/v1/rent-caps (effective-dated, optionally indexed yearly from a stated year).',
        querystring: Type.Object(
          { location: Type.Optional(Type.String({ maxLength: 20 })), metal: Type.Optional(MetalCodeSchema), rateYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        response: { 200: CapsInYear, ...errors(400) },
      },
    },
    async (req) => tariffs.capsInYear(ctx, req.query),
  );
  app.get(
    '/api/v1/rent/tariffs',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: "Published tariffs: each warehouse company's rent, FOT and FIC charges and per-warrant fees per facility, metal and rate year",
        querystring: Type.Object(
          {
            warehouse: Type.Optional(Uuid),
            facility: Type.Optional(Uuid),
            location: Type.Optional(Type.String({ maxLength: 20 })),
            metal: Type.Optional(MetalCodeSchema),
            rateYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Tariff) }), ...errors(400) },
      },
    },
    async (req) => ({
      items: await tariffs.listTariffs(ctx, {
        ...(req.query.warehouse ? { warehouseOrgId: req.query.warehouse } : {}),
        ...(req.query.facility ? { facilityId: req.query.facility } : {}),
        ...(req.query.location ? { location: req.query.location.toUpperCase() } : {}),
        ...(req.query.metal ? { metal: req.query.metal } : {}),
        ...(req.query.rateYear !== undefined ? { rateYear: req.query.rateYear } : {}),
      }),
    }),
  );
  app.get(
    '/api/v1/rent/tariffs/:tariffId',
    { config: { permission: 'public' }, schema: { tags, summary: 'One published tariff with its signed credential', params: Type.Object({ tariffId: Uuid }), response: { 200: Tariff, ...errors(400, 404) } } },
    async (req) => tariffs.getTariff(ctx, req.params.tariffId),
  );
  app.post(
    '/api/v1/rent/tariffs',
    {
      config: { permission: 'rent.publish' },
      schema: {
        tags,
        summary: 'Publish the tariff of one of your facilities for a metal and rate year (signed, logged, public; never changed)',
        description: "Refused (422) when the rent or the FOT charge is above a cap of the exchange in force during the rate year; the error names the cap.",
        body: TariffBody,
        response: { 201: Tariff, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await tariffs.publishTariff(ctx, caller(req), req.body)),
  );

  // ---------------------------------------------------------------- outstanding rent and statements
  app.get(
    '/api/v1/rent/outstanding',
    {
      config: { permission: 'warehouse.read' },
      schema: {
        tags,
        summary: 'Rent owed on the warrants you hold (scope=stored: a warehouse company, on those it stores): to today and to the next 31 March, with totals per warehouse',
        querystring: Type.Object({ scope: Type.Optional(Type.Union([Type.Literal('held'), Type.Literal('stored')])) }, { additionalProperties: false }),
        response: { 200: Outstanding, ...errors(400, 401, 403) },
      },
    },
    async (req) => statements.outstanding(ctx, caller(req), req.query),
  );
  app.get(
    '/api/v1/rent/statements',
    {
      config: { permission: 'warehouse.read' },
      schema: {
        tags,
        summary: 'Rent statements: yours (held), those waiting for your endorsement (to-endorse, a warehouse), all with your lines (stored), or every one (all, the exchange)',
        querystring: Type.Object(
          {
            scope: Type.Optional(Type.Union([Type.Literal('held'), Type.Literal('to-endorse'), Type.Literal('stored'), Type.Literal('all')])),
            status: Type.Optional(StatusQuery),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ scope: Type.String(), items: Type.Array(StatementSummary) }), ...errors(400, 401, 403) },
      },
    },
    async (req) => statements.listStatements(ctx, caller(req), req.query),
  );
  app.post(
    '/api/v1/rent/statements',
    {
      config: { permission: 'rent.pay' },
      schema: {
        tags,
        summary: 'Make a rent statement for warrants you hold (or all): rent up to paidTo (default the next 31 March), one line per warrant, totals per warehouse and currency',
        body: StatementBody,
        response: { 201: Statement, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await statements.createStatement(ctx, caller(req), req.body)),
  );
  app.get(
    '/api/v1/rent/statements/:statementId',
    {
      config: { permission: 'warehouse.read' },
      schema: { tags, summary: 'One rent statement (its holder and the exchange in full; a warehouse company its own lines)', params: StatementParams, response: { 200: Statement, ...errors(401, 404) } },
    },
    async (req) => statements.getStatement(ctx, caller(req), req.params.statementId),
  );
  app.get(
    '/api/v1/rent/statements/:statementId/pdf',
    {
      config: { permission: 'warehouse.read' },
      schema: { tags, summary: 'The rent statement as a printable PDF (as the caller may read it)', params: StatementParams, response: errors(401, 404) },
    },
    async (req, reply) => {
      const s = await statements.getStatement(ctx, caller(req), req.params.statementId);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${s.number}.pdf"`).send(await statementPdf(s));
    },
  );
  app.get(
    '/api/v1/rent/statements/:statementId/xlsx',
    {
      config: { permission: 'warehouse.read' },
      schema: { tags, summary: 'The rent statement as an Excel workbook (as the caller may read it)', params: StatementParams, response: errors(401, 404) },
    },
    async (req, reply) => {
      const s = await statements.getStatement(ctx, caller(req), req.params.statementId);
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${s.number}.xlsx"`).send(await statementXlsx(s));
    },
  );
  app.post(
    '/api/v1/rent/statements/:statementId/endorsement',
    {
      config: { permission: 'rent.endorse' },
      schema: {
        tags,
        summary: "Endorse your lines of a rent statement (the warehouse, once paid): the warrants' paid-to dates move to the statement's date; signed and logged",
        params: StatementParams,
        response: { 200: Statement, ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => statements.endorseStatement(ctx, caller(req), req.params.statementId),
  );
  app.post(
    '/api/v1/rent/statements/:statementId/withdrawal',
    {
      config: { permission: 'rent.pay' },
      schema: {
        tags,
        summary: 'Withdraw a rent statement you made that is not fully endorsed (lines already endorsed stand)',
        params: StatementParams,
        body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })) }, { additionalProperties: false })),
        response: { 200: Statement, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => statements.withdrawStatement(ctx, caller(req), req.params.statementId, req.body ?? {}),
  );

  // ---------------------------------------------------------------- supervision fee
  app.get(
    '/api/v1/rent/fee-statements',
    {
      config: { permission: 'rent.fees.read' },
      schema: { tags, summary: "Supervision fee statements: the exchange's and every warehouse company's (a warehouse company: its own)", response: { 200: Type.Object({ feePct: Type.String(), items: Type.Array(FeeStatement) }), ...errors(401, 403) } },
    },
    async (req) => fees.listFeeStatements(ctx, caller(req)),
  );
  app.get(
    '/api/v1/rent/fee-statements/:feeStatementId',
    {
      config: { permission: 'rent.fees.read' },
      schema: { tags, summary: 'One supervision fee statement with its signed credential', params: FeeParams, response: { 200: FeeStatement, ...errors(401, 403, 404) } },
    },
    async (req) => fees.getFeeStatement(ctx, caller(req), req.params.feeStatementId),
  );
  app.get(
    '/api/v1/rent/fee-preview',
    {
      config: { permission: 'rent.fees.read' },
      schema: {
        tags,
        summary: 'The supervision fee rent endorsed in a period would give, per warehouse company (nothing issued)',
        querystring: Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false }),
        response: { 200: FeePreview, ...errors(400, 401, 403) },
      },
    },
    async (req) => fees.previewFees(ctx, caller(req), req.query),
  );
  app.post(
    '/api/v1/rent/fee-statements',
    {
      config: { permission: 'rent.fees' },
      schema: {
        tags,
        summary: 'Issue the supervision fee statements of an ended period (the exchange): one per warehouse company with rent endorsed in it, and the exchange’s; signed and logged',
        body: FeeBody,
        response: { 201: Type.Object({ batchId: Uuid, items: Type.Array(FeeStatement) }), ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await fees.issueFeeStatements(ctx, caller(req), req.body)),
  );

  // The published subject schemas of the three credential types.
  for (const [path, profile] of [
    ['rent-tariff', TARIFF_PROFILE],
    ['rent-endorsement', ENDORSEMENT_PROFILE],
    ['supervision-fee', FEE_PROFILE],
  ] as const) {
    app.get(`/schemas/${path}/v1.json`, { config: { permission: 'public' }, schema: { hide: true } }, async () => profile.subjectSchema(ctx.config.publicUrl));
  }
}
