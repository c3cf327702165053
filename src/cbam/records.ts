// How the CBAM records appear in the transparency log and in their credentials: the log subject
// types and kinds, the VC types and credential ids. The services write with these and trust.ts
// recomputes them from the database. Pure.

/** Log subject types. Publication is a record of its own about the brand (subject id: the brand). */
export const SUBJECT = { report: 'cbam_report', visibility: 'cbam_visibility', grant: 'cbam_grant' } as const;

export const KIND = {
  report: 'cbam.submitted',
  visibility: 'cbam.visibility_changed',
  grantCreated: 'cbam.grant_created',
  grantRevoked: 'cbam.grant_revoked',
} as const;

/**
 * Before publication had a subject type of its own it was logged under the brand (subject type
 * `brand`, this kind, no version); databases of that time still hold such entries.
 */
export const LEGACY_VISIBILITY = { subjectType: 'brand', kind: KIND.visibility } as const;

/** A grant's log versions: 1 when granted, 2 when revoked. */
export const GRANT_VERSION = { created: 1, revoked: 2 } as const;

/** Credential types (after VerifiableCredential). */
export const VC_TYPE = {
  report: 'CbamEmissionsReport',
  visibility: 'CbamVisibility',
  grant: 'CbamAccessGrant',
  grantRevocation: 'CbamAccessGrantRevocation',
} as const;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const VERSION = '[1-9][0-9]{0,8}';

export type IdParser = (id: unknown) => { subjectId: string; version: number } | null;
const match = (re: RegExp, id: unknown) => (typeof id === 'string' ? re.exec(id) : null);

/** Each submitted version of a report is a row of its own; its credential id names the row and the version. */
export const reportCredentialId = (reportId: string, version: number): string => `urn:assay:cbam-report:${reportId}:v${version}`;
/**
 * Reports submitted before the id carried the version are `urn:assay:cbam-report:<uuid>`: read as
 * version 1 (a later version of such a report does not pass the format check; its figures and
 * signature are still audited).
 */
export const parseReportCredentialId: IdParser = (id) => {
  const m = match(new RegExp(`^urn:assay:cbam-report:(${UUID})(?::v(${VERSION}))?$`), id);
  return m ? { subjectId: m[1]!, version: m[2] ? Number(m[2]) : 1 } : null;
};

/** The n-th publication change of a brand. */
export const visibilityCredentialId = (brandId: string, version: number): string => `urn:assay:cbam-visibility:${brandId}:v${version}`;
/** The version a visibility credential id names; null for the timestamped ids of legacy entries, which carry none. */
export const parseVisibilityCredentialId: IdParser = (id) => {
  const m = match(new RegExp(`^urn:assay:cbam-visibility:(${UUID}):v(${VERSION})$`), id);
  return m ? { subjectId: m[1]!, version: Number(m[2]) } : null;
};

export const grantCredentialId = (grantId: string): string => `urn:assay:cbam-grant:${grantId}`;
export const grantRevocationCredentialId = (grantId: string): string => `urn:assay:cbam-grant:${grantId}:revocation`;
export const parseGrantCredentialId: IdParser = (id) => {
  const m = match(new RegExp(`^urn:assay:cbam-grant:(${UUID})$`), id);
  return m ? { subjectId: m[1]!, version: GRANT_VERSION.created } : null;
};
export const parseGrantRevocationCredentialId: IdParser = (id) => {
  const m = match(new RegExp(`^urn:assay:cbam-grant:(${UUID}):revocation$`), id);
  return m ? { subjectId: m[1]!, version: GRANT_VERSION.revoked } : null;
};

/** The units every report's figures are in (part of the signed content). */
export const REPORT_UNITS = { emissions: 'tCO2e/t', electricityConsumption: 'MWh/t', electricityEmissionFactor: 'tCO2e/MWh', carbonPricePaid: 'per tCO2e' } as const;
