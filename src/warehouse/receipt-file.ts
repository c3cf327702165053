import ExcelJS from 'exceljs';
import type { Authenticated } from '../access/principal.ts';
import { FORMULA_REASON, looksLikeFormula, readSheet, type CellText, type Sheet } from '../imports/sheets.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, type ErrorDetail } from '../platform/errors.ts';
import { checkLikeBody } from '../platform/http.ts';
import { recordReceipt, type ReceiptInput } from './receipt-service.ts';
import { RECEIPT_MAX_BUNDLES, ReceiptFields, type ReceiptFieldsInput } from './schemas.ts';

// A receipt from a file: the clerk's CSV or Excel sheet of bundle rows (one row per bundle) plus
// the receipt's own fields as form fields. The file is read with the bulk import's readers, limits
// and hostile-file guards (src/imports/sheets.ts); every cell is checked as the JSON route checks
// its body, a cell a spreadsheet would run as a formula is refused, and the rows then go through
// the same `recordReceipt` as the JSON route, with each row error naming the file's own row and
// column (the header is row 1). Anything wrong records nothing.

export interface ReceiptColumn {
  name: 'lot' | 'pcr' | 'bundleRef' | 'pieces' | 'grossKg' | 'netKg';
  required: boolean;
  format: string;
  description: string;
}

export const RECEIPT_COLUMNS: readonly ReceiptColumn[] = [
  {
    name: 'lot',
    required: false,
    format: 'text, up to 60 characters',
    description: 'The lot this bundle goes on warrant with: the bundles of one lot make one warrant. Leave blank to record the bundle as off-warrant stock',
  },
  { name: 'pcr', required: true, format: 'a letter or digit, then up to 63 letters, digits, ". _ / -"', description: 'Production cast reference, as on the bundle tag and its certificate' },
  { name: 'bundleRef', required: true, format: 'text, up to 60 characters', description: 'Bundle number or tag, as on its certificate' },
  { name: 'pieces', required: true, format: 'whole number, 1 to 100000', description: 'Pieces in the bundle as received' },
  { name: 'grossKg', required: true, format: 'decimal, "." as the decimal mark, at most 3 decimals', description: 'Gross weight received, kg' },
  { name: 'netKg', required: true, format: 'decimal, "." as the decimal mark, at most 3 decimals', description: 'Net weight received, kg (not more than gross)' },
];

const BY_NAME = new Map(RECEIPT_COLUMNS.map((c) => [c.name.toLowerCase(), c]));
const REQUIRED = RECEIPT_COLUMNS.filter((c) => c.required).map((c) => c.name);

/** The first sheet whose first row names these is the data sheet of a workbook. */
const isReceiptHeader = (names: (string | null)[]): boolean => {
  const lower = new Set(names.map((n) => n?.trim().toLowerCase()));
  return lower.has('pcr') && lower.has('bundleref');
};

const TEMPLATE_HINT = 'Download the template from /api/v1/receipt-templates?format=xlsx (or csv).';

/** Column index by name; a header that is not the template's refuses the whole file (422). */
export function receiptHeader(names: (string | null)[]): Map<ReceiptColumn['name'], number> {
  const byName = new Map<ReceiptColumn['name'], number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  names.forEach((raw, i) => {
    const name = (raw ?? '').replace(/^\uFEFF/, '').trim();
    if (name === '') return;
    const col = BY_NAME.get(name.toLowerCase());
    if (!col) return void unknown.push(name);
    if (byName.has(col.name)) duplicate.push(col.name);
    byName.set(col.name, i);
  });
  if (byName.size < 2) {
    throw new AppError('unprocessable', `This file does not follow the receipt template: its first row should be the column names (${RECEIPT_COLUMNS.map((c) => c.name).join(', ')}). ${TEMPLATE_HINT}`, [
      { path: 'row 1', message: `found ${names.filter(Boolean).slice(0, 8).map((n) => JSON.stringify(n)).join(', ') || 'nothing'}` },
    ]);
  }
  const problems: ErrorDetail[] = [];
  const missing = REQUIRED.filter((n) => !byName.has(n));
  if (missing.length) problems.push({ path: 'row 1', message: `missing columns: ${missing.join(', ')}` });
  if (unknown.length) problems.push({ path: 'row 1', message: `unknown columns: ${unknown.slice(0, 10).map((n) => JSON.stringify(n)).join(', ')}` });
  if (duplicate.length) problems.push({ path: 'row 1', message: `columns given twice: ${duplicate.join(', ')}` });
  if (problems.length) throw new AppError('unprocessable', `The header row does not match the receipt template. ${TEMPLATE_HINT}`, problems);
  return byName;
}

const PCR = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
// eslint-disable-next-line no-control-regex
const REF = /^[^\u0000-\u001f\u007f]{1,60}$/;
const WEIGHT = /^[0-9]{1,9}(\.[0-9]{1,3})?$/;
const INTEGER = /^[0-9]{1,6}$/;
/** Row errors reported at most; a file wrong throughout says so once. */
const MAX_DETAILS = 200;

const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
export const rowPath = (row: number, column: string): string => `row ${row}, column ${column}`;

type Bundle = ReceiptInput['bundles'][number];

/**
 * The bundle rows of a sheet, each cell checked; the file's row of each bundle (receipt line i is
 * `rows[i - 1]`). Row errors (400) name the row and column; nothing is recorded when there is one.
 */
export function receiptRows(sheet: Pick<Sheet, 'header' | 'rows'>): { bundles: Bundle[]; rows: number[] } {
  const cols = receiptHeader(sheet.header);
  const known = new Set(cols.values());
  const problems: ErrorDetail[] = [];
  const bundles: Bundle[] = [];
  const rows: number[] = [];
  for (const r of sheet.rows) {
    const problem = (column: string, code: string, message: string) => problems.push({ path: rowPath(r.row, column), code, message });
    const text = (name: ReceiptColumn['name']): string | null | undefined => {
      const i = cols.get(name);
      const c: CellText | undefined = i === undefined ? undefined : r.cells[i];
      if (!c) return null;
      if ('error' in c) {
        problem(name, 'unreadable_cell', c.error);
        return undefined;
      }
      if (looksLikeFormula(c.text)) {
        problem(name, 'formula_like', `${JSON.stringify(clip(c.text))} ${FORMULA_REASON}`);
        return undefined;
      }
      return c.text;
    };
    const required = (name: ReceiptColumn['name'], test: RegExp, rule: string): string | undefined => {
      const t = text(name);
      if (t === undefined) return undefined;
      if (t === null) return void problem(name, 'required', 'is required');
      if (!test.test(t)) return void problem(name, 'invalid_value', `${JSON.stringify(clip(t))} ${rule}`);
      return t;
    };
    r.cells.forEach((c, i) => {
      if (c !== null && !known.has(i)) problem(`${i + 1}`, 'unknown_column', 'holds a value in a column with no name in row 1');
    });
    const lotText = text('lot');
    if (lotText && !REF.test(lotText)) problem('lot', 'invalid_value', `${JSON.stringify(clip(lotText))} must be 1 to 60 characters with no control characters`);
    const pcr = required('pcr', PCR, 'must start with a letter or digit and hold up to 64 letters, digits, ". _ / -"');
    const bundleRef = required('bundleRef', REF, 'must be 1 to 60 characters with no control characters');
    const piecesText = required('pieces', INTEGER, 'must be a whole number from 1 to 100000');
    const pieces = piecesText === undefined ? undefined : Number(piecesText);
    if (pieces !== undefined && (pieces < 1 || pieces > 100_000)) problem('pieces', 'invalid_value', `${pieces} must be a whole number from 1 to 100000`);
    const weightRule = 'must be a plain decimal in kg such as 2510.5: digits, "." as the decimal mark, at most 3 decimals, no sign or thousands separator';
    const grossKg = required('grossKg', WEIGHT, weightRule);
    const netKg = required('netKg', WEIGHT, weightRule);
    if (pcr !== undefined && bundleRef !== undefined && pieces !== undefined && grossKg !== undefined && netKg !== undefined) {
      bundles.push({ lot: lotText ?? null, pcr, bundleRef, pieces, grossKg, netKg });
      rows.push(r.row);
    }
  }
  if (problems.length) {
    const shown = problems.slice(0, MAX_DETAILS);
    if (problems.length > MAX_DETAILS) shown.push({ path: 'file', message: `… and ${problems.length - MAX_DETAILS} more row errors` });
    throw new AppError('bad_request', `The receipt cannot be recorded: ${problems.length} cell${problems.length === 1 ? '' : 's'} of the file ${problems.length === 1 ? 'is' : 'are'} not valid; nothing was written`, shown);
  }
  return { bundles, rows };
}

/**
 * Records a receipt from an uploaded CSV or XLSX file and the receipt's form fields. Refused whole,
 * writing nothing: a file the import would refuse (413/422), a cell that is not valid or looks like
 * a formula (400, row and column named), and anything `recordReceipt` refuses (its row errors are
 * the file's rows).
 */
export async function recordReceiptFile(ctx: AppContext, p: Authenticated, file: string, fields: Record<string, string>) {
  if (p.orgKind !== 'warehouse') throw forbidden('Only warehouse companies record what arrives at their facilities');
  const checked = checkLikeBody<ReceiptFieldsInput>(ReceiptFields, fields);
  if (!checked.ok) throw new AppError('bad_request', 'The receipt’s form fields are invalid', checked.details);
  const sheet = await readSheet(ctx, file, {
    what: 'A receipt',
    isHeader: isReceiptHeader,
    noHeader: `No worksheet starts with the receipt template's header row (lot, pcr, bundleRef, pieces, grossKg, netKg). ${TEMPLATE_HINT}`,
    maxRows: RECEIPT_MAX_BUNDLES,
    maxRowsName: 'one receipt holds at most that many bundles',
  });
  const { bundles, rows } = receiptRows(sheet);
  return recordReceipt(ctx, p, { ...checked.value, bundles }, (line, field) => rowPath(rows[line - 1]!, field ?? 'pcr'));
}

// ---------------------------------------------------------------------------------- templates

const EXAMPLE: (string | number)[][] = [
  ['A', 'P2610-0001', 'P2610-0001-1', 25, '2510.5', '2500.5'],
  ['A', 'P2610-0001', 'P2610-0001-2', 25, '2508', '2498'],
  ['', 'P2610-0007', 'P2610-0007-1', 24, '2401.2', '2391.2'],
];

const NOTES = [
  'One row per bundle that arrived. Bundles with the same lot are offered for warranting together: a lot must be the contract lot size (e.g. 25 t) within its tolerance, and every cast in it must have a certificate in the register.',
  'A bundle with no lot is recorded as off-warrant stock.',
  'The receipt itself is given with the upload as form fields: facilityId, brand, shape, originCountry, receivedOn (YYYY-MM-DD), and optionally depositorOrgId and reference.',
  'Save as .xlsx, or as "CSV UTF-8 (Comma delimited)". Formulas are not accepted (paste values), nor text starting with =, +, -, @.',
  'A file with any invalid cell records nothing; the error names the row and column (the header is row 1).',
];

export function receiptTemplateCsv(): string {
  const header = RECEIPT_COLUMNS.map((c) => c.name).join(',');
  return [header, ...EXAMPLE.map((r) => r.join(','))].join('\r\n') + '\r\n';
}

export async function receiptTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Assay';
  wb.created = new Date('2026-01-01T00:00:00Z');
  const styleHeader = (ws: ExcelJS.Worksheet, rowNo: number) => {
    const r = ws.getRow(rowNo);
    r.font = { bold: true };
    r.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  };
  // 1. The data sheet (header only): the one that is read.
  const data = wb.addWorksheet('Bundles', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = RECEIPT_COLUMNS.map((c) => ({ header: c.name, key: c.name, width: 16, style: { numFmt: '@' } }));
  styleHeader(data, 1);
  RECEIPT_COLUMNS.forEach((c, i) => {
    data.getCell(1, i + 1).note = `${c.required ? 'Required. ' : ''}${c.description}`;
  });
  // 2. An example (not read: its first row is a title).
  const ex = wb.addWorksheet('Example');
  ex.getCell(1, 1).value = 'Example: two bundles of one cast in lot A, and a bundle recorded as off-warrant stock. This sheet is not read; fill in the Bundles sheet.';
  ex.getRow(1).font = { italic: true };
  ex.addRow(RECEIPT_COLUMNS.map((c) => c.name));
  styleHeader(ex, 2);
  for (const r of EXAMPLE) ex.addRow(r);
  ex.columns.forEach((c) => (c.width = 16));
  // 3. What each column means.
  const doc = wb.addWorksheet('Columns');
  doc.columns = [
    { header: 'Column', key: 'name', width: 14 },
    { header: 'Required', key: 'required', width: 10 },
    { header: 'Format', key: 'format', width: 40 },
    { header: 'Meaning', key: 'description', width: 90 },
  ];
  styleHeader(doc, 1);
  for (const c of RECEIPT_COLUMNS) doc.addRow({ name: c.name, required: c.required ? 'yes' : '', format: c.format, description: c.description });
  doc.addRow({});
  for (const line of NOTES) doc.addRow({ name: 'Note', description: line });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
