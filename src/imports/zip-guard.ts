import yauzl from 'yauzl';
import { AppError } from '../platform/errors.ts';

// An XLSX file is a zip archive. Before any spreadsheet code inflates it, the archive is checked
// from its central directory and then by inflating every entry with a hard cap: a zip bomb (a tiny
// file that inflates to gigabytes, in one part or spread over many small ones), parts no workbook
// has, an entry whose real size exceeds what it declares, encrypted entries and data hidden outside
// the directory are refused with a message saying which. Everything that can be judged from the
// directory is judged before a byte is inflated.

export interface ZipLimits {
  maxUncompressedBytes: number;
  maxRatio: number;
  maxEntries?: number;
}

/** Entries (and archives) smaller than this are not held to the ratio limit (tiny XML parts compress very well). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/**
 * Where the parts of an XLSX package live: the content types, relationships, document properties
 * and the workbook itself, plus the custom XML and sensitivity labels Office adds. An archive with
 * anything else is not a workbook, and its other parts would only cost inflating.
 */
const XLSX_PART = /^(\[Content_Types\]\.xml$|_rels\/|docProps\/|xl\/|customXml\/|docMetadata\/)/i;
/** Bytes tolerated between entries (data descriptors, odd writers); a deflate stream hidden in
 * them could inflate to at most about a thousand times this. */
const GAP_SLACK = 1024;

const refuse = (message: string, detail?: string): AppError =>
  new AppError('unprocessable', message, detail ? [{ path: 'file', message: detail }] : undefined);

function open(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    ),
  );
}

/** The directory's entries, each checked as it is read: the first bad one stops the reading. */
function entries(zip: yauzl.ZipFile, max: number, check: (e: yauzl.Entry) => void): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      if (out.length > max) return reject(refuse(`The workbook holds more than ${max} parts; a spreadsheet never needs that many`));
      try {
        check(e);
      } catch (err) {
        return reject(err as Error);
      }
      zip.readEntry();
    });
    zip.once('end', () => resolve(out));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function dataStart(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<number> {
  type WithLocal = { readLocalFileHeader(e: yauzl.Entry, o: { minimal: true }, cb: (err: Error | null, h: { fileDataStart: number }) => void): void };
  return new Promise((resolve, reject) =>
    (zip as unknown as WithLocal).readLocalFileHeader(e, { minimal: true }, (err, h) => (err ? reject(err) : resolve(h.fileDataStart))),
  );
}

/** Inflates one entry, counting bytes; yauzl errors when it inflates past its declared size. */
function inflatedSize(zip: yauzl.ZipFile, e: yauzl.Entry, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(e, (err, stream) => {
      if (err) return reject(err);
      let n = 0;
      stream.on('data', (chunk: Buffer) => {
        n += chunk.length;
        if (n > cap) stream.destroy(refuse('The workbook inflates beyond the size limit', `${e.fileName} inflates past ${cap} bytes`));
      });
      stream.once('error', reject);
      stream.once('end', () => resolve(n));
    });
  });
}

export async function checkXlsxArchive(file: string, limits: ZipLimits): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open(file);
  } catch (e) {
    throw refuse('The file is not a readable Excel workbook (.xlsx): its zip structure is damaged', (e as Error).message);
  }
  try {
    const cdOffset = (zip as unknown as { readEntryCursor: number }).readEntryCursor;
    let total = 0;
    let packed = 0;
    const list = await entries(zip, limits.maxEntries ?? 10_000, (e) => {
      if (!XLSX_PART.test(e.fileName)) {
        throw refuse('The workbook holds a part that is not part of an Excel workbook', `${e.fileName.slice(0, 200)} is not a workbook part`);
      }
      if (e.isEncrypted()) throw refuse('The workbook is encrypted or password-protected; save an unprotected copy and upload that');
      if (e.compressionMethod !== 0 && e.compressionMethod !== 8) {
        throw refuse('The workbook uses a compression method Excel does not write', `${e.fileName}: method ${e.compressionMethod}`);
      }
      total += e.uncompressedSize;
      packed += e.compressedSize;
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (e.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
        throw refuse(
          'The workbook looks like a zip bomb: a part inflates far more than spreadsheet data does',
          `${e.fileName}: ${e.compressedSize} bytes inflate to ${e.uncompressedSize} (×${Math.round(ratio)}, limit ×${limits.maxRatio})`,
        );
      }
    });
    if (total > limits.maxUncompressedBytes) {
      throw refuse(
        'The workbook is too large once uncompressed',
        `its parts inflate to ${total} bytes; the limit is ${limits.maxUncompressedBytes} (ASSAY_IMPORT_MAX_UNCOMPRESSED_BYTES)`,
      );
    }
    // Many parts each under the floor (1,500 MiB of zeros in 1.7 MB) pass one by one: the archive as a whole may not.
    const overall = total / Math.max(1, packed);
    if (total > RATIO_FLOOR_BYTES && overall > limits.maxRatio) {
      throw refuse(
        'The workbook looks like a zip bomb: its parts together inflate far more than spreadsheet data does',
        `${list.length} parts, ${packed} bytes inflate to ${total} (×${Math.round(overall)}, limit ×${limits.maxRatio})`,
      );
    }
    // Every byte of the archive must belong to an entry in the directory: nothing hidden between them.
    const spans: { start: number; end: number; name: string }[] = [];
    for (const e of list) {
      const start = e.relativeOffsetOfLocalHeader;
      spans.push({ start, end: (await dataStart(zip, e)) + e.compressedSize, name: e.fileName });
    }
    spans.sort((a, b) => a.start - b.start);
    let cursor = 0;
    for (const s of spans) {
      if (s.start < cursor) throw refuse('The workbook has overlapping parts (a known zip-bomb construction)', s.name);
      if (s.start - cursor > GAP_SLACK) throw refuse('The workbook holds data outside its table of contents', `${s.start - cursor} unlisted bytes before ${s.name}`);
      cursor = s.end;
    }
    if (typeof cdOffset === 'number' && cdOffset - cursor > GAP_SLACK) {
      throw refuse('The workbook holds data outside its table of contents', `${cdOffset - cursor} unlisted bytes before the directory`);
    }
    // Finally inflate everything with a hard cap: declared sizes can lie, inflated bytes cannot.
    for (const e of list) await inflatedSize(zip, e, Math.min(e.uncompressedSize, limits.maxUncompressedBytes));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse('The file is not a readable Excel workbook (.xlsx)', (e as Error).message);
  } finally {
    zip.close();
  }
}
