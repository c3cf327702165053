// Field checks the sustainability and CBAM rules share: dates, plain decimals written as text, and
// the problem shape every rule reports (a field path relative to the request body and a message).
// Pure.

export interface FieldProblem {
  field: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const MAX_DECIMAL = 32;

/** A non-negative plain decimal written as text; returns why not, or null. */
export function decimalProblem(text: string): string | null {
  if (text.length > MAX_DECIMAL) return `is longer than ${MAX_DECIMAL} characters`;
  if (text.startsWith('-') && DECIMAL.test(text.slice(1))) return `must not be negative (found ${text})`;
  if (!DECIMAL.test(text)) return `is not a plain decimal number (found "${text}")`;
  return null;
}

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A plain decimal in one spelling: no leading zeros, no trailing fraction zeros, no sign on zero. */
function normalDecimal(text: string): string | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const int = m[2]!.replace(/^0+(?=\d)/, '');
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const sign = int === '0' && fraction === '' ? '' : m[1]!;
  return `${sign}${int}${fraction ? `.${fraction}` : ''}`;
}

/** Two decimals written as text are the same number (a numeric column may spell it differently). */
export function sameDecimal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = normalDecimal(a);
  return x !== null && x === normalDecimal(b);
}
