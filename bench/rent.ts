// bench:rent — rent for 100,000 warrants over a year (a statement line each, from the status
// history through queue rent capping and the two rate years either side of 1 April to the rounded
// amount), in warrant-days per second on one core, beside a plain BigInt multiply-add loop over the
// same number of warrant-days measured in the same run. Pure CPU, no database. Goal: ≥ 1,000,000
// warrant-days/s.
import os from 'node:os';
import { dayFromCivil, type Day } from '../src/market/dates.ts';
import { chargeableWindows, rateYearBounds, statementLine, type RatePeriod, type StatusChange } from '../src/rent/accrual.ts';
import { parseRate, parseTonnes } from '../src/rent/money.ts';

const WARRANTS = Number(process.env.BENCH_WARRANTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FACILITIES = 50;
const QUEUE_CAP = 80;
const RULE = { startMonth: 4, startDay: 1 };

/** mulberry32: a small seeded generator, so every run prices the same warrants. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The period: calendar year 2026, paid from 31 December 2025 (so it crosses 1 April 2026).
const paidTo: Day = dayFromCivil(2025, 12, 31);
const to: Day = dayFromCivil(2026, 12, 31);
const PERIOD_DAYS = to - paidTo;

// Each facility's tariffs for 2025/26 and 2026/27 (0.40–0.65 US$/t/day).
const random = rng(18);
const rates: RatePeriod[][] = Array.from({ length: FACILITIES }, (_v, f) =>
  [2025, 2026].map((y) => ({ ...rateYearBounds(y, RULE), rate: parseRate((0.4 + Math.floor(random() * 2500) / 10000).toFixed(4)), ref: `F${f}/${y}` })),
);

interface Input {
  tonnes: bigint;
  warrantedOn: Day;
  changes: StatusChange[];
  facility: number;
}

// Warrants of 24.5–25.5 t warranted during 2025; 12 % cancelled during 2026 (a third of those loaded
// out 20–140 days later, a tenth re-warranted after 30 days).
const inputs: Input[] = Array.from({ length: WARRANTS }, () => {
  const warrantedOn = dayFromCivil(2025, 1, 1) + Math.floor(random() * 365);
  const changes: StatusChange[] = [];
  if (random() < 0.12) {
    const c = paidTo + 1 + Math.floor(random() * 300);
    changes.push({ day: c, status: 'cancelled' });
    const r = random();
    if (r < 0.33) changes.push({ day: c + 20 + Math.floor(random() * 120), status: 'delivered_out' });
    else if (r < 0.43) changes.push({ day: c + 30, status: 'live' });
  }
  return { tonnes: parseTonnes((24.5 + Math.floor(random() * 1000) / 1000).toFixed(3)), warrantedOn, changes, facility: Math.floor(random() * FACILITIES) };
});

/** The real thing: each warrant's chargeable days from its history, then its statement line. */
function rent(): { warrantDays: number; cents: bigint } {
  let cents = 0n;
  for (const w of inputs) {
    const windows = chargeableWindows(w.warrantedOn, w.changes, QUEUE_CAP);
    cents += statementLine({ tonnes: w.tonnes, windows, rates: rates[w.facility]!, paidTo, warrantedOn: w.warrantedOn, to }).amount;
  }
  return { warrantDays: inputs.length * PERIOD_DAYS, cents };
}

/** The limit: one BigInt multiply-add per warrant-day (the rate of the day's rate year × tonnes), nothing else. */
function plainLoop(): { warrantDays: number; total: bigint } {
  let total = 0n;
  const split = rateYearBounds(2026, RULE).from;
  for (const w of inputs) {
    const [a, b] = rates[w.facility]!;
    for (let d = paidTo + 1; d <= to; d++) total += (d < split ? a!.rate : b!.rate) * w.tonnes;
  }
  return { warrantDays: inputs.length * PERIOD_DAYS, total };
}

function time<T>(fn: () => T): { seconds: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { seconds: (performance.now() - t0) / 1000, result };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
console.log(`bench:rent — ${fmt(WARRANTS)} warrants × ${PERIOD_DAYS} days (1 Jan – 31 Dec 2026, across 1 April) = ${fmt(WARRANTS * PERIOD_DAYS)} warrant-days per round, ${ROUNDS} rounds`);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| round | rent warrant-days/s | warrants/s | plain BigInt loop warrant-days/s | ratio (rent ÷ plain) |');
console.log('| ----- | ------------------- | ---------- | -------------------------------- | -------------------- |');
const rates_: number[] = [];
const ratios: number[] = [];
let checksum = 0n;
for (let round = 1; round <= ROUNDS; round++) {
  // Interleaved, so both sides see the same machine load.
  const real = time(rent);
  const plain = time(plainLoop);
  checksum = real.result.cents;
  const realRate = real.result.warrantDays / real.seconds;
  const plainRate = plain.result.warrantDays / plain.seconds;
  rates_.push(realRate);
  ratios.push(realRate / plainRate);
  console.log(`| ${round} | ${fmt(realRate)} | ${fmt(WARRANTS / real.seconds)} | ${fmt(plainRate)} | ${(realRate / plainRate).toFixed(1)} |`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`median ${fmt(median(rates_))} warrant-days/s, ratio ${median(ratios).toFixed(1)}; total rent ${checksum / 100n}.${String(checksum % 100n).padStart(2, '0')} US$`);
console.log(median(rates_) >= 1_000_000 ? 'goal met: ≥ 1,000,000 warrant-days/s' : 'GOAL MISSED: < 1,000,000 warrant-days/s');
