// Exact decimal fixed-point arithmetic on BigInt. No floats anywhere.
//
// A `Fixed` is an integer count of 10^-SCALE units. For mass % that is a resolution of 1e-12 %,
// far finer than any laboratory reports. ppm values convert to % by dividing by 10^4, so a ppm
// value may carry at most SCALE − 4 = 8 decimal places to stay exact.

export const SCALE = 12;
/** Largest number of decimal places a ppm value may carry and still convert to % exactly. */
export const PPM_FRACTION_DIGITS = SCALE - 4;
/** Refuse absurdly long inputs before doing BigInt work on them. */
export const MAX_DECIMAL_LENGTH = 64;

declare const fixedBrand: unique symbol;
/** An integer count of 10^-SCALE units. Build with `parseDecimal` or `fromUnits`. */
export type Fixed = bigint & { readonly [fixedBrand]: true };

const UNIT = 10n ** BigInt(SCALE);
const PPM_PER_PERCENT = 10_000n;

export const fromUnits = (units: bigint): Fixed => units as Fixed;
export const toUnits = (value: Fixed): bigint => value;

export const ZERO: Fixed = fromUnits(0n);
export const HUNDRED: Fixed = fromUnits(100n * UNIT);

export type DecimalErrorCode = 'not_a_string' | 'empty' | 'too_long' | 'negative' | 'syntax' | 'precision';

export class DecimalError extends Error {
  readonly code: DecimalErrorCode;
  constructor(code: DecimalErrorCode, message: string) {
    super(message);
    this.name = 'DecimalError';
    this.code = code;
  }
}

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Parse a non-negative plain decimal ("0.0026", "25", "100.0"). Rejects signs, exponents,
 * whitespace, "5." and ".5", and values with more than `maxFractionDigits` significant decimal
 * places (trailing zeros do not count). Throws DecimalError.
 */
export function parseDecimal(text: string, maxFractionDigits: number = SCALE): Fixed {
  if (typeof text !== 'string')
    throw new DecimalError('not_a_string', `expected a decimal string, got ${typeof text}`);
  if (text.length === 0) throw new DecimalError('empty', 'expected a decimal, got an empty string');
  if (text.length > MAX_DECIMAL_LENGTH) {
    throw new DecimalError('too_long', `decimal is longer than ${MAX_DECIMAL_LENGTH} characters`);
  }
  const fast = parseShort(text, maxFractionDigits);
  if (fast !== undefined) return fast;
  const match = PLAIN_DECIMAL.exec(text);
  if (match === null) {
    if (text.startsWith('-') && PLAIN_DECIMAL.test(text.slice(1))) {
      throw new DecimalError('negative', `"${text}" is negative; only non-negative values are allowed`);
    }
    throw new DecimalError('syntax', `"${text}" is not a plain decimal (digits with an optional ".digits")`);
  }
  const intPart = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const limit = Math.min(maxFractionDigits, SCALE);
  if (fraction.length > limit) {
    throw new DecimalError(
      'precision',
      `"${text}" has ${fraction.length} decimal places; at most ${limit} can be held exactly`,
    );
  }
  return fromUnits(BigInt(intPart) * UNIT + BigInt(fraction.padEnd(SCALE, '0') || '0'));
}

// parseShort's values stay below 9007 × 10^SCALE ≈ 9.007 × 10^15 units, under 2^53 ≈ 9.0072 × 10^15,
// so every step of it is an exact integer in a double.
const SHORT_INT_LIMIT = 9007;
const POW10 = Array.from({ length: SCALE + 1 }, (_, i) => 10 ** i);
/** UNIT as a double: 10^SCALE. */
const UNIT_NUMBER = POW10[SCALE]!;

/**
 * The common case without regex or BigInt string parsing: a well-formed decimal below 9007 with at
 * most SCALE fraction digits, accumulated exactly in a double. Anything else (an error to report,
 * a long or large value) returns undefined and takes the general path, which decides identically.
 */
function parseShort(text: string, maxFractionDigits: number): Fixed | undefined {
  let int = 0;
  let intDigits = 0;
  let frac = 0;
  let fracDigits = 0;
  let significant = 0;
  let dot = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (dot || intDigits === 0) return undefined;
      dot = true;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return undefined;
    if (dot) {
      if (++fracDigits > SCALE) return undefined;
      frac = frac * 10 + d;
      if (d !== 0) significant = fracDigits;
    } else {
      intDigits++;
      int = int * 10 + d;
      if (int >= SHORT_INT_LIMIT) return undefined;
    }
  }
  if (intDigits === 0 || (dot && fracDigits === 0) || significant > Math.min(maxFractionDigits, SCALE)) return undefined;
  const units = int * UNIT_NUMBER + frac * POW10[SCALE - fracDigits]!;
  return fromUnits(BigInt(units));
}

export type ParseOutcome = { ok: true; value: Fixed } | { ok: false; error: DecimalError };

/** Like parseDecimal but never throws; accepts unknown input (non-strings fail). */
export function tryParseDecimal(text: unknown, maxFractionDigits: number = SCALE): ParseOutcome {
  if (typeof text !== 'string') {
    return {
      ok: false,
      error: new DecimalError('not_a_string', `expected a decimal string, got ${describe(text)}`),
    };
  }
  try {
    return { ok: true, value: parseDecimal(text, maxFractionDigits) };
  } catch (err) {
    if (err instanceof DecimalError) return { ok: false, error: err };
    throw err;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

/** Minimal decimal string: no trailing zeros, no trailing ".", "0" for zero, "-" for negatives. */
export function formatDecimal(value: Fixed): string {
  if (value >= 0n && value <= MAX_SAFE_UNITS) return formatShort(Number(value));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const intPart = abs / UNIT;
  const fraction = (abs % UNIT).toString().padStart(SCALE, '0').replace(/0+$/, '');
  const body = fraction.length > 0 ? `${intPart}.${fraction}` : `${intPart}`;
  return negative ? `-${body}` : body;
}

const MAX_SAFE_UNITS = BigInt(Number.MAX_SAFE_INTEGER);

/** formatDecimal for a non-negative safe integer count of units, in exact double arithmetic. */
function formatShort(units: number): string {
  let fraction = units % UNIT_NUMBER;
  const intPart = (units - fraction) / UNIT_NUMBER;
  if (fraction === 0) return String(intPart);
  let digits = SCALE;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${intPart}.${String(fraction).padStart(digits, '0')}`;
}

export const add = (a: Fixed, b: Fixed): Fixed => fromUnits(a + b);
export const sub = (a: Fixed, b: Fixed): Fixed => fromUnits(a - b);
export const compare = (a: Fixed, b: Fixed): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);
export const sum = (values: Iterable<Fixed>): Fixed => {
  let total = 0n;
  for (const v of values) total += v;
  return fromUnits(total);
};

/** ppm → mass %: 1 ppm = 0.0001 %. Exact, or throws if the result needs more than SCALE places. */
export function ppmToPercent(ppm: Fixed): Fixed {
  if (ppm % PPM_PER_PERCENT !== 0n) {
    throw new DecimalError(
      'precision',
      `${formatDecimal(ppm)} ppm cannot be expressed exactly in % at scale 1e-${SCALE}`,
    );
  }
  return fromUnits(ppm / PPM_PER_PERCENT);
}

/** mass % → ppm; always exact. */
export const percentToPpm = (percent: Fixed): Fixed => fromUnits(percent * PPM_PER_PERCENT);
