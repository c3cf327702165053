// Civil dates as integer day numbers (days since 1970-01-01, proleptic Gregorian). Prompt
// calculations walk hundreds of days per trade date, so they work on plain integers and convert
// to YYYY-MM-DD only at the edges; no Date objects, no time zones.

/** Days since 1970-01-01. */
export type Day = number;

/** 0 = Sunday … 6 = Saturday, as JavaScript's Date.getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export const weekdayOfName = (name: WeekdayName): Weekday => WEEKDAY_NAMES.indexOf(name) as Weekday;

export interface Civil {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer arithmetic for any year.
export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(d: Day): Civil {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 1970-01-01 was a Thursday. */
export const weekday = (d: Day): Weekday => ((((d + 4) % 7) + 7) % 7) as Weekday;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, or undefined (2026-02-30, 2026-2-3 and "" are not). */
export function parseIsoDay(text: unknown): Day | undefined {
  if (typeof text !== 'string') return undefined;
  const m = ISO_DATE.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, day);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatDay(d: Day): string {
  const c = civilFromDay(d);
  return `${String(c.year).padStart(4, '0')}-${pad2(c.month)}-${pad2(c.day)}`;
}

/** Same day-of-month `months` later, clamped to the month's end (30 Nov + 3M → 28/29 Feb). */
export function addMonthsClamped(d: Day, months: number): Day {
  const c = civilFromDay(d);
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayFromCivil(year, month, Math.min(c.day, daysInMonth(year, month)));
}

/** The n-th (1-based) given weekday of a month; n = -1 is the last. */
export function nthWeekdayOfMonth(year: number, month: number, wd: Weekday, n: number): Day {
  if (n > 0) {
    const first = dayFromCivil(year, month, 1);
    return first + ((wd - weekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = dayFromCivil(year, month, daysInMonth(year, month));
  return last - ((weekday(last) - wd + 7) % 7) + (n + 1) * 7;
}

/** Year and month as one integer (year * 12 + month − 1), to compare months cheaply. */
export const monthIndex = (d: Day): number => {
  const c = civilFromDay(d);
  return c.year * 12 + c.month - 1;
};

/**
 * Easter Sunday (Gregorian) by Oudin's algorithm (1940), as given in Tøndering's Calendar FAQ. The
 * tests check it against the Meeus/Jones/Butcher algorithm, written independently there.
 */
export function easterSunday(year: number): Day {
  const g = year % 19;
  const c = Math.floor(year / 100);
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30;
  const i = h - Math.floor(h / 28) * (1 - Math.floor(h / 28) * Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11));
  const j = (year + Math.floor(year / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const l = i - j;
  const month = 3 + Math.floor((l + 40) / 44);
  const day = l + 28 - 31 * Math.floor(month / 4);
  return dayFromCivil(year, month, day);
}
