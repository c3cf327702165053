import { describe, expect, it } from 'vitest';
import { parseRentSettings, rentSettings } from './settings.ts';

describe('rent settings (reference/rent.json)', () => {
  it('holds the exchange figures: 1 April rate year, 80 queue days, 1 % supervision fee', () => {
    const s = rentSettings();
    expect(s.rateYear).toEqual({ startMonth: 4, startDay: 1 });
    expect(s.queueRentCapDays).toBe(80);
    expect(s.supervisionFeePct).toBe('1');
    expect(s.perWarrantFees.map((f) => f.code)).toContain('ecoa_registration');
  });

  it('refuses a file it cannot apply exactly, naming each problem', () => {
    const good = JSON.parse(JSON.stringify(rentSettings()));
    expect(() => parseRentSettings({ ...good, queueRentCapDays: -1 })).toThrow(/queueRentCapDays/);
    expect(() => parseRentSettings({ ...good, supervisionFeePct: '1.00001' })).toThrow(/supervisionFeePct/);
    expect(() => parseRentSettings({ ...good, rateYear: { startMonth: 13, startDay: 1 } })).toThrow(/startMonth/);
    expect(() => parseRentSettings({ ...good, moneyDecimals: 3 })).toThrow(/moneyDecimals/);
    expect(parseRentSettings(good)).toEqual(rentSettings());
  });
});
