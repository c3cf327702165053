import fs from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { StatementView } from './statement-service.ts';

// A rent statement as the files people keep: a printable A4 PDF (pdfkit, the Noto Sans font the
// certificate PDF uses, so names in Chinese print) and an XLSX workbook (exceljs). Both are built
// from the statement as the caller may read it (a warehouse: its own lines), and state the
// rounding rule. Amounts are written as text in the workbook so no digit passes through a float.

const require = createRequire(import.meta.url);
const FONTS = {
  regular: '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
};
const fontCache = new Map<string, Buffer>();
const font = (spec: string): Buffer => {
  let b = fontCache.get(spec);
  if (!b) fontCache.set(spec, (b = fs.readFileSync(require.resolve(spec))));
  return b;
};

const STATUS: Record<string, string> = { open: 'Open — waiting for endorsement', partly_endorsed: 'Partly endorsed', endorsed: 'Endorsed', withdrawn: 'Withdrawn' };

export async function statementPdf(s: StatementView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    pdfVersion: '1.7',
    info: { Title: `Rent statement ${s.number}`, Subject: `Rent to ${s.paidTo}`, Author: s.holder.name, Creator: 'Assay', CreationDate: new Date(s.madeAt) },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', font(FONTS.regular));
  doc.registerFont('bold', font(FONTS.bold));
  const left = 40;
  const width = doc.page.width - 80;
  const bottom = doc.page.height - 60;
  const ensure = (h: number) => {
    if (doc.y + h > bottom) doc.addPage();
  };

  doc.font('bold').fontSize(18).text(`Rent statement ${s.number}`, left, 40);
  doc.font('body').fontSize(10).fillColor('#5c5f66').text(`Assay · ${STATUS[s.status] ?? s.status}`);
  doc.moveDown(0.8).fillColor('#1a1b1e');
  const facts: [string, string][] = [
    ['Holder', s.holder.name],
    ['Rent paid up to and including', s.paidTo],
    ['Made', `${s.madeAt.slice(0, 10)} ${s.madeAt.slice(11, 16)} UTC`],
    ['Queue rent capping', `at most ${s.queueRentCapDays} days in a load-out queue are charged`],
    ['Statement digest', s.contentDigest],
  ];
  for (const [k, v] of facts) {
    doc.font('bold').fontSize(9).text(`${k}: `, { continued: true }).font('body').text(v);
  }
  doc.moveDown(0.8);

  const cols = [
    { head: 'Warrant', w: 82 },
    { head: 'Facility', w: 92 },
    { head: 'Metal', w: 32 },
    { head: 'Tonnes', w: 44, right: true },
    { head: 'From', w: 60 },
    { head: 'To', w: 60 },
    { head: 'Days', w: 32, right: true },
    { head: 'Rate US$/t/day', w: 52, right: true },
    { head: 'Amount', w: width - 82 - 92 - 32 - 44 - 60 - 60 - 32 - 52, right: true },
  ];
  const row = (cells: string[], bold = false) => {
    ensure(16);
    const y = doc.y;
    let x = left;
    doc.font(bold ? 'bold' : 'body').fontSize(8);
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y, { width: cols[i]!.w - 4, align: cols[i]!.right ? 'right' : 'left', lineBreak: false, ellipsis: true });
      x += cols[i]!.w;
    });
    doc.x = left;
    doc.y = y + 13;
  };
  const rule = () => {
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).strokeColor('#ced4da').lineWidth(0.5).stroke();
    doc.y += 3;
  };

  for (const w of s.warehouses) {
    ensure(60);
    doc.moveDown(0.4).font('bold').fontSize(11).text(w.name, left);
    doc.font('body').fontSize(8).fillColor('#5c5f66').text(w.endorsed ? `Endorsed on ${w.endorsed.on} (log entry ${w.endorsed.logIndex})` : 'Not yet endorsed').fillColor('#1a1b1e');
    doc.moveDown(0.3);
    row(cols.map((c) => c.head), true);
    rule();
    for (const l of s.lines.filter((x) => x.warehouse.id === w.id)) {
      const rates = [...new Set(l.segments.map((g) => g.rateUsdPerTonneDay))].join(' / ');
      row([l.number, l.facility.name, l.metal, l.tonnes, l.from, l.to, String(l.days), rates, `${l.amount} ${l.currency}`]);
    }
    rule();
    for (const t of s.totals.byWarehouse.filter((x) => x.warehouse.id === w.id)) {
      row(['Total', '', '', '', '', '', '', `${t.warrants} warrant(s)`, `${t.amount} ${t.currency}`], true);
    }
  }
  doc.moveDown(0.8);
  ensure(40);
  doc.font('bold').fontSize(11).text('Total to pay', left);
  for (const t of s.totals.byCurrency) doc.font('bold').fontSize(12).text(`${t.amount} ${t.currency}`, left);
  doc.moveDown(0.8);
  ensure(60);
  doc.font('body').fontSize(7.5).fillColor('#5c5f66');
  doc.text(`Rounding: ${s.rounding}`, left, doc.y, { width });
  doc.moveDown(0.3);
  doc.text('Rent is charged per tonne per day at the tariff of the rate year (1 April – 31 March) in force that day, from the warranting date; the day of load-out is not charged.', { width });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('body').fontSize(7).fillColor('#5c5f66').text(`${s.number} · page ${i + 1} of ${range.count}`, left, doc.page.height - 40, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}

export async function statementXlsx(s: StatementView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Assay';
  wb.created = new Date(s.madeAt);
  const ws = wb.addWorksheet('Statement');
  ws.addRow(['Rent statement', s.number]).font = { bold: true };
  ws.addRow(['Status', s.status]);
  ws.addRow(['Holder', s.holder.name]);
  ws.addRow(['Paid up to and including', s.paidTo]);
  ws.addRow(['Made', s.madeAt]);
  ws.addRow(['Rounding', s.rounding]);
  ws.addRow([]);
  const header = ['Line', 'Warrant', 'Warehouse', 'Facility', 'Location', 'Metal', 'Tonnes', 'Paid to before', 'From', 'To', 'Days', 'Rates (US$/t/day)', 'Exact', 'Amount', 'Currency', 'Endorsed on'];
  ws.addRow(header).font = { bold: true };
  for (const l of s.lines) {
    const endorsed = s.warehouses.find((w) => w.id === l.warehouse.id)?.endorsed?.on ?? '';
    ws.addRow([String(l.line), l.number, l.warehouse.name, l.facility.name, l.location, l.metal, l.tonnes, l.paidToBefore ?? '', l.from, l.to, String(l.days),
      l.segments.map((g) => `${g.rateUsdPerTonneDay} × ${g.days} (${g.rateYear})`).join('; '), l.exact, l.amount, l.currency, endorsed]);
  }
  ws.addRow([]);
  ws.addRow(['Totals per warehouse']).font = { bold: true };
  for (const t of s.totals.byWarehouse) ws.addRow(['', '', t.warehouse.name, '', '', '', '', '', '', '', String(t.warrants), '', '', t.amount, t.currency]);
  ws.addRow(['Total']).font = { bold: true };
  for (const t of s.totals.byCurrency) ws.addRow(['', '', '', '', '', '', '', '', '', '', '', '', '', t.amount, t.currency]);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 24 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
