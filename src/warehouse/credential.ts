import { buildCredential, type Credential } from '../trust/vc.ts';
import type { CredentialProfile } from '../trust/credential-profile.ts';

// A warrant as W3C Verifiable Credentials. The WarrantCredential is the warehouse's statement of
// the metal (number, metal, brand, shape, origin, tonnage, bundles with their eCOAs, where it
// lies, when it was warranted, the rent rate in force): public, and never naming the holder. Each
// transition (issue, transfer, cancellation, re-warranting, load-out, correction) is a
// WarrantStatement signed by the organisation that made it; statements name holders, so they are
// kept private (holder, warehouse, exchange) and the public log holds only their digests.

export const WARRANT_TYPE = 'WarrantCredential';
export const STATEMENT_TYPE = 'WarrantStatement';
export const WARRANT_SCHEMA = 'assay.warrant/1';
export const STATEMENT_SCHEMA = 'assay.warrant-statement/1';

export const warrantCredentialId = (warrantId: string, version: number): string => `urn:assay:warrant:${warrantId}:v${version}`;
export const statementId = (warrantId: string, version: number): string => `urn:assay:warrant-event:${warrantId}:v${version}`;

function parse(prefix: string) {
  const re = new RegExp(`^urn:assay:${prefix}:([0-9a-f-]{36}):v(\\d+)$`);
  return (id: unknown): { subjectId: string; version: number } | null => {
    const m = typeof id === 'string' ? re.exec(id) : null;
    return m ? { subjectId: m[1]!, version: Number(m[2]) } : null;
  };
}

/** What the warehouse attests about the metal a warrant is title to. */
export interface WarrantSubject {
  schema: typeof WARRANT_SCHEMA;
  number: string;
  metal: string;
  brand: { id: string; code: string; name: string };
  shape: string;
  originCountry: string;
  tonnes: string;
  bundles: { pcr: string; bundleRef: string; pieces: number; netKg: string; certificate: { id: string; number: string } }[];
  facility: { id: string; name: string };
  location: { code: string; name: string };
  warehouse: { id: string; name: string };
  warrantedOn: string;
  rent: { usdPerTonneDay: string; basis: 'cap' | 'tariff' } | null;
  lot: { receipt: string; lotRef: string };
}

export function warrantCredential(p: {
  warrantId: string;
  version: number;
  issuerDid: string;
  issuedAt: string;
  subject: WarrantSubject;
  status: { listUrl: string; index: number };
}): Credential {
  return buildCredential({
    id: warrantCredentialId(p.warrantId, p.version),
    types: [WARRANT_TYPE],
    issuer: p.issuerDid,
    validFrom: p.issuedAt,
    subject: { id: `urn:assay:warrant-number:${p.subject.number}`, ...p.subject },
    status: { id: `${p.status.listUrl}#${p.status.index}`, statusListIndex: p.status.index, statusListCredential: p.status.listUrl, statusPurpose: 'revocation' },
  });
}

/** The state a warrant is in after one of its transitions: what the log commits to, by digest. */
export interface WarrantRecord {
  warrantId: string;
  number: string;
  version: number;
  kind: string;
  status: 'live' | 'cancelled' | 'delivered_out';
  holderOrgId: string;
  /** Digest of the WarrantCredential in force (changes only with a correction). */
  credentialDigest: string;
  at: string;
  /** Random, so the digest in the public log cannot be matched against guessed holders. */
  nonce: string;
  reason?: string;
  previousHolderOrgId?: string;
}

export function warrantStatement(p: { warrantId: string; version: number; issuerDid: string; record: WarrantRecord; recordDigest: string }): Credential {
  return buildCredential({
    id: statementId(p.warrantId, p.version),
    types: [STATEMENT_TYPE],
    issuer: p.issuerDid,
    validFrom: p.record.at,
    subject: { id: `urn:assay:warrant-number:${p.record.number}`, schema: STATEMENT_SCHEMA, recordDigest: p.recordDigest, ...p.record },
  });
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const text = { type: 'string', minLength: 1, maxLength: 200 };
const uuid = { type: 'string', format: 'uuid' };

export const WARRANT_PROFILE: CredentialProfile = {
  type: WARRANT_TYPE,
  noun: 'warrant',
  idForm: 'urn:assay:warrant:<uuid>:v<n>',
  parseId: parse('warrant'),
  subjectType: 'warrant',
  logKinds: ['warrant.issued', 'warrant.corrected'],
  logKindsText: 'a warrant issue or correction',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${publicUrl.replace(/\/+$/, '')}/schemas/warrant-subject/v1.json`,
    type: 'object',
    required: ['id', 'schema', 'number', 'metal', 'brand', 'shape', 'originCountry', 'tonnes', 'bundles', 'facility', 'location', 'warehouse', 'warrantedOn'],
    properties: {
      id: { type: 'string', pattern: '^urn:assay:warrant-number:' },
      schema: { const: WARRANT_SCHEMA },
      number: text,
      metal: { type: 'string', pattern: '^[A-Z]{2}$' },
      brand: { type: 'object', required: ['id', 'code', 'name'], properties: { id: uuid, code: text, name: text } },
      shape: text,
      originCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
      tonnes: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' },
      bundles: { type: 'array', minItems: 1 },
      facility: { type: 'object', required: ['id', 'name'] },
      location: { type: 'object', required: ['code', 'name'] },
      warehouse: { type: 'object', required: ['id', 'name'] },
      warrantedOn: { type: 'string', format: 'date' },
    },
  }),
  summarise: (s, meta) => ({
    id: meta.subjectId,
    number: str(s.number),
    version: meta.version,
    metal: str(s.metal),
    brand: str((s.brand as { code?: unknown } | undefined)?.code),
    tonnes: str(s.tonnes),
    location: str((s.location as { name?: unknown } | undefined)?.name),
    warrantedOn: str(s.warrantedOn),
    issuer: meta.issuer,
  }),
  describe: (w) => `${str(w.number)}: ${str(w.tonnes)} t ${str(w.metal)} (${str(w.brand)}) at ${str(w.location)}, warranted ${str(w.warrantedOn)}`,
};

export const EVENT_KINDS = ['warrant.issued', 'warrant.transferred', 'warrant.cancelled', 'warrant.rewarranted', 'warrant.loaded_out', 'warrant.corrected'] as const;

export const STATEMENT_PROFILE: CredentialProfile = {
  type: STATEMENT_TYPE,
  noun: 'warrant statement',
  idForm: 'urn:assay:warrant-event:<uuid>:v<n>',
  parseId: parse('warrant-event'),
  subjectType: 'warrant_event',
  logKinds: EVENT_KINDS,
  logKindsText: 'a warrant transition',
  withdrawal: 'superseded',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${publicUrl.replace(/\/+$/, '')}/schemas/warrant-statement/v1.json`,
    type: 'object',
    required: ['id', 'schema', 'recordDigest', 'warrantId', 'number', 'version', 'kind', 'status', 'holderOrgId', 'credentialDigest', 'at', 'nonce'],
    properties: {
      schema: { const: STATEMENT_SCHEMA },
      recordDigest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
      warrantId: uuid,
      status: { enum: ['live', 'cancelled', 'delivered_out'] },
      holderOrgId: uuid,
    },
  }),
  summarise: (s, meta) => ({
    warrantId: meta.subjectId,
    number: str(s.number),
    version: meta.version,
    kind: str(s.kind),
    status: str(s.status),
    at: str(s.at),
    issuer: meta.issuer,
  }),
  describe: (e) => `${str(e.number)} v${String(e.version)}: ${str(e.kind)} → ${str(e.status)} at ${str(e.at)}`,
};
