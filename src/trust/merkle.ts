/**
 * RFC 6962 §2.1 Merkle hash trees over SHA-256, with the RFC 9162 §2.1.3.2 / §2.1.4.2
 * verification algorithms.
 *
 *   MTH({})       = SHA-256()
 *   leaf hash     = SHA-256(0x00 ‖ d)
 *   MTH(D[n])     = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n]))   k = largest power of two < n
 *
 * Two families of proof builders are provided:
 *  - over an in-memory array of leaf hashes (`inclusionProof`, `consistencyProof`), and
 *  - over a `HashReader` (`inclusionProofFromReader`, `consistencyProofFromReader`), which only
 *    ever asks for hashes of *perfect* subtrees (level, index). A tiled log stores exactly those
 *    (see tiles.ts), so the server never has to load all leaves to answer a proof.
 *
 * A "frontier" (compact range [0, n)) holds the roots of the perfect subtrees in the binary
 * decomposition of n; `appendFrontier` is O(log n) and reports every perfect node it completes, so
 * a sequencer can persist level hashes / tiles as it goes and compute the root from the frontier.
 *
 * Sizes and indices are JavaScript numbers and must be safe integers (< 2^53). All hashes are
 * 32-byte Buffers; verification functions return false (never throw) on malformed input.
 */
import { createHash } from 'node:crypto';

export const HASH_SIZE = 32;

/** MTH of the empty tree: SHA-256 of the empty string (e3b0c442…). */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/**
 * Hash of the perfect subtree at `level` (0 = leaves) and `index` within that level, i.e.
 * MTH(D[index·2^level : (index+1)·2^level]).
 */
export type HashReader = (level: number, index: number) => Buffer;

/** A perfect subtree node together with its coordinates. */
export interface MerkleNode {
  level: number;
  index: number;
  hash: Buffer;
}

export class MerkleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MerkleError';
  }
}

// ---------------------------------------------------------------------------------------------
// Hashing primitives

/** RFC 6962 leaf hash: SHA-256(0x00 ‖ data). */
export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(data).digest();
}

/** RFC 6962 interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();
}

function isHash(h: unknown): h is Uint8Array {
  return h instanceof Uint8Array && h.length === HASH_SIZE;
}

function assertHash(h: unknown, what: string): asserts h is Uint8Array {
  if (!isHash(h)) throw new MerkleError(`${what} must be a ${HASH_SIZE}-byte hash`);
}

function isSize(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function assertSize(n: unknown, what: string): asserts n is number {
  if (!isSize(n)) throw new MerkleError(`${what} must be a non-negative safe integer`);
}

/** Largest power of two strictly less than n (n ≥ 2). */
export function splitPoint(n: number): number {
  if (!(n >= 2)) throw new MerkleError('splitPoint needs n >= 2');
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

const half = (n: number): number => Math.floor(n / 2);
const odd = (n: number): boolean => n % 2 === 1;

// ---------------------------------------------------------------------------------------------
// MTH over arrays and readers

/** MTH(D[start:end]) for an array of leaf hashes (defaults: the whole array). */
export function rootFromLeafHashes(hashes: readonly Uint8Array[], start = 0, end = hashes.length): Buffer {
  assertSize(start, 'start');
  assertSize(end, 'end');
  if (start > end || end > hashes.length) throw new MerkleError('range out of bounds');
  const rec = (a: number, b: number): Buffer => {
    const n = b - a;
    if (n === 1) {
      const h = hashes[a];
      assertHash(h, `leaf hash ${a}`);
      return Buffer.from(h);
    }
    const k = splitPoint(n);
    return nodeHash(rec(a, a + k), rec(a + k, b));
  };
  return start === end ? Buffer.from(EMPTY_ROOT) : rec(start, end);
}

/** MTH of the leaf data themselves (hashes each leaf with `leafHash`). */
export function rootFromLeaves(leaves: readonly Uint8Array[]): Buffer {
  return rootFromLeafHashes(leaves.map(leafHash));
}

/**
 * MTH(D[start:end]) using only perfect-subtree hashes from `read`. Ranges whose start is aligned to
 * their (power-of-two) size are read directly; every other range is split as RFC 6962 does.
 */
export function subtreeHash(read: HashReader, start: number, end: number): Buffer {
  assertSize(start, 'start');
  assertSize(end, 'end');
  if (start > end) throw new MerkleError('start > end');
  if (start === end) return Buffer.from(EMPTY_ROOT);
  const rec = (a: number, b: number): Buffer => {
    const n = b - a;
    if (isPowerOfTwo(n) && a % n === 0) {
      let level = 0;
      for (let w = n; w > 1; w /= 2) level++;
      const h = read(level, a / n);
      assertHash(h, `node (${level}, ${a / n})`);
      return Buffer.from(h);
    }
    const k = splitPoint(n);
    return nodeHash(rec(a, a + k), rec(a + k, b));
  };
  return rec(start, end);
}

/** A reader over every level of a fully materialised tree (see `levelsFromLeafHashes`). */
export function readerFromLevels(levels: readonly (readonly Uint8Array[])[]): HashReader {
  return (level, index) => {
    const h = levels[level]?.[index];
    if (!isHash(h)) throw new MerkleError(`no stored node at level ${level} index ${index}`);
    return Buffer.from(h);
  };
}

/**
 * All perfect-subtree hashes of the tree over `leafHashes`: levels[0] are the leaf hashes,
 * levels[l][i] = MTH(D[i·2^l : (i+1)·2^l]). O(n) hashes.
 */
export function levelsFromLeafHashes(leafHashes: readonly Uint8Array[]): Buffer[][] {
  const levels: Buffer[][] = [
    leafHashes.map((h, i) => {
      assertHash(h, `leaf hash ${i}`);
      return Buffer.from(h);
    }),
  ];
  for (;;) {
    const below = levels[levels.length - 1]!;
    if (below.length < 2) break;
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) next.push(nodeHash(below[i]!, below[i + 1]!));
    levels.push(next);
  }
  return levels;
}

/**
 * A reader computing perfect-subtree hashes on demand from a leaf-hash accessor (O(2^level) per
 * call, no caching). Suitable for small trees or as a reference.
 */
export function readerFromLeafAccessor(getLeafHash: (index: number) => Uint8Array): HashReader {
  const rec = (level: number, index: number): Buffer => {
    if (level === 0) {
      const h = getLeafHash(index);
      assertHash(h, `leaf hash ${index}`);
      return Buffer.from(h);
    }
    return nodeHash(rec(level - 1, 2 * index), rec(level - 1, 2 * index + 1));
  };
  return rec;
}

function readerFromArray(leafHashes: readonly Uint8Array[], limit: number): HashReader {
  return (level, index) => {
    const width = 2 ** level;
    const start = index * width;
    if (start + width > limit) throw new MerkleError(`node (${level}, ${index}) lies outside the tree`);
    return rootFromLeafHashes(leafHashes, start, start + width);
  };
}

// ---------------------------------------------------------------------------------------------
// Proof generation (RFC 6962 §2.1.1 PATH and §2.1.2 SUBPROOF)

/** Audit path PATH(index, D[treeSize]) from perfect-subtree hashes. Leaf sibling first. */
export function inclusionProofFromReader(read: HashReader, index: number, treeSize: number): Buffer[] {
  assertSize(index, 'index');
  assertSize(treeSize, 'treeSize');
  if (index >= treeSize) throw new MerkleError(`index ${index} is not below tree size ${treeSize}`);
  const path: Buffer[] = [];
  const rec = (start: number, end: number): void => {
    const n = end - start;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (index < start + k) {
      rec(start, start + k);
      path.push(subtreeHash(read, start + k, end));
    } else {
      rec(start + k, end);
      path.push(subtreeHash(read, start, start + k));
    }
  };
  rec(0, treeSize);
  return path;
}

/** Consistency proof PROOF(oldSize, D[newSize]) from perfect-subtree hashes. */
export function consistencyProofFromReader(read: HashReader, oldSize: number, newSize: number): Buffer[] {
  assertSize(oldSize, 'oldSize');
  assertSize(newSize, 'newSize');
  if (oldSize > newSize) throw new MerkleError(`old size ${oldSize} exceeds new size ${newSize}`);
  // RFC 6962 defines proofs for 0 < m < n; the empty tree and an unchanged tree need no hashes.
  if (oldSize === 0 || oldSize === newSize) return [];
  const proof: Buffer[] = [];
  // SUBPROOF(m, D[start:end], b), m counted from `start`.
  const rec = (m: number, start: number, end: number, b: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!b) proof.push(subtreeHash(read, start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      rec(m, start, start + k, b);
      proof.push(subtreeHash(read, start + k, end));
    } else {
      rec(m - k, start + k, end, false);
      proof.push(subtreeHash(read, start, start + k));
    }
  };
  rec(oldSize, 0, newSize, true);
  return proof;
}

/** Audit path for leaf `index` in the tree made of the first `treeSize` of `leafHashes`. */
export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  treeSize = leafHashes.length,
): Buffer[] {
  assertSize(treeSize, 'treeSize');
  if (treeSize > leafHashes.length) throw new MerkleError('treeSize exceeds the number of leaf hashes');
  return inclusionProofFromReader(readerFromArray(leafHashes, treeSize), index, treeSize);
}

/** Consistency proof between the trees of the first `oldSize` and `newSize` leaf hashes. */
export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  oldSize: number,
  newSize = leafHashes.length,
): Buffer[] {
  assertSize(newSize, 'newSize');
  if (newSize > leafHashes.length) throw new MerkleError('newSize exceeds the number of leaf hashes');
  return consistencyProofFromReader(readerFromArray(leafHashes, newSize), oldSize, newSize);
}

/** Number of hashes in the audit path of `index` in a tree of `treeSize` leaves. */
export function inclusionProofLength(index: number, treeSize: number): number {
  assertSize(index, 'index');
  assertSize(treeSize, 'treeSize');
  if (index >= treeSize) throw new MerkleError(`index ${index} is not below tree size ${treeSize}`);
  // Mirrors the iteration structure of RFC 9162 §2.1.3.2: one hash per step until sn reaches 0.
  let fn = index;
  let sn = treeSize - 1;
  let count = 0;
  while (sn > 0) {
    count++;
    if (!odd(fn) && fn === sn) {
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    }
    fn = half(fn);
    sn = half(sn);
  }
  return count;
}

/** Number of hashes in the consistency proof from `oldSize` to `newSize`. */
export function consistencyProofLength(oldSize: number, newSize: number): number {
  assertSize(oldSize, 'oldSize');
  assertSize(newSize, 'newSize');
  if (oldSize > newSize) throw new MerkleError(`old size ${oldSize} exceeds new size ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return 0;
  let count = 0;
  const rec = (m: number, n: number, b: boolean): void => {
    if (m === n) {
      if (!b) count++;
      return;
    }
    const k = splitPoint(n);
    count++;
    if (m <= k) rec(m, k, b);
    else rec(m - k, n - k, false);
  };
  rec(oldSize, newSize, true);
  return count;
}

// ---------------------------------------------------------------------------------------------
// Verification (RFC 9162 §2.1.3.2 and §2.1.4.2)

/**
 * Root hash implied by an inclusion proof (RFC 9162 §2.1.3.2 steps 1–4 and the sn = 0 check of
 * step 5), or null if the proof cannot be valid for (index, treeSize).
 */
export function rootFromInclusionProof(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
): Buffer | null {
  if (!isHash(leaf) || !isSize(index) || !isSize(treeSize) || !Array.isArray(proof)) return null;
  // 1. leaf_index >= tree_size fails.
  if (index >= treeSize) return null;
  // 2. fn = leaf_index, sn = tree_size - 1.  3. r = hash.
  let fn = index;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leaf);
  // 4. For each p in the inclusion path:
  for (const p of proof) {
    if (!isHash(p)) return null;
    // a. sn = 0 → fail.
    if (sn === 0) return null;
    if (odd(fn) || fn === sn) {
      // b. r = HASH(0x01 ‖ p ‖ r); if LSB(fn) unset, shift until LSB(fn) set or fn = 0.
      r = nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      // otherwise r = HASH(0x01 ‖ r ‖ p).
      r = nodeHash(r, p);
    }
    // c. shift both once.
    fn = half(fn);
    sn = half(sn);
  }
  // 5. sn must be 0.
  return sn === 0 ? r : null;
}

/** RFC 9162 §2.1.3.2: does `proof` show `leaf` at `index` in the tree of `treeSize` with `root`? */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isHash(root)) return false;
  const r = rootFromInclusionProof(leaf, index, treeSize, proof);
  return r !== null && r.equals(root);
}

/**
 * RFC 9162 §2.1.4.2 steps 2–6. Returns the (old, new) roots the proof commits to, or null if the
 * proof is structurally invalid for (oldSize, newSize). Requires 0 < oldSize < newSize.
 */
function rootsFromConsistencyProof(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  proof: readonly Uint8Array[],
): { fr: Buffer; sr: Buffer } | null {
  // 1. An empty path fails.
  if (proof.length === 0) return null;
  for (const c of proof) if (!isHash(c)) return null;
  // 2. If first is an exact power of two, prepend first_hash.
  const path: readonly Uint8Array[] = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  // 3. fn = first - 1, sn = second - 1.
  let fn = oldSize - 1;
  let sn = newSize - 1;
  // 4. If LSB(fn) is set, shift both until it is not.
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5. fr = sr = path[0].
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  // 6. For each subsequent c:
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    // a. sn = 0 → fail.
    if (sn === 0) return null;
    if (odd(fn) || fn === sn) {
      // b. fr = HASH(0x01 ‖ c ‖ fr), sr = HASH(0x01 ‖ c ‖ sr); shift until LSB(fn) set or fn = 0.
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      // otherwise sr = HASH(0x01 ‖ sr ‖ c).
      sr = nodeHash(sr, c);
    }
    // c. shift both once.
    fn = half(fn);
    sn = half(sn);
  }
  // 7 (first part). sn must be 0.
  return sn === 0 ? { fr, sr } : null;
}

/**
 * RFC 9162 §2.1.4.2: is the tree (newSize, newRoot) an append-only extension of (oldSize, oldRoot)?
 * Edge cases outside the RFC's 0 < first < second: oldSize = 0 is consistent with anything iff the
 * proof is empty and oldRoot is the empty-tree hash; equal sizes are consistent iff the proof is
 * empty and the roots are equal; oldSize > newSize is never consistent.
 */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isSize(oldSize) || !isSize(newSize) || !isHash(oldRoot) || !isHash(newRoot) || !Array.isArray(proof)) {
    return false;
  }
  if (oldSize > newSize) return false;
  if (oldSize === 0) return proof.length === 0 && EMPTY_ROOT.equals(oldRoot);
  if (oldSize === newSize) return proof.length === 0 && Buffer.from(oldRoot).equals(newRoot);
  const roots = rootsFromConsistencyProof(oldSize, newSize, oldRoot, proof);
  // 7. fr = first_hash and sr = second_hash.
  return roots !== null && roots.fr.equals(oldRoot) && roots.sr.equals(newRoot);
}

/**
 * The new root a consistency proof commits to, after checking it against `oldRoot`; null if the
 * proof does not verify against the old tree. Lets a client derive the root it must then compare
 * with a signed checkpoint.
 */
export function rootFromConsistencyProof(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  proof: readonly Uint8Array[],
): Buffer | null {
  if (!isSize(oldSize) || !isSize(newSize) || !isHash(oldRoot) || !Array.isArray(proof)) return null;
  if (oldSize === 0 || oldSize >= newSize) return null;
  const roots = rootsFromConsistencyProof(oldSize, newSize, oldRoot, proof);
  return roots !== null && roots.fr.equals(oldRoot) ? roots.sr : null;
}

// ---------------------------------------------------------------------------------------------
// Frontier (compact range [0, size))

/**
 * Roots of the perfect subtrees that make up [0, size), largest (leftmost) first. There is one per
 * set bit of `size`; hashes[i] sits at the level of the i-th highest set bit.
 */
export interface Frontier {
  readonly size: number;
  readonly hashes: readonly Buffer[];
}

export const EMPTY_FRONTIER: Frontier = Object.freeze({
  size: 0,
  hashes: Object.freeze([]) as readonly Buffer[],
});

/** (level, index) coordinates of each frontier entry for a tree of `size`, largest first. */
export function frontierNodes(size: number): { level: number; index: number }[] {
  assertSize(size, 'size');
  const out: { level: number; index: number }[] = [];
  let start = 0;
  let remaining = size;
  while (remaining > 0) {
    let width = 1;
    let level = 0;
    while (width * 2 <= remaining) {
      width *= 2;
      level++;
    }
    out.push({ level, index: start / width });
    start += width;
    remaining -= width;
  }
  return out;
}

function assertFrontier(f: Frontier): void {
  assertSize(f.size, 'frontier size');
  if (!Array.isArray(f.hashes)) throw new MerkleError('frontier hashes must be an array');
  let bits = 0;
  for (let s = f.size; s > 0; s = half(s)) if (odd(s)) bits++;
  if (f.hashes.length !== bits) throw new MerkleError(`frontier of size ${f.size} must hold ${bits} hashes`);
  f.hashes.forEach((h, i) => assertHash(h, `frontier hash ${i}`));
}

/**
 * Appends one leaf hash. O(log n). Returns the new frontier and every perfect node completed by the
 * append (the leaf itself at level 0, then each merged parent), which is exactly what a tiled log
 * must persist.
 */
export function appendFrontier(
  frontier: Frontier,
  leaf: Uint8Array,
): { frontier: Frontier; nodes: MerkleNode[] } {
  assertFrontier(frontier);
  assertHash(leaf, 'leaf hash');
  if (frontier.size >= Number.MAX_SAFE_INTEGER) throw new MerkleError('tree size limit reached');
  const hashes = frontier.hashes.slice();
  let h: Buffer = Buffer.from(leaf);
  let index = frontier.size;
  let level = 0;
  const nodes: MerkleNode[] = [{ level, index, hash: h }];
  // Each trailing set bit of the old size is a left sibling that now has its right partner.
  for (let s = frontier.size; odd(s); s = half(s)) {
    const left = hashes.pop()!;
    h = nodeHash(left, h);
    level++;
    index = half(index);
    nodes.push({ level, index, hash: h });
  }
  hashes.push(h);
  return { frontier: { size: frontier.size + 1, hashes }, nodes };
}

/** Appends many leaf hashes; returns the final frontier and all completed nodes in order. */
export function appendFrontierMany(
  frontier: Frontier,
  leaves: readonly Uint8Array[],
): { frontier: Frontier; nodes: MerkleNode[] } {
  let f = frontier;
  const nodes: MerkleNode[] = [];
  for (const leaf of leaves) {
    const r = appendFrontier(f, leaf);
    f = r.frontier;
    nodes.push(...r.nodes);
  }
  return { frontier: f, nodes };
}

/** MTH of the tree described by the frontier. */
export function frontierRoot(frontier: Frontier): Buffer {
  assertFrontier(frontier);
  const hs = frontier.hashes;
  if (hs.length === 0) return Buffer.from(EMPTY_ROOT);
  let r: Buffer = Buffer.from(hs[hs.length - 1]!);
  for (let i = hs.length - 2; i >= 0; i--) r = nodeHash(hs[i]!, r);
  return r;
}

/** Rebuilds the frontier of a tree of `size` from stored perfect-subtree hashes. */
export function frontierFromReader(read: HashReader, size: number): Frontier {
  const hashes = frontierNodes(size).map(({ level, index }) => {
    const h = read(level, index);
    assertHash(h, `node (${level}, ${index})`);
    return Buffer.from(h);
  });
  return { size, hashes };
}
