import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { ORG_KINDS, ROLES, SCOPES_BY_KIND, type OrgKind, type Role, type Scope } from '../../src/access/principal.ts';
import { routeTable, type App } from '../../src/platform/http.ts';
import { insertJob } from '../../src/imports/repo.ts';
import { describeEngines } from '../engines.ts';
import { makeApiKey, makeBrand, makeOrg, makeUser, submissionFor, testApp, type TestUser } from '../factories.ts';
import { issueCast, lotRows, type WarehouseWorld } from '../fixtures/warehouse.ts';

// Every route × every kind of caller: anonymous, a user of each organisation kind in each role, a
// user of a second producer, and API keys (every scope the kind may hold, read only; a key with a
// scope its kind may not hold is refused outright, see security-two.test.ts). The expectations are written
// out here, independently of src/access/permissions.ts, so a change to either shows up.

interface Who {
  label: string;
  anonymous?: boolean;
  kind?: OrgKind;
  role?: Role;
  /** 'target' = the producer that owns the brand/certificate/keys under test. */
  org?: 'target' | 'other';
  key?: Scope[];
}

type Expect = (w: Who) => boolean;
const anyone: Expect = () => true;
const users = (minRole: Role, kinds?: OrgKind[]): Expect => (w) =>
  !w.anonymous && !w.key && (!kinds || kinds.includes(w.kind!)) && ROLES.indexOf(w.role!) <= ROLES.indexOf(minRole);
const keys = (scope: Scope, kinds?: OrgKind[]): Expect => (w) =>
  !!w.key && (!kinds || kinds.includes(w.kind!)) && (w.key.includes(scope) || w.key.includes('admin'));
const either = (...fs: Expect[]): Expect => (w) => fs.some((f) => f(w));
const both = (...fs: Expect[]): Expect => (w) => fs.every((f) => f(w));
const exchangeOrTarget: Expect = (w) => w.kind === 'exchange' || (w.kind === 'producer' && w.org === 'target');
const reader = either(users('viewer'), keys('read'));
// Pledges: holders propose, lenders and the clearing house take them; the matrix's pledge is the
// warehouse's (it holds the pledged electronic receipt) to the matrix's lender, accepted. A second
// lender ('other') must never see it.
const PLEDGERS: OrgKind[] = ['producer', 'warehouse', 'trader', 'lender', 'end_user', 'clearing_house'];
const TAKERS: OrgKind[] = ['lender', 'clearing_house'];
const pledgeDoor = either(users('member', PLEDGERS), keys('pledges:write', PLEDGERS));
const matrixLender: Expect = (w) => w.kind === 'lender' && w.org !== 'other';
const pledgeParty: Expect = (w) => w.kind === 'exchange' || w.kind === 'warehouse' || matrixLender(w);

const EXPECTED: Record<string, Expect> = {
  'GET /healthz': anyone,
  'GET /readyz': anyone,
  'GET /metrics': anyone,
  'GET /openapi.json': anyone,
  'GET /': anyone,
  'GET /docs': anyone,
  'GET /docs/': anyone,
  'GET /docs/static/*': anyone,
  'GET /docs/static/index.html': anyone,
  'GET /docs/static/swagger-initializer.js': anyone,
  'GET /docs/json': anyone,
  'GET /docs/yaml': anyone,
  'GET /docs/*': anyone,
  'POST /api/v1/sessions': anyone,
  'DELETE /api/v1/sessions/current': users('viewer'),
  'GET /api/v1/me': reader,
  'GET /api/v1/organisations': reader,
  'GET /api/v1/organisation-directory': reader,
  'POST /api/v1/organisations': either(users('admin', ['exchange']), keys('admin', ['exchange'])),
  'GET /api/v1/organisations/:orgId': both(reader, exchangeOrTarget),
  'GET /api/v1/organisations/:orgId/users': both(either(users('admin'), keys('admin')), exchangeOrTarget),
  'POST /api/v1/organisations/:orgId/users': both(either(users('admin'), keys('admin')), exchangeOrTarget),
  'DELETE /api/v1/organisations/:orgId/users/:userId': both(either(users('admin'), keys('admin')), exchangeOrTarget),
  // Signed-in administrators only: a key cannot lift a lock that guards against guessing.
  'DELETE /api/v1/organisations/:orgId/users/:userId/sign-in-lock': both(users('admin'), exchangeOrTarget),
  'POST /api/v1/invitations/acceptance': anyone,
  'GET /api/v1/api-keys': users('admin'),
  'POST /api/v1/api-keys': users('admin'),
  'DELETE /api/v1/api-keys/:keyId': both(users('admin'), (w) => w.kind === 'producer' && w.org === 'target'),
  'DELETE /api/v1/api-keys/:keyId/lock': both(users('admin'), (w) => w.kind === 'producer' && w.org === 'target'),
  'GET /api/v1/metals': anyone,
  'GET /api/v1/metals/:metal/specs': anyone,
  'GET /api/v1/metals/:metal/specs/in-force': anyone,
  'POST /api/v1/metals/:metal/specs': either(users('member', ['exchange']), keys('specs:write', ['exchange'])),
  'POST /api/v1/chemistry/checks': anyone,
  'GET /api/v1/brands': anyone,
  'POST /api/v1/brands': either(users('member', ['exchange']), keys('brands:write', ['exchange'])),
  'GET /api/v1/brands/:brand': anyone,
  'PATCH /api/v1/brands/:brand': either(users('member', ['exchange']), keys('brands:write', ['exchange'])),
  'POST /api/v1/brands/:brand/status-changes': either(users('member', ['exchange']), keys('brands:write', ['exchange'])),
  'GET /api/v1/brands/:brand/status-history': anyone,
  'POST /api/v1/certificates': either(users('member', ['producer']), keys('certificates:write', ['producer'])),
  // Signed-in callers list what they may read; anonymous callers only look one up by number (401 without it).
  'GET /api/v1/certificates': (w) => !w.anonymous,
  'GET /api/v1/certificates/:id': anyone,
  'GET /api/v1/brands/:brand/certificates/:pcr': anyone,
  'GET /api/v1/certificates/:id/versions': exchangeOrTarget,
  'GET /api/v1/certificates/:id/versions/:version': exchangeOrTarget,
  'POST /api/v1/certificates/:id/amendments': both(
    either(users('member', ['producer']), keys('certificates:write', ['producer'])),
    (w) => w.org === 'target',
  ),
  'POST /api/v1/certificates/:id/revocation': both(
    either(users('member', ['producer', 'exchange']), keys('certificates:write', ['producer', 'exchange'])),
    exchangeOrTarget,
  ),
  'GET /api/v1/certificates/:id/credential': exchangeOrTarget,
  'GET /api/v1/certificates/:id/proof': anyone,
  'GET /api/v1/certificates/:id/verification': anyone,
  'POST /api/v1/verify': anyone,
  'GET /api/v1/trust': anyone,
  'GET /api/v1/jwks': anyone,
  'GET /.well-known/did.json': anyone,
  'GET /orgs/:orgId/did.json': anyone,
  'GET /status/:orgId/revocation/:listNo': anyone,
  'GET /schemas/certificate-subject/v1.json': anyone,
  'GET /log/checkpoint': anyone,
  'GET /log/tile/*': anyone,
  'GET /api/v1/log/entries/:index': anyone,
  'GET /api/v1/log/proofs/inclusion': anyone,
  'GET /api/v1/log/proofs/consistency': anyone,
  'GET /api/v1/log/witnesses': anyone,
  'POST /api/v1/log/witnesses': either(users('admin', ['exchange']), keys('admin', ['exchange'])),
  'POST /api/v1/log/cosignatures': anyone,
  'POST /api/v1/organisations/:orgId/keys/rotation': both(either(users('admin'), keys('admin')), exchangeOrTarget),
  'GET /api/v1/certificates/:id/pdf': exchangeOrTarget,
  'POST /api/v1/verify/pdf': anyone,
  'GET /api/v1/sessions/current': anyone,
  'GET /*': anyone,
  'GET /api/v1/audit-events': both(reader, (w) => w.kind === 'exchange' || w.kind === 'auditor'),
  // Bulk import (test/http/imports.test.ts goes deeper). The matrix POSTs JSON, which the upload answers 415.
  'POST /api/v1/imports': either(users('member', ['producer']), keys('certificates:write', ['producer'])),
  'GET /api/v1/imports': either(users('viewer', ['producer', 'exchange']), keys('read', ['producer', 'exchange'])),
  'GET /api/v1/imports/:importId': both(either(users('viewer', ['producer', 'exchange']), keys('read', ['producer', 'exchange'])), exchangeOrTarget),
  'GET /api/v1/imports/:importId/errors': both(either(users('viewer', ['producer', 'exchange']), keys('read', ['producer', 'exchange'])), exchangeOrTarget),
  'GET /api/v1/import-templates/:metal': anyone,
  // Sustainability (test/http/sustainability-authz.test.ts goes deeper, with CBAM data and grants).
  'GET /api/v1/sustainability/reference': anyone,
  'PUT /api/v1/sustainability/reference/topics/:code': either(users('member', ['exchange']), keys('brands:write', ['exchange'])),
  'PUT /api/v1/sustainability/reference/standards/:code': either(users('member', ['exchange']), keys('brands:write', ['exchange'])),
  'PUT /api/v1/sustainability/reference/methodologies/:metal': either(users('member', ['exchange']), keys('brands:write', ['exchange'])),
  'PUT /api/v1/sustainability/reference/premium-thresholds/:metal': either(users('member', ['exchange']), keys('brands:write', ['exchange'])),
  'PUT /api/v1/sustainability/reference/settings': either(users('member', ['exchange']), keys('brands:write', ['exchange'])),
  'POST /api/v1/evidence-files': either(users('member', ['producer']), keys('sustainability:write', ['producer'])),
  'GET /api/v1/evidence-files/:fileId': anyone,
  'POST /api/v1/brands/:brand/sourcing-tracks': either(users('member', ['producer']), keys('sustainability:write', ['producer'])),
  'GET /api/v1/brands/:brand/sourcing': anyone,
  'GET /api/v1/sourcing-compliance': anyone,
  'POST /api/v1/brands/:brand/sourcing-compliance': either(users('member', ['exchange']), keys('brands:write', ['exchange'])),
  'POST /api/v1/disclosures': either(users('member', ['producer']), keys('sustainability:write', ['producer'])),
  'GET /api/v1/disclosures': anyone,
  'GET /api/v1/disclosures/:disclosureId': anyone,
  'POST /api/v1/disclosures/:disclosureId/attestations': either(users('member', ['auditor']), keys('sustainability:write', ['auditor'])),
  'GET /api/v1/producers/:orgId/profile': anyone,
  'GET /api/v1/sustainability/comparison': anyone,
  'GET /api/v1/brands/:brand/premium-eligibility': anyone,
  'GET /api/v1/cbam-reports/template': anyone,
  'GET /api/v1/cbam-reports': anyone,
  'POST /api/v1/brands/:brand/cbam-reports': either(users('member', ['producer']), keys('cbam:write', ['producer'])),
  'POST /api/v1/brands/:brand/cbam-reports/excel': either(users('member', ['producer']), keys('cbam:write', ['producer'])),
  // The warehouse stores (and here holds) the brand's metal on warrant: the metal's owner and its warehouse read its CBAM data.
  'GET /api/v1/brands/:brand/cbam-reports': either(exchangeOrTarget, both(reader, (w) => w.kind === 'warehouse')),
  'PUT /api/v1/brands/:brand/cbam-visibility': either(users('member', ['producer']), keys('cbam:write', ['producer'])),
  'GET /api/v1/brands/:brand/cbam-grants': both(reader, exchangeOrTarget),
  'POST /api/v1/brands/:brand/cbam-grants': either(users('member', ['producer', 'exchange']), keys('cbam:write', ['producer', 'exchange'])),
  'POST /api/v1/brands/:brand/cbam-grants/:grantId/revocation': either(
    users('member', ['producer', 'exchange']),
    keys('cbam:write', ['producer', 'exchange']),
  ),
  'GET /api/v1/certificates/:id/carbon': either(exchangeOrTarget, both(reader, (w) => w.kind === 'warehouse')),
  'GET /api/v1/cbam-exports': reader,
  // Delivery network, receipts and warrants (test/http/warrants.test.ts goes deeper). The matrix's
  // warrant is held by the warehouse that issued it (its depositor), so only it acts on it.
  'GET /api/v1/locations': anyone,
  'GET /api/v1/locations/:code': anyone,
  'PUT /api/v1/locations/:code': either(users('member', ['exchange']), keys('specs:write', ['exchange'])),
  'GET /api/v1/rent-caps': anyone,
  'POST /api/v1/rent-caps': either(users('member', ['exchange']), keys('specs:write', ['exchange'])),
  'GET /api/v1/facilities': anyone,
  'GET /api/v1/facilities/:facilityId': anyone,
  'POST /api/v1/facilities': either(users('member', ['exchange']), keys('specs:write', ['exchange'])),
  'GET /api/v1/facilities/:facilityId/queue': reader,
  'POST /api/v1/receipts': either(users('member', ['warehouse']), keys('warehouse:write', ['warehouse'])),
  // The matrix POSTs JSON, which the file upload answers 415 once the caller is let through.
  'POST /api/v1/receipts/file': either(users('member', ['warehouse']), keys('warehouse:write', ['warehouse'])),
  'GET /api/v1/receipt-templates': anyone,
  'GET /api/v1/receipts': reader,
  'GET /api/v1/receipts/:receiptId': both(reader, (w) => w.kind === 'exchange' || w.kind === 'warehouse'),
  'GET /api/v1/off-warrant-stock': both(reader, (w) => w.kind === 'exchange' || w.kind === 'warehouse'),
  'POST /api/v1/warrants': either(users('member', ['warehouse']), keys('warehouse:write', ['warehouse'])),
  'GET /api/v1/warrants': reader,
  'GET /api/v1/warrants/:warrantId': anyone,
  'GET /api/v1/warrants/:warrantId/credential': anyone,
  'GET /api/v1/warrants/:warrantId/proof': anyone,
  'GET /api/v1/warrants/:warrantId/verification': anyone,
  'GET /api/v1/warrants/:warrantId/pdf': anyone,
  'GET /api/v1/warrants/:warrantId/statements': both(reader, (w) => w.kind === 'exchange' || w.kind === 'warehouse'),
  'POST /api/v1/warrants/transfers': either(users('member'), keys('warrants:write')),
  'POST /api/v1/warrants/:warrantId/cancellation': both(either(users('member'), keys('warrants:write')), (w) => w.kind === 'warehouse'),
  'POST /api/v1/warrants/:warrantId/rewarranting': either(users('member', ['warehouse', 'exchange']), keys('warehouse:write', ['warehouse', 'exchange'])),
  'POST /api/v1/warrants/:warrantId/load-out': both(either(users('member', ['warehouse', 'exchange']), keys('warehouse:write', ['warehouse', 'exchange'])), (w) => w.kind === 'warehouse'),
  'POST /api/v1/warrants/:warrantId/corrections': either(users('member', ['exchange']), keys('warrants:write', ['exchange'])),
  'GET /api/v1/warrant-review': both(reader, (w) => w.kind === 'exchange'),
  'GET /api/v1/warrant-swaps': reader,
  'POST /api/v1/warrant-swaps': either(users('member'), keys('warrants:write')),
  'POST /api/v1/warrant-swaps/:swapId/acceptance': either(users('member'), keys('warrants:write')),
  'POST /api/v1/warrant-swaps/:swapId/declination': either(users('member'), keys('warrants:write')),
  'POST /api/v1/warrant-swaps/:swapId/withdrawal': either(users('member'), keys('warrants:write')),
  'GET /schemas/warrant-subject/v1.json': anyone,
  'GET /schemas/warrant-statement/v1.json': anyone,
  // Rent (test/http/rent.test.ts goes deeper). The matrix's statement is the trader's, over a warrant
  // the matrix's warehouse stores: its holder, its warehouse and the exchange read it, nobody else.
  'GET /api/v1/rent/settings': anyone,
  'GET /api/v1/rent/caps': anyone,
  'GET /api/v1/rent/tariffs': anyone,
  'GET /api/v1/rent/tariffs/:tariffId': anyone,
  'POST /api/v1/rent/tariffs': either(users('member', ['warehouse']), keys('warehouse:write', ['warehouse'])),
  'GET /api/v1/rent/outstanding': reader,
  'GET /api/v1/rent/statements': reader,
  'POST /api/v1/rent/statements': either(users('member'), keys('warrants:write')),
  'GET /api/v1/rent/statements/:statementId': both(reader, (w) => w.kind === 'trader' || w.kind === 'warehouse' || w.kind === 'exchange'),
  'GET /api/v1/rent/statements/:statementId/pdf': both(reader, (w) => w.kind === 'trader' || w.kind === 'warehouse' || w.kind === 'exchange'),
  'GET /api/v1/rent/statements/:statementId/xlsx': both(reader, (w) => w.kind === 'trader' || w.kind === 'warehouse' || w.kind === 'exchange'),
  'POST /api/v1/rent/statements/:statementId/endorsement': either(users('member', ['warehouse']), keys('warehouse:write', ['warehouse'])),
  'POST /api/v1/rent/statements/:statementId/withdrawal': both(either(users('member'), keys('warrants:write')), (w) => w.kind === 'trader'),
  'GET /api/v1/rent/fee-statements': either(users('viewer', ['exchange', 'warehouse']), keys('read', ['exchange', 'warehouse'])),
  // The matrix's fee statement is the exchange's own summary: no warehouse reads it.
  'GET /api/v1/rent/fee-statements/:feeStatementId': either(users('viewer', ['exchange']), keys('read', ['exchange'])),
  'GET /api/v1/rent/fee-preview': either(users('viewer', ['exchange', 'warehouse']), keys('read', ['exchange', 'warehouse'])),
  'POST /api/v1/rent/fee-statements': either(users('member', ['exchange']), keys('specs:write', ['exchange'])),
  'GET /schemas/rent-tariff/v1.json': anyone,
  'GET /schemas/rent-endorsement/v1.json': anyone,
  'GET /schemas/supervision-fee/v1.json': anyone,
  // Electronic receipts, pledges, collateral and prices (test/http/pledges.test.ts and collateral.test.ts go deeper).
  'POST /api/v1/e-receipts': either(users('member', ['warehouse']), keys('warehouse:write', ['warehouse'])),
  'GET /api/v1/e-receipts': reader,
  'GET /api/v1/e-receipts/:eReceiptId': anyone,
  'GET /api/v1/e-receipts/:eReceiptId/credential': anyone,
  'GET /api/v1/e-receipts/:eReceiptId/statements': both(reader, (w) => w.kind === 'exchange' || w.kind === 'warehouse'),
  'POST /api/v1/e-receipts/transfers': either(users('member'), keys('warrants:write')),
  'POST /api/v1/e-receipts/:eReceiptId/conversion': either(users('member', ['warehouse']), keys('warehouse:write', ['warehouse'])),
  'POST /api/v1/e-receipts/:eReceiptId/delivery': either(users('member', ['warehouse']), keys('warehouse:write', ['warehouse'])),
  'POST /api/v1/pledges': pledgeDoor,
  'GET /api/v1/pledges': reader,
  'GET /api/v1/pledges/:pledgeId': both(reader, pledgeParty),
  'GET /api/v1/pledges/:pledgeId/statements': both(reader, pledgeParty),
  'POST /api/v1/pledges/:pledgeId/acceptance': both(pledgeDoor, matrixLender),
  'POST /api/v1/pledges/:pledgeId/declination': both(pledgeDoor, matrixLender),
  'POST /api/v1/pledges/:pledgeId/withdrawal': both(pledgeDoor, (w) => w.kind === 'warehouse'),
  // A body is required: every caller the door admits gets its 400 before the pledge is looked at.
  'POST /api/v1/pledges/:pledgeId/consents': pledgeDoor,
  'POST /api/v1/pledges/:pledgeId/release': both(pledgeDoor, matrixLender),
  'POST /api/v1/pledges/:pledgeId/enforcement': pledgeDoor,
  'GET /api/v1/holdings': reader,
  'GET /api/v1/assets/:assetId': anyone,
  'GET /api/v1/assets/:assetId/encumbrance': anyone,
  'GET /api/v1/collateral/terms': both(reader, (w) => TAKERS.includes(w.kind!)),
  'PUT /api/v1/collateral/terms': either(users('member', TAKERS), keys('pledges:write', TAKERS)),
  'GET /api/v1/collateral/book': both(reader, (w) => TAKERS.includes(w.kind!)),
  'POST /api/v1/prices': either(users('member', ['exchange']), keys('specs:write', ['exchange'])),
  'POST /api/v1/prices/upload': either(users('member', ['exchange']), keys('specs:write', ['exchange'])),
  'GET /api/v1/prices': anyone,
  'GET /api/v1/price-publications': anyone,
  'GET /api/v1/price-publications/:publicationId': anyone,
  'GET /schemas/e-receipt-subject/v1.json': anyone,
  'GET /schemas/e-receipt-statement/v1.json': anyone,
  'GET /schemas/pledge-statement/v1.json': anyone,
  'GET /schemas/price-publication/v1.json': anyone,
  // Market calendar and carries (test/http/market.test.ts goes deeper).
  'GET /api/v1/calendar/prompts': anyone,
  'GET /api/v1/calendar/business-days': anyone,
  'GET /api/v1/calendar/closures': anyone,
  'POST /api/v1/calendar/closures': either(users('member', ['exchange']), keys('specs:write', ['exchange'])),
  'POST /api/v1/calendar/closures/:closureId/withdrawal': either(users('member', ['exchange']), keys('specs:write', ['exchange'])),
  'POST /api/v1/carries/quote': anyone,
  'POST /api/v1/carries/roll': anyone,
  // Market reports (test/http/market-reports.test.ts goes deeper): the exchange publishes, anyone reads;
  // warehouses declare their off-warrant stock and read their own declarations (the exchange reads all).
  'GET /api/v1/market-reports': anyone,
  'POST /api/v1/market-reports': either(users('member', ['exchange']), keys('specs:write', ['exchange'])),
  'GET /api/v1/market-reports/stock-series': anyone,
  'GET /api/v1/market-reports/:reportId': anyone,
  'GET /api/v1/market-reports/:reportId/document': anyone,
  'GET /api/v1/market-reports/:reportId/credential': anyone,
  'GET /api/v1/market-reports/:reportId/proof': anyone,
  'GET /api/v1/market-reports/:reportId/verification': anyone,
  'GET /api/v1/market-reports/:reportId/export': anyone,
  'POST /api/v1/off-warrant-declarations': either(users('member', ['warehouse']), keys('warehouse:write', ['warehouse'])),
  'GET /api/v1/off-warrant-declarations': reader,
  'GET /schemas/market-report-subject/v1.json': anyone,
  'GET /schemas/off-warrant-declaration-subject/v1.json': anyone,
};

const RESTRICTED_CERT_FIELDS = ['content', 'pcr', 'chemistryCheck', 'reasons', 'producer', 'versions', 'warrantEligible'];

describeEngines('authorisation matrix', (db) => {
  let app: App;
  const who: (Who & { headers: Record<string, string> })[] = [];
  let params: Record<string, string>;
  let bodies: Record<string, unknown>;
  let matrixPledge: { id: string; number: string };

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    const ctx = built.ctx;
    const orgs = new Map<string, string>();
    for (const kind of ORG_KINDS) orgs.set(kind, (await makeOrg(db(), kind)).id);
    const target = orgs.get('producer')!;
    const other = (await makeOrg(db(), 'producer')).id;

    who.push({ label: 'anonymous', anonymous: true, headers: {} });
    for (const kind of ORG_KINDS) {
      const orgId = orgs.get(kind)!;
      for (const role of ROLES) {
        const u = await makeUser(ctx, orgId, role);
        who.push({ label: `${kind}/${role}`, kind, role, org: kind === 'producer' ? 'target' : undefined, headers: { cookie: u.cookie } });
      }
      for (const scopes of [[...SCOPES_BY_KIND[kind]], ['read']] as Scope[][]) {
        const key = await makeApiKey(db(), orgId, scopes);
        who.push({
          label: `${kind}/key[${scopes.join(',')}]`,
          kind,
          org: kind === 'producer' ? 'target' : undefined,
          key: scopes,
          headers: { authorization: `Bearer ${key}` },
        });
      }
    }
    for (const role of ROLES) {
      const u = await makeUser(ctx, other, role);
      who.push({ label: `other-producer/${role}`, kind: 'producer', role, org: 'other', headers: { cookie: u.cookie } });
    }
    const otherLender = (await makeOrg(db(), 'lender')).id;
    for (const role of ROLES) {
      const u = await makeUser(ctx, otherLender, role);
      who.push({ label: `other-lender/${role}`, kind: 'lender', role, org: 'other', headers: { cookie: u.cookie } });
    }
    for (const scopes of [[...SCOPES_BY_KIND.lender], ['read']] as Scope[][]) {
      const key = await makeApiKey(db(), otherLender, scopes);
      who.push({ label: `other-lender/key[${scopes.join(',')}]`, kind: 'lender', org: 'other', key: scopes, headers: { authorization: `Bearer ${key}` } });
    }

    const brand = await makeBrand(built.ctx, target, 'CA');
    const producerMember = who.find((w) => w.label === 'producer/member')!;
    const sub = submissionFor(brand);
    const issued = await app.inject({ method: 'POST', url: '/api/v1/certificates', headers: producerMember.headers, payload: sub });
    expect(issued.statusCode).toBe(201);
    const cert = issued.json<{ id: string; number: string }>();
    const victimKey = await app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: who.find((w) => w.label === 'producer/admin')!.headers,
      payload: { name: 'victim', scopes: ['read'] },
    });
    expect(victimKey.statusCode).toBe(201);

    // A warrant, issued by the matrix's warehouse to itself, over two casts of the target producer.
    const whAdmin = who.find((w) => w.label === 'warehouse/member')!;
    const exAdmin = who.find((w) => w.label === 'exchange/admin')!;
    const facility = await app.inject({
      method: 'POST',
      url: '/api/v1/facilities',
      headers: exAdmin.headers,
      payload: { warehouseOrgId: orgs.get('warehouse'), location: 'HONGKONG', name: 'Matrix shed', metals: ['CA'], minDailyLoadOutTonnes: '60', approvedFrom: '2025-02-01' },
    });
    expect(facility.statusCode, facility.body).toBe(201);
    const castOwner = { producer: { cookie: producerMember.headers.cookie! } as TestUser, brand } as unknown as WarehouseWorld;
    const casts = [await issueCast(app, castOwner), await issueCast(app, castOwner)];
    const receipt = await app.inject({
      method: 'POST',
      url: '/api/v1/receipts',
      headers: whAdmin.headers,
      payload: { facilityId: facility.json<{ id: string }>().id, brand: brand.code, shape: brand.shapes[0], originCountry: 'CL', receivedOn: '2026-11-20', bundles: lotRows('L', ...casts) },
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    const warrant = await app.inject({ method: 'POST', url: '/api/v1/warrants', headers: whAdmin.headers, payload: { lotId: receipt.json<{ lots: { id: string }[] }>().lots[0]!.id } });
    expect(warrant.statusCode, warrant.body).toBe(201);

    // Rent: a tariff for the shed, a second warrant held by the trader and its rent statement, and
    // the exchange's fee statement for a past month (no rent endorsed in it: its summary only).
    const tariff = await app.inject({
      method: 'POST',
      url: '/api/v1/rent/tariffs',
      headers: whAdmin.headers,
      payload: { facilityId: facility.json<{ id: string }>().id, metal: 'CA', rateYear: Number(new Date().toISOString().slice(0, 4)) - (new Date().getUTCMonth() < 3 ? 1 : 0), rentUsdPerTonneDay: '0.5' },
    });
    expect(tariff.statusCode, tariff.body).toBe(201);
    // Of another brand of the producer, so the trader's holding does not entitle it to the brand under test.
    const traderBrand = await makeBrand(built.ctx, target, 'CA');
    const traderCastOwner = { producer: { cookie: producerMember.headers.cookie! } as TestUser, brand: traderBrand } as unknown as WarehouseWorld;
    const traderCasts = [await issueCast(app, traderCastOwner), await issueCast(app, traderCastOwner)];
    const traderReceipt = await app.inject({
      method: 'POST',
      url: '/api/v1/receipts',
      headers: whAdmin.headers,
      payload: { facilityId: facility.json<{ id: string }>().id, depositorOrgId: orgs.get('trader'), brand: traderBrand.code, shape: traderBrand.shapes[0], originCountry: 'CL', receivedOn: '2026-11-20', bundles: lotRows('L', ...traderCasts) },
    });
    expect(traderReceipt.statusCode, traderReceipt.body).toBe(201);
    const traderWarrant = await app.inject({ method: 'POST', url: '/api/v1/warrants', headers: whAdmin.headers, payload: { lotId: traderReceipt.json<{ lots: { id: string }[] }>().lots[0]!.id } });
    expect(traderWarrant.statusCode, traderWarrant.body).toBe(201);
    const rentStatement = await app.inject({ method: 'POST', url: '/api/v1/rent/statements', headers: who.find((w) => w.label === 'trader/member')!.headers, payload: { all: true } });
    expect(rentStatement.statusCode, rentStatement.body).toBe(201);
    const feeStatements = await app.inject({ method: 'POST', url: '/api/v1/rent/fee-statements', headers: exAdmin.headers, payload: { from: '2020-01-01', to: '2020-01-31' } });
    expect(feeStatements.statusCode, feeStatements.body).toBe(201);
    // An electronic receipt the warehouse holds over a second lot, pledged to the matrix's lender and
    // accepted; and one publication of prices.
    const lotCasts = [await issueCast(app, castOwner), await issueCast(app, castOwner)];
    const receipt2 = await app.inject({
      method: 'POST',
      url: '/api/v1/receipts',
      headers: whAdmin.headers,
      payload: { facilityId: facility.json<{ id: string }>().id, brand: brand.code, shape: brand.shapes[0], originCountry: 'CL', receivedOn: '2026-11-20', bundles: lotRows('L', ...lotCasts) },
    });
    const eReceipt = await app.inject({ method: 'POST', url: '/api/v1/e-receipts', headers: whAdmin.headers, payload: { lotId: receipt2.json<{ lots: { id: string }[] }>().lots[0]!.id } });
    expect(eReceipt.statusCode, eReceipt.body).toBe(201);
    const eReceiptId = eReceipt.json<{ id: string }>().id;
    const pledge = await app.inject({
      method: 'POST',
      url: '/api/v1/pledges',
      headers: whAdmin.headers,
      payload: { assets: [eReceiptId], lenderOrgId: orgs.get('lender'), amount: '100000', currency: 'USD', reference: 'Matrix facility', maturity: '2099-12-31' },
    });
    expect(pledge.statusCode, pledge.body).toBe(201);
    matrixPledge = pledge.json<{ id: string; number: string }>();
    const accepted = await app.inject({ method: 'POST', url: `/api/v1/pledges/${matrixPledge.id}/acceptance`, headers: who.find((w) => w.label === 'lender/member')!.headers });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const publication = await app.inject({ method: 'POST', url: '/api/v1/prices', headers: exAdmin.headers, payload: { prices: [{ date: '2026-12-01', metal: 'CA', prompt: 'cash', price: '9512.5' }] } });
    expect(publication.statusCode, publication.body).toBe(201);
    // A published market report (a past business day's stock report) for the report routes.
    const report = await app.inject({ method: 'POST', url: '/api/v1/market-reports', headers: exAdmin.headers, payload: { date: '2026-11-02', kinds: ['stock'] } });
    expect(report.statusCode, report.body).toBe(200);

    // A user of the target organisation for the removal route to remove (not one of the callers).
    const removable = await makeUser(ctx, target, 'viewer');
    params = {
      userId: removable.id,
      code: 'HONGKONG',
      facilityId: facility.json<{ id: string }>().id,
      receiptId: receipt.json<{ id: string }>().id,
      warrantId: warrant.json<{ id: string }>().id,
      tariffId: tariff.json<{ id: string }>().id,
      statementId: rentStatement.json<{ id: string }>().id,
      feeStatementId: feeStatements.json<{ items: { id: string }[] }>().items[0]!.id,
      traderCastIds: traderCasts.map((c) => c.id).join(','),
      eReceiptId,
      assetId: eReceiptId,
      pledgeId: matrixPledge.id,
      publicationId: publication.json<{ id: string }>().id,
      // The metal the warehouse stores on its warrant and under its electronic receipt.
      castIds: [...casts, ...traderCasts, ...lotCasts].map((c) => c.id).join(','),
      reportId: report.json<{ reports: { id: string }[] }>().reports[0]!.id,
      number: cert.number,
      orgId: target,
      keyId: victimKey.json<{ apiKey: { id: string } }>().apiKey.id,
      metal: 'CA',
      brand: brand.id,
      id: cert.id,
      pcr: sub.pcr,
      version: '1',
      listNo: '0',
      index: '0',
      '*': 'index.html',
      closureId: (await app.inject({ method: 'GET', url: '/api/v1/calendar/closures' })).json<{ items: { id: string }[] }>().items[0]!.id,
      importId: (
        await insertJob(db(), {
          id: randomUUID(),
          producerOrgId: target,
          userId: null,
          apiKeyId: null,
          filename: 'matrix.csv',
          format: 'csv',
          sha256: 'matrix',
          bytes: 1,
          rowsTotal: 1,
          recordsTotal: 1,
        })
      ).id,
    };
    bodies = {
      'POST /api/v1/certificates/:id/amendments': { reason: 'Matrix test amendment', certificate: sub },
      'POST /api/v1/certificates/:id/revocation': { reason: 'Matrix test revocation' },
      'POST /api/v1/organisations/:orgId/users': { email: 'matrix@example.test', name: 'Matrix', role: 'viewer' },
    };
  });

  it('has an expectation for every registered route', () => {
    const missing = routeTable(app)
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !(k in EXPECTED));
    expect(missing).toEqual([]);
  });

  it('gives callers without entitlement only the minimal certificate view, everywhere', async () => {
    const entitled = (w: Who) => w.kind === 'exchange' || (w.kind === 'producer' && w.org === 'target');
    for (const w of who) {
      const one = await app.inject({ method: 'GET', url: `/api/v1/certificates/${params.id}`, headers: w.headers });
      const byPcr = await app.inject({
        method: 'GET',
        url: `/api/v1/brands/${params.brand}/certificates/${params.pcr}`,
        headers: w.headers,
      });
      const list = await app.inject({
        method: 'GET',
        url: w.anonymous ? `/api/v1/certificates?number=${encodeURIComponent(params.number!)}` : '/api/v1/certificates',
        headers: w.headers,
      });
      expect(list.statusCode, `${w.label} list`).toBe(200);
      const brand = await app.inject({ method: 'GET', url: `/api/v1/brands/${params.brand}`, headers: w.headers });
      for (const res of [one, byPcr]) {
        expect(res.statusCode, w.label).toBe(200);
        const body = res.json<Record<string, unknown>>();
        for (const f of RESTRICTED_CERT_FIELDS) expect(f in body, `${w.label} sees ${f}`).toBe(entitled(w));
      }
      for (const item of list.json<{ items: Record<string, unknown>[] }>().items) {
        // The warehouse reads in full the certificates of the metal on its warrants and receipt, and lists them.
        // So does the trader, of the metal on the warrant it holds (the rent statement's).
        const onWarrant =
          (w.kind === 'warehouse' && params.castIds!.split(',').includes(item.id as string)) ||
          (w.kind === 'trader' && params.traderCastIds!.split(',').includes(item.id as string));
        expect('pcr' in item, `${w.label} sees pcr in list`).toBe(entitled(w) || onWarrant);
        expect('content' in item).toBe(false);
      }
      expect('annualCapacityTonnes' in brand.json<Record<string, unknown>>(), `${w.label} capacity`).toBe(entitled(w));
    }
  });

  it('keeps a lender out of another lender’s pledges everywhere, and tells the public only free or pledged', async () => {
    for (const w of who.filter((x) => x.kind === 'lender')) {
      const list = await app.inject({ method: 'GET', url: '/api/v1/pledges', headers: w.headers });
      const book = await app.inject({ method: 'GET', url: '/api/v1/collateral/book', headers: w.headers });
      const asset = await app.inject({ method: 'GET', url: `/api/v1/assets/${params.assetId}`, headers: w.headers });
      const theirs = w.org !== 'other';
      expect(list.statusCode, w.label).toBe(200);
      expect(list.body.includes(matrixPledge.number), `${w.label} list`).toBe(theirs);
      expect(book.statusCode, w.label).toBe(200);
      expect(book.body.includes(matrixPledge.number), `${w.label} book`).toBe(theirs);
      expect(asset.json<{ encumbered: boolean }>().encumbered, w.label).toBe(true);
      expect(asset.body.includes(matrixPledge.number), `${w.label} asset`).toBe(theirs);
    }
    const lenderName = (await app.inject({ method: 'GET', url: `/api/v1/pledges/${matrixPledge.id}`, headers: who.find((w) => w.label === 'lender/member')!.headers })).json<{ lender: { name: string } }>().lender.name;
    for (const url of [`/api/v1/assets/${params.assetId}`, `/api/v1/e-receipts/${params.eReceiptId}`]) {
      const pub = await app.inject({ method: 'GET', url });
      expect(pub.json<{ encumbered: boolean }>().encumbered).toBe(true);
      expect(pub.body).not.toContain(lenderName);
      expect(pub.body).not.toContain(matrixPledge.number);
    }
    // The encumbrance proof is the same public answer for everyone, the pledge's lender included:
    // pledged, with a proof, never the lender or the pledge number.
    for (const w of [undefined, ...who.filter((x) => x.kind === 'lender')]) {
      const enc = await app.inject({ method: 'GET', url: `/api/v1/assets/${params.assetId}/encumbrance`, ...(w ? { headers: w.headers } : {}) });
      expect(enc.statusCode, w?.label ?? 'public').toBe(200);
      expect(enc.json<{ status: string }>().status).toBe('pledged');
      expect(enc.body).not.toContain(lenderName);
      expect(enc.body).not.toContain(matrixPledge.number);
    }
  });

  // Runs last: it revokes the certificate and ends every session.
  it('allows exactly the expected callers on every route, and leaks nothing when it refuses', async () => {
    const failures: string[] = [];
    // Signing out ends the caller's session, so it goes last.
    const routes = [...routeTable(app)].sort(
      (a, b) => Number(a.url === '/api/v1/sessions/current') - Number(b.url === '/api/v1/sessions/current'),
    );
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const star = route.url.startsWith('/log/tile/') ? '0/000.p/1' : params['*']!;
      const url = route.url.replace(/:([A-Za-z]+)|\*/g, (m, name: string | undefined) => (name ? params[name] : star) ?? m);
      for (const w of who) {
        const res = await app.inject({
          method: route.method as 'GET',
          url,
          headers: w.headers,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: bodies[key] ?? {} }),
        });
        const allowed = EXPECTED[key]!(w);
        const denied = [401, 403, 404].includes(res.statusCode);
        if (allowed === denied) failures.push(`${key} as ${w.label}: expected ${allowed ? 'allow' : 'deny'}, got ${res.statusCode}`);
        if (denied) {
          const body = res.json<Record<string, unknown>>();
          if (Object.keys(body).join() !== 'error') failures.push(`${key} as ${w.label}: refusal body has ${Object.keys(body)}`);
        }
        if (w.anonymous && !allowed && res.statusCode !== 401) failures.push(`${key} anonymous: ${res.statusCode}, not 401`);
      }
    }
    expect(failures).toEqual([]);
    // Every route × every caller (about 150 routes × 43 callers, ~6,500 requests): 200 s on PGlite at load
    // average 16–19 on 2 cores, of which the market-report routes take about 14 s.
  }, 480_000);
});
