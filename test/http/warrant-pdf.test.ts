import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TRUST_REGISTRY } from '../../src/app/trust-registry.ts';
import { CREDENTIAL_ATTACHMENT, pdfAttachments, PROOF_ATTACHMENT } from '../../src/certificates/pdf.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { App } from '../../src/platform/http.ts';
import { profilesOf } from '../../src/trust/registry.ts';
import type { TrustBundle } from '../../src/trust/trust.ts';
import { verifyCredential } from '../../src/trust/verify.ts';
import { describeEngines } from '../engines.ts';
import { testApp } from '../factories.ts';
import { call, issueCast, lotRows, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';

// jsqr is CommonJS with a default export: under NodeNext the function is at .default.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

// The printable warrant: rendered by the app, read back with standard tools (pdf-lib for the page
// count, poppler's pdftoppm and pdftotext), its QR code decoded from the rendered page, and its
// attached credential and proof verified offline with the library `assay verify` uses. It shows the
// public view only: never the holder.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-warrant-pdf-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function pdfText(pdf: Buffer): string {
  const file = path.join(tmp, `t-${Math.random().toString(16).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function qrOfFirstPage(pdf: Buffer): string | undefined {
  const base = path.join(tmp, `p-${Math.random().toString(16).slice(2)}`);
  fs.writeFileSync(`${base}.pdf`, pdf);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', `${base}.pdf`, base]);
  const png = PNG.sync.read(fs.readFileSync(`${base}.png`));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height)?.data;
}

describeEngines('warrant PDF', (db) => {
  let app: App;
  let ctx: AppContext;
  let w: WarehouseWorld;
  let warrant: Json;
  let casts: Awaited<ReturnType<typeof issueCast>>[];

  beforeAll(async () => {
    ({ app, ctx } = await testApp(db()));
    w = await warehouseWorld(app, ctx);
    // 60 bundles of 416.5 kg (24.99 t): more bundle rows than one page holds.
    casts = [await issueCast(app, w, 30, '416.5'), await issueCast(app, w, 30, '416.5')];
    const r = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
      facilityId: w.facilityId,
      depositorOrgId: w.traderOrg,
      brand: w.brand.code,
      shape: 'cathodes',
      originCountry: 'CL',
      receivedOn: '2026-11-20',
      bundles: lotRows('A', ...casts),
    });
    expect(r.statusCode, r.body).toBe(201);
    const issued = await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId: r.json<Json>().lots[0].id });
    expect(issued.statusCode, issued.body).toBe(201);
    warrant = issued.json<Json>();
  });
  afterAll(async () => {
    await app.close();
  });

  const getPdf = (ref: string, lang?: string) => app.inject({ method: 'GET', url: `/api/v1/warrants/${ref}/pdf${lang ? `?lang=${lang}` : ''}` });

  it('is public, paged, and carries the warrant, its metal and every bundle with its certificate, never the holder', async () => {
    const res = await getPdf(warrant.number, 'zh-Hant');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${warrant.number}.pdf`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(2);
    fs.writeFileSync(path.join(tmp, 'w.pdf'), pdf);
    expect(execFileSync('pdfinfo', [path.join(tmp, 'w.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);

    const text = pdfText(pdf);
    for (const s of [warrant.number, 'Warehouse Warrant', '倉單', '有效', '24.99 t', 'HONGKONG', w.brand.code, 'cathodes', '2026-', 'Page 頁 1 / 2', 'Page 頁 2 / 2']) {
      expect(text, s).toContain(s);
    }
    for (const c of casts) {
      expect(text).toContain(c.number);
      for (const b of c.bundles) expect(text).toContain(b.number);
    }
    const view = (await call(app, 'GET', `/api/v1/warrants/${warrant.id}`, undefined)).json<Json>();
    for (const s of [view.facility.name, view.warehouse.name, view.warrantedOn]) expect(text).toContain(s);
    // Never the holder: neither its name nor its id, in the text or anywhere in the file.
    const holder = (await call(app, 'GET', `/api/v1/warrants/${warrant.id}`, w.trader)).json<Json>().holder;
    expect(holder.id).toBe(w.traderOrg);
    expect(text).not.toContain(holder.name);
    expect(pdf.includes(Buffer.from(holder.id))).toBe(false);
    for (const file of pdfAttachments(pdf).values()) expect(file.toString('utf8')).not.toContain(holder.id);

    const hans = pdfText((await getPdf(warrant.id, 'zh-Hans')).rawPayload);
    expect(hans).toContain('仓单');
    expect(hans).toContain(warrant.number);
    expect(pdfText((await getPdf(warrant.number.toLowerCase())).rawPayload)).toContain('倉單'); // default: Traditional
  });

  it('prints a QR code that decodes to the public page of the warrant', async () => {
    expect(qrOfFirstPage((await getPdf(warrant.id, 'zh-Hans')).rawPayload)).toBe(`${ctx.config.publicUrl}/w/${warrant.number}`);
  });

  it('attaches the warehouse credential and its proof, which verify offline against the published trust bundle', async () => {
    const files = pdfAttachments((await getPdf(warrant.id)).rawPayload);
    expect([...files.keys()].sort()).toEqual([CREDENTIAL_ATTACHMENT, PROOF_ATTACHMENT]);
    const jwt = files.get(CREDENTIAL_ATTACHMENT)!.toString('utf8');
    expect(jwt).toBe((await call(app, 'GET', `/api/v1/warrants/${warrant.id}/credential`, undefined)).body);
    const trust = (await call(app, 'GET', '/api/v1/trust', undefined)).json<TrustBundle>();
    const report = verifyCredential({ jwt, trust, proof: files.get(PROOF_ATTACHMENT)!.toString('utf8'), profiles: profilesOf(TRUST_REGISTRY) });
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report).toMatchObject({ ok: true, type: 'WarrantCredential' });
    expect(report.checks.find((c) => c.name === 'signature')?.status).toBe('pass');
    expect(report.checks.find((c) => c.name === 'log_inclusion')?.status).toBe('pass');
    expect(report.summary).toMatchObject({ number: warrant.number, tonnes: '24.99' });
  });

  it('shows the status as it changes, and refuses an unknown warrant and an unknown language', async () => {
    expect((await call(app, 'POST', `/api/v1/warrants/${warrant.id}/cancellation`, w.trader, {})).statusCode).toBe(200);
    const text = pdfText((await getPdf(warrant.id, 'zh-Hans')).rawPayload);
    expect(text).toContain('Cancelled');
    expect(text).toContain('已注销');
    expect((await getPdf('WR-9999999999')).statusCode).toBe(404);
    expect((await getPdf(warrant.id, 'fr')).statusCode).toBe(400);
  });
});
