import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/app/context.ts';
import * as accessRepo from '../../src/access/repo.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openPglite, type Db } from '../../src/platform/db.ts';
import { availableEngines, freshDatabase } from '../engines.ts';
import { startServe, type ServeProcess } from './serve-process.ts';
import { makeApiKey, makeBrand, submissionFor } from '../factories.ts';

// What kill -9 of `assay serve` on the embedded database does to writes it acknowledged: a real
// server process on a real data directory, certificates issued and revoked over HTTP while more
// are in flight, SIGKILL with no warning, then a second `assay serve` on the same directory.
// PGlite runs PostgreSQL with fsync off, but every commit's WAL is written to the file (the
// kernel's page cache) before the query returns, so a killed process loses nothing it answered.
// (A power loss is another matter: README, "Durability of the embedded database".)
// The same kill runs against `assay serve` on PostgreSQL, where a transparency-log append is
// written by the statement sent together with COMMIT (trust/log-service.ts): an answered write is
// committed, and one cut off between its append and its commit leaves nothing behind.

const ENV = { ASSAY_ARGON2_MEMORY_KIB: '1024', ASSAY_ARGON2_TIME_COST: '1', ASSAY_RATE_LIMIT_MAX: '0' };

type Server = ServeProcess;

for (const engine of availableEngines()) describe(`durability on ${engine}: kill -9 of \`assay serve\``, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-durability-'));
  const baseEnv = (extra: Record<string, string>) => ({
    ...process.env,
    ...ENV,
    ASSAY_DATA_DIR: dir,
    DATABASE_URL: pg?.url ?? '',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    ASSAY_PUBLIC_URL: 'http://localhost:3000',
    NODE_ENV: 'development',
    ...extra,
  });
  let pg: (Db & { url?: string }) | undefined;
  let apiKey = '';
  let brand: Awaited<ReturnType<typeof makeBrand>>;

  const serve = (extra: Record<string, string> = {}): Promise<Server> => startServe(baseEnv(extra));

  const call = (s: Server, method: string, url: string, body?: unknown) =>
    fetch(`${s.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  beforeAll(async () => {
    if (engine === 'postgres') pg = await freshDatabase('postgres');
    expect(spawnSync(process.execPath, ['bin/assay.mjs', 'migrate'], { env: baseEnv({}), encoding: 'utf8' }).status).toBe(0);
    const db = pg ?? (await openPglite(path.join(dir, 'pglite')));
    try {
      const ctx = await createContext(loadConfig({ ...ENV, ASSAY_DATA_DIR: dir, ASSAY_PUBLIC_URL: 'http://localhost:3000' }), db);
      const org = await accessRepo.insertOrganisation(db, { name: 'Durable Zinc', kind: 'producer', country: 'FI' });
      brand = await makeBrand(ctx, org.id, 'ZS', 'FI');
      apiKey = await makeApiKey(db, org.id, ['read', 'certificates:write']);
    } finally {
      if (!pg) await db.close();
    }
  }, 120_000);
  afterAll(async () => {
    await pg?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged issue or revocation, and the audit stays clean', async () => {
    const first = await serve();
    // Bound to loopback, not production: no durability warning.
    expect(first.stderr()).not.toContain('WARNING');

    const issued = new Map<string, string>(); // id → PCR, for every 201 received
    const revoked = new Set<string>(); // every revocation answered 200
    let stop = false;
    let failure: unknown;
    let inFlightAtKill = 0;
    let inFlight = 0;
    const worker = async (n: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        const sub = submissionFor(brand, {}, n * 1000 + i);
        inFlight++;
        try {
          const res = await call(first, 'POST', '/api/v1/certificates', sub);
          if (res.status !== 201) throw new Error(`issue answered ${res.status}: ${await res.text()}\n${first.stdout()}\n${first.stderr()}`);
          const body = (await res.json()) as { id: string; status: string; pcr: string };
          expect(body.status).toBe('issued');
          issued.set(body.id, body.pcr);
          if (i % 3 === 1) {
            const r = await call(first, 'POST', `/api/v1/certificates/${body.id}/revocation`, { reason: 'Cast re-melted' });
            if (r.status !== 200) throw new Error(`revocation answered ${r.status}`);
            revoked.add(body.id);
          }
        } catch (e) {
          if (stop) return; // a request cut off by the kill was never acknowledged
          failure ??= e;
          stop = true;
        } finally {
          inFlight--;
        }
      }
    };
    const workers = [0, 1, 2, 3].map((n) => worker(n));
    while (issued.size < 40 && failure === undefined) await new Promise((r) => setTimeout(r, 20));
    if (failure !== undefined) {
      first.child.kill('SIGKILL');
      throw failure;
    }
    // No warning, no shutdown: SIGKILL while requests are still being served.
    inFlightAtKill = inFlight;
    first.child.kill('SIGKILL');
    stop = true;
    await first.exited;
    await Promise.all(workers);
    console.log(`[durability ${engine}] acknowledged before SIGKILL: ${issued.size} issues, ${revoked.size} revocations; ${inFlightAtKill} requests in flight at the kill`);
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(revoked.size).toBeGreaterThan(5);

    // The same directory, opened again: the stale lock is taken over, PostgreSQL replays its WAL.
    const second = await serve({ NODE_ENV: 'production' });
    try {
      // Production on PGlite: one clear warning (none on PostgreSQL).
      expect(second.stderr().match(/WARNING: running on the embedded PGlite database/g) ?? []).toHaveLength(engine === 'pglite' ? 1 : 0);
      if (engine === 'pglite') expect(second.stderr()).toContain('with NODE_ENV=production');
      for (const [id, pcr] of issued) {
        const res = await call(second, 'GET', `/api/v1/certificates/${id}`);
        expect(res.status, `certificate ${id} acknowledged before the kill`).toBe(200);
        const body = (await res.json()) as { pcr: string; status: string };
        expect(body.pcr).toBe(pcr);
        expect(body.status).toBe(revoked.has(id) ? 'revoked' : 'issued');
      }
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    // Every record still agrees with the transparency log that committed to it.
    const audit = spawnSync(process.execPath, ['bin/assay.mjs', 'audit'], { env: baseEnv({}), encoding: 'utf8' });
    expect(audit.stdout + audit.stderr).not.toMatch(/tamper|changed|missing/i);
    expect(audit.status).toBe(0);
  }, 240_000);

  it.runIf(engine === 'pglite')('warns once when the embedded database listens beyond loopback', async () => {
    const s = await serve({ HOST: '0.0.0.0' });
    try {
      const warnings = s.stderr().match(/WARNING: running on the embedded PGlite database listening on 0\.0\.0\.0/g);
      expect(warnings).toHaveLength(1);
      expect(s.stderr()).toContain('Production belongs on PostgreSQL: set DATABASE_URL');
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  }, 120_000);
});
