import type { CredentialProfile } from '../trust/credential-profile.ts';
import { buildCredential, type Credential } from '../trust/vc.ts';

// The rent module's signed records as W3C Verifiable Credentials (vc+jwt):
// - RentTariff: a warehouse company's charges at one facility for one metal in one rate year,
//   signed by the warehouse, public;
// - RentEndorsement: a warehouse's endorsement of its lines of a holder's rent statement (the rent
//   it received, the paid-to dates it moved), signed by the warehouse; private to the holder, the
//   warehouse and the exchange (the log holds its digest only);
// - SupervisionFeeStatement: the exchange's fee of `feePct` % of the rent a warehouse company
//   endorsed in a period (or, for the exchange, every warehouse's), signed by the exchange.
// None is revoked in place (no status list): they are never changed.

export const TARIFF_TYPE = 'RentTariff';
export const ENDORSEMENT_TYPE = 'RentEndorsement';
export const FEE_TYPE = 'SupervisionFeeStatement';
export const TARIFF_SCHEMA = 'assay.rent-tariff/1';
export const STATEMENT_SCHEMA = 'assay.rent-statement/1';
export const ENDORSEMENT_SCHEMA = 'assay.rent-endorsement/1';
export const FEE_SCHEMA = 'assay.supervision-fee/1';

export const RENT_KINDS = {
  tariffPublished: 'rent.tariff_published',
  statementMade: 'rent.statement_made',
  statementWithdrawn: 'rent.statement_withdrawn',
  statementEndorsed: 'rent.statement_endorsed',
  feeIssued: 'rent.fee_statement_issued',
} as const;

export const RENT_SUBJECTS = {
  tariff: 'rent_tariff',
  statement: 'rent_statement',
  endorsement: 'rent_endorsement',
  fee: 'supervision_fee',
} as const;

const idOf = (prefix: string) => (id: string): string => `urn:assay:${prefix}:${id}:v1`;
export const tariffCredentialId = idOf('rent-tariff');
export const endorsementCredentialId = idOf('rent-endorsement');
export const feeCredentialId = idOf('supervision-fee');

function parse(prefix: string) {
  const re = new RegExp(`^urn:assay:${prefix}:([0-9a-f-]{36}):v(\\d+)$`);
  return (id: unknown): { subjectId: string; version: number } | null => {
    const m = typeof id === 'string' ? re.exec(id) : null;
    return m ? { subjectId: m[1]!, version: Number(m[2]) } : null;
  };
}

const Party = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } } };
const Money = { type: 'string', pattern: '^[0-9]+\\.[0-9]{2}$' };
const Rate = { type: 'string', pattern: '^[0-9]+(\\.[0-9]{1,4})?$' };
const Day = { type: 'string', format: 'date' };
const Totals = { type: 'array', items: { type: 'object', required: ['currency', 'amount'], properties: { currency: { type: 'string', pattern: '^[A-Z]{3}$' }, amount: Money } } };

// ---------------------------------------------------------------- tariff

export interface TariffSubject {
  schema: typeof TARIFF_SCHEMA;
  warehouse: { id: string; name: string };
  facility: { id: string; name: string };
  location: { code: string; name: string };
  metal: string;
  rateYear: number;
  rateYearLabel: string;
  from: string;
  to: string;
  rentUsdPerTonneDay: string;
  currency: string;
  fotPerTonne: string | null;
  ficPerTonne: string | null;
  perWarrantFees: { code: string; name: string; amount: string; currency: string }[];
  /** The caps it was checked against (indexed for the year). */
  caps: { id: string; effectiveFrom: string; rentUsdPerTonneDay: string; fotPerTonne: string | null; fotCurrency: string | null }[];
  publishedAt: string;
}

export const tariffCredential = (p: { id: string; issuerDid: string; subject: TariffSubject }): Credential =>
  buildCredential({
    id: tariffCredentialId(p.id),
    types: [TARIFF_TYPE],
    issuer: p.issuerDid,
    validFrom: p.subject.publishedAt,
    subject: { id: `urn:assay:rent-tariff-of:${p.subject.facility.id}:${p.subject.metal}:${p.subject.rateYear}`, ...p.subject },
  });

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const nameOf = (v: unknown): string => str((v as { name?: unknown } | undefined)?.name);

export const TARIFF_PROFILE: CredentialProfile = {
  type: TARIFF_TYPE,
  noun: 'rent tariff',
  idForm: 'urn:assay:rent-tariff:<uuid>:v1',
  parseId: parse('rent-tariff'),
  subjectType: RENT_SUBJECTS.tariff,
  logKinds: [RENT_KINDS.tariffPublished],
  logKindsText: 'a tariff publication',
  withdrawal: 'superseded',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${publicUrl.replace(/\/+$/, '')}/schemas/rent-tariff/v1.json`,
    type: 'object',
    required: ['id', 'schema', 'warehouse', 'facility', 'location', 'metal', 'rateYear', 'from', 'to', 'rentUsdPerTonneDay', 'currency', 'perWarrantFees', 'caps', 'publishedAt'],
    properties: {
      schema: { const: TARIFF_SCHEMA },
      warehouse: Party,
      facility: Party,
      location: { type: 'object', required: ['code', 'name'] },
      metal: { type: 'string', pattern: '^[A-Z]{2}$' },
      rateYear: { type: 'integer' },
      from: Day,
      to: Day,
      rentUsdPerTonneDay: Rate,
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      fotPerTonne: { oneOf: [Money, { type: 'null' }] },
      ficPerTonne: { oneOf: [Money, { type: 'null' }] },
      perWarrantFees: { type: 'array' },
      caps: { type: 'array' },
    },
  }),
  summarise: (s, meta) => ({
    id: meta.subjectId,
    warehouse: nameOf(s.warehouse),
    facility: nameOf(s.facility),
    metal: str(s.metal),
    rateYear: str(s.rateYearLabel),
    rentUsdPerTonneDay: str(s.rentUsdPerTonneDay),
    issuer: meta.issuer,
  }),
  describe: (t) => `${str(t.warehouse)} ${str(t.facility)}: ${str(t.metal)} ${str(t.rateYear)} at ${str(t.rentUsdPerTonneDay)} US$/t/day`,
};

// ---------------------------------------------------------------- endorsement

export interface EndorsedLine {
  line: number;
  warrantId: string;
  number: string;
  from: string;
  to: string;
  days: number;
  amount: string;
  currency: string;
}

export interface EndorsementSubject {
  schema: typeof ENDORSEMENT_SCHEMA;
  statement: { id: string; number: string; contentDigest: string };
  holderOrgId: string;
  warehouse: { id: string; name: string };
  lines: EndorsedLine[];
  totals: { currency: string; amount: string }[];
  endorsedOn: string;
  endorsedAt: string;
}

export const endorsementCredential = (p: { id: string; issuerDid: string; subject: EndorsementSubject }): Credential =>
  buildCredential({
    id: endorsementCredentialId(p.id),
    types: [ENDORSEMENT_TYPE],
    issuer: p.issuerDid,
    validFrom: p.subject.endorsedAt,
    subject: { id: `urn:assay:rent-statement:${p.subject.statement.number}`, ...p.subject },
  });

export const ENDORSEMENT_PROFILE: CredentialProfile = {
  type: ENDORSEMENT_TYPE,
  noun: 'rent endorsement',
  idForm: 'urn:assay:rent-endorsement:<uuid>:v1',
  parseId: parse('rent-endorsement'),
  subjectType: RENT_SUBJECTS.endorsement,
  logKinds: [RENT_KINDS.statementEndorsed],
  logKindsText: 'a rent endorsement',
  withdrawal: 'superseded',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${publicUrl.replace(/\/+$/, '')}/schemas/rent-endorsement/v1.json`,
    type: 'object',
    required: ['id', 'schema', 'statement', 'holderOrgId', 'warehouse', 'lines', 'totals', 'endorsedOn', 'endorsedAt'],
    properties: {
      schema: { const: ENDORSEMENT_SCHEMA },
      statement: { type: 'object', required: ['id', 'number', 'contentDigest'] },
      holderOrgId: { type: 'string', format: 'uuid' },
      warehouse: Party,
      lines: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', required: ['line', 'warrantId', 'number', 'from', 'to', 'days', 'amount', 'currency'], properties: { from: Day, to: Day, amount: Money } },
      },
      totals: Totals,
      endorsedOn: Day,
    },
  }),
  summarise: (s, meta) => ({
    id: meta.subjectId,
    statement: str((s.statement as { number?: unknown } | undefined)?.number),
    warehouse: nameOf(s.warehouse),
    warrants: Array.isArray(s.lines) ? s.lines.length : 0,
    totals: Array.isArray(s.totals) ? (s.totals as { currency?: unknown; amount?: unknown }[]).map((t) => `${str(t.amount)} ${str(t.currency)}`).join(', ') : '',
    endorsedOn: str(s.endorsedOn),
    issuer: meta.issuer,
  }),
  describe: (e) => `${str(e.statement)} endorsed by ${str(e.warehouse)} on ${str(e.endorsedOn)}: ${str(e.totals)} for ${str(e.warrants)} warrant(s)`,
};

// ---------------------------------------------------------------- supervision fee

export interface FeeSubject {
  schema: typeof FEE_SCHEMA;
  number: string;
  kind: 'warehouse' | 'exchange';
  period: { from: string; to: string };
  feePct: string;
  exchange: { id: string; name: string };
  /** The warehouse company charged (kind warehouse); null on the exchange's summary. */
  warehouse: { id: string; name: string } | null;
  rentEndorsed: { currency: string; amount: string }[];
  fee: { currency: string; amount: string }[];
  /** kind warehouse: each endorsement counted. */
  endorsements?: { id: string; statement: string; endorsedOn: string; currency: string; amount: string }[];
  /** kind exchange: each warehouse company's statement. */
  warehouses?: { id: string; name: string; statement: string; rentEndorsed: { currency: string; amount: string }[]; fee: { currency: string; amount: string }[] }[];
  issuedAt: string;
}

export const feeCredential = (p: { id: string; issuerDid: string; subject: FeeSubject }): Credential =>
  buildCredential({
    id: feeCredentialId(p.id),
    types: [FEE_TYPE],
    issuer: p.issuerDid,
    validFrom: p.subject.issuedAt,
    subject: { id: `urn:assay:supervision-fee-statement:${p.subject.number}`, ...p.subject },
  });

export const FEE_PROFILE: CredentialProfile = {
  type: FEE_TYPE,
  noun: 'supervision fee statement',
  idForm: 'urn:assay:supervision-fee:<uuid>:v1',
  parseId: parse('supervision-fee'),
  subjectType: RENT_SUBJECTS.fee,
  logKinds: [RENT_KINDS.feeIssued],
  logKindsText: 'a supervision fee statement',
  withdrawal: 'superseded',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${publicUrl.replace(/\/+$/, '')}/schemas/supervision-fee/v1.json`,
    type: 'object',
    required: ['id', 'schema', 'number', 'kind', 'period', 'feePct', 'exchange', 'warehouse', 'rentEndorsed', 'fee', 'issuedAt'],
    properties: {
      schema: { const: FEE_SCHEMA },
      kind: { enum: ['warehouse', 'exchange'] },
      period: { type: 'object', required: ['from', 'to'], properties: { from: Day, to: Day } },
      feePct: { type: 'string' },
      rentEndorsed: Totals,
      fee: Totals,
    },
  }),
  summarise: (s, meta) => ({
    id: meta.subjectId,
    number: str(s.number),
    kind: str(s.kind),
    warehouse: s.warehouse ? nameOf(s.warehouse) : null,
    period: `${str((s.period as { from?: unknown } | undefined)?.from)} – ${str((s.period as { to?: unknown } | undefined)?.to)}`,
    fee: Array.isArray(s.fee) ? (s.fee as { currency?: unknown; amount?: unknown }[]).map((t) => `${str(t.amount)} ${str(t.currency)}`).join(', ') : '',
    issuer: meta.issuer,
  }),
  describe: (f) => `${str(f.number)} (${str(f.kind)}${f.warehouse ? ` ${str(f.warehouse)}` : ''}) ${str(f.period)}: fee ${str(f.fee)}`,
};
