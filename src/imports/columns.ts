import type { ContractSpec } from '../metals/spec-types.ts';

// The spreadsheet import format (CSV and XLSX): one row per bundle. The certificate columns are
// repeated on every bundle row of a cast (or left blank after the first); consecutive rows with the
// same brand + PCR make up one certificate. Element columns are named by chemical symbol.
// See FORMATS.md beside this file.

export type ColumnKind = 'text' | 'code' | 'integer' | 'decimal' | 'date' | 'country' | 'shape' | 'unit' | 'metal';

export interface Column {
  name: string;
  level: 'certificate' | 'bundle';
  required: boolean;
  kind: ColumnKind;
  /** Where the value goes in a Submission (certificates/model.ts); bundle paths are per bundle. */
  path: string;
  description: string;
}

const c = (
  name: string,
  level: Column['level'],
  required: boolean,
  kind: ColumnKind,
  path: string,
  description: string,
): Column => ({ name, level, required, kind, path, description });

export const COLUMNS: readonly Column[] = [
  c('brand', 'certificate', true, 'code', 'brand', 'Brand code as listed on the exchange (e.g. ATACU), or the brand id'),
  c('pcr', 'certificate', true, 'code', 'pcr', 'Production cast reference: a letter or digit, then up to 63 letters, digits, ". _ / -"'),
  c('metal', 'certificate', false, 'metal', 'metal', 'LME contract code (AH, CA, ZS, PB, NI, SN, AA, NA, CO); checked against the brand when given'),
  c('productionDate', 'certificate', true, 'date', 'productionDate', 'Date the cast was produced, YYYY-MM-DD'),
  c('originCountry', 'certificate', true, 'country', 'originCountry', 'Country of origin, ISO 3166-1 alpha-2 (e.g. CL)'),
  c('shape', 'certificate', true, 'shape', 'shape', "One of the brand's listed shapes"),
  c('pieces', 'certificate', true, 'integer', 'pieces', 'Total pieces in the cast (the sum of bundlePieces)'),
  c('grossWeightKg', 'certificate', true, 'decimal', 'grossWeightKg', 'Gross weight in kg, up to 3 decimals, "." as the decimal mark'),
  c('netWeightKg', 'certificate', true, 'decimal', 'netWeightKg', 'Net weight in kg (the sum of bundleNetKg)'),
  c('lengthMm', 'certificate', false, 'decimal', 'dimensions.lengthMm', 'Piece length in mm'),
  c('widthMm', 'certificate', false, 'decimal', 'dimensions.widthMm', 'Piece width in mm'),
  c('thicknessMm', 'certificate', false, 'decimal', 'dimensions.thicknessMm', 'Piece thickness in mm'),
  c('heightMm', 'certificate', false, 'decimal', 'dimensions.heightMm', 'Piece height in mm'),
  c('dimensionsDescription', 'certificate', false, 'text', 'dimensions.description', 'Free-text description of the dimensions'),
  c('chemistryUnit', 'certificate', false, 'unit', 'chemistry.*.unit', 'Unit of every element column of the row: % (default) or ppm'),
  c('laboratoryName', 'certificate', true, 'text', 'laboratory.name', 'Laboratory that made the analysis'),
  c('laboratoryAccreditation', 'certificate', false, 'text', 'laboratory.accreditation', 'Accreditation, e.g. ISO/IEC 17025'),
  c('laboratoryReportNumber', 'certificate', false, 'text', 'laboratory.reportNumber', "The laboratory's report number"),
  c('signatoryName', 'certificate', true, 'text', 'signatory.name', 'Person signing for the producer'),
  c('signatoryTitle', 'certificate', false, 'text', 'signatory.title', "The signatory's title"),
  c('remarks', 'certificate', false, 'text', 'remarks', 'Remarks printed on the certificate'),
  c(
    'amendmentReason',
    'certificate',
    false,
    'text',
    'amendmentReason',
    'Only to change a certificate already registered for this brand + PCR: why it changes (3 to 1000 characters)',
  ),
  c('bundleNumber', 'bundle', true, 'text', 'bundles.*.number', 'Bundle number or tag, unique within the cast'),
  c('bundlePieces', 'bundle', true, 'integer', 'bundles.*.pieces', 'Pieces in the bundle'),
  c('bundleNetKg', 'bundle', true, 'decimal', 'bundles.*.netKg', 'Bundle net weight in kg'),
  c('bundleGrossKg', 'bundle', false, 'decimal', 'bundles.*.grossKg', 'Bundle gross weight in kg'),
];

export const COLUMN_BY_NAME = new Map(COLUMNS.map((col) => [col.name.toLowerCase(), col]));
export const REQUIRED_COLUMNS = COLUMNS.filter((col) => col.required).map((col) => col.name);

/** An element column: a chemical symbol, written as in the periodic table (Cu, Ag, S). */
export const ELEMENT_HEADER = /^[A-Z][a-z]?$/;

export const ELEMENT_DESCRIPTION =
  'Reported value of this element in the row\'s chemistryUnit: a plain decimal ("0.0012"); prefix "<" for below the detection limit ("<0.0001") or "<=" for at most';

/** The element columns of a metal's template: the purity element, then every limited element. */
export function elementColumns(spec: ContractSpec | undefined, extra: readonly string[] = []): string[] {
  const out: string[] = [];
  const add = (el: string) => {
    if (ELEMENT_HEADER.test(el) && !out.includes(el)) out.push(el);
  };
  if (spec?.purity) add(spec.purity.element);
  for (const el of Object.keys(spec?.elements ?? {})) add(el);
  for (const g of spec?.groups ?? []) for (const el of g.elements) add(el);
  for (const el of extra) add(el);
  return out;
}

const FIELD_COLUMN: Record<string, string> = Object.fromEntries(
  COLUMNS.filter((col) => !col.path.includes('*')).map((col) => [col.path, col.name]),
);
const BUNDLE_COLUMN: Record<string, string> = { number: 'bundleNumber', pieces: 'bundlePieces', netKg: 'bundleNetKg', grossKg: 'bundleGrossKg' };

/**
 * The spreadsheet column (and which bundle row) that a Submission path such as `bundles.2.netKg`,
 * `chemistry.Ag.value` or `laboratory.name` came from.
 */
export function columnOfPath(path: string): { column: string; bundle?: number } {
  const parts = path.split('.');
  if (parts[0] === 'bundles') {
    const i = Number(parts[1]);
    if (Number.isInteger(i)) return { column: BUNDLE_COLUMN[parts[2] ?? 'number'] ?? 'bundleNumber', bundle: i };
    return { column: 'bundleNumber' };
  }
  if (parts[0] === 'chemistry') {
    if (parts[1] === 'groups' && parts[2]) return { column: parts.slice(2).join('.') };
    if (parts[1] === 'purity' || parts[1] === undefined) return { column: 'chemistry' };
    if (parts[2] === 'unit') return { column: 'chemistryUnit' };
    return { column: parts[1] };
  }
  if (parts[0] === 'dimensions' && parts.length === 1) return { column: 'lengthMm' };
  if (parts[0] === 'laboratory' && parts.length === 1) return { column: 'laboratoryName' };
  if (parts[0] === 'signatory' && parts.length === 1) return { column: 'signatoryName' };
  return { column: FIELD_COLUMN[path] ?? path };
}
