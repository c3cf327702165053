import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAudit, TRUST_REGISTRY } from '../../src/app/trust-registry.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Db, Queryable } from '../../src/platform/db.ts';
import type { App } from '../../src/platform/http.ts';
import type { Finding } from '../../src/trust/audit.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, testApp, type TestUser } from '../factories.ts';
import { SUSTAINABILITY_TAMPER_TYPES } from './tamper-cases.ts';

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
  });
  afterAll(async () => {
    await app.close();
  });

  it('has a tamper case for every subject type the audit checks', () => {
    const checked = [...new Set(TRUST_REGISTRY.checks.map((c) => c.subjectType))];
    const covered = new Set([...Object.keys(CASES), ...SUSTAINABILITY_TAMPER_TYPES]);
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
