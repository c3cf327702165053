/**
 * C2SP tlog-tiles (https://c2sp.org/tlog-tiles): tile and entry-bundle addressing and contents.
 *
 *   tile/<L>/<N>[.p/<W>]        hash tiles, L = 0..63
 *   tile/entries/<N>[.p/<W>]    entry bundles
 *
 * <N> is written in zero-padded 3-digit path elements, all but the last prefixed with "x"
 * (1234067 → x001/x234/067). Tiles have height 8: a full tile holds 256 hashes (8192 bytes). The
 * n-th tile at level l holds, for i = 0..255, MTH(D[(n·256 + i)·256^l : (n·256 + i + 1)·256^l]),
 * i.e. the Merkle nodes at tree level 8·l. A tree of size s has a partial tile at level l of width
 * floor(s / 256^l) mod 256 (if non-zero). Entry bundles are big-endian uint16 length-prefixed
 * entries, aligned with the level-0 tiles.
 *
 * `tileReader` turns stored tiles back into a merkle.ts `HashReader`, so inclusion and consistency
 * proofs can be computed from tiles alone.
 */
import { HASH_SIZE, MerkleError, nodeHash, type HashReader } from './merkle.ts';

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
export const MAX_TILE_LEVEL = 63;
export const MAX_ENTRY_BYTES = 0xffff;

/** A hash tile (level ≥ 0) or entry bundle (level = 'entries'); width 256 means full. */
export interface TileId {
  level: number;
  index: number;
  width: number;
}

export interface EntryBundleId {
  index: number;
  width: number;
}

export type ParsedTilePath = ({ kind: 'tile' } & TileId) | ({ kind: 'entries' } & EntryBundleId);

export class TileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TileError';
  }
}

function assertIndex(n: unknown, what: string): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
    throw new TileError(`${what} must be a non-negative safe integer`);
}

function assertWidth(w: unknown): asserts w is number {
  if (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > TILE_WIDTH)
    throw new TileError('width must be 1..256');
}

function assertLevel(l: unknown): asserts l is number {
  if (typeof l !== 'number' || !Number.isInteger(l) || l < 0 || l > MAX_TILE_LEVEL)
    throw new TileError('level must be 0..63');
}

// ---------------------------------------------------------------------------------------------
// Paths

/** The <N> path elements of a tile index, e.g. 1234067 → "x001/x234/067". */
export function encodeTileIndex(n: number): string {
  assertIndex(n, 'tile index');
  const groups: string[] = [];
  let rest = n;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

function suffix(width: number): string {
  assertWidth(width);
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

/** `tile/<L>/<N>[.p/<W>]`. */
export function tilePath(tile: TileId): string {
  assertLevel(tile.level);
  return `tile/${tile.level}/${encodeTileIndex(tile.index)}${suffix(tile.width)}`;
}

/** `tile/entries/<N>[.p/<W>]`. */
export function entryBundlePath(bundle: EntryBundleId): string {
  return `tile/entries/${encodeTileIndex(bundle.index)}${suffix(bundle.width)}`;
}

const LEVEL_RE = /^(?:0|[1-9][0-9]?)$/;
const WIDTH_RE = /^[1-9][0-9]{0,2}$/;

/**
 * Parses a tile or entry-bundle path (with or without a leading "/"; no URL prefix). Only the
 * canonical encoding is accepted (no superfluous "x000" elements, no leading zeroes in L or W,
 * no ".p/256"). Throws TileError.
 */
export function parseTilePath(path: string): ParsedTilePath {
  if (typeof path !== 'string') throw new TileError('path must be a string');
  const segs = (path.startsWith('/') ? path.slice(1) : path).split('/');
  if (segs[0] !== 'tile' || segs.length < 3) throw new TileError('not a tile path');
  const levelSeg = segs[1]!;
  let rest = segs.slice(2);
  let width = TILE_WIDTH;
  const last = rest[rest.length - 1]!;
  const beforeLast = rest[rest.length - 2];
  if (beforeLast !== undefined && beforeLast.endsWith('.p')) {
    if (!WIDTH_RE.test(last)) throw new TileError('partial width must be a decimal with no leading zeroes');
    width = Number(last);
    if (width < 1 || width >= TILE_WIDTH) throw new TileError('partial width must be 1..255');
    rest = [...rest.slice(0, -2), beforeLast.slice(0, -2)];
  }
  let index = 0;
  rest.forEach((el, i) => {
    const isLast = i === rest.length - 1;
    const m = isLast ? /^([0-9]{3})$/.exec(el) : /^x([0-9]{3})$/.exec(el);
    if (!m) throw new TileError(`bad index path element ${JSON.stringify(el)}`);
    if (i === 0 && !isLast && m[1] === '000') throw new TileError('index has a superfluous leading element');
    index = index * 1000 + Number(m[1]);
  });
  if (!Number.isSafeInteger(index)) throw new TileError('index too large');
  if (levelSeg === 'entries') return { kind: 'entries', index, width };
  if (!LEVEL_RE.test(levelSeg)) throw new TileError('level must be a decimal with no leading zeroes');
  const level = Number(levelSeg);
  if (level > MAX_TILE_LEVEL) throw new TileError('level must be 0..63');
  return { kind: 'tile', level, index, width };
}

// ---------------------------------------------------------------------------------------------
// Which tiles exist

/** Number of hashes at tile level `level` (tree level 8·level) in a tree of `size`: floor(size / 256^level). */
export function levelHashCount(size: number, level: number): number {
  assertIndex(size, 'size');
  assertLevel(level);
  return Math.floor(size / TILE_WIDTH ** level);
}

/** Every tile (full and partial) of a tree of `size`, level by level, in index order. */
export function tilesForSize(size: number): TileId[] {
  return tilesChanged(0, size);
}

/**
 * Tiles whose contents differ between trees of `oldSize` and `newSize` (new or grown tiles), with
 * their widths at `newSize`. These are the tiles a log must write after growing.
 */
export function tilesChanged(oldSize: number, newSize: number): TileId[] {
  assertIndex(oldSize, 'oldSize');
  assertIndex(newSize, 'newSize');
  if (oldSize > newSize) throw new TileError('oldSize exceeds newSize');
  const out: TileId[] = [];
  for (let level = 0; level <= MAX_TILE_LEVEL; level++) {
    const newCount = levelHashCount(newSize, level);
    if (newCount === 0) break;
    const oldCount = levelHashCount(oldSize, level);
    if (oldCount === newCount) continue;
    for (let n = Math.floor(oldCount / TILE_WIDTH); n * TILE_WIDTH < newCount; n++) {
      out.push({ level, index: n, width: Math.min(TILE_WIDTH, newCount - n * TILE_WIDTH) });
    }
  }
  return out;
}

/** Entry bundles of a tree of `size`. */
export function entryBundlesForSize(size: number): EntryBundleId[] {
  return entryBundlesChanged(0, size);
}

/** Entry bundles that are new or grown between `oldSize` and `newSize`. */
export function entryBundlesChanged(oldSize: number, newSize: number): EntryBundleId[] {
  return tilesChanged(oldSize, newSize)
    .filter((t) => t.level === 0)
    .map(({ index, width }) => ({ index, width }));
}

/** The level-0 tile / entry bundle holding entry `entryIndex` and the offset within it. */
export function entryLocation(entryIndex: number): { index: number; offset: number } {
  assertIndex(entryIndex, 'entry index');
  return { index: Math.floor(entryIndex / TILE_WIDTH), offset: entryIndex % TILE_WIDTH };
}

/** Width of tile (level, index) in a tree of `size`: 256 if full, 1..255 if partial, 0 if absent. */
export function tileWidthAt(size: number, level: number, index: number): number {
  assertIndex(index, 'tile index');
  const count = levelHashCount(size, level);
  return Math.max(0, Math.min(TILE_WIDTH, count - index * TILE_WIDTH));
}

// ---------------------------------------------------------------------------------------------
// Contents

/** Tile bytes: the concatenated node hashes at tree level 8·level, read through `read`. */
export function tileContent(tile: TileId, read: HashReader): Buffer {
  assertLevel(tile.level);
  assertIndex(tile.index, 'tile index');
  assertWidth(tile.width);
  const treeLevel = tile.level * TILE_HEIGHT;
  const hashes: Buffer[] = [];
  for (let i = 0; i < tile.width; i++) {
    const h = read(treeLevel, tile.index * TILE_WIDTH + i);
    if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE)
      throw new TileError('reader returned a non-hash');
    hashes.push(Buffer.from(h));
  }
  return Buffer.concat(hashes);
}

/** Splits tile bytes into hashes; checks the size against `width` when given. */
export function tileHashes(content: Uint8Array, width?: number): Buffer[] {
  if (content.length === 0 || content.length % HASH_SIZE !== 0 || content.length > TILE_WIDTH * HASH_SIZE) {
    throw new TileError('tile must hold 1..256 whole hashes');
  }
  if (width !== undefined && content.length !== width * HASH_SIZE)
    throw new TileError(`tile must hold ${width} hashes`);
  const out: Buffer[] = [];
  for (let i = 0; i < content.length; i += HASH_SIZE)
    out.push(Buffer.from(content.subarray(i, i + HASH_SIZE)));
  return out;
}

/**
 * A HashReader for a tree of `size` backed by tiles. `readTile` returns the bytes of the tile with
 * the given id (always the width that exists at `size`: full, or the partial width). Tiles are
 * fetched at most once per reader. Nodes between tile levels are recomputed by hashing.
 */
export function tileReader(size: number, readTile: (tile: TileId) => Uint8Array): HashReader {
  assertIndex(size, 'size');
  const cache = new Map<string, Buffer[]>();
  const getTile = (level: number, index: number): Buffer[] => {
    const width = tileWidthAt(size, level, index);
    if (width === 0) throw new MerkleError(`tile ${level}/${index} does not exist at size ${size}`);
    const key = `${level}/${index}/${width}`;
    let hashes = cache.get(key);
    if (!hashes) {
      hashes = tileHashes(readTile({ level, index, width }), width);
      cache.set(key, hashes);
    }
    return hashes;
  };
  return (treeLevel: number, index: number): Buffer => {
    if (
      !Number.isInteger(treeLevel) ||
      treeLevel < 0 ||
      treeLevel > MAX_TILE_LEVEL * TILE_HEIGHT + TILE_HEIGHT - 1
    ) {
      throw new MerkleError('bad tree level');
    }
    assertIndex(index, 'node index');
    const level = Math.floor(treeLevel / TILE_HEIGHT);
    const height = treeLevel % TILE_HEIGHT;
    const span = 2 ** height;
    const first = index * span; // first hash at tree level 8·level covered by the node
    if ((index + 1) * span * TILE_WIDTH ** level > size) {
      throw new MerkleError(`node (${treeLevel}, ${index}) is not complete at size ${size}`);
    }
    const tileIndex = Math.floor(first / TILE_WIDTH);
    const offset = first - tileIndex * TILE_WIDTH;
    let row = getTile(level, tileIndex).slice(offset, offset + span);
    while (row.length > 1) {
      const next: Buffer[] = [];
      for (let i = 0; i < row.length; i += 2) next.push(nodeHash(row[i]!, row[i + 1]!));
      row = next;
    }
    return Buffer.from(row[0]!);
  };
}

// ---------------------------------------------------------------------------------------------
// Entry bundles

/** Big-endian uint16 length-prefixed concatenation of entries. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Buffer {
  if (entries.length > TILE_WIDTH) throw new TileError('an entry bundle holds at most 256 entries');
  const parts: Buffer[] = [];
  for (const e of entries) {
    if (!(e instanceof Uint8Array)) throw new TileError('entries must be bytes');
    if (e.length > MAX_ENTRY_BYTES) throw new TileError('entry longer than 65535 bytes');
    const len = Buffer.alloc(2);
    len.writeUInt16BE(e.length);
    parts.push(len, Buffer.from(e));
  }
  return Buffer.concat(parts);
}

/** Decodes an entry bundle; throws on truncation, trailing bytes or a count other than `width`. */
export function decodeEntryBundle(bundle: Uint8Array, width?: number): Buffer[] {
  const b = Buffer.from(bundle);
  const out: Buffer[] = [];
  let off = 0;
  while (off < b.length) {
    if (off + 2 > b.length) throw new TileError('truncated entry length');
    const len = b.readUInt16BE(off);
    off += 2;
    if (off + len > b.length) throw new TileError('truncated entry');
    out.push(Buffer.from(b.subarray(off, off + len)));
    off += len;
  }
  if (out.length > TILE_WIDTH) throw new TileError('an entry bundle holds at most 256 entries');
  if (width !== undefined && out.length !== width)
    throw new TileError(`bundle holds ${out.length} entries, expected ${width}`);
  return out;
}
