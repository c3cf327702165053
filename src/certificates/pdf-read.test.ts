import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { PDFDocument as PdfLib } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { attachmentPdf, flate, handmadePdf, pdfBomb, stream, zerosBomb } from '../../test/fixtures/pdf.ts';
import { AppError } from '../platform/errors.ts';
import {
  DEFAULT_PDF_READ_LIMITS,
  PDF_READ_MESSAGES,
  readPdfAttachments,
  type PdfReadFailure,
} from './pdf-read.ts';

// The bounded reader on what Assay writes (pdfkit), on the same file re-saved by another writer
// (object streams, a cross-reference stream), and on hostile files: each refused with its fixed
// message, within the caps, and nothing but that refusal ever escapes.

const CREDENTIAL = `eyJhbGciOiJFZERTQSJ9.${'x'.repeat(20_000)}.sig`;
const PROOF = 'c2sp.org/tlog-proof@v1\nindex 7\n';

async function pdfkitPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.file(Buffer.from(CREDENTIAL), { name: 'credential.jwt', type: 'application/vc+jwt' });
  doc.file(Buffer.from(PROOF), { name: 'proof.txt', type: 'text/plain' });
  doc.text('Certificate of Analysis');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function refusal(bytes: Uint8Array, limits = DEFAULT_PDF_READ_LIMITS): AppError {
  try {
    readPdfAttachments(bytes, limits);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the PDF to be refused');
}

const kindOf = (e: AppError): PdfReadFailure | undefined =>
  (Object.entries(PDF_READ_MESSAGES) as [PdfReadFailure, string][]).find(([, m]) => m === e.message)?.[0];

const text = (files: Map<string, Buffer>): Record<string, string> =>
  Object.fromEntries([...files].map(([k, v]) => [k, v.toString('utf8')]));

describe('reading the files attached to a PDF', () => {
  it('reads what pdfkit attaches (FlateDecode streams), in the name tree order', async () => {
    const files = readPdfAttachments(await pdfkitPdf());
    expect([...files.keys()]).toEqual(['credential.jwt', 'proof.txt']);
    expect(text(files)).toEqual({ 'credential.jwt': CREDENTIAL, 'proof.txt': PROOF });
  });

  it('reads the same file re-saved with object streams and a cross-reference stream', async () => {
    const resaved = Buffer.from(
      await (await PdfLib.load(await pdfkitPdf())).save({ useObjectStreams: true }),
    );
    const raw = resaved.toString('latin1');
    expect(raw).toMatch(/\/Type\s*\/ObjStm/);
    expect(raw).toMatch(/\/Type\s*\/XRef/);
    expect(raw).not.toMatch(/\btrailer\b/);
    expect(text(readPdfAttachments(resaved))).toEqual({ 'credential.jwt': CREDENTIAL, 'proof.txt': PROOF });
  });

  it('follows an incremental update: the later definition of an object wins', () => {
    const base = attachmentPdf([
      { name: 'credential.jwt', data: flate('old'), filter: '/FlateDecode' },
      { name: 'proof.txt', data: Buffer.from('p') },
    ]);
    const update = Buffer.concat([
      base,
      Buffer.from('4 0 obj\n'),
      stream('/Type /EmbeddedFile', Buffer.from('new')),
      Buffer.from('\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    ]);
    expect(text(readPdfAttachments(update))).toEqual({ 'credential.jwt': 'new', 'proof.txt': 'p' });
  });

  it('refuses a 2 MB PDF whose attachment inflates to 2 GiB, after inflating at most the stream cap', () => {
    const bomb = pdfBomb(2048);
    expect(bomb.length).toBeLessThan(2.5 * 1024 * 1024);
    const t0 = performance.now();
    const e = refusal(bomb);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(kindOf(e)).toBe('too_large');
    expect(e.code).toBe('unprocessable');
    expect((e.cause as Error).message).toMatch(/credential\.jwt.*inflates past 4194304 bytes/);
  });

  it('caps the whole document as well as each stream', () => {
    const three = Array.from({ length: 6 }, (_, i) => ({
      name: `f${i}`,
      data: zerosBomb(3),
      filter: '/FlateDecode',
    }));
    const e = refusal(attachmentPdf(three));
    expect(kindOf(e)).toBe('too_large');
    expect((e.cause as Error).message).toMatch(/past 16777216 inflated bytes/);
    // Within both caps the same streams read.
    expect(readPdfAttachments(attachmentPdf(three.slice(0, 5))).get('f4')!.length).toBe(3 * 1024 * 1024);
  });

  it('inflates only FlateDecode without a predictor, and refuses other filters by name', () => {
    const one = (filter: string, data = flate('x')) =>
      attachmentPdf([{ name: 'credential.jwt', data, filter }]);
    expect(text(readPdfAttachments(attachmentPdf([{ name: 'a.txt', data: Buffer.from('plain') }])))).toEqual({
      'a.txt': 'plain',
    });
    expect(text(readPdfAttachments(one('[/FlateDecode]')))).toEqual({ 'credential.jwt': 'x' });
    for (const filter of [
      '/LZWDecode',
      '[/ASCIIHexDecode /FlateDecode]',
      '/JBIG2Decode',
      '/FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>',
    ]) {
      const e = refusal(one(filter));
      expect(kindOf(e), filter).toBe('unsupported');
    }
    expect(kindOf(refusal(one('/FlateDecode', Buffer.from('not deflate at all'))))).toBe('unreadable');
  });

  it('refuses what is not a PDF it can read with one generic message', () => {
    const zeros = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(4 * 1024 * 1024)]);
    const e = refusal(zeros);
    expect(e.message).toBe('This file is not a PDF Assay can read');
    expect(e.details).toBeUndefined();
    expect(kindOf(refusal(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Names (unterminated\n')))).toBe(
      'unreadable',
    );
    expect(kindOf(refusal(Buffer.from('hello')))).toBe('unreadable');
  });

  it('refuses an encrypted PDF', () => {
    const pdf = handmadePdf(['<< /Type /Catalog >>'], '/Root 1 0 R /Encrypt << /Filter /Standard /V 2 >>');
    expect(kindOf(refusal(pdf))).toBe('encrypted');
  });

  it('bounds nesting, reference chains, objects, the name tree and the number of attachments', () => {
    expect(kindOf(refusal(handmadePdf([`<< /Type /Catalog /X ${'['.repeat(5000)} >>`])))).toBe('too_complex');
    expect(kindOf(refusal(handmadePdf(['<< /Type /Catalog /Names 2 0 R >>', '3 0 R', '2 0 R'])))).toBe(
      'too_complex',
    );
    const loop = handmadePdf([
      '<< /Type /Catalog /Names 2 0 R >>',
      '<< /EmbeddedFiles 3 0 R >>',
      '<< /Kids [3 0 R 3 0 R] >>',
    ]);
    expect(kindOf(refusal(loop))).toBe('too_complex');
    const many = attachmentPdf(
      Array.from({ length: 17 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') })),
    );
    expect(kindOf(refusal(many))).toBe('too_complex');
    expect(readPdfAttachments(many, { ...DEFAULT_PDF_READ_LIMITS, maxAttachments: 17 }).size).toBe(17);
    const objects = handmadePdf(['<< /Type /Catalog >>', ...Array.from({ length: 30 }, () => 'null')]);
    expect(kindOf(refusal(objects, { ...DEFAULT_PDF_READ_LIMITS, maxObjects: 20 }))).toBe('too_complex');
  });

  it('costs one pass on streams that never end and on runs of digits', () => {
    const unterminated = Buffer.from(
      `%PDF-1.7\n${Array.from({ length: 20_000 }, (_, i) => `${i + 1} 0 obj << >> stream\nxx`).join('\n')}`,
    );
    const t0 = performance.now();
    expect(kindOf(refusal(unterminated, { ...DEFAULT_PDF_READ_LIMITS, maxObjects: 50_000 }))).toBe(
      'unreadable',
    );
    const digits = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4 * 1024 * 1024, '1 ')]);
    expect(kindOf(refusal(digits))).toBe('unreadable');
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('throws nothing but a refusal with one of its fixed messages, whatever the bytes', async () => {
    const seeds = [
      await pdfkitPdf(),
      attachmentPdf([{ name: 'credential.jwt', data: flate(CREDENTIAL), filter: '/FlateDecode' }]),
    ];
    const messages = new Set(Object.values(PDF_READ_MESSAGES));
    fc.assert(
      fc.property(
        fc.nat(seeds.length - 1),
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.integer({ min: 0, max: 255 }),
            fc.constantFrom('set', 'cut', 'insert'),
          ),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (which, edits) => {
          let b = Buffer.from(seeds[which]!);
          for (const [where, byte, op] of edits) {
            const at = Math.floor(where * b.length);
            if (op === 'set') b[at] = byte;
            else if (op === 'cut') b = b.subarray(0, Math.max(5, at));
            else
              b = Buffer.concat([b.subarray(0, at), Buffer.from([byte, 0x28, 0x3c, 0x5b]), b.subarray(at)]);
          }
          try {
            readPdfAttachments(b);
          } catch (e) {
            if (!(e instanceof AppError) || !messages.has(e.message)) throw e;
          }
        },
      ),
      { numRuns: 300, seed: 23 },
    );
  });
});
