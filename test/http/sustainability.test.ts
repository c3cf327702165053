import { createPublicKey, randomUUID, type JsonWebKey } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { filledCbamForm } from '../../src/cbam/excel.ts';
import { keyByKid } from '../../src/trust/keys-repo.ts';
import { publicJwk } from '../../src/trust/keystore.ts';
import { digestBytes } from '../../src/trust/trust.ts';
import { decodeCredentialJwt, verifyCredentialJwtAsync } from '../../src/trust/vc.ts';
import type { Db } from '../../src/platform/db.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, testApp, type TestUser } from '../factories.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A signed record verifies against its issuer's key, and the log entry commits to its exact bytes. */
async function expectSignedAndLogged(db: Db, jwt: string, logIndex: number, kind: string, issuerOrgId: string) {
  const kid = decodeCredentialJwt(jwt).header.kid as string;
  const key = await keyByKid(db, kid);
  expect(key?.org_id).toBe(issuerOrgId);
  const result = await verifyCredentialJwtAsync(jwt, async (k) => {
    const row = await keyByKid(db, k);
    return row ? createPublicKey({ key: publicJwk(row.public_key, row.kid) as unknown as JsonWebKey, format: 'jwk' }) : undefined;
  });
  expect(result.ok).toBe(true);
  const entry = (await db.query<{ kind: string; payload_digest: string }>(`SELECT kind, payload_digest FROM log_entries WHERE idx = $1`, [logIndex])).rows[0];
  expect(entry).toEqual({ kind, payload_digest: digestBytes(jwt) });
  return result.ok ? result.credential : undefined;
}

const annual = {
  periodKind: 'annual',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  installation: 'Fjord smelter',
  installationCountry: 'NO',
  productionRoute: 'primary',
  cnCode: '7601',
  directEmissions: '1.83',
  indirectEmissions: '0.40',
  electricityConsumption: '14.2',
  electricityEmissionFactor: '0.028',
  valueType: 'actual',
  methodology: 'IAI-CF',
  verificationStatus: 'in_progress',
  verifier: 'Nordic Verification AS',
  carbonPricePaid: '85.50',
  carbonPriceCurrency: 'EUR',
};

describeEngines('sustainability: disclosures, sourcing, CBAM', (db) => {
  let app: App;
  let ctx: AppContext;
  let exchange: TestUser;
  let producer: TestUser;
  let auditor: TestUser;
  let producerId: string;
  let auditorId: string;
  let brand: { id: string; code: string };
  let copper: { id: string; code: string };

  beforeAll(async () => {
    const built = await testApp(db(), () => new Date('2026-11-22T10:00:00Z'));
    app = built.app;
    ctx = built.ctx;
    const x = await makeOrg(db(), 'exchange');
    const p = await makeOrg(db(), 'producer');
    const a = await makeOrg(db(), 'auditor');
    producerId = p.id;
    auditorId = a.id;
    exchange = await makeUser(ctx, x.id, 'member');
    producer = await makeUser(ctx, p.id, 'member');
    auditor = await makeUser(ctx, a.id, 'member');
    brand = await makeBrand(ctx, p.id, 'AH', 'NO');
    copper = await makeBrand(ctx, p.id, 'CA', 'CL');
  });

  const post = (url: string, who: TestUser, payload: unknown) => app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: payload as Json });
  const get = (url: string, who?: TestUser) => app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const count = async () => ({
    reports: (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM cbam_reports`)).rows[0]!.n,
    log: (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM log_entries`)).rows[0]!.n,
  });
  const uploadForm = async (bytes: Buffer, who = producer, b = brand) =>
    post(`/api/v1/brands/${b.code}/cbam-reports/excel`, who, { filename: 'form.xlsx', contentBase64: bytes.toString('base64') });
  const formValues = (over: Record<string, string | number | Date> = {}) => ({ brandCode: brand.code, ...annual, ...over });

  it('serves the blank Excel form', async () => {
    const res = await get('/api/v1/cbam-reports/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('CBAM report')!;
    expect(ws.getCell('B12').value).toBe('Specific direct embedded emissions (Scope 1)');
    expect(ws.getCell('D12').value).toBe('tCO2e/t');
  });

  it('accepts the Excel form, signs and logs it; numbers and dates typed into cells are read exactly', async () => {
    const before = await count();
    const res = await uploadForm(await filledCbamForm(formValues({ periodStart: new Date('2026-01-01T00:00:00Z'), directEmissions: 1.83 })));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Json>();
    expect(r).toMatchObject({ version: 1, source: 'excel', directEmissions: '1.83', indirectEmissions: '0.40', periodStart: '2026-01-01', carbonPricePaid: '85.50' });
    await expectSignedAndLogged(db(), r.credential, r.logIndex, 'cbam.submitted', producerId);
    const after = await count();
    expect(after.reports).toBe(before.reports + 1);
  });

  it('rejects a form with a missing field, a negative emission and a unit typo, cell by cell; nothing is written', async () => {
    const before = await count();
    const bytes = await filledCbamForm(formValues({ installation: '', indirectEmissions: '-0.4' }), { electricityConsumption: 'kWh/t' });
    const res = await uploadForm(bytes);
    expect(res.statusCode).toBe(400);
    const details = res.json<Json>().error.details as Json[];
    expect(details.map((d) => [d.sheet, d.cell, d.field])).toEqual([
      ['CBAM report', 'D14', 'electricityConsumption'],
      ['CBAM report', 'C8', 'installation'],
      ['CBAM report', 'C13', 'indirectEmissions'],
    ]);
    expect(details.map((d) => d.message)).toEqual(['the unit must be MWh/t (found "kWh/t")', 'is required', 'must not be negative (found -0.4)']);
    expect(details[0]!.path).toBe("'CBAM report'!D14");
    expect(await count()).toEqual(before);
  });

  it('rejects a period that overlaps an existing report, naming the period cells; nothing is written', async () => {
    const before = await count();
    const res = await uploadForm(await filledCbamForm(formValues({ periodStart: '2026-07-01', periodEnd: '2027-06-30' })));
    expect(res.statusCode).toBe(409);
    const details = res.json<Json>().error.details as Json[];
    expect(details.map((d) => d.cell)).toEqual(['C6', 'C7']);
    expect(details[0]!.message).toContain('overlaps the annual report for 2026-01-01 to 2026-12-31');
    expect(details[0]).toMatchObject({ code: 'period_overlap', kind: 'annual', start: '2026-01-01', end: '2026-12-31' });
    expect(await count()).toEqual(before);
  });

  it('rejects a form for another brand and a file that is not a workbook', async () => {
    const other = await uploadForm(await filledCbamForm(formValues({ brandCode: 'OTHER' })));
    expect(other.json<Json>().error.details).toEqual([
      expect.objectContaining({ cell: 'C4', field: 'brandCode', message: `the form is for OTHER, but it was uploaded for ${brand.code}` }),
    ]);
    const junk = await uploadForm(Buffer.from('not a workbook'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json<Json>().error.details[0]).toMatchObject({ cell: 'A1', message: 'is not an Excel workbook (.xlsx)' });
  });

  it('takes JSON submissions: re-filing a period is a new version, history is kept; daily updates override on their day', async () => {
    const v2 = await post(`/api/v1/brands/${brand.id}/cbam-reports`, producer, { ...annual, directEmissions: '1.79' });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json<Json>()).toMatchObject({ version: 2, source: 'json', directEmissions: '1.79' });
    const daily = await post(`/api/v1/brands/${brand.id}/cbam-reports`, producer, { ...annual, periodKind: 'daily', periodStart: '2026-10-01', periodEnd: undefined, directEmissions: '1.70' });
    expect(daily.statusCode, daily.body).toBe(201);
    const negative = await post(`/api/v1/brands/${brand.id}/cbam-reports`, producer, { ...annual, directEmissions: '-1' });
    expect(negative.json<Json>().error.details).toEqual([
      { path: 'body.directEmissions', message: 'must not be negative (found -1)', code: 'negative_number', found: '-1' },
    ]);
    const list = (await get(`/api/v1/brands/${brand.code}/cbam-reports`, producer)).json<Json>();
    expect(list.access).toBe('producer');
    expect(list.reports.map((r: Json) => [r.periodKind, r.periodStart, r.version])).toEqual([
      ['daily', '2026-10-01', 1],
      ['annual', '2026-01-01', 2],
    ]);
    expect(list.history.filter((r: Json) => r.superseded).map((r: Json) => r.version)).toEqual([1]);
    const other = await post(`/api/v1/brands/${brand.id}/cbam-reports`, exchange, annual);
    expect(other.statusCode).toBe(403);
  });

  it('files disclosures with evidence; expired certifications show as expired; auditors attest by signing the digest', async () => {
    const pdf = Buffer.from('%PDF-1.4 ISO 14001 certificate');
    const up = await post('/api/v1/evidence-files', producer, { filename: 'iso14001.pdf', mediaType: 'application/pdf', contentBase64: pdf.toString('base64') });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json<Json>();
    expect(file.sha256).toBe(digestBytes(pdf).slice(7));

    const iso = await post('/api/v1/disclosures', producer, {
      level: 'brand',
      brand: brand.code,
      topic: 'environmental_management',
      kind: 'certification',
      title: 'ISO 14001 certificate',
      standardCode: 'ISO14001',
      validFrom: '2023-01-01',
      validUntil: '2025-12-31',
      evidenceFileIds: [file.id],
    });
    expect(iso.statusCode, iso.body).toBe(201);
    const d = iso.json<Json>();
    expect(d).toMatchObject({ validity: 'expired', evidence: [{ id: file.id, sha256: file.sha256 }] });
    await expectSignedAndLogged(db(), d.credential, d.logIndex, 'disclosure.filed', producerId);

    const download = await get(`/api/v1/evidence-files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toContain('attachment');

    const metric = await post('/api/v1/disclosures', producer, {
      level: 'asset',
      asset: `Plant ${brand.code}`,
      topic: 'water',
      kind: 'metric',
      title: 'Fresh water withdrawal',
      value: '2.75',
      unit: 'm3/t',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      methodology: 'GRI 303-3',
    });
    expect(metric.statusCode, metric.body).toBe(201);
    expect(metric.json<Json>()).toMatchObject({ value: '2.75', validity: null });

    const bad = await post('/api/v1/disclosures', producer, { level: 'brand', topic: 'nonsense', kind: 'metric', title: 'x' });
    expect(bad.json<Json>().error.details.map((x: Json) => x.path).sort()).toEqual(['body.brand', 'body.periodEnd', 'body.periodStart', 'body.topic', 'body.unit', 'body.value']);

    const attest = await post(`/api/v1/disclosures/${metric.json<Json>().id}/attestations`, auditor, { statement: 'Limited assurance per ISAE 3000' });
    expect(attest.statusCode, attest.body).toBe(201);
    const a = attest.json<Json>().attestations[0];
    const vc = await expectSignedAndLogged(db(), a.credential, a.logIndex, 'disclosure.attested', auditorId);
    expect((vc!.credentialSubject as Json).disclosureDigest).toBe(metric.json<Json>().contentDigest);
    expect((await post(`/api/v1/disclosures/${metric.json<Json>().id}/attestations`, auditor, { statement: 'again' })).statusCode).toBe(409);
  });

  it('keeps restricted disclosures (and their evidence) from the public', async () => {
    const up = await post('/api/v1/evidence-files', producer, { filename: 'internal.txt', mediaType: 'text/plain', contentBase64: Buffer.from('secret-community-plan').toString('base64') });
    const res = await post('/api/v1/disclosures', producer, {
      level: 'company',
      topic: 'communities',
      kind: 'target',
      title: 'Confidential community investment target',
      value: '4200000',
      unit: 'USD',
      periodEnd: '2030-12-31',
      restricted: true,
      auditorOrgId: auditorId,
      evidenceFileIds: [up.json<Json>().id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<Json>().id;
    const outsider = await makeUser(ctx, (await makeOrg(db(), 'trader')).id, 'viewer');
    // Anonymous or not, a restricted disclosure answers exactly as an unknown id does.
    expect((await get(`/api/v1/disclosures/${id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/disclosures/${id}`)).json<Json>().error.message).toBe((await get(`/api/v1/disclosures/${randomUUID()}`)).json<Json>().error.message);
    expect((await get(`/api/v1/disclosures/${id}`, outsider)).statusCode).toBe(404);
    expect((await get(`/api/v1/disclosures/${id}`, auditor)).statusCode).toBe(200);
    expect((await get(`/api/v1/disclosures/${id}`, exchange)).statusCode).toBe(200);
    for (const who of [undefined, outsider]) {
      const search = await get('/api/v1/disclosures?q=community', who);
      expect(search.statusCode).toBe(200);
      expect(search.body).not.toContain('4200000');
      expect((await get(`/api/v1/producers/${producerId}/profile`, who)).body).not.toContain('4200000');
      expect((await get(`/api/v1/evidence-files/${up.json<Json>().id}`, who)).statusCode).toBe(404);
    }
    expect((await get('/api/v1/disclosures?q=community', producer)).json<Json>().items).toHaveLength(1);
  });

  it('records sourcing tracks with dated history and RFA answers; the exchange can rule a brand non-compliant', async () => {
    const rfa = {
      assessmentDate: '2025-03-01',
      publishedAt: '2025-03-15',
      locationRedFlags: [{ answer: 'no' }, { answer: 'no' }, { answer: 'yes', explanation: 'Transit via a high-risk area; enhanced due diligence applied' }],
      supplierRedFlags: [{ answer: 'no' }, { answer: 'no' }],
    };
    const c = await post(`/api/v1/brands/${copper.code}/sourcing-tracks`, producer, { track: 'C', effectiveFrom: '2025-04-01', rfa });
    expect(c.statusCode, c.body).toBe(201);
    const a = await post(`/api/v1/brands/${copper.code}/sourcing-tracks`, producer, { track: 'A', effectiveFrom: '2026-02-01', standardCode: 'COPPER-MARK' });
    expect(a.statusCode, a.body).toBe(201);
    const view = a.json<Json>();
    expect(view.currentTrack).toMatchObject({ track: 'A', standardCode: 'COPPER-MARK' });
    expect(view.tracks.map((t: Json) => [t.track, t.effectiveFrom])).toEqual([
      ['C', '2025-04-01'],
      ['A', '2026-02-01'],
    ]);
    await expectSignedAndLogged(db(), view.currentTrack.credential, view.currentTrack.logIndex, 'sourcing.track_recorded', producerId);
    const badRfa = await post(`/api/v1/brands/${copper.code}/sourcing-tracks`, producer, { track: 'B', effectiveFrom: '2026-03-01', rfa: { ...rfa, supplierRedFlags: [{ answer: 'no' }] } });
    expect(badRfa.statusCode).toBe(400);

    const ruling = await post(`/api/v1/brands/${copper.code}/sourcing-compliance`, exchange, { status: 'non_compliant', reason: 'RFA mitigation evidence not provided' });
    expect(ruling.statusCode, ruling.body).toBe(201);
    expect(ruling.json<Json>().compliance).toMatchObject({ status: 'non_compliant', reason: 'RFA mitigation evidence not provided' });
    const pub = (await get(`/api/v1/brands/${copper.code}/sourcing`)).json<Json>();
    expect(pub.compliance.status).toBe('non_compliant');
    expect((await post(`/api/v1/brands/${copper.code}/sourcing-compliance`, producer, { status: 'compliant', reason: 'self-declared' })).statusCode).toBe(403);
  });

  it('shows producer profiles and compares up to five producers or plants', async () => {
    const profile = (await get(`/api/v1/producers/${producerId}/profile`)).json<Json>();
    expect(profile.brands.map((b: Json) => b.code).sort()).toEqual([brand.code, copper.code].sort());
    expect(profile.brands.find((b: Json) => b.code === copper.code).currentTrack.track).toBe('A');
    expect(profile.certifications[0]).toMatchObject({ standardCode: 'ISO14001', validity: 'expired' });
    expect(profile.metrics[0]).toMatchObject({ topic: 'water', value: '2.75' });
    expect(JSON.stringify(profile)).not.toContain('1.83');

    const other = await makeOrg(db(), 'producer');
    const cmp = (await get(`/api/v1/sustainability/comparison?producers=${producerId},${other.id}`)).json<Json>();
    expect(cmp.subjects.map((s: Json) => s.metrics.water?.value ?? null)).toEqual(['2.75', null]);
    const plants = (await get(`/api/v1/sustainability/comparison?plants=${brand.code},${copper.code}`)).json<Json>();
    expect(plants.subjects[0].certifications[0]).toMatchObject({ standardCode: 'ISO14001', validity: 'expired' });
    expect(plants.subjects[1].tracks).toEqual({ [copper.code]: 'A' });
    const six = await get(`/api/v1/sustainability/comparison?plants=${Array(6).fill(brand.code).join(',')}`);
    expect(six.statusCode).toBe(400);
  });

  it('answers premium eligibility with its reason, and lets the exchange edit the reference data', async () => {
    const noStandard = (await get(`/api/v1/brands/${brand.code}/premium-eligibility?year=2026`, producer)).json<Json>();
    expect(noStandard).toMatchObject({ eligible: false, intensity: '2.19', threshold: '10' });
    expect(noStandard.reason).toContain('holds no recognised sustainability standard');
    await post('/api/v1/disclosures', producer, {
      level: 'brand',
      brand: brand.code,
      topic: 'esg_certification',
      kind: 'certification',
      title: 'ASI Performance Standard',
      standardCode: 'ASI-PS',
      validFrom: '2025-06-01',
      validUntil: '2028-05-31',
    });
    const ok = (await get(`/api/v1/brands/${brand.code}/premium-eligibility?year=2026`, exchange)).json<Json>();
    expect(ok).toMatchObject({ eligible: true, standards: ['ASI-PS'] });

    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/sustainability/reference/premium-thresholds/AH',
      headers: { cookie: exchange.cookie },
      payload: { maxTco2ePerTonne: '2', requiresRecognisedStandard: true },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<Json>().premiumThresholds.find((t: Json) => t.metal === 'AH').maxTco2ePerTonne).toBe('2');
    const now = (await get(`/api/v1/brands/${brand.code}/premium-eligibility?year=2026`, exchange)).json<Json>();
    expect(now).toMatchObject({ eligible: false, reason: 'Carbon intensity 2.19 tCO2e/t is above the AH threshold of 2 tCO2e/t' });
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/v1/sustainability/reference/methodologies/AH',
      headers: { cookie: producer.cookie },
      payload: { code: 'X', name: 'x', body: 'x' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
