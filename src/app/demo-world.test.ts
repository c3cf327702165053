import { beforeAll, expect, it } from 'vitest';
import { build, isBusinessDay, paramsFor, type StockDocument } from '../reports/generate.ts';
import { parseScaled } from '../rent/money.ts';
import { ANONYMOUS } from '../access/principal.ts';
import { listBrands } from '../brands/service.ts';
import { runAudit } from './trust-registry.ts';
import { getVersion } from '../certificates/repo.ts';
import { digestBytes } from '../trust/trust.ts';
import { verifyCredentialJwt } from '../trust/vc.ts';
import { publicKeyFromRaw } from '../trust/keystore.ts';
import { METAL_CODES } from '../metals/spec-types.ts';
import { describeEngines } from '../../test/engines.ts';
import { testContext } from '../../test/factories.ts';
import type { AppContext } from './context.ts';
import {
  DEMO_PASSWORD,
  demoEmail,
  demoLogins,
  hasOrganisations,
  seedDemoWorld,
  type DemoWorldSummary,
} from './demo-world.ts';
import { buildServer } from './server.ts';
import { compare, producerProfile } from '../sustainability/profile-service.ts';

const CERTIFICATES = 60;
const LOCATIONS = ['HONGKONG', 'KAOHSIUNG', 'PORTKLANG', 'ROTTERDAM'];
// Real time, fixed once: sessions are checked against the database clock, so the demo clock must agree.
const NOW = new Date();
const day = (offsetDays: number): string =>
  new Date(NOW.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describeEngines('demo world', (db) => {
  let ctx: AppContext;
  let summary: DemoWorldSummary;

  beforeAll(async () => {
    ctx = testContext(db(), () => NOW);
    expect(await hasOrganisations(ctx.db)).toBe(false);
    summary = await seedDemoWorld(ctx, { certificates: CERTIFICATES });
  });

  it('keeps closing = opening + in − out every business day of the demo history, each day opening where the last closed', async () => {
    const t = (x: string) => parseScaled(x, 6, 'tonnes');
    const day = (d: Date) => d.toISOString().slice(0, 10);
    let previous = new Map<string, bigint>();
    let moved = 0n;
    for (let back = 45; back >= 0; back--) {
      const d = day(new Date(NOW.getTime() - back * 86_400_000));
      if (!(await isBusinessDay(ctx, d))) continue;
      const doc = (await build(ctx, await paramsFor(ctx, 'stock', d))) as StockDocument;
      const closing = new Map<string, bigint>();
      for (const r of doc.rows) {
        const key = `${r.location}/${r.metal}`;
        expect(t(r.closing), `${d} ${key}`).toBe(t(r.opening) + t(r.deliveredIn) - t(r.deliveredOut));
        expect(t(r.opening), `${d} ${key} opens where it closed`).toBe(previous.get(key) ?? t(r.opening));
        moved += t(r.deliveredIn) + t(r.deliveredOut);
        closing.set(key, t(r.closing));
      }
      previous = closing;
    }
    // The demo's warrants came in (and some went out) within the window: the check saw real movement.
    // (The demo records its warehouse history today: on a closed day there is no report of it to check.)
    if (await isBusinessDay(ctx, day(NOW))) expect(moved).toBeGreaterThan(0n);
  });

  it('lists a brand for every metal', async () => {
    const brands = await listBrands(ctx, ANONYMOUS, { status: 'listed' });
    expect(new Set(brands.map((b) => b.metal))).toEqual(new Set(METAL_CODES));
    for (const b of brands) expect(b.code).toMatch(/^[A-Z]{5,6}$/);
  });

  it('issues, rejects, amends and revokes the numbers it reports', async () => {
    const { rows } = await ctx.db.query<{ status: string; n: number; amended: number }>(
      `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE current_version > 1)::int AS amended
         FROM certificates GROUP BY status`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r]));
    const c = summary.certificates;
    // The requested history, and one certificate per cast the warehouses received.
    expect(summary.warehouses.certificates).toBeGreaterThan(0);
    expect(c.total).toBe(CERTIFICATES + summary.warehouses.certificates);
    expect(c.rejected).toBe(Math.round(CERTIFICATES * 0.02) || 1);
    expect(c.amended).toBeGreaterThan(0);
    expect(c.revoked).toBeGreaterThan(0);
    expect(by.issued?.n).toBe(c.issued);
    expect(by.rejected?.n).toBe(c.rejected);
    expect(by.revoked?.n).toBe(c.revoked);
    expect(c.issued + c.rejected + c.revoked).toBe(c.total);
    const amended = rows.reduce((a, r) => a + r.amended, 0);
    expect(amended).toBe(c.amended);
    // Every certificate and every version was written through the service: one audit event each.
    const audit = await ctx.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_events WHERE subject_type = 'certificate' GROUP BY action`,
    );
    const events = Object.fromEntries(audit.rows.map((r) => [r.action, r.n]));
    expect(events['certificate.issued']).toBe(c.issued + c.revoked);
    expect(events['certificate.rejected']).toBe(c.rejected);
    expect(events['certificate.amended']).toBe(c.amended);
    expect(events['certificate.revoked']).toBe(c.revoked);
  });

  it('keeps production dates within the last 18 months and not after today', async () => {
    const r = await ctx.db.query<{ min: string; max: string }>(
      `SELECT min(production_date)::text AS min, max(production_date)::text AS max FROM certificates`,
    );
    expect(r.rows[0]!.max <= day(0)).toBe(true);
    expect(r.rows[0]!.min >= day(-550)).toBe(true);
  });

  it('issues Russian nickel produced after 13 April 2024 but flags it not warrant-eligible', async () => {
    const r = await ctx.db.query<{ status: string; warrant_eligible: boolean; production_date: string }>(
      `SELECT c.status, c.warrant_eligible, c.production_date FROM certificates c
         WHERE c.metal = 'NI' AND c.origin_country = 'RU'`,
    );
    expect(r.rows.length).toBeGreaterThan(0);
    for (const row of r.rows) {
      expect(row.production_date >= '2024-04-13').toBe(true);
      expect(row).toMatchObject({ status: 'issued', warrant_eligible: false });
    }
    const others = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM certificates WHERE status = 'issued' AND NOT warrant_eligible AND origin_country <> 'RU'`,
    );
    expect(others.rows[0]!.n).toBe(0);
    expect(summary.certificates.notWarrantEligible).toBe(r.rows.length);
  });

  it('names the registered designation on every alloy certificate it issues', async () => {
    const r = await ctx.db.query<{ metal: string; designation: string | null; status: string }>(
      `SELECT c.metal, c.status, v.content->'spec'->>'designation' AS designation
         FROM certificates c JOIN certificate_versions v ON v.certificate_id = c.id AND v.version = c.current_version
        WHERE c.metal IN ('AA', 'NA')`,
    );
    const live = r.rows.filter((x) => x.status !== 'rejected');
    expect(live.map((x) => x.metal).sort()).toEqual(expect.arrayContaining(['AA', 'NA']));
    for (const row of live) expect(row.designation, row.metal).toBe(row.metal === 'AA' ? '226' : 'A380.1');
    for (const row of r.rows.filter((x) => x.status === 'rejected')) expect(row.designation).toBeNull();
  });

  it('gives back every credential of the demo byte for byte: each one rebuilt from its stored pieces hashes to what the log committed to and verifies', async () => {
    // The log entry of a conforming version commits to the SHA-256 of the JWS as it was signed
    // (migrations/0015 stores only its frame, signature and status index).
    const r = await ctx.db.query<{ certificate_id: string; version: number; payload_digest: string; public_key: Buffer }>(
      `SELECT v.certificate_id, v.version, l.payload_digest, k.public_key
         FROM certificate_versions v JOIN log_entries l ON l.idx = v.log_index
         JOIN credential_frames f ON f.id = v.jws_frame
         JOIN signing_keys k ON k.kid = convert_from(decode(rpad(translate(f.protected_header, '-_', '+/'), ((length(f.protected_header) + 3) / 4) * 4, '='), 'base64'), 'UTF8')::jsonb->>'kid'`,
    );
    const conforming = (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM certificate_versions WHERE verdict = 'conforming'`)).rows[0]!.n;
    expect(r.rows.length).toBe(conforming);
    expect(conforming).toBeGreaterThan(CERTIFICATES / 2);
    for (const row of r.rows) {
      const jwt = (await getVersion(ctx.db, row.certificate_id, row.version))!.credential!;
      expect(digestBytes(jwt), `${row.certificate_id} v${row.version}`).toBe(row.payload_digest);
      expect(verifyCredentialJwt(jwt, () => publicKeyFromRaw(row.public_key))).toMatchObject({ ok: true });
    }
  });

  it('gives several producers a sustainability record, so profiles and the comparison show something', async () => {
    const orgOf = async (slug: string) =>
      (await ctx.db.query<{ id: string }>(`SELECT org_id AS id FROM users WHERE email = $1`, [demoEmail('admin', slug)])).rows[0]!.id;
    const ids = await Promise.all(['eldvik', 'atacama', 'pohjola', 'apodaca', 'pechora'].map(orgOf));
    const result = (await compare(ctx, ANONYMOUS, { producers: ids })) as unknown as {
      subjects: { name: string; tracks: Record<string, string | null>; metrics: Record<string, { value: string; periodEnd: string }>; certifications: unknown[] }[];
    };
    const [eldvik, atacama, pohjola, apodaca, pechora] = result.subjects;
    const lastYear = `${NOW.getUTCFullYear() - 1}-12-31`;
    expect(eldvik).toMatchObject({ tracks: { ELDAL: 'A' }, metrics: { carbon: { value: '4.1', periodEnd: lastYear }, energy: {}, water: {} } });
    expect(eldvik!.certifications).toHaveLength(1);
    expect(atacama).toMatchObject({ tracks: { ATACU: 'A' }, metrics: { carbon: { value: '3.1' } } });
    expect(pohjola).toMatchObject({ tracks: { POHNI: 'A' }, metrics: { carbon: { value: '7.2' } } });
    expect(apodaca).toMatchObject({ tracks: { APOAA: 'D' }, metrics: { recycling: { value: '94' } } });
    expect(pechora).toMatchObject({ tracks: { PECHNI: null }, metrics: {} }); // nothing on record
    // The profile holds both years (a trend to chart), the certification attested by the auditor.
    const profile = (await producerProfile(ctx, ANONYMOUS, ids[0]!)) as unknown as { metrics: { topic: string }[]; certifications: { attestations?: unknown[] }[] };
    expect(profile.metrics.filter((m) => m.topic === 'carbon')).toHaveLength(2);
    expect(profile.certifications[0]!.attestations?.length).toBe(1);
  });

  it('leaves a transparency log the audit accepts', async () => {
    const audit = await runAudit(ctx);
    expect(audit.findings).toEqual([]);
    expect(audit.records.certificate).toBe(summary.certificates.total);
  });

  it('gives every demo warehouse company a facility the exchange approved, at the four locations', async () => {
    const { rows } = await ctx.db.query<{
      org: string;
      location: string;
      metals: string[];
      approved: boolean;
    }>(
      `SELECT o.name AS org, f.location_code AS location, f.metals,
              EXISTS (SELECT 1 FROM log_entries e WHERE e.subject_id = f.id::text AND e.kind = 'network.facility_approved') AS approved
         FROM organisations o LEFT JOIN facilities f ON f.warehouse_org_id = o.id
        WHERE o.kind = 'warehouse' ORDER BY f.location_code`,
    );
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.location)).toEqual(LOCATIONS);
    for (const r of rows) {
      expect(r.approved, r.org).toBe(true);
      expect(r.metals.length).toBeGreaterThan(0);
    }
    expect(summary.warehouses.facilities).toBe(4);
  });

  it('has live, cancelled and delivered-out warrants at each location, as the summary reports', async () => {
    const { rows } = await ctx.db.query<{ location: string; status: string; n: number }>(
      `SELECT location_code AS location, status, count(*)::int AS n FROM warrants GROUP BY 1, 2`,
    );
    const n = (location: string, status: string): number =>
      rows.find((r) => r.location === location && r.status === status)?.n ?? 0;
    for (const location of LOCATIONS) {
      for (const status of ['live', 'cancelled', 'delivered_out'])
        expect(n(location, status), `${location} ${status}`).toBeGreaterThan(0);
      const reported = summary.warehouses.byLocation.find((x) => x.location === location)!;
      expect(reported).toMatchObject({
        live: n(location, 'live'),
        cancelled: n(location, 'cancelled'),
        deliveredOut: n(location, 'delivered_out'),
      });
      expect(reported.receipts).toBeGreaterThan(0);
    }
    const total = (status: string): number =>
      rows.filter((r) => r.status === status).reduce((a, r) => a + r.n, 0);
    expect(summary.warehouses.warrants).toEqual({
      live: total('live'),
      cancelled: total('cancelled'),
      deliveredOut: total('delivered_out'),
    });
    // A load-out queue with several positions at one facility, in the order they were cancelled.
    const queues = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM warrants WHERE status = 'cancelled' GROUP BY facility_id ORDER BY n DESC`,
    );
    expect(queues.rows[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('has warrants held by a trader, the lender and the end user, some of them transferred', async () => {
    const { rows } = await ctx.db.query<{ kind: string }>(
      `SELECT DISTINCT o.kind FROM warrants w JOIN organisations o ON o.id = w.holder_org_id WHERE w.status <> 'delivered_out'`,
    );
    expect(rows.map((r) => r.kind).sort()).toEqual(['end_user', 'lender', 'trader']);
    const transferred = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM warrant_events WHERE kind = 'warrant.transferred'`,
    );
    expect(transferred.rows[0]!.n).toBeGreaterThan(0);
  });

  it('keeps metal off warrant with real reasons: no certificate, a weight outside tolerance, the origin rule', async () => {
    const { rows } = await ctx.db.query<{ code: string; reason: string }>(
      `SELECT c->>'code' AS code, c->>'reason' AS reason
         FROM receipts r, jsonb_array_elements(r.content->'reconciliation'->'bundles') b, jsonb_array_elements(b->'checks') c
        WHERE (c->>'ok')::boolean = false`,
    );
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(['ecoa', 'weights', 'origin']));
    expect(rows.find((r) => r.code === 'ecoa')!.reason).toMatch(
      /^No certificate of analysis is registered for PCR /,
    );
    expect(rows.find((r) => r.code === 'weights')!.reason).toMatch(
      /net [\d.]+ kg received, [\d.]+ kg certified/,
    );
    expect(summary.warehouses.offWarrantBundles).toBeGreaterThan(2);
  });

  it('leaves a swap on offer for Lion City, which sees it on signing in and can accept it', async () => {
    expect(summary.warehouses.swapsOffered).toEqual([
      { proposer: 'Meridian Metals Trading SA', counterparty: 'Lion City Commodities Pte. Ltd.' },
    ]);
    const app = await buildServer(ctx);
    try {
      const session = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: demoEmail('member', 'lioncity'), password: DEMO_PASSWORD },
      });
      expect(session.statusCode).toBe(201);
      const cookies = { assay_session: session.cookies.find((c) => c.name === 'assay_session')!.value };
      const swaps = await app.inject({ method: 'GET', url: '/api/v1/warrant-swaps', cookies });
      expect(swaps.statusCode).toBe(200);
      const offered = swaps.json().items.filter((x: { status: string }) => x.status === 'offered');
      expect(offered).toHaveLength(1);
      expect(offered[0]).toMatchObject({
        proposer: { name: 'Meridian Metals Trading SA' },
        counterparty: { name: 'Lion City Commodities Pte. Ltd.' },
      });
      const accepted = await app.inject({
        method: 'POST',
        url: `/api/v1/warrant-swaps/${offered[0].id}/acceptance`,
        cookies,
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ status: 'accepted', moved: true });
      expect((await runAudit(ctx)).findings).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('gives every organisation an admin and a member, and the demo admin can sign in over HTTP', async () => {
    const logins = await demoLogins(ctx.db);
    expect(logins).toHaveLength(summary.users);
    expect(logins.filter((l) => l.role === 'admin')).toHaveLength(summary.organisations);
    const app = await buildServer(ctx);
    try {
      const ok = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: demoEmail('admin', 'exchange'), password: DEMO_PASSWORD },
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().user).toMatchObject({ email: 'admin@exchange.demo', role: 'admin' });
      const cookie = ok.cookies.find((c) => c.name === 'assay_session');
      expect(cookie?.value).toBeTruthy();
      // The session sees the rejected certificates (exchange staff see everything).
      const list = await app.inject({
        method: 'GET',
        url: '/api/v1/certificates?status=rejected',
        cookies: { assay_session: cookie!.value },
      });
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toHaveLength(summary.certificates.rejected);
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: 'admin@exchange.demo', password: 'not-the-demo-password' },
      });
      expect(wrong.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
