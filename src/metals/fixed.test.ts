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

  // parseDecimal answers the common short values without the regex and BigInt string parsing;
  // both ways must agree with this plain reference, value and error code alike.
  const reference = (text: string, maxDigits: number): bigint | string => {
    if (text.length === 0) return 'empty';
    if (text.length > 64) return 'too_long';
    const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
    if (!m) return /^-\d+(\.\d+)?$/.test(text) ? 'negative' : 'syntax';
    const fraction = (m[2] ?? '').replace(/0+$/, '');
    if (fraction.length > Math.min(maxDigits, SCALE)) return 'precision';
    return BigInt(m[1]!) * 10n ** 12n + BigInt(fraction.padEnd(12, '0') || '0');
  };
  const outcome = (text: string, maxDigits: number): bigint | string => {
    const r = tryParseDecimal(text, maxDigits);
    return r.ok ? toUnits(r.value) : r.error.code;
  };

  it.each([
    ['999.999999999999', 12],
    ['999.9999999999999', 12],
    ['1000', 12],
    ['9006.999999999999', 12],
    ['9007', 12],
    ['9007.000000000001', 12],
    ['9999.999999999999', 12],
    ['999', 12],
    ['0999.5', 12],
    ['0000000000000000000000999.000000000000000000', 12],
    ['1000.000000000001', 12],
    ['0.000000000001', 12],
    ['0.00000001', 8],
    ['0.000000001', 8],
    ['0.0000000010', 8],
    ['12.3400000000000', 2],
    ['1.2.3', 12],
    ['9007199254740993', 12],
    ['0.', 12],
    ['.0', 12],
    ['-0', 12],
  ])('short and general paths agree on %j (at most %i places)', (text, digits) => {
    expect(outcome(text, digits)).toEqual(reference(text, digits));
  });

  it('agrees with the BigInt reference on random decimal-like strings', () => {
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const decimalLike = fc.oneof(
      fc.tuple(fc.array(digit, { minLength: 1, maxLength: 5 }), fc.array(digit, { maxLength: 16 })).map(
        ([i, f]) => (f.length ? `${i.join('')}.${f.join('')}` : i.join('')),
      ),
      fc.array(fc.constantFrom(...'0123456789.-e '.split('')), { maxLength: 20 }).map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(decimalLike, fc.integer({ min: 0, max: 12 }), (text, digits) => {
        expect(outcome(text, digits)).toEqual(reference(text, digits));
      }),
      { numRuns: 20_000 },
    );
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
  it('formats exactly what the BigInt arithmetic says, on either side of the safe-integer range', () => {
    const referenceFormat = (v: bigint): string => {
      const abs = v < 0n ? -v : v;
      const f = (abs % 10n ** 12n).toString().padStart(12, '0').replace(/0+$/, '');
      return `${v < 0n ? '-' : ''}${abs / 10n ** 12n}${f ? `.${f}` : ''}`;
    };
    const edges = [0n, 1n, 10n ** 12n, 10n ** 12n + 1n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 10n ** 30n + 7n, -1n, -(2n ** 53n)];
    for (const v of edges) expect(formatDecimal(fromUnits(v))).toBe(referenceFormat(v));
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), (v) => {
        expect(formatDecimal(fromUnits(v))).toBe(referenceFormat(v));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 53n }), (v) => {
        expect(formatDecimal(fromUnits(v))).toBe(referenceFormat(v));
      }),
      { numRuns: 20_000 },
    );
  });

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
