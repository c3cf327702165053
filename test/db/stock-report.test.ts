import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { seededRng } from '../../src/certificates/samples.ts';
import { businessDays } from '../../src/market/service.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { reportsReference } from '../../src/reports/reference.ts';
import * as repo from '../../src/reports/repo.ts';
import { closeOf, startOfDay, stockFromEvents, stockRows, toMilli, type StockRow } from '../../src/reports/rules.ts';
import { simulateHistory } from '../../src/reports/simulate.ts';
import { loadHistory, seedParents, type HistoryParents } from '../../bench/lib/warrant-history.ts';
import { describeEngines } from '../engines.ts';
import { testContext } from '../factories.ts';

// The daily stock report's SQL held to its definition (rules.stockFromEvents, one warrant at a time)
// over random warrant histories written into the real tables: for every business day of six
// weeks, at three locations × two metals, the SQL's lines are the model's, closing = opening + in −
// out = live + cancelled on every line, and each day opens where the previous business day closed.

describeEngines('daily stock report over random histories', (db) => {
  let ctx: AppContext;
  let parents: HistoryParents;
  let days: { day: string; start: string }[];
  const tz = reportsReference().timeZone;

  beforeAll(async () => {
    ctx = testContext(db());
    parents = await seedParents(ctx, { locations: ['HONGKONG', 'SINGAPORE', 'ROTTERDAM'], metals: ['CA', 'AH'], holders: 4 });
    // Across the clock change of 29 March 2026 and the Easter closures (3 and 6 April).
    days = (await businessDays(ctx, { from: '2026-03-02', to: '2026-04-14', asOf: '2026-04-14' })).businessDays.map((day) => ({ day, start: startOfDay(day, tz) }));
  });

  const fromSql = async (from: string, to: string): Promise<StockRow[]> =>
    stockRows(
      (await repo.stockFigures(db(), from, to)).map((f) => ({
        location: f.location,
        metal: f.metal,
        opening: toMilli(f.opening),
        deliveredIn: toMilli(f.delivered_in),
        deliveredOut: toMilli(f.delivered_out),
        live: toMilli(f.live),
        cancelled: toMilli(f.cancelled),
      })),
    ).rows;

  it('agrees with the definition every business day, and every line closes at opening + in − out', async () => {
    expect(days.map((d) => d.day)).not.toContain('2026-04-03'); // Good Friday is closed
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 80 }), async (seed, warrants) => {
        for (const table of ['warrant_events', 'warrants', 'lots', 'receipts']) await db().query(`DELETE FROM ${table}`);
        const sims = simulateHistory(seededRng(seed), { days, places: parents.places.length, holders: parents.holders.length, warrants, tonnages: ['25', '24.512', '0.001', '25.48'] });
        await loadHistory(db(), parents, sims, { statementBytes: 40 });
        const events = sims.flatMap((s, i) => s.events.map((e) => ({ warrantId: `w${i}`, at: e.at, kind: e.kind })));
        const places = new Map(sims.map((s, i) => [`w${i}`, { location: parents.places[s.place]!.location, metal: parents.places[s.place]!.metal, milli: toMilli(s.tonnes) }]));
        const first = await fromSql(startOfDay('2026-01-01', tz), closeOf(days[0]!.day, tz));
        let previous = new Map(first.map((r) => [`${r.location}/${r.metal}`, r.closing]));
        for (let d = 1; d < days.length; d++) {
          const from = closeOf(days[d - 1]!.day, tz);
          const to = closeOf(days[d]!.day, tz);
          const sql = await fromSql(from, to);
          expect(sql, `${days[d]!.day} (seed ${seed}, ${warrants} warrants)`).toEqual(stockRows(stockFromEvents(events, places, from, to)).rows);
          for (const r of sql) {
            expect(toMilli(r.closing)).toBe(toMilli(r.opening) + toMilli(r.deliveredIn) - toMilli(r.deliveredOut));
            expect(r.opening, `${r.location} ${r.metal} opens ${days[d]!.day} where it closed`).toBe(previous.get(`${r.location}/${r.metal}`) ?? '0');
          }
          previous = new Map(sql.map((r) => [`${r.location}/${r.metal}`, r.closing]));
        }
      }),
      { numRuns: 6 },
    );
  });
});
