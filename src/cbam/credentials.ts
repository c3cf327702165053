import { REF, subjectSchema } from '../sustainability/credentials.ts';
import type { CredentialProfile } from '../trust/credential-profile.ts';
import type { RegisteredCredential } from '../trust/registry.ts';
import { decodeCredentialJwt } from '../trust/vc.ts';
import { getGrant, getVisibility } from './access-repo.ts';
import {
  GRANT_VERSION,
  KIND,
  parseGrantCredentialId,
  parseGrantRevocationCredentialId,
  parseReportCredentialId,
  parseVisibilityCredentialId,
  SUBJECT,
  VC_TYPE,
} from './records.ts';
import { latestVersionOf } from './report-repo.ts';
import { PERIOD_KINDS, PRODUCTION_ROUTES, VALUE_TYPES, VERIFICATION_STATUSES } from './rules.ts';

// The CBAM credential types as the trust kernel's verifier knows them (POST /api/v1/verify, assay
// verify): reports, publication changes, grants and their revocations. None is revoked through a
// status list: a later version supersedes a report, a later change a publication state, and a
// grant's revocation (its version 2) the grant.

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

const DEC = { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' } as const;
const NULLABLE_DEC = { anyOf: [DEC, { type: 'null' }] } as const;
const DATE = { type: 'string', format: 'date' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const UUID = { type: 'string', format: 'uuid' } as const;
const TEXT = { type: 'string' } as const;
const NULLABLE_TEXT = { type: ['string', 'null'] } as const;

export const REPORT_PROFILE: CredentialProfile = {
  type: VC_TYPE.report,
  noun: 'CBAM report',
  idForm: 'urn:assay:cbam-report:<uuid>:v<n>',
  parseId: parseReportCredentialId,
  subjectType: SUBJECT.report,
  logKinds: [KIND.report],
  withdrawal: 'superseded',
  subjectSchema: subjectSchema('cbam-report-subject', "A producer's CBAM embedded-emissions report for a brand and period", 'assay.cbam-report/1', {
    reportId: UUID,
    brand: REF(['id', 'code']),
    producer: REF(['id', 'name']),
    version: { type: 'integer', minimum: 1 },
    figures: {
      type: 'object',
      required: [
        'periodKind',
        'periodStart',
        'periodEnd',
        'installation',
        'installationCountry',
        'productionRoute',
        'cnCode',
        'directEmissions',
        'indirectEmissions',
        'electricityConsumption',
        'electricityEmissionFactor',
        'valueType',
        'methodology',
        'verificationStatus',
      ],
      properties: {
        periodKind: { enum: [...PERIOD_KINDS] },
        periodStart: DATE,
        periodEnd: DATE,
        installation: TEXT,
        installationCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
        productionRoute: { enum: [...PRODUCTION_ROUTES] },
        cnCode: { type: 'string', pattern: '^[0-9]{4}([0-9]{2}){0,2}$' },
        directEmissions: DEC,
        indirectEmissions: DEC,
        electricityConsumption: DEC,
        electricityEmissionFactor: DEC,
        valueType: { enum: [...VALUE_TYPES] },
        methodology: TEXT,
        verifier: NULLABLE_TEXT,
        verificationStatus: { enum: [...VERIFICATION_STATUSES] },
        carbonPricePaid: NULLABLE_DEC,
        carbonPriceCurrency: { anyOf: [{ type: 'string', pattern: '^[A-Z]{3}$' }, { type: 'null' }] },
      },
    },
    units: { type: 'object' },
    submittedAt: DATE_TIME,
  }),
  summarise: (s, meta) => {
    const f = obj(s.figures);
    return {
      reportId: meta.subjectId,
      version: meta.version,
      brand: str(obj(s.brand).code),
      producer: str(obj(s.producer).name),
      periodKind: str(f.periodKind),
      periodStart: str(f.periodStart),
      periodEnd: str(f.periodEnd),
      directEmissions: str(f.directEmissions),
      indirectEmissions: str(f.indirectEmissions),
      verificationStatus: str(f.verificationStatus),
      issuer: meta.issuer,
      submittedAt: str(s.submittedAt),
    };
  },
  describe: (x) =>
    `${str(x.brand)} ${str(x.periodKind)} ${str(x.periodStart)}–${str(x.periodEnd)} v${String(x.version)}: direct ${str(x.directEmissions)}, indirect ${str(x.indirectEmissions)} tCO2e/t, submitted ${str(x.submittedAt)}`,
};

export const VISIBILITY_PROFILE: CredentialProfile = {
  type: VC_TYPE.visibility,
  noun: 'CBAM publication change',
  idForm: 'urn:assay:cbam-visibility:<brand uuid>:v<n>',
  parseId: parseVisibilityCredentialId,
  subjectType: SUBJECT.visibility,
  logKinds: [KIND.visibility],
  withdrawal: 'superseded',
  subjectSchema: subjectSchema('cbam-visibility-subject', "A producer's publication (or withdrawal to private) of a brand's CBAM data", 'assay.cbam-visibility/1', {
    brand: REF(['id', 'code']),
    published: { type: 'boolean' },
    changedAt: DATE_TIME,
  }),
  summarise: (s, meta) => ({ brandId: meta.subjectId, version: meta.version, brand: str(obj(s.brand).code), published: s.published === true, issuer: meta.issuer, changedAt: str(s.changedAt) }),
  describe: (x) => `${str(x.brand)}: CBAM data ${x.published ? 'published' : 'made private'} ${str(x.changedAt)} (change ${String(x.version)})`,
};

const GRANT_SUBJECT = {
  grantId: UUID,
  brand: REF(['id', 'code']),
};

export const GRANT_PROFILE: CredentialProfile = {
  type: VC_TYPE.grant,
  noun: 'CBAM grant',
  idForm: 'urn:assay:cbam-grant:<uuid>',
  parseId: parseGrantCredentialId,
  subjectType: SUBJECT.grant,
  logKinds: [KIND.grantCreated],
  withdrawal: 'superseded',
  subjectSchema: subjectSchema('cbam-grant-subject', "A grant of a brand's CBAM data to one organisation", 'assay.cbam-grant/1', {
    ...GRANT_SUBJECT,
    grantee: REF(['id', 'name']),
    grantedBy: UUID,
    reason: TEXT,
    grantedAt: DATE_TIME,
  }),
  summarise: (s, meta) => ({ grantId: meta.subjectId, brand: str(obj(s.brand).code), grantee: str(obj(s.grantee).name), grantedBy: str(s.grantedBy), issuer: meta.issuer, grantedAt: str(s.grantedAt) }),
  describe: (x) => `${str(x.brand)}: CBAM data granted to ${str(x.grantee)}, ${str(x.grantedAt)}`,
};

export const GRANT_REVOCATION_PROFILE: CredentialProfile = {
  type: VC_TYPE.grantRevocation,
  noun: 'CBAM grant revocation',
  idForm: 'urn:assay:cbam-grant:<uuid>:revocation',
  parseId: parseGrantRevocationCredentialId,
  subjectType: SUBJECT.grant,
  logKinds: [KIND.grantRevoked],
  withdrawal: 'superseded',
  subjectSchema: subjectSchema('cbam-grant-revocation-subject', "The revocation of a grant of a brand's CBAM data", 'assay.cbam-grant-revocation/1', {
    ...GRANT_SUBJECT,
    grantee: UUID,
    revokedBy: UUID,
    reason: TEXT,
    revokedAt: DATE_TIME,
  }),
  summarise: (s, meta) => ({ grantId: meta.subjectId, brand: str(obj(s.brand).code), grantee: str(s.grantee), revokedBy: str(s.revokedBy), issuer: meta.issuer, revokedAt: str(s.revokedAt) }),
  describe: (x) => `${str(x.brand)}: CBAM grant ${str(x.grantId)} revoked ${str(x.revokedAt)}`,
};

/** A grant is version 1 while active and version 2 once revoked. */
const grantVersion: RegisteredCredential['currentVersion'] = async (db, id) => {
  const g = await getGrant(db, id);
  return g ? (g.revoked_at ? GRANT_VERSION.revoked : GRANT_VERSION.created) : undefined;
};

export const cbamCredentials: RegisteredCredential[] = [
  // The latest version of the same brand and period supersedes a report.
  { profile: REPORT_PROFILE, currentVersion: (db, id) => latestVersionOf(db, id) },
  {
    profile: VISIBILITY_PROFILE,
    async currentVersion(db, brandId) {
      const v = await getVisibility(db, brandId);
      return v ? parseVisibilityCredentialId(decodeCredentialJwt(v.credential).credential.id)?.version : undefined;
    },
  },
  { profile: GRANT_PROFILE, currentVersion: grantVersion },
  { profile: GRANT_REVOCATION_PROFILE, currentVersion: grantVersion },
];
