// Bulk-import throughput at scale (issue #4): N certificates (default 1,000,000) from NDJSON and
// from CSV, end to end (parse → validate → canonicalise → sign → log → store) through the same
// service as `assay import`, on durable PostgreSQL and on file-backed PGlite. Beside each run, in
// the same process setup: the raw COPY of the very rows the import wrote (certificates, versions,
// log entries, audit events, copied out and COPYed into empty tables of the same shape and
// indexes), raw Ed25519 signing of the same credential payloads on one core, and the process's
// peak resident memory while importing, and the bytes each table and index grew by per certificate.
// Run: node --import tsx bench/import-1m.ts
//   BENCH_CERTIFICATES=1000000  BENCH_FORMATS=ndjson,csv  BENCH_ENGINES=postgres,pglite  BENCH_BAD=0.01
import { sign as cryptoSign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { AppContext } from '../src/app/context.ts';
import { createImport, runImport } from '../src/imports/service.ts';
import { storedCredential, VERSION_SELECT, type StoredVersionRow } from '../src/certificates/repo.ts';
import { ensureIssuerKey } from '../src/trust/keys-service.ts';
import type { Db, Engine } from '../src/platform/db.ts';
import { generateFile, type GenFormat } from './generate-certificates.ts';
import { IMPORT_BRANDS, importWorld } from './lib/import-world.ts';
import { serverCpuMs, startEngine, type EngineHandle } from './lib/engines.ts';
import { CORES, coreCeiling, fmtInt, fmtRatio, loadNote, machineNote, ownCpuMs, rawEd25519SignRate, table } from './lib/measure.ts';

const N = Number(process.env.BENCH_CERTIFICATES ?? 1_000_000);
const FORMATS = (process.env.BENCH_FORMATS?.split(',') ?? ['ndjson', 'csv']) as GenFormat[];
const ENGINES = (process.env.BENCH_ENGINES?.split(',') ?? ['postgres', 'pglite']) as Engine[];
const BAD = Number(process.env.BENCH_BAD ?? 0.01);
/** Rows per COPY statement when copying the imported rows back in (bounded memory). */
const COPY_BATCH = 20_000;
/** Credentials whose signing input is signed again for the raw Ed25519 figure. */
const SIGN_SAMPLE = 50_000;

/** The exchange's yearly eCOA volume (issue #4), and the time the issue wants it to land in. */
const YEAR_CERTIFICATES = 12_400_000;
const YEAR_TARGET_MINUTES = 15;
const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const minutes = (perSecond: number): string => fmtInt(YEAR_CERTIFICATES / perSecond / 60);
const mib = (bytes: number): string => fmtInt(bytes / 1024 ** 2);

/** The tables an import writes per certificate, each with a column to cut it into COPY batches. */
const TABLES = [
  { name: 'certificates', key: 'seq' },
  { name: 'certificate_versions', key: 'log_index' },
  { name: 'log_entries', key: 'idx' },
  { name: 'audit_events', key: 'id' },
] as const;

/** Peak RSS of this process, sampled (resourceUsage's maxRSS never goes down between runs). */
function rssSampler(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    stop: () => {
      clearInterval(t);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

interface CopyIo {
  /** One batch of a table as COPY text. */
  out(sql: string): Promise<Buffer>;
  /** COPY text into a table; only this is timed. */
  in(table: string, data: Buffer): Promise<void>;
  close(): Promise<void>;
}

async function copyIo(handle: EngineHandle, db: Db): Promise<CopyIo> {
  if (handle.engine === 'postgres') {
    const client = new pg.Client({ connectionString: handle.location });
    await client.connect();
    return {
      async out(sql) {
        const parts: Buffer[] = [];
        await pipeline(
          client.query(copyTo(`COPY (${sql}) TO STDOUT`)),
          new Writable({
            write(chunk: Buffer, _e, cb) {
              parts.push(chunk);
              cb();
            },
          }),
        );
        return Buffer.concat(parts);
      },
      async in(t, data) {
        await pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${t} FROM STDIN`)));
      },
      close: () => client.end(),
    };
  }
  const raw = (db as Db & { raw: import('@electric-sql/pglite').PGlite }).raw;
  return {
    async out(sql) {
      const r = await raw.query(`COPY (${sql}) TO '/dev/blob'`);
      return Buffer.from(await r.blob!.arrayBuffer());
    },
    async in(t, data) {
      await raw.query(`COPY ${t} FROM '/dev/blob'`, [], { blob: new Blob([data]) });
    },
    close: async () => undefined,
  };
}

/** COPYs every row the import wrote into empty same-shape tables; returns the COPY-in time. */
async function rawCopy(handle: EngineHandle, db: Db): Promise<{ ms: number; rows: number; bytes: number; serverCpuMs: number }> {
  const io = await copyIo(handle, db);
  let ms = 0;
  let copyServerCpuMs = 0;
  let rows = 0;
  let bytes = 0;
  try {
    for (const t of TABLES) {
      // Same columns, defaults, checks and indexes; no foreign keys and no triggers (the raw limit).
      await db.query(`CREATE TABLE raw_${t.name} (LIKE ${t.name} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`);
      const range = await db.query<{ lo: number | null; hi: number | null }>(`SELECT min(${t.key})::bigint AS lo, max(${t.key})::bigint AS hi FROM ${t.name}`);
      const { lo, hi } = range.rows[0]!;
      if (lo === null || hi === null) continue;
      for (let from = lo; from <= hi; from += COPY_BATCH) {
        const data = await io.out(`SELECT * FROM ${t.name} WHERE ${t.key} >= ${from} AND ${t.key} < ${from + COPY_BATCH}`);
        const c0 = serverCpuMs(handle);
        const t0 = performance.now();
        await io.in(`raw_${t.name}`, data);
        ms += performance.now() - t0;
        copyServerCpuMs += serverCpuMs(handle) - c0;
        bytes += data.length;
        rows += data.toString('utf8').split('\n').length - 1;
      }
    }
  } finally {
    await io.close();
  }
  return { ms, rows, bytes, serverCpuMs: copyServerCpuMs };
}

interface RelSize {
  table: string;
  relation: string;
  bytes: number;
}

/**
 * The on-disk size of every table (heap + TOAST) and each of its indexes, in this database's
 * public schema: read before and after the import, the difference is what the import wrote.
 */
async function relationSizes(db: Db): Promise<RelSize[]> {
  const r = await db.query<{ tbl: string; rel: string; bytes: string }>(
    `SELECT c.relname AS tbl, c.relname AS rel, (pg_table_size(c.oid))::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
     UNION ALL
     SELECT t.relname, i.relname, pg_relation_size(i.oid)::bigint
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public'`,
  );
  return r.rows.map((x) => ({ table: x.tbl, relation: x.rel, bytes: Number(x.bytes) }));
}

/** Bytes per certificate per table and index that grew during the import, largest first. */
function sizeBreakdown(before: RelSize[], after: RelSize[], certificates: number): { lines: string[][]; total: number } {
  const was = new Map(before.map((b) => [`${b.table}/${b.relation}`, b.bytes]));
  const grown = after
    .map((a) => ({ ...a, delta: a.bytes - (was.get(`${a.table}/${a.relation}`) ?? 0) }))
    .filter((a) => a.delta > 0);
  const perTable = new Map<string, number>();
  for (const g of grown) perTable.set(g.table, (perTable.get(g.table) ?? 0) + g.delta);
  const total = [...perTable.values()].reduce((a, b) => a + b, 0);
  const per = (b: number): string => (b / certificates).toFixed(0);
  const lines: string[][] = [];
  for (const [t, b] of [...perTable.entries()].sort((x, y) => y[1] - x[1])) {
    lines.push([t, '(table + indexes)', per(b)]);
    for (const g of grown.filter((x) => x.table === t).sort((x, y) => y.delta - x.delta)) {
      lines.push(['', g.relation === t ? '(heap + TOAST)' : g.relation, per(g.delta)]);
    }
  }
  lines.push(['all tables', '', per(total)]);
  return { lines, total };
}

/** One core signing the same payloads: the signing inputs of the first stored credentials. */
async function rawSignRate(db: Db, ctx: AppContext, orgId: string): Promise<number> {
  const key = await ensureIssuerKey(ctx, orgId);
  // The stored credentials as the API gives them back (rebuilt from their pieces, migrations/0015).
  const r = await db.query<StoredVersionRow>(`${VERSION_SELECT} WHERE v.jws_frame IS NOT NULL OR v.credential IS NOT NULL LIMIT ${SIGN_SAMPLE}`);
  const jwts = r.rows.map((x) => storedCredential(x)!);
  const inputs = jwts.map((j) => Buffer.from(j.slice(0, j.lastIndexOf('.')), 'ascii'));
  const t0 = performance.now();
  for (const i of inputs) cryptoSign(null, i, key.privateKey);
  return (inputs.length / (performance.now() - t0)) * 1000;
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-1m-'));
  process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const format of FORMATS) {
    const file = path.join(work, `ecoas.${format}`);
    let t = Date.now();
    const gen = await generateFile(file, { brands: IMPORT_BRANDS, certificates: N, badShare: BAD, seed: 1, maxBundles: 1 });
    const fileBytes = fs.statSync(file).size;
    console.log(`${format}: ${fmtInt(gen.certificates)} certificates, ${(fileBytes / 1e6).toFixed(0)} MB, ${gen.bad.length} bad, generated in ${seconds(Date.now() - t)} s`);

    for (const engine of ENGINES) {
      const handle = await startEngine(engine);
      const db = await handle.open();
      try {
        const { ctx, producerId, actor } = await importWorld(db, path.join(work, `${engine}-data`), {
          ASSAY_IMPORT_MAX_BYTES: String(16 * 1024 ** 3),
          ASSAY_IMPORT_MAX_ROWS: String(Math.max(2_000_000, N + 1)),
        });
        const config = ctx.config;

        const sizes0 = await relationSizes(db);
        const rss = rssSampler();
        const cpu0 = { node: ownCpuMs(), server: serverCpuMs(handle) };
        t = Date.now();
        const created = await createImport(ctx, actor, producerId, { path: file, filename: path.basename(file), owned: false });
        const scanMs = Date.now() - t;
        t = Date.now();
        let lastPrint = Date.now();
        const job = await runImport(ctx, created.job.id, {
          onProgress: (j) => {
            if (Date.now() - lastPrint > 30_000) {
              lastPrint = Date.now();
              console.log(`  [${engine} ${format}] ${fmtInt(j.records.done)}/${fmtInt(j.records.total)} · ${fmtInt(j.rate ?? 0)}/s · rss ${mib(process.memoryUsage().rss)} MiB`);
            }
          },
        });
        const importMs = Date.now() - t;
        const cpu1 = { node: ownCpuMs(), server: serverCpuMs(handle) };
        const peak = rss.stop();
        const perSecond = (N / importMs) * 1000;
        const counted = job.records.accepted + job.records.rejected + job.records.unchanged === N;

        // Checkpoint first, so every page the import wrote is counted in its relation's file.
        if (handle.engine === 'postgres') await db.query('CHECKPOINT');
        const sizes = sizeBreakdown(sizes0, await relationSizes(db), N);
        console.log(table(['table', 'relation', 'bytes per certificate'], sizes.lines));
        const copy = await rawCopy(handle, db);
        const copyPerSecond = (N / copy.ms) * 1000;
        const signRate = await rawSignRate(db, ctx, producerId);
        const ed25519 = rawEd25519SignRate();
        // The import's own CPU per certificate (every thread here, plus PostgreSQL's server) spread
        // perfectly over every core: the most this same work can reach on this machine.
        const cpuPerCertUs = ((cpu1.node - cpu0.node + (cpu1.server - cpu0.server)) / N) * 1000;
        const ceiling = coreCeiling(cpuPerCertUs);
        rows.push([
          engine,
          format,
          fmtInt(N),
          seconds(scanMs),
          seconds(importMs),
          fmtInt(perSecond),
          counted ? `${fmtInt(job.records.accepted)}/${fmtInt(job.records.rejected)}` : 'MISCOUNT',
          `${fmtInt(copyPerSecond)} (${seconds(copy.ms)} s)`,
          fmtRatio(perSecond / copyPerSecond),
          fmtInt(signRate),
          fmtRatio(perSecond / signRate),
          `${fmtInt(cpuPerCertUs)} µs; ${fmtInt(ceiling)}/s = ${fmtRatio(ceiling / copyPerSecond)} × COPY (running at ${Math.round((100 * perSecond) / ceiling)} %)`,
          `${minutes(perSecond)} (raw COPY alone ${minutes(copyPerSecond)})`,
          mib(peak),
          fmtInt(sizes.total / N),
        ]);
        notes.push(
          `${engine} ${format}: CPU per certificate while importing: this process (all threads) ${fmtInt(((cpu1.node - cpu0.node) / N) * 1000)} µs` +
            (handle.serverPid
              ? `, PostgreSQL server ${fmtInt(((cpu1.server - cpu0.server) / N) * 1000)} µs; raw COPY-in server ${fmtInt((copy.serverCpuMs / N) * 1000)} µs`
              : '') +
            '; ' +
            `raw COPY moved ${fmtInt(copy.rows)} rows, ${(copy.bytes / 1e9).toFixed(2)} GB of COPY text; 200-byte Ed25519 ${fmtInt(ed25519)}/s; ${config.imports.workers} import worker threads; ${loadNote()}`,
        );
        console.log(`  [${engine} ${format}] ${fmtInt(perSecond)} certificates/s; raw COPY ${fmtInt(copyPerSecond)}/s; raw sign ${fmtInt(signRate)}/s; peak RSS ${mib(peak)} MiB`);
      } finally {
        await db.close();
        handle.stop();
      }
    }
    fs.rmSync(file, { force: true });
  }

  console.log('');
  console.log(
    table(
      ['engine', 'format', 'certificates', 'pre-scan s', 'import s', 'certs/s', 'accepted/rejected', 'raw COPY of the same rows, certs/s', 'ratio', 'raw Ed25519 same payloads, 1 core/s', 'ratio', `CPU per certificate; its ${CORES}-core ceiling`, `minutes for ${fmtInt(YEAR_CERTIFICATES)} (goal ≪ ${YEAR_TARGET_MINUTES})`, 'peak RSS MiB', 'bytes per certificate, all tables and indexes'],
      rows,
    ),
  );
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
  console.log(
    `- The ceiling is this machine's ${CORES} cores divided by the import's measured CPU per certificate (this process's threads plus the PostgreSQL server): no threading of that same work can beat it. The minutes column scales the measured rate to a year of certificates; beside it, the same for the raw COPY of the rows alone.`,
  );
  console.log(`- Machine: ${machineNote()}. PostgreSQL runs in its own processes (its memory is not in the RSS column); PGlite runs inside this one.`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
