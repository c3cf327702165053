import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../platform/errors.ts';
import { excelCellText, type CellText } from './cells.ts';
import { parseHeader, recordFromJsonLine, RowGrouper, type ImportRecord } from './records.ts';
import { checkXlsxArchive, type ZipLimits } from './zip-guard.ts';

// Streaming readers for the three import formats. Each yields certificates (records) one at a time
// so memory stays flat whatever the file size; anything that makes the whole file unusable (wrong
// template, wrong delimiter, bad encoding, a hostile archive) is refused up front as an AppError.

export const IMPORT_FORMATS = ['csv', 'xlsx', 'ndjson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const refuse = (message: string, detail?: string): AppError =>
  new AppError('unprocessable', message, detail ? [{ path: 'file', message: detail }] : undefined);

/** Longest CSV record or NDJSON line accepted (a certificate with 2,000 bundles is far smaller). */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

async function head(file: string, n: number): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The format from the file's first bytes (the name can lie; the bytes cannot). */
export async function detectFormat(file: string): Promise<ImportFormat> {
  const b = await head(file, 4096);
  if (b.length === 0) throw refuse('The file is empty');
  if (b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw refuse('This is an old binary Excel file (.xls); save it as an Excel Workbook (.xlsx) or CSV UTF-8 and upload that');
  }
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    throw refuse('The file is encoded as UTF-16; save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")');
  }
  if (b[0] === 0x50 && b[1] === 0x4b) throw refuse('The file is a zip archive but not a workbook this import can read');
  const text = b.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return text.startsWith('{') ? 'ndjson' : 'csv';
}

interface Utf8State {
  need: number;
  min: number;
  cp: number;
  /** Offset in the file where the sequence being read began. */
  start: number;
}

/**
 * File offset of the first byte that starts a malformed UTF-8 sequence (overlongs, surrogates,
 * values past U+10FFFF and NUL included), or -1. `state` carries a sequence across chunks.
 */
function utf8Scan(buf: Buffer, base: number, state: Utf8State): number {
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (state.need > 0) {
      if ((c & 0xc0) !== 0x80) return state.start;
      state.cp = (state.cp << 6) | (c & 0x3f);
      if (--state.need === 0 && (state.cp < state.min || state.cp > 0x10ffff || (state.cp >= 0xd800 && state.cp <= 0xdfff))) return state.start;
      continue;
    }
    if (c < 0x80) {
      if (c === 0) return base + i;
      continue;
    }
    state.start = base + i;
    if (c >= 0xc2 && c <= 0xdf) Object.assign(state, { need: 1, min: 0x80, cp: c & 0x1f });
    else if (c >= 0xe0 && c <= 0xef) Object.assign(state, { need: 2, min: 0x800, cp: c & 0x0f });
    else if (c >= 0xf0 && c <= 0xf4) Object.assign(state, { need: 3, min: 0x10000, cp: c & 0x07 });
    else return base + i;
  }
  return -1;
}

/** Refuses text that is not UTF-8 (naming the line), or that holds NUL bytes (binary or UTF-16). */
export async function checkUtf8(file: string): Promise<void> {
  const state: Utf8State = { need: 0, min: 0, cp: 0, start: 0 };
  let offset = 0;
  let line = 1;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const buf = chunk as Buffer;
    const bad = utf8Scan(buf, offset, state);
    if (bad >= 0) {
      const at = Math.max(0, bad - offset);
      for (let i = 0; i < at; i++) if (buf[i] === 0x0a) line++;
      const byte = bad >= offset ? buf[at]! : -1;
      const what = byte === 0 ? 'a NUL byte (is the file binary, or UTF-16?)' : byte >= 0 ? `byte 0x${byte.toString(16).padStart(2, '0')}` : 'a broken character';
      throw refuse(
        'The file is not valid UTF-8 text. Save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)"; the default "CSV" is often Windows-1252)',
        `line ${line}, byte ${bad}: ${what}`,
      );
    }
    for (let i = 0; i < buf.length; i++) if (buf[i] === 0x0a) line++;
    offset += buf.length;
  }
  if (state.need > 0) throw refuse('The file is not valid UTF-8 text: it ends in the middle of a character', `byte ${state.start}`);
}

const DELIMITERS: [string, string][] = [
  [';', 'semicolons'],
  ['\t', 'tabs'],
  ['|', 'vertical bars'],
];

/** The template is comma-separated; a file separated otherwise is refused with what was found. */
export function checkDelimiter(headerLine: string): void {
  const count = (ch: string) => headerLine.split(ch).length - 1;
  const commas = count(',');
  for (const [ch, name] of DELIMITERS) {
    const n = count(ch);
    if (n >= 2 && n > commas) {
      throw refuse(
        `The CSV is separated by ${name} ("${ch === '\t' ? '\\t' : ch}"), but the import template uses commas. ` +
          'In Excel choose "CSV UTF-8 (Comma delimited)" when saving (a ";" appears when the computer uses "," as its decimal mark).',
        `row 1 has ${n} ${name} and ${commas} commas`,
      );
    }
  }
}

export interface ReadOptions {
  /** Build and check Submissions (false: only group rows, for counting). */
  build: boolean;
  maxRows: number;
  zip: ZipLimits;
  /** Counts data rows as they are read. */
  stats?: { rows: number };
}

function countRow(opts: ReadOptions): void {
  if (!opts.stats) return;
  opts.stats.rows++;
  if (opts.stats.rows > opts.maxRows) {
    throw new AppError(
      'payload_too_large',
      `The file has more than ${opts.maxRows} data rows (ASSAY_IMPORT_MAX_ROWS); split it into smaller files`,
    );
  }
}

/** Every certificate in the file, in file order. */
export async function* readRecords(file: string, format: ImportFormat, opts: ReadOptions): AsyncGenerator<ImportRecord> {
  if (format === 'ndjson') yield* ndjsonRecords(file, opts);
  else yield* sheetRecords(file, format, opts);
}

async function* lines(file: string): AsyncGenerator<{ line: string; n: number }> {
  let rest = '';
  let n = 0;
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    rest += decoder.decode(chunk as Buffer, { stream: true });
    let i: number;
    while ((i = rest.indexOf('\n')) >= 0) {
      n++;
      yield { line: rest.slice(0, i).replace(/\r$/, ''), n };
      rest = rest.slice(i + 1);
    }
    if (rest.length > MAX_RECORD_BYTES) throw refuse(`Line ${n + 1} is longer than ${MAX_RECORD_BYTES} bytes`);
  }
  rest += decoder.decode();
  if (rest.length) yield { line: rest.replace(/\r$/, ''), n: n + 1 };
}

async function* ndjsonRecords(file: string, opts: ReadOptions): AsyncGenerator<ImportRecord> {
  for await (const { line, n } of lines(file)) {
    const text = (n === 1 ? line.replace(/^\uFEFF/, '') : line).trim();
    if (text === '') continue;
    countRow(opts);
    yield opts.build ? recordFromJsonLine(text, n) : { firstRow: n, lastRow: n, key: null, errors: [], locate: (p) => ({ row: n, column: p, value: null }) };
  }
}

/** One item of a spreadsheet: its header row (once, first), then each non-blank data row. */
export type SheetItem = { header: (string | null)[] } | { row: number; cells: CellText[] };

export interface SheetOptions {
  maxRows: number;
  zip: ZipLimits;
  /** Counts data rows as they are read. */
  stats?: { rows: number };
  /** XLSX: the data sheet is the first whose first row this accepts (CSV: its first row is the header). */
  isHeader: (names: (string | null)[]) => boolean;
  /** XLSX: why the file is refused when no sheet starts with the header. */
  noHeader: string;
  /** What the row limit is called where it is set (default ASSAY_IMPORT_MAX_ROWS). */
  maxRowsName?: string;
}

function countSheetRow(opts: SheetOptions): void {
  if (!opts.stats) return;
  opts.stats.rows++;
  if (opts.stats.rows > opts.maxRows) {
    throw new AppError(
      'payload_too_large',
      `The file has more than ${opts.maxRows} data rows (${opts.maxRowsName ?? 'ASSAY_IMPORT_MAX_ROWS'}); split it into smaller files`,
    );
  }
}

/**
 * The rows of a CSV or XLSX file, streamed: the header first, then every data row that is not
 * blank, with its spreadsheet row number (the header is row 1). The delimiter, the archive (zip
 * bombs and the rest, before any spreadsheet code inflates it) and the row limit are checked as it
 * goes; anything that makes the file unreadable is refused as an AppError.
 */
export async function* sheetRows(file: string, format: 'csv' | 'xlsx', opts: SheetOptions): AsyncGenerator<SheetItem> {
  if (format === 'csv') yield* csvRows(file, opts);
  else yield* xlsxRows(file, opts);
}

async function* csvRows(file: string, opts: SheetOptions): AsyncGenerator<SheetItem> {
  const first = (await head(file, 64 * 1024)).toString('utf8').replace(/^\uFEFF/, '');
  checkDelimiter(first.split('\n')[0] ?? '');
  const parser = fs.createReadStream(file).pipe(
    parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: MAX_RECORD_BYTES }),
  );
  let header = false;
  try {
    for await (const item of parser) {
      const { record, info } = item as { record: string[]; info: { lines: number } };
      if (!header) {
        header = true;
        yield { header: record };
        continue;
      }
      const cells: CellText[] = record.map((v) => (v.trim() === '' ? null : { text: v.trim() }));
      if (cells.every((c) => c === null)) continue;
      countSheetRow(opts);
      yield { row: info.lines, cells };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as Error & { lines?: number; code?: string };
    throw refuse('The CSV cannot be read', `${err.lines ? `line ${err.lines}: ` : ''}${err.message}`);
  }
  if (!header) throw refuse('The file has no header row');
}

async function* xlsxRows(file: string, opts: SheetOptions): AsyncGenerator<SheetItem> {
  await checkXlsxArchive(file, opts.zip);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      let reading = false;
      let firstRow = true;
      for await (const row of sheet) {
        if (found && !reading) continue; // a later sheet: drained, not read
        const values = row.values as unknown[];
        if (firstRow) {
          firstRow = false;
          const names = values.slice(1).map((v) => {
            const t = excelCellText(v);
            return t && 'text' in t ? t.text : null;
          });
          // The data sheet is the first whose first row is the template's header.
          if (!opts.isHeader(names)) continue;
          reading = true;
          found = true;
          yield { header: names };
          continue;
        }
        if (!reading) continue;
        const cells = values.slice(1).map(excelCellText);
        if (cells.every((c) => c === null)) continue;
        countSheetRow(opts);
        yield { row: row.number, cells };
      }
      reading = false;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse('The file is not a readable Excel workbook (.xlsx)', (e as Error).message);
  }
  if (!found) throw refuse(sheets === 0 ? 'The workbook has no worksheets' : opts.noHeader);
}

const certificateSheet = (opts: ReadOptions): SheetOptions => ({
  maxRows: opts.maxRows,
  zip: opts.zip,
  ...(opts.stats ? { stats: opts.stats } : {}),
  isHeader: (names) => names.some((n) => n?.toLowerCase() === 'brand') && names.some((n) => n?.toLowerCase() === 'pcr'),
  noHeader: 'No worksheet starts with the import template header row (brand, pcr, …); download the template for your metal',
});

/** Certificates from a CSV or XLSX file: bundle rows grouped into casts. */
async function* sheetRecords(file: string, format: 'csv' | 'xlsx', opts: ReadOptions): AsyncGenerator<ImportRecord> {
  let grouper: RowGrouper | undefined;
  for await (const item of sheetRows(file, format, certificateSheet(opts))) {
    if ('header' in item) {
      // A new data sheet (XLSX reads only the first): what the previous one grouped is done.
      const last = grouper?.finish();
      if (last) yield last;
      grouper = new RowGrouper(parseHeader(item.header), opts.build);
      continue;
    }
    const done = grouper!.push(item);
    if (done) yield done;
  }
  const last = grouper?.finish();
  if (last) yield last;
}
