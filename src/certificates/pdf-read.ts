import zlib from 'node:zlib';
import { AppError } from '../platform/errors.ts';

// Reads the files attached to a PDF (its EmbeddedFiles name tree) from untrusted bytes. A general
// PDF library inflates every compressed stream it meets, without limit, while it loads (a 2 MB
// upload inflating to 2 GB froze the server), so this reader does the little verification needs
// and bounds all of it: objects are found by one linear scan (no cross-reference table to trust),
// nesting and indirection are capped, only the attachment streams (and object streams when an
// object lives in one) are inflated, only FlateDecode is accepted, and inflation stops at a byte
// cap while it runs. A refusal is an AppError (unprocessable) with one of a few fixed messages;
// what exactly went wrong is its cause, for the server log only.

export interface PdfReadLimits {
  /** Bytes any one stream may inflate to. */
  maxStreamBytes: number;
  /** Bytes the whole document may inflate to (attachments and object streams together). */
  maxInflatedBytes: number;
  /** Indirect objects parsed, directly and from object streams. */
  maxObjects: number;
  /** Attached files read. */
  maxAttachments: number;
}

/** An Assay certificate PDF has two small attachments and about a hundred objects. */
export const DEFAULT_PDF_READ_LIMITS: Readonly<PdfReadLimits> = Object.freeze({
  maxStreamBytes: 4 * 1024 * 1024,
  maxInflatedBytes: 16 * 1024 * 1024,
  maxObjects: 20_000,
  maxAttachments: 16,
});

export type PdfReadFailure =
  'unreadable' | 'encrypted' | 'unsupported' | 'too_large' | 'too_complex' | 'timeout' | 'out_of_memory';

/** What a client is told for each kind of failure (never a parser's or a library's own words). */
export const PDF_READ_MESSAGES: Record<PdfReadFailure, string> = {
  unreadable: 'This file is not a PDF Assay can read',
  encrypted: 'The PDF is encrypted; upload the certificate PDF as Assay issued it',
  unsupported:
    'The PDF stores its attached files in a form Assay does not read (only uncompressed or FlateDecode streams)',
  too_large: 'The PDF inflates to more data than a certificate PDF holds',
  too_complex: 'The PDF has more objects, nesting or attached files than a certificate PDF has',
  timeout: 'Reading the PDF took too long; it is not a certificate PDF Assay can verify',
  out_of_memory: 'Reading the PDF needed more memory than a certificate PDF does',
};

/** The refusal a client sees; the detail (which object, which limit) is the cause, for the log. */
export const pdfRefusal = (kind: PdfReadFailure, detail: string): AppError =>
  new AppError('unprocessable', PDF_READ_MESSAGES[kind], undefined, {
    cause: new Error(`${kind}: ${detail}`),
  });

/** Raised while reading; malformed objects ("unreadable") are skipped where a reader can go on. */
class PdfReadError extends Error {
  readonly kind: PdfReadFailure;
  constructor(kind: PdfReadFailure, detail: string) {
    super(detail);
    this.name = 'PdfReadError';
    this.kind = kind;
  }
}

// ------------------------------------------------------------------------------ objects

class PdfName {
  constructor(readonly name: string) {}
}
class PdfString {
  constructor(readonly bytes: Buffer) {}
}
class PdfRef {
  constructor(readonly num: number) {}
}
class PdfDict {
  constructor(readonly map: Map<string, PdfValue>) {}
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
}
class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Buffer,
  ) {}
}
type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfStream | PdfValue[];

// ------------------------------------------------------------------------------- syntax

const WHITE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const regular = (c: number | undefined): boolean => c !== undefined && !WHITE[c] && !DELIM[c];
const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const HEX = (c: number): number =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;

/** Arrays and dictionaries nested deeper than this are refused (recursion on attacker input). */
const MAX_DEPTH = 32;
/** References followed in a chain, and name-tree levels and nodes walked. */
const MAX_HOPS = 32;
const MAX_TREE_DEPTH = 16;
const MAX_TREE_NODES = 256;

const unreadable = (detail: string): PdfReadError => new PdfReadError('unreadable', detail);

/** A growing byte buffer: strings and names can be megabytes long, and a number[] of them would cost eight times that. */
class Bytes {
  private buf = Buffer.allocUnsafe(64);
  private len = 0;
  push(c: number): void {
    if (this.len === this.buf.length) {
      const next = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(next);
      this.buf = next;
    }
    this.buf[this.len++] = c;
  }
  done(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.len));
  }
}

class Parser {
  pos = 0;
  constructor(readonly b: Buffer) {}

  skipWhite(): void {
    const b = this.b;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WHITE[c]) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** True (and consumed) when the bytes at pos are this keyword, followed by a non-regular byte. */
  keyword(word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.b[this.pos + i] !== word.charCodeAt(i)) return false;
    if (regular(this.b[this.pos + word.length])) return false;
    this.pos += word.length;
    return true;
  }

  value(depth: number): PdfValue {
    if (depth > MAX_DEPTH)
      throw new PdfReadError('too_complex', `objects nested deeper than ${MAX_DEPTH} at byte ${this.pos}`);
    this.skipWhite();
    const b = this.b;
    const c = b[this.pos];
    if (c === undefined) throw unreadable('unexpected end of data');
    if (c === 0x3c) return b[this.pos + 1] === 0x3c ? this.dict(depth) : this.hexString();
    if (c === 0x5b) return this.array(depth);
    if (c === 0x28) return this.literalString();
    if (c === 0x2f) return new PdfName(this.name());
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) return this.numberOrRef();
    if (this.keyword('true')) return true;
    if (this.keyword('false')) return false;
    if (this.keyword('null')) return null;
    throw unreadable(`unexpected byte 0x${c.toString(16)} at ${this.pos}`);
  }

  private dict(depth: number): PdfDict {
    this.pos += 2;
    const map = new Map<string, PdfValue>();
    for (;;) {
      this.skipWhite();
      const c = this.b[this.pos];
      if (c === 0x3e && this.b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return new PdfDict(map);
      }
      if (c !== 0x2f) throw unreadable(`dictionary key expected at ${this.pos}`);
      const key = this.name();
      map.set(key, this.value(depth + 1));
    }
  }

  private array(depth: number): PdfValue[] {
    this.pos++;
    const out: PdfValue[] = [];
    for (;;) {
      this.skipWhite();
      if (this.b[this.pos] === 0x5d) {
        this.pos++;
        return out;
      }
      out.push(this.value(depth + 1));
    }
  }

  private name(): string {
    const b = this.b;
    const bytes = new Bytes();
    this.pos++;
    while (regular(b[this.pos])) {
      const c = b[this.pos]!;
      if (c === 0x23 && HEX(b[this.pos + 1] ?? 0) >= 0 && HEX(b[this.pos + 2] ?? 0) >= 0) {
        bytes.push(HEX(b[this.pos + 1]!) * 16 + HEX(b[this.pos + 2]!));
        this.pos += 3;
      } else {
        bytes.push(c);
        this.pos++;
      }
    }
    return bytes.done().toString('latin1');
  }

  private numberOrRef(): number | PdfRef {
    const b = this.b;
    const start = this.pos;
    if (b[this.pos] === 0x2b || b[this.pos] === 0x2d) this.pos++;
    while (isDigit(b[this.pos]) || b[this.pos] === 0x2e) this.pos++;
    const text = b.toString('latin1', start, this.pos);
    const n = Number(text);
    if (!Number.isFinite(n) || text === '' || text === '.' || text === '+' || text === '-')
      throw unreadable(`bad number at ${start}`);
    if (!/^\d+$/.test(text)) return n;
    // "12 0 R" is a reference; otherwise the integer stands alone.
    const after = this.pos;
    this.skipWhite();
    if (isDigit(b[this.pos])) {
      while (isDigit(b[this.pos])) this.pos++;
      this.skipWhite();
      if (b[this.pos] === 0x52 && !regular(b[this.pos + 1])) {
        this.pos++;
        return new PdfRef(n);
      }
    }
    this.pos = after;
    return n;
  }

  private literalString(): PdfString {
    const b = this.b;
    const out = new Bytes();
    let depth = 1;
    this.pos++;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const e = b[this.pos++];
        if (e === undefined) break;
        if (e === 0x6e) out.push(0x0a);
        else if (e === 0x72) out.push(0x0d);
        else if (e === 0x74) out.push(0x09);
        else if (e === 0x62) out.push(0x08);
        else if (e === 0x66) out.push(0x0c);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++)
            v = v * 8 + (b[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) return new PdfString(out.done());
        out.push(c);
      } else out.push(c);
    }
    throw unreadable('unterminated string');
  }

  private hexString(): PdfString {
    const b = this.b;
    const out = new Bytes();
    let high = -1;
    this.pos++;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x3e) {
        if (high >= 0) out.push(high * 16);
        return new PdfString(out.done());
      }
      if (WHITE[c]) continue;
      const h = HEX(c);
      if (h < 0) throw unreadable(`bad hex string at ${this.pos - 1}`);
      if (high < 0) high = h;
      else {
        out.push(high * 16 + h);
        high = -1;
      }
    }
    throw unreadable('unterminated hex string');
  }
}

// ----------------------------------------------------------------------------- document

/** An object header ("12 0 obj") or a trailer; bounded repetitions so no input makes it backtrack far. */
const MARKER =
  /(\d{1,10})[\0\t\n\f\r ]{1,64}\d{1,5}[\0\t\n\f\r ]{1,64}obj(?![^\0\t\n\f\r ()<>[\]{}/%])|trailer(?=[\0\t\n\f\r <%])/g;

class Document {
  private readonly objects = new Map<number, PdfValue>();
  private readonly packed = new Map<number, PdfValue>();
  private readonly trailers: PdfDict[] = [];
  private readonly objectStreams: PdfStream[] = [];
  private packedLoaded = false;
  private parsed = 0;
  private inflated = 0;
  /** The first "endstream" at or after endstreamFrom (-1: none), so a file of unterminated streams costs one search. */
  private endstreamFrom = -1;
  private endstreamAt = -1;

  constructor(
    private readonly bytes: Buffer,
    private readonly limits: PdfReadLimits,
  ) {}

  /** One pass over the file: each object is parsed once, later definitions replace earlier ones. */
  scan(): void {
    const p = new Parser(this.bytes);
    const text = this.bytes.toString('latin1');
    MARKER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MARKER.exec(text))) {
      p.pos = m.index + m[0].length;
      if (m[1] === undefined) {
        try {
          const d = p.value(0);
          if (d instanceof PdfDict) this.trailers.push(d);
          MARKER.lastIndex = p.pos;
        } catch (e) {
          if (!(e instanceof PdfReadError) || e.kind !== 'unreadable') throw e;
        }
        continue;
      }
      this.count();
      try {
        const v = this.indirectObject(p);
        const num = Number(m[1]);
        this.objects.set(num, v);
        if (v instanceof PdfStream) {
          const type = v.dict.get('Type');
          if (type instanceof PdfName && type.name === 'XRef') this.trailers.push(v.dict);
          if (type instanceof PdfName && type.name === 'ObjStm') this.objectStreams.push(v);
        }
        MARKER.lastIndex = p.pos;
      } catch (e) {
        // A malformed object is skipped, as PDF readers do; the search resumes just past its header.
        if (!(e instanceof PdfReadError) || e.kind !== 'unreadable') throw e;
      }
    }
  }

  private count(): void {
    if (++this.parsed > this.limits.maxObjects) {
      throw new PdfReadError('too_complex', `more than ${this.limits.maxObjects} objects`);
    }
  }

  private indirectObject(p: Parser): PdfValue {
    const v = p.value(0);
    p.skipWhite();
    if (!(v instanceof PdfDict) || !p.keyword('stream')) {
      p.keyword('endobj');
      return v;
    }
    const b = this.bytes;
    if (b[p.pos] === 0x0d) p.pos++;
    if (b[p.pos] === 0x0a) p.pos++;
    const start = p.pos;
    let end = -1;
    const length = v.get('Length');
    if (typeof length === 'number' && Number.isInteger(length) && length >= 0 && start + length <= b.length) {
      p.pos = start + length;
      p.skipWhite();
      if (p.keyword('endstream')) end = start + length;
    }
    if (end < 0) {
      const at = this.endstream(start);
      if (at < 0) throw unreadable(`stream at ${start} has no endstream`);
      end = at;
      if (b[end - 1] === 0x0a) end--;
      if (b[end - 1] === 0x0d) end--;
      p.pos = at + 'endstream'.length;
    }
    p.skipWhite();
    p.keyword('endobj');
    return new PdfStream(v, b.subarray(start, end));
  }

  private endstream(from: number): number {
    if (
      this.endstreamFrom < 0 ||
      from < this.endstreamFrom ||
      (this.endstreamAt >= 0 && this.endstreamAt < from)
    ) {
      this.endstreamFrom = from;
      this.endstreamAt = this.bytes.indexOf('endstream', from, 'latin1');
    }
    return this.endstreamAt;
  }

  resolve(v: PdfValue | undefined): PdfValue | undefined {
    for (let hops = 0; v instanceof PdfRef; hops++) {
      if (hops >= MAX_HOPS)
        throw new PdfReadError('too_complex', `a chain of more than ${MAX_HOPS} references`);
      v = this.lookup(v.num);
    }
    return v;
  }

  private lookup(num: number): PdfValue | undefined {
    if (this.objects.has(num)) return this.objects.get(num);
    this.loadPacked();
    return this.packed.get(num);
  }

  /** Objects kept inside object streams, read the first time a lookup misses (never for Assay's own PDFs). */
  private loadPacked(): void {
    if (this.packedLoaded) return;
    this.packedLoaded = true;
    for (const s of this.objectStreams) {
      const n = this.resolve(s.dict.get('N'));
      const first = this.resolve(s.dict.get('First'));
      if (
        typeof n !== 'number' ||
        typeof first !== 'number' ||
        !Number.isInteger(n) ||
        !Number.isInteger(first) ||
        n < 0 ||
        first < 0
      )
        continue;
      if (this.parsed + n > this.limits.maxObjects)
        throw new PdfReadError('too_complex', `more than ${this.limits.maxObjects} objects`);
      const data = this.decode(s, 'object stream');
      const p = new Parser(data);
      const index: [number, number][] = [];
      try {
        for (let i = 0; i < n; i++) {
          const num = p.value(0);
          const offset = p.value(0);
          if (typeof num !== 'number' || typeof offset !== 'number') break;
          index.push([num, offset]);
        }
      } catch (e) {
        if (!(e instanceof PdfReadError) || e.kind !== 'unreadable') throw e;
      }
      for (const [num, offset] of index) {
        this.count();
        p.pos = first + offset;
        try {
          this.packed.set(num, p.value(0));
        } catch (e) {
          if (!(e instanceof PdfReadError) || e.kind !== 'unreadable') throw e;
        }
      }
    }
  }

  /** The stream's data: as stored, or inflated (FlateDecode) up to what the caps leave. */
  decode(s: PdfStream, what: string): Buffer {
    const filter = this.resolve(s.dict.get('Filter'));
    const filters = (
      Array.isArray(filter) ? filter : filter === undefined || filter === null ? [] : [filter]
    ).map((f) => this.resolve(f));
    const names = filters.map((f) => (f instanceof PdfName ? f.name : '?'));
    if (names.length === 0) return s.raw;
    if (names.length > 1 || (names[0] !== 'FlateDecode' && names[0] !== 'Fl')) {
      throw new PdfReadError('unsupported', `${what} filter ${names.join(', ')}`);
    }
    const parms = this.resolve(s.dict.get('DecodeParms') ?? s.dict.get('DP'));
    const dict = Array.isArray(parms) ? this.resolve(parms[0]) : parms;
    const predictor = dict instanceof PdfDict ? this.resolve(dict.get('Predictor')) : undefined;
    if (typeof predictor === 'number' && predictor > 1)
      throw new PdfReadError('unsupported', `${what} uses predictor ${predictor}`);
    const left = this.limits.maxInflatedBytes - this.inflated;
    const cap = Math.min(this.limits.maxStreamBytes, left);
    if (cap <= 0)
      throw new PdfReadError('too_large', `the document inflates past ${this.limits.maxInflatedBytes} bytes`);
    let out: Buffer;
    try {
      // maxOutputLength stops inflation as soon as the output passes the cap; a truncated stream
      // (common in the wild) yields what it holds rather than an error.
      out = zlib.inflateSync(s.raw, { maxOutputLength: cap, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new PdfReadError(
          'too_large',
          cap === left
            ? `${what} takes the document past ${this.limits.maxInflatedBytes} inflated bytes`
            : `${what} inflates past ${cap} bytes`,
        );
      }
      throw unreadable(`${what}: ${(e as Error).message}`);
    }
    this.inflated += out.length;
    return out;
  }

  catalog(): PdfDict | undefined {
    if (this.trailers.some((t) => t.get('Encrypt') !== undefined))
      throw new PdfReadError('encrypted', 'the trailer names an Encrypt dictionary');
    for (let i = this.trailers.length - 1; i >= 0; i--) {
      const root = this.resolve(this.trailers[i]!.get('Root'));
      if (root instanceof PdfDict) return root;
    }
    // No usable trailer: the last object that says it is the catalog (as other readers recover).
    let found: PdfDict | undefined;
    for (const v of this.objects.values()) {
      if (
        v instanceof PdfDict &&
        v.get('Type') instanceof PdfName &&
        (v.get('Type') as PdfName).name === 'Catalog'
      )
        found = v;
    }
    return found;
  }
}

/** A PDF text string: UTF-16BE or UTF-8 with a byte-order mark, else PDFDocEncoding (read as Latin-1). */
function text(s: PdfString): string {
  const b = s.bytes;
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  return b.toString('latin1');
}

/**
 * The files attached to a PDF (its EmbeddedFiles name tree), by file name, in the tree's order.
 * Throws an AppError (unprocessable) when the bytes are not a PDF this reader can read within the limits.
 */
export function readPdfAttachments(
  bytes: Uint8Array,
  limits: PdfReadLimits = DEFAULT_PDF_READ_LIMITS,
): Map<string, Buffer> {
  try {
    return attachments(bytes, limits);
  } catch (e) {
    if (e instanceof PdfReadError) throw pdfRefusal(e.kind, e.message);
    throw e;
  }
}

function attachments(bytes: Uint8Array, limits: PdfReadLimits): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.toString('latin1', 0, Math.min(buf.length, 1024)).indexOf('%PDF-') < 0)
    throw unreadable('no %PDF- header');
  const doc = new Document(buf, limits);
  doc.scan();
  const catalog = doc.catalog();
  if (!catalog) throw unreadable('no document catalog');
  const out = new Map<string, Buffer>();
  const names = doc.resolve(catalog.get('Names'));
  const root = names instanceof PdfDict ? doc.resolve(names.get('EmbeddedFiles')) : undefined;
  if (!(root instanceof PdfDict)) return out;

  let attachments = 0;
  let nodes = 0;
  const stack: { node: PdfDict; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (++nodes > MAX_TREE_NODES)
      throw new PdfReadError('too_complex', `attachment name tree has more than ${MAX_TREE_NODES} nodes`);
    const pairs = doc.resolve(node.get('Names'));
    for (let i = 0; Array.isArray(pairs) && i + 1 < pairs.length; i += 2) {
      const spec = doc.resolve(pairs[i + 1]);
      if (!(spec instanceof PdfDict)) continue;
      const label = [spec.get('UF'), spec.get('F'), pairs[i]]
        .map((v) => doc.resolve(v))
        .find((v) => v instanceof PdfString);
      const ef = doc.resolve(spec.get('EF'));
      const stream = ef instanceof PdfDict ? doc.resolve(ef.get('F') ?? ef.get('UF')) : undefined;
      if (!(label instanceof PdfString) || !(stream instanceof PdfStream)) continue;
      const name = text(label);
      if (!name) continue;
      if (++attachments > limits.maxAttachments)
        throw new PdfReadError('too_complex', `more than ${limits.maxAttachments} attachments`);
      const data = doc.decode(stream, `attachment ${JSON.stringify(name.slice(0, 64))}`);
      if (!out.has(name)) out.set(name, data);
    }
    const kids = doc.resolve(node.get('Kids'));
    if (!Array.isArray(kids)) continue;
    if (depth + 1 > MAX_TREE_DEPTH)
      throw new PdfReadError('too_complex', `attachment name tree deeper than ${MAX_TREE_DEPTH}`);
    // Reversed onto the stack so the tree is walked in its own order.
    for (let k = kids.length - 1; k >= 0; k--) {
      const kid = doc.resolve(kids[k]);
      if (kid instanceof PdfDict) stack.push({ node: kid, depth: depth + 1 });
    }
  }
  return out;
}
