// Field checks the sustainability and CBAM rules share: dates, plain decimals written as text, and
// the problem shape every rule reports (a field path relative to the request body and a message).
// Pure.

export interface FieldProblem {
  field: string;
  message: string;
  /**
   * A stable code the web app translates (error.details[].code), and the values its message names
   * (sent beside it in the detail, e.g. `found`, `limit`).
   */
  code?: string;
  params?: Record<string, string | number>;
}

/** A problem with its code and values, for rules that `add(field, message, code, params)`. */
export type Problem = Omit<FieldProblem, 'field'>;

/** A field problem as an error detail: path under `body`, its code and values beside the message. */
export const fieldDetail = (p: FieldProblem, path = `body.${p.field}`) => ({
  path,
  message: p.message,
  ...(p.code ? { code: p.code } : {}),
  ...p.params,
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const MAX_DECIMAL = 32;

/** A non-negative plain decimal written as text; returns why not (with its code), or null. */
export function decimalIssue(text: string): Problem | null {
  if (text.length > MAX_DECIMAL) return { message: `is longer than ${MAX_DECIMAL} characters`, code: 'too_long', params: { limit: MAX_DECIMAL } };
  if (text.startsWith('-') && DECIMAL.test(text.slice(1))) return { message: `must not be negative (found ${text})`, code: 'negative_number', params: { found: text } };
  if (!DECIMAL.test(text)) return { message: `is not a plain decimal number (found "${text}")`, code: 'not_decimal', params: { found: text } };
  return null;
}

/** A non-negative plain decimal written as text; returns why not, or null. */
export const decimalProblem = (text: string): string | null => decimalIssue(text)?.message ?? null;

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
