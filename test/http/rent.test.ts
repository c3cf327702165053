import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSession } from '../../src/access/repo.ts';
import { newToken, tokenHash } from '../../src/access/secrets.ts';
import { SESSION_COOKIE } from '../../src/access/routes.ts';
import { runAudit } from '../../src/app/trust-registry.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeOrg, makeUser, testApp, type TestUser } from '../factories.ts';
import { call, issueCast, lotRows, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';

// Rent, end to end on both engines, on a clock the test moves: tariffs within the Hong Kong caps,
// exact accrual across 1 April, a transfer mid-period, 100 days in a load-out queue with 80
// charged, the 31 March endorsement, the 1 % supervision fee, and who may read what. Every
// expected amount is worked out by hand in the comment beside it.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('rent', (db) => {
  let app: App;
  let ctx: AppContext;
  let w: WarehouseWorld;
  let clock = new Date('2026-03-20T02:00:00Z');
  let otherWarehouse: TestUser;
  const s: Json = {};

  /** Moves the clock; sessions made on the old clock would have expired, so everyone signs in again. */
  async function at(iso: string): Promise<void> {
    clock = new Date(`${iso}T02:00:00Z`);
    for (const u of [w.exchange, w.producer, w.warehouse, w.trader, w.buyer, w.stranger, otherWarehouse]) {
      const token = newToken();
      await insertSession(ctx.db, { tokenHash: tokenHash(token), userId: u.id, expiresAt: new Date(clock.getTime() + 3600_000) });
      u.cookie = `${SESSION_COOKIE}=${token}`;
    }
  }

  /** A warrant of two casts of 5 bundles of `netKg` each, issued today to `holderOrg`. */
  async function warrant(holderOrg: string, netKg: string): Promise<Json> {
    const casts = [await issueCast(app, w, 5, netKg, '2026-01-15'), await issueCast(app, w, 5, netKg, '2026-01-15')];
    const r = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
      facilityId: w.facilityId,
      depositorOrgId: holderOrg,
      brand: w.brand.code,
      shape: 'cathodes',
      originCountry: 'CL',
      receivedOn: clock.toISOString().slice(0, 10),
      bundles: lotRows('L', ...casts),
    });
    expect(r.statusCode, r.body).toBe(201);
    const res = await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId: r.json<Json>().lots[0].id });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Json>();
  }

  const tariff = (body: Json, who: TestUser = w.warehouse) => call(app, 'POST', '/api/v1/rent/tariffs', who, { facilityId: w.facilityId, metal: 'CA', ...body });
  const statement = async (who: TestUser, body: Json, expected = 201) => {
    const r = await call(app, 'POST', '/api/v1/rent/statements', who, body);
    expect(r.statusCode, r.body).toBe(expected);
    return r.json<Json>();
  };
  const endorse = async (id: string, who: TestUser = w.warehouse, expected = 200) => {
    const r = await call(app, 'POST', `/api/v1/rent/statements/${id}/endorsement`, who, {});
    expect(r.statusCode, r.body).toBe(expected);
    return r.json<Json>();
  };
  const rentOf = async (id: string, who: TestUser) => (await call(app, 'GET', `/api/v1/warrants/${id}`, who)).json<Json>().rentAccount;

  beforeAll(async () => {
    const built = await testApp(db(), () => clock);
    app = built.app;
    ctx = built.ctx;
    w = await warehouseWorld(app, ctx);
    otherWarehouse = await makeUser(ctx, (await makeOrg(db(), 'warehouse')).id, 'member');
  });
  afterAll(async () => {
    await app.close();
  });

  describe('tariffs within the caps', () => {
    it('shows the Hong Kong copper caps in force: 0.61 US$/t/day and HK$470 FOT', async () => {
      const r = await call(app, 'GET', '/api/v1/rent/caps?location=HONGKONG&metal=CA&rateYear=2026', undefined);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json<Json>()).toMatchObject({ rateYearLabel: '2026/27', from: '2026-04-01', to: '2027-03-31', items: [{ metal: 'CA', rentUsdPerTonneDay: '0.61', fotPerTonne: '470.00', fotCurrency: 'HKD' }] });
    });

    it('refuses copper at 0.62 naming the 0.61 cap, and an FOT charge above HK$470', async () => {
      const r = await tariff({ rateYear: 2026, rentUsdPerTonneDay: '0.62', fotPerTonne: '470' });
      expect(r.statusCode).toBe(422);
      const e = r.json<Json>().error;
      expect(e.message).toContain('above the cap of 0.61 US$/t/day for CA at HONGKONG in 2026/27');
      expect(e.details).toEqual([expect.objectContaining({ path: 'body.rentUsdPerTonneDay', capId: expect.any(String) })]);
      const fot = await tariff({ rateYear: 2026, rentUsdPerTonneDay: '0.61', fotPerTonne: '471' });
      expect(fot.statusCode).toBe(422);
      expect(fot.json<Json>().error.details).toEqual([expect.objectContaining({ path: 'body.fotPerTonne', message: expect.stringContaining('above the cap of 470.00 HKD/t') })]);
    });

    it('accepts 0.61 (2026/27) and 0.60 (2025/26): signed by the warehouse, logged, public', async () => {
      const y26 = await tariff({ rateYear: 2026, rentUsdPerTonneDay: '0.61', fotPerTonne: '470', ficPerTonne: '120.5', perWarrantFees: [{ code: 'ecoa_registration', amount: '10', currency: 'USD' }] });
      expect(y26.statusCode, y26.body).toBe(201);
      expect(y26.json<Json>()).toMatchObject({
        rentUsdPerTonneDay: '0.61',
        currency: 'HKD',
        fotPerTonne: '470.00',
        ficPerTonne: '120.50',
        perWarrantFees: [{ code: 'ecoa_registration', name: 'eCOA registration', amount: '10.00', currency: 'USD' }],
        caps: [{ rentUsdPerTonneDay: '0.61', fotPerTonne: '470.00', fotCurrency: 'HKD' }],
        rateYearLabel: '2026/27',
      });
      const y25 = await tariff({ rateYear: 2025, rentUsdPerTonneDay: '0.6', fotPerTonne: '450' });
      expect(y25.statusCode, y25.body).toBe(201);
      s.tariff26 = y26.json<Json>();
      // Public, and its credential verifies like any other.
      const list = await call(app, 'GET', `/api/v1/rent/tariffs?facility=${w.facilityId}`, undefined);
      expect(list.json<Json>().items.map((t: Json) => `${t.rateYearLabel} ${t.rentUsdPerTonneDay}`)).toEqual(['2025/26 0.6', '2026/27 0.61']);
      const one = await call(app, 'GET', `/api/v1/rent/tariffs/${s.tariff26.id}`, undefined);
      const v = await call(app, 'POST', '/api/v1/verify', undefined, { credential: one.json<Json>().credential });
      expect(v.json<Json>().checks.filter((c: Json) => c.status === 'fail')).toEqual([]);
      expect(v.json<Json>()).toMatchObject({ ok: true, type: 'RentTariff' });
    });

    it('refuses a second tariff for the year, a metal the facility does not take, another company, and an ended year', async () => {
      expect((await tariff({ rateYear: 2026, rentUsdPerTonneDay: '0.5' })).statusCode).toBe(409);
      const zinc = await tariff({ metal: 'ZS', rateYear: 2026, rentUsdPerTonneDay: '0.5' });
      expect([zinc.statusCode, zinc.json<Json>().error.details[0].path]).toEqual([400, 'body.metal']);
      expect((await tariff({ rateYear: 2026, rentUsdPerTonneDay: '0.5' }, otherWarehouse)).statusCode).toBe(403);
      expect((await tariff({ rateYear: 2024, rentUsdPerTonneDay: '0.5' })).json<Json>().error.details[0].message).toContain('ended on 2025-03-31');
      expect((await tariff({ rateYear: 2026, rentUsdPerTonneDay: '0.5', perWarrantFees: [{ code: 'parking', amount: '1', currency: 'USD' }] })).statusCode).toBe(400);
      expect((await tariff({ rateYear: 2026, rentUsdPerTonneDay: '0.5' }, w.trader)).statusCode).toBe(403);
    });
  });

  describe('accrual and the 31 March cycle', () => {
    it('a 25.123 t warrant shows its rent from the warranting date', async () => {
      s.w1 = await warrant(w.traderOrg, '2512.3'); // 10 × 2,512.3 kg = 25.123 t, on 20 March 2026
      expect(s.w1.tonnes).toBe('25.123');
      // The warrant credential states the rate of the tariff in force when it was issued.
      expect(s.w1.rent).toEqual({ usdPerTonneDay: '0.6', basis: 'tariff' });
      // Owed 20 March: 1 day × 0.60 × 25.123 = 15.0738 → 15.07. To 31 March: 12 days = 180.8856 → 180.89.
      expect(s.w1.rentAccount).toMatchObject({
        paidTo: null,
        owedFrom: '2026-03-20',
        outstanding: { amount: '15.07', days: 1 },
        toRateYearEnd: { paidTo: '2026-03-31', amount: '180.89', days: 12 },
        unpricedDays: 0,
      });
      // The public view of the warrant carries no rent account.
      expect((await call(app, 'GET', `/api/v1/warrants/${s.w1.id}`, undefined)).json<Json>().rentAccount).toBeUndefined();
    });

    it('held across 1 April with two rates: the statement and its endorsement', async () => {
      // Two more warrants of 25 t warranted 1 April (at 0.61: 15.25 a day), for the tests below.
      await at('2026-04-01');
      s.w2 = await warrant(w.traderOrg, '2500');
      s.w3 = await warrant(w.traderOrg, '2500');
      await at('2026-04-10');
      // 20–31 March: 12 × 0.60 × 25.123 = 180.8856; 1–10 April: 10 × 0.61 × 25.123 = 153.2503; 334.1359 → 334.14
      const st = await statement(w.trader, { warrantIds: [s.w1.number], paidTo: '2026-04-10' });
      expect(st).toMatchObject({ status: 'open', view: 'full', paidTo: '2026-04-10', totals: { byCurrency: [{ currency: 'USD', amount: '334.14' }] } });
      expect(st.lines).toHaveLength(1);
      expect(st.lines[0]).toMatchObject({ from: '2026-03-20', to: '2026-04-10', days: 22, exact: '334.1359000000', amount: '334.14', paidToBefore: null });
      expect(st.lines[0].segments.map((g: Json) => [g.from, g.to, g.days, g.rateUsdPerTonneDay, g.rateYear, g.exact])).toEqual([
        ['2026-03-20', '2026-03-31', 12, '0.6', '2025/26', '180.8856000000'],
        ['2026-04-01', '2026-04-10', 10, '0.61', '2026/27', '153.2503000000'],
      ]);
      expect((await rentOf(s.w1.id, w.trader)).openStatement).toBe(st.number);
      // While it waits, the warrant cannot go on a second statement.
      expect((await call(app, 'POST', '/api/v1/rent/statements', w.trader, { warrantIds: [s.w1.id] })).statusCode).toBe(409);
      // Only the warehouse endorses; the holder cannot.
      expect((await call(app, 'POST', `/api/v1/rent/statements/${st.id}/endorsement`, w.trader, {})).statusCode).toBe(403);
      const done = await endorse(st.id);
      expect(done).toMatchObject({ status: 'endorsed', warehouses: [{ id: w.warehouseOrg, endorsed: { on: '2026-04-10' } }] });
      expect(await rentOf(s.w1.id, w.trader)).toMatchObject({ paidTo: '2026-04-10', owedFrom: '2026-04-11', outstanding: { amount: '0.00', days: 0 }, openStatement: null });
      expect((await call(app, 'POST', `/api/v1/rent/statements/${st.id}/endorsement`, w.warehouse, {})).statusCode).toBe(409);
      // The endorsement is the warehouse's signed statement.
      const v = await call(app, 'POST', '/api/v1/verify', undefined, { credential: done.warehouses[0].endorsed.credential });
      expect(v.json<Json>()).toMatchObject({ ok: true, type: 'RentEndorsement' });
      s.first = done;
      // W3 is cancelled for load-out the next day (queue day 1: 11 April); see the queue test below.
      await at('2026-04-11');
      expect((await call(app, 'POST', `/api/v1/warrants/${s.w3.id}/cancellation`, w.trader, {})).statusCode).toBe(200);
    });

    it('a transfer mid-period keeps the paid-to date; the new holder owes from the day after it', async () => {
      // W2: 25 t warranted 1 April (at 0.61: 15.25 a day). It is 11 April.
      // The trader pays W2 to 15 April: 15 days × 15.25 = 228.75.
      const st = await statement(w.trader, { warrantIds: [s.w2.id], paidTo: '2026-04-15' });
      expect(st.totals.byCurrency).toEqual([{ currency: 'USD', amount: '228.75' }]);
      await endorse(st.number);
      await at('2026-04-20');
      const t = await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: [s.w2.id], toOrgId: w.buyerOrg });
      expect(t.statusCode, t.body).toBe(200);
      expect(await rentOf(s.w2.id, w.buyer)).toMatchObject({ paidTo: '2026-04-15', owedFrom: '2026-04-16', outstanding: { amount: '76.25', days: 5 } }); // 16–20 April: 5 × 15.25
      // The previous holder no longer pays it.
      expect((await call(app, 'POST', '/api/v1/rent/statements', w.trader, { warrantIds: [s.w2.id] })).statusCode).toBe(404);
      // The buyer pays 16 April – 31 May: 15 + 31 = 46 days × 15.25 = 701.50.
      const b = await statement(w.buyer, { warrantIds: [s.w2.id], paidTo: '2026-05-31' });
      expect(b.lines[0]).toMatchObject({ paidToBefore: '2026-04-15', from: '2026-04-16', to: '2026-05-31', days: 46, amount: '701.50' });
      await endorse(b.id);
      expect((await rentOf(s.w2.id, w.buyer)).paidTo).toBe('2026-05-31');
    });

    it('cancellation followed by 100 days in the queue: only 80 are charged', async () => {
      // W3: 25 t warranted 1 April, cancelled 11 April (queue day 1), loaded out 20 July (11 April + 100
      // days): queue days 11 April – 19 July = 100, of which 11 April – 29 June (80) are charged.
      await at('2026-07-20');
      expect((await call(app, 'POST', `/api/v1/warrants/${s.w3.id}/load-out`, w.warehouse, { reference: 'Truck HK-1' })).statusCode).toBe(200);
      // 10 live days + 80 queue days = 90 × 15.25 = 1,372.50 (all 110 days would be 1,677.50).
      expect(await rentOf(s.w3.id, w.trader)).toMatchObject({ outstanding: { amount: '1372.50', days: 90 }, toRateYearEnd: { amount: '1372.50', days: 90 } });
    });

    it('endorsement to 31 March: every warrant the holder owes rent on, to the next 31 March', async () => {
      const out = await call(app, 'GET', '/api/v1/rent/outstanding', w.trader);
      expect(out.statusCode, out.body).toBe(200);
      expect(out.json<Json>().items.map((i: Json) => i.number).sort()).toEqual([s.w1.number, s.w3.number].sort());
      const st = await statement(w.trader, { all: true });
      expect(st.paidTo).toBe('2027-03-31');
      const line = (id: string) => st.lines.find((l: Json) => l.warrantId === id);
      // W1, paid to 10 April: round(C(31 Mar 2027)) − round(C(10 Apr 2026)).
      //   C(31 Mar 2027) = 180.8856 (12 days at 0.60) + 365 × 15.32503 (5,593.63595) = 5,774.52155 → 5,774.52
      //   C(10 Apr 2026) = 334.1359 → 334.14;  line = 5,774.52 − 334.14 = 5,440.38
      //   (the exact rent of its 355 days is 5,440.38565: rounding it alone would say 5,440.39, one cent more
      //   than the whole year costs in one statement; the carried rounding keeps the total exact).
      expect(line(s.w1.id)).toMatchObject({ from: '2026-04-11', to: '2027-03-31', days: 355, exact: '5440.3856500000', amount: '5440.38' });
      expect(line(s.w3.id)).toMatchObject({ days: 90, amount: '1372.50', status: 'delivered_out' });
      // Totals per warehouse and currency: 5,440.38 + 1,372.50 = 6,812.88.
      expect(st.totals).toEqual({
        byWarehouse: [{ warehouse: { id: w.warehouseOrg, name: expect.any(String) }, currency: 'USD', warrants: 2, amount: '6812.88' }],
        byCurrency: [{ currency: 'USD', amount: '6812.88' }],
      });
      s.yearEnd = await endorse(st.id);
      expect(await rentOf(s.w1.id, w.trader)).toMatchObject({ paidTo: '2027-03-31', toRateYearEnd: { amount: '0.00', days: 0 } });
      // Nothing more is owed: another "all" statement has nothing to pay.
      expect((await call(app, 'POST', '/api/v1/rent/statements', w.trader, { all: true })).statusCode).toBe(422);
    });

    it('refuses to endorse a statement the warrants no longer match; the holder withdraws it and makes a new one', async () => {
      s.w4 = await warrant(w.traderOrg, '2500'); // 20 July 2026
      const st = await statement(w.trader, { warrantIds: [s.w4.id] }); // 20 July 2026 – 31 March 2027: 12 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 = 255 days × 15.25 = 3,888.75
      expect(st.totals.byCurrency[0].amount).toBe('3888.75');
      await at('2026-07-21');
      expect((await call(app, 'POST', `/api/v1/warrants/${s.w4.id}/cancellation`, w.trader, {})).statusCode).toBe(200);
      // Cancelled on 21 July: chargeable 20 July + 80 queue days = 81 days (the line assumed 255).
      const stale = await call(app, 'POST', `/api/v1/rent/statements/${st.id}/endorsement`, w.warehouse, {});
      expect(stale.statusCode).toBe(409);
      expect(stale.json<Json>().error.message).toContain(`Warrant ${s.w4.number} now owes 1235.25 USD for 81 day(s)`);
      expect((await call(app, 'POST', `/api/v1/rent/statements/${st.id}/withdrawal`, w.warehouse, {})).statusCode).toBe(403);
      const wd = await call(app, 'POST', `/api/v1/rent/statements/${st.id}/withdrawal`, w.trader, { reason: 'Cancelled for load-out' });
      expect(wd.json<Json>()).toMatchObject({ status: 'withdrawn' });
      expect((await call(app, 'POST', `/api/v1/rent/statements/${st.id}/endorsement`, w.warehouse, {})).statusCode).toBe(409);
      const again = await statement(w.trader, { warrantIds: [s.w4.id] });
      expect(again.totals.byCurrency[0].amount).toBe('1235.25'); // 81 × 15.25
      s.pending = again;
    });

    it('refuses a warrant without a tariff for its days, naming the rate year', async () => {
      const r = await call(app, 'POST', '/api/v1/rent/statements', w.buyer, { warrantIds: [s.w2.id], paidTo: '2027-04-30' });
      expect(r.statusCode).toBe(422);
      expect(r.json<Json>().error.message).toContain('no CA tariff');
      expect(r.json<Json>().error.message).toContain('2027/28');
    });
  });

  describe('statements are read by their holder, their warehouse and the exchange only', () => {
    it('refuses everyone else, in the list and in one, as PDF and as XLSX', async () => {
      const id = s.yearEnd.id;
      for (const who of [w.trader, w.warehouse, w.exchange]) expect((await call(app, 'GET', `/api/v1/rent/statements/${id}`, who)).statusCode).toBe(200);
      for (const who of [w.buyer, w.stranger, w.producer, otherWarehouse]) {
        for (const path of ['', '/pdf', '/xlsx']) expect((await call(app, 'GET', `/api/v1/rent/statements/${id}${path}`, who)).statusCode, path).toBe(404);
      }
      expect((await call(app, 'GET', `/api/v1/rent/statements/${id}`, undefined)).statusCode).toBe(401);
      expect((await call(app, 'GET', '/api/v1/rent/statements?scope=held', w.buyer)).json<Json>().items.map((x: Json) => x.id)).not.toContain(id);
      expect((await call(app, 'GET', '/api/v1/rent/statements?scope=all', w.trader)).statusCode).toBe(403);
      // The warehouse's queue: what waits for its endorsement.
      const queue = await call(app, 'GET', '/api/v1/rent/statements?scope=to-endorse', w.warehouse);
      expect(queue.json<Json>().items.map((x: Json) => x.number)).toEqual([s.pending.number]);
      expect((await call(app, 'GET', '/api/v1/rent/statements?scope=to-endorse', otherWarehouse)).json<Json>().items).toEqual([]);
    });

    it('downloads the statement as a PDF and as a workbook with its lines and totals', async () => {
      const pdf = await call(app, 'GET', `/api/v1/rent/statements/${s.yearEnd.number}/pdf`, w.trader);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const xlsx = await call(app, 'GET', `/api/v1/rent/statements/${s.yearEnd.id}/xlsx`, w.warehouse);
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const cells = wb.getWorksheet('Statement')!.getSheetValues().flat().map(String);
      expect(cells).toContain(s.yearEnd.number);
      expect(cells).toContain('5440.38');
      expect(cells).toContain('6812.88');
    });
  });

  describe('supervision fee', () => {
    it('charges each warehouse company 1 % of the rent it endorsed in a period, with the exchange’s statement beside', async () => {
      await at('2026-08-01');
      // April–June: endorsed 334.14 (10 April) + 228.75 (11 April) + 701.50 (20 April) = 1,264.39; 1 % = 12.6439 → 12.64.
      const preview = await call(app, 'GET', '/api/v1/rent/fee-preview?from=2026-04-01&to=2026-06-30', w.warehouse);
      expect(preview.json<Json>().items).toEqual([expect.objectContaining({ rentEndorsed: [{ currency: 'USD', amount: '1264.39' }], fee: [{ currency: 'USD', amount: '12.64' }], endorsements: 3 })]);
      const q2 = await call(app, 'POST', '/api/v1/rent/fee-statements', w.exchange, { from: '2026-04-01', to: '2026-06-30' });
      expect(q2.statusCode, q2.body).toBe(201);
      const [wh, ex] = q2.json<Json>().items;
      expect(wh).toMatchObject({ kind: 'warehouse', feePct: '1', warehouse: { id: w.warehouseOrg }, rentEndorsed: [{ currency: 'USD', amount: '1264.39' }], fee: [{ currency: 'USD', amount: '12.64' }] });
      expect(wh.endorsements).toHaveLength(3);
      expect(ex).toMatchObject({ kind: 'exchange', warehouse: null, fee: [{ currency: 'USD', amount: '12.64' }], warehouses: [{ id: w.warehouseOrg, statement: wh.number }] });
      // July: the 31 March endorsement, 6,812.88; 1 % = 68.1288 → 68.13.
      const jul = await call(app, 'POST', '/api/v1/rent/fee-statements', w.exchange, { from: '2026-07-01', to: '2026-07-31' });
      expect(jul.json<Json>().items[0]).toMatchObject({ rentEndorsed: [{ currency: 'USD', amount: '6812.88' }], fee: [{ currency: 'USD', amount: '68.13' }] });
      // A period is charged once, and only once it has ended.
      expect((await call(app, 'POST', '/api/v1/rent/fee-statements', w.exchange, { from: '2026-06-01', to: '2026-07-15' })).statusCode).toBe(409);
      expect((await call(app, 'POST', '/api/v1/rent/fee-statements', w.exchange, { from: '2026-08-01', to: '2026-08-31' })).statusCode).toBe(400);
      expect((await call(app, 'POST', '/api/v1/rent/fee-statements', w.warehouse, { from: '2026-01-01', to: '2026-01-31' })).statusCode).toBe(403);
      // The warehouse reads its own statements, never the exchange's summary; a trader none.
      const mine = await call(app, 'GET', '/api/v1/rent/fee-statements', w.warehouse);
      expect(mine.json<Json>().items.map((f: Json) => f.kind)).toEqual(['warehouse', 'warehouse']);
      expect((await call(app, 'GET', `/api/v1/rent/fee-statements/${ex.id}`, w.warehouse)).statusCode).toBe(404);
      expect((await call(app, 'GET', `/api/v1/rent/fee-statements/${wh.number}`, otherWarehouse)).statusCode).toBe(404);
      expect((await call(app, 'GET', '/api/v1/rent/fee-statements', w.trader)).statusCode).toBe(403);
      const one = await call(app, 'GET', `/api/v1/rent/fee-statements/${wh.id}`, w.warehouse);
      const v = await call(app, 'POST', '/api/v1/verify', undefined, { credential: one.json<Json>().credential });
      expect(v.json<Json>()).toMatchObject({ ok: true, type: 'SupervisionFeeStatement' });
    });
  });

  describe('audit', () => {
    it('is clean after all of it', async () => {
      expect((await runAudit(ctx)).findings).toEqual([]);
    });

    it('names a paid-to date moved in SQL', async () => {
      await db().query(`UPDATE warrants SET rent_paid_to = '2027-12-31' WHERE id = $1`, [s.w1.id]);
      const findings = (await runAudit(ctx)).findings;
      expect(findings.map((f) => f.record)).toContain(`warrant ${s.w1.number} rent paid-to`);
      await db().query(`UPDATE warrants SET rent_paid_to = '2027-03-31' WHERE id = $1`, [s.w1.id]);
      expect((await runAudit(ctx)).findings).toEqual([]);
    });
  });
});
