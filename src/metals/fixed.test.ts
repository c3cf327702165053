import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DecimalError,
  SCALE,
  add,
  compare,
  formatDecimal,
  fromUnits,
  parseDecimal,
  percentToPpm,
  ppmToPercent,
  sub,
  sum,
  toUnits,
  tryParseDecimal,
} from './fixed.ts';

const units = (text: string): bigint => toUnits(parseDecimal(text));

describe('parseDecimal', () => {
  it('parses plain decimals at scale 1e-12', () => {
    expect(SCALE).toBe(12);
    expect(units('0.0026')).toBe(2_600_000_000n);
    expect(units('25')).toBe(25_000_000_000_000n);
    expect(units('0')).toBe(0n);
    expect(units('100.000')).toBe(100n * 10n ** 12n);
    expect(units('0.000000000001')).toBe(1n);
    expect(units('007.50')).toBe(7_500_000_000_000n);
  });

  it.each([
    ['1e-4', 'syntax'],
    ['-0.5', 'negative'],
    ['+1', 'syntax'],
    ['.5', 'syntax'],
    ['5.', 'syntax'],
    [' 1', 'syntax'],
    ['1,5', 'syntax'],
    ['0x10', 'syntax'],
    ['NaN', 'syntax'],
    ['', 'empty'],
    ['0.0000000000001', 'precision'],
    ['1'.repeat(65), 'too_long'],
  ])('rejects %j (%s)', (text, code) => {
    expect(() => parseDecimal(text)).toThrow(DecimalError);
    const out = tryParseDecimal(text);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe(code);
  });

  it('ignores trailing zeros when counting precision', () => {
    expect(units('0.1000000000000000')).toBe(100_000_000_000n);
  });

  it('honours a smaller fraction-digit limit', () => {
    expect(() => parseDecimal('0.123456789', 8)).toThrow(/9 decimal places; at most 8/);
    expect(toUnits(parseDecimal('0.12345678', 8))).toBe(123_456_780_000n);
  });

  it('tryParseDecimal rejects non-strings without throwing', () => {
    for (const v of [0.5, 25, null, undefined, {}, []]) {
      const out = tryParseDecimal(v);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error.code).toBe('not_a_string');
    }
  });
});

describe('formatDecimal', () => {
  it('gives the minimal form', () => {
    expect(formatDecimal(parseDecimal('0.00020'))).toBe('0.0002');
    expect(formatDecimal(parseDecimal('25.0'))).toBe('25');
    expect(formatDecimal(parseDecimal('0'))).toBe('0');
    expect(formatDecimal(fromUnits(-1n))).toBe('-0.000000000001');
    expect(formatDecimal(sub(parseDecimal('99.9'), parseDecimal('100')))).toBe('-0.1');
  });
});

describe('ppm ↔ %', () => {
  it('1 ppm = 0.0001 %', () => {
    expect(formatDecimal(ppmToPercent(parseDecimal('25')))).toBe('0.0025');
    expect(formatDecimal(ppmToPercent(parseDecimal('1000000')))).toBe('100');
    expect(formatDecimal(percentToPpm(parseDecimal('0.0026')))).toBe('26');
  });
  it('refuses a ppm value that is not exact in %', () => {
    expect(() => ppmToPercent(fromUnits(1n))).toThrow(DecimalError);
  });
});

/** A non-negative decimal string with up to `maxDigits` fraction digits, and its unit count. */
const decimalArb = (maxDigits = SCALE) =>
  fc
    .record({
      int: fc.bigInt({ min: 0n, max: 10n ** 20n }),
      frac: fc.nat({ max: maxDigits }),
      trail: fc.nat({ max: 3 }),
    })
    .chain(({ int, frac, trail }) =>
      fc.bigInt({ min: 0n, max: 10n ** BigInt(frac) - 1n }).map((f) => {
        const fracText = frac === 0 ? '' : `.${f.toString().padStart(frac, '0')}${'0'.repeat(trail)}`;
        return {
          text: `${int}${fracText}`,
          units: int * 10n ** BigInt(SCALE) + f * 10n ** BigInt(SCALE - frac),
        };
      }),
    );

describe('properties', () => {
  it('parse agrees with the digit-by-digit value', () => {
    fc.assert(fc.property(decimalArb(), ({ text, units: u }) => toUnits(parseDecimal(text)) === u));
  });

  it('format ∘ parse and parse ∘ format round-trip', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (u) => {
        const text = formatDecimal(fromUnits(u));
        expect(toUnits(parseDecimal(text))).toBe(u);
        // minimal: no trailing zeros after a point, no trailing point
        expect(text).not.toMatch(/\.\d*0$|\.$/);
      }),
    );
    fc.assert(
      fc.property(decimalArb(), ({ text }) => {
        const once = formatDecimal(parseDecimal(text));
        expect(formatDecimal(parseDecimal(once))).toBe(once);
      }),
    );
  });

  it('add, sub, sum and compare agree with BigInt arithmetic', () => {
    fc.assert(
      fc.property(decimalArb(), decimalArb(), (a, b) => {
        const x = parseDecimal(a.text);
        const y = parseDecimal(b.text);
        expect(toUnits(add(x, y))).toBe(a.units + b.units);
        expect(toUnits(sub(x, y))).toBe(a.units - b.units);
        expect(toUnits(sum([x, y, x]))).toBe(2n * a.units + b.units);
        expect(compare(x, y)).toBe(a.units < b.units ? -1 : a.units > b.units ? 1 : 0);
        // the sum formats to a string that parses back to the same sum
        expect(toUnits(parseDecimal(formatDecimal(add(x, y))))).toBe(a.units + b.units);
      }),
    );
  });

  it('ppm → % → ppm is exact for ppm values with ≤ 8 decimal places', () => {
    fc.assert(
      fc.property(decimalArb(8), ({ text, units: u }) => {
        const pct = ppmToPercent(parseDecimal(text, 8));
        expect(toUnits(pct) * 10_000n).toBe(u);
        expect(toUnits(percentToPpm(pct))).toBe(u);
      }),
    );
  });
});
