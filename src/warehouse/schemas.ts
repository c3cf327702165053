import { Type } from '@sinclair/typebox';
import { MetalCodeSchema } from '../metals/schemas.ts';
import { CountryCode, IsoDate, IsoDateTime, Name, Uuid } from '../platform/schemas.ts';

// Request and response shapes of the warehouse module's routes.

const Weight = Type.String({ pattern: '^[0-9]{1,9}(\\.[0-9]{1,3})?$', description: 'kg, up to 3 decimals' });
const Tonnes = Type.String({ pattern: '^[0-9]{1,9}(\\.[0-9]{1,4})?$', description: 'decimal' });
const Money = Type.String({ pattern: '^[0-9]{1,9}(\\.[0-9]{1,4})?$', description: 'decimal' });
const LocationCode = Type.String({ pattern: '^[A-Z][A-Z0-9]{1,19}$', description: 'e.g. HONGKONG' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' });
const Ref = Type.String({ minLength: 1, maxLength: 60, pattern: '^[^\\u0000-\\u001f]+$' });

export const RentCap = Type.Object({
  id: Uuid,
  location: Type.String(),
  metal: Type.String(),
  effectiveFrom: IsoDate,
  rentUsdPerTonneDay: Type.String(),
  fotPerTonne: Type.Union([Type.String(), Type.Null()]),
  fotCurrency: Type.Union([Type.String(), Type.Null()]),
  yearlyIndexPct: Type.Union([Type.String(), Type.Null()]),
  indexFromYear: Type.Union([Type.Integer(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
});

export const Location = Type.Object({
  code: Type.String(),
  name: Type.String(),
  country: Type.String(),
  timeZone: Type.String(),
  currency: Type.String(),
  calendar: Type.String(),
  metals: Type.Array(Type.String()),
  approvedFrom: Type.Union([IsoDate, Type.Null()]),
  withdrawnFrom: Type.Union([IsoDate, Type.Null()]),
  version: Type.Integer(),
  rentCaps: Type.Array(RentCap),
});

export const LocationBody = Type.Object(
  {
    name: Name(2, 120),
    country: CountryCode,
    timeZone: Type.String({ minLength: 3, maxLength: 60, pattern: '^[A-Za-z_]+(/[A-Za-z_+-]+)*$' }),
    currency: Currency,
    calendar: Type.String({ minLength: 2, maxLength: 20, pattern: '^[A-Za-z]+$' }),
    metals: Type.Array(MetalCodeSchema, { minItems: 1, maxItems: 9 }),
    approvedFrom: Type.Union([IsoDate, Type.Null()]),
    withdrawnFrom: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false },
);

export const RentCapBody = Type.Object(
  {
    location: LocationCode,
    metal: MetalCodeSchema,
    effectiveFrom: IsoDate,
    rentUsdPerTonneDay: Money,
    fotPerTonne: Type.Optional(Type.Union([Money, Type.Null()])),
    fotCurrency: Type.Optional(Type.Union([Currency, Type.Null()])),
    yearlyIndexPct: Type.Optional(Type.Union([Type.String({ pattern: '^-?[0-9]{1,3}(\\.[0-9]{1,4})?$' }), Type.Null()])),
    indexFromYear: Type.Optional(Type.Union([Type.Integer({ minimum: 2000, maximum: 2100 }), Type.Null()])),
    source: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const Facility = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  warehouse: Type.Object({ id: Uuid, name: Type.String() }),
  location: Type.Object({ code: Type.String(), name: Type.String() }),
  metals: Type.Array(Type.String()),
  minDailyLoadOutTonnes: Type.String(),
  approvedFrom: IsoDate,
  withdrawnFrom: Type.Union([IsoDate, Type.Null()]),
  version: Type.Integer(),
});

export const FacilityBody = Type.Object(
  {
    warehouseOrgId: Uuid,
    location: LocationCode,
    name: Name(2, 120),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    metals: Type.Array(MetalCodeSchema, { minItems: 1, maxItems: 9 }),
    minDailyLoadOutTonnes: Tonnes,
    approvedFrom: IsoDate,
  },
  { additionalProperties: false },
);

export const ReceiptBundleBody = Type.Object(
  {
    lot: Type.Optional(Type.Union([Ref, Type.Null()], { description: 'The lot this bundle goes on warrant with; leave out to record it as off-warrant stock' })),
    pcr: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$', description: 'Production cast reference, as on the tag' }),
    bundleRef: Ref,
    pieces: Type.Integer({ minimum: 1, maximum: 100000 }),
    grossKg: Weight,
    netKg: Weight,
  },
  { additionalProperties: false },
);

export const ReceiptBody = Type.Object(
  {
    facilityId: Uuid,
    depositorOrgId: Type.Optional(Uuid),
    brand: Type.String({ minLength: 1, maxLength: 64 }),
    shape: Type.String({ minLength: 1, maxLength: 60 }),
    originCountry: CountryCode,
    receivedOn: IsoDate,
    reference: Type.Optional(Type.String({ maxLength: 120 })),
    bundles: Type.Array(ReceiptBundleBody, { minItems: 1, maxItems: 10000 }),
  },
  { additionalProperties: false },
);

const Check = Type.Object({ code: Type.String(), ok: Type.Boolean(), reason: Type.String() });
const ReconciledBundle = Type.Object({
  line: Type.Integer(),
  lotRef: Type.Union([Type.String(), Type.Null()]),
  pcr: Type.String(),
  bundleRef: Type.String(),
  pieces: Type.Integer(),
  grossKg: Type.String(),
  netKg: Type.String(),
  certificateId: Type.Union([Uuid, Type.Null()]),
  certificateNumber: Type.Union([Type.String(), Type.Null()]),
  checks: Type.Array(Check),
  conforming: Type.Boolean(),
});
const Lot = Type.Object({
  id: Type.Union([Uuid, Type.Null()]),
  lotRef: Type.String(),
  netKg: Type.String(),
  tonnes: Type.String(),
  bundles: Type.Integer(),
  lines: Type.Array(Type.Integer()),
  warrantable: Type.Boolean(),
  reasons: Type.Array(Type.String()),
  warrant: Type.Union([Type.Object({ id: Uuid, number: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
});

export const Receipt = Type.Object({
  id: Uuid,
  number: Type.String(),
  facility: Type.Object({ id: Uuid, name: Type.String(), location: Type.String() }),
  warehouse: Type.Object({ id: Uuid, name: Type.String() }),
  depositor: Type.Object({ id: Uuid, name: Type.String() }),
  brand: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
  metal: Type.String(),
  shape: Type.String(),
  originCountry: Type.String(),
  receivedOn: IsoDate,
  reference: Type.Union([Type.String(), Type.Null()]),
  reconciliation: Type.Object({
    bundles: Type.Array(ReconciledBundle),
    lots: Type.Array(Type.Object({}, { additionalProperties: true })),
    offWarrantLines: Type.Array(Type.Integer()),
    summary: Type.Object({ bundles: Type.Integer(), conforming: Type.Integer(), netKg: Type.String(), lots: Type.Integer(), warrantableLots: Type.Integer() }),
  }),
  lots: Type.Array(Lot),
  lotSize: Type.Object({ tonnes: Type.String(), tolerancePct: Type.String() }),
  recordedAt: IsoDateTime,
  contentDigest: Type.String(),
  logIndex: Type.Integer(),
});

const Ref2 = Type.Object({ id: Type.String(), number: Type.String() });
const WarrantBundle = Type.Object({ pcr: Type.String(), bundleRef: Type.String(), pieces: Type.Integer(), netKg: Type.String(), certificate: Ref2 });

export const Warrant = Type.Object({
  view: Type.Union([Type.Literal('public'), Type.Literal('full')], { description: '"full" for its holder, its warehouse and the exchange' }),
  id: Uuid,
  number: Type.String(),
  status: Type.Union([Type.Literal('live'), Type.Literal('cancelled'), Type.Literal('delivered_out')]),
  metal: Type.String(),
  brand: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
  shape: Type.String(),
  originCountry: Type.String(),
  tonnes: Type.String(),
  warrantedOn: IsoDate,
  location: Type.Object({ code: Type.String(), name: Type.String() }),
  facility: Type.Object({ id: Uuid, name: Type.String() }),
  warehouse: Type.Object({ id: Uuid, name: Type.String() }),
  certificates: Type.Array(Ref2),
  deliveredOutAt: Type.Union([IsoDateTime, Type.Null()]),
  encumbered: Type.Boolean({ description: 'Whether an active pledge holds the warrant (never whose)' }),
  holder: Type.Optional(Type.Object({ id: Uuid, name: Type.Union([Type.String(), Type.Null()]) })),
  version: Type.Optional(Type.Integer()),
  cancelledAt: Type.Optional(Type.Union([IsoDateTime, Type.Null()])),
  rent: Type.Optional(Type.Union([Type.Object({ usdPerTonneDay: Type.String(), basis: Type.String() }), Type.Null()])),
  bundles: Type.Optional(Type.Array(WarrantBundle)),
  lot: Type.Optional(Type.Object({ receipt: Type.String(), lotRef: Type.String() })),
  queue: Type.Optional(
    Type.Union([Type.Object({ position: Type.Integer(), tonnesAhead: Type.String(), estimatedLoadOut: IsoDate }, { additionalProperties: true }), Type.Null()]),
  ),
  contentDigest: Type.Optional(Type.String()),
});

export const WarrantList = Type.Object({
  items: Type.Array(Warrant),
  totals: Type.Array(Type.Object({ metal: Type.String(), location: Type.String(), warrants: Type.Integer(), tonnes: Type.String() })),
});

export const Swap = Type.Object({
  id: Uuid,
  proposer: Type.Object({ id: Uuid, name: Type.Union([Type.String(), Type.Null()]) }),
  counterparty: Type.Object({ id: Uuid, name: Type.Union([Type.String(), Type.Null()]) }),
  give: Type.Array(Type.Object({ warrantId: Uuid, version: Type.Integer(), number: Type.Union([Type.String(), Type.Null()]) })),
  take: Type.Array(Type.Object({ warrantId: Uuid, version: Type.Integer(), number: Type.Union([Type.String(), Type.Null()]) })),
  status: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
  decidedAt: Type.Union([IsoDateTime, Type.Null()]),
  moved: Type.Optional(Type.Boolean()),
});

export const WarrantRefs = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 });
export const Reason = Type.String({ minLength: 3, maxLength: 1000 });
