import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { generateFile } from '../../bench/generate-certificates.ts';
import { prepareDatabase } from '../../src/app/database.ts';
import * as importsRepo from '../../src/imports/repo.ts';
import { jobErrors, runImport } from '../../src/imports/service.ts';
import { runAudit } from '../../src/app/trust-registry.ts';
import { openPglite, openPostgres, type Db, type Engine } from '../../src/platform/db.ts';
import { availableEngines } from '../engines.ts';
import { importContext, importWorld, tempDir } from '../fixtures/imports.ts';
import { withDatabase } from '../global-setup.ts';

// Durability: `assay import` in a child process is killed with SIGKILL right after its first chunk
// commits; the import is then resumed in this process and must finish with every certificate
// accounted for exactly once, no duplicates and a clean audit — on PGlite (file-backed) and PostgreSQL.
// The acceptance size runs with ASSAY_RESUME_CERTIFICATES=200000 ASSAY_RESUME_CHUNK=1000
// ASSAY_RESUME_KILL_AFTER=100000 (killed once 100,000 are reported committed; see docs/benchmarks.md).

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CERTIFICATES = Number(process.env.ASSAY_RESUME_CERTIFICATES ?? 2000);
const CHUNK = Number(process.env.ASSAY_RESUME_CHUNK ?? 100);
const KILL_AFTER = Number(process.env.ASSAY_RESUME_KILL_AFTER ?? 1);
const TIMEOUT_MS = Math.max(180_000, CERTIFICATES * 10);

interface Target {
  open: () => Promise<Db>;
  env: Record<string, string>;
  drop: () => Promise<void>;
}

async function target(engine: Engine, dataDir: string): Promise<Target> {
  if (engine === 'pglite') {
    const dir = path.join(dataDir, 'pglite');
    return { open: () => openPglite(dir), env: { DATABASE_URL: '' }, drop: async () => undefined };
  }
  const admin = inject('pgAdminUrl')!;
  const name = `t_${randomBytes(6).toString('hex')}`;
  const a = openPostgres(admin, { max: 1 });
  await a.exec(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await a.close();
  const url = withDatabase(admin, name);
  return {
    open: async () => openPostgres(url, { max: 4 }),
    env: { DATABASE_URL: url },
    drop: async () => {
      const x = openPostgres(admin, { max: 1 });
      await x.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await x.close();
    },
  };
}

/** Runs `assay import` and SIGKILLs it as soon as it reports KILL_AFTER certificates committed. */
function importThenKill(args: string[], env: Record<string, string>): Promise<{ signal: string | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/assay.mjs'), 'import', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const done = [...out.matchAll(/: ([\d,]+)\/[\d,]+ certificates/g)].map((m) => Number(m[1]!.replaceAll(',', '')));
      if (done.some((n) => n >= KILL_AFTER)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (_code, signal) => resolve({ signal, out, err }));
  });
}

for (const engine of availableEngines()) {
  describe(`import killed with SIGKILL, then resumed [${engine}]`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c().catch(() => undefined);
    });

    it('finishes with every row accounted for exactly once, no duplicates, audit clean', { timeout: TIMEOUT_MS }, async () => {
      const dataDir = tempDir();
      const t = await target(engine, dataDir);
      cleanups.push(t.drop);
      const masterKey = randomBytes(32).toString('base64');
      const env = { ASSAY_DATA_DIR: dataDir, ASSAY_MASTER_KEY: masterKey, ASSAY_IMPORT_CHUNK_SIZE: String(CHUNK), LOG_LEVEL: 'silent' };

      // The world: a producer and a brand per metal; PGlite is closed again before the child opens it.
      let db = await t.open();
      if (engine === 'pglite') await prepareDatabase(db);
      let ctx = importContext(db, env);
      const w = await importWorld(ctx);
      await db.close();
      const file = path.join(dataDir, 'ecoas.csv');
      const gen = await generateFile(file, { brands: w.brands, certificates: CERTIFICATES, badShare: 0.01, maxBundles: 2, seed: 21 });

      const run = await importThenKill([file, '--org', w.producerId], { ...env, ...t.env });
      expect(run.signal, `${run.out}\n${run.err}`).toBe('SIGKILL');

      db = await t.open();
      cleanups.push(() => db.close());
      ctx = importContext(db, env);
      const [stopped] = (await db.query<importsRepo.JobRow>(`SELECT * FROM import_jobs`)).rows;
      expect(stopped).toMatchObject({ status: 'running', records_total: CERTIFICATES });
      expect(stopped!.records_done).toBeGreaterThan(0);
      expect(stopped!.records_done).toBeLessThan(CERTIFICATES);
      expect(stopped!.records_done % CHUNK).toBe(0);
      // Whatever was committed is whole: nothing signed but unlogged, or logged but unstored.
      expect((await runAudit(ctx)).findings).toEqual([]);

      const done = await runImport(ctx, stopped!.id, { force: true });
      expect(done.status).toBe('completed');
      const r = done.records;
      expect(r.done).toBe(CERTIFICATES);
      expect(r.accepted + r.rejected + r.unchanged).toBe(CERTIFICATES);
      expect(r).toMatchObject({ accepted: CERTIFICATES - gen.bad.length, rejected: gen.bad.length, unchanged: 0 });
      expect(done.rows).toEqual({ total: gen.rows, done: gen.rows });

      const stored = gen.bad.filter((b) => b.stored).length;
      const certs = await db.query<{ n: number; keys: number }>(`SELECT count(*)::int AS n, count(DISTINCT (brand_id, pcr))::int AS keys FROM certificates`);
      expect(certs.rows[0]).toEqual({ n: CERTIFICATES - gen.bad.length + stored, keys: CERTIFICATES - gen.bad.length + stored });
      const versions = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM certificate_versions`);
      expect(versions.rows[0]!.n).toBe(certs.rows[0]!.n);

      const errorRows = new Set<number>();
      for await (const e of jobErrors(ctx, done.id)) errorRows.add(e.row);
      expect([...errorRows].sort((a, b) => a - b)).toEqual(gen.bad.map((b) => b.row));
      expect((await runAudit(ctx)).findings).toEqual([]);
    });
  });
}
