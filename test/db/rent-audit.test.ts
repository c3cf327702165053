import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertSession } from '../../src/access/repo.ts';
import { SESSION_COOKIE } from '../../src/access/routes.ts';
import { newToken, tokenHash } from '../../src/access/secrets.ts';
import { runAudit } from '../../src/app/trust-registry.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Db, Queryable } from '../../src/platform/db.ts';
import type { App } from '../../src/platform/http.ts';
import { rentTrust } from '../../src/rent/trust.ts';
import type { Finding } from '../../src/trust/audit.ts';
import { describeEngines } from '../engines.ts';
import { testApp } from '../factories.ts';
import { call, issueCast, lotRows, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';
import { RENT_TAMPER_TYPES } from './tamper-cases.ts';

// `assay audit` over rent records: a tariff, statements (one endorsed, one withdrawn), an
// endorsement and the fee statements of a period are made through the API and audit clean; then,
// for every subject type the rent module logs, a field changed in SQL and a row deleted are each
// named by the audit. Each case runs in a transaction that is rolled back (foreign keys off, as for
// an attacker with the database).

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Case {
  type: string;
  what: string;
  tamper: (q: Queryable) => Promise<string>;
}

describeEngines('rent audit and tampering', (db) => {
  let app: App;
  let ctx: AppContext;
  let w: WarehouseWorld;
  let clock = new Date('2026-05-04T03:00:00Z');
  const s: Json = {};

  async function at(iso: string): Promise<void> {
    clock = new Date(`${iso}T03:00:00Z`);
    for (const u of [w.exchange, w.warehouse, w.trader, w.producer]) {
      const token = newToken();
      await insertSession(ctx.db, { tokenHash: tokenHash(token), userId: u.id, expiresAt: new Date(clock.getTime() + 3600_000) });
      u.cookie = `${SESSION_COOKIE}=${token}`;
    }
  }
  const ok = async (method: string, url: string, who: WarehouseWorld['trader'], body?: unknown) => {
    const r = await call(app, method, url, who, body);
    expect([200, 201], `${method} ${url}: ${r.body}`).toContain(r.statusCode);
    return r.json<Json>();
  };

  beforeAll(async () => {
    const built = await testApp(db(), () => clock);
    app = built.app;
    ctx = built.ctx;
    w = await warehouseWorld(app, ctx);
    s.tariff = await ok('POST', '/api/v1/rent/tariffs', w.warehouse, { facilityId: w.facilityId, metal: 'CA', rateYear: 2026, rentUsdPerTonneDay: '0.55', fotPerTonne: '400', ficPerTonne: '90' });
    const warrant = async () => {
      const casts = [await issueCast(app, w, 5, '2500', '2026-02-01'), await issueCast(app, w, 5, '2500', '2026-02-01')];
      const r = await ok('POST', '/api/v1/receipts', w.warehouse, { facilityId: w.facilityId, depositorOrgId: w.traderOrg, brand: w.brand.code, shape: 'cathodes', originCountry: 'CL', receivedOn: '2026-05-04', bundles: lotRows('L', ...casts) });
      return ok('POST', '/api/v1/warrants', w.warehouse, { lotId: r.lots[0].id });
    };
    s.w1 = await warrant();
    s.w2 = await warrant();
    s.withdrawn = await ok('POST', '/api/v1/rent/statements', w.trader, { warrantIds: [s.w2.id], paidTo: '2026-06-30' });
    await ok('POST', `/api/v1/rent/statements/${s.withdrawn.id}/withdrawal`, w.trader, { reason: 'Wrong date' });
    s.statement = await ok('POST', '/api/v1/rent/statements', w.trader, { warrantIds: [s.w1.id, s.w2.id], paidTo: '2026-09-30' });
    await at('2026-05-06');
    s.endorsed = await ok('POST', `/api/v1/rent/statements/${s.statement.id}/endorsement`, w.warehouse, {});
    await at('2026-06-02');
    s.fees = (await ok('POST', '/api/v1/rent/fee-statements', w.exchange, { from: '2026-05-01', to: '2026-05-31' })).items;
    expect(s.fees.map((f: Json) => f.kind)).toEqual(['warehouse', 'exchange']);
  });
  afterAll(async () => {
    await app.close();
  });

  const endorsementId = () => s.endorsed.warehouses[0].endorsed.id as string;
  const CASES: Case[] = [
    {
      type: 'rent_tariff',
      what: 'rent raised',
      tamper: async (q) => {
        await q.query(`UPDATE rent_tariffs SET rent_usd_per_tonne_day = 0.45 WHERE id = $1`, [s.tariff.id]);
        return `rent tariff ${s.tariff.id}`;
      },
    },
    {
      type: 'rent_tariff',
      what: 'deleted',
      tamper: async (q) => {
        await q.query(`DELETE FROM rent_tariffs WHERE id = $1`, [s.tariff.id]);
        return `rent tariff ${s.tariff.id}`;
      },
    },
    {
      type: 'rent_statement',
      what: 'a line made cheaper',
      tamper: async (q) => {
        await q.query(`UPDATE rent_statement_lines SET amount = amount - 1 WHERE statement_id = $1 AND line = 2`, [s.statement.id]);
        return `rent statement ${s.statement.number} line 2`;
      },
    },
    {
      type: 'rent_statement',
      what: 'its withdrawal undone',
      tamper: async (q) => {
        await q.query(`UPDATE rent_statements SET status = 'open', withdrawal = NULL WHERE id = $1`, [s.withdrawn.id]);
        return `rent statement ${s.withdrawn.number}`;
      },
    },
    {
      type: 'rent_statement',
      what: 'deleted',
      tamper: async (q) => {
        await q.query(`DELETE FROM rent_statement_lines WHERE statement_id = $1`, [s.withdrawn.id]);
        await q.query(`DELETE FROM rent_statements WHERE id = $1`, [s.withdrawn.id]);
        return `rent statement ${s.withdrawn.id}`;
      },
    },
    {
      type: 'rent_endorsement',
      what: 'its date moved',
      tamper: async (q) => {
        await q.query(`UPDATE rent_endorsements SET endorsed_on = '2026-04-30' WHERE id = $1`, [endorsementId()]);
        return `rent endorsement ${endorsementId()}`;
      },
    },
    {
      type: 'rent_endorsement',
      what: 'a paid-to date moved on the warrant',
      tamper: async (q) => {
        await q.query(`UPDATE warrants SET rent_paid_to = '2027-03-31' WHERE id = $1`, [s.w2.id]);
        return `warrant ${s.w2.number} rent paid-to`;
      },
    },
    {
      type: 'rent_endorsement',
      what: 'deleted',
      tamper: async (q) => {
        await q.query(`DELETE FROM rent_endorsements WHERE id = $1`, [endorsementId()]);
        return `rent endorsement ${endorsementId()}`;
      },
    },
    {
      type: 'supervision_fee',
      what: 'content edited',
      tamper: async (q) => {
        await q.query(`UPDATE rent_fee_statements SET content = jsonb_set(content, '{fee,0,amount}', '"0.01"') WHERE id = $1`, [s.fees[0].id]);
        return `supervision fee statement ${s.fees[0].number}`;
      },
    },
    {
      type: 'supervision_fee',
      what: 'an endorsement moved out of its period (the fee no longer adds up)',
      tamper: async (q) => {
        await q.query(`UPDATE rent_endorsements SET endorsed_on = '2026-06-01' WHERE id = $1`, [endorsementId()]);
        return `supervision fee statement ${s.fees[1].number}`;
      },
    },
    {
      type: 'supervision_fee',
      what: 'deleted',
      tamper: async (q) => {
        await q.query(`DELETE FROM rent_fee_statements WHERE id = $1`, [s.fees[1].id]);
        return `supervision fee statement ${s.fees[1].id}`;
      },
    },
  ];

  async function auditAfter(tamper: (q: Queryable) => Promise<string>): Promise<{ names: string; findings: Finding[] }> {
    const rollback = new Error('rollback');
    let out: { names: string; findings: Finding[] } | undefined;
    await db()
      .transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
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

  it('has a change and a delete case for every subject type the rent module logs', () => {
    expect([...new Set(rentTrust.checks!.map((c) => c.subjectType))].sort()).toEqual([...RENT_TAMPER_TYPES].sort());
    for (const type of RENT_TAMPER_TYPES) {
      expect(CASES.filter((c) => c.type === type && c.what !== 'deleted').length, `${type} change`).toBeGreaterThan(0);
      expect(CASES.filter((c) => c.type === type && c.what === 'deleted').length, `${type} delete`).toBeGreaterThan(0);
    }
  });

  it('starts clean', async () => {
    const result = await runAudit(ctx);
    expect(result.findings).toEqual([]);
    expect(result.records.rent_tariff).toBe(1);
    expect(result.records.rent_statement).toBe(2);
  });

  for (const c of CASES) {
    it(`names a ${c.type}: ${c.what}`, async () => {
      const { names, findings } = await auditAfter(c.tamper);
      expect(findings.map((f) => f.record).join(' | ')).toContain(names);
    });
  }

  it('is clean again after every rollback', async () => {
    expect((await runAudit(ctx)).findings).toEqual([]);
  });
});
