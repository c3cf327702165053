import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeApiKey, makeBrand, makeOrg, makeUser, submissionFor, testApp, type TestUser } from '../factories.ts';

// Security, part two (issue #23): the oracles, privilege and scope rules, input hygiene and
// neutral answers. The PDF bomb and forged cosignatures have their own tests (pdf, witness).

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('security: oracles, privileges, scopes, input hygiene', (db) => {
  let app: App;
  let ctx: AppContext;
  let exchangeId: string;
  let producerId: string;
  let otherProducerId: string;
  let auditorId: string;
  let exchangeAdmin: TestUser;
  let producerAdmin: TestUser;
  let producerMember: TestUser;
  let otherProducer: TestUser;
  let trader: TestUser;
  let auditor: TestUser;
  let brand: Awaited<ReturnType<typeof makeBrand>>;
  let cert: { id: string; number: string; pcr: string };

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who?: TestUser | string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(typeof who === 'string' ? { authorization: `Bearer ${who}` } : who ? { cookie: who.cookie } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    ctx = built.ctx;
    exchangeId = (await makeOrg(db(), 'exchange')).id;
    producerId = (await makeOrg(db(), 'producer')).id;
    otherProducerId = (await makeOrg(db(), 'producer')).id;
    auditorId = (await makeOrg(db(), 'auditor')).id;
    exchangeAdmin = await makeUser(ctx, exchangeId, 'admin');
    producerAdmin = await makeUser(ctx, producerId, 'admin');
    producerMember = await makeUser(ctx, producerId, 'member');
    otherProducer = await makeUser(ctx, otherProducerId, 'admin');
    trader = await makeUser(ctx, (await makeOrg(db(), 'trader')).id, 'member');
    auditor = await makeUser(ctx, auditorId, 'member');
    brand = await makeBrand(ctx, producerId, 'CA');
    const sub = submissionFor(brand, { pcr: '2612-00522' });
    const res = await call('POST', '/api/v1/certificates', producerMember, sub);
    expect(res.statusCode, res.body).toBe(201);
    cert = { ...res.json<{ id: string; number: string }>(), pcr: sub.pcr };
  });

  it('keeps the PCR out of reach: no anonymous listing, and filters only over certificates the caller reads in full', async () => {
    const anonymous = await call('GET', '/api/v1/certificates?pcrPrefix=2612');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json<Json>().error.message).toContain('number');
    expect((await call('GET', `/api/v1/certificates?brand=${brand.code}`)).statusCode).toBe(401);
    // The oracle the probe used: a number plus a PCR prefix. A number looks up one certificate, alone.
    const oracle = await call('GET', `/api/v1/certificates?number=${cert.number}&pcrPrefix=2612`);
    expect(oracle.statusCode).toBe(400);
    expect(oracle.json<Json>().error.details).toEqual([{ path: 'querystring.pcrPrefix', message: 'not allowed with number' }]);

    // Lookup by number works for anyone, however it is typed, and shows no PCR.
    for (const typed of [cert.number, cert.number.toLowerCase(), ` ${cert.number.replace('-', ' ')} `, `AS-${Number(cert.number.slice(3))}`]) {
      const one = await call('GET', `/api/v1/certificates?number=${encodeURIComponent(typed)}`);
      expect(one.statusCode, typed).toBe(200);
      expect(one.json<Json>().items.map((c: Json) => c.id)).toEqual([cert.id]);
      expect(one.body).not.toContain(cert.pcr);
    }
    const byNumber = await call('GET', `/api/v1/certificates/${cert.number.toLowerCase()}`);
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json<Json>()).toMatchObject({ id: cert.id, view: 'minimal' });
    expect((await call('GET', '/api/v1/certificates?number=AS-9999999999')).json<Json>().items).toEqual([]);

    // Signed in: a trader, another producer list nothing of this producer's; the producer and the exchange do.
    for (const who of [trader, otherProducer]) {
      const list = await call('GET', '/api/v1/certificates?pcrPrefix=2612', who);
      expect(list.statusCode).toBe(200);
      expect(list.json<Json>().items).toEqual([]);
      expect((await call('GET', `/api/v1/certificates?brand=${brand.code}`, who)).json<Json>().items).toEqual([]);
    }
    for (const who of [producerMember, exchangeAdmin]) {
      const list = await call('GET', '/api/v1/certificates?pcrPrefix=2612', who);
      expect(list.json<Json>().items.map((c: Json) => c.pcr)).toEqual([cert.pcr]);
    }
    // Brand filters are forgiving: any case, a leading part of the code.
    const partial = await call('GET', `/api/v1/certificates?brand=${brand.code.slice(0, 4).toLowerCase()}`, producerMember);
    expect(partial.json<Json>().items.map((c: Json) => c.id)).toContain(cert.id);
  });

  it('lets an API key invite users but never set a password or make an administrator', async () => {
    const key = await makeApiKey(db(), producerId, ['admin']);
    const withPassword = await call('POST', `/api/v1/organisations/${producerId}/users`, key, {
      email: `k-${randomUUID()}@example.test`,
      name: 'Key made',
      role: 'viewer',
      password: 'a perfectly long password',
    });
    expect(withPassword.statusCode).toBe(403);
    expect(withPassword.json<Json>().error.details[0].path).toBe('body.password');
    const admin = await call('POST', `/api/v1/organisations/${producerId}/users`, key, { email: `k-${randomUUID()}@example.test`, name: 'Key admin', role: 'admin' });
    expect(admin.statusCode).toBe(403);
    expect(admin.json<Json>().error.details[0].path).toBe('body.role');
    const invited = await call('POST', `/api/v1/organisations/${producerId}/users`, key, { email: `k-${randomUUID()}@example.test`, name: 'Key invited', role: 'member' });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json<Json>().user.hasPassword).toBe(false);
    expect(invited.json<Json>().invitationToken).toBeTruthy();
    // And an API key still cannot create API keys.
    expect((await call('POST', '/api/v1/api-keys', key, { name: 'minted', scopes: ['admin'] })).statusCode).toBe(403);
  });

  it('gives sustainability and CBAM their own scopes, and offers each organisation only the scopes it can use', async () => {
    const certKey = await makeApiKey(db(), producerId, ['certificates:write']);
    const publish = await call('PUT', `/api/v1/brands/${brand.code}/cbam-visibility`, certKey, { published: true });
    expect(publish.statusCode).toBe(403);
    const grant = await call('POST', `/api/v1/brands/${brand.code}/cbam-grants`, certKey, { granteeOrgId: exchangeId });
    expect(grant.statusCode).toBe(403);
    const cbamKey = await makeApiKey(db(), producerId, ['cbam:write']);
    const ok = await call('PUT', `/api/v1/brands/${brand.code}/cbam-visibility`, cbamKey, { published: false });
    expect(ok.statusCode, ok.body).toBe(200);
    const susKey = await makeApiKey(db(), producerId, ['sustainability:write']);
    expect((await call('PUT', `/api/v1/brands/${brand.code}/cbam-visibility`, susKey, { published: false })).statusCode).toBe(403);

    const warehouse = await makeUser(ctx, (await makeOrg(db(), 'warehouse')).id, 'admin');
    const offered = await call('GET', '/api/v1/api-keys', warehouse);
    expect(offered.json<Json>().availableScopes).toEqual(['read', 'warehouse:write', 'warrants:write', 'pledges:write', 'admin']);
    const refused = await call('POST', '/api/v1/api-keys', warehouse, { name: 'wrong kind', scopes: ['read', 'certificates:write'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Json>().error.details[0].message).toContain('certificates:write is not available to a warehouse');
    expect((await call('GET', '/api/v1/api-keys', producerAdmin)).json<Json>().availableScopes).toContain('cbam:write');

    // A refusal at the door says what is missing.
    const readOnly = await makeApiKey(db(), producerId, ['read']);
    const noScope = await call('POST', '/api/v1/certificates', readOnly, submissionFor(brand));
    expect(noScope.statusCode).toBe(403);
    expect(noScope.json<Json>().error.message).toBe('This API key lacks the certificates:write scope (it carries read)');

    // A key that carries a scope its kind may not hold (made before the rule, or written by hand)
    // is refused whole, with the reason, and its administrators see it flagged.
    const warehouseOrg = warehouse.orgId;
    const unfitKey = await makeApiKey(db(), warehouseOrg, ['read', 'certificates:write']);
    for (const [method, url] of [['GET', '/api/v1/me'], ['POST', '/api/v1/certificates']] as const) {
      const res = await call(method, url, unfitKey, method === 'POST' ? submissionFor(brand) : undefined);
      expect(res.statusCode, url).toBe(403);
      expect(res.json<Json>().error.message).toMatch(/^This API key carries certificates:write, which a key of a warehouse organisation cannot hold; an administrator should revoke it/);
      expect(res.json<Json>().error.details).toEqual([{ path: 'headers.authorization', message: 'scopes not available to a warehouse: certificates:write' }]);
    }
    const listed = (await call('GET', '/api/v1/api-keys', warehouse)).json<Json>().items;
    expect(listed.map((k: Json) => k.unfitScopes)).toEqual([['certificates:write']]);
  });

  it('shows an auditor only its own events and, cut down, those of the organisations it audits', async () => {
    // The producer names this auditor on a disclosure: from then on the auditor audits it.
    const d = await call('POST', '/api/v1/disclosures', producerMember, {
      level: 'company',
      topic: 'communities',
      kind: 'target',
      title: 'Community investment',
      value: '100',
      unit: 'USD',
      periodEnd: '2030-12-31',
      auditorOrgId: auditorId,
    });
    expect(d.statusCode, d.body).toBe(201);
    // A rejected certificate of the audited producer, and events of an unrelated producer.
    const rejected = await call('POST', '/api/v1/certificates', producerMember, submissionFor(brand, { pcr: 'SECRET-REJECTED', productionDate: '2099-01-01' }));
    expect(rejected.json<Json>().status).toBe('rejected');
    const otherBrand = await makeBrand(ctx, otherProducerId, 'CA');
    expect((await call('POST', '/api/v1/certificates', otherProducer, submissionFor(otherBrand))).statusCode).toBe(201);

    const all = await call('GET', '/api/v1/audit-events?limit=1000', exchangeAdmin);
    const seen = await call('GET', '/api/v1/audit-events?limit=1000', auditor);
    expect(seen.statusCode).toBe(200);
    const items: Json[] = seen.json<Json>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(all.json<Json>().items.length);
    const text = JSON.stringify(items);
    for (const secret of ['SECRET-REJECTED', producerMember.email, otherProducer.email, '@example.test']) expect(text).not.toContain(secret);
    expect(items.some((e) => e.action === 'disclosure.filed' && e.orgId === producerId)).toBe(true);
    expect(items.some((e) => e.action === 'certificate.issued' && e.orgId === producerId)).toBe(true);
    for (const e of items) {
      // Beyond the two organisations, only the exchange's rulings on the audited producer's brands.
      if (![producerId, auditorId].includes(e.orgId)) expect([e.subjectType, e.subjectId, e.action]).toEqual(['brand', brand.id, 'brand.listed']);
      expect(['session.created', 'user.created', 'api_key.created', 'import.created', 'certificate.rejected']).not.toContain(e.orgId === auditorId ? '' : e.action);
      if (e.orgId !== auditorId) {
        expect(e.actorUserId).toBeNull();
        expect(e.actorApiKeyId).toBeNull();
      }
    }
    // An auditor that audits no one sees only its own organisation.
    const stranger = await makeUser(ctx, (await makeOrg(db(), 'auditor')).id, 'viewer');
    const strangers: Json[] = (await call('GET', '/api/v1/audit-events?limit=1000', stranger)).json<Json>().items;
    expect(strangers.every((e) => e.orgId === stranger.orgId)).toBe(true);
  });

  it('lets the exchange invite, never set passwords, into another organisation; the producer sees and removes such users', async () => {
    const email = `x-${randomUUID()}@example.test`;
    const withPassword = await call('POST', `/api/v1/organisations/${producerId}/users`, exchangeAdmin, {
      email,
      name: 'Exchange made',
      role: 'member',
      password: 'a perfectly long password',
    });
    expect(withPassword.statusCode).toBe(403);
    const invited = await call('POST', `/api/v1/organisations/${producerId}/users`, exchangeAdmin, { email, name: 'Exchange invited', role: 'member' });
    expect(invited.statusCode, invited.body).toBe(201);
    const userId = invited.json<Json>().user.id;
    // The invitee chooses the password and signs in.
    const token = invited.json<Json>().invitationToken;
    expect((await call('POST', '/api/v1/invitations/acceptance', undefined, { token, password: 'the invitee chose this' })).statusCode).toBe(204);
    const session = await call('POST', '/api/v1/sessions', undefined, { email, password: 'the invitee chose this' });
    expect(session.statusCode).toBe(201);
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;

    const users: Json[] = (await call('GET', `/api/v1/organisations/${producerId}/users`, producerAdmin)).json<Json>().items;
    const added = users.find((u) => u.id === userId)!;
    expect(added.addedBy).toMatchObject({ orgId: exchangeId, orgKind: 'exchange' });
    expect(users.find((u) => u.id === producerMember.id)!.addedBy).toBeNull();

    // Certificates name the person who issued them, in the audit trail and in the signed credential.
    const issued = await app.inject({ method: 'POST', url: '/api/v1/certificates', headers: { cookie }, payload: submissionFor(brand) });
    expect(issued.statusCode, issued.body).toBe(201);
    const credential = await call('GET', `/api/v1/certificates/${issued.json<Json>().id}/credential`, producerAdmin);
    const subject = (decodeJwt(credential.body).credentialSubject ?? {}) as Json;
    expect(subject.issuedBy).toEqual({ name: 'Exchange invited', userId });
    const events: Json[] = (await call('GET', `/api/v1/audit-events?subjectId=${issued.json<Json>().id}`, exchangeAdmin)).json<Json>().items;
    expect(events[0]).toMatchObject({ actorUserId: userId, details: { issuedBy: 'Exchange invited' } });

    // The producer removes the user: the account is disabled and its session ends at once.
    expect((await call('DELETE', `/api/v1/organisations/${producerId}/users/${producerAdmin.id}`, producerAdmin)).statusCode).toBe(400);
    const removed = await call('DELETE', `/api/v1/organisations/${producerId}/users/${userId}`, producerAdmin);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json<Json>().disabled).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/sessions', undefined, { email, password: 'the invitee chose this' })).statusCode).toBe(401);
    expect((await call('DELETE', `/api/v1/organisations/${producerId}/users/${userId}`, otherProducer)).statusCode).toBe(403);

    // An API key's certificate names the human who made the key.
    const keyRes = await call('POST', '/api/v1/api-keys', producerAdmin, { name: 'ERP export', scopes: ['certificates:write'] });
    const viaKey = await call('POST', '/api/v1/certificates', keyRes.json<Json>().key, submissionFor(brand));
    const keyCred = await call('GET', `/api/v1/certificates/${viaKey.json<Json>().id}/credential`, producerAdmin);
    expect((decodeJwt(keyCred.body).credentialSubject as Json).issuedBy).toEqual({
      name: 'Test admin',
      userId: producerAdmin.id,
      apiKey: { id: keyRes.json<Json>().apiKey.id, name: 'ERP export' },
    });
  });

  it('refuses NUL and out-of-range numbers with 400 naming the field, before the database sees them', async () => {
    const cases: [string, string][] = [
      ['GET', '/api/v1/brands/%00'],
      ['GET', `/status/${producerId}/revocation/99999999999999999999`],
      ['GET', `/status/${producerId}/revocation/2147483648`],
      ['GET', '/api/v1/log/entries/99999999999999999999'],
      ['GET', `/api/v1/certificates/${cert.id}/versions/99999999999`],
      ['GET', '/api/v1/audit-events?afterId=99999999999999999999'],
    ];
    for (const [method, url] of cases) {
      const res = await call(method as 'GET', url, exchangeAdmin);
      expect(res.statusCode, url).toBe(400);
      expect(res.json<Json>().error.details?.[0]?.path, url).toMatch(/^(params|querystring)\./);
    }
    const nulBodies: [string, string, unknown, string][] = [
      ['POST', '/api/v1/certificates', { ...submissionFor(brand), remarks: 'bad\u0000remark' }, 'body.remarks'],
      ['POST', '/api/v1/organisations', { name: 'Nul\u0000Org', kind: 'trader' }, 'body.name'],
      ['POST', `/api/v1/organisations/${producerId}/users`, { email: 'nul@example.test', name: 'N\u0000', role: 'viewer' }, 'body.name'],
      ['POST', `/api/v1/certificates/${cert.id}/revocation`, { reason: 'because\u0000' }, 'body.reason'],
    ];
    for (const [method, url, payload, path] of nulBodies) {
      const who = url.includes('/organisations') ? exchangeAdmin : producerMember;
      const res = await call(method as 'POST', url, who, payload);
      expect(res.statusCode, url).toBe(400);
      expect(res.json<Json>().error.details).toEqual([{ path, message: 'must not contain NUL characters' }]);
    }
    // Nothing was written: the certificate is still issued.
    expect((await call('GET', `/api/v1/certificates/${cert.id}`, producerMember)).json<Json>().status).toBe('issued');
  });

  it('trims names before judging them and refuses control and bidirectional-override characters', async () => {
    const bad = ['   ', '\t', 'Evil\u202Egnp.exe', 'Two\nlines', 'Ansi \u001b[31mred', 'Zero\u2066isolate'];
    for (const name of bad) {
      const res = await call('POST', '/api/v1/organisations', exchangeAdmin, { name, kind: 'trader' });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.json<Json>().error.details[0].path).toBe('body.name');
    }
    expect((await call('POST', '/api/v1/organisations', exchangeAdmin, { name: ' a ', kind: 'trader' })).statusCode).toBe(400);
    const ok = await call('POST', '/api/v1/organisations', exchangeAdmin, { name: `  Acme Metals ${randomUUID().slice(0, 6)}  `, kind: 'trader' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<Json>().name).toMatch(/^Acme Metals [0-9a-f]{6}$/);
    const key = await call('POST', '/api/v1/api-keys', producerAdmin, { name: 'Key\u202Eyek', scopes: ['read'] });
    expect(key.statusCode).toBe(400);
    expect(key.json<Json>().error.details[0].message).toBe('must not be blank or hold control or bidirectional-override characters');
  });

  it('refuses cookie-authenticated writes from another site', async () => {
    const evil = await call('POST', '/api/v1/api-keys', producerAdmin, { name: 'csrf', scopes: ['read'] }, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json<Json>().error.message).toContain('Cross-site');
    const crossSite = await call('POST', '/api/v1/api-keys', producerAdmin, { name: 'csrf', scopes: ['read'] }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    const imports = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { cookie: producerMember.cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nbrand\r\n--x--\r\n',
    });
    expect(imports.statusCode).toBe(403);
    const same = await call('POST', '/api/v1/api-keys', producerAdmin, { name: 'same site', scopes: ['read'] }, { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' });
    expect(same.statusCode, same.body).toBe(201);
    // Reads are not writes; scripts without browser headers are not browsers.
    expect((await call('GET', '/api/v1/me', producerAdmin, undefined, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/api-keys', producerAdmin, { name: 'curl', scopes: ['read'] })).statusCode).toBe(201);
  });

  it('answers neutrally: an email in use elsewhere looks like any unusable email to an organisation admin', async () => {
    const elsewhere = await call('POST', `/api/v1/organisations/${producerId}/users`, producerAdmin, { email: otherProducer.email, name: 'Probe', role: 'viewer' });
    const ours = await call('POST', `/api/v1/organisations/${producerId}/users`, producerAdmin, { email: producerMember.email, name: 'Probe', role: 'viewer' });
    expect(elsewhere.statusCode).toBe(409);
    expect(ours.statusCode).toBe(409);
    // Its own users it can see anyway; of anyone else it learns only that the address cannot be used.
    expect(ours.json<Json>().error.details[0].message).toBe('already in use in this organisation');
    expect(elsewhere.json<Json>().error).toEqual({
      code: 'conflict',
      message: 'This email address cannot be used for a new user',
      details: [{ path: 'body.email', message: 'cannot be used; ask the person for another address' }],
    });
    expect(elsewhere.body).not.toContain(otherProducerId);
    // The exchange is told where.
    const exchange = await call('POST', `/api/v1/organisations/${producerId}/users`, exchangeAdmin, { email: otherProducer.email, name: 'Probe', role: 'viewer' });
    expect(exchange.json<Json>().error.details[0].message).toContain(otherProducerId);
  });
});
