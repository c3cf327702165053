import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralise } from './cells.ts';
import type { RowError } from './records.ts';
import { csvLine } from './templates.ts';

// The error report of an import, as CSV or Excel: row, column, value, code, reason. Every cell that
// a spreadsheet could run as a formula (=, +, -, @, tab, CR first) is prefixed with ' so opening
// the report never executes what a hostile file put in it.

export const REPORT_HEADER = ['row', 'column', 'value', 'code', 'reason'] as const;

const cells = (e: RowError): (string | number)[] => [e.row, neutralise(e.column), neutralise(e.value ?? ''), neutralise(e.code), neutralise(e.reason)];

export function csvReport(errors: AsyncIterable<RowError>): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield '\uFEFF' + csvLine(REPORT_HEADER);
    let batch = '';
    for await (const e of errors) {
      batch += csvLine(cells(e));
      if (batch.length > 64 * 1024) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  return Readable.from(lines());
}

/** Streams the workbook as it is written, so a report of a million rows does not sit in memory. */
export function xlsxReport(errors: AsyncIterable<RowError>, title: string): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  void (async () => {
    const ws = wb.addWorksheet('Errors', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: 'row', key: 'row', width: 8 },
      { header: 'column', key: 'column', width: 22 },
      { header: 'value', key: 'value', width: 30 },
      { header: 'code', key: 'code', width: 24 },
      { header: 'reason', key: 'reason', width: 100 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for await (const e of errors) ws.addRow(cells(e)).commit();
    ws.commit();
    const about = wb.addWorksheet('About');
    about.addRow([neutralise(title)]).commit();
    about.addRow(['Cells starting with = + - @ are shown with a leading apostrophe so they stay text.']).commit();
    about.commit();
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e as Error));
  return out;
}
