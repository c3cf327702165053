import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import { MetalCodeSchema } from '../metals/schemas.ts';
import type { MetalCode } from '../metals/spec-types.ts';
import { AppError } from '../platform/errors.ts';
import { caller, type App } from '../platform/http.ts';
import { errors, IsoDateTime, Uuid } from '../platform/schemas.ts';
import { csvReport, xlsxReport } from './report.ts';
import * as service from './service.ts';
import { csvTemplate, ndjsonTemplate, xlsxTemplate } from './templates.ts';

const tags = ['imports'];

const JobView = Type.Object(
  {
    id: Uuid,
    status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('completed'), Type.Literal('failed')]),
    producerOrgId: Uuid,
    filename: Type.String(),
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('ndjson')]),
    sha256: Type.String({ description: 'SHA-256 of the uploaded bytes; the same file uploaded again is recognised by it' }),
    bytes: Type.Integer(),
    rows: Type.Object({ total: Type.Integer(), done: Type.Integer() }, { description: 'Data rows of the file (bundle rows; lines for NDJSON)' }),
    records: Type.Object(
      {
        total: Type.Integer({ description: 'Certificates the rows make up' }),
        done: Type.Integer(),
        accepted: Type.Integer({ description: 'Issued or amended' }),
        rejected: Type.Integer({ description: 'Invalid, non-conforming (stored as rejected certificates) or in conflict; see the errors' }),
        unchanged: Type.Integer({ description: 'Already registered with identical content' }),
      },
      { description: 'When completed, accepted + rejected + unchanged = total' },
    ),
    errors: Type.Integer({ description: 'Rows of the error report' }),
    rate: Type.Union([Type.Number(), Type.Null()], { description: 'Certificates per second in the current run' }),
    etaSeconds: Type.Union([Type.Integer(), Type.Null()]),
    failure: Type.Union([Type.String(), Type.Null()]),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    finishedAt: Type.Union([IsoDateTime, Type.Null()]),
  },
  { $id: 'ImportJob' },
);

const Created = Type.Object({ job: JobView, duplicate: Type.Boolean(), message: Type.String() });
const ImportParams = Type.Object({ importId: Uuid });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A file streamed as it is written (never serialized). */
const ReportFile = Type.Unsafe<Readable>(Type.String({ format: 'binary' }));
const ErrorPage = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        row: Type.Integer({ description: 'Spreadsheet row (the header is row 1) or NDJSON line' }),
        column: Type.String(),
        value: Type.Union([Type.String(), Type.Null()]),
        code: Type.String(),
        reason: Type.String(),
      }),
    ),
    next: Type.Union([Type.Integer(), Type.Null()], { description: 'Pass as `after` for the next page' }),
  },
  { description: '`format=json`; `csv` and `xlsx` answer the whole report as a file' },
);

const attachment = (name: string): string => `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

export function registerImportRoutes(app: App, ctx: AppContext): void {
  const runner = service.importRunner(ctx, (e, id) => app.log.error({ err: e, importId: id }, 'import job failed'));
  let sweeper: NodeJS.Timeout | undefined;
  // A listening server resumes imports a dead process left behind (once its lease has run out).
  app.addHook('onListen', async () => {
    const sweep = (): Promise<void> => runner.sweep().catch((e: unknown) => app.log.error({ err: e }, 'import sweep failed'));
    await sweep();
    sweeper = setInterval(() => void sweep(), service.LEASE_SECONDS * 1000);
    sweeper.unref();
  });
  app.addHook('onClose', async () => {
    if (sweeper) clearInterval(sweeper);
    await runner.stop();
  });

  app.post(
    '/api/v1/imports',
    {
      config: { permission: 'imports.create' },
      schema: {
        tags,
        summary: 'Upload a CSV, Excel (.xlsx) or NDJSON file of eCOAs to import',
        description:
          'Send `multipart/form-data` with one part named `file`. The file is checked before anything is written: a file that ' +
          'does not follow the template, is not UTF-8, uses the wrong CSV delimiter, is too large or is a hostile archive answers ' +
          '413 or 422 and creates nothing. A good file becomes a job (202) that runs in the background, committing in chunks; ' +
          'follow it at `GET /api/v1/imports/{importId}`. Every row is checked with the same rules as single issue: conforming ' +
          'casts are issued, signed and logged; non-conforming ones are stored as rejected certificates (as the single-issue API ' +
          'does); rows that are malformed or conflict with a registered certificate are only reported. The same file uploaded ' +
          'again answers 200 with `duplicate: true` and changes nothing.',
        consumes: ['multipart/form-data'],
        response: { 200: Created, 202: Created, ...errors(400, 401, 403, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const p = caller(req);
      if (!req.isMultipart()) {
        throw new AppError('unsupported_media_type', 'Upload the file as multipart/form-data, in a part named "file"');
      }
      // This route's own limit: the registered default is the small one every other upload gets.
      const part = await req.file({ limits: { fileSize: ctx.config.imports.maxBytes } });
      if (!part || part.fieldname !== 'file') {
        throw new AppError('bad_request', 'No file: send it in a multipart part named "file"', [{ path: 'body.file', message: 'is required' }]);
      }
      const tmp = await service.incomingPath(ctx);
      try {
        await pipeline(part.file, fs.createWriteStream(tmp));
        if (part.file.truncated) throw Object.assign(new Error('truncated'), { code: 'FST_REQ_FILE_TOO_LARGE' });
      } catch (e) {
        await fs.promises.rm(tmp, { force: true });
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('payload_too_large', `The file is larger than ${ctx.config.imports.maxBytes} bytes (ASSAY_IMPORT_MAX_BYTES); split it`);
        }
        throw e;
      }
      const created = await service.createImport(ctx, service.actorOfPrincipal(p), p.orgId, { path: tmp, filename: part.filename, owned: true });
      if (!created.duplicate) runner.enqueue(created.job.id);
      return reply.status(created.duplicate ? 200 : 202).send(created);
    },
  );

  app.get(
    '/api/v1/imports',
    {
      config: { permission: 'imports.read' },
      schema: {
        tags,
        summary: 'Your organisation’s imports, newest first (the exchange sees all)',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(JobView) }), ...errors(400, 401, 403) },
      },
    },
    async (req) => ({ items: await service.listJobs(ctx, caller(req), req.query.limit ?? 50) }),
  );

  app.get(
    '/api/v1/imports/:importId',
    {
      config: { permission: 'imports.read' },
      schema: {
        tags,
        summary: 'Progress of an import: rows and certificates done, accepted, rejected, rate and ETA',
        params: ImportParams,
        response: { 200: JobView, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => service.jobView(await service.readableJob(ctx, req.principal, req.params.importId), ctx.now()),
  );

  app.get(
    '/api/v1/imports/:importId/errors',
    {
      config: { permission: 'imports.read' },
      schema: {
        tags,
        summary: 'The error report: row, column, value, code and reason of every row not issued',
        description:
          '`format=json` (default) pages through the errors; `csv` and `xlsx` download the whole report. Values that a ' +
          'spreadsheet would run as a formula are prefixed with an apostrophe.',
        params: ImportParams,
        querystring: Type.Object(
          {
            format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], { default: 'json' })),
            after: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
          },
          { additionalProperties: false },
        ),
        produces: ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: {
          200: {
            description: 'The error report',
            content: { 'application/json': { schema: ErrorPage }, 'text/csv': { schema: ReportFile }, [XLSX]: { schema: ReportFile } },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const job = await service.readableJob(ctx, req.principal, req.params.importId);
      const format = req.query.format ?? 'json';
      if (format === 'json') return service.errorPage(ctx, job.id, req.query.after ?? 0, req.query.limit ?? 500);
      const base = `import-${job.id.slice(0, 8)}-errors`;
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment(`${base}.csv`))
          .send(csvReport(service.jobErrors(ctx, job.id)));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(`${base}.xlsx`))
        .send(xlsxReport(service.jobErrors(ctx, job.id), `Errors of import ${job.id} (${job.filename})`));
    },
  );

  app.get(
    '/api/v1/import-templates/:metal',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The import template of a metal: Excel workbook, CSV, or NDJSON example lines',
        description:
          'The workbook has the data sheet (one row per bundle; dropdowns for shape, unit, country and metal), a filled example ' +
          'and a sheet explaining every column. The CSV has the same header and example rows (replace them). NDJSON is one ' +
          'certificate submission (the body of `POST /api/v1/certificates`) per line, with an optional top-level ' +
          '`amendmentReason`.',
        params: Type.Object({ metal: MetalCodeSchema }),
        querystring: Type.Object(
          { format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv'), Type.Literal('ndjson')], { default: 'xlsx' })) },
          { additionalProperties: false },
        ),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'application/x-ndjson'],
        response: { ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const metal = req.params.metal as MetalCode;
      const spec = await service.specInForce(ctx, metal);
      const format = req.query.format ?? 'xlsx';
      const name = `assay-import-${metal}`;
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`${name}.csv`)).send(csvTemplate(metal, spec));
      }
      if (format === 'ndjson') {
        return reply.type('application/x-ndjson').header('content-disposition', attachment(`${name}.ndjson`)).send(ndjsonTemplate(metal, spec));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(`${name}.xlsx`))
        .send(await xlsxTemplate(metal, spec));
    },
  );
}
