// Turning spreadsheet cells into text, and text back into cells safely. Pure functions.

/** A cell read from a file: its text, or why it could not be read as data. */
export type CellText = { text: string } | { error: string } | null;

/** A JavaScript number from a spreadsheet as a plain decimal string, never with an exponent. */
export function numberToDecimal(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // 15 significant digits is what a spreadsheet shows; beyond that is binary noise.
  const [mantissa, exp] = n.toPrecision(15).split('e');
  let s = mantissa!;
  if (exp !== undefined) {
    const e = Number(exp);
    const neg = s.startsWith('-');
    const digits = s.replace('-', '').replace('.', '');
    const point = s.replace('-', '').indexOf('.');
    const intLen = (point === -1 ? digits.length : point) + e;
    s =
      intLen <= 0
        ? `0.${'0'.repeat(-intLen)}${digits}`
        : intLen >= digits.length
          ? digits + '0'.repeat(intLen - digits.length)
          : `${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
    if (neg) s = `-${s}`;
  }
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A date cell as YYYY-MM-DD (spreadsheets store dates as UTC midnight). */
export const dateToIso = (d: Date): string => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The value of an exceljs cell as text; formulas are refused (an import takes values, not formulas). */
export function excelCellText(v: unknown): CellText {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : { text: v.trim() };
  if (typeof v === 'number') return { text: numberToDecimal(v) };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: 'is not a valid date' } : { text: dateToIso(v) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      return { error: 'is a formula; paste values only (Paste Special → Values) so the file holds the data itself' };
    }
    if (Array.isArray(o.richText)) {
      const text = (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('').trim();
      return text === '' ? null : { text };
    }
    if ('error' in o) return { error: `holds the spreadsheet error ${String(o.error)}` };
    if (typeof o.text === 'string') return o.text.trim() === '' ? null : { text: o.text.trim() };
  }
  return { error: 'is not a value this import understands' };
}

/** Text a spreadsheet would run as a formula when the cell is opened (CSV/formula injection). */
export const FORMULA_LEADS = ['=', '+', '-', '@', '\t', '\r'];
export const looksLikeFormula = (s: string): boolean => s.length > 0 && FORMULA_LEADS.includes(s[0]!);
/** Why such text is refused as data. */
export const FORMULA_REASON = 'starts with =, +, -, @, tab or CR, which spreadsheets run as a formula; remove the leading character';

/** Makes text inert in a spreadsheet: a leading ' keeps =, +, -, @, tab and CR from starting a formula. */
export const neutralise = (s: string): string => (looksLikeFormula(s) ? `'${s}` : s);
