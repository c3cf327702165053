import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/app/trust-registry.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { App } from '../../src/platform/http.ts';
import { isUniqueViolation } from '../../src/platform/errors.ts';
import { describeEngines } from '../engines.ts';
import { makeUser, testApp } from '../factories.ts';
import { eReceiptFor, lotFor, party, proposal, warrantFor, type Party } from '../fixtures/pledges.ts';
import { call, issueCast, lotRows, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';

// Electronic receipts and pledges end to end on both engines: receipts issued, moved, converted
// and delivered; pledges proposed, accepted, locking their metal (each refusal naming the pledge),
// consented, released, enforced, overdue; the double-financing race; lenders kept apart. Every
// step signed, logged, and the audit clean afterwards.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('pledges', (db) => {
  let app: App;
  let ctx: AppContext;
  let w: WarehouseWorld;
  let lenders: Party[];
  let clearing: Party;
  let daysAhead = 0;

  beforeAll(async () => {
    const built = await testApp(db(), () => new Date(Date.now() + daysAhead * 86_400_000));
    app = built.app;
    ctx = built.ctx;
    w = await warehouseWorld(app, ctx);
    lenders = [];
    for (let i = 0; i < 5; i++) lenders.push(await party(ctx, 'lender'));
    clearing = await party(ctx, 'clearing_house');
  });
  afterAll(async () => {
    await app.close();
  });

  const pledgeNumberIn = (body: string) => /PL-\d{10}/.exec(body)?.[0];

  describe('electronic receipts', () => {
    const s: Json = {};

    it('issues a receipt for an off-warrant lot to its depositor; the lot can then go on warrant only by converting it', async () => {
      const { lotId } = await lotFor(app, w, w.traderOrg);
      s.lotId = lotId;
      const res = await call(app, 'POST', '/api/v1/e-receipts', w.warehouse, { lotId });
      expect(res.statusCode, res.body).toBe(201);
      s.er = res.json<Json>();
      expect(s.er).toMatchObject({ view: 'full', status: 'active', tonnes: '25', metal: 'CA', holder: { id: w.traderOrg }, version: 1, warrantable: true, encumbered: false, warrant: null });
      expect(s.er.number).toMatch(/^ER-\d{10}$/);
      // A second receipt, or a warrant issued directly, over the same lot is refused, naming the receipt.
      expect((await call(app, 'POST', '/api/v1/e-receipts', w.warehouse, { lotId })).statusCode).toBe(409);
      const direct = await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId });
      expect(direct.statusCode).toBe(409);
      expect(direct.json<Json>().error.message).toContain(`held under electronic receipt ${s.er.number}`);
      // Only a warehouse issues, and only for its own lots.
      expect((await call(app, 'POST', '/api/v1/e-receipts', w.trader, { lotId })).statusCode).toBe(403);
    });

    it('shows the public the metal and whether it is encumbered, never the holder', async () => {
      const pub = await call(app, 'GET', `/api/v1/e-receipts/${s.er.number.toLowerCase()}`, undefined);
      expect(pub.statusCode).toBe(200);
      expect(pub.json<Json>()).toMatchObject({ view: 'public', status: 'active', encumbered: false });
      expect(pub.body).not.toContain(w.traderOrg);
      expect((await call(app, 'GET', `/api/v1/e-receipts/${s.er.id}/credential`, undefined)).body.split('.')).toHaveLength(3);
      expect((await call(app, 'GET', `/api/v1/e-receipts/${s.er.id}/statements`, w.stranger)).statusCode).toBe(404);
    });

    it('moves only by its holder, all or nothing, signed and logged', async () => {
      expect((await call(app, 'POST', '/api/v1/e-receipts/transfers', w.stranger, { eReceiptIds: [s.er.id], toOrgId: w.buyerOrg })).statusCode).toBe(404);
      const byWarehouse = await call(app, 'POST', '/api/v1/e-receipts/transfers', w.warehouse, { eReceiptIds: [s.er.id], toOrgId: w.buyerOrg });
      expect(byWarehouse.statusCode).toBe(403);
      const t = await call(app, 'POST', '/api/v1/e-receipts/transfers', w.trader, { eReceiptIds: [s.er.number], toOrgId: w.buyerOrg });
      expect(t.statusCode, t.body).toBe(200);
      expect(t.json<Json>()).toMatchObject({ transferred: [{ number: s.er.number, view: 'public' }], to: { id: w.buyerOrg } });
      const st = await call(app, 'GET', `/api/v1/e-receipts/${s.er.id}/statements`, w.buyer);
      expect(st.json<Json>().items.map((e: Json) => e.kind)).toEqual(['e_receipt.issued', 'e_receipt.transferred']);
      // The new holder reads the metal's certificates in full.
      const cert = (await call(app, 'GET', `/api/v1/e-receipts/${s.er.id}`, w.buyer)).json<Json>().certificates[0].id;
      expect((await call(app, 'GET', `/api/v1/certificates/${cert}`, w.buyer)).json<Json>().view).toBe('full');
    });

    it('converts into a warrant for its holder, retiring the receipt in the same transaction', async () => {
      expect((await call(app, 'POST', `/api/v1/e-receipts/${s.er.id}/conversion`, w.buyer)).statusCode).toBe(403);
      const c = await call(app, 'POST', `/api/v1/e-receipts/${s.er.id}/conversion`, w.warehouse);
      expect(c.statusCode, c.body).toBe(201);
      const { warrant, eReceipt } = c.json<Json>();
      expect(warrant).toMatchObject({ status: 'live', holder: { id: w.buyerOrg }, tonnes: '25', encumbered: false });
      expect(eReceipt).toMatchObject({ status: 'converted', warrant: { id: warrant.id, number: warrant.number } });
      expect((await call(app, 'POST', `/api/v1/e-receipts/${s.er.id}/conversion`, w.warehouse)).statusCode).toBe(409);
      expect((await call(app, 'POST', '/api/v1/e-receipts/transfers', w.buyer, { eReceiptIds: [s.er.id], toOrgId: w.traderOrg })).statusCode).toBe(409);
      // The retired receipt's credential is revoked in the warehouse's status list.
      const v = await call(app, 'POST', '/api/v1/verify', undefined, { credential: (await call(app, 'GET', `/api/v1/e-receipts/${s.er.id}/credential`, undefined)).body });
      expect(v.json<Json>().checks.find((x: Json) => x.name === 'status').status).toBe('fail');
    });

    it('keeps one title document per cast: the same metal recorded twice gets a receipt or a warrant, never both (20 at once)', async () => {
      const casts = [await issueCast(app, w), await issueCast(app, w)];
      const lots: string[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
          facilityId: w.facilityId,
          depositorOrgId: w.traderOrg,
          brand: w.brand.code,
          shape: 'cathodes',
          originCountry: 'CL',
          receivedOn: '2026-11-21',
          bundles: lotRows('L', ...casts),
        });
        lots.push(r.json<Json>().lots[0].id);
      }
      const results = await Promise.all(lots.map((lotId, i) => call(app, 'POST', i % 2 ? '/api/v1/e-receipts' : '/api/v1/warrants', w.warehouse, { lotId })));
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(19);
      const winner = results.find((r) => r.statusCode === 201)!.json<Json>().number as string;
      for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json<Json>().error.message).toMatch(new RegExp(`${winner}|already on a live warrant`));
    });

    it('delivers the metal of another receipt out to its holder', async () => {
      const er = await eReceiptFor(app, w, w.traderOrg);
      const d = await call(app, 'POST', `/api/v1/e-receipts/${er.id}/delivery`, w.warehouse, { reference: 'Truck 9' });
      expect(d.statusCode, d.body).toBe(200);
      expect(d.json<Json>().status).toBe('delivered_out');
      expect((await call(app, 'POST', `/api/v1/e-receipts/${er.id}/delivery`, w.warehouse, {})).statusCode).toBe(409);
    });
  });

  describe('locked while pledged', () => {
    const s: Json = {};

    it('a holder proposes, the lender accepts, and the warrant is encumbered (publicly: never the lender)', async () => {
      s.warrant = await warrantFor(app, w, w.traderOrg);
      const other = await warrantFor(app, w, w.buyerOrg);
      // Only what the caller holds, only to a lender or the clearing house.
      expect((await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([other.id], lenders[0]!.orgId))).statusCode).toBe(400);
      const toTrader = await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([s.warrant.id], w.buyerOrg));
      expect(toTrader.statusCode).toBe(400);
      expect(toTrader.json<Json>().error.details[0]).toMatchObject({ path: 'body.lenderOrgId' });
      const p = await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([s.warrant.number], lenders[0]!.orgId, { amount: '180000.50' }));
      expect(p.statusCode, p.body).toBe(201);
      s.pledge = p.json<Json>();
      expect(s.pledge).toMatchObject({ status: 'proposed', role: 'pledgor', amount: '180000.5', currency: 'USD', assets: [{ id: s.warrant.id, type: 'warrant', active: false }] });
      expect(s.pledge.number).toMatch(/^PL-\d{10}$/);
      // The pledgor cannot accept its own proposal; the lender can.
      expect((await call(app, 'POST', `/api/v1/pledges/${s.pledge.id}/acceptance`, w.trader)).statusCode).toBe(403);
      const a = await call(app, 'POST', `/api/v1/pledges/${s.pledge.id}/acceptance`, lenders[0]!.user);
      expect(a.statusCode, a.body).toBe(200);
      expect(a.json<Json>()).toMatchObject({ status: 'active', role: 'lender', version: 2, assets: [{ active: true }] });
      const pub = await call(app, 'GET', `/api/v1/warrants/${s.warrant.id}`, undefined);
      expect(pub.json<Json>().encumbered).toBe(true);
      const dd = await call(app, 'GET', `/api/v1/assets/${s.warrant.number}`, undefined);
      expect(dd.json<Json>()).toMatchObject({ type: 'warrant', encumbered: true });
      expect(dd.json<Json>().pledge).toBeUndefined();
      expect(dd.body).not.toContain(lenders[0]!.orgId);
      const lenderName = (await call(app, 'GET', `/api/v1/pledges/${s.pledge.id}`, lenders[0]!.user)).json<Json>().lender.name;
      expect(pub.body + dd.body).not.toContain(lenderName);
      // The pledgor sees it from its side, and what it locks.
      const mine = (await call(app, 'GET', '/api/v1/holdings', w.trader)).json<Json>().items.find((x: Json) => x.id === s.warrant.id);
      expect(mine).toMatchObject({ pledgeable: false, pledge: { number: s.pledge.number, mine: true } });
      expect(mine.locked.map((l: Json) => l.action)).toEqual(['transfer', 'cancel', 'load_out', 'pledge']);
      expect(mine.locked[0].reason).toContain(s.pledge.number);
    });

    it('refuses a transfer, a swap, a cancellation and a second pledge, each naming the pledge', async () => {
      const transfer = await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: [s.warrant.id], toOrgId: w.buyerOrg });
      expect(transfer.statusCode).toBe(409);
      expect(transfer.json<Json>().error.message).toBe(`Warrant ${s.warrant.number} is pledged under ${s.pledge.number}: a transfer needs the lender's consent or the pledge's release`);
      const cancel = await call(app, 'POST', `/api/v1/warrants/${s.warrant.id}/cancellation`, w.trader, {});
      expect(cancel.statusCode).toBe(409);
      expect(pledgeNumberIn(cancel.json<Json>().error.message)).toBe(s.pledge.number);
      const again = await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([s.warrant.id], lenders[1]!.orgId));
      expect(again.statusCode).toBe(409);
      expect(again.json<Json>().error.message).toContain(`is pledged under ${s.pledge.number}: another pledge needs the pledge's release`);
      // A swap offering it cannot complete either.
      const theirs = await warrantFor(app, w, w.buyerOrg);
      const swap = (await call(app, 'POST', '/api/v1/warrant-swaps', w.trader, { counterpartyOrgId: w.buyerOrg, give: [s.warrant.id], take: [theirs.id] })).json<Json>();
      const accepted = await call(app, 'POST', `/api/v1/warrant-swaps/${swap.id}/acceptance`, w.buyer);
      expect(accepted.statusCode).toBe(409);
      expect(pledgeNumberIn(accepted.body)).toBe(s.pledge.number);
      expect((await call(app, 'GET', `/api/v1/warrants/${s.warrant.id}`, w.trader)).json<Json>()).toMatchObject({ holder: { id: w.traderOrg }, status: 'live' });
    });

    it('lets the lender consent to one cancellation; the load-out then still needs the release', async () => {
      expect((await call(app, 'POST', `/api/v1/pledges/${s.pledge.id}/consents`, w.trader, { assetId: s.warrant.id, action: 'cancel' })).statusCode).toBe(403);
      const c = await call(app, 'POST', `/api/v1/pledges/${s.pledge.id}/consents`, lenders[0]!.user, { assetId: s.warrant.number, action: 'cancel', reason: 'Metal sold forward; buyer pays into our account' });
      expect(c.statusCode, c.body).toBe(200);
      expect(c.json<Json>()).toMatchObject({ status: 'active', consents: [{ assetId: s.warrant.id, action: 'cancel', toOrgId: null }] });
      const cancelled = await call(app, 'POST', `/api/v1/warrants/${s.warrant.id}/cancellation`, w.trader, {});
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      // The consent is used: a second cancellation (after re-warranting) is refused again.
      const loadOut = await call(app, 'POST', `/api/v1/warrants/${s.warrant.id}/load-out`, w.warehouse, {});
      expect(loadOut.statusCode).toBe(409);
      expect(loadOut.json<Json>().error.message).toBe(`Warrant ${s.warrant.number} is pledged under ${s.pledge.number}: a load-out needs the pledge's release`);
      expect((await call(app, 'POST', `/api/v1/warrants/${s.warrant.id}/rewarranting`, w.warehouse, { reason: 'Holder asked to keep it on warrant' })).statusCode).toBe(200);
      expect((await call(app, 'POST', `/api/v1/warrants/${s.warrant.id}/cancellation`, w.trader, {})).statusCode).toBe(409);
      // A consent to transfer to one organisation does not let the holder transfer to another.
      await call(app, 'POST', `/api/v1/pledges/${s.pledge.id}/consents`, lenders[0]!.user, { assetId: s.warrant.id, action: 'transfer', toOrgId: w.producerOrg });
      expect((await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: [s.warrant.id], toOrgId: w.buyerOrg })).statusCode).toBe(409);
    });

    it('the release makes each of them possible again', async () => {
      expect((await call(app, 'POST', `/api/v1/pledges/${s.pledge.id}/release`, w.trader, {})).statusCode).toBe(403);
      const r = await call(app, 'POST', `/api/v1/pledges/${s.pledge.id}/release`, lenders[0]!.user, { reason: 'Loan repaid' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json<Json>()).toMatchObject({ status: 'released', assets: [{ active: false }] });
      expect((await call(app, 'GET', `/api/v1/warrants/${s.warrant.id}`, undefined)).json<Json>().encumbered).toBe(false);
      // Pledging it again is possible (then withdrawn), and so are a transfer, a cancellation and a load-out.
      const again = await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([s.warrant.id], lenders[1]!.orgId));
      expect(again.statusCode, again.body).toBe(201);
      expect((await call(app, 'POST', `/api/v1/pledges/${again.json<Json>().id}/withdrawal`, w.trader, { reason: 'Not needed after all' })).json<Json>().status).toBe('withdrawn');
      expect((await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: [s.warrant.id], toOrgId: w.buyerOrg })).statusCode).toBe(200);
      expect((await call(app, 'POST', `/api/v1/warrants/${s.warrant.id}/cancellation`, w.buyer, {})).statusCode).toBe(200);
      expect((await call(app, 'POST', `/api/v1/warrants/${s.warrant.id}/load-out`, w.warehouse, {})).statusCode).toBe(200);
      // The released pledge cannot be released or enforced again.
      expect((await call(app, 'POST', `/api/v1/pledges/${s.pledge.id}/enforcement`, lenders[0]!.user, { reason: 'Too late' })).statusCode).toBe(409);
    });

    it('locks a pledged electronic receipt the same way', async () => {
      const er = await eReceiptFor(app, w, w.traderOrg);
      const p = (await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([er.number], clearing.orgId))).json<Json>();
      expect((await call(app, 'POST', `/api/v1/pledges/${p.id}/acceptance`, clearing.user)).statusCode).toBe(200);
      const t = await call(app, 'POST', '/api/v1/e-receipts/transfers', w.trader, { eReceiptIds: [er.id], toOrgId: w.buyerOrg });
      expect(t.statusCode).toBe(409);
      expect(t.json<Json>().error.message).toBe(`Electronic receipt ${er.number} is pledged under ${p.number}: a transfer needs the lender's consent or the pledge's release`);
      const conv = await call(app, 'POST', `/api/v1/e-receipts/${er.id}/conversion`, w.warehouse);
      expect(conv.statusCode).toBe(409);
      expect(pledgeNumberIn(conv.body)).toBe(p.number);
      expect((await call(app, 'POST', `/api/v1/e-receipts/${er.id}/delivery`, w.warehouse, {})).statusCode).toBe(409);
      // With the clearing house's consent to this buyer, exactly one transfer goes through, and the pledge follows the metal.
      await call(app, 'POST', `/api/v1/pledges/${p.id}/consents`, clearing.user, { assetId: er.id, action: 'transfer', toOrgId: w.buyerOrg });
      expect((await call(app, 'POST', '/api/v1/e-receipts/transfers', w.trader, { eReceiptIds: [er.id], toOrgId: w.buyerOrg })).statusCode).toBe(200);
      expect((await call(app, 'POST', '/api/v1/e-receipts/transfers', w.buyer, { eReceiptIds: [er.id], toOrgId: w.traderOrg })).statusCode).toBe(409);
      expect((await call(app, 'GET', `/api/v1/e-receipts/${er.id}`, undefined)).json<Json>().encumbered).toBe(true);
    });
  });

  describe('enforcement', () => {
    it('moves title to the lender: a warrant and a receipt together, each by the lender’s logged statement', async () => {
      const wr = await warrantFor(app, w, w.traderOrg);
      const er = await eReceiptFor(app, w, w.traderOrg);
      const p = (await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([wr.id, er.id], lenders[2]!.orgId))).json<Json>();
      expect((await call(app, 'POST', `/api/v1/pledges/${p.id}/enforcement`, lenders[2]!.user, { reason: 'Not yet active' })).statusCode).toBe(409);
      await call(app, 'POST', `/api/v1/pledges/${p.id}/acceptance`, lenders[2]!.user);
      expect((await call(app, 'POST', `/api/v1/pledges/${p.id}/enforcement`, w.trader, { reason: 'Self-help' })).statusCode).toBe(403);
      const e = await call(app, 'POST', `/api/v1/pledges/${p.id}/enforcement`, lenders[2]!.user, { reason: 'Borrower in default on 2026-12-01' });
      expect(e.statusCode, e.body).toBe(200);
      expect(e.json<Json>()).toMatchObject({ status: 'enforced', enforcedTo: { id: lenders[2]!.orgId }, assets: [{ active: false }, { active: false }] });
      expect((await call(app, 'GET', `/api/v1/warrants/${wr.id}`, lenders[2]!.user)).json<Json>()).toMatchObject({ view: 'full', holder: { id: lenders[2]!.orgId }, encumbered: false });
      expect((await call(app, 'GET', `/api/v1/e-receipts/${er.id}`, lenders[2]!.user)).json<Json>()).toMatchObject({ view: 'full', holder: { id: lenders[2]!.orgId } });
      const st = (await call(app, 'GET', `/api/v1/warrants/${wr.id}/statements`, lenders[2]!.user)).json<Json>().items;
      expect(st.at(-1)).toMatchObject({ kind: 'warrant.transferred', record: { holderOrgId: lenders[2]!.orgId, previousHolderOrgId: w.traderOrg, reason: `Enforcement of pledge ${p.number}: Borrower in default on 2026-12-01` } });
      const log = await db().query<{ kind: string; subject_type: string }>(`SELECT kind, subject_type FROM log_entries WHERE subject_id = ANY($1::text[]) ORDER BY idx`, [[p.id, wr.id, er.id]]);
      expect(log.rows.map((r) => `${r.subject_type}:${r.kind}`)).toEqual(
        expect.arrayContaining(['pledge_event:pledge.proposed', 'pledge_event:pledge.accepted', 'pledge_event:pledge.enforced', 'warrant_event:warrant.transferred', 'e_receipt_event:e_receipt.transferred']),
      );
      // The pledge's statements are the parties'.
      expect((await call(app, 'GET', `/api/v1/pledges/${p.id}/statements`, lenders[2]!.user)).json<Json>().items.map((x: Json) => x.kind)).toEqual(['pledge.proposed', 'pledge.accepted', 'pledge.enforced']);
    });

    it('or to a buyer the lender names', async () => {
      const wr = await warrantFor(app, w, w.traderOrg);
      const p = (await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([wr.id], lenders[2]!.orgId))).json<Json>();
      await call(app, 'POST', `/api/v1/pledges/${p.id}/acceptance`, lenders[2]!.user);
      const e = await call(app, 'POST', `/api/v1/pledges/${p.id}/enforcement`, lenders[2]!.user, { toOrgId: w.buyerOrg, reason: 'Sold to a buyer on default' });
      expect(e.json<Json>()).toMatchObject({ status: 'enforced', enforcedTo: { id: w.buyerOrg } });
      expect((await call(app, 'GET', `/api/v1/warrants/${wr.id}`, w.buyer)).json<Json>().holder.id).toBe(w.buyerOrg);
    });
  });

  describe('double financing race', () => {
    let raced: string;
    it('20 concurrent proposals over one warrant to 5 lenders, all accepted at once: exactly one active pledge', async () => {
      const wr = await warrantFor(app, w, w.traderOrg);
      raced = wr.id;
      const proposed = await Promise.all(
        Array.from({ length: 20 }, (_v, i) => call(app, 'POST', '/api/v1/pledges', w.trader, proposal([wr.id], lenders[i % 5]!.orgId, { reference: `Race ${i}` }))),
      );
      expect(proposed.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
      const accepted = await Promise.all(proposed.map((r, i) => call(app, 'POST', `/api/v1/pledges/${r.json<Json>().id}/acceptance`, lenders[i % 5]!.user)));
      const won = accepted.filter((r) => r.statusCode === 200);
      const lost = accepted.filter((r) => r.statusCode !== 200);
      expect(won).toHaveLength(1);
      expect(lost.map((r) => r.statusCode)).toEqual(Array(19).fill(409));
      const winner = won[0]!.json<Json>().number;
      for (const r of lost) expect(r.json<Json>().error.message).toBe(`Warrant ${wr.number} is pledged under ${winner}: another pledge needs the pledge's release`);
      const active = await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM pledge_assets WHERE asset_id = $1 AND active`, [wr.id]);
      expect(active.rows[0]!.n).toBe(1);
      const statuses = await db().query<{ status: string; n: number }>(
        `SELECT p.status, count(*)::int AS n FROM pledges p JOIN pledge_assets a ON a.pledge_id = p.id WHERE a.asset_id = $1 GROUP BY p.status`,
        [wr.id],
      );
      expect(Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]))).toEqual({ active: 1, proposed: 19 });
    });

    it('the database itself refuses a second active pledge over an asset', async () => {
      const [other] = (await db().query<{ pledge_id: string }>(`SELECT pledge_id FROM pledge_assets WHERE asset_id = $1 AND NOT active LIMIT 1`, [raced])).rows;
      const e = await db()
        .query(`UPDATE pledge_assets SET active = true WHERE pledge_id = $1`, [other!.pledge_id])
        .then(() => null, (x: unknown) => x);
      expect(isUniqueViolation(e, 'pledge_assets_one_active')).toBe(true);
    });
  });

  describe('lenders are kept apart', () => {
    it('a lender never sees another lender’s pledges, even over the same metal', async () => {
      const wr = await warrantFor(app, w, w.traderOrg);
      const mine = (await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([wr.id], lenders[0]!.orgId))).json<Json>();
      await call(app, 'POST', `/api/v1/pledges/${mine.id}/acceptance`, lenders[0]!.user);
      const outsider = lenders[4]!.user;
      expect((await call(app, 'GET', `/api/v1/pledges/${mine.id}`, outsider)).statusCode).toBe(404);
      expect((await call(app, 'GET', `/api/v1/pledges/${mine.number}/statements`, outsider)).statusCode).toBe(404);
      expect((await call(app, 'POST', `/api/v1/pledges/${mine.id}/release`, outsider, {})).statusCode).toBe(404);
      const list = (await call(app, 'GET', '/api/v1/pledges', outsider)).json<Json>().items;
      expect(list.every((x: Json) => x.lender.id === lenders[4]!.orgId)).toBe(true);
      const book = (await call(app, 'GET', '/api/v1/collateral/book', outsider)).json<Json>();
      expect([...book.active, ...book.proposals].every((x: Json) => x.lender.id === lenders[4]!.orgId)).toBe(true);
      const dd = await call(app, 'GET', `/api/v1/assets/${wr.id}`, outsider);
      expect(dd.json<Json>()).toMatchObject({ encumbered: true });
      expect(dd.json<Json>().pledge).toBeUndefined();
      // Its own lender, and the exchange, are told which pledge.
      expect((await call(app, 'GET', `/api/v1/assets/${wr.id}`, lenders[0]!.user)).json<Json>().pledge.number).toBe(mine.number);
      expect((await call(app, 'GET', `/api/v1/assets/${wr.id}`, w.exchange)).json<Json>().pledge.number).toBe(mine.number);
    });
  });

  describe('maturity', () => {
    it('a pledge past maturity stays active and locked, flagged overdue, until the lender acts', async () => {
      const wr = await warrantFor(app, w, w.traderOrg);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      expect((await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([wr.id], lenders[3]!.orgId, { maturity: '2020-01-01' }))).statusCode).toBe(400);
      const p = (await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([wr.id], lenders[3]!.orgId, { maturity: tomorrow }))).json<Json>();
      await call(app, 'POST', `/api/v1/pledges/${p.id}/acceptance`, lenders[3]!.user);
      expect((await call(app, 'GET', `/api/v1/pledges/${p.id}`, w.trader)).json<Json>().overdue).toBe(false);
      // The clock moves on three days (and stays there: the log's entries are dated by it).
      daysAhead = 3;
      {
        // Three days on (sessions of that day: the earlier ones have expired by then).
        const trader = await makeUser(ctx, w.traderOrg, 'member');
        const lender = await makeUser(ctx, lenders[3]!.orgId, 'member');
        expect((await call(app, 'GET', `/api/v1/pledges/${p.id}`, trader)).json<Json>()).toMatchObject({ status: 'active', overdue: true });
        expect((await call(app, 'POST', '/api/v1/warrants/transfers', trader, { warrantIds: [wr.id], toOrgId: w.buyerOrg })).statusCode).toBe(409);
        const book = (await call(app, 'GET', '/api/v1/collateral/book', lender)).json<Json>();
        expect(book.alerts).toEqual(expect.arrayContaining([expect.objectContaining({ pledge: p.number, code: 'overdue' })]));
        expect((await call(app, 'POST', `/api/v1/pledges/${p.id}/release`, lender, {})).json<Json>()).toMatchObject({ status: 'released', overdue: false });
      }
    });
  });

  it('logged every step, and the audit is clean', async () => {
    const result = await runAudit(ctx);
    expect(result.findings).toEqual([]);
    expect(result.records.pledge_event).toBeGreaterThanOrEqual(25);
    expect(result.records.e_receipt).toBeGreaterThanOrEqual(4);
  });
});
