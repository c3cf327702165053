import { formatDay, parseIsoDay, type Day } from '../market/dates.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { rentWarrants, statusHistories, type RentWarrant } from '../warehouse/rent-facts.ts';
import {
  chargeableWindows,
  rateYearBounds,
  rateYearEnd,
  rateYearLabel,
  rateYearOf,
  statementLine,
  type Line,
  type RatePeriod,
  type Window,
} from './accrual.ts';
import { formatExact, formatMoney, formatRate, parseRate, parseTonnes } from './money.ts';
import * as repo from './repo.ts';
import { rentSettings } from './settings.ts';

// A warrant's rent account: the facts (tonnage, warranting date, status history, paid-to date) and
// the tariffs of its facility and metal turned into the pure accrual's inputs, and the outstanding
// rent each warrant view shows. The public file other modules call (the warehouse's warrant view).

export const RENT_CURRENCY = 'USD';

/** A business date of an instant: the UTC date, as the warehouse module dates warranting. */
export const dayOf = (at: Date): Day => parseIsoDay(at.toISOString().slice(0, 10))!;
export const today = (ctx: AppContext): Day => dayOf(ctx.now());

export interface Priced {
  warrant: RentWarrant;
  tonnes: bigint;
  warrantedOn: Day;
  paidTo: Day | null;
  windows: Window[];
  rates: RatePeriod[];
  /** Tariff id → rate year, for line segments. */
  tariffYears: Map<string, number>;
}

const tariffKey = (facilityId: string, metal: string): string => `${facilityId}/${metal}`;

/** The rent inputs of each warrant: histories and tariffs read in two queries. */
export async function priceWarrants(q: Queryable, warrants: readonly RentWarrant[]): Promise<Map<string, Priced>> {
  const settings = rentSettings();
  const histories = await statusHistories(q, warrants.map((w) => w.id));
  const facilities = [...new Set(warrants.map((w) => w.facilityId))];
  const tariffs = facilities.length ? await repo.listTariffs(q, { facilityIds: facilities }) : [];
  const byKey = new Map<string, RatePeriod[]>();
  const tariffYears = new Map<string, number>();
  for (const t of tariffs) {
    const k = tariffKey(t.facility_id, t.metal);
    const list = byKey.get(k) ?? [];
    list.push({ ...rateYearBounds(t.rate_year, settings.rateYear), rate: parseRate(t.rent_usd_per_tonne_day), ref: t.id });
    byKey.set(k, list);
    tariffYears.set(t.id, t.rate_year);
  }
  for (const list of byKey.values()) list.sort((a, b) => a.from - b.from);
  const out = new Map<string, Priced>();
  for (const w of warrants) {
    const warrantedOn = parseIsoDay(w.warrantedOn)!;
    const changes = (histories.get(w.id) ?? []).map((h) => ({ day: dayOf(h.at), status: h.status }));
    out.set(w.id, {
      warrant: w,
      tonnes: parseTonnes(w.tonnes),
      warrantedOn,
      paidTo: w.rentPaidTo ? parseIsoDay(w.rentPaidTo)! : null,
      windows: chargeableWindows(warrantedOn, changes, settings.queueRentCapDays),
      rates: byKey.get(tariffKey(w.facilityId, w.metal)) ?? [],
      tariffYears,
    });
  }
  return out;
}

/** The line paying a warrant's rent up to and including `to`. */
export const lineFor = (p: Priced, to: Day): Line => statementLine({ tonnes: p.tonnes, windows: p.windows, rates: p.rates, paidTo: p.paidTo, warrantedOn: p.warrantedOn, to });

/** The rate years a line's unpriced days fall in, e.g. ["2026/27"]. */
export function missingRateYears(line: Line): string[] {
  const rule = rentSettings().rateYear;
  const years = new Set<number>();
  for (const u of line.unpriced) for (let y = rateYearOf(u.from, rule); y <= rateYearOf(u.to, rule); y++) years.add(y);
  return [...years].sort().map(rateYearLabel);
}

/** A line as the API and the statement show it. */
export function lineView(p: Priced, line: Line) {
  return {
    from: formatDay(line.from),
    to: formatDay(line.to),
    days: line.days,
    segments: line.segments.map((s) => ({
      from: formatDay(s.from),
      to: formatDay(s.to),
      days: s.days,
      rateUsdPerTonneDay: formatRate(s.rate),
      rateYear: rateYearLabel(p.tariffYears.get(s.ref) ?? 0),
      tariffId: s.ref,
      exact: formatExact(s.exact),
    })),
    exact: formatExact(line.exact),
    amount: formatMoney(line.amount),
    currency: RENT_CURRENCY,
  };
}

export interface RentAccount {
  currency: string;
  paidTo: string | null;
  owedFrom: string;
  asOf: string;
  /** Rent owed for the chargeable days up to and including today. */
  outstanding: { amount: string; days: number };
  /** What paying up to the end of the current rate year (the next 31 March) would cost. */
  toRateYearEnd: { paidTo: string; amount: string; days: number };
  /** Chargeable days up to the rate year end that no published tariff prices, and their rate years. */
  unpricedDays: number;
  missingRateYears: string[];
  /** An open statement that already covers this warrant (waiting for the warehouse's endorsement). */
  openStatement: string | null;
}

export function accountOf(p: Priced, asOf: Day, openStatement: string | null): RentAccount {
  const end = rateYearEnd(asOf, rentSettings().rateYear);
  const now = lineFor(p, asOf);
  const year = lineFor(p, end);
  return {
    currency: RENT_CURRENCY,
    paidTo: p.paidTo === null ? null : formatDay(p.paidTo),
    owedFrom: formatDay((p.paidTo ?? p.warrantedOn - 1) + 1),
    asOf: formatDay(asOf),
    outstanding: { amount: formatMoney(now.amount), days: now.days },
    toRateYearEnd: { paidTo: formatDay(end), amount: formatMoney(year.amount), days: year.days },
    unpricedDays: year.unpriced.reduce((n, u) => n + u.to - u.from + 1, 0),
    missingRateYears: missingRateYears(year),
    openStatement,
  };
}

/** The rent account of one warrant, for its full view (holder, warehouse, exchange). */
export async function rentAccountOf(ctx: AppContext, q: Queryable, warrantId: string): Promise<RentAccount | null> {
  const [w] = await rentWarrants(q, { ids: [warrantId] });
  if (!w) return null;
  const priced = (await priceWarrants(q, [w])).get(w.id)!;
  const open = await repo.openLinesFor(q, [w.id]);
  return accountOf(priced, today(ctx), open[0]?.number ?? null);
}

/** The rent of the tariff in force on a day at a facility for a metal (as written, e.g. "0.61"), or null when none is published. */
export async function tariffRateOn(q: Queryable, facilityId: string, metal: string, day: string): Promise<string | null> {
  const year = rateYearOf(parseIsoDay(day)!, rentSettings().rateYear);
  const [t] = await repo.listTariffs(q, { facilityId, metal, rateYear: year });
  return t ? formatRate(parseRate(t.rent_usd_per_tonne_day)) : null;
}
