import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppContext } from '../platform/context.ts';
import type { Authenticated, Principal } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { recordEvent } from '../trail/events.ts';
import { ensureIssuerKey, orgDid } from '../trust/keys-service.ts';
import * as metalsRepo from '../metals/specs.ts';
import { selectSpec } from '../metals/spec-select.ts';
import { METAL_CODES, type ContractSpec, type MetalCode } from '../metals/spec-types.ts';
import { AppError, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { checkChunk, commitChunk, LeaseLost, prepareChunk, runContext, withSigner, type Actor, type ChunkOutcome, type PreparedChunk } from './engine.ts';
import { SigningPool } from './signing-pool.ts';
import { credentialFrameFor } from '../certificates/bulk.ts';
import { checkUtf8, detectFormat, readRecords, type ImportFormat, type ReadOptions } from './readers.ts';
import type { ImportRecord, RowError } from './records.ts';
import * as repo from './repo.ts';

// Bulk import: a file becomes a job (refused up front, writing nothing, when it is hostile or does
// not follow the template), then a run reads it again as a stream and commits it chunk by chunk.
// A run holds a lease on the job; a run that dies leaves the job resumable from its last chunk.

export const LEASE_SECONDS = 30;
/** A chunk is also cut at this many bundle rows, so memory stays bounded for casts with many bundles. */
const MAX_CHUNK_ROWS = 20_000;

export const importsDir = (ctx: AppContext): string => path.join(ctx.config.dataDir, 'imports');
const jobFile = (ctx: AppContext, id: string): string => path.join(importsDir(ctx), id);

const readOptions = (ctx: AppContext, build: boolean, stats?: { rows: number }): ReadOptions => ({
  build,
  maxRows: ctx.config.imports.maxRows,
  zip: { maxUncompressedBytes: ctx.config.imports.maxUncompressedBytes, maxRatio: ctx.config.imports.maxZipRatio },
  ...(stats ? { stats } : {}),
});

// ------------------------------------------------------------------ views

export interface JobView {
  id: string;
  status: repo.JobStatus;
  producerOrgId: string;
  filename: string;
  format: ImportFormat;
  sha256: string;
  bytes: number;
  rows: { total: number; done: number };
  records: { total: number; done: number; accepted: number; rejected: number; unchanged: number };
  errors: number;
  /** Certificates per second in the current (or last) run. */
  rate: number | null;
  /** Seconds left at the current rate. */
  etaSeconds: number | null;
  failure: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export function jobView(j: repo.JobRow, now: Date = new Date()): JobView {
  const end = j.status === 'running' ? now : (j.finished_at ?? j.updated_at);
  const since = j.run_started_at ? (end.getTime() - j.run_started_at.getTime()) / 1000 : 0;
  const doneThisRun = j.records_done - j.run_start_records;
  const rate = since > 0 && doneThisRun > 0 ? doneThisRun / since : null;
  const left = j.records_total - j.records_done;
  return {
    id: j.id,
    status: j.status,
    producerOrgId: j.producer_org_id,
    filename: j.filename,
    format: j.format,
    sha256: j.file_sha256,
    bytes: j.file_bytes,
    rows: { total: j.rows_total, done: j.rows_done },
    records: { total: j.records_total, done: j.records_done, accepted: j.accepted, rejected: j.rejected, unchanged: j.unchanged },
    errors: j.error_count,
    rate: rate === null ? null : Math.round(rate * 10) / 10,
    etaSeconds: j.status === 'completed' ? 0 : rate ? Math.ceil(left / rate) : null,
    failure: j.failure,
    createdAt: j.created_at.toISOString(),
    updatedAt: j.updated_at.toISOString(),
    finishedAt: j.finished_at?.toISOString() ?? null,
  };
}

// ------------------------------------------------------------------ access

const mayRead = (p: Principal, j: repo.JobRow): boolean =>
  p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === j.producer_org_id);

export async function readableJob(ctx: AppContext, p: Principal, id: string): Promise<repo.JobRow> {
  const j = await repo.getJob(ctx.db, id);
  if (!j || !mayRead(p, j)) throw notFound('Import job');
  return j;
}

export async function listJobs(ctx: AppContext, p: Authenticated, limit: number): Promise<JobView[]> {
  const rows = await repo.listJobs(ctx.db, p.orgKind === 'exchange' ? null : p.orgId, limit);
  return rows.map((j) => jobView(j, ctx.now()));
}

/** A job by id, for the operator's CLI (resume), without a caller. */
export const findJob = (ctx: AppContext, id: string) => repo.getJob(ctx.db, id);

export const actorOfPrincipal = (p: Authenticated): Actor =>
  p.type === 'user' ? { userId: p.userId, apiKeyId: null, orgId: p.orgId } : { userId: null, apiKeyId: p.keyId, orgId: p.orgId };

// ------------------------------------------------------------------ upload → job

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export interface Inspection {
  format: ImportFormat;
  rows: number;
  records: number;
}

/** Everything that can be known about a file without the database: refused here if unusable. */
export async function inspectFile(ctx: AppContext, file: string): Promise<Inspection> {
  const format = await detectFormat(file);
  if (format !== 'xlsx') await checkUtf8(file);
  const stats = { rows: 0 };
  let records = 0;
  for await (const _ of readRecords(file, format, readOptions(ctx, false, stats))) records++;
  if (records === 0) throw new AppError('unprocessable', 'The file has a header but no data rows');
  return { format, rows: stats.rows, records };
}

export interface Upload {
  /** Where the file is now. */
  path: string;
  /** The name the user gave it (shown in job lists). */
  filename: string;
  /** true: the file is a temporary copy we may move; false: copy it (the CLI's own file). */
  owned: boolean;
}

export interface CreatedImport {
  job: JobView;
  /** The same file was imported before: nothing was done. */
  duplicate: boolean;
  message: string;
}

const duplicateMessage = (j: repo.JobRow): string =>
  `This file was already uploaded as import ${j.id} on ${j.created_at.toISOString()} (${j.status}); nothing was changed`;

/**
 * Checks an uploaded file and makes it a queued job. Nothing is written when the file is refused,
 * and nothing at all when the producer uploaded these exact bytes before.
 */
export async function createImport(ctx: AppContext, actor: Actor, producerOrgId: string, upload: Upload): Promise<CreatedImport> {
  const cleanup = () => (upload.owned ? fs.promises.rm(upload.path, { force: true }) : Promise.resolve());
  try {
    const org = await findOrganisation(ctx.db, producerOrgId);
    if (!org || org.kind !== 'producer') throw forbidden('Only producers import certificates');
    const { size } = await fs.promises.stat(upload.path);
    if (size > ctx.config.imports.maxBytes) {
      throw new AppError('payload_too_large', `The file is ${size} bytes; the limit is ${ctx.config.imports.maxBytes} (ASSAY_IMPORT_MAX_BYTES)`);
    }
    const sha256 = await sha256File(upload.path);
    const before = await repo.findJobByFile(ctx.db, producerOrgId, sha256);
    if (before) {
      await cleanup();
      return { job: jobView(before, ctx.now()), duplicate: true, message: duplicateMessage(before) };
    }
    const info = await inspectFile(ctx, upload.path);

    const id = randomUUID();
    const dest = jobFile(ctx, id);
    await fs.promises.mkdir(path.dirname(dest), { recursive: true });
    if (upload.owned) await fs.promises.rename(upload.path, dest);
    else await fs.promises.copyFile(upload.path, dest);
    try {
      const job = await ctx.db.transaction(async (tx) => {
        const j = await repo.insertJob(tx, {
          id,
          producerOrgId,
          userId: actor.userId,
          apiKeyId: actor.apiKeyId,
          filename: path.basename(upload.filename).slice(0, 255) || 'upload',
          format: info.format,
          sha256,
          bytes: size,
          rowsTotal: info.rows,
          recordsTotal: info.records,
        });
        await recordEvent(tx, {
          actor,
          action: 'import.created',
          subjectType: 'import_job',
          subjectId: id,
          details: { filename: j.filename, format: info.format, sha256, rows: info.rows, records: info.records },
        });
        return j;
      });
      return { job: jobView(job, ctx.now()), duplicate: false, message: `Import ${id} queued: ${info.records} certificates in ${info.rows} rows` };
    } catch (e) {
      await fs.promises.rm(dest, { force: true });
      if (isUniqueViolation(e, 'import_jobs_file_key')) {
        const other = (await repo.findJobByFile(ctx.db, producerOrgId, sha256))!;
        return { job: jobView(other, ctx.now()), duplicate: true, message: duplicateMessage(other) };
      }
      throw e;
    }
  } finally {
    await cleanup().catch(() => undefined);
  }
}

/** A fresh temporary path for an incoming upload, under the data directory (same disk as its final place). */
export async function incomingPath(ctx: AppContext): Promise<string> {
  const dir = path.join(importsDir(ctx), 'incoming');
  await fs.promises.mkdir(dir, { recursive: true });
  return path.join(dir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
}

// ------------------------------------------------------------------ running

export interface RunOptions {
  /** Identifies this runner in the job's lease. */
  owner?: string;
  /** Take the job over even when another runner's lease has not expired (`assay import --resume`). */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (job: JobView) => void;
}

export const runnerId = (): string => `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** Groups records into chunks: at most chunkSize certificates, never the same brand + PCR twice. */
async function* chunks(records: AsyncIterable<ImportRecord>, size: number): AsyncGenerator<ImportRecord[]> {
  let chunk: ImportRecord[] = [];
  let keys = new Set<string>();
  let rows = 0;
  for await (const r of records) {
    if (chunk.length >= size || rows >= MAX_CHUNK_ROWS || (r.key !== null && keys.has(r.key))) {
      yield chunk;
      chunk = [];
      keys = new Set();
      rows = 0;
    }
    chunk.push(r);
    if (r.key !== null) keys.add(r.key);
    rows += r.lastRow - r.firstRow + 1;
  }
  if (chunk.length) yield chunk;
}

/**
 * Runs (or resumes) a job to the end: records before the job's next_row were committed by an
 * earlier run and are skipped, so every record is accounted for exactly once.
 */
export async function runImport(ctx: AppContext, jobId: string, opts: RunOptions = {}): Promise<JobView> {
  const owner = opts.owner ?? runnerId();
  let job = await repo.claimJob(ctx.db, jobId, owner, LEASE_SECONDS, opts.force ?? false);
  if (!job) {
    const j = await repo.getJob(ctx.db, jobId);
    if (!j) throw notFound('Import job');
    if (j.status === 'completed') return jobView(j, ctx.now());
    throw new AppError('conflict', `Import ${jobId} is being run by another process (lease until ${j.lease_until?.toISOString()})`);
  }
  const actor: Actor = { userId: job.created_by_user, apiKeyId: job.created_by_key, orgId: job.producer_org_id };
  let pool: SigningPool | undefined;
  try {
    const file = jobFile(ctx, jobId);
    if (!fs.existsSync(file)) throw new AppError('unprocessable', `The uploaded file of import ${jobId} is missing from ${importsDir(ctx)}`);
    const key = await ensureIssuerKey(ctx, job.producer_org_id);
    const frameId = await credentialFrameFor(ctx, key, job.producer_org_id);
    const rc = withSigner(await runContext(ctx, job.producer_org_id, actor, jobId), key, orgDid(ctx, job.producer_org_id), frameId);
    if (ctx.config.imports.workers > 0) rc.pool = pool = new SigningPool(ctx.config.imports.workers);
    opts.onProgress?.(jobView(job, ctx.now()));

    const start = job.next_row;
    async function* remaining(): AsyncGenerator<ImportRecord> {
      for await (const r of readRecords(file, job!.format, readOptions(ctx, true))) if (r.firstRow >= start) yield r;
    }
    // Two chunks in flight: the next one is read, decided and signed (on the pool's threads) while
    // the current one commits. A chunk prepared against state that its predecessor then changed
    // is decided again under lock by commitChunk, so the overlap never changes the outcome.
    let inFlight: Promise<PreparedChunk> | null = null;
    const commitPrepared = async (prepared: PreparedChunk): Promise<void> => {
      const result = await commitChunk(rc, prepared, {
        owner,
        expectedNextRow: job!.next_row,
        nextRow: prepared.records.at(-1)!.lastRow + 1,
        leaseSeconds: LEASE_SECONDS,
      });
      job = result.job;
      opts.onProgress?.(jobView(job, ctx.now()));
    };
    for await (const chunk of chunks(remaining(), ctx.config.imports.chunkSize)) {
      if (opts.signal?.aborted) break;
      const next = prepareChunk(rc, chunk);
      next.catch(() => undefined); // awaited below; this only stops an early rejection counting as unhandled
      if (inFlight) await commitPrepared(await inFlight);
      inFlight = next;
    }
    if (inFlight && !opts.signal?.aborted) await commitPrepared(await inFlight);
    if (opts.signal?.aborted) {
      await repo.releaseJob(ctx.db, jobId, owner);
      return jobView((await repo.getJob(ctx.db, jobId))!, ctx.now());
    }
    const done = await ctx.db.transaction(async (tx) => {
      const j = await repo.finishJob(tx, jobId, owner, 'completed', null);
      if (!j) throw new LeaseLost();
      await recordEvent(tx, {
        actor,
        action: 'import.completed',
        subjectType: 'import_job',
        subjectId: jobId,
        details: { records: j.records_done, accepted: j.accepted, rejected: j.rejected, unchanged: j.unchanged, errors: j.error_count },
      });
      return j;
    });
    const view = jobView(done, ctx.now());
    opts.onProgress?.(view);
    return view;
  } catch (e) {
    if (e instanceof LeaseLost) throw new AppError('conflict', `Import ${jobId} was taken over by another process`);
    const message = e instanceof AppError ? e.message + (e.details?.length ? `: ${e.details.map((d) => d.message).join('; ')}` : '') : (e as Error).message;
    await repo.finishJob(ctx.db, jobId, owner, 'failed', message.slice(0, 2000)).catch(() => undefined);
    throw e;
  } finally {
    await pool?.close();
  }
}

// ------------------------------------------------------------------ dry run

export interface DryRun {
  format: ImportFormat;
  rows: number;
  records: ChunkOutcome;
}

/** Reads and checks a file exactly as an import would, and writes nothing. */
export async function dryRunImport(ctx: AppContext, actor: Actor, producerOrgId: string, file: string, maxErrors = 10_000): Promise<DryRun> {
  const info = await inspectFile(ctx, file);
  const rc = await runContext(ctx, producerOrgId, actor, null);
  const total: ChunkOutcome = { records: 0, rows: 0, accepted: 0, rejected: 0, unchanged: 0, errors: [] };
  for await (const chunk of chunks(readRecords(file, info.format, readOptions(ctx, true)), ctx.config.imports.chunkSize)) {
    const r = await checkChunk(rc, chunk);
    total.records += r.records;
    total.rows += r.rows;
    total.accepted += r.accepted;
    total.rejected += r.rejected;
    total.unchanged += r.unchanged;
    for (const e of r.errors) if (total.errors.length < maxErrors) total.errors.push(e);
  }
  return { format: info.format, rows: info.rows, records: total };
}

// ------------------------------------------------------------------ errors

export async function* jobErrors(ctx: AppContext, jobId: string): AsyncGenerator<RowError> {
  let after = 0;
  for (;;) {
    const page = await repo.listErrors(ctx.db, jobId, after, 5000);
    for (const e of page) yield { row: e.row_number, column: e.column_name, value: e.value, code: e.code, reason: e.reason };
    if (page.length < 5000) return;
    after = page.at(-1)!.seq;
  }
}

export async function errorPage(ctx: AppContext, jobId: string, after: number, limit: number) {
  const rows = await repo.listErrors(ctx.db, jobId, after, limit);
  return {
    items: rows.map((e) => ({ row: e.row_number, column: e.column_name, value: e.value, code: e.code, reason: e.reason })),
    next: rows.length === limit ? rows.at(-1)!.seq : null,
  };
}

// ------------------------------------------------------------------ templates

export async function specInForce(ctx: AppContext, metal: MetalCode): Promise<ContractSpec | undefined> {
  if (!(METAL_CODES as readonly string[]).includes(metal)) throw notFound(`Metal ${metal}`);
  const specs = await metalsRepo.listSpecs(ctx.db, metal);
  return selectSpec(specs, metal, ctx.now().toISOString().slice(0, 10));
}

// ------------------------------------------------------------------ the in-process runner

interface Runner {
  owner: string;
  enqueue(id: string): void;
  /** Resolves when everything queued so far has run. */
  idle(): Promise<void>;
  /** Queues every unfinished job nobody holds (a server starting, or a periodic sweep). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

const runners = new WeakMap<AppContext, Runner>();

/** One runner per application context: jobs run one after another, in the background. */
export function importRunner(ctx: AppContext, onError: (e: unknown, jobId: string) => void = () => undefined): Runner {
  const existing = runners.get(ctx);
  if (existing) return existing;
  const owner = runnerId();
  const aborter = new AbortController();
  const queued = new Set<string>();
  let tail: Promise<void> = Promise.resolve();
  const runner: Runner = {
    owner,
    enqueue(id) {
      if (queued.has(id) || aborter.signal.aborted) return;
      queued.add(id);
      tail = tail.then(async () => {
        try {
          if (!aborter.signal.aborted) await runImport(ctx, id, { owner, signal: aborter.signal });
        } catch (e) {
          onError(e, id);
        } finally {
          queued.delete(id);
        }
      });
    },
    idle: async () => {
      let t: Promise<void>;
      do {
        t = tail;
        await t;
      } while (t !== tail);
    },
    async sweep() {
      for (const id of await repo.claimableJobs(ctx.db)) runner.enqueue(id);
    },
    async stop() {
      aborter.abort();
      await runner.idle();
    },
  };
  runners.set(ctx, runner);
  return runner;
}
