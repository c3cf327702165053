import { createPublicKey, type JsonWebKey } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/access/principal.ts';
import { ORG_KINDS, ROLES, SCOPES_BY_KIND, type OrgKind, type Role, type Scope } from '../../src/access/principal.ts';
import type { AppContext } from '../../src/app/context.ts';
import { registerCbamRoutes } from '../../src/cbam/routes.ts';
import { registerSustainabilityRoutes } from '../../src/sustainability/routes.ts';
import { keyByKid } from '../../src/trust/keys-repo.ts';
import { publicJwk } from '../../src/trust/keystore.ts';
import { digestBytes } from '../../src/trust/trust.ts';
import { decodeCredentialJwt, verifyCredentialJwtAsync } from '../../src/trust/vc.ts';
import type { Db } from '../../src/platform/db.ts';
import { createHttpServer, routeTable, type App, type RouteEntry } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeApiKey, makeBrand, makeOrg, makeUser, submissionFor, testApp } from '../factories.ts';

// Every sustainability route × every kind of caller, written out independently of
// src/access/permissions.ts; then the CBAM visibility rule end to end: only the exchange, the
// producer, grantees and (once published) everyone see CBAM figures, through every view, and a
// revoked grant stops at once.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Who {
  label: string;
  anonymous?: boolean;
  kind?: OrgKind;
  role?: Role;
  org?: 'target' | 'other';
  key?: Scope[];
  headers: Record<string, string>;
}

type Expect = (w: Who) => boolean;
const anyone: Expect = () => true;
const users = (minRole: Role, kinds?: OrgKind[]): Expect => (w) =>
  !w.anonymous && !w.key && (!kinds || kinds.includes(w.kind!)) && ROLES.indexOf(w.role!) <= ROLES.indexOf(minRole);
const keys = (scope: Scope, kinds?: OrgKind[]): Expect => (w) =>
  !!w.key && (!kinds || kinds.includes(w.kind!)) && (w.key.includes(scope) || w.key.includes('admin'));
const either = (...fs: Expect[]): Expect => (w) => fs.some((f) => f(w));
const both = (...fs: Expect[]): Expect => (w) => fs.every((f) => f(w));
const target: Expect = (w) => w.kind === 'producer' && w.org === 'target';
const exchangeOrTarget: Expect = (w) => w.kind === 'exchange' || target(w);
const reader = either(users('viewer'), keys('read'));
const file = either(users('member', ['producer']), keys('sustainability:write', ['producer']));
const fileCbam = either(users('member', ['producer']), keys('cbam:write', ['producer']));
const attest = either(users('member', ['auditor']), keys('sustainability:write', ['auditor']));
const govern = either(users('member', ['exchange']), keys('brands:write', ['exchange']));
const grant = either(users('member', ['producer', 'exchange']), keys('cbam:write', ['producer', 'exchange']));
/** While the brand is unpublished and the trader holds a grant. */
const cbamReaders: Expect = (w) => exchangeOrTarget(w) || w.kind === 'trader';

const EXPECTED: Record<string, Expect> = {
  'GET /api/v1/sustainability/reference': anyone,
  'PUT /api/v1/sustainability/reference/topics/:code': govern,
  'PUT /api/v1/sustainability/reference/standards/:code': govern,
  'PUT /api/v1/sustainability/reference/methodologies/:metal': govern,
  'PUT /api/v1/sustainability/reference/premium-thresholds/:metal': govern,
  'PUT /api/v1/sustainability/reference/settings': govern,
  'POST /api/v1/evidence-files': file,
  'GET /api/v1/evidence-files/:fileId': anyone,
  'POST /api/v1/brands/:brand/sourcing-tracks': both(file, target),
  'GET /api/v1/brands/:brand/sourcing': anyone,
  'GET /api/v1/sourcing-compliance': anyone,
  'POST /api/v1/brands/:brand/sourcing-compliance': govern,
  'POST /api/v1/disclosures': file,
  'GET /api/v1/disclosures': anyone,
  'GET /api/v1/disclosures/:disclosureId': anyone,
  'POST /api/v1/disclosures/:disclosureId/attestations': attest,
  'GET /api/v1/producers/:orgId/profile': anyone,
  'GET /api/v1/sustainability/comparison': anyone,
  'GET /api/v1/brands/:brand/premium-eligibility': cbamReaders,
  'GET /api/v1/cbam-reports/template': anyone,
  'GET /api/v1/cbam-reports': anyone,
  'POST /api/v1/brands/:brand/cbam-reports': both(fileCbam, target),
  'POST /api/v1/brands/:brand/cbam-reports/excel': both(fileCbam, target),
  'GET /api/v1/brands/:brand/cbam-reports': cbamReaders,
  'PUT /api/v1/brands/:brand/cbam-visibility': both(fileCbam, target),
  'GET /api/v1/brands/:brand/cbam-grants': both(reader, exchangeOrTarget),
  'POST /api/v1/brands/:brand/cbam-grants': both(grant, exchangeOrTarget),
  'POST /api/v1/brands/:brand/cbam-grants/:grantId/revocation': both(grant, exchangeOrTarget),
  'GET /api/v1/certificates/:id/carbon': cbamReaders,
  'GET /api/v1/cbam-exports': reader,
};

// Figures no other record carries, so finding one in a response means CBAM data leaked.
const DIRECT = '7.3917';
const INDIRECT = '5.8263';
const leaks = (text: string): boolean => text.includes(DIRECT) || text.includes(INDIRECT);

/** A signed record verifies against its issuer's key, and the log entry commits to its exact bytes. */
async function expectSignedAndLogged(db: Db, jwt: string, logIndex: number, kind: string, issuerOrgId: string) {
  const kid = decodeCredentialJwt(jwt).header.kid as string;
  expect((await keyByKid(db, kid))?.org_id).toBe(issuerOrgId);
  const result = await verifyCredentialJwtAsync(jwt, async (k) => {
    const row = await keyByKid(db, k);
    return row ? createPublicKey({ key: publicJwk(row.public_key, row.kid) as unknown as JsonWebKey, format: 'jwk' }) : undefined;
  });
  expect(result.ok).toBe(true);
  const entry = (await db.query<{ kind: string; payload_digest: string }>(`SELECT kind, payload_digest FROM log_entries WHERE idx = $1`, [logIndex])).rows[0];
  expect(entry).toEqual({ kind, payload_digest: digestBytes(jwt) });
  return result.ok ? result.credential : undefined;
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => out.push(JSON.stringify(row.values))));
  return out.join('\n');
}

describeEngines('sustainability authorisation', (db) => {
  let app: App;
  let ctx: AppContext;
  let routes: readonly RouteEntry[];
  const who: Who[] = [];
  let params: Record<string, string>;
  let bodies: Record<string, unknown>;
  const queries: Record<string, string> = {};
  let orgs: Map<OrgKind, string>;
  let brand: Awaited<ReturnType<typeof makeBrand>>;
  let certId: string;
  let traderGrant: string;
  const as = (label: string) => who.find((w) => w.label === label)!;

  beforeAll(async () => {
    const built = await testApp(db(), () => new Date('2026-11-22T10:00:00Z'));
    app = built.app;
    ctx = built.ctx;
    // The routes these modules register, and only those.
    const bare = createHttpServer({ logLevel: 'silent', bodyLimitBytes: 1024, authenticate: async () => ANONYMOUS });
    registerSustainabilityRoutes(bare, ctx);
    registerCbamRoutes(bare, ctx);
    await bare.ready();
    routes = routeTable(bare);
    await bare.close();

    orgs = new Map();
    for (const kind of ORG_KINDS) orgs.set(kind, (await makeOrg(db(), kind)).id);
    const other = (await makeOrg(db(), 'producer')).id;
    who.push({ label: 'anonymous', anonymous: true, headers: {} });
    for (const kind of ORG_KINDS) {
      const orgId = orgs.get(kind)!;
      for (const role of ROLES) {
        const u = await makeUser(ctx, orgId, role);
        who.push({ label: `${kind}/${role}`, kind, role, org: kind === 'producer' ? 'target' : undefined, headers: { cookie: u.cookie } });
      }
      for (const scopes of [[...SCOPES_BY_KIND[kind]], ['read']] as Scope[][]) {
        const key = await makeApiKey(db(), orgId, scopes);
        who.push({ label: `${kind}/key[${scopes.join(',')}]`, kind, org: kind === 'producer' ? 'target' : undefined, key: scopes, headers: { authorization: `Bearer ${key}` } });
      }
    }
    for (const role of ROLES) {
      const u = await makeUser(ctx, other, role);
      who.push({ label: `other-producer/${role}`, kind: 'producer', role, org: 'other', headers: { cookie: u.cookie } });
    }

    const producer = as('producer/member').headers;
    const exchange = as('exchange/member').headers;
    brand = await makeBrand(ctx, orgs.get('producer')!, 'AH', 'NO');
    const cert = await app.inject({ method: 'POST', url: '/api/v1/certificates', headers: producer, payload: submissionFor(brand) });
    expect(cert.statusCode, cert.body).toBe(201);
    certId = cert.json<Json>().id;
    const report = await app.inject({
      method: 'POST',
      url: `/api/v1/brands/${brand.code}/cbam-reports`,
      headers: producer,
      payload: {
        periodKind: 'annual',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        installation: 'Fjord smelter',
        installationCountry: 'NO',
        productionRoute: 'primary',
        cnCode: '7601',
        directEmissions: DIRECT,
        indirectEmissions: INDIRECT,
        electricityConsumption: '14.2',
        electricityEmissionFactor: '0.41',
        valueType: 'actual',
        methodology: 'IAI-CF',
        verificationStatus: 'unverified',
      },
    });
    expect(report.statusCode, report.body).toBe(201);
    const evidence = await app.inject({
      method: 'POST',
      url: '/api/v1/evidence-files',
      headers: producer,
      payload: { filename: 'water.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF water').toString('base64') },
    });
    const disclosure = await app.inject({
      method: 'POST',
      url: '/api/v1/disclosures',
      headers: producer,
      payload: { level: 'company', topic: 'water', kind: 'metric', title: 'Water', value: '3.1', unit: 'm3/t', periodStart: '2025-01-01', periodEnd: '2025-12-31', evidenceFileIds: [evidence.json<Json>().id] },
    });
    expect(disclosure.statusCode, disclosure.body).toBe(201);
    const grantTo = (orgId: string) =>
      app.inject({ method: 'POST', url: `/api/v1/brands/${brand.code}/cbam-grants`, headers: producer, payload: { organisationId: orgId, reason: 'Buyer of 2026 tonnage' } });
    const g = await grantTo(orgs.get('trader')!);
    expect(g.statusCode, g.body).toBe(201);
    traderGrant = g.json<Json>().id;
    const revoked = (await grantTo(orgs.get('lender')!)).json<Json>().id;
    const r = await app.inject({ method: 'POST', url: `/api/v1/brands/${brand.code}/cbam-grants/${revoked}/revocation`, headers: exchange, payload: { reason: 'Financing ended' } });
    expect(r.statusCode, r.body).toBe(200);

    params = {
      code: 'carbon',
      metal: 'AH',
      brand: brand.code,
      fileId: evidence.json<Json>().id,
      disclosureId: disclosure.json<Json>().id,
      orgId: orgs.get('producer')!,
      grantId: revoked,
      id: certId,
    };
    queries['GET /api/v1/brands/:brand/premium-eligibility'] = '?year=2026';
    queries['GET /api/v1/sustainability/comparison'] = `?producers=${orgs.get('producer')}`;
    // Valid bodies where the service decides after the door: the owner gets a 4xx about the
    // content (or a harmless no-op), everyone else a refusal.
    bodies = {
      'POST /api/v1/brands/:brand/sourcing-tracks': { track: 'A', effectiveFrom: '2099-01-01' },
      'POST /api/v1/brands/:brand/cbam-reports': { ...report.json<Json>(), methodology: 'WRONG' },
      'POST /api/v1/brands/:brand/cbam-reports/excel': { contentBase64: 'AAAA' },
      'PUT /api/v1/brands/:brand/cbam-visibility': { published: false },
      'POST /api/v1/brands/:brand/cbam-grants': { organisationId: orgs.get('exchange'), reason: 'Matrix test' },
      'POST /api/v1/brands/:brand/cbam-grants/:grantId/revocation': { reason: 'Matrix test' },
    };
    const cbamBody = bodies['POST /api/v1/brands/:brand/cbam-reports'] as Json;
    for (const k of ['id', 'brand', 'version', 'superseded', 'source', 'submittedAt', 'contentDigest', 'credential', 'logIndex', 'verifier', 'carbonPricePaid', 'carbonPriceCurrency']) delete cbamBody[k];
  });

  it('has an expectation for every route this module registers', () => {
    expect(routes.map((r) => `${r.method} ${r.url}`).filter((k) => !(k in EXPECTED))).toEqual([]);
    expect(routes.length).toBe(Object.keys(EXPECTED).length);
  });

  it('allows exactly the expected callers on every route; refusals and outsiders carry no CBAM figures', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const url = route.url.replace(/:([A-Za-z]+)/g, (m, name: string) => params[name] ?? m) + (queries[key] ?? '');
      for (const w of who) {
        const res = await app.inject({
          method: route.method as 'GET',
          url,
          headers: w.headers,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: (bodies[key] ?? {}) as Json }),
        });
        const allowed = EXPECTED[key]!(w);
        const denied = [401, 403, 404].includes(res.statusCode);
        if (allowed === denied) failures.push(`${key} as ${w.label}: expected ${allowed ? 'allow' : 'deny'}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (denied && Object.keys(res.json<Json>()).join() !== 'error') failures.push(`${key} as ${w.label}: refusal body is not just an error`);
        if (w.anonymous && !allowed && res.statusCode !== 401) failures.push(`${key} anonymous: ${res.statusCode}, not 401`);
        if (!cbamReaders(w) && leaks(res.body)) failures.push(`${key} as ${w.label}: CBAM figures leaked`);
      }
    }
    expect(failures).toEqual([]);
  });

  /** Every view of CBAM data, as text, for one caller. */
  async function views(w: Who) {
    const get = (url: string) => app.inject({ method: 'GET', url, headers: w.headers });
    const xlsx = await get('/api/v1/cbam-exports?format=xlsx');
    return {
      brandReports: await get(`/api/v1/brands/${brand.code}/cbam-reports`),
      carbon: await get(`/api/v1/certificates/${certId}/carbon`),
      premium: await get(`/api/v1/brands/${brand.code}/premium-eligibility?year=2026`),
      list: await get('/api/v1/cbam-reports'),
      search: await get(`/api/v1/cbam-reports?metal=AH&brand=${brand.code}&year=2026`),
      csv: await get('/api/v1/cbam-exports?format=csv'),
      xlsx,
      xlsxText: xlsx.statusCode === 200 ? await xlsxText(xlsx.rawPayload) : xlsx.body,
    };
  }

  async function expectVisibility(entitled: (w: Who) => boolean) {
    const failures: string[] = [];
    for (const w of who) {
      const v = await views(w);
      const sees = entitled(w);
      for (const [name, res] of [
        ['brandReports', v.brandReports],
        ['carbon', v.carbon],
        ['premium', v.premium],
      ] as const) {
        if (sees && res.statusCode !== 200) failures.push(`${w.label} ${name}: ${res.statusCode}`);
        if (!sees && res.statusCode !== (w.anonymous ? 401 : 403)) failures.push(`${w.label} ${name}: ${res.statusCode}, expected refusal`);
        if (!sees && (leaks(res.body) || Object.keys(res.json<Json>()).join() !== 'error')) failures.push(`${w.label} ${name}: refusal carries data`);
      }
      if (sees && v.carbon.json<Json>().carbonIntensity?.direct !== DIRECT) failures.push(`${w.label} carbon: no figures`);
      // Exports are for signed-in callers, even of published data.
      const exports = sees && !w.anonymous;
      if (w.anonymous && v.csv.statusCode !== 401) failures.push(`anonymous export: ${v.csv.statusCode}`);
      for (const [name, text, expected] of [
        ['list', v.list.body, sees],
        ['search', v.search.body, sees],
        ['csv', v.csv.body, exports],
        ['xlsx', v.xlsxText, exports],
      ] as const) {
        if (expected !== leaks(text)) failures.push(`${w.label} ${name}: ${expected ? 'missing' : 'leaks'} CBAM figures`);
      }
    }
    expect(failures).toEqual([]);
  }

  it('shows CBAM figures only to the exchange, the producer and grantees, through every view', async () => {
    await expectVisibility(cbamReaders);
    const csv = (await app.inject({ method: 'GET', url: '/api/v1/cbam-exports', headers: as('trader/viewer').headers })).body.split('\r\n');
    expect(csv[0]).toContain('CN code');
    // The grantee sees the carbon figures, not the certificate's tonnes (certificate data is the producer's).
    expect(csv[1]!.split(',').slice(2, 6)).toEqual(['7601', '2026-10-01', '', 'NO']);
    const own = (await app.inject({ method: 'GET', url: '/api/v1/cbam-exports', headers: as('producer/viewer').headers })).body.split('\r\n');
    expect(own[1]!.split(',')[4]).toMatch(/^\d+(\.\d+)?$/);
  });

  it('a revoked grant stops access immediately; the grant and its revocation are signed and logged', async () => {
    const producer = as('producer/member').headers;
    const grants = (await app.inject({ method: 'GET', url: `/api/v1/brands/${brand.code}/cbam-grants`, headers: producer })).json<Json>().items as Json[];
    const g = grants.find((x) => x.id === traderGrant)!;
    await expectSignedAndLogged(db(), g.credential, g.logIndex, 'cbam.grant_created', orgs.get('producer')!);
    const res = await app.inject({ method: 'POST', url: `/api/v1/brands/${brand.code}/cbam-grants/${traderGrant}/revocation`, headers: producer, payload: { reason: 'Contract ended' } });
    expect(res.statusCode, res.body).toBe(200);
    const revoked = res.json<Json>();
    expect(revoked.active).toBe(false);
    await expectSignedAndLogged(db(), revoked.revocation.credential, revoked.revocation.logIndex, 'cbam.grant_revoked', orgs.get('producer')!);
    await expectVisibility(exchangeOrTarget);
  });

  it('once the producer publishes, anyone reads the CBAM data; making it private again closes it', async () => {
    const producer = as('producer/member').headers;
    const pub = await app.inject({ method: 'PUT', url: `/api/v1/brands/${brand.code}/cbam-visibility`, headers: producer, payload: { published: true } });
    expect(pub.statusCode, pub.body).toBe(200);
    const logged = (await db().query<{ kind: string; payload_digest: string }>(`SELECT kind FROM log_entries ORDER BY idx DESC LIMIT 1`)).rows[0];
    expect(logged?.kind).toBe('cbam.visibility_changed');
    const anon = await app.inject({ method: 'GET', url: `/api/v1/certificates/${certId}/carbon` });
    expect(anon.json<Json>()).toMatchObject({ access: 'published', carbonIntensity: { direct: DIRECT, indirect: INDIRECT, total: '13.218' } });
    await expectVisibility(() => true);
    await app.inject({ method: 'PUT', url: `/api/v1/brands/${brand.code}/cbam-visibility`, headers: producer, payload: { published: false } });
    await expectVisibility(exchangeOrTarget);
  });

  it("the certificate carbon view carries the producer's signed report, which verifies and is logged", async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/certificates/${certId}/carbon`, headers: as('exchange/viewer').headers });
    const report = res.json<Json>().report;
    const vc = await expectSignedAndLogged(db(), report.credential, report.logIndex, 'cbam.submitted', orgs.get('producer')!);
    expect((vc!.credentialSubject as Json).figures).toMatchObject({ directEmissions: DIRECT, indirectEmissions: INDIRECT, cnCode: '7601' });
  });
});
