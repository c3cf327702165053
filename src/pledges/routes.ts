import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, IsoDate, Uuid } from '../platform/schemas.ts';
import { MetalCodeSchema } from '../metals/schemas.ts';
import { VC_JWT } from '../trust/schemas.ts';
import { Warrant } from '../warehouse/schemas.ts';
import * as collateral from './collateral-service.ts';
import { PLEDGE_STATEMENT_PROFILE, PRICES_PROFILE, RECEIPT_PROFILE, RECEIPT_STATEMENT_PROFILE } from './credential.ts';
import * as pledges from './pledge-service.ts';
import * as prices from './price-service.ts';
import * as receipts from './receipt-service.ts';
import { PLEDGE_STATUSES } from './rules.ts';
import {
  AssetRef,
  AssetStatus,
  Book,
  EReceipt,
  Holding,
  LatestPrices,
  Pledge,
  PricesBody,
  PriceUpload,
  ProposalBody,
  Publication,
  Reason,
  TermsBody,
  TermsView,
} from './schemas.ts';

const receiptTags = ['electronic receipts'];
const pledgeTags = ['pledges'];
const collateralTags = ['collateral'];
const ReceiptParams = Type.Object({ eReceiptId: Type.String({ minLength: 1, maxLength: 64, description: 'Receipt id (UUID) or number (ER-…)' }) });
const PledgeParams = Type.Object({ pledgeId: Type.String({ minLength: 1, maxLength: 64, description: 'Pledge id (UUID) or number (PL-…)' }) });
const Statements = Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })) });
const PledgeStatusQ = Type.Union(PLEDGE_STATUSES.map((s) => Type.Literal(s)));
const PRICE_UPLOAD_LIMIT = 4 * 1024 * 1024;

export function registerPledgeRoutes(app: App, ctx: AppContext): void {
  // ---------------------------------------------------------------- electronic receipts
  app.post(
    '/api/v1/e-receipts',
    {
      config: { permission: 'ereceipts.operate' },
      schema: {
        tags: receiptTags,
        summary: 'Issue an electronic receipt for a reconciled lot at one of your facilities kept off warrant, to its depositor or another holder',
        body: Type.Object({ lotId: Uuid, holderOrgId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 201: EReceipt, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await receipts.issueReceipt(ctx, caller(req), req.body)),
  );
  app.get(
    '/api/v1/e-receipts',
    {
      config: { permission: 'warehouse.read' },
      schema: {
        tags: receiptTags,
        summary: 'Electronic receipts you hold (a warehouse: those it stores; the exchange: all)',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('converted'), Type.Literal('delivered_out')])),
            scope: Type.Optional(Type.Union([Type.Literal('held'), Type.Literal('stored')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(EReceipt) }), ...errors(400, 401) },
      },
    },
    async (req) => ({ items: await receipts.listReceipts(ctx, caller(req), req.query) }),
  );
  app.get(
    '/api/v1/e-receipts/:eReceiptId',
    {
      config: { permission: 'public' },
      schema: {
        tags: receiptTags,
        summary: 'One electronic receipt: the public view (metal, location, tonnage, whether it is encumbered; never the holder), in full for its holder, its warehouse and the exchange',
        params: ReceiptParams,
        response: { 200: EReceipt, ...errors(404) },
      },
    },
    async (req) => receipts.getReceipt(ctx, req.principal, req.params.eReceiptId),
  );
  app.get(
    '/api/v1/e-receipts/:eReceiptId/credential',
    {
      config: { permission: 'public' },
      schema: { tags: receiptTags, summary: "The warehouse's ElectronicReceiptCredential (vc+jwt): the metal, never the holder", params: ReceiptParams, response: { 200: Type.String(), ...errors(404) } },
    },
    async (req, reply) => reply.type(VC_JWT).send(await receipts.receiptCredentialOf(ctx, req.params.eReceiptId)),
  );
  app.get(
    '/api/v1/e-receipts/:eReceiptId/statements',
    {
      config: { permission: 'warehouse.read' },
      schema: { tags: receiptTags, summary: 'The signed statement of every transition of the receipt (its holder, its warehouse, the exchange)', params: ReceiptParams, response: { 200: Statements, ...errors(401, 404) } },
    },
    async (req) => ({ items: await receipts.receiptStatementsOf(ctx, caller(req), req.params.eReceiptId) }),
  );
  app.post(
    '/api/v1/e-receipts/transfers',
    {
      config: { permission: 'warrants.hold' },
      schema: {
        tags: receiptTags,
        summary: 'Transfer one or many electronic receipts you hold to another organisation: all of them or none (a pledged receipt needs its lender’s consent)',
        body: Type.Object({ eReceiptIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 }), toOrgId: Uuid }, { additionalProperties: false }),
        response: { 200: Type.Object({ transferred: Type.Array(EReceipt), to: Type.Object({ id: Uuid, name: Type.String() }) }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => receipts.transferReceipts(ctx, caller(req), req.body),
  );
  app.post(
    '/api/v1/e-receipts/:eReceiptId/conversion',
    {
      config: { permission: 'ereceipts.operate' },
      schema: {
        tags: receiptTags,
        summary: 'Convert an electronic receipt into a warrant for the same lot, issued to its holder; the receipt retires in the same transaction',
        params: ReceiptParams,
        response: { 201: Type.Object({ warrant: Warrant, eReceipt: EReceipt }), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await receipts.convertReceipt(ctx, caller(req), req.params.eReceiptId)),
  );
  app.post(
    '/api/v1/e-receipts/:eReceiptId/delivery',
    {
      config: { permission: 'ereceipts.operate' },
      schema: {
        tags: receiptTags,
        summary: 'Record the metal of an electronic receipt delivered out to its holder (its warehouse); the receipt retires',
        params: ReceiptParams,
        body: Type.Object({ reference: Type.Optional(Type.String({ maxLength: 120 })) }, { additionalProperties: false }),
        response: { 200: EReceipt, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => receipts.deliverReceipt(ctx, caller(req), req.params.eReceiptId, req.body ?? {}),
  );

  // ---------------------------------------------------------------- pledges
  app.post(
    '/api/v1/pledges',
    {
      config: { permission: 'pledges.write' },
      schema: {
        tags: pledgeTags,
        summary: 'Propose a pledge of warrants or electronic receipts you hold to a lender or the clearing house; it is active once the lender accepts',
        body: ProposalBody,
        response: { 201: Pledge, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await pledges.proposePledge(ctx, caller(req), req.body)),
  );
  app.get(
    '/api/v1/pledges',
    {
      config: { permission: 'pledges.read' },
      schema: {
        tags: pledgeTags,
        summary: 'Pledges you are a party to, as lender or pledgor (the exchange: all)',
        querystring: Type.Object(
          {
            role: Type.Optional(Type.Union([Type.Literal('lender'), Type.Literal('pledgor')])),
            status: Type.Optional(PledgeStatusQ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Pledge) }), ...errors(400, 401) },
      },
    },
    async (req) => ({ items: await pledges.listPledges(ctx, caller(req), { ...req.query, status: req.query.status ? [req.query.status] : [] }) }),
  );
  app.get(
    '/api/v1/pledges/:pledgeId',
    {
      config: { permission: 'pledges.read' },
      schema: { tags: pledgeTags, summary: 'One pledge (its pledgor, its lender, the exchange)', params: PledgeParams, response: { 200: Pledge, ...errors(401, 404) } },
    },
    async (req) => pledges.getPledge(ctx, caller(req), req.params.pledgeId),
  );
  app.get(
    '/api/v1/pledges/:pledgeId/statements',
    {
      config: { permission: 'pledges.read' },
      schema: { tags: pledgeTags, summary: 'The signed statement of every step of the pledge (its parties, the exchange)', params: PledgeParams, response: { 200: Statements, ...errors(401, 404) } },
    },
    async (req) => ({ items: await pledges.pledgeStatementsOf(ctx, caller(req), req.params.pledgeId) }),
  );
  const ReasonBody = Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false });
  app.post(
    '/api/v1/pledges/:pledgeId/acceptance',
    {
      config: { permission: 'pledges.write' },
      schema: {
        tags: pledgeTags,
        summary: 'Accept a pledge proposed to you: it becomes active and locks its assets. Refused, naming the pledge, when an asset is already pledged',
        params: PledgeParams,
        response: { 200: Pledge, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => pledges.acceptPledge(ctx, caller(req), req.params.pledgeId),
  );
  app.post(
    '/api/v1/pledges/:pledgeId/declination',
    { config: { permission: 'pledges.write' }, schema: { tags: pledgeTags, summary: 'Decline a pledge proposed to you', params: PledgeParams, body: ReasonBody, response: { 200: Pledge, ...errors(400, 401, 403, 404, 409) } } },
    async (req) => pledges.declinePledge(ctx, caller(req), req.params.pledgeId, req.body ?? {}),
  );
  app.post(
    '/api/v1/pledges/:pledgeId/withdrawal',
    { config: { permission: 'pledges.write' }, schema: { tags: pledgeTags, summary: 'Withdraw a pledge you proposed, before it is accepted', params: PledgeParams, body: ReasonBody, response: { 200: Pledge, ...errors(400, 401, 403, 404, 409) } } },
    async (req) => pledges.withdrawPledge(ctx, caller(req), req.params.pledgeId, req.body ?? {}),
  );
  app.post(
    '/api/v1/pledges/:pledgeId/consents',
    {
      config: { permission: 'pledges.write' },
      schema: {
        tags: pledgeTags,
        summary: "As the lender, allow one transfer (optionally only to a named organisation) or one cancellation of one of the pledge's assets; the pledge stays active",
        params: PledgeParams,
        body: Type.Object(
          { assetId: AssetRef, action: Type.Union([Type.Literal('transfer'), Type.Literal('cancel')]), toOrgId: Type.Optional(Uuid), reason: Type.Optional(Reason) },
          { additionalProperties: false },
        ),
        response: { 200: Pledge, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => pledges.consentToAction(ctx, caller(req), req.params.pledgeId, req.body),
  );
  app.post(
    '/api/v1/pledges/:pledgeId/release',
    { config: { permission: 'pledges.write' }, schema: { tags: pledgeTags, summary: 'As the lender, release an active pledge: its assets are free again', params: PledgeParams, body: ReasonBody, response: { 200: Pledge, ...errors(400, 401, 403, 404, 409) } } },
    async (req) => pledges.releasePledge(ctx, caller(req), req.params.pledgeId, req.body ?? {}),
  );
  app.post(
    '/api/v1/pledges/:pledgeId/enforcement',
    {
      config: { permission: 'pledges.write' },
      schema: {
        tags: pledgeTags,
        summary: 'As the lender, enforce an active pledge: title to each of its assets moves to you, or to the buyer you name, in the same transaction',
        params: PledgeParams,
        body: Type.Object({ toOrgId: Type.Optional(Uuid), reason: Reason }, { additionalProperties: false }),
        response: { 200: Pledge, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => pledges.enforcePledge(ctx, caller(req), req.params.pledgeId, req.body),
  );
  app.get(
    '/api/v1/holdings',
    {
      config: { permission: 'pledges.read' },
      schema: {
        tags: pledgeTags,
        summary: 'Warrants and electronic receipts you hold, each with whether it can be pledged, the pledge that holds it and what that locks (with the reason)',
        response: { 200: Type.Object({ items: Type.Array(Holding) }), ...errors(401) },
      },
    },
    async (req) => ({ items: await pledges.holdings(ctx, caller(req)) }),
  );
  app.get(
    '/api/v1/assets/:assetId',
    {
      config: { permission: 'public' },
      schema: {
        tags: pledgeTags,
        summary: "Due diligence on any warrant or electronic receipt: what it is and whether it is encumbered now (the pledge is named only to its parties; never the lender's name)",
        params: Type.Object({ assetId: AssetRef }),
        response: { 200: AssetStatus, ...errors(404) },
      },
    },
    async (req) => pledges.assetStatus(ctx, req.principal, req.params.assetId),
  );

  // ---------------------------------------------------------------- collateral
  app.get(
    '/api/v1/collateral/terms',
    { config: { permission: 'collateral.read' }, schema: { tags: collateralTags, summary: 'Your haircuts per metal and LTV alert threshold (defaults where you set none)', response: { 200: TermsView, ...errors(401, 403) } } },
    async (req) => collateral.getTerms(ctx, caller(req)),
  );
  app.put(
    '/api/v1/collateral/terms',
    {
      config: { permission: 'collateral.terms' },
      schema: { tags: collateralTags, summary: 'Set your haircuts (per metal, percent) and/or your LTV alert threshold; logged', body: TermsBody, response: { 200: TermsView, ...errors(400, 401, 403) } },
    },
    async (req) => collateral.putTerms(ctx, caller(req), req.body),
  );
  app.get(
    '/api/v1/collateral/book',
    {
      config: { permission: 'collateral.read' },
      schema: {
        tags: collateralTags,
        summary: 'Your book: proposals to accept and active pledges, each valued at the latest official price after your haircut, with its LTV and alerts',
        response: { 200: Book, ...errors(401, 403) },
      },
    },
    async (req) => collateral.book(ctx, caller(req)),
  );

  // ---------------------------------------------------------------- official prices
  app.post(
    '/api/v1/prices',
    {
      config: { permission: 'prices.publish' },
      schema: { tags: collateralTags, summary: "Publish the exchange's official prices (per date, metal and prompt); signed and logged", body: PricesBody, response: { 201: Publication, ...errors(400, 401, 403) } },
    },
    async (req, reply) => reply.status(201).send(await prices.publishPrices(ctx, caller(req), req.body)),
  );
  app.post(
    '/api/v1/prices/upload',
    {
      config: { permission: 'prices.publish' },
      bodyLimit: PRICE_UPLOAD_LIMIT,
      schema: {
        tags: collateralTags,
        summary: 'Publish official prices from a CSV or XLSX sheet (base64; columns date, metal, prompt, price, currency); every problem is named by row and column and nothing is published unless there are none',
        body: PriceUpload,
        response: { 201: Publication, ...errors(400, 401, 403, 413, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await prices.uploadPrices(ctx, caller(req), req.body)),
  );
  app.get(
    '/api/v1/prices',
    {
      config: { permission: 'public' },
      schema: {
        tags: collateralTags,
        summary: 'The latest official price of each metal and prompt (as of a date)',
        querystring: Type.Object({ metal: Type.Optional(MetalCodeSchema), prompt: Type.Optional(Type.String({ maxLength: 12 })), asOf: Type.Optional(IsoDate) }, { additionalProperties: false }),
        response: { 200: LatestPrices, ...errors(400) },
      },
    },
    async (req) => prices.latestPrices(ctx, req.query),
  );
  app.get(
    '/api/v1/price-publications',
    {
      config: { permission: 'public' },
      schema: {
        tags: collateralTags,
        summary: 'Recent publications of official prices, each with its signed credential',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Publication) }), ...errors(400) },
      },
    },
    async (req) => ({ items: await prices.listPublications(ctx, req.query) }),
  );
  app.get(
    '/api/v1/price-publications/:publicationId',
    { config: { permission: 'public' }, schema: { tags: collateralTags, summary: 'One publication of official prices with its signed credential', params: Type.Object({ publicationId: Uuid }), response: { 200: Publication, ...errors(400, 404) } } },
    async (req) => prices.publicationView(ctx, req.params.publicationId),
  );

  // The published subject schemas of the module's credential types.
  for (const [name, profile] of [
    ['e-receipt-subject', RECEIPT_PROFILE],
    ['e-receipt-statement', RECEIPT_STATEMENT_PROFILE],
    ['pledge-statement', PLEDGE_STATEMENT_PROFILE],
    ['price-publication', PRICES_PROFILE],
  ] as const) {
    app.get(`/schemas/${name}/v1.json`, { config: { permission: 'public' }, schema: { hide: true } }, async () => profile.subjectSchema(ctx.config.publicUrl));
  }
}
