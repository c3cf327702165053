import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, testApp, type TestUser } from '../factories.ts';

// The reads behind the web app's work lists: an auditor's attestation requests, disclosures
// expiring by a date, every brand's latest compliance ruling, and the organisation directory used
// to pick a CBAM grantee or an auditor.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('sustainability work lists', (db) => {
  let app: App;
  let ctx: AppContext;
  let exchange: TestUser;
  let producer: TestUser;
  let auditor: TestUser;
  let otherAuditor: TestUser;
  let auditorId: string;
  let otherAuditorId: string;
  let brands: { id: string; code: string }[];

  beforeAll(async () => {
    const built = await testApp(db(), () => new Date('2026-11-22T10:00:00Z'));
    app = built.app;
    ctx = built.ctx;
    exchange = await makeUser(ctx, (await makeOrg(db(), 'exchange')).id, 'member');
    const p = await makeOrg(db(), 'producer', 'Queue Producer');
    producer = await makeUser(ctx, p.id, 'member');
    auditorId = (await makeOrg(db(), 'auditor', 'First Assurance')).id;
    otherAuditorId = (await makeOrg(db(), 'auditor', 'Second Assurance')).id;
    auditor = await makeUser(ctx, auditorId, 'member');
    otherAuditor = await makeUser(ctx, otherAuditorId, 'member');
    brands = [await makeBrand(ctx, p.id, 'AH', 'NO'), await makeBrand(ctx, p.id, 'CA'), await makeBrand(ctx, p.id, 'ZS')];
  });

  const post = async (url: string, who: TestUser, payload: Json) => {
    const r = await app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<Json>();
  };
  const get = (url: string, who?: TestUser) => app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const certification = (title: string, validUntil: string, extra: Json = {}) => ({
    level: 'company',
    topic: 'esg_certification',
    kind: 'certification',
    title,
    standardCode: 'IRMA',
    validFrom: '2025-01-01',
    validUntil,
    ...extra,
  });

  it('lists the disclosures awaiting a named auditor’s attestation, until it attests them', async () => {
    const asked = await post('/api/v1/disclosures', producer, certification('Asked, restricted', '2027-06-30', { auditorOrgId: auditorId, restricted: true }));
    const askedOpen = await post('/api/v1/disclosures', producer, certification('Asked, public', '2027-06-30', { auditorOrgId: auditorId }));
    await post('/api/v1/disclosures', producer, certification('Asked of another auditor', '2027-06-30', { auditorOrgId: otherAuditorId }));
    await post('/api/v1/disclosures', producer, certification('Nobody asked', '2027-06-30'));

    const requests = async (who: TestUser) => {
      const r = await get(`/api/v1/disclosures?auditor=${auditorId}&unattested=true`, who);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ items: Json[] }>().items.map((d) => d.title);
    };
    expect(await requests(auditor)).toEqual(['Asked, public', 'Asked, restricted']);
    // Restricted ones stay hidden from anyone the rule does not name.
    expect(await requests(otherAuditor)).toEqual(['Asked, public']);

    // Another auditor's attestation does not answer the request; the named auditor's does.
    await post(`/api/v1/disclosures/${askedOpen.id}/attestations`, otherAuditor, { statement: 'Checked as well.' });
    expect(await requests(auditor)).toEqual(['Asked, public', 'Asked, restricted']);
    await post(`/api/v1/disclosures/${asked.id}/attestations`, auditor, { statement: 'Scope and dates checked.' });
    expect(await requests(auditor)).toEqual(['Asked, public']);
    // Without `unattested`, everything naming the auditor.
    const all = await get(`/api/v1/disclosures?auditor=${auditorId}`, auditor);
    expect(all.json<{ items: Json[] }>().items.map((d) => d.title)).toEqual(['Asked, public', 'Asked, restricted']);

    const bad = await get('/api/v1/disclosures?unattested=true', auditor);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Json>().error.details).toEqual([{ path: 'query.unattested', message: 'needs `auditor`' }]);
  });

  it('lists disclosures valid until a date or earlier: expired and expiring', async () => {
    await post('/api/v1/disclosures', producer, certification('Expired', '2026-10-31'));
    await post('/api/v1/disclosures', producer, certification('Expiring', '2027-01-15'));
    await post('/api/v1/disclosures', producer, certification('Long valid', '2029-01-01'));
    const r = await get('/api/v1/disclosures?expiresBy=2027-02-20&kind=certification', exchange);
    expect(r.statusCode).toBe(200);
    const items = r.json<{ items: Json[] }>().items.filter((d) => ['Expired', 'Expiring', 'Long valid'].includes(d.title));
    expect(items.map((d) => [d.title, d.validity])).toEqual([
      ['Expiring', 'valid'],
      ['Expired', 'expired'],
    ]);
    expect((await get('/api/v1/disclosures?expiresBy=2027-13-01')).statusCode).toBe(400);
  });

  it('lists each brand’s latest compliance ruling, publicly, filtered by status', async () => {
    const [a, b, c] = brands as [{ id: string; code: string }, { id: string; code: string }, { id: string; code: string }];
    await post(`/api/v1/brands/${a.id}/sourcing-compliance`, exchange, { status: 'non_compliant', reason: 'RFA overdue' });
    await post(`/api/v1/brands/${a.id}/sourcing-compliance`, exchange, { status: 'compliant', reason: 'RFA filed' });
    await post(`/api/v1/brands/${b.id}/sourcing-compliance`, exchange, { status: 'non_compliant', reason: 'Audit finding open' });
    const latest = await get('/api/v1/sourcing-compliance');
    expect(latest.statusCode).toBe(200);
    const items = latest.json<{ items: Json[] }>().items;
    expect(items.map((x) => [x.brand.code, x.status, x.reason])).toEqual([
      [b.code, 'non_compliant', 'Audit finding open'],
      [a.code, 'compliant', 'RFA filed'],
    ]);
    expect(items[0]).toMatchObject({ brand: { id: b.id, metal: 'CA', producer: { name: 'Queue Producer' } }, effectiveDate: '2026-11-22' });
    expect(items.some((x) => x.brand.code === c.code)).toBe(false);
    const open = await get('/api/v1/sourcing-compliance?status=non_compliant');
    expect(open.json<{ items: Json[] }>().items.map((x) => x.brand.code)).toEqual([b.code]);
    expect((await get('/api/v1/sourcing-compliance?status=maybe')).statusCode).toBe(400);
  });

  it('gives signed-in callers a directory of organisations: names, kinds and countries only', async () => {
    expect((await get('/api/v1/organisation-directory')).statusCode).toBe(401);
    const r = await get('/api/v1/organisation-directory?kind=auditor', producer);
    expect(r.statusCode).toBe(200);
    const items = r.json<{ items: Json[] }>().items;
    expect(items.map((o) => o.name)).toEqual(['First Assurance', 'Second Assurance']);
    expect(Object.keys(items[0]!).sort()).toEqual(['country', 'id', 'kind', 'name']);
    expect((await get('/api/v1/organisation-directory?kind=bank', producer)).statusCode).toBe(400);
  });
});
