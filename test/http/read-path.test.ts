import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { openPostgres, type Db } from '../../src/platform/db.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { withDatabase } from '../global-setup.ts';
import { makeApiKey, makeBrand, makeOrg, makeUser, submissionFor, testApp, type TestUser } from '../factories.ts';

// Issue #20: the read caches never hide a revocation, neither in the process that revoked nor in
// another process sharing the database; /metrics shows the caches' hits and misses and the request
// durations. The apps here run with the production checkpoint cache (ASSAY_CHECKPOINT_CACHE_MS).

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ENV = { ASSAY_CHECKPOINT_CACHE_MS: '2000', ASSAY_CHECKPOINT_INTERVAL_MS: '2000' };

/** The value of a Prometheus sample line (name{labels} value). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const ls = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => ls[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describeEngines('read path caches', (db, engine) => {
  let app: App;
  let ctx: AppContext;
  let other: App;
  let otherDb: Db;
  let closeOther: () => Promise<void> = async () => {};
  let producer: TestUser;
  let producerAdmin: TestUser;
  let brand: Awaited<ReturnType<typeof makeBrand>>;

  const issue = async (): Promise<Json> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/certificates', headers: { cookie: producer.cookie }, payload: submissionFor(brand) });
    expect(res.statusCode).toBe(201);
    return res.json<Json>();
  };
  const verify = async (on: App, id: string): Promise<Json> => {
    const res = await on.inject({ method: 'GET', url: `/api/v1/certificates/${id}/verification` });
    expect(res.statusCode).toBe(200);
    return res.json<Json>();
  };
  const status = (report: Json): Json => report.checks.find((c: Json) => c.name === 'status');
  const revoke = async (on: App, id: string) => {
    const r = await on.inject({ method: 'POST', url: `/api/v1/certificates/${id}/revocation`, headers: { cookie: producer.cookie }, payload: { reason: 'Cast re-melted' } });
    expect(r.statusCode).toBe(200);
  };
  const metrics = async (on: App): Promise<string> => {
    const res = await on.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return res.body;
  };

  beforeAll(async () => {
    ({ app, ctx } = await testApp(db(), undefined, ENV));
    if (engine === 'postgres') {
      // Another pool on the same database, as a second `assay serve` process has.
      const name = (await db().query<{ d: string }>('SELECT current_database() AS d')).rows[0]!.d;
      otherDb = openPostgres(withDatabase(inject('pgAdminUrl')!, name), { max: 5 });
      closeOther = () => otherDb.close();
    } else {
      // PGlite has one connection; a distinct handle object still gets its own caches.
      otherDb = { ...db() };
    }
    // Same master key, so both instances unwrap the same issuer keys.
    ({ app: other } = await testApp(otherDb, undefined, { ...ENV, ASSAY_MASTER_KEY: ctx.config.masterKeyBase64! }));
    const p = await makeOrg(db(), 'producer');
    producer = await makeUser(ctx, p.id, 'member');
    producerAdmin = await makeUser(ctx, p.id, 'admin');
    brand = await makeBrand(ctx, p.id, 'AH');
  });

  afterAll(async () => {
    await other?.close();
    await app?.close();
    await closeOther();
  });

  it('a revoked certificate’s cached verification answers "revoked" on the very next request', async () => {
    const c = await issue();
    const first = await verify(app, c.id);
    expect(first.ok).toBe(true);
    const before = sample(await metrics(app), 'assay_cache_requests_total', { cache: 'verification', result: 'hit' }) ?? 0;
    expect((await verify(app, c.id)).ok).toBe(true); // served from the cache
    expect(sample(await metrics(app), 'assay_cache_requests_total', { cache: 'verification', result: 'hit' })).toBe(before + 1);
    await revoke(app, c.id);
    const after = await verify(app, c.id);
    expect(after.ok).toBe(false);
    expect(status(after)).toMatchObject({ status: 'fail' });
    expect(status(after).reason).toMatch(/^revoked/);
  });

  it('two instances with separate caches on one database: revoke on one, the other answers "revoked" at once', async () => {
    const c = await issue();
    // Both instances have the good answer cached.
    for (const on of [app, other]) {
      expect((await verify(on, c.id)).ok).toBe(true);
      expect((await verify(on, c.id)).ok).toBe(true);
    }
    await revoke(app, c.id);
    const seen = await verify(other, c.id);
    expect(seen.ok).toBe(false);
    expect(status(seen).reason).toMatch(/^revoked/);
    // And the other way round, with a fresh certificate.
    const d = await issue();
    expect((await verify(app, d.id)).ok).toBe(true);
    await revoke(other, d.id);
    expect(status(await verify(app, d.id)).reason).toMatch(/^revoked/);
  });

  it('a revoked API key is refused on the next request, whatever is cached', async () => {
    const key = await makeApiKey(db(), producer.orgId, ['read']);
    const c = await issue();
    const asKey = (on: App) => on.inject({ method: 'GET', url: `/api/v1/certificates/${c.id}/credential`, headers: { authorization: `Bearer ${key}` } });
    for (const on of [app, other]) {
      expect((await asKey(on)).statusCode).toBe(200);
      expect((await asKey(on)).statusCode).toBe(200);
    }
    const list = await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: producerAdmin.cookie } });
    expect(list.statusCode).toBe(200);
    const body = list.json<Json>();
    const items: Json[] = Array.isArray(body) ? body : body.items;
    const prefix = key.split('_')[1]!;
    const row = items.find((k) => k.prefix === prefix);
    expect(row).toBeTruthy();
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${row!.id}`, headers: { cookie: producerAdmin.cookie } });
    expect(del.statusCode).toBeLessThan(300);
    for (const on of [app, other]) expect((await asKey(on)).statusCode).toBe(401);
  });

  it('a cached session or key is refused on the next request after sign-out, user removal or revocation by hand, in either instance', async () => {
    const principalHits = async (on: App) => sample(await metrics(on), 'assay_cache_requests_total', { cache: 'principal', result: 'hit' }) ?? 0;
    const me = (on: App, headers: Record<string, string>) => on.inject({ method: 'GET', url: '/api/v1/me', headers });
    const warm = async (headers: Record<string, string>) => {
      for (const on of [app, other]) {
        expect((await me(on, headers)).statusCode).toBe(200);
        const hits = await principalHits(on);
        expect((await me(on, headers)).statusCode).toBe(200);
        expect(await principalHits(on)).toBe(hits + 1); // the second request was answered from the cache
      }
    };

    // Sign out in one instance: the session is refused in both on the next request.
    const leaving = await makeUser(ctx, producer.orgId, 'member');
    await warm({ cookie: leaving.cookie });
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: { cookie: leaving.cookie } });
    expect(out.statusCode).toBe(204);
    for (const on of [other, app]) expect((await me(on, { cookie: leaving.cookie })).statusCode).toBe(401);

    // An administrator removes a user through the other instance: both refuse the user's session at once.
    const removed = await makeUser(ctx, producer.orgId, 'viewer');
    await warm({ cookie: removed.cookie });
    const del = await other.inject({ method: 'DELETE', url: `/api/v1/organisations/${producer.orgId}/users/${removed.id}`, headers: { cookie: producerAdmin.cookie } });
    expect(del.statusCode).toBe(200);
    for (const on of [app, other]) expect((await me(on, { cookie: removed.cookie })).statusCode).toBe(401);

    // A role changed by SQL (as an operator might): the trigger bumps the epoch, the cached role is not used again.
    const demoted = await makeUser(ctx, producer.orgId, 'admin');
    await warm({ cookie: demoted.cookie });
    await db().query(`UPDATE users SET role = 'viewer' WHERE id = $1`, [demoted.id]);
    for (const on of [app, other]) expect((await me(on, { cookie: demoted.cookie })).json<Json>().role).toBe('viewer');

    // An API key revoked by SQL (the operator's path, no route involved) is refused on the next request.
    const key = await makeApiKey(db(), producer.orgId, ['read']);
    await warm({ authorization: `Bearer ${key}` });
    // A cached key's use is not a write per request: last_used_at is written at most once a minute.
    const prefix = key.split('_')[1]!;
    await db().query(`UPDATE api_keys SET last_used_at = '2000-01-01T00:00:00Z' WHERE prefix = $1`, [prefix]);
    expect((await me(app, { authorization: `Bearer ${key}` })).statusCode).toBe(200);
    const used = await db().query<{ t: Date }>(`SELECT last_used_at AS t FROM api_keys WHERE prefix = $1`, [prefix]);
    expect(used.rows[0]!.t.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    await db().query(`UPDATE api_keys SET revoked_at = now() WHERE prefix = $1`, [prefix]);
    for (const on of [other, app]) expect((await me(on, { authorization: `Bearer ${key}` })).statusCode).toBe(401);

    // Signing out with an unknown token changes nothing, so it does not empty anyone's cache.
    const epoch = async () => (await db().query<{ n: number }>(`SELECT n FROM principal_epoch`)).rows[0]!.n;
    const before = await epoch();
    await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: { cookie: `${leaving.cookie}x` } });
    await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: { cookie: leaving.cookie } }); // already ended
    expect(await epoch()).toBe(before);
  });

  it('serves tiles from memory with C2SP cache headers, and proofs from cached tiles match the uncached service', async () => {
    for (let i = 0; i < 3; i++) await issue();
    const cp = await app.inject({ method: 'GET', url: '/log/checkpoint' });
    expect(cp.statusCode).toBe(200);
    const size = Number(cp.body.split('\n')[1]);
    expect(size).toBeGreaterThan(0);
    const partialWidth = size % 256;
    const tileUrl = `/log/tile/0/000${partialWidth ? `.p/${partialWidth}` : ''}`;
    const partial = await app.inject({ method: 'GET', url: tileUrl });
    expect(partial.statusCode).toBe(200);
    expect(partial.headers['cache-control']).toBe(partialWidth ? 'public, max-age=1' : 'public, max-age=31536000, immutable');
    const misses = sample(await metrics(app), 'assay_cache_requests_total', { cache: 'tile', result: 'miss' }) ?? 0;
    const again = await app.inject({ method: 'GET', url: tileUrl });
    expect(again.rawPayload.equals(partial.rawPayload)).toBe(true);
    expect(sample(await metrics(app), 'assay_cache_requests_total', { cache: 'tile', result: 'miss' })).toBe(misses);
    // Every inclusion proof from the cached path equals the one the log service computes from the database.
    const { inclusionProof } = await import('../../src/trust/log-service.ts');
    for (const index of [0, Math.floor(size / 2), size - 1]) {
      const res = await other.inject({ method: 'GET', url: `/api/v1/log/proofs/inclusion?index=${index}&size=${size}` });
      expect(res.statusCode).toBe(200);
      expect(res.json<Json>().hashes).toEqual((await inclusionProof(db(), index, size)).map((h) => h.toString('base64')));
    }
    const bad = await app.inject({ method: 'GET', url: `/api/v1/log/proofs/inclusion?index=0&size=${size + 1_000_000}` });
    expect(bad.statusCode).toBe(400);
  });

  it('the checkpoint note is served from memory, and a newly signed one replaces it in this process at once', async () => {
    const { publishCheckpoint } = await import('../../src/trust/read-cache.ts');
    const first = (await app.inject({ method: 'GET', url: '/log/checkpoint' })).body;
    const hits = sample(await metrics(app), 'assay_cache_requests_total', { cache: 'checkpoint', result: 'hit' }) ?? 0;
    expect((await app.inject({ method: 'GET', url: '/log/checkpoint' })).body).toBe(first);
    expect(sample(await metrics(app), 'assay_cache_requests_total', { cache: 'checkpoint', result: 'hit' })).toBeGreaterThan(hits);
    await issue();
    await publishCheckpoint(ctx);
    const next = (await app.inject({ method: 'GET', url: '/log/checkpoint' })).body;
    expect(Number(next.split('\n')[1])).toBeGreaterThan(Number(first.split('\n')[1]));
  });

  it('/metrics carries the cache counters, the byte budget and the request-duration histogram', async () => {
    const text = await metrics(app);
    expect(text).toContain('# TYPE assay_cache_requests_total counter');
    expect(text).toContain('# TYPE assay_http_request_duration_seconds histogram');
    expect(sample(text, 'assay_cache_budget_bytes')).toBe(64 * 1024 * 1024);
    const bytes = sample(text, 'assay_cache_bytes')!;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(64 * 1024 * 1024);
    const route = { method: 'GET', route: '/api/v1/certificates/:id/verification', status: '200' };
    const count = sample(text, 'assay_http_request_duration_seconds_count', route)!;
    expect(count).toBeGreaterThanOrEqual(5);
    expect(sample(text, 'assay_http_request_duration_seconds_bucket', { ...route, le: '+Inf' })).toBe(count);
    expect(sample(text, 'assay_http_request_duration_seconds_sum', route)).toBeGreaterThan(0);
  });

  it('ASSAY_METRICS=off removes the /metrics route', async () => {
    const { app: off } = await testApp(db(), undefined, { ASSAY_METRICS: 'off' });
    // No metrics route: the web app's catch-all answers the path, with no metric in it.
    const res = await off.inject({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).not.toContain('version=0.0.4');
    expect(res.body).not.toContain('assay_cache_requests_total');
    await off.close();
  });
});
