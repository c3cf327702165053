import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readReferenceSpecs } from '../metals/repo.ts';
import { exchangeCalendar, nextBusinessDay, type BusinessCalendar } from './calendar.ts';
import { addMonthsClamped, civilFromDay, dayFromCivil, formatDay, parseIsoDay, weekday } from './dates.ts';
import { promptSchedule, PromptRuleError, rollThreeMonth } from './prompts.ts';
import { marketReference } from './reference.ts';

const ref = marketReference();
const rules = ref.prompts;
const exchange = exchangeCalendar(ref.exchange, ref.adjustments);
const DEFAULT = 'weekend_split_within_month';
const MODFOL = 'modified_following';
const HORIZONS = new Map(readReferenceSpecs().map((s) => [s.metal, s.monthlyPromptMonths]));
const day = (s: string) => parseIsoDay(s)!;

describe('the three-month date', () => {
  it('defaults to the weekend rule that never leaves the month', () => {
    expect(rules.threeMonthRule).toBe(DEFAULT);
  });

  // [case, trade date, raw 3M, default rule, modified following]
  const CASES: [string, string, string, string, string][] = [
    ['Saturday', '2024-03-22', '2024-06-22', '2024-06-21', '2024-06-24'],
    ['Saturday on the 2nd, Friday the 1st', '2015-02-02', '2015-05-02', '2015-05-01', '2015-05-05'],
    ['Saturday the 1st: Friday is last month', '2015-05-01', '2015-08-01', '2015-08-03', '2015-08-03'],
    ['Saturday at month end', '2015-07-31', '2015-10-31', '2015-10-30', '2015-10-30'],
    ['Saturday after a closed Friday (Platinum Jubilee)', '2022-03-04', '2022-06-04', '2022-06-06', '2022-06-06'],
    ['Sunday', '2025-12-15', '2026-03-15', '2026-03-16', '2026-03-16'],
    ['Sunday before a bank-holiday Monday', '2015-01-05', '2015-04-05', '2015-04-07', '2015-04-07'],
    ['Sunday at month end', '2018-12-31', '2019-03-31', '2019-03-29', '2019-03-29'],
    ['bank-holiday Monday (spring)', '2026-02-25', '2026-05-25', '2026-05-26', '2026-05-26'],
    ['bank-holiday Monday (early May)', '2019-02-06', '2019-05-06', '2019-05-07', '2019-05-07'],
    ['Good Friday', '2020-01-10', '2020-04-10', '2020-04-14', '2020-04-14'],
    ['Good Friday at month end', '2023-12-29', '2024-03-29', '2024-03-28', '2024-03-28'],
    ['Christmas Day', '2025-09-25', '2025-12-25', '2025-12-29', '2025-12-29'],
    ['Christmas Day substitute', '2021-09-27', '2021-12-27', '2021-12-29', '2021-12-29'],
    ['30 November + 3 months (to a Sunday 28 February)', '2026-11-30', '2027-02-28', '2027-02-26', '2027-02-26'],
    ['30 November + 3 months (to 29 February, open)', '2023-11-30', '2024-02-29', '2024-02-29', '2024-02-29'],
    ['30 November + 3 months (2020)', '2020-11-30', '2021-02-28', '2021-02-26', '2021-02-26'],
  ];

  it.each(CASES)('%s: %s → %s', (_, trade, raw, byDefault, byModFol) => {
    expect(formatDay(addMonthsClamped(day(trade), 3))).toBe(raw);
    expect(formatDay(rollThreeMonth(exchange, day(raw), rules.threeMonthRules[DEFAULT]!))).toBe(byDefault);
    expect(formatDay(rollThreeMonth(exchange, day(raw), rules.threeMonthRules[MODFOL]!))).toBe(byModFol);
    const a = promptSchedule(exchange, day(trade), 15, rules, DEFAULT);
    const b = promptSchedule(exchange, day(trade), 15, rules, MODFOL);
    expect(a.threeMonth).toEqual(raw === byDefault ? { date: raw } : { date: byDefault, movedFrom: raw });
    expect(b.threeMonth.date).toBe(byModFol);
    expect(a.prompts.find((p) => p.date === byDefault)!.reasons).toContainEqual(raw === byDefault ? { kind: '3M' } : { kind: '3M', movedFrom: raw });
  });

  it('never leaves the month under either encoding, and lands on a business day', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('1990-01-01'), max: day('2099-12-31') }), fc.constantFrom(DEFAULT, MODFOL), (raw, rule) => {
        const d = rollThreeMonth(exchange, raw, rules.threeMonthRules[rule]!);
        expect(exchange.isBusinessDay(d)).toBe(true);
        const a = civilFromDay(d);
        const b = civilFromDay(raw);
        expect([a.year, a.month]).toEqual([b.year, b.month]);
      }),
    );
  });
});

/** An independent reading of the rules, walking the calendar day by day. */
function expectedFor(cal: BusinessCalendar, trade: number, horizon: number) {
  const cash = nextBusinessDay(cal, nextBusinessDay(cal, trade));
  const three = rollThreeMonth(cal, addMonthsClamped(trade, 3), rules.threeMonthRules[DEFAULT]!);
  const dailies: string[] = [];
  for (let d = cash; d <= three; d++) if (cal.isBusinessDay(d)) dailies.push(formatDay(d));
  const six = addMonthsClamped(trade, 6);
  const wednesdays: string[] = [];
  for (let d = three + 1; d <= six; d++) if (weekday(d) === 3) wednesdays.push(formatDay(d));
  let monthlies = 0;
  const t = civilFromDay(trade);
  for (let k = 0; k <= horizon; k++) {
    const y = t.year + Math.floor((t.month - 1 + k) / 12);
    const m = ((t.month - 1 + k) % 12) + 1;
    let third = 0;
    for (let dd = 1, seen = 0; dd <= 31 && seen < 3; dd++) {
      if (weekday(dayFromCivil(y, m, dd)) === 3 && ++seen === 3) third = dayFromCivil(y, m, dd);
    }
    while (!cal.isBusinessDay(third)) third++;
    if (third >= cash) monthlies++;
  }
  return { cash: formatDay(cash), dailies, wednesdays, monthlies };
}

describe('prompt dates', () => {
  it('for 50 random trade dates and every metal: dailies, weeklies and monthlies as the rules say', () => {
    const trades = fc.sample(fc.integer({ min: day('1995-01-01'), max: day('2060-12-31') }), { seed: 17, numRuns: 200 });
    const open = trades.filter((t) => exchange.isBusinessDay(t)).slice(0, 50);
    expect(open).toHaveLength(50);
    for (const trade of open) {
      for (const [metal, horizon] of HORIZONS) {
        const s = promptSchedule(exchange, trade, horizon, rules);
        const want = expectedFor(exchange, trade, horizon);
        const what = `${metal} ${formatDay(trade)}`;
        const of = (kind: string) => s.prompts.filter((p) => p.reasons.some((r) => r.kind === kind));
        expect(s.cash, what).toBe(want.cash);
        expect(of('daily').map((p) => p.date), what).toEqual(want.dailies);
        const weeklies = of('weekly').flatMap((p) => p.reasons.filter((r) => r.kind === 'weekly').map((r) => r.movedFrom ?? p.date));
        expect(weeklies, what).toEqual(want.wednesdays);
        const monthly = of('monthly');
        expect(monthly.length, what).toBe(want.monthlies);
        expect(want.monthlies === horizon || want.monthlies === horizon + 1, what).toBe(true);
        for (const p of monthly) {
          const r = p.reasons.find((x) => x.kind === 'monthly')!;
          const raw = day(r.movedFrom ?? p.date);
          expect(weekday(raw), what).toBe(3);
          expect(civilFromDay(raw).day >= 15 && civilFromDay(raw).day <= 21, what).toBe(true);
        }
        for (const p of s.prompts) expect(exchange.isBusinessDay(day(p.date)), `${what} ${p.date}`).toBe(true);
        for (let i = 1; i < s.prompts.length; i++) expect(s.prompts[i]!.date > s.prompts[i - 1]!.date, what).toBe(true);
        // The last monthly prompt is in the month `horizon` months after the trade month.
        const last = civilFromDay(day(s.lastPrompt));
        const t = civilFromDay(trade);
        expect(last.year * 12 + last.month - (t.year * 12 + t.month), what).toBe(horizon);
      }
    }
  });

  it('property: no prompt on a closed day, strictly increasing, TOM before cash', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day('1990-01-01'), max: day('2089-12-31') }),
        fc.constantFrom(...HORIZONS.values()),
        fc.constantFrom(DEFAULT, MODFOL),
        (trade, horizon, rule) => {
          fc.pre(exchange.isBusinessDay(trade));
          const s = promptSchedule(exchange, trade, horizon, rules, rule);
          const days = s.prompts.map((p) => day(p.date));
          for (const d of days) expect(exchange.isBusinessDay(d)).toBe(true);
          for (let i = 1; i < days.length; i++) expect(days[i]!).toBeGreaterThan(days[i - 1]!);
          expect(s.prompts[0]).toEqual({ date: s.tom, reasons: [{ kind: 'tom' }] });
          expect(s.prompts[1]!.date).toBe(s.cash);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('moves a weekly Wednesday that is Christmas Day to the next business day, saying from where', () => {
    const s = promptSchedule(exchange, day('2024-08-01'), 63, rules);
    expect(s.prompts.find((p) => p.date === '2024-12-25')).toBeUndefined();
    expect(s.prompts.find((p) => p.date === '2024-12-27')).toEqual({ date: '2024-12-27', reasons: [{ kind: 'weekly', movedFrom: '2024-12-25' }] });
  });

  it('moves a third Wednesday the exchange closes', () => {
    const cal = exchangeCalendar(ref.exchange, [...ref.adjustments, { date: '2030-06-19', kind: 'closure', name: 'Test closure' }]);
    const s = promptSchedule(cal, day('2026-12-02'), 123, rules);
    expect(s.prompts.find((p) => p.date === '2030-06-20')).toEqual({ date: '2030-06-20', reasons: [{ kind: 'monthly', movedFrom: '2030-06-19' }] });
    expect(s.prompts.find((p) => p.date === '2030-06-19')).toBeUndefined();
  });

  it('marks a third Wednesday inside the daily range as both daily and monthly', () => {
    const s = promptSchedule(exchange, day('2026-12-02'), 63, rules);
    expect(s.prompts.find((p) => p.date === '2026-12-16')!.reasons).toEqual([{ kind: 'daily' }, { kind: 'monthly' }]);
    expect(s.tom).toBe('2026-12-03');
    expect(s.cash).toBe('2026-12-04');
    expect(s.threeMonth).toEqual({ date: '2027-03-02' });
    expect(s.lastPrompt).toBe('2032-03-17');
  });

  it('refuses a trade date the exchange is closed, and an unknown rule', () => {
    expect(() => promptSchedule(exchange, day('2026-12-25'), 63, rules)).toThrow(PromptRuleError);
    expect(() => promptSchedule(exchange, day('2026-12-05'), 63, rules)).toThrow(/not a business day/);
    expect(() => promptSchedule(exchange, day('2026-12-02'), 63, rules, 'nope')).toThrow(/no three-month rule/);
  });
});
