import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/app/trust-registry.ts';
import { priceWorkbook } from '../../src/pledges/price-file.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { testApp } from '../factories.ts';
import { lotFor, party, proposal, warrantFor, type Party } from '../fixtures/pledges.ts';
import { call, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';

// Collateral valuation over HTTP on both engines: the exchange publishes official prices (JSON,
// CSV, XLSX; signed and logged), a lender sets its haircuts and LTV threshold, and its book values
// three pledged warrants at the latest price after haircut with the LTV computed by hand below; a
// price move across the threshold raises the alert.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const b64 = (x: string | Buffer) => Buffer.from(x).toString('base64');

describeEngines('collateral valuation', (db) => {
  let app: App;
  let ctx: AppContext;
  let copper: WarehouseWorld;
  let zinc: WarehouseWorld;
  let lender: Party;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const s: Json = {};

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    ctx = built.ctx;
    copper = await warehouseWorld(app, ctx, 'CA');
    zinc = await warehouseWorld(app, ctx, 'ZS');
    lender = await party(ctx, 'lender');
  });
  afterAll(async () => {
    await app.close();
  });

  describe('official prices', () => {
    it('the exchange publishes by API, signed and logged; others may not', async () => {
      const body = { prices: [{ date: day(-1), metal: 'CA', prompt: 'cash', price: '9512.50' }, { date: day(-1), metal: 'CA', prompt: '3M', price: '9580' }] };
      expect((await call(app, 'POST', '/api/v1/prices', copper.trader, body)).statusCode).toBe(403);
      expect((await call(app, 'POST', '/api/v1/prices', lender.user, body)).statusCode).toBe(403);
      const res = await call(app, 'POST', '/api/v1/prices', copper.exchange, body);
      expect(res.statusCode, res.body).toBe(201);
      const pub = res.json<Json>();
      expect(pub).toMatchObject({ source: 'api', prices: [{ metal: 'CA', prompt: '3M', price: '9580', currency: 'USD' }, { metal: 'CA', prompt: 'cash', price: '9512.5' }] });
      const v = await call(app, 'POST', '/api/v1/verify', undefined, { credential: pub.credential });
      expect(v.json<Json>()).toMatchObject({ ok: true, type: 'PricePublication' });
      const bad = await call(app, 'POST', '/api/v1/prices', copper.exchange, { prices: [{ date: day(-1), metal: 'CA', prompt: 'weekly', price: '0' }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<Json>().error.details.map((d: Json) => d.path)).toEqual(['body.prices.0.prompt', 'body.prices.0.price']);
    });

    it('and by CSV or XLSX upload, every problem named by row and column, nothing published unless there are none', async () => {
      const csv = `date,metal,prompt,price,currency\r\n${day(-1)},ZS,cash,2987.75,USD\r\n`;
      const up = await call(app, 'POST', '/api/v1/prices/upload', copper.exchange, { filename: 'lme-official.csv', contentBase64: b64(csv) });
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json<Json>()).toMatchObject({ source: 'csv', filename: 'lme-official.csv', prices: [{ metal: 'ZS', price: '2987.75' }] });
      const broken = await call(app, 'POST', '/api/v1/prices/upload', copper.exchange, { filename: 'x.csv', contentBase64: b64(`date,metal,prompt,price\n${day(-1)},ZS,cash,abc\n`) });
      expect(broken.statusCode).toBe(400);
      expect(broken.json<Json>().error.details).toEqual([{ path: 'file row 2 column price', message: '"abc" is not a positive price with at most 4 decimals' }]);
      const xlsx = await priceWorkbook([[day(-1), 'NI', 'cash', 15800, 'USD']]);
      const x = await call(app, 'POST', '/api/v1/prices/upload', copper.exchange, { filename: 'lme.xlsx', contentBase64: b64(xlsx) });
      expect(x.statusCode, x.body).toBe(201);
      expect(x.json<Json>()).toMatchObject({ source: 'xlsx', prices: [{ metal: 'NI', price: '15800' }] });
      const latest = (await call(app, 'GET', '/api/v1/prices?prompt=cash', undefined)).json<Json>();
      expect(latest.items.map((p: Json) => `${p.metal} ${p.price}`).sort()).toEqual(['CA 9512.5', 'NI 15800', 'ZS 2987.75']);
      expect(latest.valuationPrompt).toBe('cash');
    });
  });

  describe('a lender’s book', () => {
    it('the lender sets its haircuts and threshold (logged); other metals keep the defaults', async () => {
      const before = (await call(app, 'GET', '/api/v1/collateral/terms', lender.user)).json<Json>();
      expect(before).toMatchObject({ version: 0, set: {}, ltvAlertPct: '80', haircutsPct: { CA: '12', ZS: '15' } });
      expect((await call(app, 'PUT', '/api/v1/collateral/terms', copper.trader, { haircutsPct: { CA: '10' } })).statusCode).toBe(403);
      expect((await call(app, 'PUT', '/api/v1/collateral/terms', lender.user, { haircutsPct: { CA: '100' } })).statusCode).toBe(400);
      const t = await call(app, 'PUT', '/api/v1/collateral/terms', lender.user, { haircutsPct: { CA: '10' }, ltvAlertPct: '80' });
      expect(t.statusCode, t.body).toBe(200);
      expect(t.json<Json>()).toMatchObject({ version: 1, set: { CA: '10' }, haircutsPct: { CA: '10', ZS: '15', NI: '20' }, ltvAlertPct: '80' });
    });

    it('values three pledged warrants at the latest price after haircut: the LTV computed by hand', async () => {
      const holder = copper.traderOrg;
      const w1 = await warrantFor(app, copper, holder);
      const w2 = await warrantFor(app, copper, holder);
      // The zinc warrant is issued straight to the copper trader.
      const { lotId } = await lotFor(app, zinc, zinc.traderOrg);
      const w3 = (await call(app, 'POST', '/api/v1/warrants', zinc.warehouse, { lotId, holderOrgId: holder })).json<Json>();
      expect([w1.tonnes, w2.tonnes, w3.tonnes, w3.metal]).toEqual(['25', '25', '25', 'ZS']);
      const p = (await call(app, 'POST', '/api/v1/pledges', copper.trader, proposal([w1.id, w2.id, w3.id], lender.orgId, { amount: '390000' }))).json<Json>();
      s.pledge = p;
      // Offered: valued already, so the lender sees what it would take on.
      const offered = (await call(app, 'GET', '/api/v1/collateral/book', lender.user)).json<Json>();
      expect(offered.proposals.map((x: Json) => x.number)).toEqual([p.number]);
      expect(offered.proposals[0].valuation.ltvPct).toBe('79.34');
      await call(app, 'POST', `/api/v1/pledges/${p.id}/acceptance`, lender.user);
      const book = (await call(app, 'GET', '/api/v1/collateral/book', lender.user)).json<Json>();
      const v = book.active.find((x: Json) => x.number === p.number).valuation;
      // By hand:
      //   copper: 2 × 25 t × 9,512.50 = 475,625.00; less 10 % = 428,062.50
      //   zinc:       25 t × 2,987.75 =  74,693.75; less 15 % (default) = 63,489.6875
      //   collateral value = 491,552.1875; LTV = 390,000 ÷ 491,552.1875 = 79.3405… %
      expect(v.assets.map((a: Json) => [a.number, a.price, a.haircutPct, a.value])).toEqual([
        [w1.number, '9512.5', '10', '214031.25'],
        [w2.number, '9512.5', '10', '214031.25'],
        [w3.number, '2987.75', '15', '63489.6875'],
      ]);
      expect(v).toMatchObject({ collateralValue: '491552.1875', ltvPct: '79.34', ltvAlertPct: '80', ltvAlert: false, problems: [] });
      expect(book.alerts).toEqual([]);
    });

    it('a price move across the threshold raises the alert', async () => {
      // Copper's cash price falls to 9,300 today: copper 50 t × 9,300 × 0.9 = 418,500;
      // value 481,989.6875; LTV = 390,000 ÷ 481,989.6875 = 80.9145… % ≥ 80 %.
      await call(app, 'POST', '/api/v1/prices', copper.exchange, { prices: [{ date: day(0), metal: 'CA', prompt: 'cash', price: '9300' }] });
      const book = (await call(app, 'GET', '/api/v1/collateral/book', lender.user)).json<Json>();
      expect(book.active.find((x: Json) => x.number === s.pledge.number).valuation).toMatchObject({ collateralValue: '481989.6875', ltvPct: '80.91', ltvAlert: true });
      expect(book.alerts).toEqual([{ pledge: s.pledge.number, pledgeId: s.pledge.id, code: 'ltv', message: 'LTV 80.91 % is at or above your threshold of 80 %' }]);
      // The lender lowers its copper haircut to 8 %: 50 × 9,300 × 0.92 = 427,800; value 491,289.6875 → 79.38 %: clear again.
      await call(app, 'PUT', '/api/v1/collateral/terms', lender.user, { haircutsPct: { CA: '8' } });
      const after = (await call(app, 'GET', '/api/v1/collateral/book', lender.user)).json<Json>();
      expect(after.active[0].valuation).toMatchObject({ collateralValue: '491289.6875', ltvPct: '79.38', ltvAlert: false });
      expect(after.alerts).toEqual([]);
    });

    it('is the lender’s alone', async () => {
      expect((await call(app, 'GET', '/api/v1/collateral/book', copper.trader)).statusCode).toBe(403);
      const other = await party(ctx, 'clearing_house');
      const theirs = (await call(app, 'GET', '/api/v1/collateral/book', other.user)).json<Json>();
      expect([...theirs.active, ...theirs.proposals]).toEqual([]);
      expect(theirs.terms.ltvAlertPct).toBe('80');
    });

    it('the audit is clean', async () => {
      expect((await runAudit(ctx)).findings).toEqual([]);
    });
  });
});
