import { findBrands } from '../brands/lookup.ts';
import type { AppContext } from '../platform/context.ts';
import {
  checkContent,
  checkCredentialId,
  checkLogged,
  checksWithLegacy,
  compareFields,
  credentialDigest,
  openCredential,
  type OpenedCredential,
} from '../sustainability/audit-support.ts';
import type { AuditCheck, AuditReporter, TrustRegistry } from '../trust/registry.ts';
import { allGrants, allVisibility } from './access-repo.ts';
import { cbamCredentials } from './credentials.ts';
import {
  GRANT_VERSION,
  grantCredentialId,
  grantRevocationCredentialId,
  KIND,
  LEGACY_VISIBILITY,
  parseVisibilityCredentialId,
  reportCredentialId,
  SUBJECT,
  VC_TYPE,
} from './records.ts';
import { allReports } from './report-repo.ts';

// What CBAM registers with the trust kernel: its credential types (credentials.ts) and one audit
// check per logged subject type, each recomputing from the database what the log committed to and
// naming every record that differs: every figure, unit-bearing value, date, status and flag of a
// stored report, publication state or grant must be what its producer (or the exchange) signed.

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

async function brandCodes(ctx: AppContext): Promise<(id: string) => string> {
  const codes = new Map((await findBrands(ctx.db, {})).map((b) => [b.id, b.code]));
  return (id) => codes.get(id) ?? id;
}

/** Each submitted version: its credential, its content and every stored figure. */
export const reportCheck: AuditCheck = {
  subjectType: SUBJECT.report,
  kinds: [KIND.report],
  noun: 'CBAM report',
  async run(ctx, logged, r) {
    const code = await brandCodes(ctx);
    const rows = await allReports(ctx.db);
    for (const x of rows) {
      const what = `CBAM report ${x.id} (brand ${code(x.brand_id)}, ${x.period_kind} ${x.period_start}, version ${x.version})`;
      checkLogged(what, logged.get(x.id), { logIndex: x.log_index, version: x.version, digest: credentialDigest(x.credential) }, r);
      const c = openCredential(x.credential, what, r);
      if (!c) continue;
      // Reports submitted before credential ids named the version are urn:assay:cbam-report:<id>.
      if (c.id === `urn:assay:cbam-report:${x.id}`) checkCredentialId(c, VC_TYPE.report, `urn:assay:cbam-report:${x.id}`, what, r);
      else checkCredentialId(c, VC_TYPE.report, reportCredentialId(x.id, x.version), what, r);
      checkContent(what, { content: x.content, contentDigest: x.content_digest }, c, r);
      const s = c.subject;
      const f = obj(s.figures);
      compareFields(
        what,
        [
          ['reportId', x.id, s.reportId],
          ['brand', x.brand_id, obj(s.brand).id],
          ['version', x.version, s.version],
          ['periodKind', x.period_kind, f.periodKind],
          ['periodStart', x.period_start, f.periodStart],
          ['periodEnd', x.period_end, f.periodEnd],
          ['installation', x.installation, f.installation],
          ['installationCountry', x.installation_country, f.installationCountry],
          ['productionRoute', x.production_route, f.productionRoute],
          ['cnCode', x.cn_code, f.cnCode],
          ['directEmissions', x.direct_tco2e_per_t, f.directEmissions, 'decimal'],
          ['indirectEmissions', x.indirect_tco2e_per_t, f.indirectEmissions, 'decimal'],
          ['electricityConsumption', x.electricity_mwh_per_t, f.electricityConsumption, 'decimal'],
          ['electricityEmissionFactor', x.electricity_factor_tco2e_per_mwh, f.electricityEmissionFactor, 'decimal'],
          ['valueType', x.value_type, f.valueType],
          ['methodology', x.methodology, f.methodology],
          ['verifier', x.verifier, f.verifier],
          ['verificationStatus', x.verification_status, f.verificationStatus],
          ['carbonPricePaid', x.carbon_price_paid, f.carbonPricePaid, 'decimal'],
          ['carbonPriceCurrency', x.carbon_price_currency, f.carbonPriceCurrency],
          // Signed since the source joined the content; older reports do not say.
          ...(s.source === undefined ? [] : [['source', x.source, s.source] as [string, unknown, unknown]]),
        ],
        r,
      );
    }
    return { checked: rows.length, present: new Set(rows.map((x) => x.id)) };
  },
};

/**
 * Each brand's publication state is its latest logged change, under subject type cbam_visibility
 * (versioned), and under `brand` (unversioned) where older releases logged it.
 */
export const visibilityChecks = checksWithLegacy({
  noun: 'CBAM visibility of brand',
  current: { subjectType: SUBJECT.visibility, kinds: [KIND.visibility] },
  legacy: { subjectType: LEGACY_VISIBILITY.subjectType, kinds: [LEGACY_VISIBILITY.kind] },
  present: async (ctx) => new Set((await allVisibility(ctx.db)).map((v) => v.brand_id)),
  async run(ctx, logged, r) {
    const code = await brandCodes(ctx);
    const rows = await allVisibility(ctx.db);
    for (const v of rows) {
      const what = `CBAM visibility of brand ${code(v.brand_id)}`;
      const entries = logged.get(v.brand_id) ?? [];
      const c = openCredential(v.credential, what, r);
      const version = c ? (parseVisibilityCredentialId(c.id)?.version ?? null) : undefined;
      const entry = checkLogged(what, entries, { logIndex: v.log_index, version, digest: credentialDigest(v.credential) }, r);
      const last = entries.at(-1);
      if (entry && last && last.idx !== entry.idx) {
        r.find('not_logged', what, `${what}: the database holds the change of log entry ${entry.idx}, but log entry ${last.idx} changed it since`);
      }
      if (!c) continue;
      if (!c.types.includes(VC_TYPE.visibility) || (version === null && !new RegExp(`^urn:assay:cbam-visibility:${v.brand_id}:[0-9]+$`).test(String(c.id)))) {
        r.find('credential_mismatch', what, `${what}: the stored credential is not a ${VC_TYPE.visibility} of this brand`);
      }
      compareFields(
        what,
        [
          ['brand', v.brand_id, obj(c.subject.brand).id],
          ['published', v.published, c.subject.published],
        ],
        r,
      );
    }
    return rows.length;
  },
});

function checkRevocation(what: string, g: Awaited<ReturnType<typeof allGrants>>[number], c: OpenedCredential, r: AuditReporter): void {
  checkCredentialId(c, VC_TYPE.grantRevocation, grantRevocationCredentialId(g.id), what, r);
  const s = c.subject;
  compareFields(
    what,
    [
      ['grantId', g.id, s.grantId],
      ['brand', g.brand_id, obj(s.brand).id],
      ['grantee', g.grantee_org_id, s.grantee],
      ['revokedBy', g.revoked_by_org_id, s.revokedBy],
      ['revokeReason', g.revoke_reason, s.reason],
      ['revokedAt', g.revoked_at?.toISOString() ?? null, s.revokedAt],
    ],
    r,
  );
}

/** Each grant as granted (version 1), and revoked exactly when its revocation (version 2) is logged. */
export const grantCheck: AuditCheck = {
  subjectType: SUBJECT.grant,
  kinds: [KIND.grantCreated, KIND.grantRevoked],
  noun: 'CBAM grant',
  async run(ctx, logged, r) {
    const code = await brandCodes(ctx);
    const rows = await allGrants(ctx.db);
    for (const g of rows) {
      const what = `CBAM grant ${g.id} (brand ${code(g.brand_id)})`;
      const entries = logged.get(g.id);
      checkLogged(what, entries, { logIndex: g.log_index, version: GRANT_VERSION.created, digest: credentialDigest(g.credential) }, r);
      const c = openCredential(g.credential, what, r);
      if (c) {
        checkCredentialId(c, VC_TYPE.grant, grantCredentialId(g.id), what, r);
        const s = c.subject;
        compareFields(
          what,
          [
            ['grantId', g.id, s.grantId],
            ['brand', g.brand_id, obj(s.brand).id],
            ['grantee', g.grantee_org_id, obj(s.grantee).id],
            ['grantedBy', g.granted_by_org_id, s.grantedBy],
            ['reason', g.reason, s.reason],
            ['grantedAt', g.granted_at.toISOString(), s.grantedAt],
          ],
          r,
        );
      }
      const revocation = entries?.find((e) => e.kind === KIND.grantRevoked);
      if (g.revoked_at === null) {
        if (revocation) r.find('status_changed', what, `${what}: active in the database, but log entry ${revocation.idx} revoked it`);
        continue;
      }
      if (g.revoke_credential === null || g.revoke_log_index === null) {
        r.find('not_logged', what, `${what}: revoked in the database without a signed, logged revocation`);
        continue;
      }
      checkLogged(`${what} revocation`, entries, { logIndex: g.revoke_log_index, version: GRANT_VERSION.revoked, digest: credentialDigest(g.revoke_credential) }, r);
      const rc = openCredential(g.revoke_credential, `${what} revocation`, r);
      if (rc) checkRevocation(`${what} revocation`, g, rc, r);
    }
    return { checked: rows.length, present: new Set(rows.map((g) => g.id)) };
  },
};

export const cbamTrust: Partial<TrustRegistry> = {
  credentials: cbamCredentials,
  checks: [reportCheck, ...visibilityChecks, grantCheck],
};
