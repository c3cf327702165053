import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateFile } from '../../bench/generate-certificates.ts';
import type { AppContext } from '../../src/app/context.ts';
import { buildServer } from '../../src/app/server.ts';
import { createImport, importRunner } from '../../src/imports/service.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeApiKey, makeOrg, makeUser, type TestUser } from '../factories.ts';
import { counts, importContext, importWorld, storedFiles, tempDir, type ImportWorld } from '../fixtures/imports.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function multipart(filename: string, content: Buffer | string, field = 'file') {
  const boundary = `----assay${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

describeEngines('imports over HTTP', (db) => {
  let ctx: AppContext;
  let app: App;
  let w: ImportWorld;
  let producer: TestUser;
  let viewer: TestUser;
  let exchange: TestUser;
  let warehouse: TestUser;
  let otherProducer: TestUser;
  let dir: string;

  const upload = (who: { cookie?: string; authorization?: string }, filename: string, content: Buffer | string, a: App = app) => {
    const m = multipart(filename, content);
    return a.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...m.headers, ...who }, payload: m.payload });
  };
  const get = (url: string, who: { cookie?: string } = {}) => app.inject({ method: 'GET', url, headers: who });
  const cookie = (u: TestUser) => ({ cookie: u.cookie });

  beforeAll(async () => {
    ctx = importContext(db());
    app = await buildServer(ctx);
    await app.ready();
    w = await importWorld(ctx, ['CA', 'AH', 'NI']);
    producer = await makeUser(ctx, w.producerId, 'member');
    viewer = await makeUser(ctx, w.producerId, 'viewer');
    exchange = await makeUser(ctx, (await makeOrg(db(), 'exchange')).id, 'viewer');
    warehouse = await makeUser(ctx, (await makeOrg(db(), 'warehouse')).id, 'admin');
    otherProducer = await makeUser(ctx, (await makeOrg(db(), 'producer')).id, 'admin');
    dir = tempDir();
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves per-metal templates: a workbook with dropdowns, an example and column help; CSV; NDJSON', async () => {
    const res = await get('/api/v1/import-templates/CA');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/assay-import-CA\.xlsx/);
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Certificates', 'Lists', 'Example', 'Columns']);
    const data = wb.getWorksheet('Certificates')!;
    const header = (data.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['brand', 'pcr', 'metal']);
    expect(header).toEqual(expect.arrayContaining(['bundleNumber', 'bundleNetKg', 'Cu', 'Ag', 'Se', 'Te']));
    const validations = Object.entries((data as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model);
    const at = (col: string) => String.fromCharCode(65 + header.indexOf(col));
    for (const [col, list] of [['shape', 'A'], ['chemistryUnit', 'B'], ['originCountry', 'C']] as const) {
      // Written as one range per column; exceljs expands ranges into cells when it reads a workbook back.
      const v = validations.find(([addr]) => addr === `${at(col)}2` || addr.startsWith(`${at(col)}2:`));
      expect(v?.[1], col).toMatchObject({ type: 'list', formulae: [expect.stringMatching(new RegExp(`^Lists!\\$${list}\\$2:`))] });
    }
    const help = wb.getWorksheet('Columns')!;
    const documented = help.getColumn(1).values.slice(2);
    expect(documented).toEqual(expect.arrayContaining(['brand', 'pcr', 'amendmentReason', 'bundleGrossKg', 'Ag']));
    expect((wb.getWorksheet('Example')!.getRow(3).values as unknown[])[1]).toBe('EXAMPLE');

    const csv = await get('/api/v1/import-templates/NI?format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 2)).toEqual(['brand', 'pcr']);
    expect(lines.length).toBeGreaterThan(1);
    const nd = await get('/api/v1/import-templates/SN?format=ndjson');
    const first = JSON.parse(nd.body.split('\n')[0]!) as Json;
    expect(first).toMatchObject({ brand: 'EXAMPLE', metal: 'SN' });
    expect((await get('/api/v1/import-templates/XX')).statusCode).toBe(400);
  });

  let jobId: string;

  it('imports an uploaded workbook in the background and reports progress', async () => {
    const file = path.join(dir, 'upload.xlsx');
    const gen = await generateFile(file, { brands: w.brands, certificates: 120, badShare: 1 / 20, seed: 31, maxBundles: 3 });
    const res = await upload(cookie(producer), 'my ecoas.xlsx', fs.readFileSync(file));
    expect(res.statusCode, res.body).toBe(202);
    const created = res.json<Json>();
    expect(created).toMatchObject({ duplicate: false, job: { filename: 'my ecoas.xlsx', format: 'xlsx', records: { total: 120 } } });
    jobId = created.job.id;
    await importRunner(ctx).idle();
    const progress = await get(`/api/v1/imports/${jobId}`, cookie(viewer));
    expect(progress.statusCode).toBe(200);
    expect(progress.json<Json>()).toMatchObject({
      status: 'completed',
      rows: { total: gen.rows, done: gen.rows },
      records: { total: 120, done: 120, accepted: 114, rejected: 6, unchanged: 0 },
      etaSeconds: 0,
    });
    expect(progress.json<Json>().rate).toBeGreaterThan(0);
    const list = await get('/api/v1/imports', cookie(producer));
    expect(list.json<Json>().items.map((j: Json) => j.id)).toContain(jobId);
  });

  it('answers the same upload with 200 duplicate and changes nothing', async () => {
    const before = await counts(db());
    const file = path.join(dir, 'upload.xlsx');
    const key = await makeApiKey(db(), w.producerId, ['certificates:write']);
    const res = await upload({ authorization: `Bearer ${key}` }, 'again.xlsx', fs.readFileSync(file));
    expect(res.statusCode).toBe(200);
    expect(res.json<Json>()).toMatchObject({ duplicate: true, job: { id: jobId } });
    expect(res.json<Json>().message).toMatch(/nothing was changed/);
    expect(await counts(db())).toEqual(before);
  });

  it('downloads the error report as JSON, CSV and Excel with formula-looking values made inert', async () => {
    const json = await get(`/api/v1/imports/${jobId}/errors`, cookie(producer));
    expect(json.statusCode).toBe(200);
    const items = json.json<Json>().items as Json[];
    const formula = items.find((e) => e.code === 'formula_like')!;
    expect(formula).toMatchObject({ column: 'remarks', value: expect.stringMatching(/^=HYPERLINK/) });

    const csv = await get(`/api/v1/imports/${jobId}/errors?format=csv`, cookie(producer));
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="import-[0-9a-f]{8}-errors\.csv"/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('row,column,value,code,reason');
    expect(lines).toHaveLength(items.length + 1);
    const injected = lines.find((l) => l.includes('formula_like'))!;
    expect(injected).toContain(`,"'=HYPERLINK(`);
    expect(lines.slice(1).every((l) => /^\d+,/.test(l))).toBe(true);

    const xlsx = await get(`/api/v1/imports/${jobId}/errors?format=xlsx`, cookie(exchange));
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await workbook(xlsx.rawPayload)).getWorksheet('Errors')!;
    expect(sheet.rowCount).toBe(items.length + 1);
    const values: string[] = [];
    sheet.eachRow((r) => values.push(String(r.getCell(3).value ?? '')));
    expect(values.find((v) => v.includes('HYPERLINK'))).toMatch(/^'=HYPERLINK/);
  });

  it('lets only the producer and the exchange see a job, and only producers upload', async () => {
    expect((await get(`/api/v1/imports/${jobId}`)).statusCode).toBe(401);
    expect((await get(`/api/v1/imports/${jobId}`, cookie(otherProducer))).statusCode).toBe(404);
    expect((await get(`/api/v1/imports/${jobId}/errors`, cookie(otherProducer))).statusCode).toBe(404);
    expect((await get(`/api/v1/imports/${jobId}`, cookie(warehouse))).statusCode).toBe(403);
    expect((await get(`/api/v1/imports/${jobId}`, cookie(exchange))).statusCode).toBe(200);
    const anon = await upload({}, 'x.csv', 'brand,pcr\r\n');
    expect(anon.statusCode).toBe(401);
    expect(anon.json<Json>().error.code).toBe('unauthenticated');
    expect((await upload(cookie(viewer), 'x.csv', 'brand,pcr\r\n')).statusCode).toBe(403);
    expect((await upload(cookie(warehouse), 'x.csv', 'brand,pcr\r\n')).statusCode).toBe(403);
    expect((await get('/api/v1/imports/00000000-0000-4000-8000-000000000000', cookie(producer))).statusCode).toBe(404);
  });

  it('refuses bad uploads with one error body and writes nothing', async () => {
    const before = await counts(db());
    const json = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: cookie(producer), payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json<Json>().error.code).toBe('unsupported_media_type');
    const m = multipart('x.csv', 'brand,pcr', 'notfile');
    const noFile = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...m.headers, ...cookie(producer) }, payload: m.payload });
    expect(noFile.statusCode).toBe(400);

    const semi = path.join(dir, 'semi.csv');
    await generateFile(semi, { brands: w.brands, certificates: 4, badShare: 0, seed: 2, pcrPrefix: 'SEMI' });
    const bad = await upload(cookie(producer), 'semi.csv', fs.readFileSync(semi, 'utf8').replace(/,/g, ';'));
    expect(bad.statusCode).toBe(422);
    expect(bad.json<Json>().error).toMatchObject({ code: 'unprocessable', message: expect.stringMatching(/semicolons/) });

    const small = importContext(db(), { ASSAY_IMPORT_MAX_BYTES: '20000' });
    const smallApp = await buildServer(small);
    try {
      const big = path.join(dir, 'big.csv');
      await generateFile(big, { brands: w.brands, certificates: 80, badShare: 0, seed: 9, pcrPrefix: 'BIG' });
      const body = fs.readFileSync(big);
      expect(body.length).toBeGreaterThan(200_000);
      const res = await upload(cookie(producer), 'big.csv', body, smallApp);
      expect(res.statusCode).toBe(413);
      expect(res.json<Json>().error).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/ASSAY_IMPORT_MAX_BYTES/) });
      expect(storedFiles(small)).toEqual([]);
    } finally {
      await smallApp.close();
    }
    expect(await counts(db())).toEqual(before);
  });

  it('takes import files larger than the small default upload limit other routes keep', async () => {
    const file = fs.readFileSync(path.join(dir, 'upload.xlsx'));
    const tight = importContext(db(), { ASSAY_PDF_MAX_BYTES: '4096' });
    expect(file.length).toBeGreaterThan(4 * 4096);
    const tightApp = await buildServer(tight);
    try {
      // The same workbook as the first import: passes the size check, then is recognised as a duplicate.
      const res = await upload(cookie(producer), 'again.xlsx', file, tightApp);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Json>().duplicate).toBe(true);
      const m = multipart('again.pdf', file);
      const pdf = await tightApp.inject({ method: 'POST', url: '/api/v1/verify/pdf', headers: m.headers, payload: m.payload });
      expect(pdf.statusCode).toBe(413);
      expect(pdf.json<Json>().error.code).toBe('payload_too_large');
    } finally {
      await tightApp.close();
    }
  });

  it('resumes unfinished imports when a server starts listening', async () => {
    const file = path.join(dir, 'pending.ndjson');
    await generateFile(file, { brands: w.brands, certificates: 30, badShare: 0, seed: 41, pcrPrefix: 'PEND' });
    // Left queued, as by a process that died before running it.
    const { job } = await createImport(ctx, { userId: null, apiKeyId: null, orgId: w.producerId }, w.producerId, {
      path: file,
      filename: 'pending.ndjson',
      owned: false,
    });
    const restarted: AppContext = { ...ctx };
    const server = await buildServer(restarted);
    try {
      await server.listen({ host: '127.0.0.1', port: 0 });
      // The onListen hook queues it; wait for the background run to finish.
      for (let i = 0; i < 200; i++) {
        const j = await get(`/api/v1/imports/${job.id}`, cookie(producer));
        if (j.json<Json>().status === 'completed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await importRunner(restarted).idle();
    } finally {
      await server.close();
    }
    expect((await get(`/api/v1/imports/${job.id}`, cookie(producer))).json<Json>()).toMatchObject({
      status: 'completed',
      records: { total: 30, accepted: 30 },
    });
  });
});
