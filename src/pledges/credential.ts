import type { CredentialProfile } from '../trust/credential-profile.ts';
import { buildCredential, type Credential } from '../trust/vc.ts';
import { E_RECEIPT_KIND, PLEDGE_KINDS, type EReceiptStatus, type PledgeStatus } from './rules.ts';

// The pledge module's signed records as W3C Verifiable Credentials:
// - ElectronicReceiptCredential: the warehouse's statement of the metal an electronic receipt is
//   title to (public; never the holder), with a status-list entry the warehouse sets when the
//   receipt retires (converted to a warrant, or delivered);
// - ElectronicReceiptStatement: each transition of a receipt, signed by the organisation making it;
// - PledgeStatement: each step of a pledge, signed by the party taking it (the pledgor proposes and
//   withdraws, the lender accepts, declines, consents, releases and enforces);
// - PricePublication: one publication of the exchange's official prices.
// Statements name organisations and amounts, so they stay private to the parties (and the
// exchange); the public log holds only their digests, and each carries a random nonce so a digest
// cannot be matched against guessed contents.

export const RECEIPT_TYPE = 'ElectronicReceiptCredential';
export const RECEIPT_STATEMENT_TYPE = 'ElectronicReceiptStatement';
export const PLEDGE_STATEMENT_TYPE = 'PledgeStatement';
export const PRICES_TYPE = 'PricePublication';
export const RECEIPT_SCHEMA = 'assay.e-receipt/1';
export const RECEIPT_STATEMENT_SCHEMA = 'assay.e-receipt-statement/1';
export const PLEDGE_STATEMENT_SCHEMA = 'assay.pledge-statement/1';
export const PRICES_SCHEMA = 'assay.price-publication/1';

/** Log subject types and kinds this module writes. */
export const SUBJECT = {
  receipt: 'e_receipt',
  receiptEvent: 'e_receipt_event',
  pledgeEvent: 'pledge_event',
  prices: 'price_publication',
  terms: 'collateral_terms',
} as const;
export const KIND = { prices: 'prices.published', terms: 'collateral.terms_set' } as const;
export const RECEIPT_EVENT_KINDS = Object.values(E_RECEIPT_KIND);

export const receiptCredentialId = (id: string, version: number): string => `urn:assay:e-receipt:${id}:v${version}`;
export const receiptStatementId = (id: string, version: number): string => `urn:assay:e-receipt-event:${id}:v${version}`;
export const pledgeStatementId = (id: string, version: number): string => `urn:assay:pledge-event:${id}:v${version}`;
export const pricesCredentialId = (id: string): string => `urn:assay:price-publication:${id}:v1`;

function parse(prefix: string) {
  const re = new RegExp(`^urn:assay:${prefix}:([0-9a-f-]{36}):v(\\d+)$`);
  return (id: unknown): { subjectId: string; version: number } | null => {
    const m = typeof id === 'string' ? re.exec(id) : null;
    return m ? { subjectId: m[1]!, version: Number(m[2]) } : null;
  };
}

// ---------------------------------------------------------------- electronic receipts

/** What the warehouse attests about the metal an electronic receipt is title to. */
export interface ReceiptSubject {
  schema: typeof RECEIPT_SCHEMA;
  number: string;
  metal: string;
  brand: { id: string; code: string; name: string };
  shape: string;
  originCountry: string;
  tonnes: string;
  bundles: { pcr: string; bundleRef: string; pieces: number; netKg: string; certificate: { id: string; number: string } | null }[];
  facility: { id: string; name: string };
  location: { code: string; name: string };
  warehouse: { id: string; name: string };
  issuedOn: string;
  /** Whether the lot met every rule for going on warrant when it was reconciled. */
  warrantable: boolean;
  lot: { receipt: string; lotRef: string };
}

export function receiptCredential(p: { id: string; issuerDid: string; issuedAt: string; subject: ReceiptSubject; status: { listUrl: string; index: number } }): Credential {
  return buildCredential({
    id: receiptCredentialId(p.id, 1),
    types: [RECEIPT_TYPE],
    issuer: p.issuerDid,
    validFrom: p.issuedAt,
    subject: { id: `urn:assay:e-receipt-number:${p.subject.number}`, ...p.subject },
    status: { id: `${p.status.listUrl}#${p.status.index}`, statusListIndex: p.status.index, statusListCredential: p.status.listUrl, statusPurpose: 'revocation' },
  });
}

/** The state of a receipt after one transition: what the log commits to, by digest. */
export interface ReceiptRecord {
  eReceiptId: string;
  number: string;
  version: number;
  kind: string;
  status: EReceiptStatus;
  holderOrgId: string;
  credentialDigest: string;
  at: string;
  nonce: string;
  reason?: string;
  previousHolderOrgId?: string;
  /** The warrant a conversion issued. */
  warrant?: { id: string; number: string };
}

export function receiptStatement(p: { id: string; version: number; issuerDid: string; record: ReceiptRecord; recordDigest: string }): Credential {
  return buildCredential({
    id: receiptStatementId(p.id, p.version),
    types: [RECEIPT_STATEMENT_TYPE],
    issuer: p.issuerDid,
    validFrom: p.record.at,
    subject: { id: `urn:assay:e-receipt-number:${p.record.number}`, schema: RECEIPT_STATEMENT_SCHEMA, recordDigest: p.recordDigest, ...p.record },
  });
}

// ---------------------------------------------------------------- pledges

export interface PledgeAssetRef {
  id: string;
  type: 'warrant' | 'e_receipt';
  number: string;
  metal: string;
  tonnes: string;
}

/** The state of a pledge after one step. */
export interface PledgeRecord {
  pledgeId: string;
  number: string;
  version: number;
  kind: string;
  status: PledgeStatus;
  pledgorOrgId: string;
  lenderOrgId: string;
  amount: string;
  currency: string;
  reference: string;
  maturity: string;
  assets: PledgeAssetRef[];
  at: string;
  nonce: string;
  reason?: string;
  /** A consent step: what the lender allowed, once. */
  consent?: { assetId: string; action: string; toOrgId: string | null };
  /** An enforcement: who took title. */
  enforcedToOrgId?: string;
}

export function pledgeStatement(p: { id: string; version: number; issuerDid: string; record: PledgeRecord; recordDigest: string }): Credential {
  return buildCredential({
    id: pledgeStatementId(p.id, p.version),
    types: [PLEDGE_STATEMENT_TYPE],
    issuer: p.issuerDid,
    validFrom: p.record.at,
    subject: { id: `urn:assay:pledge-number:${p.record.number}`, schema: PLEDGE_STATEMENT_SCHEMA, recordDigest: p.recordDigest, ...p.record },
  });
}

// ---------------------------------------------------------------- prices

export interface PriceRow {
  date: string;
  metal: string;
  prompt: string;
  price: string;
  currency: string;
}

export interface PricesSubject {
  schema: typeof PRICES_SCHEMA;
  source: 'api' | 'csv' | 'xlsx';
  prices: PriceRow[];
}

export function pricesCredential(p: { id: string; issuerDid: string; issuedAt: string; subject: PricesSubject }): Credential {
  return buildCredential({
    id: pricesCredentialId(p.id),
    types: [PRICES_TYPE],
    issuer: p.issuerDid,
    validFrom: p.issuedAt,
    subject: { id: `urn:assay:price-publication:${p.id}`, ...p.subject },
  });
}

// ---------------------------------------------------------------- profiles

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const text = { type: 'string', minLength: 1, maxLength: 200 };
const uuid = { type: 'string', format: 'uuid' };
const digest = { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' };
const decimal = { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' };
const schemaUrl = (publicUrl: string, name: string) => `${publicUrl.replace(/\/+$/, '')}/schemas/${name}/v1.json`;

export const RECEIPT_PROFILE: CredentialProfile = {
  type: RECEIPT_TYPE,
  noun: 'electronic receipt',
  idForm: 'urn:assay:e-receipt:<uuid>:v<n>',
  parseId: parse('e-receipt'),
  subjectType: SUBJECT.receipt,
  logKinds: [E_RECEIPT_KIND.issue],
  logKindsText: 'an electronic receipt issue',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaUrl(publicUrl, 'e-receipt-subject'),
    type: 'object',
    required: ['id', 'schema', 'number', 'metal', 'brand', 'shape', 'originCountry', 'tonnes', 'bundles', 'facility', 'location', 'warehouse', 'issuedOn', 'warrantable', 'lot'],
    properties: {
      id: { type: 'string', pattern: '^urn:assay:e-receipt-number:' },
      schema: { const: RECEIPT_SCHEMA },
      number: text,
      metal: { type: 'string', pattern: '^[A-Z]{2}$' },
      brand: { type: 'object', required: ['id', 'code', 'name'], properties: { id: uuid, code: text, name: text } },
      shape: text,
      originCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
      tonnes: decimal,
      bundles: { type: 'array', minItems: 1 },
      facility: { type: 'object', required: ['id', 'name'] },
      location: { type: 'object', required: ['code', 'name'] },
      warehouse: { type: 'object', required: ['id', 'name'] },
      issuedOn: { type: 'string', format: 'date' },
      warrantable: { type: 'boolean' },
    },
  }),
  summarise: (s, meta) => ({
    id: meta.subjectId,
    number: str(s.number),
    metal: str(s.metal),
    brand: str((s.brand as { code?: unknown } | undefined)?.code),
    tonnes: str(s.tonnes),
    location: str((s.location as { name?: unknown } | undefined)?.name),
    issuedOn: str(s.issuedOn),
    issuer: meta.issuer,
  }),
  describe: (r) => `${str(r.number)}: ${str(r.tonnes)} t ${str(r.metal)} (${str(r.brand)}) off warrant at ${str(r.location)}, issued ${str(r.issuedOn)}`,
};

export const RECEIPT_STATEMENT_PROFILE: CredentialProfile = {
  type: RECEIPT_STATEMENT_TYPE,
  noun: 'electronic receipt statement',
  idForm: 'urn:assay:e-receipt-event:<uuid>:v<n>',
  parseId: parse('e-receipt-event'),
  subjectType: SUBJECT.receiptEvent,
  logKinds: RECEIPT_EVENT_KINDS,
  logKindsText: 'an electronic receipt transition',
  withdrawal: 'superseded',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaUrl(publicUrl, 'e-receipt-statement'),
    type: 'object',
    required: ['id', 'schema', 'recordDigest', 'eReceiptId', 'number', 'version', 'kind', 'status', 'holderOrgId', 'credentialDigest', 'at', 'nonce'],
    properties: {
      schema: { const: RECEIPT_STATEMENT_SCHEMA },
      recordDigest: digest,
      eReceiptId: uuid,
      status: { enum: ['active', 'converted', 'delivered_out'] },
      holderOrgId: uuid,
    },
  }),
  summarise: (s, meta) => ({ eReceiptId: meta.subjectId, number: str(s.number), version: meta.version, kind: str(s.kind), status: str(s.status), at: str(s.at), issuer: meta.issuer }),
  describe: (e) => `${str(e.number)} v${String(e.version)}: ${str(e.kind)} → ${str(e.status)} at ${str(e.at)}`,
};

export const PLEDGE_STATEMENT_PROFILE: CredentialProfile = {
  type: PLEDGE_STATEMENT_TYPE,
  noun: 'pledge statement',
  idForm: 'urn:assay:pledge-event:<uuid>:v<n>',
  parseId: parse('pledge-event'),
  subjectType: SUBJECT.pledgeEvent,
  logKinds: PLEDGE_KINDS,
  logKindsText: 'a pledge step',
  withdrawal: 'superseded',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaUrl(publicUrl, 'pledge-statement'),
    type: 'object',
    required: ['id', 'schema', 'recordDigest', 'pledgeId', 'number', 'version', 'kind', 'status', 'pledgorOrgId', 'lenderOrgId', 'amount', 'currency', 'reference', 'maturity', 'assets', 'at', 'nonce'],
    properties: {
      schema: { const: PLEDGE_STATEMENT_SCHEMA },
      recordDigest: digest,
      pledgeId: uuid,
      status: { enum: ['proposed', 'active', 'declined', 'withdrawn', 'released', 'enforced'] },
      pledgorOrgId: uuid,
      lenderOrgId: uuid,
      amount: decimal,
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      maturity: { type: 'string', format: 'date' },
      assets: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', required: ['id', 'type', 'number', 'metal', 'tonnes'], properties: { id: uuid, type: { enum: ['warrant', 'e_receipt'] }, tonnes: decimal } },
      },
    },
  }),
  summarise: (s, meta) => ({
    pledgeId: meta.subjectId,
    number: str(s.number),
    version: meta.version,
    kind: str(s.kind),
    status: str(s.status),
    amount: str(s.amount),
    currency: str(s.currency),
    maturity: str(s.maturity),
    at: str(s.at),
    issuer: meta.issuer,
  }),
  describe: (e) => `${str(e.number)} v${String(e.version)}: ${str(e.kind)} → ${str(e.status)} (${str(e.amount)} ${str(e.currency)}, maturity ${str(e.maturity)}) at ${str(e.at)}`,
};

export const PRICES_PROFILE: CredentialProfile = {
  type: PRICES_TYPE,
  noun: 'price publication',
  idForm: 'urn:assay:price-publication:<uuid>:v1',
  parseId: parse('price-publication'),
  subjectType: SUBJECT.prices,
  logKinds: [KIND.prices],
  logKindsText: 'a publication of official prices',
  withdrawal: 'superseded',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaUrl(publicUrl, 'price-publication'),
    type: 'object',
    required: ['id', 'schema', 'source', 'prices'],
    properties: {
      schema: { const: PRICES_SCHEMA },
      source: { enum: ['api', 'csv', 'xlsx'] },
      prices: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['date', 'metal', 'prompt', 'price', 'currency'],
          properties: { date: { type: 'string', format: 'date' }, metal: { type: 'string', pattern: '^[A-Z]{2}$' }, price: decimal, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
        },
      },
    },
  }),
  summarise: (s, meta) => {
    const prices = Array.isArray(s.prices) ? (s.prices as { date?: unknown }[]) : [];
    const dates = [...new Set(prices.map((p) => str(p.date)))].sort();
    return { publicationId: meta.subjectId, prices: prices.length, from: dates[0] ?? '', to: dates.at(-1) ?? '', issuer: meta.issuer };
  },
  describe: (p) => `${String(p.prices)} official prices ${str(p.from)}${p.to !== p.from ? ` to ${str(p.to)}` : ''}`,
};
