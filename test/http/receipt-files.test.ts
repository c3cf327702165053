import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { importContext, zipBomb, spreadBomb } from '../fixtures/imports.ts';
import { issueCast, lotRows, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';
import type { TestUser } from '../factories.ts';

// Receipts from a file: the clerk's CSV or Excel sheet of bundle rows, read with the bulk import's
// readers and guards, reconciled by the same service as the JSON route; anything wrong names the
// file's row and column and records nothing.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Row = ReturnType<typeof lotRows>[number];

const HEADER = ['lot', 'pcr', 'bundleRef', 'pieces', 'grossKg', 'netKg'];
const quote = (v: string | number): string => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csvOf = (rows: Row[], header = HEADER, sep = ','): string =>
  [header.join(sep), ...rows.map((b) => [b.lot ?? '', b.pcr, b.bundleRef, b.pieces, b.grossKg, b.netKg].map(quote).join(sep))].join('\r\n') + '\r\n';

/** The downloaded template's Bundles sheet filled in, as a user would (its columns are text; pieces typed as a number). */
async function xlsxOf(template: Buffer, rows: (Row | (string | number | { formula: string; result?: string })[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Bundles')!;
  for (const b of rows) ws.addRow(Array.isArray(b) ? b : [b.lot ?? null, b.pcr, b.bundleRef, b.pieces, b.grossKg, b.netKg]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer | string } | null) {
  const boundary = `----assay${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.from(file.content), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeEngines('receipts from a file', (db) => {
  let app: App;
  let ctx: AppContext;
  let w: WarehouseWorld;
  let template: Buffer;

  beforeAll(async () => {
    ctx = importContext(db());
    app = await buildServer(ctx);
    await app.ready();
    w = await warehouseWorld(app, ctx);
    const t = await app.inject({ method: 'GET', url: '/api/v1/receipt-templates?format=xlsx' });
    expect(t.statusCode).toBe(200);
    template = t.rawPayload;
  });
  afterAll(async () => {
    await app.close();
  });

  const fields = (extra: Record<string, string> = {}) => ({
    facilityId: w.facilityId,
    depositorOrgId: w.traderOrg,
    brand: w.brand.code,
    shape: 'cathodes',
    originCountry: 'CL',
    receivedOn: '2026-11-20',
    ...extra,
  });
  const upload = (name: string, content: Buffer | string, f: Record<string, string> = fields(), who: TestUser = w.warehouse, target: App = app) => {
    const m = multipart(f, { name, content });
    return target.inject({ method: 'POST', url: '/api/v1/receipts/file', headers: { ...m.headers, cookie: who.cookie }, payload: m.payload });
  };
  const counts = async () =>
    (
      await db().query<Json>(
        `SELECT (SELECT count(*)::int FROM receipts) receipts, (SELECT count(*)::int FROM receipt_bundles) bundles, (SELECT count(*)::int FROM lots) lots,
                (SELECT count(*)::int FROM log_entries) log, (SELECT count(*)::int FROM audit_events) events`,
      )
    ).rows[0]!;
  /** What a receipt's reconciliation says, without what differs between two receipts of the same metal. */
  const outcome = (r: Json) => ({ reconciliation: r.reconciliation, lots: r.lots.map((l: Json) => ({ ...l, id: undefined })), lotSize: r.lotSize, metal: r.metal, depositor: r.depositor });

  describe('good files', () => {
    let rows: Row[];
    let viaJson: Json;

    beforeAll(async () => {
      const [a1, a2, b1, b2] = [await issueCast(app, w), await issueCast(app, w), await issueCast(app, w), await issueCast(app, w)];
      const revoked = await app.inject({ method: 'POST', url: `/api/v1/certificates/${b2.id}/revocation`, headers: { cookie: w.producer.cookie }, payload: { reason: 'Laboratory error found' } });
      expect(revoked.statusCode).toBe(200);
      const loose = await issueCast(app, w, 1);
      rows = [...lotRows('A', a1, a2), ...lotRows('B', b1, b2), ...lotRows(null, loose)];
      const res = await app.inject({ method: 'POST', url: '/api/v1/receipts', headers: { cookie: w.warehouse.cookie }, payload: { ...fields(), bundles: rows } });
      expect(res.statusCode, res.body).toBe(201);
      viaJson = res.json<Json>();
      expect(viaJson.reconciliation.summary).toMatchObject({ bundles: 21, conforming: 16, lots: 2, warrantableLots: 1 });
    });

    it('records a CSV with the same reconciliation as the JSON route', async () => {
      const res = await upload('delivery.csv', `\uFEFF${csvOf(rows)}`);
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json<Json>();
      expect(r.number).not.toBe(viaJson.number);
      expect(outcome(r)).toEqual(outcome(viaJson));
      // The columns may come in any order and any case.
      const shuffled = ['NETKG', 'pcr', 'bundleRef', 'Lot', 'pieces', 'grossKg'];
      const text = [shuffled.join(','), ...rows.map((b) => [b.netKg, b.pcr, b.bundleRef, b.lot ?? '', b.pieces, b.grossKg].join(','))].join('\n');
      const again = await upload('shuffled.csv', text);
      expect(again.statusCode, again.body).toBe(201);
      expect(outcome(again.json<Json>())).toEqual(outcome(viaJson));
    });

    it('records the filled-in Excel template with the same reconciliation, and its lot goes on warrant', async () => {
      const res = await upload('delivery.xlsx', await xlsxOf(template, rows));
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json<Json>();
      expect(outcome(r)).toEqual(outcome(viaJson));
      const lotA = r.lots.find((l: Json) => l.lotRef === 'A');
      // Each receipt's lot A is the same casts: the JSON receipt's lot goes on warrant first, this one is then refused.
      const first = await app.inject({ method: 'POST', url: '/api/v1/warrants', headers: { cookie: w.warehouse.cookie }, payload: { lotId: viaJson.lots.find((l: Json) => l.lotRef === 'A').id } });
      expect(first.statusCode, first.body).toBe(201);
      const second = await app.inject({ method: 'POST', url: '/api/v1/warrants', headers: { cookie: w.warehouse.cookie }, payload: { lotId: lotA.id } });
      expect(second.statusCode).toBe(409);
    });

    it('offers both templates', async () => {
      const csv = await app.inject({ method: 'GET', url: '/api/v1/receipt-templates?format=csv' });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toContain('assay-receipt.csv');
      expect(csv.body.split('\r\n')[0]).toBe(HEADER.join(','));
      const xlsx = await app.inject({ method: 'GET', url: '/api/v1/receipt-templates' });
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Bundles', 'Example', 'Columns']);
      expect((wb.getWorksheet('Bundles')!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
      expect((await app.inject({ method: 'GET', url: '/api/v1/receipt-templates?format=pdf' })).statusCode).toBe(400);
    });
  });

  describe('bad files change nothing', () => {
    let rows: Row[];
    let before: Json;

    beforeAll(async () => {
      const [c1, c2] = [await issueCast(app, w), await issueCast(app, w)];
      rows = lotRows('L', c1, c2);
    });

    it('refuses a hostile cell in a CSV and a formula in a workbook, naming the row and column', async () => {
      before = await counts();
      const hostile = rows.map((b, i) => (i === 2 ? { ...b, bundleRef: '=HYPERLINK("http://evil.example","x")' } : i === 6 ? { ...b, lot: '@SUM(1+1)' } : b));
      const res = await upload('hostile.csv', csvOf(hostile));
      expect(res.statusCode).toBe(400);
      const details = res.json<Json>().error.details;
      expect(details).toEqual([
        { path: 'row 4, column bundleRef', code: 'formula_like', message: expect.stringMatching(/HYPERLINK.*starts with =, \+, -, @/) },
        { path: 'row 8, column lot', code: 'formula_like', message: expect.stringContaining('spreadsheets run as a formula') },
      ]);
      const cells = rows.map((b) => [b.lot ?? '', b.pcr, b.bundleRef, b.pieces, Number(b.grossKg), Number(b.netKg)] as (string | number | { formula: string; result?: string })[]);
      cells[4]![5] = { formula: 'E6-10', result: '2500' };
      const formula = await upload('formula.xlsx', await xlsxOf(template, cells));
      expect(formula.statusCode).toBe(400);
      expect(formula.json<Json>().error.details).toEqual([{ path: 'row 6, column netKg', code: 'unreadable_cell', message: expect.stringContaining('is a formula') }]);
      expect(await counts()).toEqual(before);
    });

    it('refuses bad rows, each named by its row and column, and a lot the reconciliation refuses, by its first row', async () => {
      const bad = rows.map((b, i) => (i === 1 ? { ...b, netKg: '2,500' } : i === 3 ? { ...b, pieces: 0 } : i === 5 ? { ...b, pcr: '' } : b));
      const res = await upload('bad.csv', csvOf(bad));
      expect(res.statusCode).toBe(400);
      expect(res.json<Json>().error.message).toMatch(/3 cells of the file are not valid; nothing was written/);
      expect(res.json<Json>().error.details.map((d: Json) => d.path)).toEqual(['row 3, column netKg', 'row 5, column pieces', 'row 7, column pcr']);
      // Valid cells, impossible receipt: recordReceipt's own row errors come back as the file's rows.
      const heavy = rows.map((b, i) => (i === 7 ? { ...b, netKg: '2600', grossKg: '2590' } : b));
      const impossible = await upload('impossible.csv', csvOf(heavy));
      expect(impossible.statusCode).toBe(400);
      expect(impossible.json<Json>().error.details).toEqual([{ path: 'row 9, column netKg', message: 'net 2600 kg is more than gross 2590 kg' }]);
      // A blank line in the file: rows keep the file's numbering.
      const short = csvOf(rows.slice(0, 5)).replace(/\r\n/, '\r\n\r\n');
      const small = await upload('short.csv', short);
      expect(small.statusCode).toBe(400);
      expect(small.json<Json>().error.details).toEqual([{ path: 'row 3, column lot', message: expect.stringMatching(/^lot L holds 12\.5 t; a lot is 25 t/) }]);
      // Bad form fields are named as fields.
      const fieldsBad = await upload('ok.csv', csvOf(rows), { ...fields({ receivedOn: '20-11-2026' }), colour: 'red' });
      expect(fieldsBad.statusCode).toBe(400);
      expect(fieldsBad.json<Json>().error.details.map((d: Json) => d.path).sort()).toEqual(['body.colour', 'body.receivedOn']);
      expect(await counts()).toEqual(before);
    });

    it('refuses a wrong delimiter, a file that is not the template, NDJSON and a caller that is not a warehouse', async () => {
      const semi = await upload('semi.csv', csvOf(rows, HEADER, ';'));
      expect(semi.statusCode).toBe(422);
      expect(semi.json<Json>().error).toMatchObject({ code: 'unprocessable', message: expect.stringMatching(/separated by semicolons/) });
      const other = await upload('other.csv', 'brand,pcr,metal\nX,Y,CA\n');
      expect(other.statusCode).toBe(422);
      expect(other.json<Json>().error.message).toMatch(/does not follow the receipt template/);
      const missing = await upload('missing.csv', 'pcr,bundleRef,pieces\nX,Y,1\n');
      expect(missing.statusCode).toBe(422);
      expect(missing.json<Json>().error.details).toEqual([{ path: 'row 1', message: 'missing columns: grossKg, netKg' }]);
      expect((await upload('x.ndjson', '{"pcr":"X"}\n')).statusCode).toBe(422);
      expect((await upload('latin1.csv', Buffer.from(`${HEADER.join(',')}\nA,P1,Stra\xdfe,1,10,9\n`, 'latin1'))).statusCode).toBe(422);
      expect((await upload('trader.csv', csvOf(rows), fields(), w.trader)).statusCode).toBe(403);
      const json = await app.inject({ method: 'POST', url: '/api/v1/receipts/file', headers: { cookie: w.warehouse.cookie }, payload: fields() });
      expect(json.statusCode).toBe(415);
      const m = multipart(fields(), null);
      const noFile = await app.inject({ method: 'POST', url: '/api/v1/receipts/file', headers: { ...m.headers, cookie: w.warehouse.cookie }, payload: m.payload });
      expect(noFile.statusCode).toBe(400);
      expect(await counts()).toEqual(before);
    });

    it('refuses an oversized file, more rows than a receipt holds, and zip bombs, keeping no copy', async () => {
      const uploads = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('assay-upload-')).length;
      const kept = uploads();
      const small = importContext(db(), { ASSAY_IMPORT_MAX_BYTES: '4096' });
      const smallApp = await buildServer(small);
      try {
        const many = Array.from({ length: 300 }, (_, i) => ({ ...rows[0]!, bundleRef: `B-${i}` }));
        const body = csvOf(many);
        expect(body.length).toBeGreaterThan(4096);
        const res = await upload('big.csv', body, fields(), w.warehouse, smallApp);
        expect(res.statusCode).toBe(413);
        expect(res.json<Json>().error).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/ASSAY_IMPORT_MAX_BYTES/) });
      } finally {
        await smallApp.close();
      }
      const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ ...rows[0]!, lot: null, bundleRef: `B-${i}` }));
      const rowsRes = await upload('many.csv', csvOf(tooMany));
      expect(rowsRes.statusCode).toBe(413);
      expect(rowsRes.json<Json>().error.message).toMatch(/more than 10000 data rows/);
      const bomb = await upload('bomb.xlsx', zipBomb(300));
      expect(bomb.statusCode).toBe(422);
      expect(bomb.json<Json>().error.message).toMatch(/zip bomb|too large once uncompressed/);
      const spread = await upload('spread.xlsx', spreadBomb(300));
      expect(spread.statusCode).toBe(422);
      expect(spread.json<Json>().error.message).toMatch(/zip bomb/);
      const liar = await upload('liar.xlsx', zipBomb(8, true));
      expect(liar.statusCode).toBe(422);
      expect(await counts()).toEqual(before);
      expect(uploads()).toBe(kept);
    });
  });
});
