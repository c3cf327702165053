import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeOrg, makeUser, testApp, type TestUser } from '../factories.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('brands and contract specs', (db) => {
  let app: App;
  let exchange: TestUser;
  let producer: TestUser;
  let producerId: string;
  let brandId: string;

  beforeAll(async () => {
    const built = await testApp(db(), () => new Date('2026-11-22T10:00:00Z'));
    app = built.app;
    const x = await makeOrg(db(), 'exchange');
    const p = await makeOrg(db(), 'producer');
    producerId = p.id;
    exchange = await makeUser(built.ctx, x.id, 'member');
    producer = await makeUser(built.ctx, p.id, 'viewer');
  });

  const list = (payload: Json, who = exchange) =>
    app.inject({ method: 'POST', url: '/api/v1/brands', headers: { cookie: who.cookie }, payload });
  const base = () => ({
    code: 'NORDNI',
    name: 'Nordic Nickel Cathode',
    metal: 'NI',
    producerOrgId: producerId,
    plant: { name: 'Harjukoski refinery', country: 'FI' },
    shapes: ['full plate cathodes', 'cut cathodes'],
    annualCapacityTonnes: '65000',
  });

  it('lists a brand with its dated history; rejects shapes, countries and producers that do not fit', async () => {
    const bad = await list({ ...base(), shapes: ['ingots'], plant: { name: 'Test plant', country: 'QQ' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Json>().error.details.map((d: Json) => d.path).sort()).toEqual(['body.plant.country', 'body.shapes.0']);
    const notProducer = await list({ ...base(), producerOrgId: (await makeOrg(db(), 'trader')).id });
    expect(notProducer.json<Json>().error.details[0].path).toBe('body.producerOrgId');

    const ok = await list(base());
    expect(ok.statusCode).toBe(201);
    brandId = ok.json<Json>().id;
    expect(ok.json<Json>()).toMatchObject({ code: 'NORDNI', status: 'listed', annualCapacityTonnes: '65000.000' });
    expect((await list(base())).statusCode).toBe(409);
    expect((await list(base(), producer)).statusCode).toBe(403);
  });

  it('changes status with a reason and keeps the history; capacity stays private', async () => {
    const suspend = await app.inject({
      method: 'POST',
      url: `/api/v1/brands/${brandId}/status-changes`,
      headers: { cookie: exchange.cookie },
      payload: { status: 'suspended', reason: 'Sampling discrepancy under review' },
    });
    expect(suspend.json<Json>().status).toBe('suspended');
    const same = await app.inject({
      method: 'POST',
      url: `/api/v1/brands/${brandId}/status-changes`,
      headers: { cookie: exchange.cookie },
      payload: { status: 'suspended', reason: 'again' },
    });
    expect(same.statusCode).toBe(409);
    const history = await app.inject({ method: 'GET', url: '/api/v1/brands/NORDNI/status-history' });
    expect(history.json<Json>().items.map((h: Json) => [h.status, h.effectiveDate])).toEqual([
      ['listed', '2026-11-22'],
      ['suspended', '2026-11-22'],
    ]);
    const pub = await app.inject({ method: 'GET', url: '/api/v1/brands?metal=NI' });
    expect(pub.json<Json>().items[0]).not.toHaveProperty('annualCapacityTonnes');
    const own = await app.inject({ method: 'GET', url: '/api/v1/brands?mine=true', headers: { cookie: producer.cookie } });
    expect(own.json<Json>().items[0]).toMatchObject({ code: 'NORDNI', annualCapacityTonnes: '65000.000' });
  });

  it('serves specs by date and lets the exchange publish a new version', async () => {
    const ca = await app.inject({ method: 'GET', url: '/api/v1/metals/CA/specs/in-force?on=2025-01-01' });
    expect(ca.json<Json>()).toMatchObject({ metal: 'CA', version: 1, elements: { Ag: { max: '0.0025' } } });
    const current = ca.json<Json>();
    const { metal: _m, version: _v, ...body } = current;
    const next = { ...body, effectiveFrom: '2027-01-01', elements: { ...current.elements, Ag: { max: '0.0020' } } };
    const published = await app.inject({ method: 'POST', url: '/api/v1/metals/CA/specs', headers: { cookie: exchange.cookie }, payload: next });
    expect(published.statusCode).toBe(201);
    expect(published.json<Json>()).toMatchObject({ version: 2, effectiveFrom: '2027-01-01' });
    const later = await app.inject({ method: 'GET', url: '/api/v1/metals/CA/specs/in-force?on=2027-06-01' });
    expect(later.json<Json>().elements.Ag.max).toBe('0.0020');
    const earlier = await app.inject({ method: 'GET', url: '/api/v1/metals/CA/specs/in-force?on=2026-06-01' });
    expect(earlier.json<Json>().version).toBe(1);
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/v1/metals/CA/specs',
      headers: { cookie: exchange.cookie },
      payload: { ...next, elements: { Xx: { max: 'lots' } } },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<Json>().error.details.length).toBeGreaterThan(0);
    const check = await app.inject({
      method: 'POST',
      url: '/api/v1/chemistry/checks',
      payload: { metal: 'NI', productionDate: '2026-01-01', analysis: { Ni: { value: '99.79', unit: '%' } } },
    });
    expect(check.json<Json>().result.verdict).toBe('non_conforming');
  });
});
