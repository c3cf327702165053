import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../market/dates.ts';
import { capsForYear, checkAgainstCaps, indexed, type CapInput } from './caps.ts';
import { formatMoney, formatRate, parseMoney, parsePct, parseRate } from './money.ts';

const RULE = { startMonth: 4, startDay: 1 };
const d = (iso: string) => parseIsoDay(iso)!;

const hkCopper: CapInput = {
  id: 'cap-hk-ca',
  location: 'HONGKONG',
  metal: 'CA',
  effectiveFrom: d('2025-01-20'),
  rent: parseRate('0.61'),
  fot: parseMoney('470'),
  fotCurrency: 'HKD',
  indexPct: null,
  indexFromYear: null,
};

const check = (rent: string, fot: string | null, caps = [hkCopper], year = 2026) =>
  checkAgainstCaps({ rent: parseRate(rent), fot: fot === null ? null : parseMoney(fot), currency: 'HKD' }, capsForYear(caps, year, RULE), { location: 'HONGKONG', metal: 'CA' });

describe('caps', () => {
  it('refuses 0.62 for Hong Kong copper naming the 0.61 cap, accepts 0.61', () => {
    const refused = check('0.62', '470');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ field: 'rentUsdPerTonneDay', capId: 'cap-hk-ca' });
    expect(refused[0]!.message).toBe('Rent of 0.62 US$/t/day is above the cap of 0.61 US$/t/day for CA at HONGKONG in 2026/27 (cap effective 2025-01-20)');
    expect(check('0.61', '470')).toEqual([]);
  });

  it('refuses an FOT charge above HK$470', () => {
    const refused = check('0.5', '470.01');
    expect(refused.map((p) => p.field)).toEqual(['fotPerTonne']);
    expect(refused[0]!.message).toContain('above the cap of 470.00 HKD/t');
    expect(check('0.5', null)).toEqual([]);
  });

  it('binds every cap in force during the rate year: one effective on 1 April and one from mid-year', () => {
    const lower: CapInput = { ...hkCopper, id: 'cap-oct', effectiveFrom: d('2026-10-01'), rent: parseRate('0.58') };
    expect(capsForYear([hkCopper, lower], 2026, RULE).map((c) => c.id)).toEqual(['cap-hk-ca', 'cap-oct']);
    expect(check('0.60', null, [hkCopper, lower]).map((p) => p.capId)).toEqual(['cap-oct']);
    // The year before knew only the first; the year after only the second.
    expect(capsForYear([hkCopper, lower], 2025, RULE).map((c) => c.id)).toEqual(['cap-hk-ca']);
    expect(capsForYear([hkCopper, lower], 2027, RULE).map((c) => c.id)).toEqual(['cap-oct']);
    // Nothing in force yet: no cap binds.
    expect(capsForYear([hkCopper], 2023, RULE)).toEqual([]);
  });

  it('indexes a cap yearly from a stated year, compounding, rounded to the cap precision', () => {
    // 0.61 with 3 % from 2027: 2026/27 0.61; 2027/28 0.61 × 1.03 = 0.6283; 2028/29 0.61 × 1.0609 = 0.647149 → 0.6471
    const rate = parseRate('0.61');
    const pct = parsePct('3');
    expect(formatRate(indexed(rate, pct, 2027, 2026).value)).toBe('0.61');
    expect(formatRate(indexed(rate, pct, 2027, 2027).value)).toBe('0.6283');
    expect(formatRate(indexed(rate, pct, 2027, 2028).value)).toBe('0.6471');
    // HK$470 × 1.03 = 484.10; × 1.0609 = 498.623 → 498.62
    expect(formatMoney(indexed(parseMoney('470'), pct, 2027, 2028).value)).toBe('498.62');
    const indexedCap = { ...hkCopper, indexPct: pct, indexFromYear: 2027 };
    expect(check('0.62', null, [indexedCap], 2026)).toHaveLength(1);
    expect(check('0.6283', null, [indexedCap], 2027)).toEqual([]);
    expect(check('0.6284', null, [indexedCap], 2027)[0]!.message).toContain('cap of 0.6283 US$/t/day for CA at HONGKONG in 2027/28 (cap effective 2025-01-20, indexed 1×)');
  });
});
