import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../../src/platform/db.ts';
import { CHECKPOINT_LOCK_SQL } from '../../src/trust/checkpoint-service.ts';
import { parseCheckpoint } from '../../src/trust/checkpoint.ts';
import { rootFromLeafHashes } from '../../src/trust/merkle.ts';
import { parseNote } from '../../src/trust/note.ts';
import { withDatabase } from '../global-setup.ts';
import { startServe, type ServeProcess } from './serve-process.ts';
import { makeApiKey, makeBrand, makeOrg, makeUser, submissionFor, testContext, TEST_PASSWORD } from '../factories.ts';

// Issue #20, scaling out: two real `assay serve` processes on one PostgreSQL database, each with
// its own caches (verification results, checkpoint, status lists, verified sessions and API keys).
// What one process revokes, the other refuses on the very next request; only one process signs a
// checkpoint at a time, checkpoints keep coming while both run, and when one is killed the other
// carries on. PostgreSQL only: PGlite is one process's database.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ENV = {
  ASSAY_ARGON2_MEMORY_KIB: '1024',
  ASSAY_ARGON2_TIME_COST: '1',
  ASSAY_RATE_LIMIT_MAX: '0',
  ASSAY_RATE_LIMIT_SIGN_IN_MAX: '0',
  ASSAY_CHECKPOINT_INTERVAL_MS: '200',
};

type Server = ServeProcess;

const adminUrl = inject('pgAdminUrl');

describe.skipIf(!adminUrl)('two `assay serve` processes on one PostgreSQL database', () => {
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  const dbUrl = adminUrl ? withDatabase(adminUrl, dbName) : '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-two-'));
  const masterKey = randomBytes(32).toString('base64');
  const servers: Server[] = [];
  let a: Server;
  let b: Server;
  let apiKey = '';
  let adminEmail = '';
  let orgId = '';
  let brand: Awaited<ReturnType<typeof makeBrand>>;

  async function serve(name: string): Promise<Server> {
    const env = {
      ...process.env,
      ...ENV,
      DATABASE_URL: dbUrl,
      ASSAY_MASTER_KEY: masterKey,
      ASSAY_DATA_DIR: path.join(dir, name),
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      ASSAY_PUBLIC_URL: 'http://localhost:3000',
      NODE_ENV: 'development',
    };
    const s = await startServe(env);
    servers.push(s);
    return s;
  }

  const call = (s: Server, method: string, url: string, headers: Record<string, string> = {}, body?: unknown) =>
    fetch(`${s.url}${url}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const bearer = () => ({ authorization: `Bearer ${apiKey}` });
  const issue = async (s: Server): Promise<Json> => {
    const res = await call(s, 'POST', '/api/v1/certificates', bearer(), submissionFor(brand, {}, Math.floor(Math.random() * 1e6)));
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Json;
  };
  const verification = async (s: Server, id: string): Promise<Json> => {
    const res = await call(s, 'GET', `/api/v1/certificates/${id}/verification`);
    expect(res.status).toBe(200);
    return (await res.json()) as Json;
  };
  const statusCheck = (r: Json): Json => r.checks.find((c: Json) => c.name === 'status');
  const principalHits = async (s: Server): Promise<number> => {
    const text = await (await call(s, 'GET', '/metrics')).text();
    const m = /^assay_cache_requests_total\{cache="principal",result="hit"\} (\S+)$/m.exec(text);
    return m ? Number(m[1]) : 0;
  };
  const db = () => openPostgres(dbUrl, { max: 2 });

  beforeAll(async () => {
    const admin = openPostgres(adminUrl!, { max: 1 });
    await admin.exec(`CREATE DATABASE ${dbName} TEMPLATE ${inject('pgTemplate')}`);
    await admin.close();
    const seed = db();
    try {
      const ctx = testContext(seed, undefined, { ASSAY_MASTER_KEY: masterKey });
      const org = await makeOrg(seed, 'producer');
      orgId = org.id;
      brand = await makeBrand(ctx, org.id, 'CA');
      apiKey = await makeApiKey(seed, org.id, ['read', 'certificates:write']);
      const u = await makeUser(ctx, org.id, 'admin');
      adminEmail = u.email;
    } finally {
      await seed.close();
    }
    a = await serve('a');
    b = await serve('b');
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    const admin = openPostgres(adminUrl!, { max: 1 });
    await admin.exec(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('what one process revokes, the other refuses on the very next request: a certificate, an API key, a session', async () => {
    // Sign in on A; the session works on both (and is cached on both).
    const signIn = await call(a, 'POST', '/api/v1/sessions', {}, { email: adminEmail, password: TEST_PASSWORD });
    expect(signIn.status).toBe(201);
    const cookie = /^([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')![1]!;
    for (const s of [a, b]) {
      const before = await principalHits(s);
      for (let i = 0; i < 2; i++) {
        expect((await call(s, 'GET', '/api/v1/me', { cookie })).status).toBe(200);
        expect((await call(s, 'GET', '/api/v1/me', bearer())).status).toBe(200);
      }
      expect(await principalHits(s)).toBeGreaterThanOrEqual(before + 2); // the second round came from the cache
    }

    // A certificate issued on A, verified (and cached) on B, revoked on A: B says "revoked" at once.
    const c = await issue(a);
    for (let i = 0; i < 2; i++) expect((await verification(b, c.id)).ok).toBe(true);
    const rev = await call(a, 'POST', `/api/v1/certificates/${c.id}/revocation`, bearer(), { reason: 'Cast re-melted' });
    expect(rev.status).toBe(200);
    const seen = await verification(b, c.id);
    expect(seen.ok).toBe(false);
    expect(statusCheck(seen).reason).toMatch(/^revoked/);
    // And the other way round.
    const d = await issue(b);
    for (let i = 0; i < 2; i++) expect((await verification(a, d.id)).ok).toBe(true);
    expect((await call(b, 'POST', `/api/v1/certificates/${d.id}/revocation`, bearer(), { reason: 'Cast re-melted' })).status).toBe(200);
    expect(statusCheck(await verification(a, d.id)).reason).toMatch(/^revoked/);

    // The API key, cached on B, revoked on A: refused on B on the next request.
    expect((await call(b, 'GET', '/api/v1/me', bearer())).status).toBe(200);
    const keys = (await (await call(a, 'GET', '/api/v1/api-keys', { cookie })).json()) as Json;
    const items: Json[] = Array.isArray(keys) ? keys : keys.items;
    const row = items.find((k) => k.prefix === apiKey.split('_')[1])!;
    expect((await call(a, 'DELETE', `/api/v1/api-keys/${row.id}`, { cookie })).status).toBeLessThan(300);
    expect((await call(b, 'GET', '/api/v1/me', bearer())).status).toBe(401);
    expect((await call(a, 'GET', '/api/v1/me', bearer())).status).toBe(401);

    // Sign out on A: the session, cached on B, is refused there on the next request.
    expect((await call(b, 'GET', '/api/v1/me', { cookie })).status).toBe(200);
    expect((await call(a, 'DELETE', '/api/v1/sessions/current', { cookie })).status).toBe(204);
    expect((await call(b, 'GET', '/api/v1/me', { cookie })).status).toBe(401);
  }, 60_000);

  it('one checkpoint signer at a time: both processes obey the lock, checkpoints keep coming, and survive the death of either', async () => {
    // The key was revoked by the test above: a fresh one.
    const seed = db();
    apiKey = await makeApiKey(seed, orgId, ['read', 'certificates:write']);
    const treeSize = async () => (await seed.query<{ size: number }>(`SELECT size FROM log_head WHERE id = 1`)).rows[0]!.size;
    const newestCheckpoint = async () => (await seed.query<{ s: number | null }>(`SELECT max(size) AS s FROM log_checkpoints`)).rows[0]!.s ?? 0;
    const until = async (what: () => Promise<boolean>, ms: number): Promise<boolean> => {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (await what()) return true;
        await new Promise((r) => setTimeout(r, 50));
      }
      return what();
    };
    try {
      // While both run, checkpoints follow the log.
      for (const s of [a, b, a, b]) await issue(s);
      expect(await until(async () => (await newestCheckpoint()) === (await treeSize()), 3000)).toBe(true);

      // Someone else holds the signer's lock: neither process signs, though entries arrive.
      const holder = new pg.Client({ connectionString: dbUrl });
      holder.on('error', () => undefined);
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK_SQL})`);
        const held = await newestCheckpoint();
        await issue(a);
        await issue(b);
        await new Promise((r) => setTimeout(r, 1000)); // five intervals of both processes
        expect(await newestCheckpoint()).toBe(held);
        expect(await treeSize()).toBeGreaterThan(held);
        // The holder dies mid-transaction (its connection drops, as a killed process's does): the lock goes with it.
        (holder as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
      } finally {
        await Promise.race([holder.end().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
      }
      expect(await until(async () => (await newestCheckpoint()) === (await treeSize()), 3000)).toBe(true);

      // Kill -9 one process: the other keeps signing.
      a.child.kill('SIGKILL');
      await a.exited;
      await issue(b);
      await issue(b);
      expect(await until(async () => (await newestCheckpoint()) === (await treeSize()), 3000)).toBe(true);
      const served = await (await call(b, 'GET', '/log/checkpoint')).text();
      expect(await until(async () => Number((await (await call(b, 'GET', '/log/checkpoint')).text()).split('\n')[1]) === (await treeSize()), 2000)).toBe(true);
      expect(served.split('\n')[0]).toBeTruthy();

      // Every checkpoint ever signed, by either process, is the true root of its size: no two disagree.
      const leaves = (await seed.query<{ leaf_hash: Buffer }>(`SELECT leaf_hash FROM log_entries ORDER BY idx`)).rows.map((r) => r.leaf_hash);
      const cps = (await seed.query<{ size: number; root_hash: Buffer; note: string }>(`SELECT size, root_hash, note FROM log_checkpoints ORDER BY size`)).rows;
      expect(cps.length).toBeGreaterThan(3);
      for (const cp of cps) {
        const root = rootFromLeafHashes(leaves.slice(0, cp.size));
        expect(cp.root_hash.equals(root)).toBe(true);
        const parsed = parseCheckpoint(parseNote(cp.note).text);
        expect(parsed.size).toBe(cp.size);
        expect(Buffer.from(parsed.rootHash).equals(root)).toBe(true);
      }
    } finally {
      await seed.close();
    }
  }, 60_000);
});
