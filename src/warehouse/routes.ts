import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, Uuid } from '../platform/schemas.ts';
import { MetalCodeSchema } from '../metals/schemas.ts';
import { VC_JWT } from '../trust/schemas.ts';
import { discardUpload, saveUpload } from '../imports/sheets.ts';
import { AppError } from '../platform/errors.ts';
import { STATEMENT_PROFILE, WARRANT_PROFILE } from './credential.ts';
import * as network from './network-service.ts';
import { PDF_LANGUAGES } from '../certificates/pdf.ts';
import { warrantPdf } from './pdf.ts';
import * as receiptFile from './receipt-file.ts';
import * as receipts from './receipt-service.ts';
import * as warrants from './warrant-service.ts';
import * as verification from './verification.ts';
import {
  Facility,
  FacilityBody,
  Location,
  LocationBody,
  Reason,
  Receipt,
  ReceiptBody,
  RentCap,
  RentCapBody,
  Swap,
  Warrant,
  WarrantList,
  WarrantRefs,
} from './schemas.ts';
import { WarrantReportSchema } from './report-schema.ts';

const networkTags = ['delivery network'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['warrants'];
const WarrantParams = Type.Object({ warrantId: Type.String({ minLength: 1, maxLength: 64, description: 'Warrant id (UUID) or number (WR-…)' }) });
const Status = Type.Union([Type.Literal('live'), Type.Literal('cancelled'), Type.Literal('delivered_out')]);

export function registerWarehouseRoutes(app: App, ctx: AppContext): void {
  // ---------------------------------------------------------------- delivery network
  app.get(
    '/api/v1/locations',
    {
      config: { permission: 'public' },
      schema: { tags: networkTags, summary: 'Delivery locations, the metals each delivers and their rent caps', response: { 200: Type.Object({ items: Type.Array(Location) }) } },
    },
    async () => ({ items: await network.listLocations(ctx) }),
  );
  app.get(
    '/api/v1/locations/:code',
    {
      config: { permission: 'public' },
      schema: { tags: networkTags, summary: 'One delivery location', params: Type.Object({ code: Type.String({ maxLength: 20 }) }), response: { 200: Location, ...errors(404) } },
    },
    async (req) => network.getLocation(ctx, req.params.code),
  );
  app.put(
    '/api/v1/locations/:code',
    {
      config: { permission: 'network.write' },
      schema: {
        tags: networkTags,
        summary: 'Add or change a delivery location (the exchange); every change is logged',
        params: Type.Object({ code: Type.String({ pattern: '^[A-Z][A-Z0-9]{1,19}$' }) }),
        body: LocationBody,
        response: { 200: Location, ...errors(400, 401, 403) },
      },
    },
    async (req) => network.putLocation(ctx, caller(req), req.params.code, { ...req.body, withdrawnFrom: req.body.withdrawnFrom ?? null }),
  );
  app.get(
    '/api/v1/rent-caps',
    {
      config: { permission: 'public' },
      schema: {
        tags: networkTags,
        summary: 'Rent caps per location and metal, effective-dated (US$ per tonne per day; free-on-truck per tonne in local currency)',
        querystring: Type.Object({ location: Type.Optional(Type.String({ maxLength: 20 })), metal: Type.Optional(MetalCodeSchema) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(RentCap) }) },
      },
    },
    async (req) => ({ items: await network.listCaps(ctx, req.query) }),
  );
  app.post(
    '/api/v1/rent-caps',
    {
      config: { permission: 'network.write' },
      schema: { tags: networkTags, summary: 'Set a rent cap from a date (the exchange); logged', body: RentCapBody, response: { 201: RentCap, ...errors(400, 401, 403, 409) } },
    },
    async (req, reply) =>
      reply.status(201).send(
        await network.addCap(ctx, caller(req), {
          location: req.body.location,
          metal: req.body.metal,
          effectiveFrom: req.body.effectiveFrom,
          rentUsdPerTonneDay: req.body.rentUsdPerTonneDay,
          fotPerTonne: req.body.fotPerTonne ?? null,
          fotCurrency: req.body.fotCurrency ?? null,
          yearlyIndexPct: req.body.yearlyIndexPct ?? null,
          indexFromYear: req.body.indexFromYear ?? null,
          source: req.body.source ?? null,
        }),
      ),
  );
  app.get(
    '/api/v1/facilities',
    {
      config: { permission: 'public' },
      schema: {
        tags: networkTags,
        summary: 'Approved warehouse facilities',
        querystring: Type.Object({ location: Type.Optional(Type.String({ maxLength: 20 })), warehouse: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Facility) }) },
      },
    },
    async (req) => ({ items: await network.listFacilities(ctx, { ...(req.query.location ? { location: req.query.location } : {}), ...(req.query.warehouse ? { warehouseOrgId: req.query.warehouse } : {}) }) }),
  );
  app.get(
    '/api/v1/facilities/:facilityId',
    { config: { permission: 'public' }, schema: { tags: networkTags, summary: 'One facility', params: Type.Object({ facilityId: Uuid }), response: { 200: Facility, ...errors(400, 404) } } },
    async (req) => network.getFacility(ctx, req.params.facilityId),
  );
  app.post(
    '/api/v1/facilities',
    {
      config: { permission: 'network.write' },
      schema: { tags: networkTags, summary: "Approve a warehouse company's facility at a location for a set of metals (the exchange); logged", body: FacilityBody, response: { 201: Facility, ...errors(400, 401, 403, 409) } },
    },
    async (req, reply) => reply.status(201).send(await network.approveFacility(ctx, caller(req), req.body)),
  );
  app.get(
    '/api/v1/facilities/:facilityId/queue',
    {
      config: { permission: 'warehouse.read' },
      schema: {
        tags,
        summary: "A facility's load-out queue: cancelled warrants in order, with estimated load-out dates (numbers shown to the warehouse, the exchange and each holder for its own)",
        params: Type.Object({ facilityId: Uuid }),
        response: { 200: Type.Object({}, { additionalProperties: true }), ...errors(400, 401, 404) },
      },
    },
    async (req) => warrants.queueOf(ctx, caller(req), req.params.facilityId),
  );

  // ---------------------------------------------------------------- receipts
  app.post(
    '/api/v1/receipts',
    {
      config: { permission: 'receipts.write' },
      schema: {
        tags,
        summary: 'Record metal arriving at one of your facilities; every bundle and lot is reconciled against the register',
        description:
          'One brand, shape and origin per receipt. Bundles with a `lot` are offered for warranting: a lot must be the contract lot size ± its tolerance, ' +
          'and each of its casts must have a certificate. Impossible input answers 400 with a row error each and records nothing; metal that does not conform ' +
          'is recorded with its reasons and stays off warrant.',
        body: ReceiptBody,
        response: { 201: Receipt, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await receipts.recordReceipt(ctx, caller(req), req.body)),
  );
  app.post(
    '/api/v1/receipts/file',
    {
      config: { permission: 'receipts.write' },
      schema: {
        tags,
        summary: 'Record a receipt from a CSV or Excel (.xlsx) file of bundle rows; reconciled exactly as the JSON route',
        description:
          'Send `multipart/form-data`: the part `file` (one row per bundle, columns `lot`, `pcr`, `bundleRef`, `pieces`, `grossKg`, ' +
          '`netKg`; see `GET /api/v1/receipt-templates`) and the receipt as form fields `facilityId`, `brand`, `shape`, ' +
          '`originCountry`, `receivedOn`, and optionally `depositorOrgId` and `reference`. The file is read with the bulk ' +
          "import's checks and limits: too large answers 413; not UTF-8, another delimiter, not the template, a hostile " +
          'archive answers 422. A cell that is invalid or that a spreadsheet would run as a formula, and every row error of ' +
          'the reconciliation, answer 400 naming the row and column (`row 5, column netKg`; the header is row 1). Anything ' +
          'refused records nothing.',
        consumes: ['multipart/form-data'],
        response: { 201: Receipt, ...errors(400, 401, 403, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const p = caller(req);
      if (!req.isMultipart()) {
        throw new AppError('unsupported_media_type', 'Upload the file as multipart/form-data: the file in a part named "file", the receipt in form fields');
      }
      const fields: Record<string, string> = {};
      let file: string | undefined;
      try {
        const limits = { fileSize: ctx.config.imports.maxBytes, files: 1, fields: 12, fieldSize: 1024, parts: 13 };
        for await (const part of req.parts({ limits })) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file') {
              part.file.resume();
              throw new AppError('bad_request', 'Send the file in a part named "file"', [{ path: `body.${part.fieldname}`, message: 'is not a file field' }]);
            }
            file = await saveUpload(ctx, part.file);
          } else fields[part.fieldname] = String(part.value);
        }
        if (!file) throw new AppError('bad_request', 'No file: send it in a multipart part named "file"', [{ path: 'body.file', message: 'is required' }]);
        return reply.status(201).send(await receiptFile.recordReceiptFile(ctx, p, file, fields));
      } finally {
        if (file) await discardUpload(file);
      }
    },
  );
  app.get(
    '/api/v1/receipt-templates',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The template of a receipt file: Excel workbook (default) or CSV',
        description:
          'The workbook has the data sheet `Bundles` (one row per bundle), a filled example and a sheet explaining every column. ' +
          'The CSV has the header and example rows (replace them).',
        querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' })) }, { additionalProperties: false }),
        produces: [XLSX, 'text/csv'],
        response: { ...errors(400) },
      },
    },
    async (req, reply) => {
      if (req.query.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="assay-receipt.csv"').send(receiptFile.receiptTemplateCsv());
      }
      return reply.type(XLSX).header('content-disposition', 'attachment; filename="assay-receipt.xlsx"').send(await receiptFile.receiptTemplateXlsx());
    },
  );
  app.get(
    '/api/v1/receipts',
    {
      config: { permission: 'warehouse.read' },
      schema: {
        tags,
        summary: 'Receipts you recorded or deposited into (the exchange: all)',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Receipt) }), ...errors(401) },
      },
    },
    async (req) => ({ items: await receipts.listReceipts(ctx, caller(req), req.query) }),
  );
  app.get(
    '/api/v1/receipts/:receiptId',
    {
      config: { permission: 'warehouse.read' },
      schema: {
        tags,
        summary: 'One receipt with its reconciliation (its warehouse, its depositor, the exchange)',
        params: Type.Object({ receiptId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: Receipt, ...errors(401, 404) },
      },
    },
    async (req) => receipts.getReceipt(ctx, caller(req), req.params.receiptId),
  );
  app.get(
    '/api/v1/off-warrant-stock',
    {
      config: { permission: 'warehouse.read' },
      schema: { tags, summary: 'Received metal not on warrant, with whether it conforms (its warehouse; the exchange: all)', response: { 200: Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })) }), ...errors(401, 403) } },
    },
    async (req) => ({ items: await receipts.offWarrantStock(ctx, caller(req)) }),
  );

  // ---------------------------------------------------------------- warrants
  app.post(
    '/api/v1/warrants',
    {
      config: { permission: 'warrants.issue' },
      schema: {
        tags,
        summary: 'Issue a warrant for a reconciled lot at one of your facilities, to its depositor or another holder',
        body: Type.Object({ lotId: Uuid, holderOrgId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 201: Warrant, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await warrants.issueWarrant(ctx, caller(req), req.body)),
  );
  app.get(
    '/api/v1/warrants',
    {
      config: { permission: 'warehouse.read' },
      schema: {
        tags,
        summary: 'Warrants you hold (a warehouse: those it stores; the exchange: all), with totals per metal and location',
        querystring: Type.Object(
          {
            status: Type.Optional(Status),
            metal: Type.Optional(MetalCodeSchema),
            location: Type.Optional(Type.String({ maxLength: 20 })),
            facilityId: Type.Optional(Uuid),
            scope: Type.Optional(Type.Union([Type.Literal('held'), Type.Literal('stored')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: WarrantList, ...errors(400, 401) },
      },
    },
    async (req) => warrants.listWarrants(ctx, caller(req), req.query),
  );
  app.get(
    '/api/v1/warrants/:warrantId',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'One warrant: the public view (status, metal, location, tonnage, its certificates; never the holder), in full for its holder, its warehouse and the exchange',
        params: WarrantParams,
        response: { 200: Warrant, ...errors(404) },
      },
    },
    async (req) => warrants.getWarrant(ctx, req.principal, req.params.warrantId),
  );
  app.get(
    '/api/v1/warrants/:warrantId/credential',
    {
      config: { permission: 'public' },
      schema: { tags, summary: "The warehouse's WarrantCredential (vc+jwt): the metal, never the holder", params: WarrantParams, response: { 200: Type.String(), ...errors(404) } },
    },
    async (req, reply) => reply.type(VC_JWT).send(await warrants.warrantCredentialOf(ctx, req.params.warrantId)),
  );
  app.get(
    '/api/v1/warrants/:warrantId/proof',
    {
      config: { permission: 'public' },
      schema: { tags, summary: "C2SP tlog-proof bundle of the warrant's credential", params: WarrantParams, response: { 200: Type.String(), ...errors(404) } },
    },
    async (req, reply) => reply.type('text/plain; charset=utf-8').send(await verification.proofOf(ctx, req.params.warrantId)),
  );
  app.get(
    '/api/v1/warrants/:warrantId/pdf',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The warrant as a printable A4 PDF (English + Chinese): the public view, never the holder, with a QR code and its credential attached',
        description:
          "The warehouse's signed WarrantCredential is attached as `credential.jwt` and its log proof as `proof.txt` " +
          '(`assay verify credential.jwt --proof proof.txt --trust trust.json` checks them offline); the QR code opens the ' +
          "warrant's public page, `/w/{number}`.",
        params: WarrantParams,
        querystring: Type.Object({ lang: Type.Optional(Type.Union(PDF_LANGUAGES.map((l) => Type.Literal(l)), { default: 'zh-Hant' })) }, { additionalProperties: false }),
        produces: ['application/pdf'],
        response: { ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const { number, pdf } = await warrantPdf(ctx, req.params.warrantId, req.query.lang ?? 'zh-Hant');
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${number.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf"`).send(pdf);
    },
  );
  app.get(
    '/api/v1/warrants/:warrantId/verification',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: "Verify the warrant's credential server-side (signature, issuer, key validity, schema, status, log inclusion) and each of its certificates",
        params: WarrantParams,
        response: { 200: WarrantReportSchema, ...errors(404) },
      },
    },
    async (req) => verification.verifyWarrant(ctx, req.params.warrantId),
  );
  app.get(
    '/api/v1/warrants/:warrantId/statements',
    {
      config: { permission: 'warehouse.read' },
      schema: {
        tags,
        summary: 'The signed statement of every transition of the warrant (its holder, its warehouse, the exchange)',
        params: WarrantParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })) }), ...errors(401, 404) },
      },
    },
    async (req) => ({ items: await warrants.statementsOf(ctx, caller(req), req.params.warrantId) }),
  );
  app.post(
    '/api/v1/warrants/transfers',
    {
      config: { permission: 'warrants.hold' },
      schema: {
        tags,
        summary: 'Transfer one or many warrants you hold to another organisation: all of them or none',
        body: Type.Object({ warrantIds: WarrantRefs, toOrgId: Uuid }, { additionalProperties: false }),
        response: { 200: Type.Object({ transferred: Type.Array(Warrant), to: Type.Object({ id: Uuid, name: Type.String() }) }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => warrants.transferWarrants(ctx, caller(req), req.body),
  );
  app.post(
    '/api/v1/warrants/:warrantId/cancellation',
    {
      config: { permission: 'warrants.hold' },
      schema: {
        tags,
        summary: "Cancel a warrant you hold for load-out: it joins the facility's queue",
        params: WarrantParams,
        body: Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false }),
        response: { 200: Warrant, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => warrants.cancelWarrant(ctx, caller(req), req.params.warrantId, req.body ?? {}),
  );
  app.post(
    '/api/v1/warrants/:warrantId/rewarranting',
    {
      config: { permission: 'warrants.operate' },
      schema: {
        tags,
        summary: 'Make a cancelled warrant live again (its warehouse, at the holder’s request; or the exchange)',
        params: WarrantParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: Warrant, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => warrants.rewarrant(ctx, caller(req), req.params.warrantId, req.body),
  );
  app.post(
    '/api/v1/warrants/:warrantId/load-out',
    {
      config: { permission: 'warrants.operate' },
      schema: {
        tags,
        summary: 'Record a cancelled warrant’s metal delivered out (its warehouse); the holder keeps its certificates',
        params: WarrantParams,
        body: Type.Object({ reference: Type.Optional(Type.String({ maxLength: 120 })) }, { additionalProperties: false }),
        response: { 200: Warrant, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => warrants.loadOut(ctx, caller(req), req.params.warrantId, req.body ?? {}),
  );
  app.post(
    '/api/v1/warrants/:warrantId/corrections',
    {
      config: { permission: 'warrants.correct' },
      schema: {
        tags,
        summary: 'Correct a warrant (the exchange), with a reason; may restore its rightful holder',
        params: WarrantParams,
        body: Type.Object({ reason: Reason, holderOrgId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Warrant, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => warrants.correctWarrant(ctx, caller(req), req.params.warrantId, req.body),
  );
  app.get(
    '/api/v1/warrant-review',
    {
      config: { permission: 'warehouse.read' },
      schema: { tags, summary: 'Warrants over a certificate revoked after warranting (the exchange’s review queue)', response: { 200: Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })) }), ...errors(401, 403) } },
    },
    async (req) => ({ items: await warrants.reviewQueue(ctx, caller(req)) }),
  );

  // ---------------------------------------------------------------- swaps
  app.get(
    '/api/v1/warrant-swaps',
    { config: { permission: 'warehouse.read' }, schema: { tags, summary: 'Swaps you proposed or were offered', response: { 200: Type.Object({ items: Type.Array(Swap) }), ...errors(401) } } },
    async (req) => ({ items: await warrants.listSwaps(ctx, caller(req)) }),
  );
  app.post(
    '/api/v1/warrant-swaps',
    {
      config: { permission: 'warrants.hold' },
      schema: {
        tags,
        summary: 'Offer another holder a swap: warrants you give for warrants you take; both move at once on acceptance, or nothing moves',
        body: Type.Object({ counterpartyOrgId: Uuid, give: WarrantRefs, take: WarrantRefs }, { additionalProperties: false }),
        response: { 201: Swap, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await warrants.proposeSwap(ctx, caller(req), req.body)),
  );
  for (const [path, decision, summary] of [
    ['acceptance', 'accept', 'Accept a swap offered to you: both sides move in one transaction, or (if either side moved meanwhile) nothing does'],
    ['declination', 'decline', 'Decline a swap offered to you'],
    ['withdrawal', 'withdraw', 'Withdraw a swap you offered'],
  ] as const) {
    app.post(
      `/api/v1/warrant-swaps/:swapId/${path}`,
      {
        config: { permission: 'warrants.hold' },
        schema: { tags, summary, params: Type.Object({ swapId: Uuid }), response: { 200: Swap, ...errors(400, 401, 403, 404, 409) } },
      },
      async (req) => warrants.decideSwap(ctx, caller(req), req.params.swapId, decision),
    );
  }

  // The published subject schemas of the two credential types.
  app.get('/schemas/warrant-subject/v1.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => WARRANT_PROFILE.subjectSchema(ctx.config.publicUrl));
  app.get('/schemas/warrant-statement/v1.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => STATEMENT_PROFILE.subjectSchema(ctx.config.publicUrl));
}
