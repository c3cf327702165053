import { civilFromDay, dayFromCivil, formatDay, parseIsoDay, weekday, weekdayOfName, type Day, type WeekdayName } from './dates.ts';
import { observedHolidays, type Adjustment, type RuleCalendarDefinition } from './holidays.ts';

// Business-day calendars. The exchange calendar is the England & Wales rule set plus the
// exchange's adjustments; a local-market calendar (Hong Kong, Taiwan) is a published list of
// holidays for the years it covers. Both refuse dates they do not cover instead of guessing.

export type ClosureSource = 'rule' | 'exchange' | 'local';

export interface ClosedDay {
  date: string;
  name: string;
  source: ClosureSource;
}

export interface BusinessCalendar {
  readonly id: string;
  readonly name: string;
  /** First and last covered day; outside them every question throws CalendarRangeError. */
  readonly firstDay: Day;
  readonly lastDay: Day;
  isBusinessDay(d: Day): boolean;
  /** Why a weekday is closed (weekends are not listed), or undefined when it is open. */
  closure(d: Day): { name: string; source: ClosureSource } | undefined;
  /** Provisional years (derived, not yet published), for callers to flag. */
  readonly provisionalYears: readonly number[];
}

export class CalendarRangeError extends RangeError {
  constructor(
    readonly calendarId: string,
    readonly date: string,
    readonly coverage: { from: string; to: string },
  ) {
    super(`The ${calendarId} calendar covers ${coverage.from} to ${coverage.to}; ${date} is outside it`);
    this.name = 'CalendarRangeError';
  }
}

interface DayInfo {
  name: string;
  source: ClosureSource;
}

/** A calendar over a closed set of weekday closures, with weekends, filled a year at a time. */
class YearlyCalendar implements BusinessCalendar {
  readonly firstDay: Day;
  readonly lastDay: Day;
  private readonly weekend: boolean[];
  /** 1 = closed weekday, 2 = open weekend day (a make-up working day); index = day − firstDay. */
  private readonly flags: Uint8Array;
  private readonly filled: Uint8Array;
  private readonly names = new Map<Day, DayInfo>();

  constructor(
    readonly id: string,
    readonly name: string,
    private readonly firstYear: number,
    private readonly lastYear: number,
    weekend: WeekdayName[],
    private readonly fillYear: (year: number) => { closed: Map<Day, DayInfo>; open?: Set<Day> },
    readonly provisionalYears: readonly number[] = [],
  ) {
    this.firstDay = dayFromCivil(firstYear, 1, 1);
    this.lastDay = dayFromCivil(lastYear, 12, 31);
    const wk = new Set(weekend.map(weekdayOfName));
    this.weekend = [0, 1, 2, 3, 4, 5, 6].map((w) => wk.has(w as never));
    this.flags = new Uint8Array(this.lastDay - this.firstDay + 1);
    this.filled = new Uint8Array(lastYear - firstYear + 1);
  }

  private check(d: Day): number {
    if (!(d >= this.firstDay && d <= this.lastDay)) {
      throw new CalendarRangeError(this.id, Number.isFinite(d) ? formatDay(d) : String(d), {
        from: formatDay(this.firstDay),
        to: formatDay(this.lastDay),
      });
    }
    const year = civilFromDay(d).year;
    if (this.filled[year - this.firstYear] === 0) this.fill(year);
    return d - this.firstDay;
  }

  private fill(year: number): void {
    const { closed, open } = this.fillYear(year);
    for (const [day, info] of closed) {
      if (this.weekend[weekday(day)]) continue;
      this.flags[day - this.firstDay] = 1;
      this.names.set(day, info);
    }
    for (const day of open ?? []) if (this.weekend[weekday(day)]) this.flags[day - this.firstDay] = 2;
    this.filled[year - this.firstYear] = 1;
  }

  isBusinessDay(d: Day): boolean {
    const i = this.check(d);
    const f = this.flags[i]!;
    if (f === 2) return true;
    return f === 0 && !this.weekend[weekday(d)]!;
  }

  closure(d: Day): DayInfo | undefined {
    const i = this.check(d);
    return this.flags[i] === 1 ? this.names.get(d) : undefined;
  }
}

/**
 * The exchange calendar: rule holidays, minus `opening` adjustments, plus `closure` adjustments.
 * Pass the adjustments in force for the view wanted (see adjustmentsInForce).
 */
export function exchangeCalendar(def: RuleCalendarDefinition, adjustments: readonly Adjustment[]): BusinessCalendar {
  const byYear = new Map<number, Adjustment[]>();
  for (const a of adjustments) {
    const d = parseIsoDay(a.date);
    if (d === undefined) throw new TypeError(`adjustment date ${JSON.stringify(a.date)} is not a date`);
    const y = civilFromDay(d).year;
    byYear.set(y, [...(byYear.get(y) ?? []), a]);
  }
  return new YearlyCalendar(def.id, def.name, def.years.from, def.years.to, def.weekend, (year) => {
    const closed = new Map<Day, DayInfo>();
    for (const h of observedHolidays(def, year)) closed.set(h.day, { name: h.name, source: 'rule' });
    for (const a of byYear.get(year) ?? []) {
      const d = parseIsoDay(a.date)!;
      if (a.kind === 'opening') closed.delete(d);
    }
    for (const a of byYear.get(year) ?? []) {
      if (a.kind === 'closure') closed.set(parseIsoDay(a.date)!, { name: a.name, source: 'exchange' });
    }
    return { closed };
  });
}

export interface LocalCalendarDefinition {
  id: string;
  name: string;
  weekend: WeekdayName[];
  years: { year: number; provisional?: boolean; source: string }[];
  holidays: { date: string; name: string }[];
  workingDays: { date: string; name: string }[];
}

/** A local-market calendar from its published holiday lists; covers the listed years only. */
export function localCalendar(def: LocalCalendarDefinition): BusinessCalendar {
  const years = def.years.map((y) => y.year).sort((a, b) => a - b);
  const first = years[0]!;
  const last = years.at(-1)!;
  for (let y = first; y <= last; y++) {
    if (!years.includes(y)) throw new Error(`${def.id} calendar: years must be contiguous (missing ${y})`);
  }
  const dayOfEntry = (date: string): Day => {
    const d = parseIsoDay(date);
    if (d === undefined) throw new TypeError(`${def.id} calendar: ${JSON.stringify(date)} is not a date`);
    const y = civilFromDay(d).year;
    if (y < first || y > last) throw new Error(`${def.id} calendar: ${date} is outside the years it lists`);
    return d;
  };
  const closed = new Map<Day, DayInfo>(def.holidays.map((h) => [dayOfEntry(h.date), { name: h.name, source: 'local' as const }]));
  const open = new Set(def.workingDays.map((w) => dayOfEntry(w.date)));
  return new YearlyCalendar(
    def.id,
    def.name,
    first,
    last,
    def.weekend,
    () => ({ closed, open }),
    def.years.filter((y) => y.provisional).map((y) => y.year),
  );
}

// ---------------------------------------------------------------- walking business days

/** The first business day strictly after d. */
export function nextBusinessDay(cal: BusinessCalendar, d: Day): Day {
  let x = d + 1;
  while (!cal.isBusinessDay(x)) x++;
  return x;
}

/** The last business day strictly before d. */
export function previousBusinessDay(cal: BusinessCalendar, d: Day): Day {
  let x = d - 1;
  while (!cal.isBusinessDay(x)) x--;
  return x;
}

/** d itself when it is a business day, else the next one. */
export const onOrAfter = (cal: BusinessCalendar, d: Day): Day => (cal.isBusinessDay(d) ? d : nextBusinessDay(cal, d));

/** n ≥ 0 business days after d (n = 0 → d). */
export function addBusinessDays(cal: BusinessCalendar, d: Day, n: number): Day {
  let x = d;
  for (let i = 0; i < n; i++) x = nextBusinessDay(cal, x);
  return x;
}

/** Business days from `from` to `to`, both inclusive. */
export function businessDaysBetween(cal: BusinessCalendar, from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d++) if (cal.isBusinessDay(d)) out.push(d);
  return out;
}

/** Weekday closures between two days inclusive, named. */
export function closuresBetween(cal: BusinessCalendar, from: Day, to: Day): ClosedDay[] {
  const out: ClosedDay[] = [];
  for (let d = from; d <= to; d++) {
    const c = cal.closure(d);
    if (c) out.push({ date: formatDay(d), name: c.name, source: c.source });
  }
  return out;
}

/** Is this YYYY-MM-DD a working day in this calendar? Throws on a malformed or uncovered date. */
export function isWorkingDay(cal: BusinessCalendar, date: string): boolean {
  const d = parseIsoDay(date);
  if (d === undefined) throw new TypeError(`not a date: ${JSON.stringify(date)}`);
  return cal.isBusinessDay(d);
}
