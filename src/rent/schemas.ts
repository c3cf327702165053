import { Type } from '@sinclair/typebox';
import { MetalCodeSchema } from '../metals/schemas.ts';
import { IsoDate, IsoDateTime, Uuid } from '../platform/schemas.ts';

// Request and response shapes of the rent routes.

const Rate = Type.String({ pattern: '^[0-9]{1,4}(\\.[0-9]{1,4})?$', description: 'US$ per tonne per day, at most 4 decimals' });
const Money = Type.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,2})?$', description: 'an amount, at most 2 decimals' });
const MoneyOut = Type.String({ description: 'an amount with 2 decimals' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' });
const Party = Type.Object({ id: Uuid, name: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Amount = Type.Object({ currency: Type.String(), amount: MoneyOut });

export const TariffBody = Type.Object(
  {
    facilityId: Uuid,
    metal: MetalCodeSchema,
    rateYear: Type.Integer({ minimum: 2000, maximum: 2100, description: 'The calendar year the rate year starts in: 2026 = 1 April 2026 – 31 March 2027' }),
    rentUsdPerTonneDay: Rate,
    fotPerTonne: Type.Optional(Nullable(Money)),
    ficPerTonne: Type.Optional(Nullable(Money)),
    perWarrantFees: Type.Optional(
      Type.Array(Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), amount: Money, currency: Currency }, { additionalProperties: false }), { maxItems: 10 }),
    ),
  },
  { additionalProperties: false },
);

const CapUsed = Type.Object({
  id: Uuid,
  effectiveFrom: IsoDate,
  rentUsdPerTonneDay: Type.String(),
  fotPerTonne: Nullable(Type.String()),
  fotCurrency: Nullable(Type.String()),
});

export const Tariff = Type.Object({
  id: Uuid,
  schema: Type.String(),
  warehouse: Party,
  facility: Party,
  location: Type.Object({ code: Type.String(), name: Type.String() }),
  metal: Type.String(),
  rateYear: Type.Integer(),
  rateYearLabel: Type.String({ description: 'e.g. 2026/27' }),
  from: IsoDate,
  to: IsoDate,
  rentUsdPerTonneDay: Type.String(),
  currency: Type.String({ description: "The location's currency, in which FOT and FIC are charged" }),
  fotPerTonne: Nullable(Type.String()),
  ficPerTonne: Nullable(Type.String()),
  perWarrantFees: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), amount: Type.String(), currency: Type.String() })),
  caps: Type.Array(CapUsed, { description: 'The exchange caps in force during the rate year it was checked against (indexed for the year)' }),
  publishedAt: IsoDateTime,
  logIndex: Type.Integer(),
  credential: Type.Optional(Type.String({ description: 'The RentTariff credential (vc+jwt) signed by the warehouse' })),
});

export const CapsInYear = Type.Object({
  rateYear: Type.Integer(),
  rateYearLabel: Type.String(),
  from: IsoDate,
  to: IsoDate,
  items: Type.Array(
    Type.Object({
      location: Type.Object({ code: Type.String(), name: Type.String(), currency: Nullable(Type.String()) }),
      metal: Type.String(),
      rentUsdPerTonneDay: Type.String({ description: 'The binding (lowest) rent cap in the year' }),
      fotPerTonne: Nullable(Type.String()),
      fotCurrency: Nullable(Type.String()),
      caps: Type.Array(Type.Object({ ...CapUsed.properties, location: Type.String(), metal: Type.String(), indexSteps: Type.Integer() })),
    }),
  ),
});

export const RentAccount = Type.Object(
  {
    currency: Type.String(),
    paidTo: Nullable(IsoDate),
    owedFrom: IsoDate,
    asOf: IsoDate,
    outstanding: Type.Object({ amount: MoneyOut, days: Type.Integer() }),
    toRateYearEnd: Type.Object({ paidTo: IsoDate, amount: MoneyOut, days: Type.Integer() }),
    unpricedDays: Type.Integer(),
    missingRateYears: Type.Array(Type.String()),
    openStatement: Nullable(Type.String()),
  },
  { description: "The warrant's rent: paid-to date, what is owed to today and to the next 31 March" },
);

export const Outstanding = Type.Object({
  scope: Type.String(),
  asOf: IsoDate,
  rateYearEnd: IsoDate,
  items: Type.Array(
    Type.Object({
      warrantId: Uuid,
      number: Type.String(),
      status: Type.String(),
      metal: Type.String(),
      tonnes: Type.String(),
      warrantedOn: IsoDate,
      warehouse: Party,
      facility: Party,
      location: Type.String(),
      holderOrgId: Type.Optional(Uuid),
      rent: RentAccount,
    }),
  ),
  totals: Type.Object({
    outstanding: Type.Array(Type.Object({ warehouse: Party, currency: Type.String(), amount: MoneyOut })),
    toRateYearEnd: Type.Array(Type.Object({ warehouse: Party, currency: Type.String(), amount: MoneyOut })),
  }),
});

export const StatementBody = Type.Object(
  {
    warrantIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 2000, description: 'Warrant ids (or numbers) you hold' })),
    all: Type.Optional(Type.Boolean({ description: 'Every warrant you hold that owes rent and is not on an open statement' })),
    paidTo: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

const Segment = Type.Object({ from: IsoDate, to: IsoDate, days: Type.Integer(), rateUsdPerTonneDay: Type.String(), rateYear: Type.String(), tariffId: Type.String(), exact: Type.String() });
const StatementLine = Type.Object({
  line: Type.Integer(),
  warrantId: Uuid,
  number: Type.String(),
  warehouse: Party,
  facility: Party,
  location: Type.String(),
  metal: Type.String(),
  tonnes: Type.String(),
  status: Type.String(),
  paidToBefore: Nullable(IsoDate),
  from: IsoDate,
  to: IsoDate,
  days: Type.Integer(),
  segments: Type.Array(Segment),
  exact: Type.String({ description: 'Exact rent of the line’s days, 7 decimals' }),
  amount: MoneyOut,
  currency: Type.String(),
});
const Totals = Type.Object({
  byWarehouse: Type.Array(Type.Object({ warehouse: Party, currency: Type.String(), warrants: Type.Integer(), amount: MoneyOut })),
  byCurrency: Type.Array(Amount),
});
const StatementStatus = Type.Union([Type.Literal('open'), Type.Literal('partly_endorsed'), Type.Literal('endorsed'), Type.Literal('withdrawn')]);

export const Statement = Type.Object({
  id: Uuid,
  number: Type.String(),
  view: Type.Union([Type.Literal('full'), Type.Literal('warehouse')], { description: '"warehouse": a warehouse company sees its own lines only' }),
  status: StatementStatus,
  holder: Party,
  paidTo: IsoDate,
  madeAt: IsoDateTime,
  queueRentCapDays: Type.Integer(),
  rounding: Type.String(),
  lines: Type.Array(StatementLine),
  totals: Totals,
  warehouses: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      endorsed: Nullable(Type.Object({ id: Uuid, on: IsoDate, at: IsoDateTime, logIndex: Type.Integer(), credential: Type.String({ description: 'RentEndorsement vc+jwt signed by the warehouse' }) })),
    }),
  ),
  withdrawnAt: Nullable(IsoDateTime),
  contentDigest: Type.String(),
  logIndex: Type.Integer(),
  canEndorse: Type.Boolean(),
});

export const StatementSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  view: Type.String(),
  status: StatementStatus,
  holder: Party,
  paidTo: IsoDate,
  madeAt: IsoDateTime,
  warrants: Type.Integer(),
  totals: Totals,
  warehouses: Type.Array(Type.Object({ id: Uuid, name: Type.String(), endorsedOn: Nullable(IsoDate) })),
  canEndorse: Type.Boolean(),
});

export const FeeBody = Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false });

export const FeeStatement = Type.Object({
  id: Uuid,
  batchId: Uuid,
  schema: Type.String(),
  number: Type.String(),
  kind: Type.Union([Type.Literal('warehouse'), Type.Literal('exchange')]),
  period: Type.Object({ from: IsoDate, to: IsoDate }),
  feePct: Type.String(),
  exchange: Party,
  warehouse: Nullable(Party),
  rentEndorsed: Type.Array(Amount),
  fee: Type.Array(Amount),
  endorsements: Type.Optional(Type.Array(Type.Object({ id: Uuid, statement: Type.String(), endorsedOn: IsoDate, currency: Type.String(), amount: MoneyOut }))),
  warehouses: Type.Optional(Type.Array(Type.Object({ id: Uuid, name: Type.String(), statement: Type.String(), rentEndorsed: Type.Array(Amount), fee: Type.Array(Amount) }))),
  issuedAt: IsoDateTime,
  logIndex: Type.Integer(),
  credential: Type.Optional(Type.String()),
});

export const FeePreview = Type.Object({
  period: Type.Object({ from: IsoDate, to: IsoDate }),
  feePct: Type.String(),
  items: Type.Array(Type.Object({ warehouse: Party, rentEndorsed: Type.Array(Amount), fee: Type.Array(Amount), endorsements: Type.Integer() })),
});

export const RentSettingsSchema = Type.Object({
  rateYear: Type.Object({ startMonth: Type.Integer(), startDay: Type.Integer() }),
  queueRentCapDays: Type.Integer(),
  supervisionFeePct: Type.String(),
  currentRateYear: Type.Integer(),
  currentRateYearLabel: Type.String(),
  currentRateYearEnd: IsoDate,
  perWarrantFees: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});
