import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAudit, TRUST_REGISTRY } from '../../src/app/trust-registry.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Db, Queryable } from '../../src/platform/db.ts';
import type { App } from '../../src/platform/http.ts';
import type { Finding } from '../../src/trust/audit.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, testApp, type TestUser } from '../factories.ts';
import { issueCast, lotRows, type WarehouseWorld } from '../fixtures/warehouse.ts';
import { ENCUMBRANCE_TAMPER_TYPES, PLEDGE_TAMPER_TYPES, RENT_TAMPER_TYPES, SUSTAINABILITY_TAMPER_TYPES } from './tamper-cases.ts';

// Complete tamper detection: for every subject type the audit checks, one field of one row is
// changed directly in SQL, and then one row is deleted; each time the audit must name the record.
// Each case runs inside a transaction that is rolled back, so the cases do not see each other
// (deletes run with foreign-key triggers off, as an attacker with the database could). A subject
// type that is logged or registered without a case here fails the first test.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface TamperCase {
  /** Change one field of one row; the audit must report a finding whose record contains `names`. */
  change: (q: Queryable) => Promise<string>;
  /** Delete one row; likewise. */
  remove: (q: Queryable) => Promise<string>;
}

describeEngines('tamper detection for every audited record type', (db) => {
  let app: App;
  let ctx: AppContext;
  const s: Json = {};
  const call = async (method: string, url: string, who: TestUser, payload?: unknown) => {
    const r = await app.inject({ method: method as 'POST', url, headers: { cookie: who.cookie }, ...(payload !== undefined ? { payload: payload as Json } : {}) });
    expect([200, 201], `${method} ${url}: ${r.body}`).toContain(r.statusCode);
    return r.json<Json>();
  };

  const one = async <T>(q: Queryable, sql: string, params: unknown[] = []) => (await q.query<T>(sql, params)).rows[0]!;

  const CASES: Record<string, TamperCase> = {
    certificate: {
      change: async (q) => {
        await q.query(`UPDATE certificate_versions SET content = jsonb_set(content, '{remarks}', '"edited in SQL"') WHERE certificate_id = $1 AND version = 1`, [s.cert.id]);
        return `certificate ${s.cert.number} version 1`;
      },
      remove: async (q) => {
        await q.query(`DELETE FROM certificate_versions WHERE certificate_id = $1`, [s.cert.id]);
        await q.query(`DELETE FROM certificates WHERE id = $1`, [s.cert.id]);
        return `certificate ${s.cert.id}`;
      },
    },
    brand: {
      change: async (q) => {
        await q.query(`UPDATE brands SET plant_name = 'Moved in SQL' WHERE id = $1`, [s.brand.id]);
        return `brand ${s.brand.code}`;
      },
      remove: async (q) => {
        await q.query(`DELETE FROM brand_status_history WHERE brand_id = $1`, [s.other.id]);
        await q.query(`DELETE FROM brands WHERE id = $1`, [s.other.id]);
        return `brand ${s.other.id}`;
      },
    },
    contract_spec: {
      change: async (q) => {
        await q.query(`UPDATE contract_specs SET spec = jsonb_set(spec, '{lotTonnes}', '"26"') WHERE metal = 'CA' AND version = 2`);
        return 'contract specification CA version 2';
      },
      remove: async (q) => {
        await q.query(`DELETE FROM contract_specs WHERE metal = 'CA' AND version = 2`);
        return 'contract specification CA version 2';
      },
    },
    signing_key: {
      change: async (q) => {
        const k = await one<{ kid: string }>(q, `SELECT kid FROM signing_keys WHERE org_id = $1 ORDER BY valid_from LIMIT 1`, [s.producerOrg]);
        await q.query(`UPDATE signing_keys SET public_key = decode(repeat('00', 32), 'hex') WHERE kid = $1`, [k.kid]);
        return `key ${k.kid}`;
      },
      remove: async (q) => {
        const k = await one<{ kid: string }>(q, `SELECT kid FROM signing_keys WHERE org_id = $1 AND valid_until IS NULL`, [s.producerOrg]);
        await q.query(`DELETE FROM signing_keys WHERE kid = $1`, [k.kid]);
        return `signing key ${k.kid}`;
      },
    },
    status_list: {
      change: async (q) => {
        await q.query(`UPDATE status_lists SET bits = set_byte(bits, 0, get_byte(bits, 0) # 255) WHERE org_id = $1 AND list_no = 0`, [s.producerOrg]);
        return `status list ${s.producerOrg}/0`;
      },
      remove: async (q) => {
        await q.query(`DELETE FROM status_lists WHERE org_id = $1 AND list_no = 0`, [s.producerOrg]);
        return `status list ${s.producerOrg}/0`;
      },
    },
    delivery_location: {
      change: async (q) => {
        await q.query(`UPDATE delivery_locations SET metals = array_append(metals, 'CO') WHERE code = 'HONGKONG'`);
        return 'delivery location HONGKONG';
      },
      remove: async (q) => {
        await q.query(`DELETE FROM delivery_locations WHERE code = 'GDANSK'`);
        return 'delivery location GDANSK';
      },
    },
    rent_cap: {
      change: async (q) => {
        await q.query(`UPDATE rent_caps SET rent_usd_per_tonne_day = 0.59 WHERE location_code = 'HONGKONG' AND metal = 'CA'`);
        return 'rent cap HONGKONG CA';
      },
      remove: async (q) => {
        await q.query(`DELETE FROM rent_caps WHERE id = $1`, [s.cap.id]);
        return `rent cap ${s.cap.id}`;
      },
    },
    facility: {
      change: async (q) => {
        await q.query(`UPDATE facilities SET min_daily_load_out_tonnes = 1 WHERE id = $1`, [s.facility.id]);
        return `facility ${s.facility.name}`;
      },
      remove: async (q) => {
        await q.query(`DELETE FROM facilities WHERE id = $1`, [s.spareFacility.id]);
        return `facility ${s.spareFacility.id}`;
      },
    },
    receipt: {
      change: async (q) => {
        await q.query(`UPDATE receipt_bundles SET net_kg = net_kg + 100 WHERE receipt_id = $1 AND line = 3`, [s.receipt.id]);
        return `receipt ${s.receipt.number} line 3`;
      },
      remove: async (q) => {
        await q.query(`DELETE FROM receipt_bundles WHERE receipt_id = $1`, [s.spareReceipt.id]);
        await q.query(`DELETE FROM lots WHERE receipt_id = $1`, [s.spareReceipt.id]);
        await q.query(`DELETE FROM receipts WHERE id = $1`, [s.spareReceipt.id]);
        return `receipt ${s.spareReceipt.id}`;
      },
    },
    warrant: {
      change: async (q) => {
        await q.query(`UPDATE warrants SET tonnes = 26 WHERE id = $1`, [s.warrant.id]);
        return `warrant ${s.warrant.number}`;
      },
      remove: async (q) => {
        await q.query(`DELETE FROM warrant_events WHERE warrant_id = $1`, [s.warrant.id]);
        await q.query(`DELETE FROM warrant_casts WHERE warrant_id = $1`, [s.warrant.id]);
        await q.query(`DELETE FROM warrants WHERE id = $1`, [s.warrant.id]);
        return `warrant ${s.warrant.id}`;
      },
    },
    warrant_event: {
      change: async (q) => {
        await q.query(`UPDATE warrants SET holder_org_id = $2 WHERE id = $1`, [s.warrant.id, s.traderOrg]);
        return `warrant ${s.warrant.number}`;
      },
      remove: async (q) => {
        await q.query(`DELETE FROM warrant_events WHERE warrant_id = $1 AND version = 2`, [s.warrant.id]);
        return `warrant ${s.warrant.number}`;
      },
    },
    market_report: {
      change: async (q) => {
        await q.query(`UPDATE market_reports SET document = replace(document, '"rows":[]', '"rows":[{"location":"HONGKONG","metal":"CA"}]') WHERE id = $1`, [s.report.id]);
        return 'market report stock 2026-11-02';
      },
      remove: async (q) => {
        await q.query(`DELETE FROM market_reports WHERE id = $1`, [s.report.id]);
        return `market report ${s.report.id}`;
      },
    },
    off_warrant_declaration: {
      change: async (q) => {
        await q.query(`UPDATE off_warrant_declarations SET tonnes = 1 WHERE id = $1`, [s.declaration.id]);
        return `off-warrant declaration HONGKONG CA`;
      },
      remove: async (q) => {
        await q.query(`DELETE FROM off_warrant_declarations WHERE id = $1`, [s.declaration.id]);
        return `off-warrant declaration ${s.declaration.id}`;
      },
    },
    calendar_adjustment: {
      change: async (q) => {
        await q.query(`UPDATE calendar_adjustments SET day = '2027-06-17' WHERE id = $1`, [s.closure.id]);
        return 'calendar change 2027-06-17';
      },
      remove: async (q) => {
        await q.query(`DELETE FROM calendar_adjustments WHERE id = $1`, [s.closure.id]);
        return `calendar change ${s.closure.id}`;
      },
    },
  };

  /** Runs `tamper` and the audit inside one transaction that is then rolled back. */
  async function auditAfter(tamper: (q: Queryable) => Promise<string>): Promise<{ names: string; findings: Finding[] }> {
    const rollback = new Error('rollback');
    let out: { names: string; findings: Finding[] } | undefined;
    await db()
      .transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`); // foreign keys off, as for an attacker with the database
        const names = await tamper(tx);
        const txDb = { ...db(), query: tx.query.bind(tx), exec: tx.exec.bind(tx) } as Db;
        out = { names, findings: (await runAudit({ ...ctx, db: txDb })).findings };
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    return out!;
  }

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    ctx = built.ctx;
    s.producerOrg = (await makeOrg(db(), 'producer')).id;
    s.exchange = await makeUser(ctx, (await makeOrg(db(), 'exchange')).id, 'admin');
    s.producer = await makeUser(ctx, s.producerOrg, 'admin');
    s.brand = await makeBrand(ctx, s.producerOrg, 'CA');
    s.other = await makeBrand(ctx, s.producerOrg, 'ZS');
    s.cert = await call('POST', '/api/v1/certificates', s.producer, submissionFor(s.brand));
    const revoked = await call('POST', '/api/v1/certificates', s.producer, submissionFor(s.brand));
    await call('POST', `/api/v1/certificates/${revoked.id}/revocation`, s.producer, { reason: 'Tamper test' });
    await call('POST', `/api/v1/organisations/${s.producerOrg}/keys/rotation`, s.producer);
    const current = await call('GET', '/api/v1/metals/CA/specs/in-force?on=2025-01-01', s.exchange);
    const { metal: _m, version: _v, ...spec } = current;
    await call('POST', '/api/v1/metals/CA/specs', s.exchange, { ...spec, effectiveFrom: '2027-01-01' });
    s.closure = await call('POST', '/api/v1/calendar/closures', s.exchange, { date: '2027-06-16', kind: 'closure', name: 'Tamper test closure', effectiveFrom: '2026-12-01' });
    // The warehouse side: a location and a cap set by the exchange, facilities, receipts and a warrant that changed hands.
    await call('PUT', '/api/v1/locations/GDANSK', s.exchange, { name: 'Gdańsk', country: 'PL', timeZone: 'Europe/Warsaw', currency: 'PLN', calendar: 'exchange', metals: ['CA'], approvedFrom: null });
    s.cap = await call('POST', '/api/v1/rent-caps', s.exchange, { location: 'GDANSK', metal: 'CA', effectiveFrom: '2026-04-01', rentUsdPerTonneDay: '0.5' });
    const warehouseOrg = (await makeOrg(db(), 'warehouse')).id;
    s.warehouse = await makeUser(ctx, warehouseOrg, 'member');
    const traderOrg = (s.traderOrg = (await makeOrg(db(), 'trader')).id);
    s.trader = await makeUser(ctx, traderOrg, 'member');
    const facility = (name: string) =>
      call('POST', '/api/v1/facilities', s.exchange, { warehouseOrgId: warehouseOrg, location: 'HONGKONG', name, metals: ['CA'], minDailyLoadOutTonnes: '60', approvedFrom: '2025-02-01' });
    s.facility = await facility('Tamper shed');
    s.spareFacility = await facility('Spare shed');
    const owner = { producer: s.producer, brand: s.brand } as unknown as WarehouseWorld;
    const receive = async (lot: string | null) =>
      call('POST', '/api/v1/receipts', s.warehouse, {
        facilityId: s.facility.id,
        depositorOrgId: traderOrg,
        brand: s.brand.code,
        shape: 'cathodes',
        originCountry: 'CL',
        receivedOn: '2026-11-20',
        bundles: lotRows(lot, await issueCast(app, owner), await issueCast(app, owner)),
      });
    s.receipt = await receive('L');
    s.spareReceipt = await receive(null);
    s.warrant = await call('POST', '/api/v1/warrants', s.warehouse, { lotId: s.receipt.lots[0].id });
    await call('POST', '/api/v1/warrants/transfers', s.trader, { warrantIds: [s.warrant.id], toOrgId: s.producerOrg });
    // A published market report (a past business day's, with no metal on warrant then) and an off-warrant declaration.
    s.report = (await call('POST', '/api/v1/market-reports', s.exchange, { date: '2026-11-02', kinds: ['stock'] })).reports[0];
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    s.declaration = await call('POST', '/api/v1/off-warrant-declarations', s.warehouse, { month, location: 'HONGKONG', metal: 'CA', tonnes: '40' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('has a tamper case for every subject type the audit checks', () => {
    const checked = [...new Set(TRUST_REGISTRY.checks.map((c) => c.subjectType))];
    const covered = new Set([...Object.keys(CASES), ...SUSTAINABILITY_TAMPER_TYPES, ...RENT_TAMPER_TYPES, ...PLEDGE_TAMPER_TYPES, ...ENCUMBRANCE_TAMPER_TYPES]);
    expect(checked.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('starts clean', async () => {
    expect((await runAudit(ctx)).findings).toEqual([]);
  });

  for (const [type, c] of Object.entries(CASES)) {
    it(`names a ${type} changed in SQL`, async () => {
      const { names, findings } = await auditAfter(c.change);
      expect(findings.map((f) => f.record).join(' | ')).toContain(names);
    });
    it(`names a ${type} deleted in SQL`, async () => {
      const { names, findings } = await auditAfter(c.remove);
      expect(findings.map((f) => f.record).join(' | ')).toContain(names);
    });
  }

  it('is clean again after every rollback', async () => {
    expect((await runAudit(ctx)).findings).toEqual([]);
  });
});
