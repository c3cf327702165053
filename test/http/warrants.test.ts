import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/app/trust-registry.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { testApp } from '../factories.ts';
import { call, issueCast, lotRows, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';

// The LMEsword half, end to end on both engines: metal arrives at a Hong Kong facility, is
// reconciled against its certificates, goes on warrant, changes hands, is cancelled into the
// load-out queue and leaves; every step is signed, logged and audited, and who sees what follows
// the title.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('warrants', (db) => {
  let app: App;
  let ctx: AppContext;
  let w: WarehouseWorld;

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    ctx = built.ctx;
    w = await warehouseWorld(app, ctx);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('end to end at a Hong Kong facility', () => {
    const s: Json = {};

    it('reconciles two lots: a clean one, and one with a bundle whose certificate was revoked', async () => {
      const [a1, a2, b1, b2] = [await issueCast(app, w), await issueCast(app, w), await issueCast(app, w), await issueCast(app, w)];
      s.casts = { a1, a2, b1, b2 };
      expect((await call(app, 'POST', `/api/v1/certificates/${b2.id}/revocation`, w.producer, { reason: 'Laboratory error found' })).statusCode).toBe(200);
      const res = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
        facilityId: w.facilityId,
        depositorOrgId: w.traderOrg,
        brand: w.brand.code,
        shape: 'cathodes',
        originCountry: 'CL',
        receivedOn: '2026-11-20',
        reference: 'DN-2026-1120-7',
        bundles: [...lotRows('A', a1, a2), ...lotRows('B', b1, b2)],
      });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json<Json>();
      s.receipt = r;
      expect(r.number).toMatch(/^RC-\d{10}$/);
      expect(r.reconciliation.summary).toMatchObject({ bundles: 20, conforming: 15, lots: 2, warrantableLots: 1 });
      const lotA = r.lots.find((l: Json) => l.lotRef === 'A');
      const lotB = r.lots.find((l: Json) => l.lotRef === 'B');
      expect(lotA).toMatchObject({ warrantable: true, tonnes: '25', bundles: 10, reasons: [] });
      expect(lotB.warrantable).toBe(false);
      expect(lotB.reasons[0]).toMatch(new RegExp(`Line 16 \\(PCR ${b2.pcr}, bundle ${b2.bundles[0]!.number}\\): Certificate ${b2.number} was revoked`));
      // Only the warehouse, the depositor and the exchange see the receipt.
      expect((await call(app, 'GET', `/api/v1/receipts/${r.id}`, w.trader)).statusCode).toBe(200);
      expect((await call(app, 'GET', `/api/v1/receipts/${r.number}`, w.exchange)).statusCode).toBe(200);
      expect((await call(app, 'GET', `/api/v1/receipts/${r.id}`, w.stranger)).statusCode).toBe(404);
      expect((await call(app, 'GET', `/api/v1/receipts/${r.id}`, undefined)).statusCode).toBe(401);
      s.lotA = lotA.id;
      s.lotB = lotB.id;
    });

    it('warrants the clean lot to the depositor and refuses the other, naming the bundle and the reason', async () => {
      const refused = await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId: s.lotB });
      expect(refused.statusCode).toBe(422);
      expect(refused.json<Json>().error.details.map((d: Json) => d.message).join(' ')).toContain(`PCR ${s.casts.b2.pcr}, bundle ${s.casts.b2.bundles[0].number}): Certificate ${s.casts.b2.number} was revoked`);
      const res = await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId: s.lotA });
      expect(res.statusCode, res.body).toBe(201);
      const wr = res.json<Json>();
      expect(wr).toMatchObject({ view: 'full', status: 'live', tonnes: '25', metal: 'CA', location: { code: 'HONGKONG' }, holder: { id: w.traderOrg }, version: 1 });
      expect(wr.number).toMatch(/^WR-\d{10}$/);
      expect(wr.rent).toEqual({ usdPerTonneDay: expect.stringMatching(/^0\.61/), basis: 'cap' });
      expect(wr.certificates.map((c: Json) => c.number).sort()).toEqual([s.casts.a1.number, s.casts.a2.number].sort());
      s.warrant = wr;
      expect((await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId: s.lotA })).statusCode).toBe(409);
    });

    it('shows the public the metal and its certificates, never the holder', async () => {
      const pub = await call(app, 'GET', `/api/v1/warrants/${s.warrant.number.toLowerCase()}`, undefined);
      expect(pub.statusCode).toBe(200);
      expect(pub.json<Json>()).toMatchObject({ view: 'public', status: 'live', tonnes: '25' });
      expect(pub.body).not.toContain(w.traderOrg);
      expect(pub.json<Json>().holder).toBeUndefined();
      const v = await call(app, 'GET', `/api/v1/warrants/${s.warrant.id}/verification`, undefined);
      expect(v.statusCode).toBe(200);
      expect(v.json<Json>().checks.filter((c: Json) => c.status === 'fail')).toEqual([]);
      expect(v.json<Json>()).toMatchObject({ ok: true, status: 'live', type: 'WarrantCredential' });
      expect(v.json<Json>().certificates.every((c: Json) => c.ok)).toBe(true);
      expect(v.body).not.toContain(w.traderOrg);
    });

    it('moves title to a buyer, who then reads the certificates in full; the previous holder and a stranger do not', async () => {
      const cert = s.casts.a1.id;
      const full = async (who: typeof w.trader) => (await call(app, 'GET', `/api/v1/certificates/${cert}`, who)).json<Json>().view;
      expect(await full(w.trader)).toBe('full');
      expect(await full(w.buyer)).toBe('minimal');
      const t = await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: [s.warrant.id], toOrgId: w.buyerOrg });
      expect(t.statusCode, t.body).toBe(200);
      // The transferor no longer holds it: the answer shows it the public view, and names the recipient.
      expect(t.json<Json>()).toMatchObject({ transferred: [{ number: s.warrant.number, view: 'public' }], to: { id: w.buyerOrg } });
      expect((await call(app, 'GET', `/api/v1/warrants/${s.warrant.id}`, w.buyer)).json<Json>()).toMatchObject({ holder: { id: w.buyerOrg }, version: 2 });
      expect(await full(w.buyer)).toBe('full');
      expect(await full(w.warehouse)).toBe('full');
      expect(await full(w.trader)).toBe('minimal');
      expect(await full(w.stranger)).toBe('minimal');
      // The buyer reads the brand's CBAM data as the metal's owner; the previous holder does not.
      // The previous holder no longer sees the warrant in full, and cannot move it again.
      expect((await call(app, 'GET', `/api/v1/warrants/${s.warrant.id}`, w.trader)).json<Json>().view).toBe('public');
      const again = await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: [s.warrant.id], toOrgId: w.traderOrg === w.buyerOrg ? w.producerOrg : w.producerOrg });
      expect(again.statusCode).toBe(404);
      // The statements are the buyer's, the warehouse's and the exchange's to read.
      const st = await call(app, 'GET', `/api/v1/warrants/${s.warrant.id}/statements`, w.buyer);
      expect(st.json<Json>().items.map((e: Json) => e.kind)).toEqual(['warrant.issued', 'warrant.transferred']);
      expect((await call(app, 'GET', `/api/v1/warrants/${s.warrant.id}/statements`, w.stranger)).statusCode).toBe(404);
    });

    it('cancels into the load-out queue with an estimated date, then loads out', async () => {
      const c = await call(app, 'POST', `/api/v1/warrants/${s.warrant.id}/cancellation`, w.buyer, {});
      expect(c.statusCode, c.body).toBe(200);
      expect(c.json<Json>()).toMatchObject({ status: 'cancelled', queue: { position: 1, tonnesAhead: '0' } });
      expect(c.json<Json>().queue.estimatedLoadOut).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const q = await call(app, 'GET', `/api/v1/facilities/${w.facilityId}/queue`, w.warehouse);
      expect(q.json<Json>().items).toEqual([expect.objectContaining({ position: 1, number: s.warrant.number, tonnes: '25' })]);
      // Only the warehouse loads out; a transfer of a cancelled warrant is refused.
      expect((await call(app, 'POST', `/api/v1/warrants/${s.warrant.id}/load-out`, w.buyer, {})).statusCode).toBe(403);
      expect((await call(app, 'POST', '/api/v1/warrants/transfers', w.buyer, { warrantIds: [s.warrant.id], toOrgId: w.traderOrg })).statusCode).toBe(409);
      const out = await call(app, 'POST', `/api/v1/warrants/${s.warrant.id}/load-out`, w.warehouse, { reference: 'Truck HK-4471' });
      expect(out.statusCode, out.body).toBe(200);
      expect(out.json<Json>()).toMatchObject({ status: 'delivered_out', version: 4 });
      // The credential is retired: its revocation bit is set; the holder keeps its certificates.
      const v = await call(app, 'GET', `/api/v1/warrants/${s.warrant.id}/verification`, undefined);
      expect(v.json<Json>().checks.find((c: Json) => c.name === 'status').status).toBe('fail');
      expect((await call(app, 'GET', `/api/v1/certificates/${s.casts.a1.id}`, w.buyer)).json<Json>().view).toBe('full');
      expect((await call(app, 'GET', `/api/v1/certificates/${s.casts.a1.id}`, w.warehouse)).json<Json>().view).toBe('minimal');
    });

    it('keeps a lot weighed to the tenth of a kilogram exact, in the table as in the signed warrant', async () => {
      // 10 bundles of 2,499.51 kg: 24.9951 t, a figure with four decimals the warrant must not round.
      const [c1, c2] = [await issueCast(app, w, 5, '2499.51'), await issueCast(app, w, 5, '2499.51')];
      const r = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
        facilityId: w.facilityId,
        depositorOrgId: w.traderOrg,
        brand: w.brand.code,
        shape: 'cathodes',
        originCountry: 'CL',
        receivedOn: '2026-11-21',
        reference: 'DN-2026-1121-2',
        bundles: lotRows('C', c1, c2),
      });
      expect(r.statusCode, r.body).toBe(201);
      const lot = r.json<Json>().lots[0];
      expect(lot).toMatchObject({ warrantable: true, tonnes: '24.9951' });
      const wr = await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId: lot.id });
      expect(wr.statusCode, wr.body).toBe(201);
      expect(wr.json<Json>().tonnes).toBe('24.9951');
      expect((await runAudit(ctx)).findings).toEqual([]);
    });

    it('logged every step, and the audit is clean', async () => {
      const log = await db().query<{ kind: string; subject_type: string }>(
        `SELECT kind, subject_type FROM log_entries WHERE subject_id = $1 ORDER BY idx`,
        [s.warrant.id],
      );
      expect(log.rows.map((r) => `${r.subject_type}:${r.kind}`)).toEqual([
        'warrant:warrant.issued',
        'warrant_event:warrant.issued',
        'warrant_event:warrant.transferred',
        'warrant_event:warrant.cancelled',
        'warrant_event:warrant.loaded_out',
      ]);
      expect((await runAudit(ctx)).findings).toEqual([]);
    });

    it('names a holder changed in SQL', async () => {
      await db().query(`UPDATE warrants SET holder_org_id = $2 WHERE id = $1`, [s.warrant.id, w.traderOrg]);
      const findings = (await runAudit(ctx)).findings;
      expect(findings.map((f) => f.record)).toContain(`warrant ${s.warrant.number}`);
      expect(findings.map((f) => f.message).join(' ')).toContain('holder');
      await db().query(`UPDATE warrants SET holder_org_id = $2 WHERE id = $1`, [s.warrant.id, w.buyerOrg]);
      expect((await runAudit(ctx)).findings).toEqual([]);
    });
  });

  describe('races', () => {
    async function warrantFor(holderOrg: string): Promise<Json> {
      const casts = [await issueCast(app, w), await issueCast(app, w)];
      const r = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
        facilityId: w.facilityId,
        depositorOrgId: holderOrg,
        brand: w.brand.code,
        shape: 'cathodes',
        originCountry: 'CL',
        receivedOn: '2026-11-21',
        bundles: lotRows('L', ...casts),
      });
      const lot = r.json<Json>().lots[0].id;
      return (await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId: lot })).json<Json>();
    }

    it('20 concurrent issues that include the same cast: exactly one warrant', async () => {
      const casts = [await issueCast(app, w), await issueCast(app, w)];
      // Twenty receipts of the same metal (a clerk recording a delivery twenty times), each with its lot.
      const lots: string[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
          facilityId: w.facilityId,
          brand: w.brand.code,
          shape: 'cathodes',
          originCountry: 'CL',
          receivedOn: '2026-11-21',
          bundles: lotRows('L', ...casts),
        });
        lots.push(r.json<Json>().lots[0].id);
      }
      const results = await Promise.all(lots.map((lotId) => call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId })));
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(19);
      expect(results.find((r) => r.statusCode === 409)!.json<Json>().error.message).toContain('already on a live warrant');
    });

    it('20 concurrent transfers of one warrant by its holder: exactly one', async () => {
      const wr = await warrantFor(w.traderOrg);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_v, i) => call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: [wr.id], toOrgId: i % 2 ? w.buyerOrg : w.producerOrg })),
      );
      expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 404)).toHaveLength(19);
      const events = await db().query(`SELECT version FROM warrant_events WHERE warrant_id = $1`, [wr.id]);
      expect(events.rowCount).toBe(2);
    });

    it('a transfer of several warrants is all or nothing', async () => {
      const mine = await warrantFor(w.traderOrg);
      const theirs = await warrantFor(w.buyerOrg);
      const t = await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: [mine.id, theirs.id], toOrgId: w.producerOrg });
      expect(t.statusCode).toBe(404);
      expect(t.json<Json>().error.details[0].path).toBe('body.warrantIds.1');
      expect((await call(app, 'GET', `/api/v1/warrants/${mine.id}`, w.trader)).json<Json>()).toMatchObject({ holder: { id: w.traderOrg }, version: 1 });
    });

    it('a swap moves both sides at once; a swap where one side moved meanwhile moves nothing', async () => {
      const a = await warrantFor(w.traderOrg);
      const b = await warrantFor(w.buyerOrg);
      const offer = await call(app, 'POST', '/api/v1/warrant-swaps', w.trader, { counterpartyOrgId: w.buyerOrg, give: [a.id], take: [b.number] });
      expect(offer.statusCode, offer.body).toBe(201);
      const ok = await call(app, 'POST', `/api/v1/warrant-swaps/${offer.json<Json>().id}/acceptance`, w.buyer);
      expect(ok.json<Json>()).toMatchObject({ status: 'accepted', moved: true });
      expect((await call(app, 'GET', `/api/v1/warrants/${a.id}`, w.buyer)).json<Json>().holder.id).toBe(w.buyerOrg);
      expect((await call(app, 'GET', `/api/v1/warrants/${b.id}`, w.trader)).json<Json>().holder.id).toBe(w.traderOrg);

      const c = await warrantFor(w.traderOrg);
      const d = await warrantFor(w.buyerOrg);
      const second = await call(app, 'POST', '/api/v1/warrant-swaps', w.trader, { counterpartyOrgId: w.buyerOrg, give: [c.id], take: [d.id] });
      // Meanwhile the proposer's warrant moves elsewhere.
      expect((await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: [c.id], toOrgId: w.producerOrg })).statusCode).toBe(200);
      const failed = await call(app, 'POST', `/api/v1/warrant-swaps/${second.json<Json>().id}/acceptance`, w.buyer);
      expect(failed.json<Json>()).toMatchObject({ status: 'failed', moved: false });
      expect(failed.json<Json>().reason).toContain('has moved since the offer');
      expect((await call(app, 'GET', `/api/v1/warrants/${d.id}`, w.buyer)).json<Json>()).toMatchObject({ holder: { id: w.buyerOrg }, version: 1 });
      expect((await runAudit(ctx)).findings).toEqual([]);
    });
  });

  describe('bad input changes nothing', () => {
    const count = async () =>
      (await db().query<{ r: number; b: number }>(`SELECT (SELECT count(*)::int FROM receipts) r, (SELECT count(*)::int FROM receipt_bundles) b`)).rows[0]!;

    it('refuses a lot outside ±2 %, an unknown PCR in a lot, a facility not approved for the metal, a cast split across lots, each naming the row', async () => {
      const [c1, c2] = [await issueCast(app, w), await issueCast(app, w)];
      const before = await count();
      const body = (bundles: Json[], extra: Json = {}) => ({ facilityId: w.facilityId, brand: w.brand.code, shape: 'cathodes', originCountry: 'CL', receivedOn: '2026-11-22', bundles, ...extra });
      const small = await call(app, 'POST', '/api/v1/receipts', w.warehouse, body(lotRows('L', c1)));
      expect(small.statusCode).toBe(400);
      expect(small.json<Json>().error.details).toEqual([{ path: 'body.bundles.0.lot', message: 'lot L holds 12.5 t; a lot is 25 t ± 2 % (24.5 to 25.5 t)' }]);
      const unknown = await call(app, 'POST', '/api/v1/receipts', w.warehouse, body([...lotRows('L', c1, c2), { lot: 'L', pcr: 'NOPE-1', bundleRef: 'X', pieces: 1, grossKg: '10', netKg: '9' }]));
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json<Json>().error.details.map((d: Json) => d.path)).toContain('body.bundles.10.pcr');
      const split = await call(app, 'POST', '/api/v1/receipts', w.warehouse, body([...lotRows('L', c1), ...lotRows('M', c2).map((b, i) => (i === 0 ? { ...b, pcr: c1.pcr, bundleRef: 'extra' } : b))]));
      expect(split.statusCode).toBe(400);
      expect(JSON.stringify(split.json<Json>().error.details)).toContain('is split across lots');
      const nickelBrand = await (await import('../factories.ts')).makeBrand(ctx, w.producerOrg, 'NI', 'CL');
      const wrongMetal = await call(app, 'POST', '/api/v1/receipts', w.warehouse, { ...body(lotRows(null, c1)), brand: nickelBrand.code, shape: nickelBrand.shapes[0] });
      expect(wrongMetal.statusCode).toBe(400);
      expect(wrongMetal.json<Json>().error.details).toContainEqual({ path: 'body.facilityId', message: expect.stringContaining('is not approved for NI') });
      const mixed = await call(app, 'POST', '/api/v1/receipts', w.warehouse, body([{ ...lotRows(null, c1)[0], pcr: 'bad pcr\u202e' }]));
      expect(mixed.statusCode).toBe(400);
      const notMine = await call(app, 'POST', '/api/v1/receipts', w.trader, body(lotRows(null, c1)));
      expect(notMine.statusCode).toBe(403);
      expect(await count()).toEqual(before);
    });

    it('records a cast with no certificate outside any lot as off-warrant stock, with its reason', async () => {
      const r = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
        facilityId: w.facilityId,
        brand: w.brand.code,
        shape: 'cathodes',
        originCountry: 'CL',
        receivedOn: '2026-11-22',
        bundles: [{ pcr: 'NO-CERT-1', bundleRef: 'T-1', pieces: 20, grossKg: '2510', netKg: '2500' }],
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json<Json>().reconciliation.bundles[0].checks[0]).toMatchObject({ code: 'ecoa', ok: false });
      const stock = await call(app, 'GET', '/api/v1/off-warrant-stock', w.warehouse);
      expect(stock.json<Json>().items.map((x: Json) => x.pcr)).toContain('NO-CERT-1');
      expect((await call(app, 'GET', '/api/v1/off-warrant-stock', w.trader)).statusCode).toBe(403);
    });
  });
});
