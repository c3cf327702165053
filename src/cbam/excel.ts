import ExcelJS from 'exceljs';
import type { ErrorDetail } from '../platform/errors.ts';
import type { CbamField, CbamRaw } from './rules.ts';

// The CBAM Excel form, modelled on an emissions reporting form: one sheet, one field per row,
// the value in column C and its fixed unit in column D. Parsing reads text per field and names
// every problem by sheet and cell; the business checks are the same as for JSON (rules.ts).

export const FORM_SHEET = 'CBAM report';
export const FORM_TITLE = 'Assay CBAM emissions reporting form (v1)';

interface FormRow {
  field: CbamField | 'brandCode';
  label: string;
  unit: string | null;
  guidance: string;
}

const ROWS: FormRow[] = [
  { field: 'brandCode', label: 'Brand code', unit: null, guidance: 'LMEsword-style brand code; must be the brand you upload for' },
  { field: 'periodKind', label: 'Reporting period type', unit: null, guidance: 'annual or daily' },
  { field: 'periodStart', label: 'Period start (or the day of a daily update)', unit: null, guidance: 'YYYY-MM-DD or an Excel date' },
  { field: 'periodEnd', label: 'Period end', unit: null, guidance: 'annual: the last day covered; daily: leave empty' },
  { field: 'installation', label: 'Installation', unit: null, guidance: 'Name of the installation (smelter, cast house)' },
  { field: 'installationCountry', label: 'Installation country', unit: null, guidance: 'ISO 3166-1 alpha-2, e.g. NO' },
  { field: 'productionRoute', label: 'Production route', unit: null, guidance: 'primary, secondary or mixed' },
  { field: 'cnCode', label: 'CN code', unit: null, guidance: 'e.g. 7601 for unwrought aluminium' },
  { field: 'directEmissions', label: 'Specific direct embedded emissions (Scope 1)', unit: 'tCO2e/t', guidance: 'at the point the metal reaches exchange grade' },
  { field: 'indirectEmissions', label: 'Specific indirect embedded emissions (Scope 2)', unit: 'tCO2e/t', guidance: 'purchased electricity' },
  { field: 'electricityConsumption', label: 'Electricity consumption', unit: 'MWh/t', guidance: '' },
  { field: 'electricityEmissionFactor', label: 'Electricity emission factor', unit: 'tCO2e/MWh', guidance: '' },
  { field: 'valueType', label: 'Actual or default values', unit: null, guidance: 'actual or default' },
  { field: 'methodology', label: 'Methodology', unit: null, guidance: "the exchange's approved methodology code for the metal, e.g. IAI-CF" },
  { field: 'verifier', label: 'Verifier', unit: null, guidance: 'required unless unverified' },
  { field: 'verificationStatus', label: 'Verification status', unit: null, guidance: 'unverified, in_progress or verified' },
  { field: 'carbonPricePaid', label: 'Carbon price paid in the country of origin', unit: 'per tCO2e', guidance: 'optional' },
  { field: 'carbonPriceCurrency', label: 'Carbon price currency', unit: null, guidance: 'ISO 4217, e.g. EUR' },
];

const FIRST_ROW = 4;
const rowOf = (field: string): number => FIRST_ROW + ROWS.findIndex((r) => r.field === field);
/** The value cell of a field, e.g. C7. */
export const cellOf = (field: string): string => `C${rowOf(field)}`;

export interface CellProblem extends ErrorDetail {
  sheet: string;
  cell: string;
  field: string;
  message: string;
}

export const cellProblem = (field: string, message: string, cell = cellOf(field)): CellProblem => ({
  path: `'${FORM_SHEET}'!${cell}`,
  sheet: FORM_SHEET,
  cell,
  field,
  message,
});

/** The blank form producers download and fill in. */
export async function cbamTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Assay';
  const ws = wb.addWorksheet(FORM_SHEET);
  ws.columns = [{ width: 6 }, { width: 52 }, { width: 28 }, { width: 12 }, { width: 60 }];
  ws.getCell('A1').value = FORM_TITLE;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'Fill in column C only. Units in column D are fixed. Decimals use a dot. One form per brand and period.';
  ws.getRow(3).values = ['Ref', 'Field', 'Value', 'Unit', 'Guidance'];
  ws.getRow(3).font = { bold: true };
  ROWS.forEach((r, i) => {
    const row = ws.getRow(FIRST_ROW + i);
    row.values = [i + 1, r.label, null, r.unit ?? '', r.guidance];
    row.getCell(3).numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Fills a copy of the form (tests and demos). Values are written as text unless given as numbers or dates. */
export async function filledCbamForm(values: Partial<Record<CbamField | 'brandCode', string | number | Date>>, units: Partial<Record<CbamField, string>> = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await cbamTemplate()) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(FORM_SHEET)!;
  for (const [field, value] of Object.entries(values)) ws.getCell(cellOf(field)).value = value;
  for (const [field, unit] of Object.entries(units)) ws.getCell(`D${rowOf(field)}`).value = unit;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text).trim();
    if ('error' in v) return '';
  }
  return '';
}

const DATE_FIELDS = new Set<string>(['periodStart', 'periodEnd']);
/** A date cell stored as an Excel serial day number (days since 1899-12-30) without a date format. */
const excelSerialDate = (n: number): string =>
  Number.isInteger(n) && n > 0 && n < 2_958_466 ? new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10) : String(n);

const normaliseUnit = (u: string): string => u.replace(/\s+/g, '').toLowerCase();

/**
 * Reads a filled form: the text of each field's cell, and any problem found before the business
 * checks (not a workbook, missing sheet, an edited unit).
 */
export async function parseCbamForm(bytes: Buffer): Promise<{ brandCode: string; raw: CbamRaw; problems: CellProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { brandCode: '', raw: {}, problems: [cellProblem('file', 'is not an Excel workbook (.xlsx)', 'A1')] };
  }
  const ws = wb.getWorksheet(FORM_SHEET);
  if (!ws) return { brandCode: '', raw: {}, problems: [cellProblem('file', `the workbook has no sheet named "${FORM_SHEET}"; use the template`, 'A1')] };
  const problems: CellProblem[] = [];
  const raw: CbamRaw = {};
  let brandCode = '';
  for (const r of ROWS) {
    const value = ws.getCell(cellOf(r.field)).value;
    const text = DATE_FIELDS.has(r.field) && typeof value === 'number' ? excelSerialDate(value) : cellText(value);
    if (r.field === 'brandCode') brandCode = text;
    else if (text !== '') raw[r.field] = text;
    if (r.unit) {
      const unitCell = `D${rowOf(r.field)}`;
      const found = cellText(ws.getCell(unitCell).value);
      if (normaliseUnit(found) !== normaliseUnit(r.unit)) {
        problems.push(cellProblem(r.field, `the unit must be ${r.unit} (found "${found}")`, unitCell));
      }
    }
  }
  return { brandCode, raw, problems };
}

/** A one-sheet workbook of an export. */
export async function exportWorkbook(sheet: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Assay';
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...header]).font = { bold: true };
  // Every cell is written as text so figures keep their reported digits and nothing is a formula.
  for (const r of rows) ws.addRow(r.map((c) => (c === null ? null : String(c))));
  ws.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
