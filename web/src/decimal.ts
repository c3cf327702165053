// Exact decimal arithmetic on weight strings (kg, up to 3 decimals), as the server does it.

export const WEIGHT_PATTERN = /^[0-9]{1,9}(\.[0-9]{1,3})?$/;
export const VALUE_PATTERN = /^[0-9]+(\.[0-9]+)?$/;

export function toMilli(s: string): bigint | null {
  if (!WEIGHT_PATTERN.test(s)) return null;
  const [int, frac = ''] = s.split('.');
  return BigInt(int!) * 1000n + BigInt((frac + '000').slice(0, 3));
}

export function fromMilli(m: bigint): string {
  const neg = m < 0n;
  const a = neg ? -m : m;
  const int = a / 1000n;
  const frac = (a % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
