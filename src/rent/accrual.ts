import { civilFromDay, dayFromCivil, type Day } from '../market/dates.ts';
import { EXACT_SCALE, MONEY_SCALE, roundHalfUp } from './money.ts';

// Rent accrual, exact. Pure: no I/O, no Date, no floats. Days are integer day numbers
// (market/dates.ts); rates are 10^-4 US$ per tonne per day, tonnages 10^-6 t, exact amounts
// 10^-10 US$ (money.ts).
//
// THE RULES
//
// 1. Chargeable days. A warrant is charged for each calendar day from its warranting date while it
//    is live. From the day it is cancelled it waits in the load-out queue: the cancellation day is
//    queue day 1, and at most `queueCapDays` queue days are chargeable (queue rent capping); after
//    them, none until load-out. The load-out day and everything after it are not charged (the metal
//    has left). Re-warranting makes the warrant live (chargeable) again from that day; a later
//    cancellation starts a new queue with its own allowance. Where several changes fall on one
//    day, the last one decides that day.
// 2. The rate of a day is the rent of the tariff in force that day: the tariff of the rate year
//    (1 April – 31 March) that contains it, so a period crossing 1 April changes rate there. A
//    chargeable day with no tariff is "unpriced": reported, never guessed.
// 3. Exact rent of a set of days = Σ rate(day) × tonnes, with no rounding.
// 4. Rounding (the statement line). Let C(d) be the exact rent of every chargeable day from the
//    warranting date up to and including day d (C = 0 before the warranting date). A statement
//    line paying rent from the day after the paid-to date p up to and including day t is
//
//        amount(p, t) = round(C(t)) − round(C(p)),    round = half-up to the cent.
//
//    So each line is within half a cent of the exact rent of its own days, and lines telescope:
//    for any split p < s1 < s2 < … < t of a period, amount(p, s1) + amount(s1, s2) + … + amount(sk, t)
//    = amount(p, t) exactly, to the cent. Paying in one statement or in many costs the same.

export type WarrantStatus = 'live' | 'cancelled' | 'delivered_out';

/** A change of status on a day (the status from that day on). */
export interface StatusChange {
  day: Day;
  status: WarrantStatus;
}

/** Inclusive range of days; `to` may be OPEN_END. */
export interface Window {
  from: Day;
  to: Day;
}

/** No end: a live warrant's last window, or a cancelled one still within its queue allowance. */
export const OPEN_END = Number.MAX_SAFE_INTEGER;

/** One rate in force over a range of days (a rate year's tariff), `ref` naming it (the tariff id). */
export interface RatePeriod {
  from: Day;
  to: Day;
  /** 10^-4 US$ per tonne per day. */
  rate: bigint;
  ref: string;
}

/** Days charged at one rate. */
export interface Segment {
  from: Day;
  to: Day;
  days: number;
  rate: bigint;
  ref: string;
  /** Exact rent of these days, 10^-10 US$. */
  exact: bigint;
}

// ---------------------------------------------------------------- rate years

export interface RateYearRule {
  startMonth: number;
  startDay: number;
}

/** The rate year containing a day, named by the calendar year it starts in (1 Apr 2026 – 31 Mar 2027 → 2026). */
export function rateYearOf(day: Day, rule: RateYearRule): number {
  const { year } = civilFromDay(day);
  return day >= dayFromCivil(year, rule.startMonth, rule.startDay) ? year : year - 1;
}

export function rateYearBounds(year: number, rule: RateYearRule): Window {
  return { from: dayFromCivil(year, rule.startMonth, rule.startDay), to: dayFromCivil(year + 1, rule.startMonth, rule.startDay) - 1 };
}

/** The last day of the rate year containing `day`: the next 31 March on or after it. */
export const rateYearEnd = (day: Day, rule: RateYearRule): Day => rateYearBounds(rateYearOf(day, rule), rule).to;

/** 2026 → "2026/27". */
export const rateYearLabel = (year: number): string => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;

// ---------------------------------------------------------------- chargeable days

/**
 * The days a warrant is charged for (rule 1), as sorted, disjoint, non-adjacent windows. `changes`
 * are the status changes after issue, in the order they happened (days not decreasing).
 */
export function chargeableWindows(warrantedOn: Day, changes: readonly StatusChange[], queueCapDays: number): Window[] {
  // Status segments: each starts on a day; the last change on a day decides that day.
  const segments: { from: Day; status: WarrantStatus }[] = [{ from: warrantedOn, status: 'live' }];
  for (const c of changes) {
    const last = segments[segments.length - 1]!;
    if (last.status === 'delivered_out') break; // history ends with the load-out
    const day = Math.max(c.day, last.from);
    if (day === last.from) {
      last.status = c.status;
      // Two same-day segments with one status merge into the earlier one.
      const prev = segments[segments.length - 2];
      if (prev && prev.status === last.status && prev.status !== 'cancelled') segments.pop();
    } else if (c.status !== last.status) {
      segments.push({ from: day, status: c.status });
    }
  }
  const out: Window[] = [];
  const add = (from: Day, to: Day): void => {
    if (to < from) return;
    const last = out[out.length - 1];
    if (last && last.to >= from - 1) last.to = Math.max(last.to, to);
    else out.push({ from, to });
  };
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const end = i + 1 < segments.length ? segments[i + 1]!.from - 1 : OPEN_END;
    if (s.status === 'live') add(s.from, end);
    else if (s.status === 'cancelled' && queueCapDays > 0) add(s.from, Math.min(end, s.from + queueCapDays - 1));
  }
  return out;
}

/** How many days of `windows` fall in [from, to]. */
export function chargeableDays(windows: readonly Window[], from: Day, to: Day): number {
  let n = 0;
  for (const w of windows) {
    const a = Math.max(w.from, from);
    const b = Math.min(w.to, to);
    if (b >= a) n += b - a + 1;
  }
  return n;
}

// ---------------------------------------------------------------- exact rent

/**
 * The exact rent of the chargeable days in [from, to] (rules 2 and 3): one segment per window and
 * rate period they share, and the chargeable days no rate covers. `rates` sorted and disjoint.
 */
export function rentBetween(
  tonnes: bigint,
  windows: readonly Window[],
  rates: readonly RatePeriod[],
  from: Day,
  to: Day,
): { exact: bigint; days: number; segments: Segment[]; unpriced: Window[] } {
  const segments: Segment[] = [];
  const unpriced: Window[] = [];
  let exact = 0n;
  let days = 0;
  for (const w of windows) {
    let a = Math.max(w.from, from);
    const b = Math.min(w.to, to);
    if (b < a) continue;
    days += b - a + 1;
    for (const r of rates) {
      if (r.to < a) continue;
      if (r.from > b) break;
      if (r.from > a) unpriced.push({ from: a, to: r.from - 1 });
      const s = Math.max(a, r.from);
      const e = Math.min(b, r.to);
      const n = e - s + 1;
      const amount = r.rate * tonnes * BigInt(n);
      const last = segments[segments.length - 1];
      if (last && last.ref === r.ref && last.to === s - 1) {
        last.to = e;
        last.days += n;
        last.exact += amount;
      } else segments.push({ from: s, to: e, days: n, rate: r.rate, ref: r.ref, exact: amount });
      exact += amount;
      a = e + 1;
      if (a > b) break;
    }
    if (a <= b) unpriced.push({ from: a, to: b });
  }
  return { exact, days, segments, unpriced };
}

/** C(d): the exact rent of every chargeable day from the warranting date up to and including d. */
export function cumulativeRent(tonnes: bigint, windows: readonly Window[], rates: readonly RatePeriod[], through: Day): bigint {
  return windows.length === 0 || through < windows[0]!.from ? 0n : rentBetween(tonnes, windows, rates, windows[0]!.from, through).exact;
}

/** round(C): exact rent (10^-10) half-up to the cent. */
export const toCents = (exact: bigint): bigint => roundHalfUp(exact, EXACT_SCALE, MONEY_SCALE);

export interface LineInput {
  tonnes: bigint;
  windows: readonly Window[];
  rates: readonly RatePeriod[];
  /** The last day already paid for, or null when nothing was (then rent is owed from the warranting date). */
  paidTo: Day | null;
  warrantedOn: Day;
  /** Pay up to and including this day. */
  to: Day;
}

export interface Line {
  /** First day paid for by this line (the day after the paid-to date). */
  from: Day;
  to: Day;
  /** Chargeable days in [from, to]. */
  days: number;
  segments: Segment[];
  unpriced: Window[];
  /** Exact rent of the line's days, 10^-10 US$. */
  exact: bigint;
  /** round(C(to)) − round(C(paidTo)), in cents (rule 4). */
  amount: bigint;
}

/** One statement line (rule 4). A `to` on or before the paid-to date is an empty line. */
export function statementLine(i: LineInput): Line {
  const prev = i.paidTo ?? i.warrantedOn - 1;
  const from = prev + 1;
  if (i.to < from) return { from, to: i.to, days: 0, segments: [], unpriced: [], exact: 0n, amount: 0n };
  const before = cumulativeRent(i.tonnes, i.windows, i.rates, prev);
  const part = rentBetween(i.tonnes, i.windows, i.rates, from, i.to);
  return {
    from,
    to: i.to,
    days: part.days,
    segments: part.segments,
    unpriced: part.unpriced,
    exact: part.exact,
    amount: toCents(before + part.exact) - toCents(before),
  };
}
