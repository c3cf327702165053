import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/app/trust-registry.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { App } from '../../src/platform/http.ts';
import { build, documentBytes, paramsOf, type ReportDocument } from '../../src/reports/generate.ts';
import { toMilli } from '../../src/reports/rules.ts';
import { describeEngines } from '../engines.ts';
import { testApp } from '../factories.ts';
import { call, issueCast, lotRows, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';

// The market reports end to end on both engines, on a clock the test moves: twenty 25 t copper
// warrants issued at a Hong Kong facility on Monday 16 November 2026, changing hands, cancelled
// and loaded out over the week; the exchange publishes each business day's reports after its
// close (London time: GMT in November, so a day closes at 00:00Z) and the month's off-warrant
// report after its declaration window. Figures below are worked out by hand from that story.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('market reports', (db) => {
  let app: App;
  let ctx: AppContext;
  let w: WarehouseWorld;
  let clock = new Date('2026-11-16T09:00:00Z');
  const at = (iso: string) => {
    clock = new Date(iso);
  };
  const s: Json = {};
  const publish = (body: Json) => call(app, 'POST', '/api/v1/market-reports', w.exchange, body);
  const published = async (kind: string, period: string): Promise<Json> => {
    const list = await call(app, 'GET', `/api/v1/market-reports?kind=${kind}&from=${period}&to=${period}`, undefined);
    expect(list.statusCode, list.body).toBe(200);
    const [item] = list.json<Json>().items;
    expect(item, `${kind} ${period} published`).toBeDefined();
    return (await call(app, 'GET', `/api/v1/market-reports/${item.id}`, undefined)).json<Json>();
  };

  beforeAll(async () => {
    const built = await testApp(db(), () => clock);
    app = built.app;
    ctx = built.ctx;
    w = await warehouseWorld(app, ctx);
    // The test's sessions outlive the week it walks through.
    await db().query(`UPDATE sessions SET expires_at = '2100-01-01'`);

    // Monday 16 November, 10:00 London: twenty lots received and warranted to the trader, and a
    // twenty-first lot received but not warranted (off-warrant, recorded).
    at('2026-11-16T10:00:00Z');
    const casts = [];
    for (let i = 0; i < 21; i++) casts.push(await issueCast(app, w, 10));
    const receipt = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
      facilityId: w.facilityId,
      depositorOrgId: w.traderOrg,
      brand: w.brand.code,
      shape: 'cathodes',
      originCountry: 'CL',
      receivedOn: '2026-11-16',
      bundles: casts.flatMap((c, i) => lotRows(`L${i + 1}`, c)),
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    const lots: Json[] = receipt.json<Json>().lots;
    s.warrants = [] as Json[];
    for (const lot of lots.filter((l) => l.lotRef !== 'L21')) {
      const r = await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId: lot.id });
      expect(r.statusCode, r.body).toBe(201);
      s.warrants.push(r.json<Json>());
    }
    const ids = (from: number, to: number) => s.warrants.slice(from, to).map((x: Json) => x.id);
    // Two to the buyer: the trader holds 18 of 20 live warrants (90 %), the buyer 2 (10 %).
    expect((await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: ids(0, 2), toOrgId: w.buyerOrg })).statusCode).toBe(200);

    // Just after Monday's close: its stock and queue reports.
    at('2026-11-17T00:30:00Z');
    const r = await publish({ date: '2026-11-16', kinds: ['stock', 'queue'] });
    expect(r.statusCode, r.body).toBe(200);
    s.mondayStock = r.json<Json>().reports.find((x: Json) => x.kind === 'stock');
    s.mondayBytes = (await call(app, 'GET', `/api/v1/market-reports/${s.mondayStock.id}/document`, undefined)).body;

    // Tuesday: nine more to the buyer (trader 9 = 45 %, buyer 11 = 55 %).
    at('2026-11-17T10:00:00Z');
    expect((await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: ids(2, 11), toOrgId: w.buyerOrg })).statusCode).toBe(200);
    // Wednesday: the buyer cancels two into the load-out queue.
    at('2026-11-18T10:00:00Z');
    for (const id of ids(0, 2)) expect((await call(app, 'POST', `/api/v1/warrants/${id}/cancellation`, w.buyer, {})).statusCode).toBe(200);
    // Thursday: the warehouse loads one out.
    at('2026-11-19T10:00:00Z');
    const out = await call(app, 'POST', `/api/v1/warrants/${ids(0, 1)[0]}/load-out`, w.warehouse, { reference: 'Truck HK-1' });
    expect(out.statusCode, out.body).toBe(200);
    // Friday morning: the rest of the week's reports.
    at('2026-11-20T09:00:00Z');
    for (const date of ['2026-11-17', '2026-11-18', '2026-11-19']) {
      const p = await publish({ date });
      expect(p.statusCode, p.body).toBe(200);
    }
    const fri = await publish({ date: '2026-11-20', kinds: ['banding'] });
    expect(fri.statusCode, fri.body).toBe(200);
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports each day opening, in, out, closing, live and cancelled, closing = opening + in − out, each day opening where the last closed', async () => {
    const expected: Record<string, string[]> = {
      //            opening in     out  closing live  cancelled
      '2026-11-16': ['0', '500', '0', '500', '500', '0'],
      '2026-11-17': ['500', '0', '0', '500', '500', '0'],
      '2026-11-18': ['500', '0', '0', '500', '450', '50'],
      '2026-11-19': ['500', '0', '25', '475', '450', '25'],
    };
    let lastClosing = 0n;
    for (const [day, figures] of Object.entries(expected)) {
      const doc = (await published('stock', day)).document;
      expect(doc).toMatchObject({ kind: 'stock', businessDay: day, timeZone: 'Europe/London', window: { to: `${day.slice(0, 8)}${String(Number(day.slice(8)) + 1).padStart(2, '0')}T00:00:00.000Z` } });
      const rows = doc.rows.filter((r: Json) => r.metal === 'CA' && r.location === 'HONGKONG');
      expect(rows).toHaveLength(1);
      const row = rows[0];
      expect([row.opening, row.deliveredIn, row.deliveredOut, row.closing, row.live, row.cancelled], day).toEqual(figures);
      // The identities, on every line of the report, whatever else the database holds.
      for (const r of doc.rows) {
        expect(toMilli(r.closing)).toBe(toMilli(r.opening) + toMilli(r.deliveredIn) - toMilli(r.deliveredOut));
        expect(toMilli(r.closing)).toBe(toMilli(r.live) + toMilli(r.cancelled));
      }
      expect(toMilli(row.opening)).toBe(lastClosing);
      lastClosing = toMilli(row.closing);
    }
    expect((await published('stock', '2026-11-18')).document.previousBusinessDay).toBe('2026-11-17');
  });

  it('re-generates a past day’s report byte for byte as published that day, after the week’s changes', async () => {
    const stored = (await call(app, 'GET', `/api/v1/market-reports/${s.mondayStock.id}/document`, undefined)).body;
    expect(stored).toBe(s.mondayBytes);
    const doc = JSON.parse(stored) as ReportDocument;
    expect(documentBytes(await build(ctx, paramsOf(doc)))).toBe(stored);
    // Publishing Monday again is a no-op.
    const again = await publish({ date: '2026-11-16', kinds: ['stock'] });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<Json>().reports).toEqual([expect.objectContaining({ id: s.mondayStock.id, outcome: 'unchanged', documentDigest: s.mondayStock.documentDigest })]);
    // Anyone verifies it: signature, log inclusion, stored bytes, and the rebuild.
    const v = await call(app, 'GET', `/api/v1/market-reports/${s.mondayStock.id}/verification`, undefined);
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json<Json>()).toMatchObject({ ok: true, type: 'MarketReportCredential', document: { status: 'pass' }, reproduced: { status: 'pass' } });
    expect(v.json<Json>().checks.filter((c: Json) => c.status === 'fail')).toEqual([]);
    expect((await call(app, 'GET', `/api/v1/market-reports/${s.mondayStock.id}/credential`, undefined)).statusCode).toBe(200);
    expect((await call(app, 'GET', `/api/v1/market-reports/${s.mondayStock.id}/proof`, undefined)).body).toContain('index');
  });

  it('bands holdings three business days in arrears: 90 % in 90–100, then 45 % in 40–<50 beside 55 % in 50–<80, never naming a holder', async () => {
    const thursday = await published('banding', '2026-11-19');
    expect(thursday.document).toMatchObject({ asOf: '2026-11-16', arrearsBusinessDays: 3 });
    expect(thursday.document.metals).toEqual([
      {
        metal: 'CA',
        liveTonnes: '500',
        liveWarrants: 20,
        positions: [{ position: 1, band: 'E' }],
        byBand: [
          { band: 'A', positions: 0 },
          { band: 'B', positions: 0 },
          { band: 'C', positions: 0 },
          { band: 'D', positions: 0 },
          { band: 'E', positions: 1 },
        ],
      },
    ]);
    const friday = await published('banding', '2026-11-20');
    expect(friday.document.asOf).toBe('2026-11-17');
    expect(friday.document.metals[0].positions).toEqual([
      { position: 1, band: 'C' },
      { position: 2, band: 'B' },
    ]);
    expect(friday.document.bands.find((b: Json) => b.code === 'B')).toEqual({ code: 'B', fromPct: 40, toPct: 50 });
    for (const r of [thursday, friday]) {
      const body = JSON.stringify(r);
      for (const org of [w.traderOrg, w.buyerOrg]) expect(body).not.toContain(org);
    }
  });

  it('reports the load-out queue per facility with its estimated waiting time', async () => {
    const q = (await published('queue', '2026-11-18')).document;
    expect(q.facilities).toEqual([
      {
        facility: w.facilityId,
        location: 'HONGKONG',
        warrants: 2,
        tonnes: '50',
        metals: [{ metal: 'CA', warrants: 2, tonnes: '50' }],
        minDailyLoadOutTonnes: '60',
        waitingWorkingDays: 1,
        waitingSince: '2026-11-18',
      },
    ]);
    expect((await published('queue', '2026-11-16')).document.facilities).toEqual([]);
  });

  it('refuses what is not a business day, and what is not due yet', async () => {
    const sat = await publish({ date: '2026-11-21' });
    expect(sat.statusCode).toBe(400);
    expect(sat.json<Json>().error.message).toMatch(/2026-11-21 is not an exchange business day/);
    const early = await publish({ date: '2026-11-20', kinds: ['stock'] });
    expect(early.statusCode).toBe(409);
    expect(early.json<Json>().error.message).toMatch(/not due before 2026-11-21T00:00:00.000Z/);
    expect((await publish({ date: '2026-11-20', month: '2026-11' })).statusCode).toBe(400);
    expect((await publish({ date: '2026-11-20', kinds: ['off_warrant'] })).statusCode).toBe(400);
  });

  it('downloads a report as CSV and Excel, with its digest and verify link', async () => {
    const id = (await published('stock', '2026-11-19')).id;
    const csv = await call(app, 'GET', `/api/v1/market-reports/${id}/export?format=csv`, undefined);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('business_day,location,metal,opening_t,delivered_in_t,delivered_out_t,closing_t,live_t,cancelled_t');
    expect(lines).toContain('2026-11-19,HONGKONG,CA,500,0,25,475,450,25');
    const xlsx = await call(app, 'GET', `/api/v1/market-reports/${id}/export?format=xlsx`, undefined);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(3).getCell(2).value)).toContain(`/market-data/reports/${id}/verify`);
    const rows = ws.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).map(String) : []));
    expect(rows).toContainEqual(['2026-11-19', 'HONGKONG', 'CA', '500', '0', '25', '475', '450', '25']);
  });

  it('draws live and cancelled tonnage over the published days', async () => {
    const r = await call(app, 'GET', '/api/v1/market-reports/stock-series?from=2026-11-16&to=2026-11-19&by=location', undefined);
    expect(r.statusCode, r.body).toBe(200);
    const hk = r.json<Json>().points.filter((p: Json) => p.key === 'HONGKONG');
    expect(hk.map((p: Json) => [p.day, p.live, p.cancelled])).toEqual([
      ['2026-11-16', '500', '0'],
      ['2026-11-17', '500', '0'],
      ['2026-11-18', '450', '50'],
      ['2026-11-19', '450', '25'],
    ]);
  });

  describe('off-warrant stock', () => {
    it('takes a warehouse’s signed declaration for its location, and refuses others', async () => {
      const d = await call(app, 'POST', '/api/v1/off-warrant-declarations', w.warehouse, { month: '2026-11', location: 'HONGKONG', metal: 'CA', tonnes: '120.5', note: 'Bonded shed 3' });
      expect(d.statusCode, d.body).toBe(201);
      expect(d.json<Json>()).toMatchObject({ month: '2026-11', location: 'HONGKONG', metal: 'CA', tonnes: '120.5' });
      expect((await call(app, 'POST', '/api/v1/off-warrant-declarations', w.warehouse, { month: '2026-11', location: 'SINGAPORE', metal: 'CA', tonnes: '1' })).statusCode).toBe(403);
      expect((await call(app, 'POST', '/api/v1/off-warrant-declarations', w.warehouse, { month: '2026-12', location: 'HONGKONG', metal: 'CA', tonnes: '1' })).statusCode).toBe(400);
      expect((await call(app, 'POST', '/api/v1/off-warrant-declarations', w.trader, { month: '2026-11', location: 'HONGKONG', metal: 'CA', tonnes: '1' })).statusCode).toBe(403);
      const mine = await call(app, 'GET', '/api/v1/off-warrant-declarations?month=2026-11', w.warehouse);
      expect(mine.json<Json>().items).toHaveLength(1);
      expect((await call(app, 'GET', '/api/v1/off-warrant-declarations', w.trader)).json<Json>().items).toEqual([]);
      expect((await publish({ month: '2026-11' })).statusCode).toBe(409);
    });

    it('publishes the month after the declaration window: the unwarranted lot recorded, plus what was declared', async () => {
      // Five business days after 30 November 2026 is Monday 7 December; the window closes at its end.
      at('2026-12-07T12:00:00Z');
      expect((await publish({ month: '2026-11' })).statusCode).toBe(409);
      at('2026-12-08T09:00:00Z');
      const late = await call(app, 'POST', '/api/v1/off-warrant-declarations', w.warehouse, { month: '2026-11', location: 'HONGKONG', metal: 'CA', tonnes: '1' });
      expect(late.statusCode).toBe(409);
      const p = await publish({ month: '2026-11' });
      expect(p.statusCode, p.body).toBe(200);
      const doc = (await published('off_warrant', '2026-11')).document;
      expect(doc).toMatchObject({ asOf: '2026-11-30', declarationsUntil: '2026-12-08T00:00:00.000Z' });
      expect(doc.rows).toEqual([{ location: 'HONGKONG', metal: 'CA', recorded: '25', declared: '120.5', total: '145.5', warehouses: 1 }]);
    });
  });

  it('leaves the audit clean, with every report and declaration checked', async () => {
    const result = await runAudit(ctx);
    expect(result.findings.map((f) => `${f.code} ${f.record}`)).toEqual([]);
    expect(result.records.market_report).toBe(13);
    expect(result.records.off_warrant_declaration).toBe(1);
  });
});
