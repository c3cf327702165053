import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, testApp, type TestUser } from '../factories.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('certificate lifecycle', (db) => {
  let app: App;
  let producer: TestUser;
  let exchange: TestUser;
  let otherProducer: TestUser;
  let brand: Awaited<ReturnType<typeof makeBrand>>;
  let ruBrand: Awaited<ReturnType<typeof makeBrand>>;
  let ctx: AppContext;
  let producerOrgId: string;
  const count = async (table: string) =>
    (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  const issue = (payload: unknown, who: TestUser = producer) =>
    app.inject({ method: 'POST', url: '/api/v1/certificates', headers: { cookie: who.cookie }, payload: payload as Json });

  beforeAll(async () => {
    const built = await testApp(db(), () => new Date('2026-11-22T12:00:00Z'));
    app = built.app;
    ctx = built.ctx;
    const p = await makeOrg(db(), 'producer');
    producerOrgId = p.id;
    const x = await makeOrg(db(), 'exchange');
    const o = await makeOrg(db(), 'producer');
    producer = await makeUser(built.ctx, p.id, 'member');
    exchange = await makeUser(built.ctx, x.id, 'viewer');
    otherProducer = await makeUser(built.ctx, o.id, 'admin');
    brand = await makeBrand(built.ctx, p.id, 'CA');
    ruBrand = await makeBrand(built.ctx, p.id, 'NI', 'RU');
  });

  it('issues a conforming certificate with a content digest and an audit event', async () => {
    // Certificate events only: the producer's first issue also creates its signing key (its own event).
    const certificateEvents = async () =>
      (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE subject_type = 'certificate'`)).rows[0]!.n;
    const before = await certificateEvents();
    const res = await issue(submissionFor(brand));
    expect(res.statusCode).toBe(201);
    const c = res.json<Json>();
    expect(c).toMatchObject({ status: 'issued', verdict: 'conforming', version: 1, warrantEligible: true, reasons: [] });
    expect(c.number).toMatch(/^AS-\d{10}$/);
    expect(c.contentDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(c.content.spec).toMatchObject({ metal: 'CA', version: 1 });
    expect(await certificateEvents()).toBe(before + 1);
  });

  it('stores a non-conforming submission as rejected with every reason, and lets it be resubmitted', async () => {
    const sub = submissionFor(brand);
    sub.chemistry.Ag = { value: '0.0026', unit: '%' };
    sub.netWeightKg = String(Number(sub.grossWeightKg) + 1);
    const res = await issue(sub);
    expect(res.statusCode).toBe(201);
    const c = res.json<Json>();
    expect(c.status).toBe('rejected');
    const codes = c.reasons.map((r: Json) => `${r.code}@${r.path}`);
    expect(codes).toContain('element_exceeds@chemistry.Ag');
    expect(codes).toContain('net_exceeds_gross@netWeightKg');
    expect(codes).toContain('bundle_weights_mismatch@netWeightKg');
    // Rejected records are private: the public cannot find them at all.
    expect((await app.inject({ method: 'GET', url: `/api/v1/certificates/${c.id}` })).statusCode).toBe(404);
    // The fix, resubmitted under the same PCR, is issued.
    const fixed = await issue(submissionFor(brand, { pcr: sub.pcr }));
    expect(fixed.statusCode).toBe(201);
    expect(fixed.json<Json>().status).toBe('issued');
  });

  it('lists as needing attention only the rejections not dealt with: a fix or a later attempt clears one', async () => {
    const attention = async (cookie = producer.cookie) => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/certificates?needsAttention=true&limit=500', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      return res.json<Json>().items.map((i: Json) => i.id as string);
    };
    const bad = (pcr?: string) => {
      const sub = submissionFor(brand, pcr ? { pcr } : {});
      sub.chemistry.Ag = { value: '0.0026', unit: '%' };
      return sub;
    };
    const first = (await issue(bad())).json<Json>();
    const other = (await issue(bad())).json<Json>();
    expect([first.status, other.status]).toEqual(['rejected', 'rejected']);
    expect(await attention()).toEqual(expect.arrayContaining([first.id, other.id]));
    // Tried again and rejected again: the newer attempt replaces the older in the list.
    const again = (await issue(bad(first.pcr))).json<Json>();
    let open = await attention();
    expect(open).toContain(again.id);
    expect(open).not.toContain(first.id);
    // Fixed: issued under the same PCR, and the cast needs no attention any more.
    expect((await issue(submissionFor(brand, { pcr: first.pcr }))).json<Json>().status).toBe('issued');
    open = await attention();
    expect(open).not.toContain(again.id);
    expect(open).toContain(other.id);
    // Still there under status=rejected (the record stays); the exchange sees the same queue; others none of it.
    const all = (await app.inject({ method: 'GET', url: '/api/v1/certificates?status=rejected&limit=500', headers: { cookie: producer.cookie } })).json<Json>();
    expect(all.items.map((i: Json) => i.id)).toEqual(expect.arrayContaining([first.id, again.id]));
    expect(await attention(exchange.cookie)).toEqual(expect.arrayContaining([other.id]));
    expect(await attention(otherProducer.cookie)).not.toContain(other.id);
    const mixed = await app.inject({ method: 'GET', url: '/api/v1/certificates?needsAttention=true&status=issued', headers: { cookie: producer.cookie } });
    expect(mixed.statusCode).toBe(400);
  });

  it('names the copper group, the aluminium limit and a ppm value in its reasons', async () => {
    const sub = submissionFor(brand);
    Object.assign(sub.chemistry, {
      Co: { value: '0.0004', unit: '%' },
      Fe: { value: '0.0009', unit: '%' },
      Ni: { value: '0.0004', unit: '%' },
      Si: { value: '0.0002', unit: '%' },
      Sn: { value: '0.0001', unit: '%' },
      Zn: { value: '0.0001', unit: '%' },
    });
    const c = (await issue(sub)).json<Json>();
    expect(c.status).toBe('rejected');
    expect(c.reasons.map((r: Json) => r.path)).toEqual(['chemistry.groups.Co+Fe+Ni+Si+Sn+Zn']);
    const ppm = submissionFor(brand);
    ppm.chemistry.Ag = { value: '25', unit: 'ppm' };
    expect((await issue(ppm)).json<Json>().status).toBe('issued');
  });

  it('checks shape, production date, country and bundle counts', async () => {
    const c = (
      await issue(submissionFor(brand, { shape: 'ingots', productionDate: '2026-12-01', originCountry: 'ZZ', pieces: 1 }))
    ).json<Json>();
    expect(c.status).toBe('rejected');
    expect(c.reasons.map((r: Json) => r.code).sort()).toEqual(
      ['bundle_pieces_mismatch', 'production_date_future', 'shape_not_allowed', 'unknown_country'].sort(),
    );
  });

  it('issues Russian-origin metal produced on/after 2024-04-13 but flags it not warrant-eligible', async () => {
    const after = (await issue(submissionFor(ruBrand, { productionDate: '2024-04-13' }))).json<Json>();
    expect(after).toMatchObject({ status: 'issued', warrantEligible: false });
    expect(after.warrantReasons[0].code).toBe('origin_restricted');
    const before = (await issue(submissionFor(ruBrand, { productionDate: '2024-04-12' }))).json<Json>();
    expect(before).toMatchObject({ status: 'issued', warrantEligible: true });
  });

  it('refuses a brand of another producer', async () => {
    const res = await issue(submissionFor(brand), otherProducer);
    expect(res.statusCode).toBe(403);
  });

  it('allows exactly one of two concurrent issues of the same brand + PCR', async () => {
    const sub = submissionFor(brand);
    const before = await count('certificates');
    const [a, b] = await Promise.all([issue(sub), issue(sub)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const conflict = (a.statusCode === 409 ? a : b).json<Json>();
    expect(conflict.error.code).toBe('conflict');
    expect(await count('certificates')).toBe(before + 1);
  });

  it('amends with a reason: a new version, the old one superseded and readable', async () => {
    const sub = submissionFor(brand);
    const c = (await issue(sub)).json<Json>();
    const amended = { ...sub, laboratory: { name: 'Independent Assay Lab', accreditation: 'ISO/IEC 17025' } };
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${c.id}/amendments`,
      headers: { cookie: producer.cookie },
      payload: { reason: 'Laboratory name corrected', certificate: amended },
    });
    expect(res.statusCode).toBe(201);
    const a = res.json<Json>();
    expect(a).toMatchObject({ version: 2, status: 'issued', amendmentReason: 'Laboratory name corrected' });
    expect(a.contentDigest).not.toBe(c.contentDigest);
    expect(a.versions.map((v: Json) => [v.version, v.superseded])).toEqual([
      [1, true],
      [2, false],
    ]);
    const v1 = await app.inject({ method: 'GET', url: `/api/v1/certificates/${c.id}/versions/1`, headers: { cookie: exchange.cookie } });
    expect(v1.json<Json>()).toMatchObject({ version: 1, superseded: true, contentDigest: c.contentDigest });
    expect(v1.json<Json>().content.laboratory.name).toBe(sub.laboratory.name);

    // A non-conforming amendment of an issued certificate changes nothing.
    const bad = { ...sub, chemistry: { ...sub.chemistry, Ag: { value: '0.01', unit: '%' } } };
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${c.id}/amendments`,
      headers: { cookie: producer.cookie },
      payload: { reason: 'Try a bad value', certificate: bad },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Json>().error.details[0].path).toBe('body.certificate.chemistry.Ag');
    const after = await app.inject({ method: 'GET', url: `/api/v1/certificates/${c.id}`, headers: { cookie: producer.cookie } });
    expect(after.json<Json>().version).toBe(2);
  });

  it('revokes with a reason; a revoked certificate cannot be amended or revoked again', async () => {
    const sub = submissionFor(brand);
    const c = (await issue(sub)).json<Json>();
    const r = await app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${c.id}/revocation`,
      headers: { cookie: producer.cookie },
      payload: { reason: 'Cast re-melted' },
    });
    expect(r.statusCode).toBe(200);
    // Revoked is not eligible for warranting, whatever the row's flag, in the full view too.
    const revokedAt = '2026-11-22T12:00:00.000Z'; // the logged time (the test clock)
    expect(r.json<Json>()).toMatchObject({
      status: 'revoked',
      statusReason: 'Cast re-melted',
      warrantEligible: false,
      revocation: { revokedAt, reason: 'Cast re-melted' },
    });
    expect(c.warrantEligible).toBe(true);
    // The public, by id and by the number as printed (and as typed): revoked, when, why, not eligible.
    for (const ref of [c.id, c.number, ` ${c.number.toLowerCase()} `]) {
      const pub = await app.inject({ method: 'GET', url: `/api/v1/certificates/${encodeURIComponent(ref)}` });
      expect(pub.statusCode, ref).toBe(200);
      expect(pub.json<Json>()).toMatchObject({
        view: 'minimal',
        number: c.number,
        status: 'revoked',
        revocation: { revokedAt, reason: 'Cast re-melted' },
        warrantEligible: false,
      });
      expect(pub.json<Json>().pcr).toBeUndefined();
    }
    // Server-side verification, by number too: the signature and log still pass (revoked is not
    // forged); the status check fails naming the revocation, and the report carries date and reason.
    const report = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${c.number}/verification` })).json<Json>();
    expect(report.ok).toBe(false);
    const check = (name: string) => report.checks.find((x: Json) => x.name === name);
    expect(check('signature').status).toBe('pass');
    expect(check('log_inclusion').status).toBe('pass');
    expect(check('status')).toMatchObject({ status: 'fail', reason: expect.stringContaining('revoked') });
    expect(report.revocation).toEqual({ revokedAt, reason: 'Cast re-melted' });
    expect(report.certificate.number).toBe(c.number);
    // An issued certificate carries neither: eligibility stays the entitled's, and nothing is revoked.
    const live = (await issue(submissionFor(brand))).json<Json>();
    const livePub = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${live.number}` })).json<Json>();
    expect(livePub).toMatchObject({ view: 'minimal', status: 'issued' });
    expect('revocation' in livePub || 'warrantEligible' in livePub).toBe(false);
    expect((await app.inject({ method: 'GET', url: `/api/v1/certificates/${live.number}/verification` })).json<Json>().revocation).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/api/v1/certificates/AS-0000000000/verification' })).statusCode).toBe(404);
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${c.id}/revocation`,
      headers: { cookie: exchange.cookie },
      payload: { reason: 'Again' },
    });
    expect(again.statusCode).toBe(403); // exchange viewer: role too low
    const amend = await app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${c.id}/amendments`,
      headers: { cookie: producer.cookie },
      payload: { reason: 'Too late', certificate: sub },
    });
    expect(amend.statusCode).toBe(409);
  });

  it('reads by brand + PCR, lists with filters and paginates with a cursor', async () => {
    const subs = [1, 2, 3, 4, 5].map((i) => submissionFor(brand, { pcr: `PAGE-${i}-${Date.now()}` }));
    for (const s of subs) expect((await issue(s)).statusCode).toBe(201);
    const byPcr = await app.inject({ method: 'GET', url: `/api/v1/brands/${brand.code}/certificates/${subs[0]!.pcr}` });
    expect(byPcr.json<Json>()).toMatchObject({ view: 'minimal', brand: { code: brand.code } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/certificates?pcrPrefix=PAGE-&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await app.inject({ method: 'GET', url, headers: { cookie: producer.cookie } })).json<Json>();
      seen.push(...page.items.map((i: Json) => i.pcr));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(subs.map((s) => s.pcr).reverse());

    const rejected = await app.inject({ method: 'GET', url: '/api/v1/certificates?status=rejected', headers: { cookie: producer.cookie } });
    expect(rejected.json<Json>().items.length).toBeGreaterThan(0);
    // Anonymous callers do not list (they look one up by number: test/http/security-two.test.ts).
    const rejectedPublic = await app.inject({ method: 'GET', url: '/api/v1/certificates?status=rejected' });
    expect(rejectedPublic.statusCode).toBe(401);
    const ni = await app.inject({ method: 'GET', url: '/api/v1/certificates?metal=NI&producedFrom=2024-04-13&producedTo=2024-04-13', headers: { cookie: producer.cookie } });
    expect(ni.json<Json>().items).toHaveLength(1);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/certificates?cursor=nonsense', headers: { cookie: producer.cookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('records on an alloy certificate the designation its analysis meets, in the signed credential too', async () => {
    const alloy = await makeBrand(ctx, producerOrgId, 'AA');
    const c = (await issue(submissionFor(alloy))).json<Json>();
    expect(c).toMatchObject({ status: 'issued', verdict: 'conforming' });
    expect(c.content.spec).toEqual({ metal: 'AA', version: 2, qualityStandard: expect.stringContaining('A380.1, 226, AD12.1'), designation: '226' });
    expect(c.chemistryCheck.designation).toMatchObject({ matched: '226', met: ['226'], shownAgainst: '226' });
    const jwt = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${c.id}/credential`, headers: { cookie: producer.cookie } })).body;
    const subject = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')).credentialSubject;
    expect(subject.spec.designation).toBe('226');
    const verified = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${c.id}/verification` })).json<Json>();
    expect(verified.ok).toBe(true); // the published subject schema admits the designation

    // Copper below every designation's minimum: rejected, with one reason per designation.
    const sub = submissionFor(alloy);
    const bad = (await issue({ ...sub, chemistry: { ...sub.chemistry, Cu: { value: '1.2', unit: '%' } } })).json<Json>();
    expect(bad.status).toBe('rejected');
    expect(bad.reasons.map((r: Json) => r.path)).toEqual([
      'chemistry.designations.A380.1',
      'chemistry.designations.226',
      'chemistry.designations.AD12.1',
    ]);
    expect(bad.reasons[1].message).toContain('Cu 1.2 % is below the minimum of 2.0 %');
    expect(bad.content.spec.designation).toBeUndefined();

    // Other metals' content carries no designation (their signed bytes are as before).
    const copper = (await issue(submissionFor(brand))).json<Json>();
    expect(Object.keys(copper.content.spec).sort()).toEqual(['metal', 'qualityStandard', 'version']);
  });

  it('searches forgivingly: brand and PCR in any case and in part, numbers however they are typed', async () => {
    const c = (await issue(submissionFor(brand, { pcr: `Cast-Forgive-${Date.now()}` }))).json<Json>();
    const list = async (query: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/certificates?${query}`, headers: { cookie: producer.cookie } });
      expect(res.statusCode, query).toBe(200);
      return res.json<Json>().items.map((x: Json) => x.id) as string[];
    };
    const code = brand.code;
    for (const typed of [code.toLowerCase(), code.slice(2, 6).toLowerCase(), ` ${code.slice(0, 3)} ${code.slice(3)} `, brand.name.slice(0, 8).toLowerCase()]) {
      expect(await list(`brand=${encodeURIComponent(typed)}`), typed).toContain(c.id);
    }
    expect(await list('brand=NOSUCHBRAND')).toEqual([]);
    for (const typed of ['cast-forgive', ' CAST-FORGIVE-', c.pcr.toUpperCase()]) {
      expect(await list(`pcrPrefix=${encodeURIComponent(typed)}`), typed).toEqual([c.id]);
    }
    expect(await list('pcrPrefix=forgive')).toEqual([]); // a PCR is matched from its start

    const digits = String(Number(c.number.slice(3)));
    const fullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    for (const typed of [c.number.toLowerCase(), `as ${digits}`, ` ${c.number.slice(0, 7)} ${c.number.slice(7)} `, `AS–${digits}`, `as.${digits}`, fullWidth(c.number)]) {
      const one = await app.inject({ method: 'GET', url: `/api/v1/certificates/${encodeURIComponent(typed)}` });
      expect(one.statusCode, typed).toBe(200);
      expect(one.json<Json>().id).toBe(c.id);
      const looked = await app.inject({ method: 'GET', url: `/api/v1/certificates?number=${encodeURIComponent(typed)}` });
      expect(looked.json<Json>().items.map((x: Json) => x.id), typed).toEqual([c.id]);
    }

    // Brands: the list's text filter and the brand page take a code in any case, in part, with spaces.
    const brands = await app.inject({ method: 'GET', url: `/api/v1/brands?q=${encodeURIComponent(` ${code.slice(1, 4).toLowerCase()} ${code.slice(4, 6).toLowerCase()}`)}` });
    expect(brands.json<Json>().items.map((b: Json) => b.code)).toContain(code);
    const page = await app.inject({ method: 'GET', url: `/api/v1/brands/${code.toLowerCase()}` });
    expect(page.statusCode).toBe(200);
    expect(page.json<Json>().code).toBe(code);
  });
});

describeEngines('bad input changes nothing', (db) => {
  let app: App;
  let producer: TestUser;
  let brand: Awaited<ReturnType<typeof makeBrand>>;
  const snapshot = async () =>
    (
      await db().query<{ c: number; v: number; a: number }>(
        `SELECT (SELECT count(*)::int FROM certificates) c, (SELECT count(*)::int FROM certificate_versions) v, (SELECT count(*)::int FROM audit_events) a`,
      )
    ).rows[0];

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    const p = await makeOrg(db(), 'producer');
    producer = await makeUser(built.ctx, p.id, 'admin');
    brand = await makeBrand(built.ctx, p.id, 'AH');
  });

  // Each detail names its field and a stable rule code (and its bound), for the reader's language.
  const cases: [string, (s: Json) => unknown, number, string, Json][] = [
    ['wrong type', (s) => ({ ...s, pieces: '12' }), 400, 'body.pieces', { code: 'wrong_type' }],
    ['unknown field', (s) => ({ ...s, colour: 'silver' }), 400, 'body.colour', { code: 'unknown_field', message: 'unknown field' }],
    ['unknown nested field', (s) => ({ ...s, laboratory: { ...s.laboratory, phone: '1' } }), 400, 'body.laboratory.phone', { code: 'unknown_field' }],
    ['missing field', ({ netWeightKg: _n, ...s }) => s, 400, 'body.netWeightKg', { code: 'required', message: 'is required' }],
    ['bad decimal', (s) => ({ ...s, chemistry: { ...s.chemistry, Si: { value: '0,1', unit: '%' } } }), 400, 'body.chemistry.Si.value', { code: 'invalid_format' }],
    ['bad unit', (s) => ({ ...s, chemistry: { ...s.chemistry, Si: { value: '0.1', unit: 'ppb' } } }), 400, 'body.chemistry.Si.unit', {}],
    ['bad date', (s) => ({ ...s, productionDate: '2026-13-01' }), 400, 'body.productionDate', { code: 'invalid_format' }],
    ['number as value', (s) => ({ ...s, chemistry: { ...s.chemistry, Si: { value: 0.1, unit: '%' } } }), 400, 'body.chemistry.Si.value', { code: 'wrong_type' }],
    ['too few pieces', (s) => ({ ...s, pieces: 0 }), 400, 'body.pieces', { code: 'too_small', limit: 1 }],
    ['shape too long', (s) => ({ ...s, shape: 'x'.repeat(61) }), 400, 'body.shape', { code: 'too_long', limit: 60 }],
    ['no bundles', (s) => ({ ...s, bundles: [] }), 400, 'body.bundles', { code: 'too_few', limit: 1 }],
  ];

  for (const [name, mutate, status, path, detail] of cases) {
    it(`${name} → ${status} naming ${path}`, async () => {
      const before = await snapshot();
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/certificates',
        headers: { cookie: producer.cookie },
        payload: mutate(submissionFor(brand)) as Json,
      });
      expect(res.statusCode).toBe(status);
      const body = res.json<Json>();
      expect(body.error.code).toBe('bad_request');
      expect(body.error.details.map((d: Json) => d.path)).toContain(path);
      expect(body.error.details.find((d: Json) => d.path === path)).toMatchObject(detail);
      for (const d of body.error.details) expect(typeof d.code, `${d.path}: ${d.message}`).toBe('string');
      expect(await snapshot()).toEqual(before);
    });
  }

  it('malformed JSON → 400', async () => {
    const before = await snapshot();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/certificates',
      headers: { cookie: producer.cookie, 'content-type': 'application/json' },
      payload: '{"brand": "X",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<Json>().error).toMatchObject({ code: 'bad_request', details: [{ path: 'body' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('oversized body → 413', async () => {
    const before = await snapshot();
    const s = submissionFor(brand, { remarks: 'x'.repeat(300 * 1024) });
    const res = await app.inject({ method: 'POST', url: '/api/v1/certificates', headers: { cookie: producer.cookie }, payload: s });
    expect(res.statusCode).toBe(413);
    expect(res.json<Json>().error.code).toBe('payload_too_large');
    expect(await snapshot()).toEqual(before);
  });

  it('non-JSON content type → 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/certificates',
      headers: { cookie: producer.cookie, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json<Json>().error.code).toBe('unsupported_media_type');
  });

  it('unknown routes answer the same error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json<Json>()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/v1/nothing-here' } });
  });
});
