// Exact fixed-point decimals for rent: integers (BigInt) counting 10^-scale units. No floats.
//
//   rent rate   US$ per tonne per day, scale 4   (0.61 → 6100n)
//   tonnage     tonnes, scale 6 (to the gram)     (25.123 → 25123000n; bundles are weighed to 0.001 kg)
//   exact rent  rate × tonnes, scale 10           (one day of 25.123 t at 0.61 → 153250300000n = 15.3250300000)
//   money       scale 2 (cents)                   (15.33 → 1533n)
//   percentages scale 4                           (1 % → 10000n)
//
// Rounding is half-up on the magnitude (half away from zero); rent amounts are never negative.

export const RATE_SCALE = 4;
export const TONNE_SCALE = 6;
export const EXACT_SCALE = RATE_SCALE + TONNE_SCALE;
export const MONEY_SCALE = 2;
export const PCT_SCALE = 4;

const DECIMAL = /^(-)?(\d{1,18})(?:\.(\d{1,18}))?$/;
const POW10: bigint[] = Array.from({ length: 40 }, (_v, i) => 10n ** BigInt(i));

/**
 * A decimal string as a count of 10^-scale units. Refuses (RangeError naming the value) anything
 * that is not a plain decimal, or that has non-zero digits beyond `scale` places: those cannot be
 * held exactly and are never silently rounded.
 */
export function parseScaled(text: string, scale: number, what = 'value'): bigint {
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`${what} "${text}" is not a plain decimal`);
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > scale) throw new RangeError(`${what} "${text}" has more than ${scale} decimal places`);
  const units = BigInt(m[2]!) * POW10[scale]! + BigInt(fraction.padEnd(scale, '0') || '0');
  return m[1] ? -units : units;
}

/** Units as a decimal string with exactly `decimals` places (default: the scale), e.g. 1533n, 2 → "15.33". */
export function formatScaled(units: bigint, scale: number, decimals = scale): string {
  const v = decimals === scale ? units : decimals > scale ? units * POW10[decimals - scale]! : roundHalfUp(units, scale, decimals);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  if (decimals === 0) return `${neg ? '-' : ''}${abs}`;
  const s = abs.toString().padStart(decimals + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

/** Units as the shortest decimal string (no trailing zeros), e.g. 6100n, 4 → "0.61". */
export function formatMinimal(units: bigint, scale: number): string {
  const s = formatScaled(units, scale);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Rounds a count of 10^-from units to 10^-to units (to ≤ from), half-up on the magnitude. */
export function roundHalfUp(units: bigint, from: number, to: number): bigint {
  if (to >= from) return units * POW10[to - from]!;
  const d = POW10[from - to]!;
  const neg = units < 0n;
  const abs = neg ? -units : units;
  const q = (abs * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/** Rounds the fraction num/den (den > 0) to an integer, half-up on the magnitude. */
export function divideHalfUp(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (abs * 2n + den) / (2n * den);
  return neg ? -q : q;
}

export const parseRate = (text: string): bigint => parseScaled(text, RATE_SCALE, 'rent rate');
export const parseTonnes = (text: string): bigint => parseScaled(text, TONNE_SCALE, 'tonnage');
export const parseMoney = (text: string): bigint => parseScaled(text, MONEY_SCALE, 'amount');
export const parsePct = (text: string): bigint => parseScaled(text, PCT_SCALE, 'percentage');

export const formatRate = (units: bigint): string => formatMinimal(units, RATE_SCALE);
export const formatMoney = (cents: bigint): string => formatScaled(cents, MONEY_SCALE);
export const formatExact = (units: bigint): string => formatScaled(units, EXACT_SCALE);

/** `pct` % of an amount in cents, rounded half-up to the cent: the supervision fee. */
export const percentOf = (cents: bigint, pct: bigint): bigint => divideHalfUp(cents * pct, 100n * POW10[PCT_SCALE]!);
