import countries from 'i18n-iso-countries';
import ExcelJS from 'exceljs';
import type { Submission } from '../certificates/model.ts';
import { PROFILES, sampleSubmission, seededRng } from '../certificates/samples.ts';
import { METAL_CODES, UNITS, type ContractSpec, type MetalCode } from '../metals/spec-types.ts';
import { COLUMNS, ELEMENT_DESCRIPTION, elementColumns } from './columns.ts';

// Downloadable templates per metal: an Excel workbook (data sheet with dropdowns, a filled example,
// a sheet explaining every column) and the equivalent CSV; NDJSON lines for lab systems.

export const COUNTRY_CODES = Object.keys(countries.getAlpha2Codes())
  .filter((c) => c !== 'XK')
  .sort();

/** The template's element columns for a metal: its contract spec's, then the usual impurities. */
export function templateElements(metal: MetalCode, spec: ContractSpec | undefined): string[] {
  const p = PROFILES[metal];
  return elementColumns(spec, [...Object.keys(p.impurities), ...Object.keys(p.belowDetection), ...(p.base ? [p.base] : [])]);
}

export function templateHeader(metal: MetalCode, spec: ContractSpec | undefined): string[] {
  return [...COLUMNS.map((c) => c.name), ...templateElements(metal, spec)];
}

const EXAMPLE_BRAND = 'EXAMPLE';

/** An example cast for the metal, with at most three bundles. */
export function exampleSubmission(metal: MetalCode, spec: ContractSpec | undefined): Submission {
  const shape = spec?.shapes[0] ?? 'ingots';
  const s = sampleSubmission(metal, { code: EXAMPLE_BRAND, shapes: [shape], country: 'CL' }, `${metal}-2026-000123`, '2026-03-02', seededRng(7));
  const bundles = s.bundles.slice(0, 3);
  const sum = (f: (b: (typeof bundles)[number]) => string | undefined) =>
    (bundles.reduce((a, b) => a + Math.round(Number(f(b) ?? '0') * 1000), 0) / 1000).toFixed(1);
  return {
    ...s,
    bundles,
    pieces: bundles.reduce((a, b) => a + b.pieces, 0),
    netWeightKg: sum((b) => b.netKg),
    grossWeightKg: sum((b) => b.grossKg),
    laboratory: { name: 'Example plant laboratory', accreditation: 'ISO/IEC 17025', reportNumber: 'LAB-2026-0456' },
  };
}

/** A Submission as spreadsheet rows (one per bundle) under the template header. */
export function submissionRows(s: Submission, header: readonly string[], amendmentReason?: string): (string | number | null)[][] {
  const cert: Record<string, string | number | undefined> = {
    brand: s.brand,
    pcr: s.pcr,
    metal: s.metal,
    productionDate: s.productionDate,
    originCountry: s.originCountry,
    shape: s.shape,
    pieces: s.pieces,
    grossWeightKg: s.grossWeightKg,
    netWeightKg: s.netWeightKg,
    lengthMm: s.dimensions?.lengthMm,
    widthMm: s.dimensions?.widthMm,
    thicknessMm: s.dimensions?.thicknessMm,
    heightMm: s.dimensions?.heightMm,
    dimensionsDescription: s.dimensions?.description,
    chemistryUnit: Object.values(s.chemistry)[0]?.unit ?? '%',
    laboratoryName: s.laboratory.name,
    laboratoryAccreditation: s.laboratory.accreditation,
    laboratoryReportNumber: s.laboratory.reportNumber,
    signatoryName: s.signatory.name,
    signatoryTitle: s.signatory.title,
    remarks: s.remarks,
    amendmentReason,
  };
  for (const [el, v] of Object.entries(s.chemistry)) cert[el] = `${v.operator && v.operator !== '=' ? v.operator : ''}${v.value}`;
  return s.bundles.map((b) => {
    const row: Record<string, string | number | undefined> = {
      ...cert,
      bundleNumber: b.number,
      bundlePieces: b.pieces,
      bundleNetKg: b.netKg,
      bundleGrossKg: b.grossKg,
    };
    return header.map((h) => row[h] ?? null);
  });
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export const csvField = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csvLine = (cells: readonly (string | number | null | undefined)[]): string => cells.map(csvField).join(',') + '\r\n';

export function csvTemplate(metal: MetalCode, spec: ContractSpec | undefined): string {
  const header = templateHeader(metal, spec);
  return csvLine(header) + submissionRows(exampleSubmission(metal, spec), header).map(csvLine).join('');
}

export function ndjsonTemplate(metal: MetalCode, spec: ContractSpec | undefined): string {
  const s = exampleSubmission(metal, spec);
  const amended = { ...s, pcr: `${metal}-2026-000124`, remarks: 'Re-assayed sample', amendmentReason: 'Laboratory corrected the Ag value' };
  return `${JSON.stringify(s)}\n${JSON.stringify(amended)}\n`;
}

const KIND_FORMAT: Record<string, string> = {
  text: 'text',
  code: 'text (letters, digits, . _ / -)',
  integer: 'whole number',
  decimal: 'decimal, "." as the decimal mark',
  date: 'YYYY-MM-DD',
  country: 'two-letter ISO code (dropdown)',
  shape: 'text (dropdown of the contract shapes)',
  unit: '% or ppm (dropdown)',
  metal: 'contract code (dropdown)',
};

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

export async function xlsxTemplate(metal: MetalCode, spec: ContractSpec | undefined): Promise<Buffer> {
  const header = templateHeader(metal, spec);
  const elements = templateElements(metal, spec);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Assay';
  wb.created = new Date('2026-01-01T00:00:00Z');

  const styleHeader = (ws: ExcelJS.Worksheet, rowNo: number) => {
    const r = ws.getRow(rowNo);
    r.font = { bold: true };
    r.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  };

  // 1. The data sheet: header only; this is the sheet that is imported.
  const data = wb.addWorksheet('Certificates', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  data.columns = header.map((h) => ({ header: h, key: h, width: Math.max(10, Math.min(28, h.length + 4)), style: { numFmt: '@' } }));
  styleHeader(data, 1);
  header.forEach((h, i) => {
    const col = COLUMNS.find((c) => c.name === h);
    data.getCell(1, i + 1).note = col ? `${col.required ? 'Required. ' : ''}${col.description}` : `${h}: ${ELEMENT_DESCRIPTION}`;
  });

  // Lists for the dropdowns live on a hidden sheet.
  const lists = wb.addWorksheet('Lists', { state: 'hidden' });
  const shapes = spec?.shapes.length ? spec.shapes : ['ingots'];
  const columnsOfLists: [string, readonly string[]][] = [
    ['shape', shapes],
    ['unit', UNITS],
    ['country', COUNTRY_CODES],
    ['metal', METAL_CODES],
  ];
  columnsOfLists.forEach(([name, values], i) => {
    lists.getCell(1, i + 1).value = name;
    values.forEach((v, j) => (lists.getCell(j + 2, i + 1).value = v));
  });
  const LAST = 100_000;
  const dropdown = (column: string, listIndex: number, count: number) => {
    const at = header.indexOf(column) + 1;
    if (at === 0) return;
    const letter = colLetter(listIndex + 1);
    (data as unknown as { dataValidations: { add(a: string, v: unknown): void } }).dataValidations.add(
      `${colLetter(at)}2:${colLetter(at)}${LAST}`,
      {
        type: 'list',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'error',
        errorTitle: column,
        error: `Choose a value from the list (${column})`,
        formulae: [`Lists!$${letter}$2:$${letter}$${count + 1}`],
      },
    );
  };
  dropdown('shape', 0, shapes.length);
  dropdown('chemistryUnit', 1, UNITS.length);
  dropdown('originCountry', 2, COUNTRY_CODES.length);
  dropdown('metal', 3, METAL_CODES.length);

  // 2. A filled example (not imported: its first row is a title, not the header).
  const ex = wb.addWorksheet('Example');
  ex.getCell(1, 1).value = 'Example: one cast of three bundles. This sheet is not imported; fill in the Certificates sheet.';
  ex.getRow(1).font = { italic: true };
  ex.addRow(header);
  styleHeader(ex, 2);
  for (const r of submissionRows(exampleSubmission(metal, spec), header)) ex.addRow(r);
  ex.columns.forEach((c) => (c.width = 14));

  // 3. What each column means.
  const doc = wb.addWorksheet('Columns');
  doc.columns = [
    { header: 'Column', key: 'name', width: 24 },
    { header: 'Required', key: 'required', width: 10 },
    { header: 'Per', key: 'level', width: 12 },
    { header: 'Format', key: 'format', width: 34 },
    { header: 'Meaning', key: 'description', width: 90 },
  ];
  styleHeader(doc, 1);
  for (const c of COLUMNS) {
    doc.addRow({ name: c.name, required: c.required ? 'yes' : '', level: c.level === 'bundle' ? 'bundle row' : 'certificate', format: KIND_FORMAT[c.kind], description: c.description });
  }
  for (const el of elements) {
    const limit = spec?.elements[el]?.max;
    const purity = spec?.purity?.element === el ? ` Minimum ${spec.purity.min} %.` : '';
    doc.addRow({ name: el, required: '', level: 'certificate', format: 'decimal, optional < or <=', description: `${ELEMENT_DESCRIPTION}.${limit ? ` Contract maximum ${limit} %.` : ''}${purity}` });
  }
  doc.addRow({});
  for (const line of [
    'One row per bundle. Rows of the same cast (same brand and pcr) must follow each other; repeat the certificate columns on each row or leave them blank after the first.',
    'Other element columns may be added, named by chemical symbol (e.g. Se). Values are text: type 0.0012, not 0,0012.',
    'Re-uploading a file changes nothing. A cast already registered with identical content is skipped; with different content it is a conflict unless amendmentReason says why it changes.',
    'Save as .xlsx, or as "CSV UTF-8 (Comma delimited)". Formulas are not accepted: paste values.',
  ]) {
    doc.addRow({ name: 'Note', description: line });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
