import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import * as verification from './verification.ts';
import { AppError } from '../platform/errors.ts';
import type { App } from '../platform/http.ts';
import { errors, Uuid } from '../platform/schemas.ts';
import * as repo from './repo.ts';
import * as service from './service.ts';
import {
  CREDENTIAL_ATTACHMENT,
  PDF_LANGUAGES,
  PROOF_ATTACHMENT,
  pdfAttachments,
  renderCertificatePdf,
  type PdfCertificate,
} from './pdf.ts';

const Report = Type.Object({
  ok: Type.Boolean(),
  checks: Type.Array(Type.Object({ name: Type.String(), status: Type.String(), reason: Type.String() })),
  certificate: Type.Optional(Type.Object({}, { additionalProperties: true })),
  attachments: Type.Array(Type.String(), { description: 'Names of the files found attached to the PDF' }),
});

export function registerCertificatePdfRoutes(app: App, ctx: AppContext): void {
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
        consumes: ['multipart/form-data'],
        response: { 200: Report, ...errors(400, 413) },
      },
    },
    async (req) => {
      if (!req.isMultipart()) {
        throw new AppError('bad_request', 'Upload the PDF as multipart/form-data', [{ path: 'body', message: 'expected one file' }]);
      }
      const part = await req.file();
      if (!part) throw new AppError('bad_request', 'No file was uploaded', [{ path: 'body', message: 'expected one file' }]);
      const bytes = await part.toBuffer();
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new AppError('bad_request', 'The file is not a PDF', [{ path: 'file', message: 'does not start with %PDF-' }]);
      }
      let files: Map<string, Buffer>;
      try {
        files = await pdfAttachments(bytes);
      } catch (e) {
        throw new AppError('bad_request', 'The PDF could not be read', [{ path: 'file', message: (e as Error).message }]);
      }
      const attachments = [...files.keys()];
      const jwt = files.get(CREDENTIAL_ATTACHMENT)?.toString('utf8').trim();
      if (!jwt) {
        return {
          ok: false,
          attachments,
          checks: [{ name: 'format', status: 'fail', reason: `The PDF has no attached ${CREDENTIAL_ATTACHMENT}, so there is nothing signed to check` }],
        };
      }
      const proof = files.get(PROOF_ATTACHMENT)?.toString('utf8');
      const report = await verification.verifySubmittedCertificate(ctx, jwt, proof);
      return { ...report, attachments };
    },
  );
}
