import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { readPdfAttachments } from './pdf-read.ts';

// The printable certificate: one A4 document rendered from the same canonical data the credential
// carries, in English beside one Chinese script, with a QR code to the public verification page and
// the signed credential (and its log proof) attached as files, so the paper copy verifies offline.

export const PDF_LANGUAGES = ['zh-Hant', 'zh-Hans'] as const;
export type PdfLanguage = (typeof PDF_LANGUAGES)[number];
export const CREDENTIAL_ATTACHMENT = 'credential.jwt';
export const PROOF_ATTACHMENT = 'proof.txt';

/** Attaches a signed credential and, when given, its log proof to a PDF, as offline verifiers expect them. */
export function attachCredential(doc: PDFKit.PDFDocument, credential: string, proof: string | undefined | null, description: string, at: Date): void {
  doc.file(Buffer.from(credential, 'utf8'), { name: CREDENTIAL_ATTACHMENT, type: 'application/vc+jwt', description, creationDate: at, modifiedDate: at });
  if (proof) {
    doc.file(Buffer.from(proof, 'utf8'), {
      name: PROOF_ATTACHMENT,
      type: 'text/plain',
      description: 'C2SP tlog-proof of the credential in the Assay transparency log',
      creationDate: at,
      modifiedDate: at,
    });
  }
}

interface ChemistryElement {
  element: string;
  reported: string;
  operator: string;
  status: string;
  limit?: string;
  /** Alloy designations: the element's minimum. */
  min?: string;
  unit?: string;
}
interface ChemistryGroup {
  id: string;
  label: string;
  sum: string;
  limit: string;
  status: string;
}
interface ChemistryPurity {
  element: string;
  value: string;
  min: string;
  basis: string;
  status: string;
}
export interface PdfChemistry {
  verdict: string;
  elements: ChemistryElement[];
  groups: ChemistryGroup[];
  purity: ChemistryPurity | null;
}

/** What the PDF shows: the full view of the current version, as the API returns it. */
export interface PdfCertificate {
  id: string;
  number: string;
  status: string;
  version: number;
  metal: string;
  contentDigest: string;
  issuedAt: string;
  statusReason?: string | null;
  content: {
    pcr: string;
    productionDate: string;
    originCountry: string;
    shape: string;
    pieces: number;
    bundles: { number: string; pieces: number; netKg: string; grossKg?: string }[];
    grossWeightKg: string;
    netWeightKg: string;
    chemistry: Record<string, { value: string; unit: string; operator?: string; uncertainty?: string }>;
    laboratory: { name: string; accreditation?: string; reportNumber?: string };
    signatory: { name: string; title?: string };
    remarks?: string;
    brand: { code: string; name: string };
    producer: { name: string };
    plant: { name: string; country: string };
    spec: { metal: string; version: number; qualityStandard: string; designation?: string } | null;
    issuedAt: string;
  };
  chemistryCheck: PdfChemistry | null;
}

export interface PdfInput {
  certificate: PdfCertificate;
  credential: string;
  proof?: string;
  logIndex: number;
  publicUrl: string;
  lang: PdfLanguage;
}

// ------------------------------------------------------------------------------------ labels

type Label = { en: string; 'zh-Hant': string; 'zh-Hans': string };
const L = {
  title: { en: 'Certificate of Analysis', 'zh-Hant': '分析證書', 'zh-Hans': '分析证书' },
  subtitle: {
    en: 'Electronic certificate of a production cast, signed by its producer',
    'zh-Hant': '由生產商簽署的生產批次電子證書',
    'zh-Hans': '由生产商签署的生产批次电子证书',
  },
  number: { en: 'Certificate number', 'zh-Hant': '證書編號', 'zh-Hans': '证书编号' },
  version: { en: 'Version', 'zh-Hant': '版本', 'zh-Hans': '版本' },
  status: { en: 'Status', 'zh-Hant': '狀態', 'zh-Hans': '状态' },
  brand: { en: 'Brand', 'zh-Hant': '品牌', 'zh-Hans': '品牌' },
  metal: { en: 'Metal', 'zh-Hant': '金屬', 'zh-Hans': '金属' },
  producer: { en: 'Producer', 'zh-Hant': '生產商', 'zh-Hans': '生产商' },
  plant: { en: 'Plant', 'zh-Hant': '工廠', 'zh-Hans': '工厂' },
  origin: { en: 'Country of origin', 'zh-Hant': '原產國', 'zh-Hans': '原产国' },
  pcr: { en: 'Production cast reference', 'zh-Hant': '生產批次編號', 'zh-Hans': '生产批次编号' },
  productionDate: { en: 'Production date', 'zh-Hant': '生產日期', 'zh-Hans': '生产日期' },
  shape: { en: 'Shape', 'zh-Hant': '形狀', 'zh-Hans': '形状' },
  pieces: { en: 'Pieces', 'zh-Hant': '件數', 'zh-Hans': '件数' },
  bundles: { en: 'Bundles', 'zh-Hant': '捆數', 'zh-Hans': '捆数' },
  gross: { en: 'Gross weight', 'zh-Hant': '毛重', 'zh-Hans': '毛重' },
  net: { en: 'Net weight', 'zh-Hant': '淨重', 'zh-Hans': '净重' },
  laboratory: { en: 'Laboratory', 'zh-Hant': '實驗室', 'zh-Hans': '实验室' },
  signatory: { en: 'Signatory', 'zh-Hant': '簽署人', 'zh-Hans': '签署人' },
  issuedAt: { en: 'Issued', 'zh-Hant': '簽發時間', 'zh-Hans': '签发时间' },
  spec: { en: 'Contract specification', 'zh-Hant': '合約規格', 'zh-Hans': '合约规格' },
  designation: { en: 'Designation', 'zh-Hant': '合金牌號', 'zh-Hans': '合金牌号' },
  chemistry: { en: 'Chemical analysis', 'zh-Hant': '化學分析', 'zh-Hans': '化学分析' },
  element: { en: 'Element', 'zh-Hant': '元素', 'zh-Hans': '元素' },
  reported: { en: 'Reported', 'zh-Hant': '報告值', 'zh-Hans': '报告值' },
  limit: { en: 'Limit', 'zh-Hant': '限值', 'zh-Hans': '限值' },
  result: { en: 'Result', 'zh-Hant': '結果', 'zh-Hans': '结果' },
  ok: { en: 'Conforms', 'zh-Hant': '符合', 'zh-Hans': '符合' },
  exceeds: { en: 'Exceeds', 'zh-Hant': '超出', 'zh-Hans': '超出' },
  below: { en: 'Below minimum', 'zh-Hant': '低於最低值', 'zh-Hans': '低于最低值' },
  no_limit: { en: 'No limit', 'zh-Hant': '無限值', 'zh-Hans': '无限值' },
  bundleList: { en: 'Bundles', 'zh-Hant': '捆包明細', 'zh-Hans': '捆包明细' },
  bundleNo: { en: 'Bundle', 'zh-Hant': '捆號', 'zh-Hans': '捆号' },
  verify: { en: 'Verify this certificate', 'zh-Hant': '驗證此證書', 'zh-Hans': '验证此证书' },
  digest: { en: 'Certificate digest (SHA-256)', 'zh-Hant': '證書摘要 (SHA-256)', 'zh-Hans': '证书摘要 (SHA-256)' },
  logIndex: { en: 'Transparency log index', 'zh-Hant': '透明日誌索引', 'zh-Hans': '透明日志索引' },
  attached: {
    en: 'The signed credential (credential.jwt) and its log proof (proof.txt) are attached to this PDF; upload the PDF at the address below to check them.',
    'zh-Hant': '已簽署的憑證 (credential.jwt) 及其日誌證明 (proof.txt) 附於本 PDF；在下列網址上傳本 PDF 即可驗證。',
    'zh-Hans': '已签署的凭证 (credential.jwt) 及其日志证明 (proof.txt) 附于本 PDF；在下列网址上传本 PDF 即可验证。',
  },
  issued: { en: 'Issued', 'zh-Hant': '已簽發', 'zh-Hans': '已签发' },
  revoked: { en: 'Revoked', 'zh-Hant': '已撤銷', 'zh-Hans': '已撤销' },
  rejected: { en: 'Rejected', 'zh-Hant': '已拒絕', 'zh-Hans': '已拒绝' },
  conforming: { en: 'Conforming', 'zh-Hant': '符合規格', 'zh-Hans': '符合规格' },
  non_conforming: { en: 'Not conforming', 'zh-Hant': '不符合規格', 'zh-Hans': '不符合规格' },
  purity: { en: 'purity', 'zh-Hant': '純度', 'zh-Hans': '纯度' },
  page: { en: 'Page', 'zh-Hant': '頁', 'zh-Hans': '页' },
} satisfies Record<string, Label>;

// ------------------------------------------------------------------------------------- fonts

const require = createRequire(import.meta.url);
const FONT_FILES: Record<PdfLanguage, { regular: string; bold: string }> = {
  'zh-Hant': {
    regular: '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
  },
  'zh-Hans': {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
};
const fontCache = new Map<string, Buffer>();
function font(spec: string): Buffer {
  let b = fontCache.get(spec);
  if (!b) {
    b = fs.readFileSync(require.resolve(spec));
    fontCache.set(spec, b);
  }
  return b;
}

/** The font that sets English beside a language's Chinese script (for other printable records, e.g. warrants). */
export const pdfFont = (lang: PdfLanguage, weight: 'regular' | 'bold'): Buffer => font(FONT_FILES[lang][weight]);

// ------------------------------------------------------------------------------------ render

const PAGE = { width: 595.28, height: 841.89, margin: 42 };
const INK = '#1a1b1e';
const MUTED = '#5c5f66';
const LINE = '#ced4da';
const GOOD = '#2b8a3e';
const BAD = '#c92a2a';

export const verificationUrl = (publicUrl: string, id: string): string => `${publicUrl.replace(/\/+$/, '')}/v/${id}`;

const kg = (v: string): string => `${v} kg`;
const utc = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export async function renderCertificatePdf(input: PdfInput): Promise<Buffer> {
  const { certificate: c, lang } = input;
  const content = c.content;
  const both = (l: Label): string => `${l.en}  ${l[lang]}`;
  const url = verificationUrl(input.publicUrl, c.id);
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  const issued = new Date(content.issuedAt);

  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    pdfVersion: '1.7',
    lang: lang,
    displayTitle: true,
    info: {
      Title: `${L.title.en} ${c.number}`,
      Subject: `${content.brand.code} ${content.pcr} v${c.version}`,
      Author: content.producer.name,
      Creator: 'Assay',
      CreationDate: issued,
    },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('body', font(FONT_FILES[lang].regular));
  doc.registerFont('bold', font(FONT_FILES[lang].bold));

  attachCredential(doc, input.credential, input.proof, 'Signed W3C Verifiable Credential of this certificate (vc+jwt)', issued);

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

  // Header: title, number, QR code.
  const qrSize = 112;
  doc.font('bold').fontSize(20).fillColor(INK).text(L.title.en, left, PAGE.margin, { width: width - qrSize - 12 });
  doc.font('bold').fontSize(17).text(L.title[lang], { width: width - qrSize - 12 });
  doc.font('body').fontSize(8.5).fillColor(MUTED).text(`${L.subtitle.en}\n${L.subtitle[lang]}`, { width: width - qrSize - 12 });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(13).fillColor(INK).text(c.number, { width: width - qrSize - 12 });
  const statusLabel = (L as Record<string, Label>)[c.status] ?? { en: c.status, 'zh-Hant': c.status, 'zh-Hans': c.status };
  const verdictLabel = c.chemistryCheck ? (L as Record<string, Label>)[c.chemistryCheck.verdict] : undefined;
  doc
    .font('body')
    .fontSize(9.5)
    .fillColor(c.status === 'issued' ? GOOD : BAD)
    .text(
      `${both(statusLabel)}${verdictLabel ? `  ·  ${both(verdictLabel)}` : ''}  ·  ${L.version.en} ${L.version[lang]} ${c.version}`,
      { width: width - qrSize - 12 },
    );
  if (c.statusReason) doc.fillColor(MUTED).text(c.statusReason, { width: width - qrSize - 12 });
  doc.image(qr, right - qrSize, PAGE.margin, { width: qrSize, height: qrSize });
  doc
    .font('body')
    .fontSize(6.5)
    .fillColor(MUTED)
    .text(`${both(L.verify)}`, right - qrSize, PAGE.margin + qrSize + 2, { width: qrSize, align: 'center' });
  doc.y = Math.max(doc.y, PAGE.margin + qrSize + 22);
  doc.x = left;
  doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.8).strokeColor(LINE).stroke();
  doc.moveDown(0.6);

  // Details, two columns of label/value pairs.
  const fields: [Label, string][] = [
    [L.brand, `${content.brand.code} — ${content.brand.name}`],
    [L.metal, c.metal],
    [L.producer, content.producer.name],
    [L.plant, `${content.plant.name} (${content.plant.country})`],
    [L.pcr, content.pcr],
    [L.productionDate, content.productionDate],
    [L.origin, content.originCountry],
    [L.shape, content.shape],
    [L.pieces, String(content.pieces)],
    [L.bundles, String(content.bundles.length)],
    [L.gross, kg(content.grossWeightKg)],
    [L.net, kg(content.netWeightKg)],
    [
      L.laboratory,
      [content.laboratory.name, content.laboratory.accreditation, content.laboratory.reportNumber].filter(Boolean).join(' · '),
    ],
    [L.signatory, [content.signatory.name, content.signatory.title].filter(Boolean).join(', ')],
    [L.issuedAt, utc(content.issuedAt)],
    [
      L.spec,
      content.spec
        ? `${content.spec.qualityStandard} (v${content.spec.version})${content.spec.designation ? ` · ${L.designation.en} ${L.designation[lang]} ${content.spec.designation}` : ''}`
        : '—',
    ],
  ];
  const colW = (width - 16) / 2;
  for (let i = 0; i < fields.length; i += 2) {
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

  // Chemistry against the limits of the contract specification.
  const check = c.chemistryCheck;
  doc.moveDown(0.4);
  ensure(60);
  doc.font('bold').fontSize(12).fillColor(INK).text(both(L.chemistry), left, doc.y, { width });
  doc.moveDown(0.3);
  const cols = [
    { label: L.element, w: 0.22 },
    { label: L.reported, w: 0.26 },
    { label: L.limit, w: 0.26 },
    { label: L.result, w: 0.26 },
  ];
  const row = (cells: string[], opts: { bold?: boolean; colour?: string; header?: boolean } = {}): void => {
    ensure(18);
    const y = doc.y;
    let x = left;
    let h = 0;
    cells.forEach((text, k) => {
      const w = cols[k]!.w * width;
      doc
        .font(opts.bold || opts.header ? 'bold' : 'body')
        .fontSize(opts.header ? 7.5 : 9)
        .fillColor(k === 3 && opts.colour ? opts.colour : opts.header ? MUTED : INK)
        .text(text, x + 3, y + 3, { width: w - 6 });
      h = Math.max(h, doc.y - y);
      x += w;
    });
    doc.y = y + h + 3;
    doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.4).strokeColor(LINE).stroke();
  };
  row(cols.map((col) => both(col.label)), { header: true });
  const resultText = (status: string): { text: string; colour: string } => {
    const l = (L as Record<string, Label>)[status] ?? { en: status, 'zh-Hant': status, 'zh-Hans': status };
    return { text: both(l), colour: status === 'ok' ? GOOD : status === 'no_limit' ? MUTED : BAD };
  };
  const reportedOf = (el: string, fallback: string): string => {
    const r = content.chemistry[el];
    if (!r) return fallback;
    const op = r.operator && r.operator !== '=' ? `${r.operator} ` : '';
    return `${op}${r.value} ${r.unit}${r.uncertainty ? ` ± ${r.uncertainty}` : ''}`;
  };
  if (check) {
    for (const e of check.elements) {
      const res = resultText(e.status);
      const limit = e.min && e.limit ? `${e.min}–${e.limit} %` : e.min ? `≥ ${e.min} %` : e.limit ? `≤ ${e.limit} %` : '—';
      row([e.element, reportedOf(e.element, `${e.reported} %`), limit, res.text], { colour: res.colour });
    }
    for (const g of check.groups) {
      const res = resultText(g.status);
      row([g.label, `${g.sum} %`, `≤ ${g.limit} %`, res.text], { colour: res.colour });
    }
    if (check.purity) {
      const res = resultText(check.purity.status);
      row(
        [`${check.purity.element} (${L.purity.en} ${L.purity[lang]})`, `${check.purity.value} %`, `≥ ${check.purity.min} %`, res.text],
        { colour: res.colour, bold: true },
      );
    }
  } else {
    for (const [el, r] of Object.entries(content.chemistry)) row([el, `${r.value} ${r.unit}`, '—', '—']);
  }

  // Bundles.
  doc.moveDown(0.8);
  ensure(60);
  doc.font('bold').fontSize(12).fillColor(INK).text(both(L.bundleList), left, doc.y, { width });
  doc.moveDown(0.3);
  const bcols = [
    { label: L.bundleNo, w: 0.34 },
    { label: L.pieces, w: 0.2 },
    { label: L.net, w: 0.23 },
    { label: L.gross, w: 0.23 },
  ];
  const brow = (cells: string[], header = false): void => {
    ensure(16);
    const y = doc.y;
    let x = left;
    cells.forEach((text, k) => {
      const w = bcols[k]!.w * width;
      doc
        .font(header ? 'bold' : 'body')
        .fontSize(header ? 7.5 : 8.5)
        .fillColor(header ? MUTED : INK)
        .text(text, x + 3, y + 2, { width: w - 6, lineBreak: false, ellipsis: true });
      x += w;
    });
    doc.y = y + 14;
    doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.3).strokeColor(LINE).stroke();
  };
  brow(bcols.map((b) => both(b.label)), true);
  for (const b of content.bundles) brow([b.number, String(b.pieces), kg(b.netKg), b.grossKg ? kg(b.grossKg) : '—']);

  if (content.remarks) {
    doc.moveDown(0.6);
    ensure(30);
    doc.font('body').fontSize(9).fillColor(INK).text(content.remarks, left, doc.y, { width });
  }

  // Trust footer: digest, log index, attachments, where to verify.
  doc.moveDown(1);
  ensure(90);
  doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.8).strokeColor(LINE).stroke();
  doc.moveDown(0.5);
  doc.font('body').fontSize(7.5).fillColor(MUTED).text(both(L.digest), left, doc.y, { width });
  doc.font('bold').fontSize(8.5).fillColor(INK).text(c.contentDigest, { width });
  doc.font('body').fontSize(7.5).fillColor(MUTED).text(both(L.logIndex), { width });
  doc.font('bold').fontSize(8.5).fillColor(INK).text(String(input.logIndex), { width });
  doc.moveDown(0.4);
  doc.font('body').fontSize(7.5).fillColor(MUTED).text(`${L.attached.en}\n${L.attached[lang]}`, { width });
  doc.font('body').fontSize(8.5).fillColor(INK).text(url, { width, link: url, underline: false });

  // Page numbers, in the bottom margin. pdfkit starts a new page for any text that ends below the
  // bottom margin (this line does), which left blank pages after the last one: the margin is
  // lifted while the line is written, on each page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(7)
      .fillColor(MUTED)
      .text(`${c.number} · ${L.page.en} ${L.page[lang]} ${i + 1} / ${range.count}`, left, PAGE.height - PAGE.margin - 8, {
        width,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

// ------------------------------------------------------------------------------------- read

/**
 * The files attached to a PDF, by file name, read on this thread with the default limits: for
 * PDFs Assay made (tests, tools). Uploads are read off the event loop by PdfReadPool.
 */
export const pdfAttachments = (bytes: Uint8Array): Map<string, Buffer> => readPdfAttachments(bytes);
