import { findBrands } from '../brands/lookup.ts';
import type { AppContext } from '../platform/context.ts';
import { digestOf } from '../trust/canonical.ts';
import type { AuditCheck, AuditReporter, LoggedEntry, TrustRegistry } from '../trust/registry.ts';
import { digestBytes } from '../trust/trust.ts';
import {
  checkContent,
  checkCredentialId,
  checkLogged,
  checksWithLegacy,
  compareFields,
  credentialDigest,
  openCredential,
} from './audit-support.ts';
import { sustainabilityCredentials } from './credentials.ts';
import { allAttestations, allDisclosures } from './disclosure-repo.ts';
import { evidenceAfter } from './evidence-repo.ts';
import {
  attestationCredentialId,
  disclosureCredentialId,
  evidenceRecord,
  fileDigest,
  KIND,
  LEGACY_RULING,
  rulingCredentialId,
  SUBJECT,
  trackCredentialId,
  VC_TYPE,
} from './records.ts';
import { referenceRecords } from './reference-repo.ts';
import { allCompliance, allTracks, ruledBrandIds, type ComplianceRow } from './sourcing-repo.ts';

// What sustainability registers with the trust kernel: its credential types (credentials.ts) and
// one audit check per logged subject type, each recomputing from the database what the log
// committed to and naming every record that differs. Signed rows are checked three ways: the
// stored credential is what the log entry committed to, the stored content is the credential's
// subject, and every column a user could edit (values, units, dates, status, flags) agrees with it.

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const ids = (v: unknown): unknown => (Array.isArray(v) ? v.map((e) => obj(e).id) : v);

async function brandCodes(ctx: AppContext): Promise<(id: string) => string> {
  const codes = new Map((await findBrands(ctx.db, {})).map((b) => [b.id, b.code]));
  return (id) => codes.get(id) ?? id;
}

/** Reference rows the exchange edited: each as its last logged state. Rows loaded from the reference file and never edited are not logged. */
export const referenceCheck: AuditCheck = {
  subjectType: SUBJECT.reference,
  kinds: [KIND.reference],
  noun: 'sustainability reference',
  async run(ctx, logged, r) {
    const records = await referenceRecords(ctx.db);
    let checked = 0;
    for (const [id, entries] of logged) {
      const record = records.get(id);
      if (!record) continue; // named by the runner as deleted
      checked++;
      if (entries.at(-1)!.digest !== digestOf(record)) {
        r.find('reference_changed', `sustainability reference ${id}`, `Sustainability reference ${id} differs from its last logged state`);
      }
    }
    return { checked, present: new Set(records.keys()) };
  },
};

const EVIDENCE_CHUNK = 1000;

/** Each file's bytes still hash to its SHA-256, and its record (uploader, name, media type, size, hash) is what was logged. */
export const evidenceCheck: AuditCheck = {
  subjectType: SUBJECT.evidence,
  kinds: [KIND.evidence],
  noun: 'evidence file',
  async run(ctx, logged, r) {
    const present = new Set<string>();
    for (let after: string | null = null; ; ) {
      const rows = await evidenceAfter(ctx.db, after, EVIDENCE_CHUNK);
      if (rows.length === 0) break;
      for (const f of rows) {
        present.add(f.id);
        const what = `evidence file ${f.id}`;
        const actual = f.bytes_sha256;
        if (actual !== f.sha256 || f.bytes_length !== f.size_bytes) {
          r.find('content_changed', what, `${what}: its bytes no longer match its recorded SHA-256 and size`);
        }
        const entry = logged.get(f.id)?.find((e) => e.idx === f.log_index);
        if (!entry) r.find('not_logged', what, `${what}: its log entry ${f.log_index} is missing or belongs to another record`);
        // Uploads logged before the record was committed to carry the file's own digest.
        else if (entry.digest !== digestOf(evidenceRecord(f)) && entry.digest !== fileDigest(actual)) {
          r.find('payload_mismatch', what, `${what}: differs from what log entry ${f.log_index} committed to`);
        }
      }
      after = rows.at(-1)!.id;
    }
    return { checked: present.size, present };
  },
};

export const trackCheck: AuditCheck = {
  subjectType: SUBJECT.track,
  kinds: [KIND.track],
  noun: 'sourcing track',
  async run(ctx, logged, r) {
    const code = await brandCodes(ctx);
    const rows = await allTracks(ctx.db);
    for (const t of rows) {
      const what = `sourcing track ${t.id} of brand ${code(t.brand_id)}`;
      checkLogged(what, logged.get(t.id), { logIndex: t.log_index, version: 1, digest: credentialDigest(t.credential) }, r);
      const c = openCredential(t.credential, what, r);
      if (!c) continue;
      checkCredentialId(c, VC_TYPE.track, trackCredentialId(t.id), what, r);
      checkContent(what, { content: t.content, contentDigest: t.content_digest }, c, r);
      const s = c.subject;
      compareFields(
        what,
        [
          ['trackId', t.id, s.trackId],
          ['brand', t.brand_id, obj(s.brand).id],
          ['track', t.track, s.track],
          ['effectiveFrom', t.effective_from, s.effectiveFrom],
          ['restricted', t.restricted, s.restricted],
          ['evidence', t.evidence_file_ids, ids(s.evidence)],
        ],
        r,
      );
    }
    return { checked: rows.length, present: new Set(rows.map((t) => t.id)) };
  },
};

function checkRulings(brandId: string, code: string, rows: readonly ComplianceRow[], logged: readonly LoggedEntry[], r: AuditReporter): void {
  rows.forEach((row, i) => {
    const version = i + 1;
    const what = `sourcing ruling ${version} on brand ${code}`;
    checkLogged(what, logged, { logIndex: row.log_index, version, digest: credentialDigest(row.credential) }, r);
    const c = openCredential(row.credential, what, r);
    if (!c) return;
    checkCredentialId(c, VC_TYPE.ruling, rulingCredentialId(brandId, version), what, r);
    const s = c.subject;
    compareFields(
      what,
      [
        ['brand', row.brand_id, obj(s.brand).id],
        ['version', version, s.version],
        ['status', row.status, s.status],
        ['reason', row.reason, s.reason],
        ['effectiveDate', row.effective_date, s.effectiveDate],
      ],
      r,
    );
  });
  for (const e of logged) {
    if (!rows.some((row) => row.log_index === e.idx)) {
      const what = `sourcing ruling ${String(e.version)} on brand ${code}`;
      r.find('version_missing', what, `${what}: log entry ${e.idx} records it but the database no longer holds it`);
    }
  }
}

/**
 * Compliance rulings, each brand's in order (version n is the n-th ruling), under subject type
 * sourcing_ruling, and under `brand` where older releases logged them.
 */
export const rulingChecks = checksWithLegacy({
  noun: 'sourcing ruling on brand',
  current: { subjectType: SUBJECT.ruling, kinds: [KIND.ruling] },
  legacy: { subjectType: LEGACY_RULING.subjectType, kinds: [LEGACY_RULING.kind] },
  present: async (ctx) => new Set(await ruledBrandIds(ctx.db)),
  async run(ctx, logged, r, present) {
    const code = await brandCodes(ctx);
    const rows = await allCompliance(ctx.db);
    const byBrand = new Map<string, ComplianceRow[]>();
    for (const row of rows) byBrand.set(row.brand_id, [...(byBrand.get(row.brand_id) ?? []), row]);
    for (const brandId of present) checkRulings(brandId, code(brandId), byBrand.get(brandId) ?? [], logged.get(brandId) ?? [], r);
    return rows.length;
  },
});

export const disclosureCheck: AuditCheck = {
  subjectType: SUBJECT.disclosure,
  kinds: [KIND.disclosure],
  noun: 'disclosure',
  async run(ctx, logged, r) {
    const rows = await allDisclosures(ctx.db);
    for (const d of rows) {
      const what = `disclosure ${d.id}`;
      checkLogged(what, logged.get(d.id), { logIndex: d.log_index, version: 1, digest: credentialDigest(d.credential) }, r);
      const c = openCredential(d.credential, what, r);
      if (!c) continue;
      checkCredentialId(c, VC_TYPE.disclosure, disclosureCredentialId(d.id), what, r);
      checkContent(what, { content: d.content, contentDigest: d.content_digest }, c, r);
      const s = c.subject;
      compareFields(
        what,
        [
          ['disclosureId', d.id, s.disclosureId],
          ['organisation', d.org_id, obj(s.organisation).id],
          ['level', d.level, s.level],
          ['brand', d.brand_id, s.brand === null ? null : obj(s.brand).id],
          ['asset', d.asset_name, s.asset],
          ['topic', d.topic, s.topic],
          ['kind', d.kind, s.kind],
          ['title', d.title, s.title],
          ['standardCode', d.standard_code, s.standardCode],
          ['value', d.value, s.value, 'decimal'],
          ['unit', d.unit, s.unit],
          ['periodStart', d.period_start, s.periodStart],
          ['periodEnd', d.period_end, s.periodEnd],
          ['validFrom', d.valid_from, s.validFrom],
          ['validUntil', d.valid_until, s.validUntil],
          ['restricted', d.restricted, s.restricted],
          ['auditorOrgId', d.auditor_org_id, s.auditorOrgId],
          ['evidence', d.evidence_file_ids, ids(s.evidence)],
        ],
        r,
      );
    }
    return { checked: rows.length, present: new Set(rows.map((d) => d.id)) };
  },
};

export const attestationCheck: AuditCheck = {
  subjectType: SUBJECT.attestation,
  kinds: [KIND.attestation],
  noun: 'disclosure attestation',
  async run(ctx, logged, r) {
    const rows = await allAttestations(ctx.db);
    for (const a of rows) {
      const what = `attestation ${a.id} of disclosure ${a.disclosure_id}`;
      checkLogged(what, logged.get(a.id), { logIndex: a.log_index, version: 1, digest: credentialDigest(a.credential) }, r);
      const c = openCredential(a.credential, what, r);
      if (!c) continue;
      checkCredentialId(c, VC_TYPE.attestation, attestationCredentialId(a.id), what, r);
      const s = c.subject;
      compareFields(
        what,
        [
          ['disclosure', disclosureCredentialId(a.disclosure_id), c.subjectId],
          ['attestationId', a.id, s.attestationId],
          ['auditor', a.auditor_org_id, obj(s.auditor).id],
          ['statement', a.statement, s.statement],
          ['disclosureDigest', a.disclosure_digest, s.disclosureDigest],
        ],
        r,
      );
      // What was attested must still be what the disclosure holds.
      if (a.now_credential !== null && (a.now_content_digest !== s.disclosureDigest || digestBytes(a.now_credential) !== s.disclosureCredentialDigest)) {
        r.find('attested_disclosure_changed', what, `${what}: the disclosure no longer is the one the auditor attested`);
      }
    }
    return { checked: rows.length, present: new Set(rows.map((a) => a.id)) };
  },
};

export const sustainabilityTrust: Partial<TrustRegistry> = {
  credentials: sustainabilityCredentials,
  checks: [referenceCheck, evidenceCheck, trackCheck, ...rulingChecks, disclosureCheck, attestationCheck],
};
