import type { CredentialProfile } from '../trust/credential-profile.ts';
import { buildCredential, type Credential } from '../trust/vc.ts';

// The two signed records of the reports module, as W3C Verifiable Credentials:
// - MarketReportCredential: the exchange's published report of a day (or month). Its subject
//   carries the report itself and the digest of its canonical bytes, so the credential alone
//   proves what was published, and a re-generation proves the figure came from the history.
// - OffWarrantStockDeclaration: a warehouse's statement of the off-warrant metal it stores at a
//   location that is not recorded as receipts, for a month.
// Neither is revoked in place: a report is never re-published, a declaration is superseded.

export const REPORT_TYPE = 'MarketReportCredential';
export const REPORT_CREDENTIAL_SCHEMA = 'assay.market-report-credential/1';
export const DECLARATION_TYPE = 'OffWarrantStockDeclaration';
export const DECLARATION_SCHEMA = 'assay.off-warrant-declaration/1';

export const REPORT_LOG_KIND = 'market_report.published';
export const REPORT_SUBJECT = 'market_report';
export const DECLARATION_LOG_KIND = 'off_warrant.declared';
export const DECLARATION_SUBJECT = 'off_warrant_declaration';

export const reportCredentialId = (id: string): string => `urn:assay:market-report:${id}:v1`;
export const declarationCredentialId = (id: string): string => `urn:assay:off-warrant-declaration:${id}:v1`;

function parse(prefix: string) {
  const re = new RegExp(`^urn:assay:${prefix}:([0-9a-f-]{36}):v(\\d+)$`);
  return (id: unknown): { subjectId: string; version: number } | null => {
    const m = typeof id === 'string' ? re.exec(id) : null;
    return m ? { subjectId: m[1]!, version: Number(m[2]) } : null;
  };
}

export interface ReportSubject {
  schema: typeof REPORT_CREDENTIAL_SCHEMA;
  kind: string;
  period: string;
  asOf: string;
  /** sha256 of the report's RFC 8785 canonical bytes, as stored and served. */
  documentDigest: string;
  report: Record<string, unknown>;
}

export function reportCredential(p: { id: string; issuerDid: string; publishedAt: string; subject: ReportSubject }): Credential {
  return buildCredential({
    id: reportCredentialId(p.id),
    types: [REPORT_TYPE],
    issuer: p.issuerDid,
    validFrom: p.publishedAt,
    subject: { id: `urn:assay:market-report:${p.subject.kind}:${p.subject.period}`, ...p.subject },
  });
}

export interface DeclarationSubject {
  schema: typeof DECLARATION_SCHEMA;
  declarationId: string;
  warehouse: { id: string };
  location: string;
  metal: string;
  month: string;
  tonnes: string;
  note: string | null;
  declaredAt: string;
}

export function declarationCredential(p: { id: string; issuerDid: string; subject: DeclarationSubject }): Credential {
  return buildCredential({
    id: declarationCredentialId(p.id),
    types: [DECLARATION_TYPE],
    issuer: p.issuerDid,
    validFrom: p.subject.declaredAt,
    subject: { id: `urn:assay:off-warrant-declaration:${p.id}`, ...p.subject },
  });
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const DIGEST = { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' };
const DATE = { type: 'string', format: 'date' };

export const REPORT_PROFILE: CredentialProfile = {
  type: REPORT_TYPE,
  noun: 'market report',
  idForm: 'urn:assay:market-report:<uuid>:v1',
  parseId: parse('market-report'),
  subjectType: REPORT_SUBJECT,
  logKinds: [REPORT_LOG_KIND],
  logKindsText: 'a market report publication',
  withdrawal: 'superseded',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${publicUrl.replace(/\/+$/, '')}/schemas/market-report-subject/v1.json`,
    title: "The exchange's published market report of a business day or month",
    type: 'object',
    required: ['id', 'schema', 'kind', 'period', 'asOf', 'documentDigest', 'report'],
    properties: {
      id: { type: 'string', pattern: '^urn:assay:market-report:' },
      schema: { const: REPORT_CREDENTIAL_SCHEMA },
      kind: { enum: ['stock', 'banding', 'queue', 'off_warrant'] },
      period: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$' },
      asOf: DATE,
      documentDigest: DIGEST,
      report: { type: 'object', required: ['schema', 'kind', 'period'] },
    },
  }),
  summarise: (s, meta) => ({ id: meta.subjectId, kind: str(s.kind), period: str(s.period), asOf: str(s.asOf), documentDigest: str(s.documentDigest), issuer: meta.issuer }),
  describe: (r) => `${str(r.kind)} report for ${str(r.period)} (as of ${str(r.asOf)}), document ${str(r.documentDigest)}`,
};

export const DECLARATION_PROFILE: CredentialProfile = {
  type: DECLARATION_TYPE,
  noun: 'off-warrant stock declaration',
  idForm: 'urn:assay:off-warrant-declaration:<uuid>:v1',
  parseId: parse('off-warrant-declaration'),
  subjectType: DECLARATION_SUBJECT,
  logKinds: [DECLARATION_LOG_KIND],
  logKindsText: 'an off-warrant stock declaration',
  withdrawal: 'superseded',
  subjectSchema: (publicUrl) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${publicUrl.replace(/\/+$/, '')}/schemas/off-warrant-declaration-subject/v1.json`,
    title: "A warehouse's declaration of off-warrant metal not recorded as receipts, for a month",
    type: 'object',
    required: ['id', 'schema', 'declarationId', 'warehouse', 'location', 'metal', 'month', 'tonnes', 'declaredAt'],
    properties: {
      schema: { const: DECLARATION_SCHEMA },
      declarationId: { type: 'string', format: 'uuid' },
      warehouse: { type: 'object', required: ['id'] },
      location: { type: 'string', pattern: '^[A-Z][A-Z0-9]{1,19}$' },
      metal: { type: 'string', pattern: '^[A-Z]{2}$' },
      month: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
      tonnes: { type: 'string', pattern: '^[0-9]+(\\.[0-9]{1,3})?$' },
      declaredAt: { type: 'string', format: 'date-time' },
    },
  }),
  summarise: (s, meta) => ({
    id: meta.subjectId,
    location: str(s.location),
    metal: str(s.metal),
    month: str(s.month),
    tonnes: str(s.tonnes),
    issuer: meta.issuer,
  }),
  describe: (d) => `${str(d.tonnes)} t ${str(d.metal)} off warrant at ${str(d.location)} in ${str(d.month)}`,
};
