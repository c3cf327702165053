// bench:stock-report — the daily stock report (issue #18) over a history of 1,000,000 warrant events,
// beside the same run's raw `SELECT count(*)` over those events, on file-backed PGlite and durable
// PostgreSQL. The history (a year of business days, ~290,000 warrants issued, transferred,
// cancelled, re-warranted and loaded out at 8 locations × 3 metals) goes in with COPY; then VACUUM
// ANALYZE, as autovacuum would do on a live register. The report measured is the last business
// day's (its as-of query reads every event of the year), through the service's own build(), so
// the figure includes the calendar, the SQL and the document. Rate = events covered per second;
// the scan rate = events counted per second. Goal: report rate ≥ 0.3 × scan rate.
// Run: npm run bench:stock-report   (BENCH_ENGINES=pglite,postgres, BENCH_EVENTS=1000000,
// BENCH_ROUNDS=5, BENCH_EXPLAIN=1 prints both plans with EXPLAIN ANALYZE)
import { prepareDatabase } from '../src/app/database.ts';
import { seededRng } from '../src/certificates/samples.ts';
import { businessDays } from '../src/market/service.ts';
import type { Engine } from '../src/platform/db.ts';
import { build, documentBytes, paramsFor } from '../src/reports/generate.ts';
import { reportsReference } from '../src/reports/reference.ts';
import { STOCK_FIGURES_SQL } from '../src/reports/repo.ts';
import { startOfDay } from '../src/reports/rules.ts';
import { simulateHistory } from '../src/reports/simulate.ts';
import { ENGINES, startEngine } from './lib/engines.ts';
import { fmtInt, fmtMs, fmtRatio, loadNote, machineNote, percentile, table } from './lib/measure.ts';
import { loadHistory, seedParents } from './lib/warrant-history.ts';
import { benchContext } from './lib/world.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const TARGET = 0.3;
const engines = (process.env.BENCH_ENGINES ?? ENGINES.join(',')).split(',').map((e) => e.trim()) as Engine[];
const LOCATIONS = ['ROTTERDAM', 'ANTWERP', 'HAMBURG', 'BILBAO', 'PORTKLANG', 'SINGAPORE', 'BUSAN', 'HONGKONG'];
const METALS = ['CA', 'AH', 'ZS'];

interface Result {
  engine: Engine;
  events: number;
  loadS: number;
  countMs: number;
  reportMs: number;
  rows: number;
}

async function timeMedian(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm: plan cache, buffers
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return percentile(times, 50);
}

async function run(engine: Engine): Promise<Result> {
  const handle = await startEngine(engine);
  try {
    const db = await handle.open();
    await prepareDatabase(db);
    const ctx = benchContext(db);
    const tz = reportsReference().timeZone;
    const days = (await businessDays(ctx, { from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' })).businessDays.map((day) => ({ day, start: startOfDay(day, tz) }));
    const parents = await seedParents(ctx, { locations: LOCATIONS, metals: METALS, holders: 60 });
    const sims = simulateHistory(seededRng(18), { days, places: parents.places.length, holders: parents.holders.length, events: EVENTS });
    const t0 = performance.now();
    let shown = 0;
    const events = await loadHistory(db, parents, sims, {
      onBatch: (n) => {
        if (n - shown >= 200_000) {
          shown = n;
          process.stderr.write(`  [${engine}] ${fmtInt(n)} events loaded\n`);
        }
      },
    });
    await db.query('VACUUM ANALYZE warrant_events');
    await db.query('VACUUM ANALYZE warrants');
    const loadS = (performance.now() - t0) / 1000;

    const last = days.at(-1)!.day;
    const params = await paramsFor(ctx, 'stock', last);
    let rows = 0;
    const reportMs = await timeMedian(ROUNDS, async () => {
      const doc = await build(ctx, params);
      rows = doc.kind === 'stock' ? doc.rows.length : 0;
      return documentBytes(doc);
    });
    const countMs = await timeMedian(ROUNDS, () => db.query(`SELECT count(*) FROM warrant_events`));
    const covered = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM warrant_events WHERE at < $1`, [params.window.to])).rows[0]!.n;
    if (covered !== events) throw new Error(`the report's window covers ${covered} of ${events} events`);
    if (EXPLAIN) {
      const w = params.kind === 'stock' ? params.window : { from: '', to: '' };
      for (const [label, sql, args] of [
        ['count', `EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM warrant_events`, []],
        ['stock report', `EXPLAIN (ANALYZE, BUFFERS) ${STOCK_FIGURES_SQL}`, [w.from, w.to]],
      ] as const) {
        const plan = await db.query<{ 'QUERY PLAN': string }>(sql, args as unknown as unknown[]);
        process.stderr.write(`\n[${engine}] ${label}:\n${plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}\n`);
      }
    }
    await db.close();
    return { engine, events, loadS, countMs, reportMs, rows };
  } finally {
    handle.stop();
  }
}


const results: Result[] = [];
for (const e of engines) results.push(await run(e));

console.log(`\nDaily stock report over ${fmtInt(EVENTS)} warrant events (median of ${ROUNDS} after one warm run)`);
console.log(machineNote());
console.log(loadNote());
console.log(
  table(
    ['engine', 'events', 'load (COPY) s', 'count(*) ms', 'scan events/s', 'report ms', 'report events/s', 'ratio', `goal ≥ ${TARGET}`],
    results.map((r) => {
      const scan = r.events / (r.countMs / 1000);
      const report = r.events / (r.reportMs / 1000);
      return [r.engine, fmtInt(r.events), r.loadS.toFixed(1), fmtMs(r.countMs), fmtInt(scan), fmtMs(r.reportMs), fmtInt(report), fmtRatio(report / scan), report / scan >= TARGET ? 'met' : 'NOT met'];
    }),
  ),
);
console.log(`(report rows: ${results.map((r) => `${r.engine} ${r.rows}`).join(', ')} location × metal lines)`);
