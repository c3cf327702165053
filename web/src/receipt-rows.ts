import type { paths } from './api-types.ts';
import { toMilli, WEIGHT_PATTERN } from './decimal.ts';

// The bundle rows of the receive-metal form as typed or pasted (every cell a string), checked as
// the server will check them, turned into the API's bundles, and the server's row errors put back
// beside their rows. Pure: no React, no i18n (problems are codes the page words).

// Types from the generated API types directly (not api.ts, which needs the DOM), so the unit test
// (test/web/receipt-rows.test.ts) compiles under the server's Node configuration too.
type ReceiptBundleInput = NonNullable<paths['/api/v1/receipts']['post']['requestBody']>['content']['application/json']['bundles'][number];
/** One problem of the server's error body (`{ error: { details } }`): what a row needs of it. */
interface ErrorDetail {
  path?: string;
  message: string;
}

export const ROW_FIELDS = ['lot', 'pcr', 'bundleRef', 'pieces', 'grossKg', 'netKg'] as const;
export type RowField = (typeof ROW_FIELDS)[number];
export type BundleRow = Record<RowField, string>;

export const emptyRow = (): BundleRow => ({ lot: '', pcr: '', bundleRef: '', pieces: '', grossKg: '', netKg: '' });
export const isBlank = (r: BundleRow): boolean => ROW_FIELDS.every((f) => r[f].trim() === '');

/** The server's patterns (src/warehouse/schemas.ts). */
export const PCR_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
// eslint-disable-next-line no-control-regex
const REF_PATTERN = /^[^\u0000-\u001f]{1,60}$/;

/** A number as a spreadsheet may copy it: "2,500.000" or "2 500" become "2500.000" and "2500". */
export function cleanNumber(s: string): string {
  const t = s.trim().replace(/^"(.*)"$/, '$1');
  if (/^\d{1,3}([, \u00a0]\d{3})+(\.\d+)?$/.test(t)) return t.replace(/[, \u00a0]/g, '');
  return t;
}

const NUMERIC: readonly RowField[] = ['pieces', 'grossKg', 'netKg'];
const cell = (field: RowField, v: string): string => (NUMERIC.includes(field) ? cleanNumber(v) : v.trim().replace(/^"(.*)"$/, '$1'));

/** Tab-separated lines (what copying cells from Excel or LibreOffice gives) as a grid of cells. */
export function parseGrid(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

/**
 * Rows from pasted lines: six columns (lot, PCR, bundle, pieces, gross kg, net kg) or five (the
 * same without the lot). A first line whose pieces column is not a number is taken for a header
 * and skipped; blank lines are skipped; a line with another number of columns is reported.
 */
export function rowsFromPaste(text: string): { rows: BundleRow[]; skipped: { line: number; columns: number }[]; header: boolean } {
  const rows: BundleRow[] = [];
  const skipped: { line: number; columns: number }[] = [];
  let header = false;
  parseGrid(text).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const fields: readonly RowField[] | null = cells.length === 6 ? ROW_FIELDS : cells.length === 5 ? ROW_FIELDS.slice(1) : null;
    if (!fields) {
      skipped.push({ line: i + 1, columns: cells.length });
      return;
    }
    const row = emptyRow();
    fields.forEach((f, j) => (row[f] = cell(f, cells[j]!)));
    if (i === 0 && !/^\d+$/.test(row.pieces)) {
      header = true;
      return;
    }
    rows.push(row);
  });
  return { rows, skipped, header };
}

/** Pastes a grid of cells into the rows from one cell on, right and down, adding rows as needed. */
export function pasteInto(rows: readonly BundleRow[], startRow: number, startField: RowField, grid: string[][]): BundleRow[] {
  const out = rows.map((r) => ({ ...r }));
  const col0 = ROW_FIELDS.indexOf(startField);
  grid.forEach((cells, i) => {
    const r = startRow + i;
    while (out.length <= r) out.push(emptyRow());
    cells.forEach((v, j) => {
      const f = ROW_FIELDS[col0 + j];
      if (f) out[r]![f] = cell(f, v);
    });
  });
  return out;
}

export type RowProblemCode = 'required' | 'pcrFormat' | 'refFormat' | 'pieces' | 'weightFormat' | 'netOverGross';
export interface RowProblem {
  row: number;
  field: RowField;
  code: RowProblemCode;
}

/** What the server would refuse in each row, before sending. Blank rows are ignored. */
export function rowProblems(rows: readonly BundleRow[]): RowProblem[] {
  const out: RowProblem[] = [];
  rows.forEach((r, row) => {
    if (isBlank(r)) return;
    const add = (field: RowField, code: RowProblemCode) => out.push({ row, field, code });
    if (r.lot.trim() && !REF_PATTERN.test(r.lot.trim())) add('lot', 'refFormat');
    if (!r.pcr.trim()) add('pcr', 'required');
    else if (!PCR_PATTERN.test(r.pcr.trim())) add('pcr', 'pcrFormat');
    if (!r.bundleRef.trim()) add('bundleRef', 'required');
    else if (!REF_PATTERN.test(r.bundleRef.trim())) add('bundleRef', 'refFormat');
    if (!r.pieces.trim()) add('pieces', 'required');
    else if (!/^[1-9][0-9]{0,4}$/.test(r.pieces.trim()) && r.pieces.trim() !== '100000') add('pieces', 'pieces');
    for (const f of ['grossKg', 'netKg'] as const) {
      if (!r[f].trim()) add(f, 'required');
      else if (!WEIGHT_PATTERN.test(r[f].trim())) add(f, 'weightFormat');
    }
    const net = toMilli(r.netKg.trim());
    const gross = toMilli(r.grossKg.trim());
    if (net !== null && gross !== null && net > gross) add('netKg', 'netOverGross');
  });
  return out;
}

/** The API's bundles from the rows that are not blank, and for each the index of its row in the form. */
export function toBundles(rows: readonly BundleRow[]): { bundles: ReceiptBundleInput[]; rowOf: number[] } {
  const bundles: ReceiptBundleInput[] = [];
  const rowOf: number[] = [];
  rows.forEach((r, i) => {
    if (isBlank(r)) return;
    rowOf.push(i);
    bundles.push({
      ...(r.lot.trim() ? { lot: r.lot.trim() } : {}),
      pcr: r.pcr.trim(),
      bundleRef: r.bundleRef.trim(),
      pieces: Number(r.pieces.trim()),
      grossKg: r.grossKg.trim(),
      netKg: r.netKg.trim(),
    });
  });
  return { bundles, rowOf };
}

/** Bundles and net weight (in grams, exact) of each lot the rows name, in the order they first appear. */
export function lotTotals(rows: readonly BundleRow[]): { lot: string; bundles: number; netMilli: bigint; complete: boolean }[] {
  const lots = new Map<string, { lot: string; bundles: number; netMilli: bigint; complete: boolean }>();
  for (const r of rows) {
    const lot = r.lot.trim();
    if (!lot) continue;
    const l = lots.get(lot) ?? { lot, bundles: 0, netMilli: 0n, complete: true };
    l.bundles++;
    const net = toMilli(r.netKg.trim());
    if (net === null) l.complete = false;
    else l.netMilli += net;
    lots.set(lot, l);
  }
  return [...lots.values()];
}

/**
 * The server's 400 details split into those of a row (`body.bundles.N.field`, N counting the
 * bundles sent, mapped back to the form's rows with `rowOf`), and those of the receipt's fields.
 */
export function splitServerErrors(
  details: readonly ErrorDetail[],
  rowOf: readonly number[],
): { rows: Map<number, { field: RowField | null; message: string }[]>; fields: Record<string, string[]>; other: ErrorDetail[] } {
  const rows = new Map<number, { field: RowField | null; message: string }[]>();
  const fields: Record<string, string[]> = {};
  const other: ErrorDetail[] = [];
  for (const d of details) {
    const m = /^body\.bundles\.(\d+)(?:\.(\w+))?/.exec(d.path ?? '');
    if (m) {
      const row = rowOf[Number(m[1])] ?? Number(m[1]);
      const field = (ROW_FIELDS as readonly string[]).includes(m[2] ?? '') ? (m[2] as RowField) : null;
      rows.set(row, [...(rows.get(row) ?? []), { field, message: d.message }]);
      continue;
    }
    const f = /^body\.(\w+)/.exec(d.path ?? '');
    if (f && f[1] !== 'bundles') fields[f[1]!] = [...(fields[f[1]!] ?? []), d.message];
    else other.push(d);
  }
  return { rows, fields, other };
}
