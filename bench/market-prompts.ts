// bench:prompts — prompt schedules for every metal over ten years of trade dates, per second, beside
// a plain date-arithmetic loop over the same spans measured in the same run. Pure CPU, one core,
// no database: the calendar is the reference rule set with the reference adjustments.
import os from 'node:os';
import { readReferenceSpecs } from '../src/metals/repo.ts';
import { exchangeCalendar } from '../src/market/calendar.ts';
import { addMonthsClamped, dayFromCivil } from '../src/market/dates.ts';
import { promptSchedule } from '../src/market/prompts.ts';
import { marketReference } from '../src/market/reference.ts';

const FROM_YEAR = Number(process.env.BENCH_FROM_YEAR ?? 2026);
const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const ref = marketReference();
const specs = readReferenceSpecs();
const horizons = specs.map((s) => ({ metal: s.metal, months: s.monthlyPromptMonths }));
const start = dayFromCivil(FROM_YEAR, 1, 1);
const end = dayFromCivil(FROM_YEAR + YEARS, 1, 1) - 1;

// The calendar fills a year at a time on first use; fill it once so every round measures the same work.
const warm = exchangeCalendar(ref.exchange, ref.adjustments);
const tradeDays: number[] = [];
for (let d = start; d <= end; d++) if (warm.isBusinessDay(d)) tradeDays.push(d);

/** Every metal for every trade date: the real thing. Returns the number of prompts (kept live). */
function schedules(): { schedules: number; prompts: number } {
  const cal = exchangeCalendar(ref.exchange, ref.adjustments);
  let n = 0;
  let prompts = 0;
  for (const t of tradeDays) {
    for (const h of horizons) {
      prompts += promptSchedule(cal, t, h.months, ref.prompts).prompts.length;
      n++;
    }
  }
  return { schedules: n, prompts };
}

/**
 * The floor: for the same trade dates and metals, walk every day from the trade date to its last
 * monthly month with plain integer arithmetic (weekday by modulo, no holidays, no objects) and
 * count the weekdays. A prompt schedule visits these days too, and does more with them.
 */
function plainLoop(): { schedules: number; weekdays: number } {
  let n = 0;
  let weekdays = 0;
  for (const t of tradeDays) {
    for (const h of horizons) {
      const last = addMonthsClamped(t, h.months + 1);
      for (let d = t; d <= last; d++) {
        const wd = (((d + 4) % 7) + 7) % 7;
        if (wd !== 0 && wd !== 6) weekdays++;
      }
      n++;
    }
  }
  return { schedules: n, weekdays };
}

function time<T>(fn: () => T): { seconds: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { seconds: (performance.now() - t0) / 1000, result };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
console.log(`bench:prompts — ${tradeDays.length} trade dates ${FROM_YEAR}–${FROM_YEAR + YEARS - 1} × ${horizons.length} metals, ${ROUNDS} rounds`);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| round | prompt schedules/s | prompts/s | plain loop schedules/s | ratio (prompts ÷ plain) |');
console.log('| ----- | ------------------ | --------- | ---------------------- | ----------------------- |');
const ratios: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  // Interleaved, so both sides see the same machine load.
  const real = time(schedules);
  const plain = time(plainLoop);
  const realRate = real.result.schedules / real.seconds;
  const plainRate = plain.result.schedules / plain.seconds;
  ratios.push(realRate / plainRate);
  console.log(
    `| ${round} | ${fmt(realRate)} | ${fmt(real.result.prompts / real.seconds)} | ${fmt(plainRate)} | ${(realRate / plainRate).toFixed(3)} |`,
  );
}
ratios.sort((a, b) => a - b);
console.log(`median ratio ${ratios[Math.floor(ratios.length / 2)]!.toFixed(3)}`);
