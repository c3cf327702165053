import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeOrg, makeUser, TEST_PASSWORD, testApp, type TestUser } from '../factories.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('access: sessions, users, API keys, organisations', (db) => {
  let app: App;
  let exchangeAdmin: TestUser;
  let producerAdmin: TestUser;
  let producerId: string;

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    const x = await makeOrg(db(), 'exchange');
    const p = await makeOrg(db(), 'producer');
    producerId = p.id;
    exchangeAdmin = await makeUser(built.ctx, x.id, 'admin');
    producerAdmin = await makeUser(built.ctx, p.id, 'admin');
  });

  it('signs in with a password, sets an httpOnly cookie, and signs out', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: producerAdmin.email, password: 'wrong password' } });
    expect(bad.statusCode).toBe(401);
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: 'nobody@example.test', password: 'whatever' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json<Json>().error.message).toBe(bad.json<Json>().error.message);

    const ok = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: producerAdmin.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(ok.statusCode).toBe(201);
    const setCookie = String(ok.headers['set-cookie']);
    expect(setCookie).toMatch(/^assay_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = setCookie.split(';')[0]!;
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json<Json>()).toMatchObject({ type: 'user', role: 'admin', organisation: { id: producerId, kind: 'producer' } });
    expect(JSON.stringify(me.json())).not.toContain('password');

    expect((await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: { cookie } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    const sessions = await db().query<{ n: number }>(`SELECT count(*)::int n FROM sessions WHERE token_hash = $1`, [cookie.split('=')[1]]);
    expect(sessions.rows[0]!.n).toBe(0); // only the SHA-256 of the token is stored
  });

  it('creates an API key shown once, stored hashed, scoped, with last-used time, and revocable', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { cookie: producerAdmin.cookie },
      payload: { name: 'Lab system', scopes: ['read', 'certificates:write'] },
    });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json<Json>();
    expect(key).toMatch(/^assay_[0-9a-f]{12}_/);
    const stored = await db().query<Json>(`SELECT * FROM api_keys WHERE id = $1`, [apiKey.id]);
    // The secret (after assay_<prefix>_) may itself contain '_'.
    expect(JSON.stringify(stored.rows[0])).not.toContain(key.split('_').slice(2).join('_'));
    const list = await app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: producerAdmin.cookie } });
    expect(JSON.stringify(list.json())).not.toContain(key);

    const auth = { authorization: `Bearer ${key}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: auth })).json<Json>()).toMatchObject({ type: 'api_key', scopes: ['read', 'certificates:write'] });
    // Scope: this key may not create users or keys.
    const denied = await app.inject({ method: 'POST', url: `/api/v1/organisations/${producerId}/users`, headers: auth, payload: { email: 'k@example.test', name: 'K', role: 'viewer' } });
    expect(denied.statusCode).toBe(403);
    const lastUsed = await db().query<{ last_used_at: Date | null }>(`SELECT last_used_at FROM api_keys WHERE id = $1`, [apiKey.id]);
    expect(lastUsed.rows[0]!.last_used_at).not.toBeNull();

    const revoked = await app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${apiKey.id}`, headers: { cookie: producerAdmin.cookie } });
    expect(revoked.json<Json>().revokedAt).not.toBeNull();
    const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: auth });
    expect(after.statusCode).toBe(401);
    const garbage = await app.inject({ method: 'GET', url: '/api/v1/brands', headers: { authorization: 'Bearer nonsense' } });
    expect(garbage.statusCode).toBe(401);
  });

  it('invites a user who then chooses a password and signs in', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${producerId}/users`,
      headers: { cookie: producerAdmin.cookie },
      payload: { email: 'new.chemist@example.test', name: 'New Chemist', role: 'member' },
    });
    expect(res.statusCode).toBe(201);
    const { invitationToken, user } = res.json<Json>();
    expect(user.hasPassword).toBe(false);
    const short = await app.inject({ method: 'POST', url: '/api/v1/invitations/acceptance', payload: { token: invitationToken, password: 'short' } });
    expect(short.statusCode).toBe(400);
    const accept = await app.inject({ method: 'POST', url: '/api/v1/invitations/acceptance', payload: { token: invitationToken, password: 'a long enough password' } });
    expect(accept.statusCode).toBe(204);
    const twice = await app.inject({ method: 'POST', url: '/api/v1/invitations/acceptance', payload: { token: invitationToken, password: 'a long enough password' } });
    expect(twice.statusCode).toBe(404);
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: 'new.chemist@example.test', password: 'a long enough password' } });
    expect(signIn.statusCode).toBe(201);
    const dup = await app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${producerId}/users`,
      headers: { cookie: exchangeAdmin.cookie },
      payload: { email: 'NEW.chemist@example.test', name: 'Dup', role: 'viewer' },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('lets only the exchange create organisations, and others see only their own', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: exchangeAdmin.cookie },
      payload: { name: 'Harbour Warehousing BV', kind: 'warehouse', country: 'NL' },
    });
    expect(created.statusCode).toBe(201);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: exchangeAdmin.cookie },
      payload: { name: 'Harbour Warehousing BV', kind: 'warehouse' },
    });
    expect(again.statusCode).toBe(409);
    const byProducer = await app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: producerAdmin.cookie },
      payload: { name: 'Sneaky', kind: 'exchange' },
    });
    expect(byProducer.statusCode).toBe(403);
    const mine = await app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie: producerAdmin.cookie } });
    expect(mine.json<Json>().items.map((o: Json) => o.id)).toEqual([producerId]);
    const all = await app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie: exchangeAdmin.cookie } });
    expect(all.json<Json>().items.length).toBeGreaterThanOrEqual(3);
  });
});
