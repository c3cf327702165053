import { Type } from '@sinclair/typebox';
import { MetalCodeSchema } from '../metals/schemas.ts';
import { IsoDate, IsoDateTime, Uuid } from '../platform/schemas.ts';
import { reportFields } from '../trust/schemas.ts';

// Request and response shapes of the reports module's routes. The documents are described field
// by field so the web app's types follow them; what is served is the stored document as published.

const Tonnes = Type.String({ pattern: '^-?[0-9]+(\\.[0-9]{1,3})?$', description: 'tonnes, exact (no trailing zeros)' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Instant = Type.String({ description: 'ISO 8601 instant (UTC)' });
export const ReportKindSchema = Type.Union([Type.Literal('stock'), Type.Literal('banding'), Type.Literal('queue'), Type.Literal('off_warrant')]);
const Head = { schema: Type.Literal('assay.market-report/1'), unit: Type.Literal('t'), period: Type.String() };

const StockRowSchema = Type.Object({
  location: Type.String(),
  metal: Type.String(),
  opening: Tonnes,
  deliveredIn: Tonnes,
  deliveredOut: Tonnes,
  closing: Tonnes,
  live: Tonnes,
  cancelled: Tonnes,
});

export const StockDocumentSchema = Type.Object(
  {
    ...Head,
    kind: Type.Literal('stock'),
    businessDay: IsoDate,
    previousBusinessDay: IsoDate,
    timeZone: Type.String(),
    window: Type.Object({ from: Instant, to: Instant }, { description: 'Warrant events at or after `from` and before `to` are the day’s' }),
    rows: Type.Array(StockRowSchema),
    totals: Type.Array(Type.Omit(StockRowSchema, ['location'])),
  },
  { $id: 'StockReportDocument', description: 'Daily stock report: per location and metal, opening + in − out = closing = live + cancelled' },
);

export const BandingDocumentSchema = Type.Object(
  {
    ...Head,
    kind: Type.Literal('banding'),
    asOf: IsoDate,
    arrearsBusinessDays: Type.Integer(),
    bands: Type.Array(Type.Object({ code: Type.String(), fromPct: Type.Integer(), toPct: Type.Integer() })),
    window: Type.Object({ to: Instant }),
    metals: Type.Array(
      Type.Object({
        metal: Type.String(),
        liveTonnes: Tonnes,
        liveWarrants: Type.Integer(),
        positions: Type.Array(Type.Object({ position: Type.Integer(), band: Type.String() }), { description: 'Holders in a band, strongest first; never named' }),
        byBand: Type.Array(Type.Object({ band: Type.String(), positions: Type.Integer() })),
      }),
    ),
  },
  { $id: 'BandingReportDocument', description: 'Warrant banding per metal, published in arrears: holders as anonymous positions' },
);

export const QueueDocumentSchema = Type.Object(
  {
    ...Head,
    kind: Type.Literal('queue'),
    asOf: IsoDate,
    timeZone: Type.String(),
    window: Type.Object({ to: Instant }),
    facilities: Type.Array(
      Type.Object({
        facility: Uuid,
        location: Type.String(),
        warrants: Type.Integer(),
        tonnes: Tonnes,
        metals: Type.Array(Type.Object({ metal: Type.String(), warrants: Type.Integer(), tonnes: Tonnes })),
        minDailyLoadOutTonnes: Tonnes,
        waitingWorkingDays: Type.Integer(),
        waitingSince: IsoDate,
      }),
    ),
  },
  { $id: 'QueueReportDocument', description: 'Load-out queues per facility: what waits and for how many working days at the minimum load-out rate' },
);

export const OffWarrantDocumentSchema = Type.Object(
  {
    ...Head,
    kind: Type.Literal('off_warrant'),
    asOf: IsoDate,
    window: Type.Object({ to: Instant }),
    declarationsUntil: Instant,
    rows: Type.Array(
      Type.Object({ location: Type.String(), metal: Type.String(), recorded: Tonnes, declared: Tonnes, total: Tonnes, warehouses: Type.Integer() }),
    ),
  },
  { $id: 'OffWarrantReportDocument', description: 'Off-warrant stock at a month’s end: received metal not on warrant, plus what warehouses declared' },
);

export const ReportSummarySchema = Type.Object(
  {
    id: Uuid,
    kind: ReportKindSchema,
    period: Type.String({ description: 'The business day (YYYY-MM-DD) or month (YYYY-MM) the report is of' }),
    asOf: IsoDate,
    documentDigest: Type.String(),
    publishedAt: IsoDateTime,
    logIndex: Type.Integer(),
  },
  { $id: 'MarketReportSummary' },
);

export const PublishedReportSchema = Type.Object(
  {
    ...ReportSummarySchema.properties,
    document: Type.Union([StockDocumentSchema, BandingDocumentSchema, QueueDocumentSchema, OffWarrantDocumentSchema]),
  },
  { $id: 'MarketReport' },
);

export const PublishBody = Type.Object(
  {
    date: Type.Optional(IsoDate),
    month: Type.Optional(Month),
    kinds: Type.Optional(Type.Array(ReportKindSchema, { minItems: 1, maxItems: 4 })),
  },
  { additionalProperties: false, description: 'A business day (its stock, queue and banding reports) or a month (its off-warrant report)' },
);

export const PublishOutcomeSchema = Type.Object({
  reports: Type.Array(Type.Object({ ...ReportSummarySchema.properties, outcome: Type.Union([Type.Literal('published'), Type.Literal('unchanged')]) })),
  notDue: Type.Array(Type.Object({ kind: ReportKindSchema, period: Type.String(), dueFrom: Instant })),
});

const Outcome = Type.Object({ status: Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('skip')]), reason: Type.String(), digest: Type.Optional(Type.String()) });

export const ReportVerificationSchema = Type.Object(
  reportFields({
    summary: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'What the credential says, once its signature verified' })),
    report: ReportSummarySchema,
    document: Outcome,
    reproduced: Outcome,
  }),
  {
    $id: 'MarketReportVerification',
    description: 'The credential checked (signature, issuer, key validity, schema, log inclusion), the stored document against it, and the report rebuilt from the history',
  },
);

export const StockSeriesSchema = Type.Object({
  by: Type.Union([Type.Literal('location'), Type.Literal('metal')]),
  from: IsoDate,
  to: IsoDate,
  days: Type.Array(Type.Object({ day: IsoDate, reportId: Uuid })),
  points: Type.Array(Type.Object({ day: IsoDate, key: Type.String(), live: Tonnes, cancelled: Tonnes })),
});

export const DeclarationBody = Type.Object(
  {
    month: Month,
    location: Type.String({ pattern: '^[A-Z][A-Z0-9]{1,19}$' }),
    metal: MetalCodeSchema,
    tonnes: Type.String({ pattern: '^[0-9]{1,9}(\\.[0-9]{1,3})?$', description: 'tonnes, up to 3 decimals' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, description: 'Off-warrant metal your company stores at the location that is not recorded as receipts, at the month’s end' },
);

export const DeclarationSchema = Type.Object({
  id: Uuid,
  warehouseOrgId: Uuid,
  location: Type.String(),
  metal: Type.String(),
  month: Type.String(),
  tonnes: Tonnes,
  note: Type.Union([Type.String(), Type.Null()]),
  declaredAt: IsoDateTime,
  logIndex: Type.Integer(),
  declarationsUntil: Type.Optional(Instant),
});
