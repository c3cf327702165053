import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { attachCredential, pdfFont, type PdfLanguage } from '../certificates/pdf.ts';
import type { AppContext } from '../platform/context.ts';
import { parseProof } from '../trust/proof-bundle.ts';
import { digestBytes } from '../trust/trust.ts';
import { decodeCredentialJwt } from '../trust/vc.ts';
import type { WarrantSubject } from './credential.ts';
import { proofOf } from './verification.ts';
import { getWarrant, warrantCredentialOf } from './warrant-service.ts';

// The printable warrant: one A4 document of the public view (never the holder), in English beside
// one Chinese script as the certificate PDF is, with a QR code to the warrant's public page and the
// warehouse's signed WarrantCredential and its log proof attached, so the paper copy verifies
// offline (`assay verify credential.jwt --proof proof.txt --trust trust.json`).

type Label = { en: string; 'zh-Hant': string; 'zh-Hans': string };
const L = {
  title: { en: 'Warehouse Warrant', 'zh-Hant': '倉單', 'zh-Hans': '仓单' },
  subtitle: {
    en: 'Document of title to metal in an approved warehouse, signed by the warehouse that stores it',
    'zh-Hant': '存放於核准倉庫之金屬的所有權憑證，由存放該金屬的倉庫簽署',
    'zh-Hans': '存放于核准仓库之金属的所有权凭证，由存放该金属的仓库签署',
  },
  status: { en: 'Status', 'zh-Hant': '狀態', 'zh-Hans': '状态' },
  live: { en: 'Live', 'zh-Hant': '有效', 'zh-Hans': '有效' },
  cancelled: { en: 'Cancelled (in the load-out queue)', 'zh-Hant': '已註銷（等候出庫）', 'zh-Hans': '已注销（等候出库）' },
  delivered_out: { en: 'Delivered out', 'zh-Hant': '已出庫', 'zh-Hans': '已出库' },
  metal: { en: 'Metal', 'zh-Hant': '金屬', 'zh-Hans': '金属' },
  brand: { en: 'Brand', 'zh-Hant': '品牌', 'zh-Hans': '品牌' },
  shape: { en: 'Shape', 'zh-Hant': '形狀', 'zh-Hans': '形状' },
  origin: { en: 'Country of origin', 'zh-Hant': '原產國', 'zh-Hans': '原产国' },
  tonnage: { en: 'Tonnage', 'zh-Hant': '噸數', 'zh-Hans': '吨数' },
  location: { en: 'Delivery location', 'zh-Hant': '交收地點', 'zh-Hans': '交收地点' },
  facility: { en: 'Facility', 'zh-Hant': '倉儲設施', 'zh-Hans': '仓储设施' },
  warehouse: { en: 'Warehouse company', 'zh-Hant': '倉庫公司', 'zh-Hans': '仓库公司' },
  warrantedOn: { en: 'Warranted on', 'zh-Hant': '簽發日期', 'zh-Hans': '签发日期' },
  deliveredOut: { en: 'Delivered out on', 'zh-Hant': '出庫日期', 'zh-Hans': '出库日期' },
  bundles: { en: 'Bundles', 'zh-Hant': '捆數', 'zh-Hans': '捆数' },
  certificates: { en: 'Certificates of analysis', 'zh-Hant': '分析證書', 'zh-Hans': '分析证书' },
  bundleList: { en: 'Bundles and their certificates', 'zh-Hant': '捆包及其分析證書', 'zh-Hans': '捆包及其分析证书' },
  pcr: { en: 'Cast (PCR)', 'zh-Hant': '生產批次', 'zh-Hans': '生产批次' },
  bundleNo: { en: 'Bundle', 'zh-Hant': '捆號', 'zh-Hans': '捆号' },
  pieces: { en: 'Pieces', 'zh-Hant': '件數', 'zh-Hans': '件数' },
  net: { en: 'Net weight', 'zh-Hant': '淨重', 'zh-Hans': '净重' },
  certificate: { en: 'Certificate', 'zh-Hant': '證書', 'zh-Hans': '证书' },
  verify: { en: 'Verify this warrant', 'zh-Hant': '驗證此倉單', 'zh-Hans': '验证此仓单' },
  holder: {
    en: 'This document names no holder: title is recorded in the register, where the holder, its warehouse and the exchange see it.',
    'zh-Hant': '本文件不載明持有人：所有權記錄於登記冊，持有人、其倉庫及交易所可在登記冊查閱。',
    'zh-Hans': '本文件不载明持有人：所有权记录于登记册，持有人、其仓库及交易所可在登记册查阅。',
  },
  digest: { en: 'Credential digest (SHA-256)', 'zh-Hant': '憑證摘要 (SHA-256)', 'zh-Hans': '凭证摘要 (SHA-256)' },
  logIndex: { en: 'Transparency log index', 'zh-Hant': '透明日誌索引', 'zh-Hans': '透明日志索引' },
  attached: {
    en: "The warehouse's signed credential of this warrant (credential.jwt) and its log proof (proof.txt) are attached to this PDF; `assay verify` checks them offline against the register's trust file.",
    'zh-Hant': '倉庫簽署的本倉單憑證 (credential.jwt) 及其日誌證明 (proof.txt) 附於本 PDF；可用 assay verify 依登記冊的信任檔離線驗證。',
    'zh-Hans': '仓库签署的本仓单凭证 (credential.jwt) 及其日志证明 (proof.txt) 附于本 PDF；可用 assay verify 依登记册的信任文件离线验证。',
  },
  page: { en: 'Page', 'zh-Hant': '頁', 'zh-Hans': '页' },
} satisfies Record<string, Label>;

/** The public view of a warrant as GET /api/v1/warrants/{id} answers anyone. */
export interface PdfWarrant {
  id: string;
  number: string;
  status: 'live' | 'cancelled' | 'delivered_out';
  metal: string;
  brand: { code: string; name: string };
  shape: string;
  originCountry: string;
  tonnes: string;
  warrantedOn: string;
  location: { code: string; name: string };
  facility: { name: string };
  warehouse: { name: string };
  deliveredOutAt: string | null;
}

export interface WarrantPdfInput {
  warrant: PdfWarrant;
  /** What the credential says of each bundle (public: the credential never names the holder). */
  bundles: WarrantSubject['bundles'];
  credential: string;
  proof?: string;
  logIndex: number | null;
  publicUrl: string;
  lang: PdfLanguage;
}

/** Where the QR code leads: the warrant's public page. */
export const warrantUrl = (publicUrl: string, number: string): string => `${publicUrl.replace(/\/+$/, '')}/w/${number}`;

const PAGE = { width: 595.28, height: 841.89, margin: 42 };
const INK = '#1a1b1e';
const MUTED = '#5c5f66';
const LINE = '#ced4da';
const GOOD = '#2b8a3e';
const BAD = '#c92a2a';

export async function renderWarrantPdf(input: WarrantPdfInput): Promise<Buffer> {
  const { warrant: w, lang } = input;
  const both = (l: Label): string => `${l.en}  ${l[lang]}`;
  const url = warrantUrl(input.publicUrl, w.number);
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  const warranted = new Date(`${w.warrantedOn}T00:00:00Z`);

  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    pdfVersion: '1.7',
    lang,
    displayTitle: true,
    info: { Title: `${L.title.en} ${w.number}`, Subject: `${w.tonnes} t ${w.metal} ${w.brand.code}`, Author: w.warehouse.name, Creator: 'Assay', CreationDate: warranted },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', pdfFont(lang, 'regular'));
  doc.registerFont('bold', pdfFont(lang, 'bold'));
  attachCredential(doc, input.credential, input.proof, "The warehouse's signed WarrantCredential of this warrant (vc+jwt)", warranted);

  const left = PAGE.margin;
  const right = PAGE.width - PAGE.margin;
  const width = right - left;
  const bottom = PAGE.height - PAGE.margin - 24;
  const ensure = (h: number): void => {
    if (doc.y + h > bottom) {
      doc.addPage();
      doc.y = PAGE.margin;
    }
  };

  // Header: title, number, status, QR code.
  const qrSize = 112;
  const textW = width - qrSize - 12;
  doc.font('bold').fontSize(20).fillColor(INK).text(L.title.en, left, PAGE.margin, { width: textW });
  doc.font('bold').fontSize(17).text(L.title[lang], { width: textW });
  doc.font('body').fontSize(8.5).fillColor(MUTED).text(`${L.subtitle.en}\n${L.subtitle[lang]}`, { width: textW });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(13).fillColor(INK).text(w.number, { width: textW });
  doc
    .font('body')
    .fontSize(9.5)
    .fillColor(w.status === 'live' ? GOOD : BAD)
    .text(`${both(L.status)}: ${both(L[w.status])}`, { width: textW });
  doc.image(qr, right - qrSize, PAGE.margin, { width: qrSize, height: qrSize });
  doc.font('body').fontSize(6.5).fillColor(MUTED).text(both(L.verify), right - qrSize, PAGE.margin + qrSize + 2, { width: qrSize, align: 'center' });
  doc.y = Math.max(doc.y, PAGE.margin + qrSize + 22);
  doc.x = left;
  doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.8).strokeColor(LINE).stroke();
  doc.moveDown(0.6);

  // The metal and where it lies: two columns of label/value pairs.
  const certificates = [...new Set(input.bundles.map((b) => b.certificate.number))];
  const fields: [Label, string][] = [
    [L.metal, w.metal],
    [L.tonnage, `${w.tonnes} t`],
    [L.brand, `${w.brand.code} — ${w.brand.name}`],
    [L.shape, w.shape],
    [L.origin, w.originCountry],
    [L.warrantedOn, w.warrantedOn],
    [L.location, `${w.location.name} (${w.location.code})`],
    [L.facility, w.facility.name],
    [L.warehouse, w.warehouse.name],
    [L.bundles, String(input.bundles.length)],
    [L.certificates, certificates.join(', ')],
    ...(w.deliveredOutAt ? ([[L.deliveredOut, w.deliveredOutAt.slice(0, 10)]] as [Label, string][]) : []),
  ];
  const colW = (width - 16) / 2;
  for (let i = 0; i < fields.length; i += 2) {
    ensure(30);
    const y = doc.y;
    let maxY = y;
    for (let j = 0; j < 2; j++) {
      const f = fields[i + j];
      if (!f) continue;
      const x = left + j * (colW + 16);
      doc.font('body').fontSize(7.5).fillColor(MUTED).text(both(f[0]), x, y, { width: colW });
      doc.font('bold').fontSize(10).fillColor(INK).text(f[1], x, doc.y + 1, { width: colW });
      maxY = Math.max(maxY, doc.y);
    }
    doc.y = maxY + 6;
  }
  doc.x = left;
  doc.font('body').fontSize(7.5).fillColor(MUTED).text(`${L.holder.en}\n${L.holder[lang]}`, left, doc.y, { width });

  // Bundles with their certificates.
  doc.moveDown(0.8);
  ensure(60);
  doc.font('bold').fontSize(12).fillColor(INK).text(both(L.bundleList), left, doc.y, { width });
  doc.moveDown(0.3);
  const cols = [
    { label: L.pcr, w: 0.22 },
    { label: L.bundleNo, w: 0.24 },
    { label: L.pieces, w: 0.12 },
    { label: L.net, w: 0.16 },
    { label: L.certificate, w: 0.26 },
  ];
  const row = (cells: string[], header = false): void => {
    ensure(16);
    const y = doc.y;
    let x = left;
    cells.forEach((text, k) => {
      const cw = cols[k]!.w * width;
      doc
        .font(header ? 'bold' : 'body')
        .fontSize(header ? 7 : 8.5)
        .fillColor(header ? MUTED : INK)
        .text(text, x + 3, y + 2, { width: cw - 6, lineBreak: false, ellipsis: true });
      x += cw;
    });
    doc.y = y + 14;
    doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.3).strokeColor(LINE).stroke();
  };
  const header = (): void => row(cols.map((c) => both(c.label)), true);
  header();
  for (const b of input.bundles) {
    if (doc.y + 16 > bottom) {
      doc.addPage();
      doc.y = PAGE.margin;
      header();
    }
    row([b.pcr, b.bundleRef, String(b.pieces), `${b.netKg} kg`, b.certificate.number]);
  }

  // Trust footer: digest, log index, attachments, where to verify.
  doc.moveDown(1);
  ensure(100);
  doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.8).strokeColor(LINE).stroke();
  doc.moveDown(0.5);
  doc.font('body').fontSize(7.5).fillColor(MUTED).text(both(L.digest), left, doc.y, { width });
  doc.font('bold').fontSize(8.5).fillColor(INK).text(digestBytes(input.credential), { width });
  if (input.logIndex !== null) {
    doc.font('body').fontSize(7.5).fillColor(MUTED).text(both(L.logIndex), { width });
    doc.font('bold').fontSize(8.5).fillColor(INK).text(String(input.logIndex), { width });
  }
  doc.moveDown(0.4);
  doc.font('body').fontSize(7.5).fillColor(MUTED).text(`${L.attached.en}\n${L.attached[lang]}`, { width });
  doc.font('body').fontSize(8.5).fillColor(INK).text(url, { width, link: url, underline: false });

  // Page numbers.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: with the margin in force, pdfkit would start a new page for it.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(7)
      .fillColor(MUTED)
      .text(`${w.number} · ${L.page.en} ${L.page[lang]} ${i + 1} / ${range.count}`, left, PAGE.height - PAGE.margin - 8, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

/** The printable public view of a warrant (by id or number), with its credential and proof attached. */
export async function warrantPdf(ctx: AppContext, ref: string, lang: PdfLanguage): Promise<{ number: string; pdf: Buffer }> {
  const view = (await getWarrant(ctx, { type: 'anonymous' }, ref)) as PdfWarrant;
  const credential = await warrantCredentialOf(ctx, view.id);
  const proof = await proofOf(ctx, view.id);
  const subject = decodeCredentialJwt(credential).credential.credentialSubject as unknown as WarrantSubject;
  const pdf = await renderWarrantPdf({
    warrant: view,
    bundles: subject.bundles,
    credential,
    proof,
    logIndex: parseProof(proof).index,
    publicUrl: ctx.config.publicUrl,
    lang,
  });
  return { number: view.number, pdf };
}
