import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { METAL_CODES } from '../metals/spec-types.ts';
import type { ErrorDetail } from '../platform/errors.ts';
import type { PriceRow } from './credential.ts';

// Official price sheets: one row per price, with the columns date, metal, prompt, price and
// (optionally) currency, in any order, named in the first row (case and spaces ignored). CSV
// (RFC 4180, comma or semicolon) or an XLSX workbook (its first sheet). Every problem is named by
// row and column; a sheet with any problem publishes nothing.

export const PRICE_COLUMNS = ['date', 'metal', 'prompt', 'price', 'currency'] as const;
const REQUIRED = ['date', 'metal', 'prompt', 'price'] as const;
export const MAX_PRICE_ROWS = 5000;

export interface PriceRules {
  prompts: readonly string[];
  defaultCurrency: string;
}

export interface ParsedSheet {
  rows: PriceRow[];
  problems: ErrorDetail[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PRICE = /^\d{1,12}(\.\d{1,4})?$/;

const validDate = (s: string): boolean => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Checks the rows of a sheet (strings per column); `where` names a row for messages. */
export function checkPriceRows(raw: readonly Record<string, string>[], rules: PriceRules, where: (i: number, column?: string) => string): ParsedSheet {
  const problems: ErrorDetail[] = [];
  const rows: PriceRow[] = [];
  const seen = new Map<string, number>();
  if (raw.length === 0) problems.push({ path: where(0), message: 'the sheet has no prices' });
  if (raw.length > MAX_PRICE_ROWS) problems.push({ path: where(0), message: `the sheet has ${raw.length} rows; at most ${MAX_PRICE_ROWS} are published at once` });
  raw.slice(0, MAX_PRICE_ROWS).forEach((r, i) => {
    const bad = (column: string, message: string) => problems.push({ path: where(i, column), message });
    const date = (r.date ?? '').trim();
    const metal = (r.metal ?? '').trim().toUpperCase();
    const promptRaw = (r.prompt ?? '').trim();
    const prompt = rules.prompts.find((p) => p.toLowerCase() === promptRaw.toLowerCase());
    const price = (r.price ?? '').trim().replace(/,/g, '');
    const currency = ((r.currency ?? '').trim() || rules.defaultCurrency).toUpperCase();
    let ok = true;
    if (!validDate(date)) ok = !!bad('date', `"${date}" is not a date (YYYY-MM-DD)`);
    if (!(METAL_CODES as readonly string[]).includes(metal)) ok = !!bad('metal', `"${r.metal ?? ''}" is not a metal code (${METAL_CODES.join(', ')})`);
    if (!prompt) ok = !!bad('prompt', `"${promptRaw}" is not a prompt prices are published for (${rules.prompts.join(', ')})`);
    if (!PRICE.test(price) || /^0+(\.0+)?$/.test(price)) ok = !!bad('price', `"${r.price ?? ''}" is not a positive price with at most 4 decimals`);
    if (!/^[A-Z]{3}$/.test(currency)) ok = !!bad('currency', `"${r.currency ?? ''}" is not an ISO 4217 currency code`);
    if (!ok) return;
    const key = `${date}/${metal}/${prompt}`;
    const first = seen.get(key);
    if (first !== undefined) {
      bad('metal', `${metal} ${prompt} of ${date} is also on ${where(first)}`);
      return;
    }
    seen.set(key, i);
    rows.push({ date, metal, prompt: prompt!, price: price.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''), currency });
  });
  return { rows, problems };
}

function headerMap(header: readonly string[]): { columns: (string | null)[]; problems: ErrorDetail[] } {
  const norm = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, ''));
  const columns = norm.map((h) => ((PRICE_COLUMNS as readonly string[]).includes(h) ? h : null));
  const problems = REQUIRED.filter((c) => !columns.includes(c)).map((c) => ({ path: 'file row 1', message: `the header has no "${c}" column (columns: ${PRICE_COLUMNS.join(', ')})` }));
  return { columns, problems };
}

function rowsOf(table: readonly (readonly string[])[], rules: PriceRules, sheet: string): ParsedSheet {
  const [header, ...body] = table;
  if (!header) return { rows: [], problems: [{ path: `${sheet} row 1`, message: 'the file is empty' }] };
  const { columns, problems } = headerMap(header);
  if (problems.length) return { rows: [], problems: problems.map((p) => ({ ...p, path: `${sheet} row 1` })) };
  const nonEmpty = body.map((cells, i) => ({ cells, line: i + 2 })).filter((x) => x.cells.some((c) => c.trim() !== ''));
  const raw = nonEmpty.map(({ cells }) => Object.fromEntries(columns.flatMap((c, i) => (c ? [[c, cells[i] ?? '']] : []))) as Record<string, string>);
  return checkPriceRows(raw, rules, (i, column) => `${sheet} row ${nonEmpty[i]?.line ?? 2}${column ? ` column ${column}` : ''}`);
}

export function parsePriceCsv(text: string, rules: PriceRules): ParsedSheet {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let table: string[][];
  try {
    table = parseCsv(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: true, max_record_size: 4096 }) as string[][];
  } catch (e) {
    return { rows: [], problems: [{ path: 'file', message: `not a readable CSV file: ${(e as Error).message}` }] };
  }
  return rowsOf(table, rules, 'file');
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return (v.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return '';
}

export async function parsePriceXlsx(bytes: Buffer, rules: PriceRules): Promise<ParsedSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { rows: [], problems: [{ path: 'file', message: 'is not an Excel workbook (.xlsx)' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], problems: [{ path: 'file', message: 'the workbook has no sheet' }] };
  if (ws.rowCount > MAX_PRICE_ROWS + 1) return { rows: [], problems: [{ path: `'${ws.name}'`, message: `the sheet has ${ws.rowCount - 1} rows; at most ${MAX_PRICE_ROWS} are published at once` }] };
  const table: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  }
  return rowsOf(table, rules, `'${ws.name}'`);
}

/** A sheet as the tests and the demo write it. */
export async function priceWorkbook(rows: readonly (readonly (string | number | Date)[])[], header: readonly string[] = ['Date', 'Metal', 'Prompt', 'Price', 'Currency']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Official prices');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
