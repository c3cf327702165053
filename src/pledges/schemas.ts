import { Type } from '@sinclair/typebox';
import { MetalCodeSchema } from '../metals/schemas.ts';
import { IsoDate, IsoDateTime, Uuid } from '../platform/schemas.ts';
import { PLEDGE_STATUSES } from './rules.ts';

// Request and response shapes of the pledge module's routes.

const Ref2 = Type.Object({ id: Uuid, number: Type.String() });
const Named = Type.Object({ id: Uuid, name: Type.Union([Type.String(), Type.Null()]) });
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' });
export const Amount = Type.String({ pattern: '^(0|[1-9][0-9]{0,15})(\\.[0-9]{1,2})?$', description: 'decimal, at most 2 places' });
export const Pct = Type.String({ pattern: '^(0|[1-9][0-9]{0,2})(\\.[0-9]{1,4})?$', description: 'percent, at most 4 decimals' });
export const AssetRef = Type.String({ minLength: 1, maxLength: 64, description: 'A warrant or electronic receipt: its id, or its number (WR-…, ER-…)' });
export const Reason = Type.String({ minLength: 3, maxLength: 1000 });

export const EReceipt = Type.Object({
  view: Type.Union([Type.Literal('public'), Type.Literal('full')], { description: '"full" for its holder, its warehouse and the exchange' }),
  id: Uuid,
  number: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('converted'), Type.Literal('delivered_out')]),
  metal: Type.String(),
  brand: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
  shape: Type.String(),
  originCountry: Type.String(),
  tonnes: Type.String(),
  issuedOn: IsoDate,
  location: Type.Object({ code: Type.String(), name: Type.String() }),
  facility: Type.Object({ id: Uuid, name: Type.String() }),
  warehouse: Type.Object({ id: Uuid, name: Type.String() }),
  warrantable: Type.Boolean({ description: 'Whether the lot met every rule for going on warrant when it was reconciled' }),
  certificates: Type.Array(Ref2),
  warrant: Type.Union([Ref2, Type.Null()], { description: 'The warrant it was converted into' }),
  encumbered: Type.Boolean({ description: 'Whether an active pledge holds it (never whose)' }),
  holder: Type.Optional(Named),
  version: Type.Optional(Type.Integer()),
  bundles: Type.Optional(
    Type.Array(Type.Object({ pcr: Type.String(), bundleRef: Type.String(), pieces: Type.Integer(), netKg: Type.String(), certificate: Type.Union([Ref2, Type.Null()]) })),
  ),
  lot: Type.Optional(Type.Object({ receipt: Type.String(), lotRef: Type.String() })),
  contentDigest: Type.Optional(Type.String()),
});

const AssetType = Type.Union([Type.Literal('warrant'), Type.Literal('e_receipt')]);
const PledgeStatus = Type.Union(PLEDGE_STATUSES.map((s) => Type.Literal(s)));

export const Pledge = Type.Object({
  id: Uuid,
  number: Type.String(),
  status: PledgeStatus,
  overdue: Type.Boolean({ description: 'Active past its maturity: still active and locked until the lender releases or enforces it' }),
  role: Type.Union([Type.Literal('lender'), Type.Literal('pledgor'), Type.Null()], { description: 'The caller’s part in it' }),
  pledgor: Named,
  lender: Type.Object({ id: Uuid, name: Type.Union([Type.String(), Type.Null()]), kind: Type.Union([Type.String(), Type.Null()]) }),
  amount: Type.String(),
  currency: Type.String(),
  reference: Type.String(),
  maturity: IsoDate,
  assets: Type.Array(Type.Object({ id: Uuid, type: AssetType, number: Type.String(), metal: Type.String(), tonnes: Type.String(), active: Type.Boolean() })),
  consents: Type.Array(Type.Object({ assetId: Uuid, action: Type.String(), toOrgId: Type.Union([Uuid, Type.Null()]) }), { description: 'Consents the lender gave while active (each allows one action)' }),
  version: Type.Integer(),
  proposedAt: IsoDateTime,
  acceptedAt: Type.Union([IsoDateTime, Type.Null()]),
  closedAt: Type.Union([IsoDateTime, Type.Null()]),
  enforcedTo: Type.Union([Named, Type.Null()]),
});

export const ProposalBody = Type.Object(
  {
    assets: Type.Array(AssetRef, { minItems: 1, maxItems: 200 }),
    lenderOrgId: Uuid,
    amount: Amount,
    currency: Currency,
    reference: Type.String({ minLength: 1, maxLength: 120, pattern: '^[^\\u0000-\\u001f]+$' }),
    maturity: IsoDate,
  },
  { additionalProperties: false },
);

const Valuation = Type.Object({
  assets: Type.Array(
    Type.Object({
      id: Uuid,
      type: AssetType,
      number: Type.String(),
      metal: Type.String(),
      tonnes: Type.String(),
      price: Type.Union([Type.String(), Type.Null()]),
      priceDate: Type.Union([IsoDate, Type.Null()]),
      haircutPct: Type.Union([Type.String(), Type.Null()]),
      grossValue: Type.Union([Type.String(), Type.Null()]),
      value: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  currency: Type.String(),
  collateralValue: Type.Union([Type.String(), Type.Null()], { description: 'Exact, after haircuts' }),
  ltvPct: Type.Union([Type.String(), Type.Null()], { description: 'amount ÷ collateral value × 100, half up to 2 decimals' }),
  ltvAlertPct: Type.String(),
  ltvAlert: Type.Boolean({ description: 'LTV at or above the threshold (compared exactly)' }),
  problems: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), metal: Type.Optional(Type.String()) })),
});

const Terms = Type.Object({
  haircutsPct: Type.Record(Type.String(), Type.String()),
  ltvAlertPct: Type.String(),
  valuationPrompt: Type.String(),
  priceCurrency: Type.String(),
  staleAfterDays: Type.Integer(),
});

export const TermsView = Type.Object({
  ...Terms.properties,
  version: Type.Integer({ description: '0 while only the defaults apply' }),
  set: Type.Record(Type.String(), Type.String(), { description: 'The haircuts this taker set itself' }),
  defaults: Type.Record(Type.String(), Type.String(), { description: 'Reference defaults (unconfirmed)' }),
  unconfirmedDefaults: Type.Array(Type.String()),
});

export const TermsBody = Type.Object(
  {
    haircutsPct: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Z]{2}$' }), Pct, { maxProperties: 20 })),
    ltvAlertPct: Type.Optional(Pct),
  },
  { additionalProperties: false },
);

const ValuedPledge = Type.Object({ ...Pledge.properties, valuation: Valuation });

export const Book = Type.Object({
  taker: Named,
  asOf: IsoDate,
  terms: Terms,
  proposals: Type.Array(ValuedPledge),
  active: Type.Array(ValuedPledge),
  alerts: Type.Array(Type.Object({ pledge: Type.String(), pledgeId: Uuid, code: Type.String(), message: Type.String() })),
});

export const Holding = Type.Object({
  id: Uuid,
  type: AssetType,
  number: Type.String(),
  metal: Type.String(),
  tonnes: Type.String(),
  status: Type.String(),
  pledgeable: Type.Boolean(),
  pledge: Type.Union([
    Type.Object({ id: Uuid, number: Type.String(), mine: Type.Boolean(), consents: Type.Array(Type.Object({ action: Type.String(), toOrgId: Type.Union([Uuid, Type.Null()]) })) }),
    Type.Null(),
  ]),
  locked: Type.Array(Type.Object({ action: Type.String(), reason: Type.String() })),
  proposals: Type.Array(Type.String(), { description: 'Open proposals over it (pledge numbers)' }),
});

export const AssetStatus = Type.Object({
  id: Uuid,
  type: AssetType,
  number: Type.String(),
  metal: Type.String(),
  tonnes: Type.String(),
  status: Type.String(),
  location: Type.String(),
  encumbered: Type.Boolean(),
  pledge: Type.Optional(Type.Object({ id: Uuid, number: Type.String() }, { description: 'Only for the pledge’s parties and the exchange' })),
  asOf: IsoDateTime,
});

const PriceInput = Type.Object(
  { date: IsoDate, metal: MetalCodeSchema, prompt: Type.String({ minLength: 1, maxLength: 12 }), price: Type.String({ maxLength: 20 }), currency: Type.Optional(Currency) },
  { additionalProperties: false },
);
export const PricesBody = Type.Object({ prices: Type.Array(PriceInput, { minItems: 1, maxItems: 5000 }) }, { additionalProperties: false });
export const PriceUpload = Type.Object(
  { filename: Type.String({ maxLength: 200 }), contentBase64: Type.String({ minLength: 1, maxLength: 3 * 1024 * 1024, description: 'A CSV file or an XLSX workbook, base64' }) },
  { additionalProperties: false },
);
const Price = Type.Object({ date: IsoDate, metal: Type.String(), prompt: Type.String(), price: Type.String(), currency: Type.String(), publicationId: Uuid });
export const Publication = Type.Object({
  id: Uuid,
  source: Type.String(),
  filename: Type.Union([Type.String(), Type.Null()]),
  publishedAt: IsoDateTime,
  prices: Type.Array(Price),
  credential: Type.String({ description: "The exchange's PricePublication credential (vc+jwt)" }),
  logIndex: Type.Integer(),
});
export const LatestPrices = Type.Object({ items: Type.Array(Price), valuationPrompt: Type.String(), prompts: Type.Array(Type.String()) });
