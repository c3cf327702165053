import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { runAudit, TRUST_REGISTRY } from '../../src/app/trust-registry.ts';
import { cbamTrust } from '../../src/cbam/trust.ts';
import { sustainabilityTrust } from '../../src/sustainability/trust.ts';
import type { Queryable } from '../../src/platform/db.ts';
import type { App } from '../../src/platform/http.ts';
import { ensureIssuerKey, orgDid } from '../../src/trust/keys-service.ts';
import { appendEntries } from '../../src/trust/log-service.ts';
import { digestBytes } from '../../src/trust/trust.ts';
import { buildCredential, signCredentialJwt } from '../../src/trust/vc.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, testApp, type TestUser } from '../factories.ts';
import { SUSTAINABILITY_TAMPER_TYPES } from './tamper-cases.ts';

// `assay audit` over sustainability and CBAM: one of each record made through the API (and, as an
// older release left them, a ruling and a publication change logged under the brand) audits clean;
// then, for every subject type, a field changed in SQL or a row deleted is named by the audit.
// Every case restores the row, and the audit is clean again before the next.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Brand = Awaited<ReturnType<typeof makeBrand>>;

const NOW = new Date('2026-11-22T10:00:00Z');

const annual = {
  periodKind: 'annual',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  installation: 'Fjord smelter',
  installationCountry: 'NO',
  productionRoute: 'primary',
  cnCode: '7601',
  directEmissions: '1.83',
  indirectEmissions: '0.40',
  electricityConsumption: '14.2',
  electricityEmissionFactor: '0.028',
  valueType: 'actual',
  methodology: 'IAI-CF',
  verificationStatus: 'verified',
  verifier: 'Nordic Verification AS',
  carbonPricePaid: '85.50',
  carbonPriceCurrency: 'EUR',
};

/** A ruling as releases before sourcing_ruling wrote it: logged under the brand. */
async function legacyRuling(ctx: AppContext, exchangeOrgId: string, brand: Brand, status: string, reason: string): Promise<number> {
  const key = await ensureIssuerKey(ctx, exchangeOrgId);
  const at = ctx.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    const version = (await tx.query(`SELECT 1 FROM sourcing_compliance WHERE brand_id = $1`, [brand.id])).rowCount + 1;
    const record = { schema: 'assay.sourcing-compliance/1', brand: { id: brand.id, code: brand.code }, status, reason, effectiveDate: at.slice(0, 10), version, recordedAt: at };
    const vc = buildCredential({
      id: `urn:assay:sourcing-compliance:${brand.id}:v${version}`,
      types: ['ResponsibleSourcingCompliance'],
      issuer: orgDid(ctx, exchangeOrgId),
      validFrom: at,
      subject: { id: `urn:assay:brand:${brand.code}`, ...record },
    });
    const jwt = await signCredentialJwt(vc, { privateKey: key.privateKey, kid: key.kid });
    const [idx] = await appendEntries(ctx, tx, [{ kind: 'sourcing.compliance_changed', subjectType: 'brand', subjectId: brand.id, version, payloadDigest: digestBytes(jwt) }]);
    const row = await tx.query<{ id: number }>(
      `INSERT INTO sourcing_compliance (brand_id, status, effective_date, reason, credential, log_index) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [brand.id, status, record.effectiveDate, reason, jwt, idx],
    );
    return row.rows[0]!.id;
  });
}

/** A publication change as releases before cbam_visibility wrote it: logged under the brand, unversioned. */
async function legacyVisibility(ctx: AppContext, brand: Brand, published: boolean): Promise<void> {
  const key = await ensureIssuerKey(ctx, brand.producer.id);
  const at = ctx.now().toISOString();
  const rec = { schema: 'assay.cbam-visibility/1', brand: { id: brand.id, code: brand.code }, published, changedAt: at };
  await ctx.db.transaction(async (tx) => {
    const vc = buildCredential({
      id: `urn:assay:cbam-visibility:${brand.id}:${Date.parse(at)}`,
      types: ['CbamVisibility'],
      issuer: orgDid(ctx, brand.producer.id),
      validFrom: at,
      subject: { id: `urn:assay:brand:${brand.code}`, ...rec },
    });
    const jwt = await signCredentialJwt(vc, { privateKey: key.privateKey, kid: key.kid });
    const [idx] = await appendEntries(ctx, tx, [{ kind: 'cbam.visibility_changed', subjectType: 'brand', subjectId: brand.id, version: null, payloadDigest: digestBytes(jwt) }]);
    await tx.query(
      `INSERT INTO cbam_visibility (brand_id, published, credential, log_index) VALUES ($1, $2, $3, $4)
       ON CONFLICT (brand_id) DO UPDATE SET published = EXCLUDED.published, credential = EXCLUDED.credential, log_index = EXCLUDED.log_index`,
      [brand.id, published, jwt, idx],
    );
  });
}

/** A change made behind the application's back, and how to undo it. */
type Tamper = (db: Queryable) => Promise<() => Promise<void>>;

const rowOf = async (db: Queryable, table: string, where: string, params: unknown[]): Promise<string> => {
  // As text: parsed JSON would turn the numeric 9.50 into 9.5.
  const rows = (await db.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM ${table} t WHERE ${where}`, params)).rows;
  expect(rows, `${table} WHERE ${where}`).toHaveLength(1);
  return rows[0]!.r;
};

/** UPDATE one row; undone by writing every column back from its JSON copy. */
const update =
  (table: string, set: string, where: string, params: unknown[]): Tamper =>
  async (db) => {
    const saved = await rowOf(db, table, where, params);
    const cols = (await db.query<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table])).rows.map((r) => r.c);
    await db.query(`UPDATE ${table} SET ${set} WHERE ${where}`, params);
    return async () => {
      await db.query(
        `UPDATE ${table} SET (${cols.join(', ')}) = (SELECT ${cols.map((c) => `s.${c}`).join(', ')} FROM json_populate_record(NULL::${table}, $${params.length + 1}::json) s) WHERE ${where}`,
        [...params, saved],
      );
    };
  };

/** DELETE one row; undone by inserting it again from its JSON copy. */
const remove =
  (table: string, where: string, params: unknown[]): Tamper =>
  async (db) => {
    const saved = await rowOf(db, table, where, params);
    await db.query(`DELETE FROM ${table} WHERE ${where}`, params);
    return async () => {
      await db.query(`INSERT INTO ${table} SELECT * FROM json_populate_record(NULL::${table}, $1::json)`, [saved]);
    };
  };

describeEngines('assay audit over sustainability and CBAM records', (db) => {
  let app: App;
  let ctx: AppContext;
  let exchange: TestUser;
  let producer: TestUser;
  let auditor: TestUser;
  let exchangeId: string;
  let traderId: string;
  let brand: Brand; // everything made through the API
  let mixed: Brand; // a legacy ruling and publication, then current ones
  let legacy: Brand; // only what an older release logged
  const made: Record<string, string> = {};
  let legacyRulingRow: number;

  const send = async (method: 'POST' | 'PUT', url: string, who: TestUser, payload: unknown, status = 201): Promise<Json> => {
    const res = await app.inject({ method, url, headers: { cookie: who.cookie }, payload: payload as Json });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json<Json>();
  };
  const findings = async () => (await runAudit(ctx)).findings;

  beforeAll(async () => {
    const built = await testApp(db(), () => NOW);
    app = built.app;
    ctx = built.ctx;
    const x = await makeOrg(db(), 'exchange');
    const p = await makeOrg(db(), 'producer');
    const a = await makeOrg(db(), 'auditor');
    exchangeId = x.id;
    traderId = (await makeOrg(db(), 'trader')).id;
    const otherTrader = (await makeOrg(db(), 'trader')).id;
    exchange = await makeUser(ctx, x.id, 'member');
    producer = await makeUser(ctx, p.id, 'member');
    auditor = await makeUser(ctx, a.id, 'member');
    brand = await makeBrand(ctx, p.id, 'AH', 'NO');
    mixed = await makeBrand(ctx, p.id, 'CA', 'CL');
    legacy = await makeBrand(ctx, p.id, 'ZS', 'PE');

    // Reference data: the threshold is stored as the exchange typed it, normalised (09.50 → 9.50).
    await send('PUT', '/api/v1/sustainability/reference/premium-thresholds/AH', exchange, { maxTco2ePerTonne: '09.50', requiresRecognisedStandard: true }, 200);
    await send('PUT', '/api/v1/sustainability/reference/topics/tailings', exchange, { name: 'Tailings management', pillar: 'environmental' }, 200);
    const file = await send('POST', '/api/v1/evidence-files', producer, { filename: 'asi-certificate.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7 ASI').toString('base64') });
    made.evidence = file.id;
    const sourcing = await send('POST', `/api/v1/brands/${brand.code}/sourcing-tracks`, producer, { track: 'A', effectiveFrom: '2025-06-01', standardCode: 'ASI-PS', evidenceFileIds: [file.id] });
    made.track = sourcing.currentTrack.id;
    await send('POST', `/api/v1/brands/${brand.code}/sourcing-compliance`, exchange, { status: 'compliant', reason: 'ASI Performance Standard certified' });
    const metric = await send('POST', '/api/v1/disclosures', producer, {
      level: 'brand',
      brand: brand.code,
      topic: 'carbon',
      kind: 'metric',
      title: 'Net change in scope 1 emissions',
      value: '-0.50',
      unit: 'tCO2e/t',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      evidenceFileIds: [file.id],
    });
    made.disclosure = metric.id;
    const cert = await send('POST', '/api/v1/disclosures', producer, {
      level: 'company',
      topic: 'environmental_management',
      kind: 'certification',
      title: 'ISO 14001 certificate',
      standardCode: 'ISO14001',
      validFrom: '2024-01-01',
      validUntil: '2027-12-31',
    });
    made.certification = cert.id;
    const attested = await send('POST', `/api/v1/disclosures/${metric.id}/attestations`, auditor, { statement: 'Limited assurance per ISAE 3000' });
    made.attestation = attested.attestations[0].id;
    made.report1 = (await send('POST', `/api/v1/brands/${brand.code}/cbam-reports`, producer, annual)).id;
    made.report2 = (await send('POST', `/api/v1/brands/${brand.code}/cbam-reports`, producer, { ...annual, directEmissions: '1.790' })).id;
    await send('PUT', `/api/v1/brands/${brand.code}/cbam-visibility`, producer, { published: true }, 200);
    made.grant = (await send('POST', `/api/v1/brands/${brand.code}/cbam-grants`, producer, { organisationId: traderId, reason: 'Importer declaration' })).id;
    made.revokedGrant = (await send('POST', `/api/v1/brands/${brand.code}/cbam-grants`, exchange, { organisationId: otherTrader, reason: 'Customs review' })).id;
    await send('POST', `/api/v1/brands/${brand.code}/cbam-grants/${made.revokedGrant}/revocation`, producer, { reason: 'Review closed' }, 200);

    // A database an older release wrote, then carried on by this one.
    legacyRulingRow = await legacyRuling(ctx, exchangeId, mixed, 'non_compliant', 'RFA mitigation evidence missing');
    await legacyVisibility(ctx, mixed, true);
    await send('POST', `/api/v1/brands/${mixed.code}/sourcing-compliance`, exchange, { status: 'compliant', reason: 'Evidence provided' });
    await send('PUT', `/api/v1/brands/${mixed.code}/cbam-visibility`, producer, { published: false }, 200);
    await legacyRuling(ctx, exchangeId, legacy, 'compliant', 'Copper Mark assured');
    await legacyVisibility(ctx, legacy, true);
  });

  it('audits one of every record, current and legacy, with zero findings', async () => {
    const audit = await runAudit(ctx);
    expect(audit.findings).toEqual([]);
    expect(audit.records).toMatchObject({
      sustainability_reference: 2,
      evidence_file: 1,
      sourcing_track: 1,
      disclosure: 2,
      disclosure_attestation: 1,
      cbam_report: 2,
      cbam_grant: 2,
      // Every ruling and publication state, whether logged under its own subject type or the brand.
      sourcing_ruling: 4,
      cbam_visibility: 3,
    });
    const logged = await db().query<{ subject_type: string; kind: string }>(
      `SELECT DISTINCT subject_type, kind FROM log_entries WHERE kind LIKE 'sourcing.%' OR kind LIKE 'cbam.%' OR kind LIKE 'disclosure.%' OR kind LIKE 'evidence.%' OR kind LIKE 'sustainability_%'`,
    );
    const key = (r: { subject_type: string; kind: string }) => `${r.subject_type} ${r.kind}`;
    expect(logged.rows.sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual([
      { subject_type: 'brand', kind: 'cbam.visibility_changed' },
      { subject_type: 'brand', kind: 'sourcing.compliance_changed' },
      { subject_type: 'cbam_grant', kind: 'cbam.grant_created' },
      { subject_type: 'cbam_grant', kind: 'cbam.grant_revoked' },
      { subject_type: 'cbam_report', kind: 'cbam.submitted' },
      { subject_type: 'cbam_visibility', kind: 'cbam.visibility_changed' },
      { subject_type: 'disclosure', kind: 'disclosure.filed' },
      { subject_type: 'disclosure_attestation', kind: 'disclosure.attested' },
      { subject_type: 'evidence_file', kind: 'evidence.uploaded' },
      { subject_type: 'sourcing_ruling', kind: 'sourcing.compliance_changed' },
      { subject_type: 'sourcing_track', kind: 'sourcing.track_recorded' },
      { subject_type: 'sustainability_reference', kind: 'sustainability_reference.updated' },
    ]);
  });

  it('raises no false alarm about a brand whose CBAM data is published and whose sourcing is ruled on', async () => {
    const fresh = await makeBrand(ctx, brand.producer.id, 'NI', 'FI');
    await send('PUT', `/api/v1/brands/${fresh.code}/cbam-visibility`, producer, { published: true }, 200);
    await send('POST', `/api/v1/brands/${fresh.code}/sourcing-compliance`, exchange, { status: 'non_compliant', reason: 'Track not recorded' });
    await send('PUT', `/api/v1/brands/${fresh.code}/cbam-visibility`, producer, { published: false }, 200);
    const all = await findings();
    expect(all.filter((f) => f.record.includes(fresh.code) || f.record.includes(fresh.id))).toEqual([]);
    expect(all).toEqual([]);
  });

  // Every subject type: one field changed in SQL, then one row deleted; each named.
  const cases: [string, () => Tamper, () => string][] = [
    ['sustainability_reference: a threshold edited', () => update('premium_thresholds', 'max_tco2e_per_t = 12', `metal = $1`, ['AH']), () => 'sustainability reference premium-thresholds/AH'],
    ['sustainability_reference: a threshold deleted', () => remove('premium_thresholds', `metal = $1`, ['AH']), () => 'sustainability reference premium-thresholds/AH'],
    ['sustainability_reference: a topic renamed', () => update('sustainability_topics', `name = 'Tailings'`, `code = $1`, ['tailings']), () => 'sustainability reference topics/tailings'],
    ['evidence_file: renamed', () => update('evidence_files', `filename = 'other.pdf'`, `id = $1`, [made.evidence]), () => `evidence file ${made.evidence}`],
    ['evidence_file: its media type changed', () => update('evidence_files', `media_type = 'text/html'`, `id = $1`, [made.evidence]), () => `evidence file ${made.evidence}`],
    ['evidence_file: its bytes replaced', () => update('evidence_files', `bytes = '\\x00'::bytea`, `id = $1`, [made.evidence]), () => `evidence file ${made.evidence}`],
    ['evidence_file: deleted', () => remove('evidence_files', `id = $1`, [made.evidence]), () => `evidence file ${made.evidence}`],
    ['sourcing_track: its track letter changed', () => update('sourcing_tracks', `track = 'D'`, `id = $1`, [made.track]), () => `sourcing track ${made.track}`],
    ['sourcing_track: hidden from the public', () => update('sourcing_tracks', `restricted = true`, `id = $1`, [made.track]), () => `sourcing track ${made.track}`],
    ['sourcing_track: its date moved', () => update('sourcing_tracks', `effective_from = '2024-01-01'`, `id = $1`, [made.track]), () => `sourcing track ${made.track}`],
    ['sourcing_track: deleted', () => remove('sourcing_tracks', `id = $1`, [made.track]), () => `sourcing track ${made.track}`],
    ['sourcing_ruling: its status flipped', () => update('sourcing_compliance', `status = 'non_compliant'`, `brand_id = $1`, [brand.id]), () => `sourcing ruling 1 on brand ${brand.code}`],
    ['sourcing_ruling: deleted', () => remove('sourcing_compliance', `brand_id = $1`, [brand.id]), () => `sourcing ruling on brand ${brand.id}`],
    ['sourcing_ruling (legacy, brand): its reason changed', () => update('sourcing_compliance', `reason = 'Fine'`, `id = $1`, [legacyRulingRow]), () => `sourcing ruling 1 on brand ${mixed.code}`],
    ['sourcing_ruling (legacy, brand): deleted under a later ruling', () => remove('sourcing_compliance', `id = $1`, [legacyRulingRow]), () => `sourcing ruling 1 on brand ${mixed.code}`],
    ['sourcing_ruling (legacy only): its date moved', () => update('sourcing_compliance', `effective_date = '2020-01-01'`, `brand_id = $1`, [legacy.id]), () => `sourcing ruling 1 on brand ${legacy.code}`],
    ['sourcing_ruling (legacy only): deleted', () => remove('sourcing_compliance', `brand_id = $1`, [legacy.id]), () => `sourcing ruling on brand ${legacy.id}`],
    ['disclosure: its value changed', () => update('disclosures', `value = 7`, `id = $1`, [made.disclosure]), () => `disclosure ${made.disclosure}`],
    ['disclosure: its unit changed', () => update('disclosures', `unit = 'kgCO2e/t'`, `id = $1`, [made.disclosure]), () => `disclosure ${made.disclosure}`],
    ['disclosure: its expiry moved', () => update('disclosures', `valid_until = '2030-12-31'`, `id = $1`, [made.certification]), () => `disclosure ${made.certification}`],
    ['disclosure: restricted', () => update('disclosures', `restricted = true`, `id = $1`, [made.certification]), () => `disclosure ${made.certification}`],
    ['disclosure: deleted', () => remove('disclosures', `id = $1`, [made.certification]), () => `disclosure ${made.certification}`],
    ['disclosure_attestation: its statement changed', () => update('disclosure_attestations', `statement = 'Reasonable assurance'`, `id = $1`, [made.attestation]), () => `attestation ${made.attestation}`],
    ['disclosure_attestation: deleted', () => remove('disclosure_attestations', `id = $1`, [made.attestation]), () => `disclosure attestation ${made.attestation}`],
    ['cbam_report: an emission figure changed', () => update('cbam_reports', `direct_tco2e_per_t = 0.5`, `id = $1`, [made.report2]), () => `CBAM report ${made.report2}`],
    ['cbam_report: its verification status changed', () => update('cbam_reports', `verification_status = 'unverified'`, `id = $1`, [made.report1]), () => `CBAM report ${made.report1}`],
    ['cbam_report: its period moved', () => update('cbam_reports', `period_end = '2025-06-30'`, `id = $1`, [made.report1]), () => `CBAM report ${made.report1}`],
    ['cbam_report: its source changed', () => update('cbam_reports', `source = 'excel'`, `id = $1`, [made.report1]), () => `CBAM report ${made.report1}`],
    ['cbam_report: deleted', () => remove('cbam_reports', `id = $1`, [made.report2]), () => `CBAM report ${made.report2}`],
    ['cbam_visibility: made private', () => update('cbam_visibility', `published = false`, `brand_id = $1`, [brand.id]), () => `CBAM visibility of brand ${brand.code}`],
    ['cbam_visibility: deleted', () => remove('cbam_visibility', `brand_id = $1`, [brand.id]), () => `CBAM visibility of brand ${brand.id}`],
    ['cbam_visibility (legacy, then current): published again', () => update('cbam_visibility', `published = true`, `brand_id = $1`, [mixed.id]), () => `CBAM visibility of brand ${mixed.code}`],
    ['cbam_visibility (legacy only): made private', () => update('cbam_visibility', `published = false`, `brand_id = $1`, [legacy.id]), () => `CBAM visibility of brand ${legacy.code}`],
    ['cbam_visibility (legacy only): deleted', () => remove('cbam_visibility', `brand_id = $1`, [legacy.id]), () => `CBAM visibility of brand ${legacy.id}`],
    ['cbam_grant: given to another organisation', () => update('cbam_grants', `grantee_org_id = '${exchangeId}'`, `id = $1`, [made.grant]), () => `CBAM grant ${made.grant}`],
    [
      'cbam_grant: its revocation undone',
      () => update('cbam_grants', `revoked_at = NULL, revoked_by_org_id = NULL, revoke_reason = NULL, revoke_credential = NULL, revoke_log_index = NULL`, `id = $1`, [made.revokedGrant]),
      () => `CBAM grant ${made.revokedGrant}`,
    ],
    ['cbam_grant: its revocation reason changed', () => update('cbam_grants', `revoke_reason = 'Other'`, `id = $1`, [made.revokedGrant]), () => `CBAM grant ${made.revokedGrant}`],
    ['cbam_grant: deleted', () => remove('cbam_grants', `id = $1`, [made.grant]), () => `CBAM grant ${made.grant}`],
  ];

  it('has a change and a delete case for every subject type these modules log (the list tamper.test.ts relies on)', () => {
    const own = new Set([...(sustainabilityTrust.checks ?? []), ...(cbamTrust.checks ?? [])].map((c) => c.subjectType));
    own.delete('brand'); // the legacy entries' subject type: its cases are here, its own in tamper.test.ts
    expect([...own].sort()).toEqual([...SUSTAINABILITY_TAMPER_TYPES].sort());
    for (const type of SUSTAINABILITY_TAMPER_TYPES) {
      const mine = cases.filter(([name]) => name.split(/[ :]/)[0] === type);
      expect(mine.filter(([name]) => !/deleted/.test(name)).length, `${type} change`).toBeGreaterThan(0);
      expect(mine.filter(([name]) => /deleted/.test(name)).length, `${type} delete`).toBeGreaterThan(0);
    }
    expect(TRUST_REGISTRY.checks.filter((c) => c.kinds.includes('sourcing.compliance_changed') || c.kinds.includes('cbam.visibility_changed')).map((c) => c.subjectType).sort()).toEqual([
      'brand',
      'brand',
      'cbam_visibility',
      'sourcing_ruling',
    ]);
  });

  for (const [name, tamper, record] of cases) {
    it(`names the record: ${name}`, async () => {
      const undo = await tamper()(db());
      let found;
      try {
        found = await findings();
      } finally {
        await undo();
      }
      expect(found.map((f) => f.record)).toContainEqual(expect.stringContaining(record()));
      expect(found.filter((f) => f.code === 'unchecked_subject_type' || f.record.startsWith('brand '))).toEqual([]);
      expect(await findings()).toEqual([]);
    });
  }
});
