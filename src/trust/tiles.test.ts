import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  EMPTY_FRONTIER,
  appendFrontier,
  consistencyProofFromReader,
  frontierRoot,
  inclusionProofFromReader,
  leafHash,
  levelsFromLeafHashes,
  readerFromLevels,
  rootFromLeafHashes,
  subtreeHash,
  verifyConsistency,
  verifyInclusion,
  type Frontier,
  type HashReader,
} from './merkle.ts';
import {
  TileError,
  decodeEntryBundle,
  encodeEntryBundle,
  encodeTileIndex,
  entryBundlePath,
  entryBundlesChanged,
  entryBundlesForSize,
  entryLocation,
  parseTilePath,
  tileContent,
  tileHashes,
  tilePath,
  tileReader,
  tilesChanged,
  tilesForSize,
  type TileId,
} from './tiles.ts';

describe('paths', () => {
  test('spec example: index 1234067 → x001/x234/067', () => {
    expect(encodeTileIndex(1234067)).toBe('x001/x234/067');
    expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ level: 0, index: 1234067, width: 8 })).toBe('tile/0/x001/x234/067.p/8');
    expect(entryBundlePath({ index: 1234067, width: 256 })).toBe('tile/entries/x001/x234/067');
    expect(entryBundlePath({ index: 1234067, width: 255 })).toBe('tile/entries/x001/x234/067.p/255');
  });

  test('small and boundary indices', () => {
    expect(encodeTileIndex(0)).toBe('000');
    expect(encodeTileIndex(7)).toBe('007');
    expect(encodeTileIndex(999)).toBe('999');
    expect(encodeTileIndex(1000)).toBe('x001/000');
    expect(encodeTileIndex(1000000)).toBe('x001/x000/000');
    expect(tilePath({ level: 63, index: 5, width: 1 })).toBe('tile/63/005.p/1');
    expect(() => tilePath({ level: 64, index: 0, width: 256 })).toThrow(TileError);
    expect(() => tilePath({ level: 0, index: 0, width: 0 })).toThrow(TileError);
    expect(() => tilePath({ level: 0, index: -1, width: 256 })).toThrow(TileError);
  });

  test('parse inverts format', () => {
    expect(parseTilePath('tile/0/x001/x234/067.p/8')).toEqual({
      kind: 'tile',
      level: 0,
      index: 1234067,
      width: 8,
    });
    expect(parseTilePath('/tile/2/000')).toEqual({ kind: 'tile', level: 2, index: 0, width: 256 });
    expect(parseTilePath('tile/entries/x001/000.p/1')).toEqual({ kind: 'entries', index: 1000, width: 1 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 63 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 256 }),
        (level, index, width) => {
          const t: TileId = { level, index, width };
          expect(parseTilePath(tilePath(t))).toEqual({ kind: 'tile', ...t });
          expect(parseTilePath(entryBundlePath({ index, width }))).toEqual({ kind: 'entries', index, width });
        },
      ),
      { numRuns: 300 },
    );
  });

  test.each([
    'tile/0',
    'tile/0/',
    'tiles/0/000',
    'tile/00/000',
    'tile/01/000',
    'tile/64/000',
    'tile/-1/000',
    'tile/a/000',
    'tile/0/1',
    'tile/0/0001',
    'tile/0/x000/001',
    'tile/0/x001',
    'tile/0/001/002',
    'tile/0/x01/002',
    'tile/0/X001/002',
    'tile/0/000.p/256',
    'tile/0/000.p/0',
    'tile/0/000.p/08',
    'tile/0/000.p/',
    'tile/0/000.p',
    'tile/0/000/8',
    'tile/entries/x000/000',
    'tile/entries/000.p/300',
  ])('rejects %s', (p) => {
    expect(() => parseTilePath(p)).toThrow(TileError);
  });
});

describe('which tiles exist', () => {
  test('spec example: a tree of 70,000 entries', () => {
    const tiles = tilesForSize(70000);
    const at = (level: number) => tiles.filter((t) => t.level === level);
    expect(at(0)).toHaveLength(274);
    expect(at(0).filter((t) => t.width === 256)).toHaveLength(273);
    expect(at(0)[273]).toEqual({ level: 0, index: 273, width: 112 });
    expect(at(1)).toEqual([
      { level: 1, index: 0, width: 256 },
      { level: 1, index: 1, width: 17 },
    ]);
    expect(at(2)).toEqual([{ level: 2, index: 0, width: 1 }]);
    expect(at(3)).toEqual([]);
  });

  test('spec example: a tree of 256 entries', () => {
    expect(tilesForSize(256)).toEqual([
      { level: 0, index: 0, width: 256 },
      { level: 1, index: 0, width: 1 },
    ]);
    expect(tilesForSize(0)).toEqual([]);
    expect(tilesForSize(1)).toEqual([{ level: 0, index: 0, width: 1 }]);
  });

  test('tiles changed by growth', () => {
    expect(tilesChanged(250, 260)).toEqual([
      { level: 0, index: 0, width: 256 },
      { level: 0, index: 1, width: 4 },
      { level: 1, index: 0, width: 1 },
    ]);
    expect(tilesChanged(260, 261)).toEqual([{ level: 0, index: 1, width: 5 }]);
    expect(tilesChanged(261, 261)).toEqual([]);
    expect(entryBundlesChanged(250, 260)).toEqual([
      { index: 0, width: 256 },
      { index: 1, width: 4 },
    ]);
    expect(entryBundlesForSize(513)).toHaveLength(3);
    expect(entryLocation(1234067 * 256 + 5)).toEqual({ index: 1234067, offset: 5 });
    expect(() => tilesChanged(5, 4)).toThrow(TileError);
  });
});

describe('tile contents', () => {
  const SIZE = 70000;
  const leaves = Array.from({ length: SIZE }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
  const levels = levelsFromLeafHashes(leaves);
  const reader = readerFromLevels(levels);

  test('level-0 tiles are leaf hashes; higher tiles hold MTHs of full tiles below', () => {
    const t0 = tileContent({ level: 0, index: 3, width: 256 }, reader);
    expect(t0).toHaveLength(8192);
    expect(tileHashes(t0).map((h) => h.toString('hex'))).toEqual(
      leaves.slice(768, 1024).map((h) => h.toString('hex')),
    );
    const t1 = tileHashes(tileContent({ level: 1, index: 1, width: 17 }, reader));
    expect(t1).toHaveLength(17);
    for (const i of [0, 5, 16]) {
      const start = (256 + i) * 256;
      expect(t1[i]!.equals(rootFromLeafHashes(leaves, start, start + 256))).toBe(true);
    }
    const t2 = tileContent({ level: 2, index: 0, width: 1 }, reader);
    expect(t2.equals(rootFromLeafHashes(leaves, 0, 65536))).toBe(true);
    expect(() => tileHashes(Buffer.alloc(33))).toThrow(TileError);
    expect(() => tileHashes(Buffer.alloc(64), 3)).toThrow(TileError);
  });

  test('a tile-backed reader reproduces roots and proofs', () => {
    const store = new Map<string, Buffer>();
    for (const t of tilesForSize(SIZE)) store.set(tilePath(t), tileContent(t, reader));
    let reads = 0;
    const tr = tileReader(SIZE, (t) => {
      reads++;
      const b = store.get(tilePath(t));
      if (!b) throw new Error(`missing ${tilePath(t)}`);
      return b;
    });
    expect(subtreeHash(tr, 0, SIZE).equals(rootFromLeafHashes(leaves))).toBe(true);
    for (const i of [0, 1, 255, 256, 65535, 65536, 69999, 12345]) {
      expect(inclusionProofFromReader(tr, i, SIZE).map((h) => h.toString('hex'))).toEqual(
        inclusionProofFromReader(reader, i, SIZE).map((h) => h.toString('hex')),
      );
    }
    const readsBefore = reads;
    inclusionProofFromReader(tr, 12345, SIZE);
    expect(reads).toBe(readsBefore); // tiles are cached per reader
    // Nodes between tile levels (e.g. tree level 3 and 13) are recomputed from tile hashes.
    expect(tr(3, 17).equals(levels[3]![17]!)).toBe(true);
    expect(tr(13, 3).equals(levels[13]![3]!)).toBe(true);
    expect(() => tr(0, SIZE)).toThrow();
    expect(() => tr(16, 1)).toThrow();
  });

  test('entry bundles hash to the level-0 tile', () => {
    const entries = Array.from({ length: 256 }, (_, i) => Buffer.from(`entry ${i}`));
    const bundle = encodeEntryBundle(entries);
    expect(bundle.subarray(0, 2).readUInt16BE(0)).toBe(7);
    const decoded = decodeEntryBundle(bundle, 256);
    expect(
      Buffer.concat(decoded.map(leafHash)).equals(tileContent({ level: 0, index: 0, width: 256 }, reader)),
    ).toBe(true);
  });
});

describe('entry bundle encoding', () => {
  test('length-prefixed, big-endian', () => {
    const b = encodeEntryBundle([Buffer.from('a'), Buffer.alloc(0), Buffer.alloc(300, 1)]);
    expect(b.subarray(0, 6).toString('hex')).toBe('000161000001');
    expect(b.readUInt16BE(5)).toBe(300);
    expect(decodeEntryBundle(b).map((e) => e.length)).toEqual([1, 0, 300]);
    expect(encodeEntryBundle([]).length).toBe(0);
    expect(encodeEntryBundle([Buffer.alloc(65535)]).length).toBe(65537);
  });

  test('rejects oversize entries, truncation, trailing bytes and wrong counts', () => {
    expect(() => encodeEntryBundle([Buffer.alloc(65536)])).toThrow(TileError);
    expect(() => encodeEntryBundle(Array.from({ length: 257 }, () => Buffer.alloc(1)))).toThrow(TileError);
    const b = encodeEntryBundle([Buffer.from('abc'), Buffer.from('de')]);
    expect(() => decodeEntryBundle(b.subarray(0, b.length - 1))).toThrow(TileError);
    expect(() => decodeEntryBundle(Buffer.concat([b, Buffer.of(0)]))).toThrow(TileError);
    expect(() => decodeEntryBundle(b, 3)).toThrow(TileError);
    expect(decodeEntryBundle(b, 2)).toHaveLength(2);
  });
});

describe('a sequencer writing tiles from frontier appends', () => {
  test('tiles written incrementally serve every checkpointed size', () => {
    // Persist only nodes at tile levels (tree levels 0, 8, 16) as the frontier completes them, then
    // write the tiles changed by each batch, keyed by path (old partial tiles stay available).
    const nodeStore = new Map<string, Buffer>();
    const tileStore = new Map<string, Buffer>();
    const storedReader: HashReader = (level, index) => {
      const h = nodeStore.get(`${level}/${index}`);
      if (!h) throw new Error(`node ${level}/${index} not stored`);
      return h;
    };
    const allLeaves: Buffer[] = [];
    const checkpoints: { size: number; root: Buffer }[] = [];
    let f: Frontier = EMPTY_FRONTIER;
    const batches = [1, 254, 1, 1, 300, 5000, 7, 60000, 1000, 3];
    let n = 0;
    for (const batch of batches) {
      const oldSize = f.size;
      for (let k = 0; k < batch; k++) {
        const leaf = leafHash(Buffer.from(`e${n++}`));
        allLeaves.push(leaf);
        const r = appendFrontier(f, leaf);
        f = r.frontier;
        for (const node of r.nodes)
          if (node.level % 8 === 0) nodeStore.set(`${node.level}/${node.index}`, node.hash);
      }
      for (const t of tilesChanged(oldSize, f.size)) tileStore.set(tilePath(t), tileContent(t, storedReader));
      checkpoints.push({ size: f.size, root: frontierRoot(f) });
    }
    const fullLevels = readerFromLevels(levelsFromLeafHashes(allLeaves));
    for (const cp of checkpoints) {
      const tr = tileReader(cp.size, (t) => tileStore.get(tilePath(t))!);
      expect(subtreeHash(tr, 0, cp.size).equals(cp.root), `root at ${cp.size}`).toBe(true);
      expect(cp.root.equals(rootFromLeafHashes(allLeaves, 0, cp.size))).toBe(true);
      const i = Math.floor(cp.size / 3);
      const proof = inclusionProofFromReader(tr, i, cp.size);
      expect(verifyInclusion(allLeaves[i]!, i, cp.size, proof, cp.root)).toBe(true);
      expect(proof.map((h) => h.toString('hex'))).toEqual(
        inclusionProofFromReader(fullLevels, i, cp.size).map((h) => h.toString('hex')),
      );
    }
    const last = checkpoints[checkpoints.length - 1]!;
    const trLast = tileReader(last.size, (t) => tileStore.get(tilePath(t))!);
    for (const cp of checkpoints) {
      const proof = consistencyProofFromReader(trLast, cp.size, last.size);
      expect(
        verifyConsistency(cp.size, last.size, cp.root, last.root, proof),
        `${cp.size}->${last.size}`,
      ).toBe(true);
    }
  });
});
