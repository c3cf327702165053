import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { TRUST_REGISTRY } from '../../src/app/trust-registry.ts';
import type { App } from '../../src/platform/http.ts';
import { proofBundle } from '../../src/trust/checkpoint-service.ts';
import { digestBytes } from '../../src/trust/trust.ts';
import { profilesOf } from '../../src/trust/registry.ts';
import type { TrustBundle } from '../../src/trust/trust.ts';
import { verifyCredential } from '../../src/trust/verify.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, testApp, type TestUser } from '../factories.ts';

// Every sustainability and CBAM credential type verifies like a certificate: through POST
// /api/v1/verify against the registry's own state (log proof found by digest, current version
// looked up), and offline as `assay verify` does, with the trust file and a proof bundle.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

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
  verificationStatus: 'unverified',
};

describeEngines('sustainability and CBAM credentials verify', (db) => {
  let app: App;
  let ctx: AppContext;
  /** VC type → a credential of it, with what its current check should say. */
  const credentials: { type: string; jwt: string; current: 'pass' | 'fail' }[] = [];

  beforeAll(async () => {
    const built = await testApp(db(), () => new Date('2026-11-22T10:00:00Z'));
    app = built.app;
    ctx = built.ctx;
    const exchange = await makeUser(ctx, (await makeOrg(db(), 'exchange')).id, 'member');
    const p = await makeOrg(db(), 'producer');
    const producer = await makeUser(ctx, p.id, 'member');
    const auditor = await makeUser(ctx, (await makeOrg(db(), 'auditor')).id, 'member');
    const trader = await makeOrg(db(), 'trader');
    const brand = await makeBrand(ctx, p.id, 'AH', 'NO');
    const send = async (method: 'POST' | 'PUT', url: string, who: TestUser, payload: unknown, status = 201): Promise<Json> => {
      const res = await app.inject({ method, url, headers: { cookie: who.cookie }, payload: payload as Json });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
      return res.json<Json>();
    };
    const add = (type: string, jwt: string, current: 'pass' | 'fail' = 'pass') => credentials.push({ type, jwt, current });

    add('ResponsibleSourcingTrack', (await send('POST', `/api/v1/brands/${brand.code}/sourcing-tracks`, producer, { track: 'A', effectiveFrom: '2025-06-01', standardCode: 'ASI-PS' })).currentTrack.credential);
    await send('POST', `/api/v1/brands/${brand.code}/sourcing-compliance`, exchange, { status: 'non_compliant', reason: 'Evidence missing' });
    const rulings = (await send('POST', `/api/v1/brands/${brand.code}/sourcing-compliance`, exchange, { status: 'compliant', reason: 'Evidence provided' })).complianceHistory;
    add('ResponsibleSourcingCompliance', rulings[0].credential, 'fail');
    add('ResponsibleSourcingCompliance', rulings[1].credential);
    const d = await send('POST', '/api/v1/disclosures', producer, { level: 'company', topic: 'water', kind: 'metric', title: 'Fresh water withdrawal', value: '2.75', unit: 'm3/t', periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    add('SustainabilityDisclosure', d.credential);
    add('DisclosureAttestation', (await send('POST', `/api/v1/disclosures/${d.id}/attestations`, auditor, { statement: 'Limited assurance' })).attestations[0].credential);
    add('CbamEmissionsReport', (await send('POST', `/api/v1/brands/${brand.code}/cbam-reports`, producer, annual)).credential, 'fail');
    add('CbamEmissionsReport', (await send('POST', `/api/v1/brands/${brand.code}/cbam-reports`, producer, { ...annual, directEmissions: '1.79' })).credential);
    await send('PUT', `/api/v1/brands/${brand.code}/cbam-visibility`, producer, { published: true }, 200);
    const first = (await db().query<{ credential: string }>(`SELECT credential FROM cbam_visibility WHERE brand_id = $1`, [brand.id])).rows[0]!.credential;
    await send('PUT', `/api/v1/brands/${brand.code}/cbam-visibility`, producer, { published: false }, 200);
    const second = (await db().query<{ credential: string }>(`SELECT credential FROM cbam_visibility WHERE brand_id = $1`, [brand.id])).rows[0]!.credential;
    add('CbamVisibility', first, 'fail');
    add('CbamVisibility', second);
    const grant = await send('POST', `/api/v1/brands/${brand.code}/cbam-grants`, producer, { organisationId: trader.id, reason: 'Importer declaration' });
    const revoked = await send('POST', `/api/v1/brands/${brand.code}/cbam-grants/${grant.id}/revocation`, producer, { reason: 'Declaration filed' }, 200);
    add('CbamAccessGrant', grant.credential, 'fail');
    add('CbamAccessGrantRevocation', revoked.revocation.credential);
  });

  const statuses = (r: { checks: { name: string; status: string }[] }) => Object.fromEntries(r.checks.map((c) => [c.name, c.status]));

  it('through POST /api/v1/verify: signature, issuer, schema and log inclusion pass; a superseded one says so', async () => {
    expect(new Set(credentials.map((c) => c.type)).size).toBe(8);
    for (const c of credentials) {
      const r = (await app.inject({ method: 'POST', url: '/api/v1/verify', payload: { credential: c.jwt } })).json<Json & { checks: { name: string; status: string; reason: string }[] }>();
      expect(r.type, c.type).toBe(c.type);
      expect(statuses(r), c.type).toMatchObject({
        format: 'pass',
        signature: 'pass',
        issuer: 'pass',
        key_validity: 'pass',
        schema: 'pass',
        status: 'skip',
        log_inclusion: 'pass',
        current: c.current,
      });
      expect(r.ok, c.type).toBe(c.current === 'pass');
      if (c.current === 'fail') expect(r.checks.find((x) => x.name === 'current')?.reason).toMatch(/^superseded by version \d/);
      expect(r.summary, c.type).toBeTruthy();
    }
  });

  it('offline, as assay verify does: the trust file and a proof bundle are enough', async () => {
    const trust = (await app.inject({ method: 'GET', url: '/api/v1/trust' })).json<TrustBundle>();
    for (const c of credentials) {
      const idx = (await db().query<{ idx: number }>(`SELECT idx FROM log_entries WHERE payload_digest = $1`, [digestBytes(c.jwt)])).rows[0]!.idx;
      const r = verifyCredential({ jwt: c.jwt, trust, profiles: profilesOf(TRUST_REGISTRY), proof: await proofBundle(ctx, idx) });
      expect(r.ok, c.type).toBe(true);
      expect(statuses(r), c.type).toMatchObject({ signature: 'pass', schema: 'pass', log_inclusion: 'pass', status: 'skip', current: 'skip' });
      const line = TRUST_REGISTRY.credentials.find((x) => x.profile.type === c.type)?.profile.describe?.(r.summary!);
      expect(line, c.type).toBeTruthy();
    }
  });
});
