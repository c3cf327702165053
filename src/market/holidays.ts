import {
  dayFromCivil,
  easterSunday,
  nthWeekdayOfMonth,
  parseIsoDay,
  weekday,
  weekdayOfName,
  type Day,
  type WeekdayName,
} from './dates.ts';

// England & Wales bank holidays computed from rules held as data (reference/market-calendar.json),
// for any year in the rule set's range; no typed-in lists. One-off changes (a holiday moved, an
// extra closure) are adjustments on top, kept by the exchange.

export type HolidayRule =
  | { type: 'fixed'; month: number; day: number }
  | { type: 'easter'; offsetDays: number }
  | { type: 'nthWeekday'; month: number; weekday: WeekdayName; n: number };

export interface HolidayDefinition {
  id: string;
  name: string;
  rule: HolidayRule;
  /** Taken on the next free weekday when it falls on a weekend. */
  substitute: boolean;
}

export interface RuleCalendarDefinition {
  id: string;
  name: string;
  weekend: WeekdayName[];
  years: { from: number; to: number };
  holidays: HolidayDefinition[];
}

export interface ObservedHoliday {
  day: Day;
  name: string;
  holidayId: string;
  /** Set on a substitute day: the weekend date the holiday itself fell on. */
  substituteFor?: Day;
}

function ruleDay(rule: HolidayRule, year: number): Day {
  switch (rule.type) {
    case 'fixed':
      return dayFromCivil(year, rule.month, rule.day);
    case 'easter':
      return easterSunday(year) + rule.offsetDays;
    case 'nthWeekday':
      return nthWeekdayOfMonth(year, rule.month, weekdayOfName(rule.weekday), rule.n);
  }
}

/**
 * The holidays of one year as observed, in date order. Weekend holidays marked `substitute` move
 * to the next weekday that is not already a holiday, taken in date order, so Christmas on Saturday
 * and Boxing Day on Sunday give Monday 27 and Tuesday 28, and Christmas on Sunday gives Tuesday 27
 * (Monday 26 is Boxing Day itself).
 */
export function observedHolidays(def: RuleCalendarDefinition, year: number): ObservedHoliday[] {
  const weekend = new Set(def.weekend.map(weekdayOfName));
  const raw = def.holidays.map((h) => ({ h, day: ruleDay(h.rule, year) })).sort((a, b) => a.day - b.day);
  const taken = new Set<Day>();
  const out: ObservedHoliday[] = [];
  for (const { h, day } of raw) {
    if (!weekend.has(weekday(day))) {
      taken.add(day);
      out.push({ day, name: h.name, holidayId: h.id });
    }
  }
  for (const { h, day } of raw) {
    if (!weekend.has(weekday(day)) || !h.substitute) continue;
    let sub = day + 1;
    while (weekend.has(weekday(sub)) || taken.has(sub)) sub++;
    taken.add(sub);
    out.push({ day: sub, name: `${h.name} (substitute day)`, holidayId: h.id, substituteFor: day });
  }
  return out.sort((a, b) => a.day - b.day);
}

/** Exchange one-off changes to the rule calendar. */
export interface Adjustment {
  date: string;
  /** closure: an extra closed day; opening: a rule holiday that is not kept (it moved). */
  kind: 'closure' | 'opening';
  name: string;
}

export interface DatedAdjustment extends Adjustment {
  /** The first date on which the calendar reflects it (YYYY-MM-DD). */
  effectiveFrom: string;
  /** The date from which it no longer applies, when withdrawn. */
  withdrawnFrom: string | null;
}

/** The adjustments in force on `asOf`: effective on or before it and not withdrawn by then. */
export const adjustmentsInForce = <T extends DatedAdjustment>(all: readonly T[], asOf: string): T[] =>
  all.filter((a) => a.effectiveFrom <= asOf && (a.withdrawnFrom === null || a.withdrawnFrom > asOf));

export const dayOf = (iso: string): Day => {
  const d = parseIsoDay(iso);
  if (d === undefined) throw new TypeError(`not a date: ${JSON.stringify(iso)}`);
  return d;
};
