// Exact decimals for collateral arithmetic: a value is an integer count of 10^-scale units (BigInt),
// so tonnes × price × (100 − haircut) / 100 is exact at whatever scale the product needs, and a
// ratio is rounded once, half up, where it is shown. No floats. Pure.

export interface Dec {
  units: bigint;
  scale: number;
}

const PLAIN = /^(-)?(\d{1,30})(?:\.(\d{1,18}))?$/;

/** A plain decimal ("25", "9512.50", "-0.5"); throws RangeError naming the text otherwise. */
export function dec(text: string): Dec {
  const m = PLAIN.exec(text);
  if (!m) throw new RangeError(`not a plain decimal: ${JSON.stringify(text)}`);
  const frac = m[3] ?? '';
  const units = BigInt(`${m[2]}${frac}`);
  return { units: m[1] ? -units : units, scale: frac.length };
}

export const isDecimal = (text: string): boolean => PLAIN.test(text);

const pow10 = (n: number): bigint => 10n ** BigInt(n);

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

export const add = (a: Dec, b: Dec): Dec => {
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
};
export const sub = (a: Dec, b: Dec): Dec => {
  const [x, y, scale] = align(a, b);
  return { units: x - y, scale };
};
export const mul = (a: Dec, b: Dec): Dec => ({ units: a.units * b.units, scale: a.scale + b.scale });
export const sum = (xs: readonly Dec[]): Dec => xs.reduce(add, { units: 0n, scale: 0 });
/** Exact division by a power of ten (a percentage by 100). */
export const shift = (a: Dec, places: number): Dec => ({ units: a.units, scale: a.scale + places });

export function compare(a: Dec, b: Dec): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isZero = (a: Dec): boolean => a.units === 0n;

/** The exact value, without trailing zeros ("214031.25", "0", "-3"). */
export function format(a: Dec): string {
  const neg = a.units < 0n;
  const abs = neg ? -a.units : a.units;
  const s = abs.toString().padStart(a.scale + 1, '0');
  const int = s.slice(0, s.length - a.scale);
  const frac = s.slice(s.length - a.scale).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Integer division rounded half away from zero. */
function roundedDiv(n: bigint, d: bigint): bigint {
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (2n * ad);
  return neg ? -q : q;
}

/** The value rounded half up to `places` decimals, written with exactly that many. */
export function fixed(a: Dec, places: number): string {
  const units = a.scale <= places ? a.units * pow10(places - a.scale) : roundedDiv(a.units, pow10(a.scale - places));
  return formatFixed(units, places);
}

/** a ÷ b rounded half up to `places` decimals, written with exactly that many; b must not be zero. */
export function divide(a: Dec, b: Dec, places: number): string {
  if (b.units === 0n) throw new RangeError('division by zero');
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale); scaled to 10^places.
  const n = a.units * pow10(places + b.scale);
  const d = b.units * pow10(a.scale);
  return formatFixed(roundedDiv(n, d), places);
}

function formatFixed(units: bigint, places: number): string {
  const neg = units < 0n;
  const s = (neg ? -units : units).toString().padStart(places + 1, '0');
  const int = s.slice(0, s.length - places);
  const frac = s.slice(s.length - places);
  return `${neg ? '-' : ''}${int}${places ? `.${frac}` : ''}`;
}
