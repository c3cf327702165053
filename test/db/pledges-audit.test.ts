import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAudit, TRUST_REGISTRY } from '../../src/app/trust-registry.ts';
import { pledgesTrust } from '../../src/pledges/trust.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Db, Queryable } from '../../src/platform/db.ts';
import type { App } from '../../src/platform/http.ts';
import type { Finding } from '../../src/trust/audit.ts';
import { describeEngines } from '../engines.ts';
import { testApp } from '../factories.ts';
import { eReceiptFor, party, proposal, warrantFor } from '../fixtures/pledges.ts';
import { call, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';
import { PLEDGE_TAMPER_TYPES } from './tamper-cases.ts';

// Tamper detection for the pledge module's records: for each subject type it logs (electronic
// receipts and their transitions, pledge steps, price publications, collateral terms), a field
// changed in SQL and a row deleted must each be named by `assay audit`. Each case runs inside a
// transaction that is rolled back (foreign keys off, as for an attacker with the database).

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface TamperCase {
  type: string;
  name: string;
  tamper: (q: Queryable) => Promise<string>;
}

describeEngines('tamper detection for pledges, receipts, prices and terms', (db) => {
  let app: App;
  let ctx: AppContext;
  let w: WarehouseWorld;
  const s: Json = {};

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    ctx = built.ctx;
    w = await warehouseWorld(app, ctx);
    const lender = await party(ctx, 'lender');
    s.lenderOrg = lender.orgId;
    s.warrant = await warrantFor(app, w, w.traderOrg);
    s.er = await eReceiptFor(app, w, w.traderOrg);
    s.spare = await eReceiptFor(app, w, w.traderOrg);
    expect((await call(app, 'POST', '/api/v1/e-receipts/transfers', w.trader, { eReceiptIds: [s.er.id], toOrgId: w.buyerOrg })).statusCode).toBe(200);
    expect((await call(app, 'POST', '/api/v1/e-receipts/transfers', w.buyer, { eReceiptIds: [s.er.id], toOrgId: w.traderOrg })).statusCode).toBe(200);
    s.pledge = (await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([s.warrant.id, s.er.id], lender.orgId))).json<Json>();
    expect((await call(app, 'POST', `/api/v1/pledges/${s.pledge.id}/acceptance`, lender.user)).statusCode).toBe(200);
    s.spareP = (await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([s.spare.id], lender.orgId))).json<Json>();
    s.pub = (await call(app, 'POST', '/api/v1/prices', w.exchange, { prices: [{ date: '2026-12-01', metal: 'CA', prompt: 'cash', price: '9512.5' }] })).json<Json>();
    s.spub = (await call(app, 'POST', '/api/v1/prices', w.exchange, { prices: [{ date: '2026-12-01', metal: 'ZS', prompt: 'cash', price: '2987.75' }] })).json<Json>();
    expect((await call(app, 'PUT', '/api/v1/collateral/terms', lender.user, { haircutsPct: { CA: '10' }, ltvAlertPct: '75' })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
  });

  const CASES: TamperCase[] = [
    {
      type: 'e_receipt',
      name: 'tonnage changed',
      tamper: async (q) => {
        await q.query(`UPDATE e_receipts SET tonnes = 26 WHERE id = $1`, [s.er.id]);
        return `electronic receipt ${s.er.number}`;
      },
    },
    {
      type: 'e_receipt',
      name: 'its casts quietly released',
      tamper: async (q) => {
        await q.query(`UPDATE e_receipt_casts SET live = false WHERE e_receipt_id = $1`, [s.er.id]);
        return `electronic receipt ${s.er.number}`;
      },
    },
    {
      type: 'e_receipt',
      name: 'deleted',
      tamper: async (q) => {
        await q.query(`DELETE FROM e_receipt_events WHERE e_receipt_id = $1`, [s.spare.id]);
        await q.query(`DELETE FROM e_receipt_casts WHERE e_receipt_id = $1`, [s.spare.id]);
        await q.query(`DELETE FROM e_receipts WHERE id = $1`, [s.spare.id]);
        return `electronic receipt ${s.spare.id}`;
      },
    },
    {
      type: 'e_receipt_event',
      name: 'holder changed',
      tamper: async (q) => {
        await q.query(`UPDATE e_receipts SET holder_org_id = $2 WHERE id = $1`, [s.er.id, w.buyerOrg]);
        return `electronic receipt ${s.er.number}`;
      },
    },
    {
      type: 'e_receipt_event',
      name: 'a transition deleted',
      tamper: async (q) => {
        await q.query(`DELETE FROM e_receipt_events WHERE e_receipt_id = $1 AND version = 2`, [s.er.id]);
        return `electronic receipt ${s.er.number}`;
      },
    },
    {
      type: 'pledge_event',
      name: 'amount changed',
      tamper: async (q) => {
        await q.query(`UPDATE pledges SET amount = amount + 1 WHERE id = $1`, [s.pledge.id]);
        return `pledge ${s.pledge.number}`;
      },
    },
    {
      type: 'pledge_event',
      name: 'an asset quietly freed',
      tamper: async (q) => {
        await q.query(`UPDATE pledge_assets SET active = false WHERE pledge_id = $1 AND asset_id = $2`, [s.pledge.id, s.warrant.id]);
        return `pledge ${s.pledge.number}`;
      },
    },
    {
      type: 'pledge_event',
      name: 'an asset swapped for another',
      tamper: async (q) => {
        await q.query(`UPDATE pledge_assets SET asset_id = $3 WHERE pledge_id = $1 AND asset_id = $2`, [s.pledge.id, s.er.id, s.spare.id]);
        return `pledge ${s.pledge.number}`;
      },
    },
    {
      type: 'pledge_event',
      name: 'the acceptance deleted',
      tamper: async (q) => {
        await q.query(`DELETE FROM pledge_events WHERE pledge_id = $1 AND version = 2`, [s.pledge.id]);
        return `pledge ${s.pledge.number}`;
      },
    },
    {
      type: 'pledge_event',
      name: 'deleted',
      tamper: async (q) => {
        await q.query(`DELETE FROM pledge_events WHERE pledge_id = $1`, [s.spareP.id]);
        await q.query(`DELETE FROM pledge_assets WHERE pledge_id = $1`, [s.spareP.id]);
        await q.query(`DELETE FROM pledges WHERE id = $1`, [s.spareP.id]);
        return `pledge ${s.spareP.id}`;
      },
    },
    {
      type: 'price_publication',
      name: 'price changed',
      tamper: async (q) => {
        await q.query(`UPDATE official_prices SET price = price + 100 WHERE publication_id = $1`, [s.pub.id]);
        return `price publication ${s.pub.id}`;
      },
    },
    {
      type: 'price_publication',
      name: 'deleted',
      tamper: async (q) => {
        await q.query(`DELETE FROM official_prices WHERE publication_id = $1`, [s.spub.id]);
        await q.query(`DELETE FROM price_publications WHERE id = $1`, [s.spub.id]);
        return `price publication ${s.spub.id}`;
      },
    },
    {
      type: 'collateral_terms',
      name: 'haircut changed',
      tamper: async (q) => {
        await q.query(`UPDATE collateral_terms SET haircuts = '{"CA": "1"}' WHERE taker_org_id = $1`, [s.lenderOrg]);
        return `collateral terms ${s.lenderOrg}`;
      },
    },
    {
      type: 'collateral_terms',
      name: 'deleted',
      tamper: async (q) => {
        await q.query(`DELETE FROM collateral_terms WHERE taker_org_id = $1`, [s.lenderOrg]);
        return `collateral terms ${s.lenderOrg}`;
      },
    },
  ];

  /** Runs `tamper` and the audit inside one transaction that is then rolled back. */
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

  it('has a change and a delete case for each of the module’s subject types, and they are the ones tamper.test.ts leaves here', () => {
    const own = [...new Set((pledgesTrust.checks ?? []).map((c) => c.subjectType))].sort();
    expect(own).toEqual([...PLEDGE_TAMPER_TYPES].sort());
    expect(TRUST_REGISTRY.checks.filter((c) => own.includes(c.subjectType))).toHaveLength(own.length);
    for (const type of own) {
      const mine = CASES.filter((c) => c.type === type);
      expect(mine.filter((c) => c.name !== 'deleted').length, `${type} change`).toBeGreaterThan(0);
      expect(mine.filter((c) => c.name === 'deleted' || c.name.endsWith('deleted')).length, `${type} delete`).toBeGreaterThan(0);
    }
  });

  it('starts clean', async () => {
    expect((await runAudit(ctx)).findings).toEqual([]);
  });

  for (const c of CASES) {
    it(`names ${c.type}: ${c.name} in SQL`, async () => {
      const { names, findings } = await auditAfter(c.tamper);
      expect(findings.map((f) => f.record).join(' | ')).toContain(names);
    });
  }

  it('is clean again after every rollback', async () => {
    expect((await runAudit(ctx)).findings).toEqual([]);
  });
});
