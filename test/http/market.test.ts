import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/app/trust-registry.ts';
import type { AppContext } from '../../src/app/context.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeApiKey, makeOrg, makeUser, testApp, type TestUser } from '../factories.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('market calendar, prompts and carries', (db) => {
  let app: App;
  let ctx: AppContext;
  let exchange: TestUser;
  let trader: TestUser;
  let exchangeKey: string;

  beforeAll(async () => {
    const built = await testApp(db(), () => new Date('2026-12-01T10:00:00Z'));
    app = built.app;
    ctx = built.ctx;
    const x = await makeOrg(db(), 'exchange');
    exchange = await makeUser(built.ctx, x.id, 'member');
    trader = await makeUser(built.ctx, (await makeOrg(db(), 'trader')).id, 'admin');
    exchangeKey = await makeApiKey(db(), x.id, ['specs:write']);
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const paths = (res: { json: <T>() => T }) => res.json<Json>().error.details.map((d: Json) => d.path);

  describe('prompts', () => {
    it('lists every prompt of a metal for a trade date, cacheable with an ETag', async () => {
      const res = await get('/api/v1/calendar/prompts?metal=NI&tradeDate=2026-12-02');
      expect(res.statusCode).toBe(200);
      const body = res.json<Json>();
      expect(body).toMatchObject({
        metal: 'NI',
        tradeDate: '2026-12-02',
        horizonMonths: 63,
        horizonUnconfirmed: false,
        tom: '2026-12-03',
        cash: '2026-12-04',
        threeMonth: { date: '2027-03-02' },
        threeMonthRule: 'weekend_split_within_month',
        lastPrompt: '2032-03-17',
      });
      expect(body.prompts[0]).toEqual({ date: '2026-12-03', reasons: [{ kind: 'tom' }] });
      // Christmas and Boxing Day (Monday 28 December, substitute) are not prompts.
      const dates = body.prompts.map((p: Json) => p.date);
      expect(dates).not.toContain('2026-12-25');
      expect(dates).not.toContain('2026-12-28');
      expect(res.headers['cache-control']).toMatch(/public, max-age=\d+/);
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^".+"$/);
      const again = await get('/api/v1/calendar/prompts?metal=NI&tradeDate=2026-12-02', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    });

    it('marks the alloy horizon unconfirmed, and takes the other 3M encoding on request', async () => {
      const aa = (await get('/api/v1/calendar/prompts?metal=AA&tradeDate=2026-12-02')).json<Json>();
      expect(aa).toMatchObject({ horizonMonths: 27, horizonUnconfirmed: true });
      const byDefault = (await get('/api/v1/calendar/prompts?metal=CA&tradeDate=2024-03-22')).json<Json>();
      const modFol = (await get('/api/v1/calendar/prompts?metal=CA&tradeDate=2024-03-22&threeMonthRule=modified_following')).json<Json>();
      expect(byDefault.threeMonth).toEqual({ date: '2024-06-21', movedFrom: '2024-06-22' });
      expect(modFol.threeMonth).toEqual({ date: '2024-06-24', movedFrom: '2024-06-22' });
    });

    it.each([
      ['metal=XX&tradeDate=2026-12-02', 'querystring.metal'],
      ['metal=NI&tradeDate=2026-02-30', 'querystring.tradeDate'],
      ['metal=NI&tradeDate=02-12-2026', 'querystring.tradeDate'],
      ['metal=NI&tradeDate=2026-12-05', 'querystring.tradeDate'],
      ['metal=NI&tradeDate=2026-12-25', 'querystring.tradeDate'],
      ['metal=NI&tradeDate=1989-12-01', 'querystring.tradeDate'],
      ['metal=NI&tradeDate=2026-12-02&threeMonthRule=nearest', 'querystring.threeMonthRule'],
      ['tradeDate=2026-12-02', 'querystring.metal'],
      ['metal=NI&tradeDate=2026-12-02&colour=red', 'querystring.colour'],
    ])('refuses %s naming %s', async (qs, path) => {
      const res = await get(`/api/v1/calendar/prompts?${qs}`);
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toContain(path);
    });
  });

  describe('business days', () => {
    it('lists the exchange business days and names the closures', async () => {
      const res = await get('/api/v1/calendar/business-days?from=2022-05-27&to=2022-06-07');
      expect(res.statusCode).toBe(200);
      const body = res.json<Json>();
      expect(body.businessDays).toEqual(['2022-05-27', '2022-05-30', '2022-05-31', '2022-06-01', '2022-06-06', '2022-06-07']);
      expect(body.closures).toEqual([
        { date: '2022-06-02', name: 'Spring bank holiday (moved for the Platinum Jubilee)', source: 'exchange' },
        { date: '2022-06-03', name: 'Platinum Jubilee bank holiday', source: 'exchange' },
      ]);
      expect(res.headers.etag).toBeDefined();
    });

    it('answers for the Hong Kong and Taiwan warehouse calendars, flagging provisional years', async () => {
      const hk = (await get('/api/v1/calendar/business-days?calendar=HK&from=2026-04-01&to=2026-04-10')).json<Json>();
      expect(hk.businessDays).toEqual(['2026-04-01', '2026-04-02', '2026-04-08', '2026-04-09', '2026-04-10']);
      expect(hk.closures.map((c: Json) => c.date)).toEqual(['2026-04-03', '2026-04-06', '2026-04-07']);
      expect(hk.provisionalYears).toEqual([]);
      const tw = (await get('/api/v1/calendar/business-days?calendar=TW&from=2026-12-20&to=2027-01-05')).json<Json>();
      expect(tw.closures.map((c: Json) => c.date)).toEqual(['2026-12-25', '2027-01-01']);
      expect(tw.provisionalYears).toEqual([2027]);
    });

    it.each([
      ['from=2026-01-01&to=2025-12-31', 'querystring.to'],
      ['from=2020-01-01&to=2030-01-31', 'querystring.to'],
      ['from=2026-01-01&to=2026-01-31&calendar=SG', 'querystring.calendar'],
      ['from=2024-12-01&to=2025-01-31&calendar=HK', 'querystring.from'],
      ['from=2026-13-01&to=2027-01-01', 'querystring.from'],
      ['to=2027-01-01', 'querystring.from'],
    ])('refuses %s naming %s', async (qs, path) => {
      const res = await get(`/api/v1/calendar/business-days?${qs}`);
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toContain(path);
    });
  });

  describe('carry quote', () => {
    const quote = (payload: Json) => app.inject({ method: 'POST', url: '/api/v1/carries/quote', payload });
    const worked = {
      metal: 'CA',
      tradeDate: '2024-03-22',
      direction: 'lend',
      lots: 1,
      near: '2024-05-13',
      far: '2024-05-28',
      nearPrice: '6295',
      farPrice: '6289.45',
    };

    it('prices the worked example: lending in backwardation earns 5.55 a tonne', async () => {
      const res = await quote(worked);
      expect(res.statusCode).toBe(200);
      expect(res.json<Json>()).toMatchObject({
        metal: 'CA',
        lotTonnes: '25',
        tonnes: '25',
        spread: '-5.55',
        structure: 'backwardation',
        netPerTonne: '5.55',
        net: '138.75',
        payment: { from: 'borrower', to: 'lender', perTonne: '5.55', total: '138.75' },
        legs: [
          { prompt: '2024-05-13', side: 'sell', lots: 1, price: '6295', cashFlow: '157375' },
          { prompt: '2024-05-28', side: 'buy', lots: 1, price: '6289.45', cashFlow: '-157236.25' },
        ],
      });
    });

    it.each([
      [{ metal: 'XX' }, 'body.metal'],
      [{ near: '2024-05-11' }, 'body.near'], // a Saturday
      [{ near: '2024-03-22' }, 'body.near'], // the trade date itself
      [{ far: '2024-05-27' }, 'body.far'], // spring bank holiday
      [{ near: '2024-05-28', far: '2024-05-13' }, 'body.far'],
      [{ lots: 0 }, 'body.lots'],
      [{ lots: -2 }, 'body.lots'],
      [{ lots: 1.5 }, 'body.lots'],
      [{ lots: '1' }, 'body.lots'],
      [{ near: '13/05/2024' }, 'body.near'],
      [{ tradeDate: '2024-03-23' }, 'body.tradeDate'],
      [{ nearPrice: '6295.1234567' }, 'body.nearPrice'],
      [{ farPrice: '-1' }, 'body.farPrice'],
      [{ direction: 'short' }, 'body.direction'],
    ])('refuses %j naming %s', async (change, path) => {
      const res = await quote({ ...worked, ...change });
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toContain(path);
    });
  });

  describe('position roller', () => {
    const roll = (payload: Json) => app.inject({ method: 'POST', url: '/api/v1/carries/roll', payload });
    const book = {
      metal: 'CA',
      rollDate: '2024-03-22',
      target: '2024-05-28',
      positions: [
        { tradeDate: '2024-02-13', prompt: '2024-05-13', side: 'buy', lots: 1, price: '6100' },
        { tradeDate: '2024-02-28', prompt: '2024-05-28', side: 'sell', lots: 2, price: '6450' },
      ],
      marks: { '2024-05-13': '6295', '2024-05-28': '6289.45' },
    };

    it('rolls the worked example: one lend, two realised legs, one short left', async () => {
      const res = await roll(book);
      expect(res.statusCode).toBe(200);
      const r = res.json<Json>();
      expect(r.carries).toHaveLength(1);
      expect(r.carries[0]).toMatchObject({ from: '2024-05-13', direction: 'lend', net: '138.75', structure: 'backwardation' });
      expect(r.realised.map((m: Json) => m.pnl)).toEqual(['4875', '4013.75']);
      expect(r).toMatchObject({ realisedTotal: '8888.75', carryNet: '138.75', lotTonnes: '25' });
      expect(r.open).toMatchObject({ prompt: '2024-05-28', netLots: -1, mark: '6289.45', pnl: '4013.75' });
    });

    it.each([
      [{ target: '2024-05-27' }, 'body.target'], // spring bank holiday
      [{ rollDate: '2024-03-23' }, 'body.rollDate'],
      [{ marks: { '2024-05-13': '6295' } }, 'body.target'], // no price for the target
      [{ positions: [{ tradeDate: '2024-02-13', prompt: '2024-03-21', side: 'buy', lots: 1, price: '6100' }] }, 'body.positions.0.prompt'], // already past
      [{ positions: [{ tradeDate: '2024-04-01', prompt: '2024-05-13', side: 'buy', lots: 1, price: '6100' }] }, 'body.positions.0.tradeDate'],
      [{ positions: [{ tradeDate: '2024-02-13', prompt: '2024-05-13', side: 'buy', lots: 0, price: '6100' }] }, 'body.positions.0.lots'],
    ])('refuses %j naming %s', async (change, path) => {
      const res = await roll({ ...book, ...change });
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toContain(path);
    });
  });

  describe('exchange closures', () => {
    let closureId: string;
    const post = (payload: Json, who: Record<string, string> = { cookie: exchange.cookie }) =>
      app.inject({ method: 'POST', url: '/api/v1/calendar/closures', headers: who, payload });
    const monthlyOn = async (date: string, asOf = '2026-12-01') => {
      const body = (await get(`/api/v1/calendar/prompts?metal=CA&tradeDate=2026-12-02&asOf=${asOf}`)).json<Json>();
      return body.prompts.find((p: Json) => p.date === date);
    };

    it('lists the seeded changes, public', async () => {
      const res = await get('/api/v1/calendar/closures');
      const items = res.json<Json>().items;
      expect(items.map((a: Json) => `${a.date} ${a.kind}`)).toEqual(
        expect.arrayContaining(['2020-05-04 opening', '2020-05-08 closure', '2022-05-30 opening', '2022-06-02 closure', '2022-06-03 closure', '2022-09-19 closure', '2023-05-08 closure']),
      );
      expect(items.find((a: Json) => a.date === '2022-09-19').source).toMatch(/GOV\.UK/);
    });

    it('lets the exchange add a closure: audited, logged, and the prompts move', async () => {
      expect(await monthlyOn('2027-06-16')).toEqual({ date: '2027-06-16', reasons: [{ kind: 'monthly' }] });
      const res = await post({ date: '2027-06-16', kind: 'closure', name: 'Test national day of mourning', source: 'Test notice 1', effectiveFrom: '2026-12-01' });
      expect(res.statusCode).toBe(201);
      const rec = res.json<Json>();
      closureId = rec.id;
      expect(rec).toMatchObject({ date: '2027-06-16', kind: 'closure', effectiveFrom: '2026-12-01', withdrawnFrom: null, version: 1 });
      expect(await monthlyOn('2027-06-16')).toBeUndefined();
      expect(await monthlyOn('2027-06-17')).toEqual({ date: '2027-06-17', reasons: [{ kind: 'monthly', movedFrom: '2027-06-16' }] });
      // Before it took effect the calendar did not know it.
      expect(await monthlyOn('2027-06-16', '2026-11-30')).toBeDefined();

      const audit = await db().query<Json>(`SELECT action, subject_id, digest_after FROM audit_events WHERE subject_type = 'calendar_adjustment'`);
      expect(audit.rows).toEqual([expect.objectContaining({ action: 'calendar.adjustment_made', subject_id: closureId })]);
      const log = await db().query<Json>(`SELECT kind, version, payload_digest FROM log_entries WHERE subject_type = 'calendar_adjustment' AND subject_id = $1`, [closureId]);
      expect(log.rows).toEqual([{ kind: 'calendar.adjustment_made', version: 1, payload_digest: audit.rows[0]!.digest_after }]);
    });

    it('refuses contradictions and other organisations', async () => {
      expect((await post({ date: '2027-06-16', kind: 'closure', name: 'Again' })).statusCode).toBe(409);
      const holiday = await post({ date: '2027-05-31', kind: 'closure', name: 'Already a holiday' });
      expect(holiday.statusCode).toBe(400);
      expect(paths(holiday)).toEqual(['body.date']);
      const opening = await post({ date: '2027-06-15', kind: 'opening', name: 'Not a holiday' });
      expect(paths(opening)).toEqual(['body.date']);
      expect(paths(await post({ date: '2027-06-19', kind: 'closure', name: 'A Saturday' }))).toEqual(['body.date']);
      expect(paths(await post({ date: '2027-06-18', kind: 'shut', name: 'x' }))).toContain('body.kind');
      expect((await post({ date: '2027-06-18', kind: 'closure', name: 'x' }, { cookie: trader.cookie })).statusCode).toBe(403);
      expect((await post({ date: '2027-06-18', kind: 'closure', name: 'x' }, {})).statusCode).toBe(401);
    });

    it('withdraws a change from a date, audited and logged; the record stays', async () => {
      const withdraw = (payload: Json, headers: Record<string, string> = { authorization: `Bearer ${exchangeKey}` }) =>
        app.inject({ method: 'POST', url: `/api/v1/calendar/closures/${closureId}/withdrawal`, headers, payload });
      expect((await withdraw({ reason: 'x' }, { cookie: trader.cookie })).statusCode).toBe(403);
      expect(paths(await withdraw({ reason: 'Announced in error', withdrawnFrom: '2026-11-01' }))).toEqual(['body.withdrawnFrom']);
      const res = await withdraw({ reason: 'Announced in error', withdrawnFrom: '2026-12-10' });
      expect(res.statusCode).toBe(200);
      expect(res.json<Json>()).toMatchObject({ withdrawnFrom: '2026-12-10', withdrawnReason: 'Announced in error', version: 2 });
      expect((await withdraw({ reason: 'Again' })).statusCode).toBe(409);
      expect(await monthlyOn('2027-06-16', '2026-12-09')).toBeUndefined();
      expect(await monthlyOn('2027-06-16', '2026-12-10')).toEqual({ date: '2027-06-16', reasons: [{ kind: 'monthly' }] });
      const live = (await get('/api/v1/calendar/closures')).json<Json>().items.map((a: Json) => a.id);
      expect(live).not.toContain(closureId);
      const all = (await get('/api/v1/calendar/closures?includeWithdrawn=true')).json<Json>().items.map((a: Json) => a.id);
      expect(all).toContain(closureId);
      const log = await db().query<Json>(`SELECT kind, version FROM log_entries WHERE subject_id = $1 ORDER BY idx`, [closureId]);
      expect(log.rows).toEqual([
        { kind: 'calendar.adjustment_made', version: 1 },
        { kind: 'calendar.adjustment_withdrawn', version: 2 },
      ]);
      const audit = await db().query<Json>(`SELECT action, actor_api_key_id FROM audit_events WHERE subject_id = $1 ORDER BY id`, [closureId]);
      expect(audit.rows.map((r) => r.action)).toEqual(['calendar.adjustment_made', 'calendar.adjustment_withdrawn']);
      expect(audit.rows[1]!.actor_api_key_id).not.toBeNull();
      const missing = await app.inject({
        method: 'POST',
        url: '/api/v1/calendar/closures/00000000-0000-4000-8000-000000000000/withdrawal',
        headers: { cookie: exchange.cookie },
        payload: { reason: 'x' },
      });
      expect(missing.statusCode).toBe(404);
    });

    it('the audit finds a calendar change edited behind the application, seeded or logged', async () => {
      const calendarFindings = async () => (await runAudit(ctx)).findings.filter((f) => f.code === 'calendar_changed').map((f) => f.record);
      expect(await calendarFindings()).toEqual([]);
      await db().query(`UPDATE calendar_adjustments SET withdrawn_from = NULL, withdrawn_reason = NULL WHERE id = $1`, [closureId]);
      await db().query(`UPDATE calendar_adjustments SET name = 'Reworded' WHERE reference_key = '2022-06-03-closure'`);
      await db().query(`UPDATE calendar_adjustments SET day = '2022-09-20' WHERE reference_key = '2022-09-19-closure'`);
      expect((await calendarFindings()).sort()).toEqual(['calendar change 2022-09-20 (closure)', 'calendar change 2027-06-16 (closure)']);
    });
  });
});
