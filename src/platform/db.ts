import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';

// One small query interface over both engines. SQL is plain and parameterised; repos are the only
// callers. Type parsing is aligned so both engines return the same JavaScript values:
// int8 → number (our counters stay far below 2^53), numeric → string, date → 'YYYY-MM-DD', bytea → Buffer,
// timestamptz → Date, json/jsonb → parsed.

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Bulk-loads rows with COPY … FROM (text format); each row's cells are encoded by copyLine. */
  copyRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** copyRows for rows already encoded by copyLine (e.g. on a worker thread). */
  copyLines(table: string, columns: readonly string[], lines: readonly string[]): Promise<void>;
}

/** One cell in COPY text format: \N for null, JSON for objects, \\x-hex for bytes, escapes for the rest. */
function copyCell(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (typeof v === 'string') s = v;
  else if (v instanceof Date) return v.toISOString();
  else if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  else if (typeof v === 'object') s = JSON.stringify(v);
  else return String(v);
  return /[\\\n\r\t]/.test(s) ? s.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t')) : s;
}

/** From this many rows, bulk writers use copyRows rather than one INSERT (COPY is cheaper to send and parse). */
export const COPY_MIN_ROWS = 50;

/** Bytes per COPY data chunk: big enough to be few, small enough to stay out of large-object space. */
const COPY_CHUNK_BYTES = 256 * 1024;

/** One row as a line of COPY text: tab-separated cells and a newline. */
export const copyLine = (cells: readonly unknown[]): string => `${cells.map(copyCell).join('\t')}\n`;

function* linesOf(rows: readonly (readonly unknown[])[]): Generator<string> {
  for (const r of rows) yield copyLine(r);
}

/**
 * COPY lines in UTF-8 chunks of whole lines. A bulk write is megabytes of text; encoding it chunk
 * by chunk avoids building (and then flattening and encoding) one string of that size.
 */
function* copyChunks(source: Iterable<string>): Generator<Buffer> {
  let lines: string[] = [];
  let length = 0;
  for (const line of source) {
    lines.push(line);
    length += line.length;
    if (length >= COPY_CHUNK_BYTES) {
      yield Buffer.from(lines.join(''), 'utf8');
      lines = [];
      length = 0;
    }
  }
  if (lines.length > 0) yield Buffer.from(lines.join(''), 'utf8');
}

const copySql = (table: string, columns: readonly string[]): string => `COPY ${table} (${columns.join(', ')}) FROM`;

export type Engine = 'postgres' | 'pglite';

// ---------------------------------------------------------------- work deferred to COMMIT

/**
 * Work a transaction defers to its very end (the transparency log's append, log-service.ts): SQL
 * without parameters sent together with COMMIT, in one round trip, so a row lock it takes is held
 * only while the server runs that SQL and commits, never while this process is busy elsewhere.
 */
export interface CommitStep {
  /** The SQL to run just before COMMIT ('' for none). Throwing `retryable()` reruns the transaction. */
  sql(): Promise<string>;
  /** Called once, when the transaction has committed (true) or rolled back (false). */
  settled(committed: boolean): void;
}

/** SQLSTATE serialization_failure: the transaction lost a race and is safe to run again. */
export const RETRYABLE = '40001';

/** An error that makes `transaction` roll back and run its function again (see CommitStep). */
export function retryable(message: string): Error {
  return Object.assign(new Error(message), { code: RETRYABLE });
}

/** Attempts of one transaction that keeps losing races before the error reaches the caller. */
const MAX_ATTEMPTS = 20;

const STEPS = Symbol('commit steps');
const SCOPE = Symbol('transaction scope');
const ATTEMPT = Symbol('attempt');
type TxState = { [STEPS]: CommitStep[]; [SCOPE]: object; [ATTEMPT]: number };

/**
 * Defers a step to this transaction's COMMIT. False when `q` is not a transaction's queryable (the
 * caller then does the work at once).
 */
export function deferToCommit(q: Queryable, step: CommitStep): boolean {
  const steps = (q as Partial<TxState>)[STEPS];
  if (!steps) return false;
  steps.push(step);
  return true;
}

/** The database a transaction's queryable belongs to (one object per opened Db), for per-database state. */
export const scopeOf = (q: Queryable): object | undefined => (q as Partial<TxState>)[SCOPE];

/** Which run of its transaction this is: 1, or more after losing races (a rerun may choose to lock instead of racing). */
export const attemptOf = (q: Queryable): number => (q as Partial<TxState>)[ATTEMPT] ?? 1;

/** The queryable of one attempt, deferring into that attempt's list of steps. */
const withSteps = (q: Queryable, scope: object, steps: CommitStep[], attempt: number): Queryable =>
  Object.assign(q, { [STEPS]: steps, [SCOPE]: scope, [ATTEMPT]: attempt });

/** The SQL of every deferred step, in order ('' when none has any). */
async function stepsSql(steps: readonly CommitStep[]): Promise<string> {
  const parts: string[] = [];
  for (const s of steps) {
    const sql = await s.sql();
    if (sql) parts.push(sql);
  }
  return parts.join(';\n');
}

const settleAll = (steps: readonly CommitStep[], committed: boolean): void => {
  for (const s of steps) s.settled(committed);
};

/** Transactions rerun after losing a race, since the process started (benchmarks and tests read it). */
export const transactionStats = { retries: 0 };

/** Runs one attempt of a transaction again while it fails with a retryable error after deferring a step. */
async function withRetries<T>(attempt: (steps: CommitStep[], n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    const steps: CommitStep[] = [];
    try {
      return await attempt(steps, n);
    } catch (e) {
      if (n >= MAX_ATTEMPTS || steps.length === 0 || (e as { code?: unknown }).code !== RETRYABLE) throw e;
      transactionStats.retries++;
      // Give the winner of the race a moment to commit before trying again.
      await new Promise((r) => setTimeout(r, Math.min(n - 1, 5)));
    }
  }
}

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Runs fn inside BEGIN … COMMIT; rolls back when fn throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

// ---------------------------------------------------------------- PostgreSQL

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

async function pgCopy(client: pg.PoolClient, table: string, columns: readonly string[], lines: Iterable<string>): Promise<void> {
  // Encoded lazily, a chunk ahead: the server parses one chunk while the next is built.
  await pipeline(Readable.from(copyChunks(lines), { highWaterMark: 1 }), client.query(copyFromStdin(`${copySql(table, columns)} STDIN`)));
}

function wrapPgClient(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]) {
      const r = await client.query(sql, params as unknown[] | undefined);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async copyRows(table, columns, rows) {
      if (rows.length > 0) await copy(table, columns, linesOf(rows));
    },
    async copyLines(table, columns, lines) {
      if (lines.length > 0) await copy(table, columns, lines);
    },
  };
  async function copy(table: string, columns: readonly string[], lines: Iterable<string>): Promise<void> {
    if (!(client instanceof pg.Pool)) return pgCopy(client, table, columns, lines);
    const c = await client.connect();
    try {
      await pgCopy(c, table, columns, lines);
    } finally {
      c.release();
    }
  }
}

export function openPostgres(url: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types: pgTypes });
  // An idle client error must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const base = wrapPgClient(pool);
  const scope = {};
  return {
    engine: 'postgres',
    ...base,
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return withRetries(async (steps, n) => {
        const client = await pool.connect();
        let committed = false;
        try {
          await client.query('BEGIN');
          const result = await fn(withSteps(wrapPgClient(client), scope, steps, n));
          const last = await stepsSql(steps);
          // One simple-protocol message: the deferred SQL and COMMIT run back to back in the server.
          await client.query(last ? `${last};\nCOMMIT` : 'COMMIT');
          committed = true;
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        } finally {
          client.release();
          settleAll(steps, committed);
        }
      });
    },
    close: () => pool.end(),
  };
}

// ---------------------------------------------------------------- PGlite

const pgliteParsers = {
  [pgliteTypes.INT8]: (v: string) => Number(v),
  [pgliteTypes.DATE]: (v: string) => v,
  // PGlite would give Uint8Array; node-postgres gives Buffer. Buffers everywhere.
  [pgliteTypes.BYTEA]: (v: string) => Buffer.from(v.slice(2), 'hex'),
};

function wrapPglite(db: Pick<PGlite, 'query' | 'exec'>): Queryable {
  async function copy(table: string, columns: readonly string[], lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    // PGlite reads COPY data from a Blob handed over as the virtual file /dev/blob.
    await db.query(`${copySql(table, columns)} '/dev/blob'`, [], { blob: new Blob([...copyChunks(lines)]) });
  }
  return {
    async query<R>(sql: string, params?: readonly unknown[]) {
      const r = await db.query<R>(sql, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    copyRows: (table, columns, rows) => copy(table, columns, [...linesOf(rows)]),
    copyLines: copy,
  };
}

/**
 * PGlite keeps its buffer pool inside its WebAssembly memory, so every page of it ends up resident
 * in this process: 32 MB instead of PostgreSQL's default 128 MB keeps a bulk import under its
 * 1 GiB bound (PostgreSQL itself, in its own processes, keeps its defaults).
 */
const PGLITE_SETTINGS = ['shared_buffers = 32MB'];

/** V8's gc(), exposed once on first use. */
let gc: (() => void) | undefined;

/**
 * One full garbage collection. Opening PGlite leaves ~350 MB of unreachable buffers (the initdb
 * instance's memory, the unpacked file bundle) that V8 otherwise keeps until a much later major
 * collection, on top of everything a long import holds.
 */
function collectGarbage(): void {
  gc ??=
    (globalThis as { gc?: () => void }).gc ??
    (() => {
      v8.setFlagsFromString('--expose-gc');
      const exposed = vm.runInNewContext('gc') as () => void;
      v8.setFlagsFromString('--no-expose-gc');
      return exposed;
    })();
  gc();
}

/** dataDir undefined → in-memory (tests). */
export async function openPglite(dataDir: string | undefined, loadFrom?: Blob): Promise<Db & { raw: PGlite }> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://', {
    parsers: pgliteParsers,
    postgresqlconf: PGLITE_SETTINGS,
    ...(loadFrom ? { loadDataDir: loadFrom } : {}),
  });
  // Collected from the next turn on: until then create()'s own frames still reach them.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  const scope = {};
  return {
    engine: 'pglite',
    raw: db,
    ...wrapPglite(db),
    // PGlite has one connection; its transaction() queues callers, which is what serialises writers.
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      withRetries(async (steps, n) => {
        let committed = false;
        try {
          const result = await db.transaction(async (raw) => {
            const r = await fn(withSteps(wrapPglite(raw), scope, steps, n));
            const last = await stepsSql(steps);
            if (last) await raw.exec(last);
            return r;
          });
          committed = true;
          return result;
        } finally {
          settleAll(steps, committed);
        }
      }),
    close: () => db.close(),
  };
}

export async function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(path.join(config.dataDir, 'pglite'));
}
