import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { FORMULA_REASON, looksLikeFormula, type CellText } from './cells.ts';
import { checkUtf8, detectFormat, sheetRows } from './readers.ts';

// Spreadsheet uploads for other modules (e.g. warehouse receipts from a file): the bulk import's
// own upload limit (ASSAY_IMPORT_MAX_BYTES), format detection from the bytes, UTF-8 and delimiter
// checks, zip-bomb guard and row reader, for files small enough to hold their rows in memory. The
// public face of src/imports for reading a file; its repo stays private.

export { FORMULA_REASON, looksLikeFormula, type CellText };

const tooLarge = (ctx: AppContext): AppError =>
  new AppError('payload_too_large', `The file is larger than ${ctx.config.imports.maxBytes} bytes (ASSAY_IMPORT_MAX_BYTES); split it`);

/**
 * Saves an uploaded file part (a multipart stream opened with `fileSize: ctx.config.imports.maxBytes`)
 * to a private temporary file and returns its path; the caller removes it with `discardUpload`.
 * Past the limit it answers 413 and keeps nothing.
 */
export async function saveUpload(ctx: AppContext, file: Readable & { truncated?: boolean }): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'assay-upload-'));
  const tmp = path.join(dir, randomBytes(8).toString('hex'));
  try {
    await pipeline(file, fs.createWriteStream(tmp, { mode: 0o600 }));
    if (file.truncated) throw tooLarge(ctx);
    return tmp;
  } catch (e) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(ctx);
    throw e;
  }
}

/** Removes a file saveUpload made (and its private folder). */
export async function discardUpload(file: string): Promise<void> {
  await fs.promises.rm(path.dirname(file), { recursive: true, force: true });
}

export interface SheetSpec {
  /** What the file holds, for messages: e.g. "A receipt". */
  what: string;
  /** XLSX: the data sheet is the first whose first row this accepts (CSV: the first row is the header). */
  isHeader: (names: (string | null)[]) => boolean;
  /** XLSX: the refusal when no sheet starts with the header. */
  noHeader: string;
  /** Most data rows (never more than ASSAY_IMPORT_MAX_ROWS). */
  maxRows: number;
  /** What that limit is called, for the 413 message. */
  maxRowsName: string;
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  header: (string | null)[];
  /** Non-blank data rows with their spreadsheet row numbers (the header is row 1). */
  rows: { row: number; cells: CellText[] }[];
}

/**
 * A CSV or XLSX file's header and rows, read with the bulk import's checks: the size limit, the
 * format from the bytes (old .xls, UTF-16, other archives refused), UTF-8 (CSV), the delimiter,
 * the zip structure and inflated size (XLSX), and the row limit. A file refused here is refused
 * whole (413 or 422) before anything is written.
 */
export async function readSheet(ctx: AppContext, file: string, spec: SheetSpec): Promise<Sheet> {
  const { size } = await fs.promises.stat(file);
  if (size > ctx.config.imports.maxBytes) throw tooLarge(ctx);
  const format = await detectFormat(file);
  if (format === 'ndjson') {
    throw new AppError('unprocessable', `${spec.what} is uploaded as CSV (UTF-8, comma-separated) or Excel (.xlsx), not as JSON lines`);
  }
  if (format === 'csv') await checkUtf8(file);
  const maxRows = Math.min(spec.maxRows, ctx.config.imports.maxRows);
  const out: Sheet = { format, header: [], rows: [] };
  const items = sheetRows(file, format, {
    maxRows,
    maxRowsName: spec.maxRows <= ctx.config.imports.maxRows ? spec.maxRowsName : 'ASSAY_IMPORT_MAX_ROWS',
    stats: { rows: 0 },
    zip: { maxUncompressedBytes: ctx.config.imports.maxUncompressedBytes, maxRatio: ctx.config.imports.maxZipRatio },
    isHeader: spec.isHeader,
    noHeader: spec.noHeader,
  });
  for await (const item of items) {
    if ('header' in item) out.header = item.header;
    else out.rows.push(item);
  }
  if (out.rows.length === 0) throw new AppError('unprocessable', 'The file has a header but no data rows');
  return out;
}
