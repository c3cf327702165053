// The two storage engines as the benchmarks use them: PGlite backed by files in a temp directory,
// and a throwaway durable PostgreSQL (fsync on) from the system's binaries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processTreeCpuMs, timedLoop } from './measure.ts';
import { openPglite, openPostgres, type Db, type Engine } from '../../src/platform/db.ts';

/** The PostgreSQL server's CPU time so far (ms); 0 for PGlite, whose CPU is this process's. */
export const serverCpuMs = (h: EngineHandle): number => (h.serverPid ? processTreeCpuMs(h.serverPid()) : 0);

export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];

interface Throwaway {
  url: string;
  dir: string;
  stop: () => void;
}

/** scripts/pg-throwaway.mjs is plain JS; imported by URL so the benchmarks need no declaration file. */
async function startPostgres(): Promise<Throwaway> {
  const spec = new URL('../../scripts/pg-throwaway.mjs', import.meta.url).href;
  const mod = (await import(spec)) as {
    startThrowawayPostgres: (o: { durable: boolean }) => Promise<Throwaway>;
  };
  return mod.startThrowawayPostgres({ durable: true });
}

/** Where an engine's data lives; `stop` removes it (and stops PostgreSQL). Idempotent. */
export interface EngineHandle {
  engine: Engine;
  /** PGlite data directory or PostgreSQL URL. */
  location: string;
  open: () => Promise<Db>;
  stop: () => void;
  /** PostgreSQL's postmaster pid (its backends are its children); undefined for PGlite. */
  serverPid?: () => number;
}

const live = new Set<EngineHandle>();
let hooked = false;
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  const stopAll = (): void => {
    for (const h of live) h.stop();
  };
  process.on('exit', stopAll);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      stopAll();
      process.exit(130);
    });
  }
}

export async function startEngine(engine: Engine): Promise<EngineHandle> {
  hookExit();
  let handle: EngineHandle;
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-pglite-'));
    const dataDir = path.join(dir, 'pglite');
    handle = {
      engine,
      location: dataDir,
      open: () => openPglite(dataDir),
      stop: () => {
        live.delete(handle);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } else {
    const pg = await startPostgres();
    handle = {
      engine,
      location: pg.url,
      open: async () => openPostgres(pg.url),
      serverPid: () => Number(fs.readFileSync(path.join(pg.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]),
      stop: () => {
        live.delete(handle);
        pg.stop();
      },
    };
  }
  live.add(handle);
  return handle;
}

export function openAt(engine: Engine, location: string): Promise<Db> {
  return engine === 'pglite' ? openPglite(location) : Promise.resolve(openPostgres(location));
}

/**
 * The engine's raw durable write limit: single-row INSERTs into a bare table (a bigserial key and
 * a 200-character text), each its own autocommitted transaction, from `clients` loops side by side
 * (PostgreSQL: one pooled connection each; PGlite: its one connection), for `ms`. Rows per second.
 */
export async function rawInsertRate(db: Db, opts: { clients: number; ms: number; max?: number }): Promise<number> {
  await db.query('CREATE TABLE IF NOT EXISTS bench_raw_insert (id bigserial PRIMARY KEY, v text NOT NULL)');
  const value = 'x'.repeat(200);
  const r = await timedLoop(() => db.query('INSERT INTO bench_raw_insert (v) VALUES ($1)', [value]), {
    ms: opts.ms,
    max: opts.max ?? 10_000_000,
    concurrency: opts.clients,
    yieldEachOp: db.engine === 'pglite',
  });
  await db.query('DROP TABLE bench_raw_insert');
  return r.perSecond;
}
