import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';

// jsqr is CommonJS with a default export: under NodeNext the function is at .default.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { CREDENTIAL_ATTACHMENT, PROOF_ATTACHMENT, pdfAttachments, renderCertificatePdf, type PdfCertificate } from '../../src/certificates/pdf.ts';
import { certificateSubjectSchema } from '../../src/certificates/subject-schema.ts';
import type { TrustBundle } from '../../src/trust/trust.ts';
import { verifyCertificate } from '../../src/certificates/profile.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, testApp, type TestUser } from '../factories.ts';

// The printable certificate: rendered by the app, read back with standard tools (poppler's
// pdftoppm and pdftotext), its QR code decoded from the rendered page, and its attached credential
// verified offline with the same library the CLI uses.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-pdf-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function multipart(file: Buffer, name: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----assay${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

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

describeEngines('certificate PDF', (db) => {
  let app: App;
  let ctx: AppContext;
  let producer: TestUser;
  let otherProducer: TestUser;
  let certId: string;
  let number: string;

  beforeAll(async () => {
    ({ app, ctx } = await testApp(db()));
    const org = await makeOrg(db(), 'producer');
    producer = await makeUser(ctx, org.id, 'member');
    otherProducer = await makeUser(ctx, (await makeOrg(db(), 'producer')).id, 'admin');
    const brand = await makeBrand(ctx, org.id, 'CA');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/certificates',
      headers: { cookie: producer.cookie },
      payload: submissionFor(brand),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ id: string; number: string; status: string }>();
    expect(body.status).toBe('issued');
    certId = body.id;
    number = body.number;
  });

  const getPdf = async (lang?: string, cookie = producer.cookie) =>
    app.inject({ method: 'GET', url: `/api/v1/certificates/${certId}/pdf${lang ? `?lang=${lang}` : ''}`, headers: cookie ? { cookie } : {} });

  it('embeds the credential and its proof, which verify offline against the published trust bundle', async () => {
    const res = await getPdf('zh-Hant');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('.pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // As many pages as the footer counts: writing the footer once started a blank page after each.
    const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    expect(pdfText(pdf)).toContain(`1 / ${pages}`);
    expect(pdfText(pdf)).not.toContain(`1 / ${pages - 1}`);

    const files = pdfAttachments(pdf);
    expect([...files.keys()].sort()).toEqual([CREDENTIAL_ATTACHMENT, PROOF_ATTACHMENT]);
    const jwt = files.get(CREDENTIAL_ATTACHMENT)!.toString('utf8');
    const stored = await app.inject({ method: 'GET', url: `/api/v1/certificates/${certId}/credential`, headers: { cookie: producer.cookie } });
    expect(jwt).toBe(stored.body);

    const trust = (await app.inject({ method: 'GET', url: '/api/v1/trust' })).json<TrustBundle>();
    const report = verifyCertificate({
      jwt,
      trust,
      proof: files.get(PROOF_ATTACHMENT)!.toString('utf8'),
      subjectSchema: certificateSubjectSchema(ctx.config.publicUrl),
    });
    const failed = report.checks.filter((c) => c.status === 'fail');
    expect(failed).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.name === 'signature')?.status).toBe('pass');
    expect(report.checks.find((c) => c.name === 'log_inclusion')?.status).toBe('pass');
    expect(report.certificate?.number).toBe(number);
  });

  it('prints a QR code that decodes to the public verification page of this certificate', async () => {
    const res = await getPdf('zh-Hans');
    expect(qrOfFirstPage(res.rawPayload)).toBe(`${ctx.config.publicUrl}/v/${certId}`);
  });

  it('carries the certificate number, digest and both languages as text', async () => {
    const hant = pdfText((await getPdf('zh-Hant')).rawPayload);
    expect(hant).toContain(number);
    expect(hant).toContain('Certificate of Analysis');
    expect(hant).toContain('分析證書');
    const view = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${certId}`, headers: { cookie: producer.cookie } })).json<PdfCertificate>();
    expect(hant.replace(/\s+/g, '')).toContain(view.contentDigest.replace(/\s+/g, ''));
    const hans = pdfText((await getPdf('zh-Hans')).rawPayload);
    expect(hans).toContain('分析证书');
    expect(hans).toContain(number);
    expect(pdfText((await getPdf()).rawPayload)).toContain('分析證書'); // default: Traditional
  });

  it('is restricted like the credential: anonymous 401, another producer 403, bad language 400', async () => {
    expect((await getPdf('zh-Hant', '')).statusCode).toBe(401);
    expect((await getPdf('zh-Hant', otherProducer.cookie)).statusCode).toBe(403);
    expect((await getPdf('fr')).statusCode).toBe(400);
  });

  it('verifies an uploaded PDF, and names the failing check when its credential was altered', async () => {
    const pdf = (await getPdf('zh-Hant')).rawPayload;
    const good = await app.inject({ method: 'POST', url: '/api/v1/verify/pdf', ...multipart(pdf, 'cert.pdf') });
    expect(good.statusCode).toBe(200);
    const goodReport = good.json<{ ok: boolean; attachments: string[]; checks: { name: string; status: string }[] }>();
    expect(goodReport.ok).toBe(true);
    expect(goodReport.attachments).toContain(CREDENTIAL_ATTACHMENT);

    // The same certificate with one character of the signed payload changed.
    const files = pdfAttachments(pdf);
    const [h, p, s] = files.get(CREDENTIAL_ATTACHMENT)!.toString('utf8').split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as { credentialSubject: { netWeightKg: string } };
    payload.credentialSubject.netWeightKg = '1.000';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const view = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${certId}`, headers: { cookie: producer.cookie } })).json<PdfCertificate>();
    const altered = await renderCertificatePdf({ certificate: view, credential: forged, logIndex: 0, publicUrl: ctx.config.publicUrl, lang: 'zh-Hant' });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/verify/pdf', ...multipart(altered, 'altered.pdf') });
    expect(bad.statusCode).toBe(200);
    const badReport = bad.json<{ ok: boolean; checks: { name: string; status: string; reason: string }[] }>();
    expect(badReport.ok).toBe(false);
    expect(badReport.checks.find((c) => c.name === 'signature')?.status).toBe('fail');

    const notPdf = await app.inject({ method: 'POST', url: '/api/v1/verify/pdf', ...multipart(Buffer.from('hello'), 'x.pdf') });
    expect(notPdf.statusCode).toBe(400);
    // A PDF header over zeros once answered 400 with a parser's own words; now one fixed message.
    const zeros = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(1024 * 1024)]);
    const unreadable = await app.inject({ method: 'POST', url: '/api/v1/verify/pdf', ...multipart(zeros, 'zeros.pdf') });
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json()).toEqual({ error: { code: 'unprocessable', message: 'This file is not a PDF Assay can read' } });
    // Past ASSAY_PDF_MAX_BYTES, even when the whole body arrives at once (busboy stops at the limit before the route listens).
    const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(ctx.config.pdf.maxBytes)]);
    const tooBig = await app.inject({ method: 'POST', url: '/api/v1/verify/pdf', ...multipart(big, 'big.pdf') });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json<{ error: { code: string } }>().error.code).toBe('payload_too_large');
  });
});
