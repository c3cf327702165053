import ExcelJS from 'exceljs';
import { toCsv } from '../cbam/csv.ts';
import type { ReportDocument } from './generate.ts';

// A published report as a table (CSV or a one-sheet workbook): one line per row of the report,
// figures as the report writes them (text, so nothing is re-rounded), and the report's day, its
// digest and the address to verify it in the workbook's header lines. Pure but for the workbook
// writer.

export interface ReportTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
}

export function reportTable(doc: ReportDocument): ReportTable {
  switch (doc.kind) {
    case 'stock':
      return {
        title: `Daily stock report ${doc.businessDay}`,
        header: ['business_day', 'location', 'metal', 'opening_t', 'delivered_in_t', 'delivered_out_t', 'closing_t', 'live_t', 'cancelled_t'],
        rows: doc.rows.map((r) => [doc.businessDay, r.location, r.metal, r.opening, r.deliveredIn, r.deliveredOut, r.closing, r.live, r.cancelled]),
      };
    case 'banding':
      return {
        title: `Warrant banding published ${doc.period}, holdings at the close of ${doc.asOf}`,
        header: ['published', 'as_of', 'metal', 'live_t', 'live_warrants', 'position', 'band', 'band_from_pct', 'band_to_pct'],
        rows: doc.metals.flatMap((m) => {
          const band = (code: string) => doc.bands.find((b) => b.code === code)!;
          const positions = m.positions.length ? m.positions : [null];
          return positions.map((p) => [doc.period, doc.asOf, m.metal, m.liveTonnes, m.liveWarrants, p?.position ?? '', p?.band ?? '', p ? band(p.band).fromPct : '', p ? band(p.band).toPct : '']);
        }),
      };
    case 'queue':
      return {
        title: `Load-out queues at the close of ${doc.asOf}`,
        header: ['as_of', 'facility', 'location', 'warrants', 'tonnes', 'min_daily_load_out_t', 'waiting_working_days', 'waiting_since', 'metals'],
        rows: doc.facilities.map((f) => [doc.asOf, f.facility, f.location, f.warrants, f.tonnes, f.minDailyLoadOutTonnes, f.waitingWorkingDays, f.waitingSince, f.metals.map((m) => `${m.metal} ${m.tonnes}`).join('; ')]),
      };
    case 'off_warrant':
      return {
        title: `Off-warrant stock ${doc.period}`,
        header: ['month', 'location', 'metal', 'recorded_t', 'declared_t', 'total_t', 'warehouses'],
        rows: doc.rows.map((r) => [doc.period, r.location, r.metal, r.recorded, r.declared, r.total, r.warehouses]),
      };
  }
}

export const reportCsv = (doc: ReportDocument): string => {
  const t = reportTable(doc);
  return toCsv(t.header, t.rows);
};

export async function reportWorkbook(doc: ReportDocument, meta: { digest: string; verifyUrl: string }): Promise<Buffer> {
  const t = reportTable(doc);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Assay';
  const ws = wb.addWorksheet(doc.kind.replace('_', '-'));
  ws.addRow([t.title]).font = { bold: true };
  ws.addRow(['Document digest', meta.digest]);
  ws.addRow(['Verify', meta.verifyUrl]);
  ws.addRow([]);
  ws.addRow(t.header).font = { bold: true };
  // Text cells: the figures keep the report's digits, and no cell is a formula.
  for (const r of t.rows) ws.addRow(r.map((c) => String(c)));
  ws.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
