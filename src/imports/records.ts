import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Submission } from '../certificates/model.ts';
import { SubmissionSchema } from '../certificates/schemas.ts';
import { AppError } from '../platform/errors.ts';
import { FORMULA_REASON, looksLikeFormula, type CellText } from './cells.ts';
import { COLUMN_BY_NAME, columnOfPath, COLUMNS, ELEMENT_HEADER, REQUIRED_COLUMNS, type Column } from './columns.ts';

// From rows of a file to certificates: the header, grouping bundle rows into casts, building a
// Submission and checking its structure with the same schema the API uses. Pure; no I/O.

export interface RowError {
  /** Spreadsheet row (the header is row 1) or NDJSON line. */
  row: number;
  column: string;
  value: string | null;
  code: string;
  reason: string;
}

/** One certificate's worth of a file: the rows it came from and what they say. */
export interface ImportRecord {
  firstRow: number;
  lastRow: number;
  /** brand + PCR as written, or null when either is missing. */
  key: string | null;
  submission?: Submission;
  amendmentReason?: string;
  /** Problems that stop the record before the certificate rules run; nothing is stored for it. */
  errors: RowError[];
  /** The row, column and cell text a Submission path (e.g. `bundles.2.netKg`) came from. */
  locate(path: string): { row: number; column: string; value: string | null };
}

export const MAX_VALUE_TEXT = 200;
const clip = (s: string): string => (s.length > MAX_VALUE_TEXT ? `${s.slice(0, MAX_VALUE_TEXT)}…` : s);

// ------------------------------------------------------------------ structure (same schema as the API)

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let validator: ValidateFunction | undefined;
function validateSubmission(value: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: false, coerceTypes: false, strict: false });
    addFormats(ajv);
    validator = ajv.compile(SubmissionSchema);
  }
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

function errorPath(e: ErrorObject): string {
  const segs = e.instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  if (e.keyword === 'required' && params.missingProperty) segs.push(params.missingProperty);
  if (e.keyword === 'additionalProperties' && params.additionalProperty) segs.push(params.additionalProperty);
  return segs.join('.');
}

const MESSAGES: Record<string, string> = {
  decimal: 'must be a plain decimal such as 1053.5: digits, "." as the decimal mark, no sign, no thousands separator, at most 3 decimals for weights',
  date: 'must be a calendar date written YYYY-MM-DD',
  country: 'must be a two-letter ISO 3166-1 country code such as CL',
  pcr: 'must start with a letter or digit and hold up to 64 letters, digits, ". _ / -"',
  element: 'must be a plain decimal, optionally after "<" or "<=" (e.g. 0.0012 or <0.0001)',
};

function friendly(e: ErrorObject, path: string): { code: string; reason: string } {
  const last = path.split('.').at(-1) ?? '';
  if (e.keyword === 'required') return { code: 'required', reason: 'is required' };
  if (e.keyword === 'additionalProperties') return { code: 'unknown_field', reason: 'is not a field of a certificate' };
  if (e.keyword === 'maxLength') return { code: 'too_long', reason: `is longer than ${(e.params as { limit: number }).limit} characters` };
  if (e.keyword === 'minLength') return { code: 'required', reason: 'is required' };
  if (e.keyword === 'pattern' || e.keyword === 'format') {
    if (path === 'pcr') return { code: 'invalid_pcr', reason: MESSAGES.pcr! };
    if (path === 'originCountry') return { code: 'invalid_country', reason: MESSAGES.country! };
    if (path === 'productionDate') return { code: 'invalid_date', reason: MESSAGES.date! };
    if (path.startsWith('chemistry.') && (last === 'value' || last === 'uncertainty')) return { code: 'invalid_value', reason: MESSAGES.element! };
    if (path.startsWith('chemistry.')) return { code: 'unknown_element', reason: 'is not a chemical element symbol' };
    return { code: 'invalid_decimal', reason: MESSAGES.decimal! };
  }
  if (e.keyword === 'minItems') return { code: 'required', reason: 'needs at least one bundle row' };
  if (e.keyword === 'maxItems') return { code: 'too_many', reason: `holds more than ${(e.params as { limit: number }).limit} bundles` };
  if (e.keyword === 'minProperties') return { code: 'required', reason: 'needs at least one element value' };
  if (e.keyword === 'minimum') return { code: 'too_small', reason: `must be at least ${(e.params as { limit: number }).limit}` };
  if (e.keyword === 'type' || e.keyword === 'const' || e.keyword === 'enum' || e.keyword === 'anyOf') {
    return { code: 'invalid_value', reason: e.message ?? 'is invalid' };
  }
  return { code: 'invalid_value', reason: e.message ?? 'is invalid' };
}

/** Schema errors as row errors, one per cell, skipping cells that already have one. */
function schemaErrors(rec: Pick<ImportRecord, 'locate'>, value: unknown, already: RowError[]): RowError[] {
  const out: RowError[] = [];
  const seen = new Set(already.map((e) => `${e.row}|${e.column}`));
  for (const e of validateSubmission(value)) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const path = errorPath(e);
    const at = rec.locate(path);
    const k = `${at.row}|${at.column}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ ...at, ...friendly(e, path) });
  }
  return out;
}

function checkAmendmentReason(reason: string | undefined, at: { row: number; column: string }): RowError[] {
  if (reason === undefined) return [];
  if (reason.length < 3 || reason.length > 1000) {
    return [{ ...at, value: clip(reason), code: 'invalid_value', reason: 'must be 3 to 1000 characters' }];
  }
  return [];
}

// ------------------------------------------------------------------ spreadsheet header

export type HeaderCell = { kind: 'field'; column: Column } | { kind: 'element'; element: string } | null;

export interface Header {
  cells: HeaderCell[];
  byName: Map<string, number>;
  elements: { element: string; index: number }[];
}

const refuse = (message: string, details?: { path?: string; message: string }[]): AppError =>
  new AppError('unprocessable', message, details);

/** Checks the header row against the template; anything unexpected refuses the whole file. */
export function parseHeader(names: (string | null)[]): Header {
  const cells: HeaderCell[] = [];
  const byName = new Map<string, number>();
  const elements: Header['elements'] = [];
  const unknown: string[] = [];
  const duplicate: string[] = [];
  names.forEach((raw, index) => {
    const name = (raw ?? '').replace(/^\uFEFF/, '').trim();
    if (name === '') {
      cells.push(null);
      return;
    }
    const col = COLUMN_BY_NAME.get(name.toLowerCase());
    const key = col ? col.name : ELEMENT_HEADER.test(name) ? name : undefined;
    if (!key) {
      unknown.push(name);
      cells.push(null);
      return;
    }
    if (byName.has(key)) duplicate.push(key);
    byName.set(key, index);
    if (col) cells.push({ kind: 'field', column: col });
    else {
      cells.push({ kind: 'element', element: name });
      elements.push({ element: name, index });
    }
  });
  const known = COLUMNS.filter((col) => byName.has(col.name)).length;
  if (known < 3) {
    throw refuse(
      `This file does not follow the Assay import template: its first row should be the column names (${REQUIRED_COLUMNS.slice(0, 6).join(', ')}, …). ` +
        'Download the template for your metal from /api/v1/import-templates/{metal}.',
      [{ path: 'row 1', message: `found ${names.filter(Boolean).slice(0, 8).map((n) => JSON.stringify(n)).join(', ') || 'nothing'}` }],
    );
  }
  const problems: { path: string; message: string }[] = [];
  const missing = REQUIRED_COLUMNS.filter((n) => !byName.has(n));
  if (missing.length) problems.push({ path: 'row 1', message: `missing columns: ${missing.join(', ')}` });
  if (unknown.length) {
    problems.push({
      path: 'row 1',
      message: `unknown columns: ${unknown.slice(0, 10).map((n) => JSON.stringify(n)).join(', ')} (element columns are chemical symbols such as Cu or Ag)`,
    });
  }
  if (duplicate.length) problems.push({ path: 'row 1', message: `columns given twice: ${duplicate.join(', ')}` });
  if (elements.length === 0) problems.push({ path: 'row 1', message: 'no element columns (one column per element, named by its symbol, e.g. Ag)' });
  if (problems.length) throw refuse('The header row does not match the import template', problems);
  return { cells, byName, elements };
}

// ------------------------------------------------------------------ spreadsheet rows → records

export interface SheetRow {
  row: number;
  cells: CellText[];
}

const textOf = (cell: CellText | undefined): string | null => (cell && 'text' in cell ? cell.text : null);

function rowKey(h: Header, r: SheetRow): string | null {
  const brand = textOf(r.cells[h.byName.get('brand')!]);
  const pcr = textOf(r.cells[h.byName.get('pcr')!]);
  return brand && pcr ? `${brand}\u0000${pcr}` : null;
}

const isBlankRow = (r: SheetRow): boolean => r.cells.every((c) => c === null || c === undefined);

/** Groups consecutive rows of one cast (same brand + PCR) into records. */
export class RowGrouper {
  private rows: SheetRow[] = [];
  private key: string | null = null;

  constructor(
    private readonly header: Header,
    private readonly build: boolean,
  ) {}

  /** Adds a row; returns the record the previous rows made when this row starts a new cast. */
  push(r: SheetRow): ImportRecord | undefined {
    if (isBlankRow(r)) return undefined;
    const key = rowKey(this.header, r);
    if (this.rows.length && key !== null && key === this.key) {
      this.rows.push(r);
      return undefined;
    }
    const done = this.finish();
    this.rows = [r];
    this.key = key;
    return done;
  }

  finish(): ImportRecord | undefined {
    if (!this.rows.length) return undefined;
    const rows = this.rows;
    this.rows = [];
    return this.build ? recordFromRows(this.header, rows, this.key) : bareRecord(rows, this.key);
  }
}

function bareRecord(rows: SheetRow[], key: string | null): ImportRecord {
  return {
    firstRow: rows[0]!.row,
    lastRow: rows.at(-1)!.row,
    key,
    errors: [],
    locate: (path) => ({ row: rows[0]!.row, column: path, value: null }),
  };
}

const ELEMENT_VALUE = /^(<=|<|=)?\s*(.*)$/s;

export function recordFromRows(h: Header, rows: SheetRow[], key: string | null): ImportRecord {
  const first = rows[0]!;
  const errors: RowError[] = [];
  const cell = (r: SheetRow, name: string): CellText | undefined => {
    const i = h.byName.get(name);
    return i === undefined ? undefined : r.cells[i];
  };
  const locate = (path: string) => {
    const { column, bundle } = columnOfPath(path);
    const r = bundle !== undefined ? (rows[bundle] ?? first) : first;
    return { row: r.row, column, value: textOf(cell(r, column)) };
  };
  const rec: ImportRecord = { firstRow: first.row, lastRow: rows.at(-1)!.row, key, errors, locate };

  const read = (r: SheetRow, col: Column | { name: string; kind: 'element' }): string | undefined => {
    const c = cell(r, col.name);
    if (!c) return undefined;
    if ('error' in c) {
      errors.push({ row: r.row, column: col.name, value: null, code: 'unreadable_cell', reason: c.error });
      return undefined;
    }
    if ((col.kind === 'text' || col.kind === 'code' || col.kind === 'shape') && looksLikeFormula(c.text)) {
      errors.push({
        row: r.row,
        column: col.name,
        value: clip(c.text),
        code: 'formula_like',
        reason: FORMULA_REASON,
      });
      return undefined;
    }
    return c.text;
  };
  const integer = (r: SheetRow, col: Column, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    if (/^\d{1,9}$/.test(text)) return Number(text);
    errors.push({ row: r.row, column: col.name, value: clip(text), code: 'invalid_integer', reason: 'must be a whole number' });
    return undefined;
  };

  // Certificate columns: from the first row; later rows may repeat them or leave them blank.
  const values = new Map<string, string>();
  for (const col of COLUMNS) {
    if (col.level !== 'certificate' || !h.byName.has(col.name)) continue;
    const v = read(first, col);
    if (v !== undefined) values.set(col.name, v);
    const written = textOf(cell(first, col.name));
    for (const r of rows.slice(1)) {
      const t = textOf(cell(r, col.name));
      if (t !== null && t !== written) {
        errors.push(
          looksLikeFormula(t) && (col.kind === 'text' || col.kind === 'code' || col.kind === 'shape')
            ? { row: r.row, column: col.name, value: clip(t), code: 'formula_like', reason: FORMULA_REASON }
            : {
                row: r.row,
                column: col.name,
                value: clip(t),
                code: 'inconsistent_cast',
                reason: `differs from row ${first.row} of the same cast (${JSON.stringify(clip(written ?? ''))}); repeat the value or leave it blank`,
              },
        );
      }
    }
  }
  const get = (name: string) => values.get(name);
  const col = (name: string) => COLUMN_BY_NAME.get(name.toLowerCase())!;

  const s: Record<string, unknown> = {};
  const put = (obj: Record<string, unknown>, k: string, v: unknown) => {
    if (v !== undefined) obj[k] = v;
  };
  put(s, 'brand', get('brand'));
  put(s, 'pcr', get('pcr'));
  put(s, 'metal', get('metal'));
  put(s, 'productionDate', get('productionDate'));
  put(s, 'originCountry', get('originCountry'));
  put(s, 'shape', get('shape'));
  put(s, 'pieces', integer(first, col('pieces'), get('pieces')));
  const dims: Record<string, unknown> = {};
  put(dims, 'lengthMm', get('lengthMm'));
  put(dims, 'widthMm', get('widthMm'));
  put(dims, 'thicknessMm', get('thicknessMm'));
  put(dims, 'heightMm', get('heightMm'));
  put(dims, 'description', get('dimensionsDescription'));
  if (Object.keys(dims).length) s.dimensions = dims;

  s.bundles = rows.map((r) => {
    const b: Record<string, unknown> = {};
    put(b, 'number', read(r, col('bundleNumber')));
    put(b, 'pieces', integer(r, col('bundlePieces'), read(r, col('bundlePieces'))));
    put(b, 'netKg', read(r, col('bundleNetKg')));
    if (h.byName.has('bundleGrossKg')) put(b, 'grossKg', read(r, col('bundleGrossKg')));
    return b;
  });
  put(s, 'grossWeightKg', get('grossWeightKg'));
  put(s, 'netWeightKg', get('netWeightKg'));

  const unit = get('chemistryUnit') ?? '%';
  const chemistry: Record<string, unknown> = {};
  for (const { element } of h.elements) {
    const text = read(first, { name: element, kind: 'element' });
    const written = textOf(cell(first, element));
    for (const r of rows.slice(1)) {
      const t = textOf(cell(r, element));
      if (t !== null && t !== written) {
        errors.push({
          row: r.row,
          column: element,
          value: clip(t),
          code: 'inconsistent_cast',
          reason: `differs from row ${first.row} of the same cast; the analysis is given once per cast`,
        });
      }
    }
    if (text === undefined) continue;
    const m = ELEMENT_VALUE.exec(text)!;
    const v: Record<string, unknown> = { value: m[2]!.trim(), unit };
    if (m[1]) v.operator = m[1];
    chemistry[element] = v;
  }
  s.chemistry = chemistry;
  const lab: Record<string, unknown> = {};
  put(lab, 'name', get('laboratoryName'));
  put(lab, 'accreditation', get('laboratoryAccreditation'));
  put(lab, 'reportNumber', get('laboratoryReportNumber'));
  s.laboratory = lab;
  const signatory: Record<string, unknown> = {};
  put(signatory, 'name', get('signatoryName'));
  put(signatory, 'title', get('signatoryTitle'));
  s.signatory = signatory;
  put(s, 'remarks', get('remarks'));

  const amendmentReason = get('amendmentReason');
  errors.push(...checkAmendmentReason(amendmentReason, { row: first.row, column: 'amendmentReason' }));
  errors.push(...schemaErrors(rec, s, errors));
  if (errors.length === 0) rec.submission = s as unknown as Submission;
  if (amendmentReason !== undefined) rec.amendmentReason = amendmentReason;
  return rec;
}

// ------------------------------------------------------------------ NDJSON lines → records

function valueAt(obj: unknown, path: string): string | null {
  let cur: unknown = obj;
  for (const seg of path.split('.').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (cur === undefined) return null;
  return clip(typeof cur === 'string' ? cur : JSON.stringify(cur));
}

const FORMULA_FIELDS = ['brand', 'pcr', 'shape', 'remarks', 'laboratory.name', 'laboratory.accreditation', 'laboratory.reportNumber', 'signatory.name', 'signatory.title', 'dimensions.description'];

/** One NDJSON line: a Submission, optionally with a top-level "amendmentReason". */
export function recordFromJsonLine(line: string, row: number): ImportRecord {
  const errors: RowError[] = [];
  let parsed: unknown;
  const rec: ImportRecord = { firstRow: row, lastRow: row, key: null, errors, locate: (path) => ({ row, column: path, value: valueAt(parsed, path) }) };
  try {
    parsed = JSON.parse(line);
  } catch (e) {
    errors.push({ row, column: '(line)', value: clip(line), code: 'invalid_json', reason: `is not JSON: ${(e as Error).message}` });
    return rec;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    errors.push({ row, column: '(line)', value: clip(line), code: 'invalid_json', reason: 'must be one JSON object (a certificate submission)' });
    return rec;
  }
  const { amendmentReason, ...submission } = parsed as Record<string, unknown>;
  parsed = submission;
  const b = submission.brand;
  const p = submission.pcr;
  if (typeof b === 'string' && typeof p === 'string') rec.key = `${b}\u0000${p}`;
  if (amendmentReason !== undefined) {
    if (typeof amendmentReason !== 'string') {
      errors.push({ row, column: 'amendmentReason', value: clip(JSON.stringify(amendmentReason)), code: 'invalid_value', reason: 'must be text' });
    } else {
      errors.push(...checkAmendmentReason(amendmentReason, { row, column: 'amendmentReason' }));
      rec.amendmentReason = amendmentReason;
    }
  }
  for (const f of FORMULA_FIELDS) {
    const v = valueAt(submission, f);
    if (v !== null && looksLikeFormula(v) && typeof submission[f.split('.')[0]!] !== 'undefined') {
      errors.push({
        row,
        column: f,
        value: v,
        code: 'formula_like',
        reason: FORMULA_REASON,
      });
    }
  }
  errors.push(...schemaErrors(rec, submission, errors));
  if (errors.length === 0) rec.submission = submission as unknown as Submission;
  return rec;
}
