import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closuresBetween, exchangeCalendar, isWorkingDay, localCalendar, CalendarRangeError } from './calendar.ts';
import { addMonthsClamped, civilFromDay, dayFromCivil, easterSunday, formatDay, parseIsoDay, weekday } from './dates.ts';
import { adjustmentsInForce, observedHolidays } from './holidays.ts';
import { localCalendarDefinitions, marketReference } from './reference.ts';

const ref = marketReference();
const exchange = exchangeCalendar(ref.exchange, ref.adjustments);

/** Meeus/Jones/Butcher Gregorian Easter, written here independently of dates.ts (which uses Oudin's). */
function easterMeeus(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('dates', () => {
  it('converts days and civil dates both ways, agreeing with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (d) => {
        const c = civilFromDay(d);
        expect(dayFromCivil(c.year, c.month, c.day)).toBe(d);
        expect(formatDay(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
        expect(weekday(d)).toBe(new Date(d * 86_400_000).getUTCDay());
      }),
    );
  });

  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseIsoDay('2024-02-29')).toBe(dayFromCivil(2024, 2, 29));
    for (const bad of ['2023-02-29', '2026-13-01', '2026-1-01', '2026-01-1', '', '2026-01-01T00:00', 20260101, null]) {
      expect(parseIsoDay(bad)).toBeUndefined();
    }
  });

  it('adds calendar months clamped to the month end', () => {
    const add = (s: string, n: number) => formatDay(addMonthsClamped(parseIsoDay(s)!, n));
    expect(add('2026-11-30', 3)).toBe('2027-02-28');
    expect(add('2023-11-30', 3)).toBe('2024-02-29');
    expect(add('2024-08-31', 3)).toBe('2024-11-30');
    expect(add('2024-01-31', 1)).toBe('2024-02-29');
    expect(add('2024-12-15', 3)).toBe('2025-03-15');
    expect(add('2024-02-13', 123)).toBe('2034-05-13');
  });
});

describe('Easter', () => {
  it('agrees with Meeus/Jones/Butcher for every year 1990–2100', () => {
    for (let y = 1990; y <= 2100; y++) expect(formatDay(easterSunday(y)), String(y)).toBe(easterMeeus(y));
  });

  // Known Easter Sundays (Western churches), including the extremes of the range.
  const KNOWN: Record<number, string> = {
    1990: '04-15', 1991: '03-31', 1992: '04-19', 1993: '04-11', 1994: '04-03', 1995: '04-16', 1996: '04-07',
    1997: '03-30', 1998: '04-12', 1999: '04-04', 2000: '04-23', 2001: '04-15', 2002: '03-31', 2003: '04-20',
    2004: '04-11', 2005: '03-27', 2006: '04-16', 2007: '04-08', 2008: '03-23', 2009: '04-12', 2010: '04-04',
    2011: '04-24', 2012: '04-08', 2013: '03-31', 2014: '04-20', 2015: '04-05', 2016: '03-27', 2017: '04-16',
    2018: '04-01', 2019: '04-21', 2020: '04-12', 2021: '04-04', 2022: '04-17', 2023: '04-09', 2024: '03-31',
    2025: '04-20', 2026: '04-05', 2027: '03-28', 2038: '04-25', 2285: '03-22',
  };
  it.each(Object.entries(KNOWN))('%s is %s', (year, md) => {
    expect(formatDay(easterSunday(Number(year)))).toBe(`${year}-${md}`);
  });
});

// England & Wales bank holidays as published by GOV.UK (https://www.gov.uk/bank-holidays,
// england-and-wales; 2019–2025 typed from its bank-holidays.json, 2026–2027 from the same page).
const PUBLISHED: Record<number, string[]> = {
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

describe('exchange calendar (England & Wales)', () => {
  it.each(Object.keys(PUBLISHED))('closes exactly on the published %s bank holidays', (year) => {
    const y = Number(year);
    const closed = closuresBetween(exchange, dayFromCivil(y, 1, 1), dayFromCivil(y, 12, 31)).map((c) => c.date);
    expect(closed).toEqual(PUBLISHED[y]!.map((md) => `${year}-${md}`));
  });

  it('names the moved and one-off days, and opens the days a holiday moved from', () => {
    const name = (s: string) => exchange.closure(parseIsoDay(s)!)?.name;
    expect(name('2020-05-08')).toBe('Early May bank holiday (VE day)');
    expect(isWorkingDay(exchange, '2020-05-04')).toBe(true);
    expect(name('2022-06-02')).toMatch(/Spring bank holiday/);
    expect(isWorkingDay(exchange, '2022-05-30')).toBe(true);
    expect(name('2022-06-03')).toBe('Platinum Jubilee bank holiday');
    expect(name('2022-09-19')).toMatch(/State Funeral/);
    expect(name('2023-05-08')).toMatch(/coronation/);
    for (const closed of ['1995-05-08', '1999-12-31', '2002-06-03', '2002-06-04', '2011-04-29', '2012-06-04', '2012-06-05']) {
      expect(isWorkingDay(exchange, closed), closed).toBe(false);
    }
    for (const open of ['1995-05-01', '2002-05-27', '2012-05-28']) expect(isWorkingDay(exchange, open), open).toBe(true);
    // 1999/2000: Christmas Saturday, Boxing Day Sunday, the millennium Friday, New Year's Day Saturday.
    expect(closuresBetween(exchange, parseIsoDay('1999-12-24')!, parseIsoDay('2000-01-04')!).map((c) => c.date)).toEqual([
      '1999-12-27',
      '1999-12-28',
      '1999-12-31',
      '2000-01-03',
    ]);
  });

  it('substitutes weekend holidays onto the next free weekday, whatever the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (y) => {
        const hs = observedHolidays(ref.exchange, y);
        expect(hs).toHaveLength(8);
        const days = hs.map((h) => h.day);
        expect(new Set(days).size).toBe(8);
        for (const h of hs) expect([0, 6]).not.toContain(weekday(h.day));
        const christmas = hs.filter((h) => h.holidayId === 'christmas' || h.holidayId === 'boxing').map((h) => formatDay(h.day).slice(5));
        const wd = weekday(dayFromCivil(y, 12, 25));
        const expected: Record<number, string[]> = {
          0: ['12-26', '12-27'], // Sunday: Boxing Day Monday, Christmas substitute Tuesday
          1: ['12-25', '12-26'],
          2: ['12-25', '12-26'],
          3: ['12-25', '12-26'],
          4: ['12-25', '12-26'],
          5: ['12-25', '12-28'], // Friday: Boxing Day Saturday → Monday
          6: ['12-27', '12-28'],
        };
        expect(christmas.sort()).toEqual(expected[wd]);
      }),
    );
  });

  it('applies an adjustment only while it is in force', () => {
    const dated = [
      { date: '2030-06-12', kind: 'closure' as const, name: 'Test closure', effectiveFrom: '2030-01-10', withdrawnFrom: '2030-03-01' },
    ];
    expect(adjustmentsInForce(dated, '2030-01-09')).toEqual([]);
    expect(adjustmentsInForce(dated, '2030-01-10')).toHaveLength(1);
    expect(adjustmentsInForce(dated, '2030-03-01')).toEqual([]);
  });

  it('refuses dates outside its years', () => {
    expect(() => exchange.isBusinessDay(dayFromCivil(1977, 12, 31))).toThrow(CalendarRangeError);
    expect(() => exchange.isBusinessDay(dayFromCivil(2200, 1, 1))).toThrow(CalendarRangeError);
  });
});

describe('local-market calendars', () => {
  const [hk, tw] = localCalendarDefinitions().map(localCalendar);

  it('Hong Kong: gazetted holidays close the warehouse, weekends too', () => {
    expect(hk!.id).toBe('HK');
    expect(isWorkingDay(hk!, '2026-02-17')).toBe(false); // Lunar New Year's Day
    expect(isWorkingDay(hk!, '2026-04-07')).toBe(false); // the day following Easter Monday
    expect(isWorkingDay(hk!, '2026-04-08')).toBe(true);
    expect(isWorkingDay(hk!, '2025-10-29')).toBe(false); // Chung Yeung
    expect(isWorkingDay(hk!, '2025-11-01')).toBe(false); // Saturday
    expect(hk!.provisionalYears).toEqual([2027]);
  });

  it('Taiwan: holidays, observed days and make-up working Saturdays', () => {
    expect(isWorkingDay(tw!, '2025-01-27')).toBe(false);
    expect(isWorkingDay(tw!, '2025-02-08')).toBe(true); // Saturday made a working day
    expect(isWorkingDay(tw!, '2026-10-26')).toBe(false); // Retrocession Day observed
    expect(isWorkingDay(tw!, '2026-10-27')).toBe(true);
  });

  it('refuses years it has no published list for', () => {
    expect(() => isWorkingDay(hk!, '2024-12-31')).toThrow(CalendarRangeError);
    expect(() => isWorkingDay(tw!, '2028-01-03')).toThrow(CalendarRangeError);
  });
});
