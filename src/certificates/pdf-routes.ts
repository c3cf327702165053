import type { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import * as verification from './verification.ts';
import { certificateReportFields } from './report-schema.ts';
import { AppError } from '../platform/errors.ts';
import type { App } from '../platform/http.ts';
import { errors, Uuid } from '../platform/schemas.ts';
import * as repo from './repo.ts';
import * as service from './service.ts';
import {
  CREDENTIAL_ATTACHMENT,
  PDF_LANGUAGES,
  PROOF_ATTACHMENT,
  renderCertificatePdf,
  type PdfCertificate,
} from './pdf.ts';
import { DEFAULT_PDF_READ_LIMITS } from './pdf-read.ts';
import { PdfReadPool } from './pdf-read-pool.ts';

const Report = Type.Object({
  ...certificateReportFields,
  attachments: Type.Array(Type.String(), { description: 'Names of the files found attached to the PDF' }),
  credential: Type.Optional(
    Type.String({ description: 'The credential attached to the PDF (vc+jwt), so that whoever holds the PDF can read what it signs' }),
  ),
});

/** Room for the multipart framing around the file: boundaries, part headers, a few small fields. */
const MULTIPART_SLACK_BYTES = 64 * 1024;

/**
 * The uploaded file, refused the moment it passes `max` bytes (busboy's limit event) rather than
 * after reading it all. A limit reached before this listens (the whole body already parsed) shows
 * as a truncated stream at its end.
 */
function readUpTo(file: Readable & { truncated?: boolean }, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.on('data', (c: Buffer) => chunks.push(c));
    file.once('limit', () => {
      chunks.length = 0;
      reject(pdfTooLarge(max));
    });
    file.once('end', () => (file.truncated ? reject(pdfTooLarge(max)) : resolve(Buffer.concat(chunks))));
    file.once('error', reject);
  });
}

const pdfTooLarge = (max: number): AppError =>
  new AppError('payload_too_large', `The file is larger than ${max} bytes; a certificate PDF is far smaller`);

export function registerCertificatePdfRoutes(app: App, ctx: AppContext): void {
  const { pdf } = ctx.config;
  const readers = new PdfReadPool({
    workers: pdf.workers,
    timeoutMs: pdf.timeoutMs,
    limits: { ...DEFAULT_PDF_READ_LIMITS, maxInflatedBytes: pdf.maxInflatedBytes },
  });
  // A listening server starts its PDF readers at once (not in tests that never listen).
  app.addHook('onListen', async () => {
    await readers.warm().catch((e: unknown) => app.log.error({ err: e }, 'PDF readers did not start'));
  });
  app.addHook('onClose', () => readers.close());

  app.get(
    '/api/v1/certificates/:id/pdf',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['certificates'],
        summary: 'The certificate as a printable A4 PDF (English + Chinese), with a QR code and its credential attached',
        description:
          'Same entitlement as the credential (the issuing producer and the exchange). The signed credential is attached as ' +
          '`credential.jwt` and its log proof as `proof.txt`; the QR code opens the public verification page.',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object(
          { lang: Type.Optional(Type.Union(PDF_LANGUAGES.map((l) => Type.Literal(l)), { default: 'zh-Hant' })) },
          { additionalProperties: false },
        ),
        produces: ['application/pdf'],
        response: { ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      // The credential decides entitlement (and that the certificate carries one).
      const credential = await verification.credentialFor(ctx, req.principal, req.params.id);
      const view = (await service.getCertificate(ctx, req.principal, req.params.id)) as unknown as PdfCertificate;
      const version = await repo.getVersion(ctx.db, req.params.id, view.version);
      if (!version) throw new AppError('not_found', `Version ${view.version} not found`);
      const proof = await verification.proofFor(ctx, req.principal, req.params.id, view.version);
      const pdf = await renderCertificatePdf({
        certificate: view,
        credential,
        proof,
        logIndex: version.log_index,
        publicUrl: ctx.config.publicUrl,
        lang: req.query.lang ?? 'zh-Hant',
      });
      const file = `${view.number.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/v1/verify/pdf',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['trust'],
        summary: 'Verify a certificate PDF: upload it (multipart, one file); its attached credential and proof are checked',
        description:
          'Public. The file may be at most `ASSAY_PDF_MAX_BYTES` (413 beyond, refused as soon as the limit is passed). It is ' +
          'read on a worker thread with a time limit, and only its attached files are inflated, within a byte cap; a file ' +
          'that is not a PDF Assay can read, or exceeds a limit, answers 422; 503 when too many PDFs are being read at once.',
        consumes: ['multipart/form-data'],
        response: { 200: Report, ...errors(400, 413, 422, 503) },
      },
    },
    async (req) => {
      if (!req.isMultipart()) {
        throw new AppError('bad_request', 'Upload the PDF as multipart/form-data', [{ path: 'body', message: 'expected one file' }]);
      }
      // A declared length far past the limit is refused before any of the body is parsed.
      if (Number(req.headers['content-length']) > pdf.maxBytes + MULTIPART_SLACK_BYTES) throw pdfTooLarge(pdf.maxBytes);
      const part = await req.file({ limits: { fileSize: pdf.maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 5 } });
      if (!part) throw new AppError('bad_request', 'No file was uploaded', [{ path: 'body', message: 'expected one file' }]);
      const bytes = await readUpTo(part.file, pdf.maxBytes);
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new AppError('bad_request', 'The file is not a PDF', [{ path: 'file', message: 'does not start with %PDF-' }]);
      }
      let files: Map<string, Buffer>;
      try {
        files = await readers.read(bytes, { handOver: true }); // bytes are not used after this
      } catch (e) {
        // The client gets a fixed message; what the reader met is only logged.
        if (e instanceof AppError && e.status < 500) req.log.info({ code: e.code, detail: (e.cause as Error | undefined)?.message }, 'PDF refused');
        throw e;
      }
      const attachments = [...files.keys()];
      const jwt = files.get(CREDENTIAL_ATTACHMENT)?.toString('utf8').trim();
      if (!jwt) {
        return {
          ok: false,
          attachments,
          checks: [{ name: 'format' as const, status: 'fail' as const, reason: `The PDF has no attached ${CREDENTIAL_ATTACHMENT}, so there is nothing signed to check` }],
        };
      }
      const proof = files.get(PROOF_ATTACHMENT)?.toString('utf8');
      const report = await verification.verifySubmittedCertificate(ctx, jwt, proof);
      return { ...report, attachments, credential: jwt };
    },
  );
}
