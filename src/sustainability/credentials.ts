import type { CredentialProfile } from '../trust/credential-profile.ts';
import type { RegisteredCredential } from '../trust/registry.ts';
import { attestationExists, disclosureExists } from './disclosure-repo.ts';
import {
  KIND,
  parseAttestationCredentialId,
  parseDisclosureCredentialId,
  parseRulingCredentialId,
  parseTrackCredentialId,
  SUBJECT,
  VC_TYPE,
} from './records.ts';
import { countCompliance, trackExists } from './sourcing-repo.ts';

// The sustainability credential types as the trust kernel's verifier knows them (POST
// /api/v1/verify, assay verify): their ids, log entries, subject schemas and summaries. These
// statements are never revoked in place; a later record supersedes them.

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

const UUID = { type: 'string', format: 'uuid' } as const;
const TEXT = { type: 'string' } as const;
const DATE = { type: 'string', format: 'date' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const NULLABLE_TEXT = { type: ['string', 'null'] } as const;
const NULLABLE_DATE = { anyOf: [DATE, { type: 'null' }] } as const;
export const REF = (required: readonly string[]) => ({ type: 'object', required, properties: Object.fromEntries(required.map((k) => [k, TEXT])) });

/**
 * A credentialSubject schema stating the members every such subject has, with `$id`
 * `<publicUrl>/schemas/<name>/v1.json`. Further members are allowed: the signed content is the
 * record, and the audit compares it with the database member by member.
 */
export function subjectSchema(name: string, title: string, schemaTag: string, properties: Record<string, object>) {
  const cache = new Map<string, object>();
  return (publicUrl: string): object => {
    let s = cache.get(publicUrl);
    if (!s) {
      s = {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `${publicUrl.replace(/\/+$/, '')}/schemas/${name}/v1.json`,
        title,
        type: 'object',
        required: ['id', 'schema', ...Object.keys(properties)],
        properties: { id: { type: 'string', minLength: 1 }, schema: { const: schemaTag }, ...properties },
        additionalProperties: true,
      };
      cache.set(publicUrl, s);
    }
    return s;
  };
}

export const TRACK_PROFILE: CredentialProfile = {
  type: VC_TYPE.track,
  noun: 'sourcing track',
  idForm: 'urn:assay:sourcing-track:<uuid>',
  parseId: parseTrackCredentialId,
  subjectType: SUBJECT.track,
  logKinds: [KIND.track],
  withdrawal: 'superseded',
  subjectSchema: subjectSchema('sourcing-track-subject', 'A responsible-sourcing track recorded by a producer for a brand', 'assay.sourcing-track/1', {
    trackId: UUID,
    brand: REF(['id', 'code', 'metal']),
    producer: REF(['id', 'name']),
    track: { enum: ['A', 'B', 'C', 'D'] },
    effectiveFrom: DATE,
    standardCode: NULLABLE_TEXT,
    evidence: { type: 'array', items: REF(['id', 'filename', 'sha256']) },
    restricted: { type: 'boolean' },
    recordedAt: DATE_TIME,
  }),
  summarise: (s, meta) => ({
    trackId: meta.subjectId,
    brand: str(obj(s.brand).code),
    producer: str(obj(s.producer).name),
    track: str(s.track),
    effectiveFrom: str(s.effectiveFrom),
    standardCode: s.standardCode ?? null,
    issuer: meta.issuer,
    recordedAt: str(s.recordedAt),
  }),
  describe: (x) => `${str(x.brand)}: responsible-sourcing track ${str(x.track)} from ${str(x.effectiveFrom)}, recorded ${str(x.recordedAt)}`,
};

export const RULING_PROFILE: CredentialProfile = {
  type: VC_TYPE.ruling,
  noun: 'sourcing ruling',
  idForm: 'urn:assay:sourcing-compliance:<brand uuid>:v<n>',
  parseId: parseRulingCredentialId,
  subjectType: SUBJECT.ruling,
  logKinds: [KIND.ruling],
  withdrawal: 'superseded',
  subjectSchema: subjectSchema('sourcing-ruling-subject', "The exchange's responsible-sourcing compliance ruling on a brand", 'assay.sourcing-compliance/1', {
    brand: REF(['id', 'code']),
    status: { enum: ['compliant', 'non_compliant'] },
    reason: TEXT,
    effectiveDate: DATE,
    version: { type: 'integer', minimum: 1 },
    recordedAt: DATE_TIME,
  }),
  summarise: (s, meta) => ({
    brandId: meta.subjectId,
    brand: str(obj(s.brand).code),
    version: meta.version,
    status: str(s.status),
    effectiveDate: str(s.effectiveDate),
    reason: str(s.reason),
    issuer: meta.issuer,
    recordedAt: str(s.recordedAt),
  }),
  describe: (x) => `${str(x.brand)}: ${str(x.status)} from ${str(x.effectiveDate)} (ruling ${String(x.version)})`,
};

export const DISCLOSURE_PROFILE: CredentialProfile = {
  type: VC_TYPE.disclosure,
  noun: 'disclosure',
  idForm: 'urn:assay:disclosure:<uuid>',
  parseId: parseDisclosureCredentialId,
  subjectType: SUBJECT.disclosure,
  logKinds: [KIND.disclosure],
  withdrawal: 'superseded',
  subjectSchema: subjectSchema('disclosure-subject', 'A sustainability disclosure (certification, metric or target) filed by a producer', 'assay.disclosure/1', {
    disclosureId: UUID,
    organisation: REF(['id', 'name']),
    level: { enum: ['company', 'asset', 'brand'] },
    brand: { anyOf: [REF(['id', 'code']), { type: 'null' }] },
    asset: NULLABLE_TEXT,
    topic: TEXT,
    kind: { enum: ['certification', 'metric', 'target'] },
    title: TEXT,
    standardCode: NULLABLE_TEXT,
    value: { anyOf: [{ type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' }, { type: 'null' }] },
    unit: NULLABLE_TEXT,
    periodStart: NULLABLE_DATE,
    periodEnd: NULLABLE_DATE,
    validFrom: NULLABLE_DATE,
    validUntil: NULLABLE_DATE,
    evidence: { type: 'array', items: REF(['id', 'filename', 'sha256']) },
    restricted: { type: 'boolean' },
    auditorOrgId: { anyOf: [UUID, { type: 'null' }] },
    filedAt: DATE_TIME,
  }),
  summarise: (s, meta) => ({
    disclosureId: meta.subjectId,
    organisation: str(obj(s.organisation).name),
    level: str(s.level),
    brand: s.brand ? str(obj(s.brand).code) : null,
    topic: str(s.topic),
    kind: str(s.kind),
    title: str(s.title),
    standardCode: s.standardCode ?? null,
    value: s.value ?? null,
    unit: s.unit ?? null,
    issuer: meta.issuer,
    filedAt: str(s.filedAt),
  }),
  describe: (x) => `${str(x.organisation)}: ${str(x.kind)} "${str(x.title)}" (${str(x.topic)}), filed ${str(x.filedAt)}`,
};

export const ATTESTATION_PROFILE: CredentialProfile = {
  type: VC_TYPE.attestation,
  noun: 'attestation',
  idForm: 'urn:assay:attestation:<uuid>',
  parseId: parseAttestationCredentialId,
  subjectType: SUBJECT.attestation,
  logKinds: [KIND.attestation],
  withdrawal: 'superseded',
  subjectSchema: subjectSchema('attestation-subject', "An auditor organisation's attestation of a disclosure's canonical digest", 'assay.attestation/1', {
    attestationId: UUID,
    disclosureDigest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    disclosureCredentialDigest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    statement: TEXT,
    auditor: REF(['id', 'name']),
    attestedAt: DATE_TIME,
  }),
  summarise: (s, meta) => ({
    attestationId: meta.subjectId,
    disclosure: str(s.id).replace(/^urn:assay:disclosure:/, ''),
    auditor: str(obj(s.auditor).name),
    statement: str(s.statement),
    disclosureDigest: str(s.disclosureDigest),
    issuer: meta.issuer,
    attestedAt: str(s.attestedAt),
  }),
  describe: (x) => `${str(x.auditor)} attests disclosure ${str(x.disclosure)} (${str(x.disclosureDigest)}), ${str(x.attestedAt)}`,
};

/** Records filed once are version 1 while they exist. */
const once = (exists: (q: Parameters<NonNullable<RegisteredCredential['currentVersion']>>[0], id: string) => Promise<boolean>): RegisteredCredential['currentVersion'] =>
  async (db, id) => ((await exists(db, id)) ? 1 : undefined);

export const sustainabilityCredentials: RegisteredCredential[] = [
  { profile: TRACK_PROFILE, currentVersion: once(trackExists) },
  {
    profile: RULING_PROFILE,
    // The brand's latest ruling: an earlier one is superseded.
    async currentVersion(db, brandId) {
      const n = await countCompliance(db, brandId);
      return n > 0 ? n : undefined;
    },
  },
  { profile: DISCLOSURE_PROFILE, currentVersion: once(disclosureExists) },
  { profile: ATTESTATION_PROFILE, currentVersion: once(attestationExists) },
];
