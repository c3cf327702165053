import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAudit } from '../../src/app/trust-registry.ts';
import { buildServer } from '../../src/app/server.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { routeTable, type App } from '../../src/platform/http.ts';
import { filledCbamForm } from '../../src/cbam/excel.ts';
import { importRunner } from '../../src/imports/service.ts';
import { cosign, encodeCosignatureVerifierKey } from '../../src/trust/cosignature.ts';
import { generateEd25519, privateKeyFromPkcs8 } from '../../src/trust/keystore.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { issueCast, lotRows, type WarehouseWorld } from '../fixtures/warehouse.ts';
import { importContext } from '../fixtures/imports.ts';

// No false alarms: every route that changes anything is driven at least once, the way its users
// drive it, and then `assay audit` must find nothing. The route table is the checklist: a new
// mutating route without a scenario here fails the first test.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function multipart(filename: string, content: Buffer | string) {
  const boundary = `----assay${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const CBAM_REPORT = {
  periodKind: 'annual',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  installation: 'Fjord smelter',
  installationCountry: 'NO',
  productionRoute: 'primary',
  cnCode: '7601',
  directEmissions: '1.62',
  indirectEmissions: '5.8',
  electricityConsumption: '14.2',
  electricityEmissionFactor: '0.41',
  valueType: 'actual',
  methodology: 'IAI-CF',
  verificationStatus: 'unverified',
};

describeEngines('audit after every kind of change', (db) => {
  let app: App;
  let ctx: AppContext;
  const s: Json = {};
  const as = (u: TestUser) => ({ cookie: u.cookie });
  const call = async (method: string, url: string, headers: Record<string, string>, payload?: unknown, expected = [200, 201, 202, 204]) => {
    const r = await app.inject({ method: method as 'POST', url, headers, ...(payload !== undefined ? { payload: payload as Json } : {}) });
    expect(expected, `${method} ${url}: ${r.statusCode} ${r.body}`).toContain(r.statusCode);
    return r;
  };

  beforeAll(async () => {
    ctx = importContext(db());
    app = await buildServer(ctx);
    await app.ready();
    const exchangeOrg = (await makeOrg(db(), 'exchange')).id;
    s.exchangeOrg = exchangeOrg;
    s.producerOrg = (await makeOrg(db(), 'producer')).id;
    s.auditorOrg = (await makeOrg(db(), 'auditor')).id;
    s.traderOrg = (await makeOrg(db(), 'trader')).id;
    s.exchange = await makeUser(ctx, exchangeOrg, 'admin');
    s.producer = await makeUser(ctx, s.producerOrg, 'admin');
    s.auditor = await makeUser(ctx, s.auditorOrg, 'member');
    s.brand = await makeBrand(ctx, s.producerOrg, 'AH', 'NO');
  });
  afterAll(async () => {
    await app.close();
  });

  // In the order a register lives them. Each names its route; each must succeed.
  const SCENARIOS: [string, () => Promise<void>][] = [
    ['POST /api/v1/sessions', async () => {
      const r = await call('POST', '/api/v1/sessions', {}, { email: (s.producer as TestUser).email, password: TEST_PASSWORD });
      s.session = String(r.headers['set-cookie']).split(';')[0];
    }],
    ['POST /api/v1/organisations', async () => {
      s.newOrg = (await call('POST', '/api/v1/organisations', as(s.exchange), { name: 'Audit Clean Warehouse', kind: 'warehouse', country: 'NL' })).json<Json>().id;
    }],
    ['POST /api/v1/organisations/:orgId/users', async () => {
      s.invitation = (await call('POST', `/api/v1/organisations/${s.producerOrg}/users`, as(s.producer), { email: 'new.person@example.test', name: 'New Person', role: 'member' })).json<Json>();
    }],
    ['POST /api/v1/invitations/acceptance', async () => {
      await call('POST', '/api/v1/invitations/acceptance', {}, { token: s.invitation.invitationToken, password: 'a long enough passphrase' });
    }],
    ['DELETE /api/v1/organisations/:orgId/users/:userId', async () => {
      await call('DELETE', `/api/v1/organisations/${s.producerOrg}/users/${s.invitation.user.id}`, as(s.producer));
    }],
    ['DELETE /api/v1/organisations/:orgId/users/:userId/sign-in-lock', async () => {
      await call('DELETE', `/api/v1/organisations/${s.producerOrg}/users/${(s.producer as TestUser).id}/sign-in-lock`, as(s.exchange));
    }],
    ['POST /api/v1/api-keys', async () => {
      s.key = (await call('POST', '/api/v1/api-keys', as(s.producer), { name: 'ERP', scopes: ['read', 'certificates:write'] })).json<Json>();
    }],
    ['DELETE /api/v1/api-keys/:keyId/lock', async () => {
      await call('DELETE', `/api/v1/api-keys/${s.key.apiKey.id}/lock`, as(s.producer));
    }],
    ['DELETE /api/v1/api-keys/:keyId', async () => {
      const spare = (await call('POST', '/api/v1/api-keys', as(s.producer), { name: 'Spare', scopes: ['read'] })).json<Json>();
      await call('DELETE', `/api/v1/api-keys/${spare.apiKey.id}`, as(s.producer));
    }],
    ['POST /api/v1/metals/:metal/specs', async () => {
      const current = (await call('GET', '/api/v1/metals/CA/specs/in-force?on=2025-01-01', {})).json<Json>();
      const { metal: _m, version: _v, ...body } = current;
      await call('POST', '/api/v1/metals/CA/specs', as(s.exchange), { ...body, effectiveFrom: '2027-01-01' });
    }],
    ['POST /api/v1/chemistry/checks', async () => {
      const sub = submissionFor(s.brand);
      await call('POST', '/api/v1/chemistry/checks', {}, { metal: 'AH', productionDate: sub.productionDate, analysis: sub.chemistry });
    }],
    ['POST /api/v1/brands', async () => {
      s.listed = (
        await call('POST', '/api/v1/brands', as(s.exchange), {
          code: 'AUDCLN',
          name: 'Audit Clean Copper',
          metal: 'CA',
          producerOrgId: s.producerOrg,
          plant: { name: 'Clean Plant', country: 'CL' },
          shapes: ['cathodes'],
        })
      ).json<Json>();
    }],
    ['PATCH /api/v1/brands/:brand', async () => {
      await call('PATCH', `/api/v1/brands/${s.listed.id}`, as(s.exchange), { name: 'Audit Clean Copper Cathode' });
    }],
    ['POST /api/v1/brands/:brand/status-changes', async () => {
      await call('POST', `/api/v1/brands/${s.listed.id}/status-changes`, as(s.exchange), { status: 'suspended', reason: 'Sampling under review' });
      await call('POST', `/api/v1/brands/${s.listed.id}/status-changes`, as(s.exchange), { status: 'listed', reason: 'Review closed' });
    }],
    ['POST /api/v1/certificates', async () => {
      s.cert = (await call('POST', '/api/v1/certificates', as(s.producer), submissionFor(s.brand))).json<Json>();
      await call('POST', '/api/v1/certificates', as(s.producer), submissionFor(s.brand, { productionDate: '2099-01-01' })); // rejected
      s.viaKey = (await call('POST', '/api/v1/certificates', { authorization: `Bearer ${s.key.key}` }, submissionFor(s.brand))).json<Json>();
    }],
    ['POST /api/v1/certificates/:id/amendments', async () => {
      const sub = submissionFor(s.brand, { pcr: s.cert.pcr, remarks: 'Corrected remarks' });
      await call('POST', `/api/v1/certificates/${s.cert.id}/amendments`, as(s.producer), { reason: 'Remarks corrected', certificate: sub });
    }],
    ['POST /api/v1/certificates/:id/revocation', async () => {
      await call('POST', `/api/v1/certificates/${s.viaKey.id}/revocation`, as(s.exchange), { reason: 'Issued in error' });
    }],
    ['POST /api/v1/imports', async () => {
      const lines = [submissionFor(s.brand), submissionFor(s.brand)].map((x) => JSON.stringify(x)).join('\n');
      const m = multipart('casts.ndjson', lines);
      await call('POST', '/api/v1/imports', { ...m.headers, cookie: s.producer.cookie }, m.payload);
      await importRunner(ctx).idle();
    }],
    ['POST /api/v1/verify', async () => {
      const jwt = (await call('GET', `/api/v1/certificates/${s.cert.id}/credential`, as(s.producer))).body;
      await call('POST', '/api/v1/verify', {}, { credential: jwt });
    }],
    ['POST /api/v1/verify/pdf', async () => {
      const pdf = (await call('GET', `/api/v1/certificates/${s.cert.id}/pdf`, as(s.producer))).rawPayload;
      const m = multipart('cert.pdf', pdf);
      await call('POST', '/api/v1/verify/pdf', m.headers, m.payload);
    }],
    ['POST /api/v1/organisations/:orgId/keys/rotation', async () => {
      await call('POST', `/api/v1/organisations/${s.producerOrg}/keys/rotation`, as(s.producer));
      await call('POST', '/api/v1/certificates', as(s.producer), submissionFor(s.brand)); // signed by the new key
    }],
    ['POST /api/v1/log/witnesses', async () => {
      s.witness = { name: 'witness.example/clean', privateKey: privateKeyFromPkcs8(generateEd25519().privateKeyPkcs8) };
      await call('POST', '/api/v1/log/witnesses', as(s.exchange), { name: s.witness.name, verifierKey: encodeCosignatureVerifierKey(s.witness.name, s.witness.privateKey) });
    }],
    ['POST /api/v1/log/cosignatures', async () => {
      const note = (await call('GET', '/log/checkpoint', {})).body;
      const body = note.slice(0, note.indexOf('\n\n') + 1);
      const line = cosign(body, Math.floor(Date.now() / 1000), s.witness).line.trimEnd();
      await call('POST', '/api/v1/log/cosignatures', {}, { size: Number(body.split('\n')[1]), witness: s.witness.name, signatureLine: line });
    }],
    ['PUT /api/v1/sustainability/reference/topics/:code', async () => {
      await call('PUT', '/api/v1/sustainability/reference/topics/biodiversity_offsets', as(s.exchange), { name: 'Biodiversity offsets', pillar: 'environmental' });
    }],
    ['PUT /api/v1/sustainability/reference/standards/:code', async () => {
      await call('PUT', '/api/v1/sustainability/reference/standards/TEST-STD', as(s.exchange), {
        name: 'Test standard',
        body: 'Test body',
        category: 'responsible_sourcing',
        metals: ['AH'],
        recognised: true,
        qualifiesForPremium: false,
      });
    }],
    ['PUT /api/v1/sustainability/reference/methodologies/:metal', async () => {
      await call('PUT', '/api/v1/sustainability/reference/methodologies/AH', as(s.exchange), { code: 'IAI-CF', name: 'IAI carbon footprint', body: 'International Aluminium Institute' });
    }],
    ['PUT /api/v1/sustainability/reference/premium-thresholds/:metal', async () => {
      await call('PUT', '/api/v1/sustainability/reference/premium-thresholds/AH', as(s.exchange), { maxTco2ePerTonne: '10', requiresRecognisedStandard: true });
    }],
    ['PUT /api/v1/sustainability/reference/settings', async () => {
      const ref = (await call('GET', '/api/v1/sustainability/reference', {})).json<Json>();
      await call('PUT', '/api/v1/sustainability/reference/settings', as(s.exchange), ref.settings);
    }],
    ['POST /api/v1/evidence-files', async () => {
      s.evidence = (
        await call('POST', '/api/v1/evidence-files', as(s.producer), { filename: 'iso14001.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF iso').toString('base64') })
      ).json<Json>();
    }],
    ['POST /api/v1/brands/:brand/sourcing-tracks', async () => {
      await call('POST', `/api/v1/brands/${s.brand.code}/sourcing-tracks`, as(s.producer), { track: 'A', effectiveFrom: '2025-04-01', standardCode: 'ASI-PS', evidenceFileIds: [s.evidence.id] });
    }],
    ['POST /api/v1/brands/:brand/sourcing-compliance', async () => {
      await call('POST', `/api/v1/brands/${s.brand.code}/sourcing-compliance`, as(s.exchange), { status: 'compliant', reason: 'Track A with a recognised standard' });
    }],
    ['POST /api/v1/disclosures', async () => {
      s.disclosure = (
        await call('POST', '/api/v1/disclosures', as(s.producer), {
          level: 'company',
          topic: 'water',
          kind: 'metric',
          title: 'Fresh water withdrawal',
          value: '2.75',
          unit: 'm3/t',
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
          auditorOrgId: s.auditorOrg,
          evidenceFileIds: [s.evidence.id],
        })
      ).json<Json>();
    }],
    ['POST /api/v1/disclosures/:disclosureId/attestations', async () => {
      await call('POST', `/api/v1/disclosures/${s.disclosure.id}/attestations`, as(s.auditor), { statement: 'Limited assurance per ISAE 3000' });
    }],
    ['POST /api/v1/brands/:brand/cbam-reports', async () => {
      await call('POST', `/api/v1/brands/${s.brand.code}/cbam-reports`, as(s.producer), CBAM_REPORT);
    }],
    ['POST /api/v1/brands/:brand/cbam-reports/excel', async () => {
      const form = await filledCbamForm({ ...CBAM_REPORT, periodStart: '2025-01-01', periodEnd: '2025-12-31', brandCode: s.brand.code });
      await call('POST', `/api/v1/brands/${s.brand.code}/cbam-reports/excel`, as(s.producer), { contentBase64: form.toString('base64') });
    }],
    ['PUT /api/v1/brands/:brand/cbam-visibility', async () => {
      await call('PUT', `/api/v1/brands/${s.brand.code}/cbam-visibility`, as(s.producer), { published: true });
      await call('PUT', `/api/v1/brands/${s.brand.code}/cbam-visibility`, as(s.producer), { published: false });
    }],
    ['POST /api/v1/brands/:brand/cbam-grants', async () => {
      s.grant = (await call('POST', `/api/v1/brands/${s.brand.code}/cbam-grants`, as(s.producer), { organisationId: s.traderOrg, reason: 'Buyer of 2026 tonnage' })).json<Json>();
    }],
    ['POST /api/v1/brands/:brand/cbam-grants/:grantId/revocation', async () => {
      await call('POST', `/api/v1/brands/${s.brand.code}/cbam-grants/${s.grant.id}/revocation`, as(s.exchange), { reason: 'Contract ended' });
    }],
    ['POST /api/v1/calendar/closures', async () => {
      s.closure = (await call('POST', '/api/v1/calendar/closures', as(s.exchange), { date: '2027-06-16', kind: 'closure', name: 'Audit test closure', effectiveFrom: '2026-12-01' })).json<Json>();
    }],
    ['POST /api/v1/calendar/closures/:closureId/withdrawal', async () => {
      await call('POST', `/api/v1/calendar/closures/${s.closure.id}/withdrawal`, as(s.exchange), { reason: 'Announced in error' });
    }],
    ['POST /api/v1/carries/quote', async () => {
      await call('POST', '/api/v1/carries/quote', {}, { metal: 'CA', tradeDate: '2024-03-22', direction: 'lend', lots: 1, near: '2024-05-13', far: '2024-05-28', nearPrice: '6295', farPrice: '6289.45' });
    }],
    ['POST /api/v1/carries/roll', async () => {
      await call('POST', '/api/v1/carries/roll', {}, {
        metal: 'CA',
        rollDate: '2024-03-22',
        target: '2024-05-28',
        positions: [
          { tradeDate: '2024-02-13', prompt: '2024-05-13', side: 'buy', lots: 1, price: '6100' },
          { tradeDate: '2024-02-28', prompt: '2024-05-28', side: 'sell', lots: 2, price: '6450' },
        ],
        marks: { '2024-05-13': '6295', '2024-05-28': '6289.45' },
      });
    }],
    ['PUT /api/v1/locations/:code', async () => {
      await call('PUT', '/api/v1/locations/GDANSK', as(s.exchange), { name: 'Gdańsk', country: 'PL', timeZone: 'Europe/Warsaw', currency: 'PLN', calendar: 'exchange', metals: ['CA', 'ZS'], approvedFrom: null });
    }],
    ['POST /api/v1/rent-caps', async () => {
      await call('POST', '/api/v1/rent-caps', as(s.exchange), { location: 'HONGKONG', metal: 'AH', effectiveFrom: '2026-04-01', rentUsdPerTonneDay: '0.67', fotPerTonne: '480', fotCurrency: 'HKD' });
    }],
    ['POST /api/v1/facilities', async () => {
      s.warehouseOrg = (await makeOrg(db(), 'warehouse')).id;
      s.warehouse = await makeUser(ctx, s.warehouseOrg, 'member');
      s.facility = (
        await call('POST', '/api/v1/facilities', as(s.exchange), { warehouseOrgId: s.warehouseOrg, location: 'HONGKONG', name: 'Clean shed', metals: ['AH'], minDailyLoadOutTonnes: '60', approvedFrom: '2025-02-01' })
      ).json<Json>();
    }],
    ['POST /api/v1/receipts', async () => {
      const castOwner = { producer: s.producer, brand: s.brand } as unknown as WarehouseWorld;
      const casts = [await issueCast(app, castOwner, 5, '2500', '2026-03-01'), await issueCast(app, castOwner, 5, '2500', '2026-03-01')];
      const others = [await issueCast(app, castOwner, 5, '2500', '2026-03-01'), await issueCast(app, castOwner, 5, '2500', '2026-03-01')];
      s.receipt = (
        await call('POST', '/api/v1/receipts', as(s.warehouse), {
          facilityId: s.facility.id,
          depositorOrgId: s.traderOrg,
          brand: s.brand.code,
          shape: s.brand.shapes[0],
          originCountry: 'CL',
          receivedOn: '2026-11-20',
          bundles: [...lotRows('A', ...casts), ...lotRows('B', ...others)],
        })
      ).json<Json>();
    }],
    ['POST /api/v1/warrants', async () => {
      s.trader = await makeUser(ctx, s.traderOrg, 'member');
      const [a, b] = s.receipt.lots;
      s.warrant = (await call('POST', '/api/v1/warrants', as(s.warehouse), { lotId: a.id })).json<Json>();
      s.second = (await call('POST', '/api/v1/warrants', as(s.warehouse), { lotId: b.id })).json<Json>();
    }],
    ['POST /api/v1/warrants/transfers', async () => {
      await call('POST', '/api/v1/warrants/transfers', as(s.trader), { warrantIds: [s.warrant.id], toOrgId: s.producerOrg });
    }],
    ['POST /api/v1/warrant-swaps', async () => {
      s.swap = (await call('POST', '/api/v1/warrant-swaps', as(s.producer), { counterpartyOrgId: s.traderOrg, give: [s.warrant.id], take: [s.second.id] })).json<Json>();
      s.withdrawn = (await call('POST', '/api/v1/warrant-swaps', as(s.producer), { counterpartyOrgId: s.traderOrg, give: [s.warrant.id], take: [s.second.id] })).json<Json>();
      s.declined = (await call('POST', '/api/v1/warrant-swaps', as(s.producer), { counterpartyOrgId: s.traderOrg, give: [s.warrant.id], take: [s.second.id] })).json<Json>();
    }],
    ['POST /api/v1/warrant-swaps/:swapId/withdrawal', async () => {
      await call('POST', `/api/v1/warrant-swaps/${s.withdrawn.id}/withdrawal`, as(s.producer));
    }],
    ['POST /api/v1/warrant-swaps/:swapId/declination', async () => {
      await call('POST', `/api/v1/warrant-swaps/${s.declined.id}/declination`, as(s.trader));
    }],
    ['POST /api/v1/warrant-swaps/:swapId/acceptance', async () => {
      await call('POST', `/api/v1/warrant-swaps/${s.swap.id}/acceptance`, as(s.trader));
    }],
    ['POST /api/v1/warrants/:warrantId/cancellation', async () => {
      await call('POST', `/api/v1/warrants/${s.warrant.id}/cancellation`, as(s.trader), {});
      await call('POST', `/api/v1/warrants/${s.second.id}/cancellation`, as(s.producer), {});
    }],
    ['POST /api/v1/warrants/:warrantId/rewarranting', async () => {
      await call('POST', `/api/v1/warrants/${s.second.id}/rewarranting`, as(s.warehouse), { reason: 'Holder changed its mind' });
    }],
    ['POST /api/v1/warrants/:warrantId/load-out', async () => {
      await call('POST', `/api/v1/warrants/${s.warrant.id}/load-out`, as(s.warehouse), { reference: 'Truck 1' });
    }],
    ['POST /api/v1/warrants/:warrantId/corrections', async () => {
      await call('POST', `/api/v1/warrants/${s.second.id}/corrections`, as(s.exchange), { reason: 'Holder restored after an erroneous transfer', holderOrgId: s.traderOrg });
    }],
    // Electronic receipts, pledges, prices and collateral terms (#19).
    ['POST /api/v1/e-receipts', async () => {
      const castOwner = { producer: s.producer, brand: s.brand } as unknown as WarehouseWorld;
      const lot = async () => [await issueCast(app, castOwner, 5, '2500', '2026-03-01'), await issueCast(app, castOwner, 5, '2500', '2026-03-01')];
      const r = (
        await call('POST', '/api/v1/receipts', as(s.warehouse), {
          facilityId: s.facility.id,
          depositorOrgId: s.traderOrg,
          brand: s.brand.code,
          shape: s.brand.shapes[0],
          originCountry: 'CL',
          receivedOn: '2026-11-20',
          bundles: [...lotRows('E1', ...(await lot())), ...lotRows('E2', ...(await lot())), ...lotRows('E3', ...(await lot()))],
        })
      ).json<Json>();
      const issue = async (ref: string) => (await call('POST', '/api/v1/e-receipts', as(s.warehouse), { lotId: r.lots.find((l: Json) => l.lotRef === ref).id })).json<Json>();
      s.er1 = await issue('E1');
      s.er2 = await issue('E2');
      s.er3 = await issue('E3');
    }],
    ['POST /api/v1/e-receipts/transfers', async () => {
      await call('POST', '/api/v1/e-receipts/transfers', as(s.trader), { eReceiptIds: [s.er3.id], toOrgId: s.producerOrg });
    }],
    ['POST /api/v1/e-receipts/:eReceiptId/conversion', async () => {
      await call('POST', `/api/v1/e-receipts/${s.er1.id}/conversion`, as(s.warehouse));
    }],
    ['POST /api/v1/e-receipts/:eReceiptId/delivery', async () => {
      await call('POST', `/api/v1/e-receipts/${s.er3.id}/delivery`, as(s.warehouse), { reference: 'Truck 7' });
    }],
    ['POST /api/v1/prices', async () => {
      await call('POST', '/api/v1/prices', as(s.exchange), { prices: [{ date: '2026-12-01', metal: 'AH', prompt: 'cash', price: '2450.25' }, { date: '2026-12-01', metal: 'AH', prompt: '3M', price: '2471' }] });
    }],
    ['POST /api/v1/prices/upload', async () => {
      const csv = 'date,metal,prompt,price,currency\r\n2026-12-02,AH,cash,2461.5,USD\r\n';
      await call('POST', '/api/v1/prices/upload', as(s.exchange), { filename: 'official.csv', contentBase64: Buffer.from(csv).toString('base64') });
    }],
    ['PUT /api/v1/collateral/terms', async () => {
      s.lenderOrg = (await makeOrg(db(), 'lender')).id;
      s.lender = await makeUser(ctx, s.lenderOrg, 'member');
      await call('PUT', '/api/v1/collateral/terms', as(s.lender), { haircutsPct: { AH: '14.5' }, ltvAlertPct: '75' });
    }],
    ['POST /api/v1/pledges', async () => {
      const body = (assets: string[]) => ({ assets, lenderOrgId: s.lenderOrg, amount: '45000', currency: 'USD', reference: 'Audit facility', maturity: '2099-12-31' });
      s.pledge = (await call('POST', '/api/v1/pledges', as(s.trader), body([s.second.id, s.er2.id]))).json<Json>();
      s.toDecline = (await call('POST', '/api/v1/pledges', as(s.trader), body([s.er2.id]))).json<Json>();
      s.toWithdraw = (await call('POST', '/api/v1/pledges', as(s.trader), body([s.second.id]))).json<Json>();
    }],
    ['POST /api/v1/pledges/:pledgeId/acceptance', async () => {
      await call('POST', `/api/v1/pledges/${s.pledge.id}/acceptance`, as(s.lender));
    }],
    ['POST /api/v1/pledges/:pledgeId/declination', async () => {
      await call('POST', `/api/v1/pledges/${s.toDecline.id}/declination`, as(s.lender), { reason: 'Outside our limits' });
    }],
    ['POST /api/v1/pledges/:pledgeId/withdrawal', async () => {
      await call('POST', `/api/v1/pledges/${s.toWithdraw.id}/withdrawal`, as(s.trader), {});
    }],
    ['POST /api/v1/pledges/:pledgeId/consents', async () => {
      await call('POST', `/api/v1/pledges/${s.pledge.id}/consents`, as(s.lender), { assetId: s.second.id, action: 'transfer', toOrgId: s.producerOrg });
      await call('POST', '/api/v1/warrants/transfers', as(s.trader), { warrantIds: [s.second.id], toOrgId: s.producerOrg });
    }],
    ['POST /api/v1/pledges/:pledgeId/release', async () => {
      await call('POST', `/api/v1/pledges/${s.pledge.id}/release`, as(s.lender), { reason: 'Repaid' });
    }],
    ['POST /api/v1/pledges/:pledgeId/enforcement', async () => {
      const p = (await call('POST', '/api/v1/pledges', as(s.trader), { assets: [s.er2.id], lenderOrgId: s.lenderOrg, amount: '20000', currency: 'USD', reference: 'Second', maturity: '2099-12-31' })).json<Json>();
      await call('POST', `/api/v1/pledges/${p.id}/acceptance`, as(s.lender));
      await call('POST', `/api/v1/pledges/${p.id}/enforcement`, as(s.lender), { reason: 'Default' });
    }],
    ['DELETE /api/v1/sessions/current', async () => {
      await call('DELETE', '/api/v1/sessions/current', { cookie: s.session });
    }],
  ];

  it('has a scenario for every route that changes anything', () => {
    const mutating = routeTable(app)
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.url}`);
    const covered = new Set(SCENARIOS.map(([k]) => k));
    expect(mutating.filter((k) => !covered.has(k))).toEqual([]);
    expect([...covered].filter((k) => !mutating.includes(k))).toEqual([]);
  });

  it('drives them all, and the audit then finds nothing', async () => {
    for (const [, run] of SCENARIOS) await run();
    const result = await runAudit(ctx);
    expect(result.findings.map((f) => `${f.code} ${f.record}`)).toEqual([]);
    expect(result.records.certificate).toBeGreaterThanOrEqual(6);
    expect(result.records.brand).toBeGreaterThanOrEqual(2);
  });
});
