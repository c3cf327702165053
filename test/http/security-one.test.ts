import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeApiKey, makeOrg, makeUser, TEST_PASSWORD, testApp, type TestUser } from '../factories.ts';

// Security, part one (issue #22): sign-in and API-key throttling, per account and per address,
// held in the database so a lock made by one process holds in another.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Res = Awaited<ReturnType<App['inject']>>;

describeEngines('security: sign-in and API-key throttling', (db) => {
  // One clock for both processes, moved by hand.
  let clock = Date.parse('2026-03-02T08:00:00Z');
  const now = () => new Date(clock);
  const advance = (seconds: number) => {
    clock += seconds * 1000;
  };
  let app: App;
  let other: App; // a second `assay serve` on the same database
  let ctx: AppContext;
  let producerId: string;
  let producerAdmin: TestUser;
  let producerMember: TestUser;
  let exchangeAdmin: TestUser;
  let otherAdmin: TestUser;

  beforeAll(async () => {
    ({ app, ctx } = await testApp(db(), now));
    ({ app: other } = await testApp(db(), now));
    producerId = (await makeOrg(db(), 'producer')).id;
    producerAdmin = await makeUser(ctx, producerId, 'admin');
    producerMember = await makeUser(ctx, producerId, 'member');
    exchangeAdmin = await makeUser(ctx, (await makeOrg(db(), 'exchange')).id, 'admin');
    otherAdmin = await makeUser(ctx, (await makeOrg(db(), 'producer')).id, 'admin');
  });

  const signIn = (email: string, password: string, address: string, via = app) =>
    via.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email, password }, remoteAddress: address });
  const withKey = (key: string, address: string, via = app) =>
    via.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${key}` }, remoteAddress: address });
  const detail = (res: Res): Json => res.json<Json>().error.details[0];

  /**
   * Fails `attempts` times; whenever asked to wait, waits as told (moving the clock) until the
   * account is locked. Returns each answer's status.
   */
  async function failUntilLocked(attempt: () => Promise<Res>, attempts = 30): Promise<{ statuses: number[]; answers: string[] }> {
    const statuses: number[] = [];
    const answers: string[] = [];
    for (let i = 0; i < attempts; i++) {
      const res = await attempt();
      statuses.push(res.statusCode);
      answers.push(`${res.statusCode} ${res.json<Json>().error.message}`);
      if (res.statusCode === 429) {
        expect(res.headers['retry-after']).toBe(String(detail(res).retryAfterSeconds));
        expect(res.json<Json>().error.code).toBe('too_many_requests');
        if (detail(res).code.endsWith('_wait')) advance(Number(res.headers['retry-after']));
      }
    }
    return { statuses, answers };
  }

  it('throttles failed sign-ins within the first 10, then locks; the right password is refused while locked, also by another process', async () => {
    const user = await makeUser(ctx, producerId, 'viewer');
    const { statuses } = await failUntilLocked(() => signIn(user.email, 'not the password at all', '198.51.100.1'));
    expect(statuses.indexOf(429)).toBeGreaterThan(0);
    expect(statuses.indexOf(429)).toBeLessThan(10);
    // Ten failures, each wait in between answered 429, then the lock until the end.
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);

    for (const via of [app, other]) {
      const locked = await signIn(user.email.toUpperCase(), TEST_PASSWORD, '192.0.2.77', via);
      expect(locked.statusCode).toBe(429);
      expect(detail(locked)).toMatchObject({ code: 'email_locked', retryAfterSeconds: 900 });
      expect(locked.json<Json>().error.message).toBe(
        'Too many failed sign-ins: signing in to this account is locked for 15 minutes; an administrator can unlock it sooner',
      );
      expect(locked.headers['retry-after']).toBe('900');
    }
    const audit = await db().query<Json>(`SELECT * FROM audit_events WHERE action = 'sign_in.locked' AND subject_id = $1`, [user.id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ subject_type: 'user', org_id: producerId });
    expect(audit.rows[0]!.details).toMatchObject({ scope: 'email', failures: 10, lockedForSeconds: 900 });

    advance(899);
    expect((await signIn(user.email, TEST_PASSWORD, '192.0.2.77', other)).statusCode).toBe(429);
    advance(1);
    expect((await signIn(user.email, TEST_PASSWORD, '192.0.2.77', other)).statusCode).toBe(201);
    // A success forgets the failures: the next wrong password is a plain 401 again.
    expect((await signIn(user.email, 'not the password at all', '192.0.2.77')).statusCode).toBe(401);
  });

  it('answers an unknown email exactly as a known one with a wrong password, throttled or not', async () => {
    const user = await makeUser(ctx, producerId, 'viewer');
    const known = await failUntilLocked(() => signIn(user.email, 'not the password at all', '198.51.100.2'), 20);
    const unknown = await failUntilLocked(() => signIn(`nobody-${user.email}`, 'not the password at all', '198.51.100.3'), 20);
    expect(unknown.answers).toEqual(known.answers);
    const audit = await db().query<Json>(`SELECT * FROM audit_events WHERE action = 'sign_in.locked' AND subject_id = $1`, [
      `nobody-${user.email}`,
    ]);
    expect(audit.rows[0]).toMatchObject({ subject_type: 'email', org_id: null });
  });

  it('lets an administrator of the organisation, or the exchange, unlock a user early, and no one else', async () => {
    const user = await makeUser(ctx, producerId, 'member');
    const unlock = (who: TestUser, orgId = producerId, via = app) =>
      via.inject({ method: 'DELETE', url: `/api/v1/organisations/${orgId}/users/${user.id}/sign-in-lock`, headers: { cookie: who.cookie } });
    for (const [i, admin] of [producerAdmin, exchangeAdmin].entries()) {
      const from = `198.51.100.${40 + i}`;
      await failUntilLocked(() => signIn(user.email, 'not the password at all', from), 16);
      expect((await signIn(user.email, TEST_PASSWORD, from)).statusCode).toBe(429);

      expect((await unlock(producerMember)).statusCode).toBe(403);
      expect((await unlock(otherAdmin)).statusCode).toBe(403);
      expect((await unlock(otherAdmin, otherAdmin.orgId)).statusCode).toBe(404);
      const apiKey = await makeApiKey(db(), producerId, ['admin']);
      const byKey = await app.inject({
        method: 'DELETE',
        url: `/api/v1/organisations/${producerId}/users/${user.id}/sign-in-lock`,
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(byKey.statusCode).toBe(403);
      expect((await signIn(user.email, TEST_PASSWORD, from)).statusCode).toBe(429);

      const listed = async () =>
        (await app.inject({ method: 'GET', url: `/api/v1/organisations/${producerId}/users`, headers: { cookie: admin.cookie } }))
          .json<Json>()
          .items.find((u: Json) => u.id === user.id).signInLockedUntil;
      // The clock has stood still since the tenth failure: the lock ends 15 minutes after it.
      expect(await listed()).toBe(new Date(clock + 900_000).toISOString());
      const done = await unlock(admin, producerId, other);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json<Json>()).toMatchObject({ wasLocked: true, user: { id: user.id } });
      expect(await listed()).toBeNull();
      expect((await signIn(user.email, TEST_PASSWORD, from)).statusCode).toBe(201);
      expect((await unlock(admin)).json<Json>().wasLocked).toBe(false);
    }
    const audit = await db().query<Json>(`SELECT * FROM audit_events WHERE action = 'user.unlocked' AND subject_id = $1 ORDER BY id`, [user.id]);
    expect(audit.rows.map((r) => [r.actor_user_id, r.details.wasLocked])).toEqual([
      [producerAdmin.id, true],
      [producerAdmin.id, false],
      [exchangeAdmin.id, true],
      [exchangeAdmin.id, false],
    ]);
  });

  it('throttles one address trying many emails, and leaves other addresses alone', async () => {
    const { address } = ctx.config.signInThrottle;
    const statuses: number[] = [];
    for (let i = 0; i < address.freeFailures + 3; i++) {
      statuses.push((await signIn(`sprayed-${i}@example.test`, 'Summer2026!Summer', '203.0.113.9')).statusCode);
    }
    expect(statuses.slice(0, address.freeFailures + 1).every((s) => s === 401)).toBe(true);
    const refused = await signIn('sprayed-last@example.test', 'Summer2026!Summer', '203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect(detail(refused).code).toBe('address_wait');
    // Another address, and the same account from it, are not held back.
    expect((await signIn('sprayed-last@example.test', 'Summer2026!Summer', '203.0.113.10')).statusCode).toBe(401);
    expect((await signIn(producerMember.email, TEST_PASSWORD, '203.0.113.10')).statusCode).toBe(201);
    // An IPv6 client is counted by its /64: another address in it is the same client.
    for (let i = 0; i < address.freeFailures + 1; i++) await signIn(`v6-${i}@example.test`, 'Summer2026!Summer', '2001:db8:1:2::1');
    expect(detail(await signIn('v6-x@example.test', 'Summer2026!Summer', '2001:db8:1:2:ffff::9')).code).toBe('address_wait');
    expect((await signIn('v6-x@example.test', 'Summer2026!Summer', '2001:db8:1:3::1')).statusCode).toBe(401);
  });

  it('refuses weak passwords with the reason, for invitations and for users created with a password', async () => {
    const invited = await app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${producerId}/users`,
      headers: { cookie: producerAdmin.cookie },
      payload: { email: 'olga.berg@fjord.example', name: 'Olga Berg', role: 'viewer' },
    });
    const token = invited.json<Json>().invitationToken as string;
    const accept = (password: string) => app.inject({ method: 'POST', url: '/api/v1/invitations/acceptance', payload: { token, password } });
    const cases: [string, string, string][] = [
      ['short one', 'password_too_short', 'must have at least 12 characters'],
      ['QWERTY123456', 'password_common', 'is on a list of common and breached passwords'],
      ['assay-demo-2026', 'password_published', 'is the demo password, published with Assay'],
      ['abcabcabcabc', 'password_repetitive', 'is a repeated or sequential pattern'],
      ['Olga.Berg-2026', 'password_context', 'is too close to your email address or the name of this service'],
    ];
    for (const [password, code, message] of cases) {
      const res = await accept(password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json<Json>().error).toEqual({
        code: 'bad_request',
        message: `Choose another password: this one ${message}`,
        details: [{ path: 'body.password', code, message }],
      });
    }
    expect((await accept('olga rows across the fjord')).statusCode).toBe(204);
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${producerId}/users`,
      headers: { cookie: producerAdmin.cookie },
      payload: { email: 'lab@fjord.example', name: 'Lab', role: 'viewer', password: 'assay-demo-2026' },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json<Json>().error.details[0].code).toBe('password_published');
  });

  it('throttles a wrong secret for an existing API key prefix, holds the lock in another process, and lifts it after the lock or an unlock', async () => {
    const key = await makeApiKey(db(), producerId, ['read']);
    const prefix = key.split('_')[1]!;
    const wrong = `assay_${prefix}_${'A'.repeat(43)}`;
    const row = await db().query<{ id: string }>(`SELECT id FROM api_keys WHERE prefix = $1`, [prefix]);
    const keyId = row.rows[0]!.id;

    for (const round of ['expiry', 'unlock'] as const) {
      const { statuses } = await failUntilLocked(() => withKey(wrong, round === 'expiry' ? '198.51.100.20' : '198.51.100.21'));
      expect(statuses.indexOf(429)).toBeGreaterThan(0);
      expect(statuses.indexOf(429)).toBeLessThan(10);
      for (const via of [app, other]) {
        const locked = await withKey(key, '192.0.2.88', via);
        expect(locked.statusCode).toBe(429);
        expect(detail(locked).code).toBe('api_key_locked');
        expect(locked.headers['retry-after']).toBe('900');
      }
      if (round === 'expiry') {
        advance(900);
      } else {
        expect((await app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${keyId}/lock`, headers: { cookie: otherAdmin.cookie } })).statusCode).toBe(404);
        const done = await other.inject({ method: 'DELETE', url: `/api/v1/api-keys/${keyId}/lock`, headers: { cookie: producerAdmin.cookie } });
        expect(done.statusCode, done.body).toBe(200);
        expect(done.json<Json>().wasLocked).toBe(true);
      }
      expect((await withKey(key, '192.0.2.88')).statusCode).toBe(200);
    }
    const audit = await db().query<Json>(`SELECT action, subject_type FROM audit_events WHERE subject_id = $1 ORDER BY id`, [keyId]);
    expect(audit.rows).toEqual([
      { action: 'api_key.locked', subject_type: 'api_key' },
      { action: 'api_key.locked', subject_type: 'api_key' },
      { action: 'api_key.unlocked', subject_type: 'api_key' },
    ]);
  });
});

describeEngines('security: browser protections and rate limits', (db) => {
  let app: App;
  let ctx: AppContext;
  let producer: TestUser;

  beforeAll(async () => {
    ({ app, ctx } = await testApp(db()));
    producer = await makeUser(ctx, (await makeOrg(db(), 'producer')).id, 'member');
  });

  const BROWSER_HEADERS = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };

  function expectProtected(res: Res, what: string): void {
    expect(res.headers, what).toMatchObject(BROWSER_HEADERS);
    const csp = String(res.headers['content-security-policy']);
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toMatch(/(^|;\s*)default-src '(self|none)'/);
    expect(csp, what).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(String(res.headers['permissions-policy']), what).toContain('camera=()');
    // Plain http here: no HSTS, no upgrading.
    expect(res.headers['strict-transport-security'], what).toBeUndefined();
    expect(csp, what).not.toContain('upgrade-insecure-requests');
  }

  it('sends the browser protections on HTML pages, API answers, errors and the API docs', async () => {
    for (const url of ['/', '/v/AS-000001', '/sign-in', '/api/v1/brands', '/api/v1/nope', '/docs/static/index.html', '/openapi.json']) {
      const res = await app.inject({ method: 'GET', url });
      expectProtected(res, url);
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
    }
    // A URL Fastify cannot decode is answered before any hook: still our shape, still protected.
    const badUrl = await app.inject({ method: 'GET', url: '/api/v1/brands/%E0%A4%A' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json<Json>().error).toMatchObject({ code: 'bad_request', details: [{ path: 'url' }] });
    expect(badUrl.headers).toMatchObject(BROWSER_HEADERS);
    expect(badUrl.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const html = await app.inject({ method: 'GET', url: '/v/AS-000001' });
    expect(html.headers['content-type']).toContain('text/html');
    const refused = await app.inject({ method: 'POST', url: '/api/v1/certificates', payload: {} });
    expect(refused.statusCode).toBe(401);
    expectProtected(refused, 'a refusal');
  });

  it('keeps an evidence file in a sandbox that runs and loads nothing, as an attachment', async () => {
    const up = await app.inject({
      method: 'POST',
      url: '/api/v1/evidence-files',
      headers: { cookie: producer.cookie },
      payload: { filename: 'audit.html', mediaType: 'text/html', contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') },
    });
    expect(up.statusCode, up.body).toBe(201);
    const file = await app.inject({ method: 'GET', url: `/api/v1/evidence-files/${up.json<Json>().id}`, headers: { cookie: producer.cookie } });
    expect(file.statusCode).toBe(200);
    expectProtected(file, 'evidence file');
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
    expect(file.headers['content-disposition']).toBe('attachment; filename="audit.html"');
  });

  it('sends HSTS and upgrades requests only when the public URL is https', async () => {
    const { app: https } = await testApp(db(), undefined, { ASSAY_PUBLIC_URL: 'https://assay.example' });
    const res = await https.inject({ method: 'GET', url: '/' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    await https.close();
  });

  it('limits requests per client address with 429, Retry-After and the one error shape; probes and other addresses pass', async () => {
    const { app: limited } = await testApp(db(), undefined, { ASSAY_RATE_LIMIT_MAX: '5', ASSAY_RATE_LIMIT_SIGN_IN_MAX: '2' });
    const get = (remoteAddress: string, url = '/api/v1/metals', headers: Record<string, string> = {}) =>
      limited.inject({ method: 'GET', url, remoteAddress, headers });
    for (let i = 0; i < 5; i++) expect((await get('198.51.100.60')).statusCode).toBe(200);
    const over = await get('198.51.100.60', '/api/v1/brands');
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(over.json<Json>()).toEqual({
      error: {
        code: 'too_many_requests',
        message: expect.stringMatching(/^Too many requests from your network address: wait \d+ seconds? before trying again$/),
        details: [{ code: 'rate_limited', message: expect.any(String), retryAfterSeconds: Number(over.headers['retry-after']) }],
      },
    });
    expectProtected(over, 'the rate limit refusal');
    expect((await get('198.51.100.60', '/healthz')).statusCode).toBe(200);
    expect((await get('198.51.100.61')).statusCode).toBe(200);
    // Without a trusted proxy, a forwarded-for header is no way round the limit.
    expect((await get('198.51.100.60', '/api/v1/metals', { 'x-forwarded-for': '192.0.2.1' })).statusCode).toBe(429);

    // Signing in hashes a password: its own, lower limit.
    const signIn = () =>
      limited.inject({ method: 'POST', url: '/api/v1/sessions', remoteAddress: '198.51.100.62', payload: { email: 'x@example.test', password: 'whatever whatever' } });
    expect((await signIn()).statusCode).toBe(401);
    expect((await signIn()).statusCode).toBe(401);
    const third = await signIn();
    expect(third.statusCode).toBe(429);
    expect(third.json<Json>().error.details[0].code).toBe('rate_limited');
    await limited.close();
  });

  it('counts clients by the forwarded address only behind a trusted proxy', async () => {
    const { app: proxied } = await testApp(db(), undefined, { ASSAY_RATE_LIMIT_MAX: '2', ASSAY_TRUST_PROXY: '127.0.0.1' });
    const get = (client: string) => proxied.inject({ method: 'GET', url: '/api/v1/metals', headers: { 'x-forwarded-for': client } });
    expect((await get('192.0.2.10')).statusCode).toBe(200);
    expect((await get('192.0.2.10')).statusCode).toBe(200);
    expect((await get('192.0.2.10')).statusCode).toBe(429);
    expect((await get('192.0.2.11')).statusCode).toBe(200);
    await proxied.close();
  });
});
