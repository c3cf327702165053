import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
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
}

export type Engine = 'postgres' | 'pglite';

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

function wrapPgClient(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]) {
      const r = await client.query(sql, params as unknown[] | undefined);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export function openPostgres(url: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types: pgTypes });
  // An idle client error must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const base = wrapPgClient(pool);
  return {
    engine: 'postgres',
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrapPgClient(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
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
  return {
    async query<R>(sql: string, params?: readonly unknown[]) {
      const r = await db.query<R>(sql, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

/** dataDir undefined → in-memory (tests). */
export async function openPglite(dataDir: string | undefined, loadFrom?: Blob): Promise<Db & { raw: PGlite }> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://', {
    parsers: pgliteParsers,
    ...(loadFrom ? { loadDataDir: loadFrom } : {}),
  });
  return {
    engine: 'pglite',
    raw: db,
    ...wrapPglite(db),
    // PGlite has one connection; its transaction() queues callers, which is what serialises writers.
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction((tx) => fn(wrapPglite(tx))),
    close: () => db.close(),
  };
}

export async function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(path.join(config.dataDir, 'pglite'));
}
