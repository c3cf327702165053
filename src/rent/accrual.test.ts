import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, parseIsoDay, type Day } from '../market/dates.ts';
import {
  chargeableWindows,
  cumulativeRent,
  OPEN_END,
  rateYearBounds,
  rateYearEnd,
  rateYearLabel,
  rateYearOf,
  rentBetween,
  statementLine,
  toCents,
  type RatePeriod,
  type StatusChange,
  type WarrantStatus,
} from './accrual.ts';
import { formatExact, formatMoney, parseRate, parseTonnes, percentOf, parsePct, roundHalfUp, parseScaled, formatScaled } from './money.ts';

// Rent accrual with hand-computed vectors (each figure worked out in the comment beside it), and
// properties: any split of a period costs what the whole costs, to the cent; the segment arithmetic
// equals a day-by-day simulation of the rules written independently here.

const d = (iso: string): Day => parseIsoDay(iso)!;
const RULE = { startMonth: 4, startDay: 1 };

/** A tariff per rate year (rate as written), as the service builds them. */
function rates(byYear: Record<number, string>): RatePeriod[] {
  return Object.entries(byYear)
    .map(([y, r]) => ({ ...rateYearBounds(Number(y), RULE), rate: parseRate(r), ref: `T${y}` }))
    .sort((a, b) => a.from - b.from);
}

describe('money', () => {
  it('parses and formats exactly, refusing digits it cannot hold', () => {
    expect(parseRate('0.61')).toBe(6100n);
    expect(parseTonnes('25.123')).toBe(25123000n);
    expect(parseScaled('-1.5', 2)).toBe(-150n);
    expect(() => parseRate('0.61234')).toThrow(/more than 4 decimal places/);
    expect(() => parseRate('0,61')).toThrow(/not a plain decimal/);
    expect(parseRate('0.61000')).toBe(6100n);
    expect(formatScaled(1533n, 2)).toBe('15.33');
    expect(formatScaled(5n, 2)).toBe('0.05');
    expect(formatExact(153250300000n)).toBe('15.3250300000');
  });

  it('rounds half-up on the magnitude', () => {
    // 0.0050000 US$ → 0.01; 0.0049999 → 0.00; 0.0150000 → 0.02; 2.5 cents at scale 3 → 3
    expect(roundHalfUp(50000n, 7, 2)).toBe(1n);
    expect(roundHalfUp(49999n, 7, 2)).toBe(0n);
    expect(roundHalfUp(150000n, 7, 2)).toBe(2n);
    expect(roundHalfUp(25n, 3, 2)).toBe(3n);
    expect(roundHalfUp(-25n, 3, 2)).toBe(-3n);
    expect(roundHalfUp(24n, 3, 2)).toBe(2n);
  });

  it('takes 1 % of an amount, half-up to the cent', () => {
    // 1 % of 334.14 = 3.3414 → 3.34; of 150.50 = 1.505 → 1.51; of 0.49 = 0.0049 → 0.00
    expect(formatMoney(percentOf(33414n, parsePct('1')))).toBe('3.34');
    expect(formatMoney(percentOf(15050n, parsePct('1')))).toBe('1.51');
    expect(formatMoney(percentOf(49n, parsePct('1')))).toBe('0.00');
    // 1.25 % of 1,000.00 = 12.50
    expect(formatMoney(percentOf(100000n, parsePct('1.25')))).toBe('12.50');
  });
});

describe('rate years', () => {
  it('run 1 April – 31 March, named by the year they start', () => {
    expect(rateYearOf(d('2026-03-31'), RULE)).toBe(2025);
    expect(rateYearOf(d('2026-04-01'), RULE)).toBe(2026);
    expect(formatDay(rateYearEnd(d('2026-04-01'), RULE))).toBe('2027-03-31');
    expect(formatDay(rateYearEnd(d('2027-03-31'), RULE))).toBe('2027-03-31');
    expect(rateYearLabel(2026)).toBe('2026/27');
    expect(rateYearLabel(2099)).toBe('2099/00');
    const b = rateYearBounds(2027, RULE);
    expect([formatDay(b.from), formatDay(b.to)]).toEqual(['2027-04-01', '2028-03-31']);
  });
});

describe('chargeable days', () => {
  it('a live warrant: every day from warranting', () => {
    expect(chargeableWindows(d('2026-03-20'), [], 80)).toEqual([{ from: d('2026-03-20'), to: OPEN_END }]);
  });

  it('cancelled then loaded out after 100 days in the queue: only the first 80 queue days', () => {
    // Warranted 1 Jan, cancelled 11 Jan (queue day 1), loaded out 21 April (= 11 Jan + 100):
    // live 1–10 Jan, queue 11 Jan – 31 March (80 days: 21 + 28 + 31), then nothing.
    const w = chargeableWindows(d('2026-01-01'), [{ day: d('2026-01-11'), status: 'cancelled' }, { day: d('2026-04-21'), status: 'delivered_out' }], 80);
    expect(w.map((x) => [formatDay(x.from), formatDay(x.to)])).toEqual([['2026-01-01', '2026-03-31']]);
  });

  it('loaded out inside the allowance: up to the day before load-out', () => {
    const w = chargeableWindows(d('2026-01-01'), [{ day: d('2026-01-11'), status: 'cancelled' }, { day: d('2026-01-31'), status: 'delivered_out' }], 80);
    expect(w.map((x) => [formatDay(x.from), formatDay(x.to)])).toEqual([['2026-01-01', '2026-01-30']]);
  });

  it('re-warranted after the allowance ran out: charged again from re-warranting; a new cancellation gets a new allowance', () => {
    const changes: StatusChange[] = [
      { day: d('2026-01-11'), status: 'cancelled' }, // queue 11 Jan – 20 Jan (10 days allowed)
      { day: d('2026-02-01'), status: 'live' }, // free 21–31 Jan, live again from 1 Feb
      { day: d('2026-03-01'), status: 'cancelled' }, // new queue: 1–10 March
    ];
    const w = chargeableWindows(d('2026-01-01'), changes, 10);
    expect(w.map((x) => [formatDay(x.from), formatDay(x.to)])).toEqual([
      ['2026-01-01', '2026-01-20'],
      ['2026-02-01', '2026-03-10'],
    ]);
  });

  it('the last change of a day decides the day', () => {
    // Cancelled and re-warranted on 5 Jan: 5 Jan is live, nothing is interrupted.
    expect(chargeableWindows(d('2026-01-01'), [{ day: d('2026-01-05'), status: 'cancelled' }, { day: d('2026-01-05'), status: 'live' }], 0)).toEqual([
      { from: d('2026-01-01'), to: OPEN_END },
    ]);
    // Cancelled and loaded out on 5 Jan: 1–4 Jan only.
    expect(chargeableWindows(d('2026-01-01'), [{ day: d('2026-01-05'), status: 'cancelled' }, { day: d('2026-01-05'), status: 'delivered_out' }], 80)).toEqual([
      { from: d('2026-01-01'), to: d('2026-01-04') },
    ]);
  });
});

describe('statement lines (hand-computed)', () => {
  const tonnes = parseTonnes('25.123');
  const twoRates = rates({ 2025: '0.60', 2026: '0.61' });
  const warrantedOn = d('2026-03-20');
  const windows = chargeableWindows(warrantedOn, [], 80);

  it('25.123 t held across 1 April with two rates', () => {
    // 20–31 March 2026: 12 days × 0.60 × 25.123 = 180.8856
    //  1–10 April 2026: 10 days × 0.61 × 25.123 = 153.2503
    // total 334.1359 → 334.14
    const line = statementLine({ tonnes, windows, rates: twoRates, paidTo: null, warrantedOn, to: d('2026-04-10') });
    expect(line.days).toBe(22);
    expect(line.segments.map((s) => [formatDay(s.from), formatDay(s.to), s.days, formatExact(s.exact)])).toEqual([
      ['2026-03-20', '2026-03-31', 12, '180.8856000000'],
      ['2026-04-01', '2026-04-10', 10, '153.2503000000'],
    ]);
    expect(formatExact(line.exact)).toBe('334.1359000000');
    expect(formatMoney(line.amount)).toBe('334.14');
  });

  it('split at 31 March, the two lines add up to the whole', () => {
    // First line: 180.8856 → 180.89. Second: round(334.1359) − round(180.8856) = 334.14 − 180.89 = 153.25.
    const first = statementLine({ tonnes, windows, rates: twoRates, paidTo: null, warrantedOn, to: d('2026-03-31') });
    const second = statementLine({ tonnes, windows, rates: twoRates, paidTo: d('2026-03-31'), warrantedOn, to: d('2026-04-10') });
    expect(formatMoney(first.amount)).toBe('180.89');
    expect(formatMoney(second.amount)).toBe('153.25');
    expect(formatExact(second.exact)).toBe('153.2503000000');
  });

  it('carries the rounding forward where rounding each line alone would lose a cent', () => {
    // 25.001 t × 0.6125 = 15.3131125 a day. Day 1: 15.31. Two days exact 30.626225 → 30.63, so
    // day 2's line is 30.63 − 15.31 = 15.32 (rounding each day alone would give 15.31 + 15.31 = 30.62).
    const t = parseTonnes('25.001');
    const r = rates({ 2026: '0.6125' });
    const on = d('2026-05-01');
    const w = chargeableWindows(on, [], 80);
    const day1 = statementLine({ tonnes: t, windows: w, rates: r, paidTo: null, warrantedOn: on, to: on });
    const day2 = statementLine({ tonnes: t, windows: w, rates: r, paidTo: on, warrantedOn: on, to: on + 1 });
    const both = statementLine({ tonnes: t, windows: w, rates: r, paidTo: null, warrantedOn: on, to: on + 1 });
    expect([formatMoney(day1.amount), formatMoney(day2.amount), formatMoney(both.amount)]).toEqual(['15.31', '15.32', '30.63']);
  });

  it('a transfer keeps the paid-to date: the new holder pays from the day after it', () => {
    // Paid to 31 March by the first holder; transferred on 15 April; the buyer pays 1 April – 30 April
    // 2026: 30 days × 0.61 × 25.123 = 459.7509 → round(C(30 Apr)) − round(C(31 Mar))
    //   C(31 Mar) = 180.8856 → 180.89;  C(30 Apr) = 180.8856 + 459.7509 = 640.6365 → 640.64;  640.64 − 180.89 = 459.75
    const line = statementLine({ tonnes, windows, rates: twoRates, paidTo: d('2026-03-31'), warrantedOn, to: d('2026-04-30') });
    expect(formatDay(line.from)).toBe('2026-04-01');
    expect(line.days).toBe(30);
    expect(formatMoney(line.amount)).toBe('459.75');
  });

  it('queue rent capping: 100 days in the queue, 80 charged', () => {
    // 25 t at 0.50 (2025/26). Warranted 1 Jan 2026, cancelled 11 Jan, loaded out 21 April.
    // Live 10 days + 80 queue days = 90 days × 0.50 × 25 = 1,125.00 (uncapped: 110 days = 1,375.00).
    const on = d('2026-01-01');
    const w = chargeableWindows(on, [{ day: d('2026-01-11'), status: 'cancelled' }, { day: d('2026-04-21'), status: 'delivered_out' }], 80);
    const r = rates({ 2025: '0.50', 2026: '0.50' });
    const line = statementLine({ tonnes: parseTonnes('25'), windows: w, rates: r, paidTo: null, warrantedOn: on, to: d('2026-04-30') });
    expect(line.days).toBe(90);
    expect(formatMoney(line.amount)).toBe('1125.00');
  });

  it('endorsement to 31 March: from warranting to the rate year end', () => {
    // Warranted 20 March 2026, paid to 31 March 2027: 12 days at 0.60 (180.8856) + 365 days at 0.61
    // (365 × 15.32503 = 5,593.63595) = 5,774.52155 → 5,774.52
    const line = statementLine({ tonnes, windows, rates: twoRates, paidTo: null, warrantedOn, to: rateYearEnd(d('2026-12-03'), RULE) });
    expect(line.days).toBe(377);
    expect(formatExact(line.exact)).toBe('5774.5215500000');
    expect(formatMoney(line.amount)).toBe('5774.52');
  });

  it('names the days no tariff covers', () => {
    const r = rates({ 2025: '0.60' }); // nothing published for 2026/27
    const line = statementLine({ tonnes, windows, rates: r, paidTo: null, warrantedOn, to: d('2026-04-10') });
    expect(line.unpriced.map((u) => [formatDay(u.from), formatDay(u.to)])).toEqual([['2026-04-01', '2026-04-10']]);
    expect(formatMoney(line.amount)).toBe('180.89');
  });

  it('an empty line when already paid beyond the date', () => {
    const line = statementLine({ tonnes, windows, rates: twoRates, paidTo: d('2026-04-30'), warrantedOn, to: d('2026-04-10') });
    expect([line.days, line.amount]).toEqual([0, 0n]);
  });
});

// ---------------------------------------------------------------- properties

/** The rules simulated one day at a time, written without the window arithmetic. */
function naiveExact(warrantedOn: Day, changes: readonly StatusChange[], cap: number, tonnes: bigint, r: readonly RatePeriod[], from: Day, to: Day): bigint {
  let status: WarrantStatus = 'live';
  let episodeStart = -1;
  let total = 0n;
  let k = 0;
  const sorted = changes.map((c) => ({ ...c, day: Math.max(c.day, warrantedOn) }));
  for (let day = warrantedOn; day <= to; day++) {
    while (k < sorted.length && sorted[k]!.day <= day) {
      const c = sorted[k++]!;
      if (status === 'delivered_out') continue;
      if (c.status === 'cancelled' && status !== 'cancelled') episodeStart = day;
      status = c.status;
    }
    const charged = status === 'live' || (status === 'cancelled' && day - episodeStart + 1 <= cap);
    if (!charged || day < from) continue;
    const rate = r.find((x) => x.from <= day && day <= x.to);
    if (rate) total += rate.rate * tonnes;
  }
  return total;
}

const historyArb = fc
  .record({
    warrantedOn: fc.integer({ min: d('2025-01-01'), max: d('2026-12-31') }),
    steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 120 }), rewarrant: fc.boolean() }), { maxLength: 5 }),
    end: fc.constantFrom<'open' | 'loadout'>('open', 'loadout'),
    cap: fc.integer({ min: 0, max: 100 }),
    tonnesMicro: fc.bigInt({ min: 1n, max: 60_000_000n }),
    years: fc.uniqueArray(fc.integer({ min: 2024, max: 2028 }), { minLength: 1, maxLength: 5 }),
    rateUnits: fc.array(fc.bigInt({ min: 0n, max: 9_999n }), { minLength: 5, maxLength: 5 }),
  })
  .map((h) => {
    // A valid history: live → cancelled → (live → cancelled)* → maybe delivered out.
    const changes: StatusChange[] = [];
    let day = h.warrantedOn;
    let status: WarrantStatus = 'live';
    for (const s of h.steps) {
      day += s.gap;
      if (status === 'live') status = 'cancelled';
      else status = s.rewarrant ? 'live' : 'delivered_out';
      changes.push({ day, status });
      if (status === 'delivered_out') break;
    }
    if (h.end === 'loadout' && status === 'cancelled') changes.push({ day: day + 30, status: 'delivered_out' });
    const r = [...h.years].sort().map((y, i) => ({ ...rateYearBounds(y, RULE), rate: h.rateUnits[i]!, ref: `T${y}` }));
    return { ...h, changes, rates: r, windows: chargeableWindows(h.warrantedOn, changes, h.cap) };
  });

describe('properties', () => {
  it('the segment arithmetic equals the rules simulated day by day', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 900 }), (h, a, b) => {
        const from = h.warrantedOn + Math.min(a, b);
        const to = h.warrantedOn + Math.max(a, b);
        const got = rentBetween(h.tonnesMicro, h.windows, h.rates, from, to).exact;
        expect(got).toBe(naiveExact(h.warrantedOn, h.changes, h.cap, h.tonnesMicro, h.rates, from, to));
      }),
      { numRuns: 400 },
    );
  });

  it('rent over any split of a period equals the rent over the whole, to the cent', () => {
    // A period is (p, t]: from the day after the paid-to date p up to and including t. A split is any
    // increasing sequence p < s1 < … < sk < t, paid as (p, s1], (s1, s2], …, (sk, t].
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: -1, max: 400 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 800 }), { minLength: 1, maxLength: 12 }),
        (h, start, cuts) => {
          const p = start < 0 ? null : h.warrantedOn + start;
          const first = p ?? h.warrantedOn - 1;
          const points = [...cuts].sort((x, y) => x - y).map((c) => first + c);
          const t = points.pop()!;
          const base = { tonnes: h.tonnesMicro, windows: h.windows, rates: h.rates, warrantedOn: h.warrantedOn };
          const whole = statementLine({ ...base, paidTo: p, to: t });
          let paid: Day | null = p;
          let sum = 0n;
          let exact = 0n;
          for (const s of [...points, t]) {
            const line = statementLine({ ...base, paidTo: paid, to: s });
            // Each line is within half a cent of the exact rent of its own days, and carries at most one cent.
            expect(line.amount * 100000000n - line.exact <= 100000000n && line.exact - line.amount * 100000000n <= 100000000n).toBe(true);
            sum += line.amount;
            exact += line.exact;
            paid = s;
          }
          expect(sum).toBe(whole.amount);
          expect(exact).toBe(whole.exact);
          // And the whole is the rounded cumulative rent.
          expect(whole.amount).toBe(toCents(cumulativeRent(h.tonnesMicro, h.windows, h.rates, t)) - toCents(cumulativeRent(h.tonnesMicro, h.windows, h.rates, first)));
        },
      ),
      { numRuns: 400 },
    );
  });
});
