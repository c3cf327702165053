import { describe, expect, it } from 'vitest';
import { add, compare, dec, divide, fixed, format, mul, shift, sub } from './decimal.ts';

describe('exact decimals', () => {
  it('parses, multiplies and writes without floats', () => {
    expect(format(mul(dec('25'), dec('9512.50')))).toBe('237812.5');
    // 0.1 + 0.2 is exactly 0.3 here.
    expect(format(add(dec('0.1'), dec('0.2')))).toBe('0.3');
    expect(format(sub(dec('100'), dec('12.5')))).toBe('87.5');
    expect(format(shift(dec('87.5'), 2))).toBe('0.875');
    expect(format(sub(dec('1'), dec('3.25')))).toBe('-2.25');
    expect(compare(dec('80'), dec('80.0000'))).toBe(0);
    expect(compare(dec('79.9999'), dec('80'))).toBe(-1);
  });

  it('rounds half up once, where it is shown', () => {
    expect(fixed(dec('1.005'), 2)).toBe('1.01');
    expect(fixed(dec('1.004999'), 2)).toBe('1.00');
    expect(fixed(dec('7'), 2)).toBe('7.00');
    expect(divide(dec('2'), dec('3'), 4)).toBe('0.6667');
    expect(divide(dec('1'), dec('8'), 2)).toBe('0.13');
    expect(divide(dec('390000'), dec('491552.1875'), 6)).toBe('0.793405');
    expect(() => divide(dec('1'), dec('0'), 2)).toThrow(RangeError);
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', '1e3', '.5', '5.', ' 1', '1,000', 'NaN']) expect(() => dec(bad), bad).toThrow(RangeError);
  });
});
