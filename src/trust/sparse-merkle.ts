/**
 * A sparse Merkle tree over 256-bit keys: an authenticated map with membership and non-membership
 * proofs. Pure: no I/O. The byte format is specified in docs/ENCUMBRANCE.md so that an independent
 * verifier can be written from it; keep the two in step.
 *
 * The tree is the perfect binary tree of depth 256 of Laurie & Kasper's "Revocation Transparency"
 * and Dahlberg, Pulls & Peeters, "Efficient Sparse Merkle Trees" (2016): a key's bits, most
 * significant first, are its path from the root (bit i chooses the child at depth i + 1: 0 left,
 * 1 right); empty subtrees hash to precomputed per-height constants. Hashing is domain separated:
 *
 *   E[0]        = SHA-256(0x02)                          the empty leaf
 *   E[h]        = SHA-256(0x01 ‖ E[h-1] ‖ E[h-1])         an empty subtree of height h (precomputed)
 *   leaf(k, v)  = SHA-256(0x00 ‖ k ‖ v)                  k: 32-byte key, v: 32-byte value digest
 *   node(l, r)  = SHA-256(0x01 ‖ l ‖ r)
 *
 * and the hash of a subtree is E[h] when it holds no key, leaf(k, v) when it holds exactly one key
 * k (whatever its height: the leaf is "lifted" to the root of the largest subtree it is alone in,
 * as in the Jellyfish Merkle tree of Diem), and node(left, right) otherwise. Lifting is what makes
 * the tree cheap: a key costs about log2(n) hashes to insert or prove instead of 256, so a map of a
 * million assets builds in seconds and a proof is ~22 hashes. Domain separation keeps a lifted leaf
 * from ever equalling an interior node, so a proof cannot move a leaf to another height.
 *
 * A proof for key k names, for each depth 1..256, whether the sibling of k's path at that depth is
 * non-empty (a 256-bit bitmap), gives the non-empty siblings, and ends in a terminal at depth D
 * (the deepest non-empty sibling, 0 if none): k's own leaf (membership), an empty subtree, or the
 * one other key alone in that subtree (both non-membership).
 */
import { createHash, hash as nodeHash } from 'node:crypto';

export const DEPTH = 256;
export const KEY_BYTES = 32;
export const HASH_BYTES = 32;
const LEAF = 0x00;
const NODE = 0x01;
const EMPTY_TAG = 0x02;

const sha256 = (b: Buffer): Buffer => nodeHash('sha256', b, 'buffer');

// One scratch buffer for the 65-byte hash inputs: hashing is synchronous, so it is never shared.
const scratch = Buffer.alloc(1 + 2 * HASH_BYTES);

/** node(l, r) = SHA-256(0x01 ‖ l ‖ r). */
export function nodeHashOf(l: Buffer, r: Buffer): Buffer {
  scratch[0] = NODE;
  l.copy(scratch, 1);
  r.copy(scratch, 1 + HASH_BYTES);
  return sha256(scratch);
}

/** leaf(k, v) = SHA-256(0x00 ‖ k ‖ v). */
export function leafHash(key: Buffer, value: Buffer): Buffer {
  scratch[0] = LEAF;
  key.copy(scratch, 1);
  value.copy(scratch, 1 + HASH_BYTES);
  return sha256(scratch);
}

/** EMPTY[h]: the hash of an empty subtree of height h (0 = a leaf position, 256 = the whole tree). */
export const EMPTY: readonly Buffer[] = (() => {
  const out: Buffer[] = [createHash('sha256').update(Buffer.of(EMPTY_TAG)).digest()];
  for (let h = 1; h <= DEPTH; h++) out.push(nodeHashOf(out[h - 1]!, out[h - 1]!));
  return Object.freeze(out);
})();

/** The empty subtree whose root is at `depth`. */
export const emptyAt = (depth: number): Buffer => EMPTY[DEPTH - depth]!;

/** The root of the empty map. */
export const EMPTY_ROOT = emptyAt(0);

/** Bit i of a key or prefix, most significant bit of byte 0 first. */
export const bitAt = (key: Buffer, i: number): number => (key[i >> 3]! >> (7 - (i & 7))) & 1;

/** The first bit index in [from, to) where a and b differ, or -1. */
export function firstDifference(a: Buffer, b: Buffer, from: number, to: number): number {
  for (let i = from; i < to; ) {
    const byte = i >> 3;
    let x = (a[byte]! ^ b[byte]!) & (0xff >> (i & 7));
    if (x !== 0) {
      let bit = byte * 8;
      while ((x & 0x80) === 0) {
        x <<= 1;
        bit++;
      }
      return bit < to ? bit : -1;
    }
    i = (byte + 1) * 8;
  }
  return -1;
}

/** The first `depth` bits of `key` in a 32-byte buffer, the rest zero. */
export function prefixOf(key: Buffer, depth: number): Buffer {
  const out = Buffer.alloc(KEY_BYTES);
  const whole = depth >> 3;
  key.copy(out, 0, 0, whole);
  if (depth & 7) out[whole] = key[whole]! & (0xff << (8 - (depth & 7)));
  return out;
}

/** The first `depth` bits of `key` as a string of '0' and '1' (a branch's id; SQL `varbit`). */
export function bitString(key: Buffer, depth: number): string {
  let s = '';
  for (let i = 0; i < depth; i++) s += bitAt(key, i) ? '1' : '0';
  return s;
}

/** A 32-byte buffer from a bit string (trailing bits zero). */
export function fromBitString(bits: string): Buffer {
  const out = Buffer.alloc(KEY_BYTES);
  for (let i = 0; i < bits.length; i++) if (bits.charCodeAt(i) === 49) out[i >> 3]! |= 0x80 >> (i & 7);
  return out;
}

// ------------------------------------------------------------------------------------ structure

/** One key alone in its subtree. */
export interface LeafSlot {
  leaf: true;
  key: Buffer;
  value: Buffer;
}

/** A subtree holding two or more keys, seen from above: its top branch's depth, prefix and hash. */
export interface BranchSlot {
  leaf: false;
  depth: number;
  /** The branch's path: its first `depth` bits, the rest zero. */
  prefix: Buffer;
  /** node(left, right) of the branch, at its own depth. */
  hash: Buffer;
}

export type Slot = LeafSlot | BranchSlot;

/**
 * A branch: a position where both subtrees hold keys (a node of the compressed trie). Only branches
 * are stored; the positions between them hold one non-empty child and are hashed on the fly.
 */
export interface Branch {
  depth: number;
  prefix: Buffer;
  left: Slot;
  right: Slot;
}

/** The hash of a slot's subtree seen from `depth` (at or above its own position). */
export function slotHash(slot: Slot, depth: number): Buffer {
  if (slot.leaf) return leafHash(slot.key, slot.value);
  let h = slot.hash;
  for (let d = slot.depth; d > depth; d--) {
    const e = emptyAt(d);
    h = bitAt(slot.prefix, d - 1) ? nodeHashOf(e, h) : nodeHashOf(h, e);
  }
  return h;
}

export const branchHash = (b: Branch): Buffer => nodeHashOf(slotHash(b.left, b.depth + 1), slotHash(b.right, b.depth + 1));

export const branchSlot = (b: Branch): BranchSlot => ({ leaf: false, depth: b.depth, prefix: b.prefix, hash: branchHash(b) });

/** The map's root from its top slot (null: empty map). */
export const rootOf = (top: Slot | null): Buffer => (top ? slotHash(top, 0) : EMPTY_ROOT);

/** A branch's id: its path bits (SQL `varbit`, also the in-memory key). */
export const branchId = (b: { depth: number; prefix: Buffer }): string => bitString(b.prefix, b.depth);

const SLOT_BYTES = 2 + KEY_BYTES + HASH_BYTES;

/** 66 bytes: tag (0 leaf, 1 branch) ‖ depth (branch; 0 for a leaf) ‖ key or prefix ‖ value or hash. */
export function encodeSlot(s: Slot): Buffer {
  const out = Buffer.alloc(SLOT_BYTES);
  out[0] = s.leaf ? 0 : 1;
  out[1] = s.leaf ? 0 : s.depth;
  (s.leaf ? s.key : s.prefix).copy(out, 2);
  (s.leaf ? s.value : s.hash).copy(out, 2 + KEY_BYTES);
  return out;
}

export function decodeSlot(b: Buffer): Slot {
  if (b.length !== SLOT_BYTES || b[0]! > 1) throw new Error('malformed tree slot');
  const path = Buffer.from(b.subarray(2, 2 + KEY_BYTES));
  const h = Buffer.from(b.subarray(2 + KEY_BYTES));
  return b[0] === 0 ? { leaf: true, key: path, value: h } : { leaf: false, depth: b[1]!, prefix: path, hash: h };
}

// ------------------------------------------------------------------------------------ walking

/** What a walk needs: the top slot and the branches on a key's path (by depth). */
export interface TreeReader {
  top: Slot | null;
  /** The branch at `depth` on `key`'s path, if there is one. */
  branchAt(key: Buffer, depth: number): Branch | undefined;
}

export type WalkEnd =
  | { kind: 'empty' }
  | { kind: 'member'; slot: LeafSlot }
  | { kind: 'other'; slot: LeafSlot }
  /** The path leaves a branch's subtree at bit `at` (above the branch): the key's side is empty. */
  | { kind: 'diverge'; slot: BranchSlot; at: number };

export interface Walk {
  key: Buffer;
  /** Branches on the key's path, root first. */
  path: Branch[];
  /** Depth at which `end` is seen (just below the last branch; 0 at the top). */
  pos: number;
  end: WalkEnd;
}

export class TreeInconsistent extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TreeInconsistent';
  }
}

/** Follows `key` from the top through the branches on its path. */
export function walk(reader: TreeReader, key: Buffer): Walk {
  const path: Branch[] = [];
  let slot = reader.top;
  let pos = 0;
  if (!slot) return { key, path, pos, end: { kind: 'empty' } };
  for (;;) {
    if (slot.leaf) return { key, path, pos, end: { kind: slot.key.equals(key) ? 'member' : 'other', slot } };
    const at = firstDifference(key, slot.prefix, pos, slot.depth);
    if (at >= 0) return { key, path, pos, end: { kind: 'diverge', slot, at } };
    const b = reader.branchAt(key, slot.depth);
    if (!b || b.depth !== slot.depth) throw new TreeInconsistent(`no branch at depth ${slot.depth} on the key's path`);
    path.push(b);
    slot = bitAt(key, b.depth) ? b.right : b.left;
    pos = b.depth + 1;
  }
}

// ------------------------------------------------------------------------------------ proofs

export type Terminal = 'member' | 'empty' | 'other';

export interface MapProof {
  terminal: Terminal;
  /** For terminal 'other': the key alone in the subtree where `key` would be, and its value. */
  other?: { key: Buffer; value: Buffer };
  /** 32 bytes; bit i (MSB first) set ⇔ the sibling at depth i + 1 is non-empty. */
  bitmap: Buffer;
  /** The non-empty siblings, in order of increasing depth. */
  siblings: Buffer[];
}

/** The proof for `key` from a walk of the current tree. */
export function proofFromWalk(w: Walk): MapProof {
  const bitmap = Buffer.alloc(KEY_BYTES);
  const siblings: Buffer[] = [];
  const add = (depth: number, h: Buffer): void => {
    bitmap[(depth - 1) >> 3]! |= 0x80 >> ((depth - 1) & 7);
    siblings.push(h);
  };
  for (const b of w.path) {
    // The key went to one child; the other is the sibling at depth b.depth + 1.
    add(b.depth + 1, slotHash(bitAt(w.key, b.depth) ? b.left : b.right, b.depth + 1));
  }
  const end = w.end;
  switch (end.kind) {
    case 'empty':
      return { terminal: 'empty', bitmap, siblings };
    case 'member':
      return { terminal: 'member', bitmap, siblings };
    case 'other':
      return { terminal: 'other', other: { key: end.slot.key, value: end.slot.value }, bitmap, siblings };
    case 'diverge':
      add(end.at + 1, slotHash(end.slot, end.at + 1));
      return { terminal: 'empty', bitmap, siblings };
  }
}

/** Proof size: 2 + 32 bytes, + 64 for terminal 'other', + 32 per non-empty sibling. */
export function encodeProof(p: MapProof): Buffer {
  const tag = p.terminal === 'member' ? 0 : p.terminal === 'empty' ? 1 : 2;
  const parts = [Buffer.of(1, tag), p.bitmap];
  if (p.terminal === 'other') parts.push(p.other!.key, p.other!.value);
  parts.push(...p.siblings);
  return Buffer.concat(parts);
}

export type ProofFailure =
  /** Not a well-formed canonical proof. */
  | 'malformed_proof'
  /** The proof is of membership but no value was claimed, or of non-membership but one was. */
  | 'state_mismatch'
  /** The other key of a non-membership proof is the key itself, or not on its path. */
  | 'wrong_other_leaf'
  /** Everything is well formed but the recomputed root is not the one expected. */
  | 'root_mismatch';

export type DecodeResult = { ok: true; proof: MapProof } | { ok: false; reason: 'malformed_proof'; detail: string };

const popcount = (b: Buffer): number => {
  let n = 0;
  for (const x of b) {
    let v = x;
    while (v) {
      v &= v - 1;
      n++;
    }
  }
  return n;
};

export function decodeProof(bytes: Buffer): DecodeResult {
  const bad = (detail: string): DecodeResult => ({ ok: false, reason: 'malformed_proof', detail });
  if (bytes.length < 2 + KEY_BYTES) return bad('proof is shorter than its header');
  if (bytes[0] !== 1) return bad(`unknown proof version ${bytes[0]}`);
  const tag = bytes[1]!;
  if (tag > 2) return bad(`unknown terminal ${tag}`);
  const bitmap = Buffer.from(bytes.subarray(2, 2 + KEY_BYTES));
  let off = 2 + KEY_BYTES;
  let other: MapProof['other'];
  if (tag === 2) {
    if (bytes.length < off + 2 * KEY_BYTES) return bad('proof is shorter than its other leaf');
    other = { key: Buffer.from(bytes.subarray(off, off + KEY_BYTES)), value: Buffer.from(bytes.subarray(off + KEY_BYTES, off + 2 * KEY_BYTES)) };
    off += 2 * KEY_BYTES;
  }
  const n = popcount(bitmap);
  if (bytes.length !== off + n * HASH_BYTES) return bad(`the bitmap marks ${n} non-empty siblings but the proof carries ${(bytes.length - off) / HASH_BYTES}`);
  const siblings: Buffer[] = [];
  for (let i = 0; i < n; i++) siblings.push(Buffer.from(bytes.subarray(off + i * HASH_BYTES, off + (i + 1) * HASH_BYTES)));
  const terminal: Terminal = tag === 0 ? 'member' : tag === 1 ? 'empty' : 'other';
  return { ok: true, proof: other ? { terminal, other, bitmap, siblings } : { terminal, bitmap, siblings } };
}

export type RootResult = { ok: true; root: Buffer; hashes: number } | { ok: false; reason: Exclude<ProofFailure, 'root_mismatch'>; detail: string };

/**
 * The root a proof leads to for `key` with `value` (a 32-byte digest; null claims the key is absent).
 * Refuses proofs that are not canonical: a sibling marked non-empty that is the empty hash of its
 * height, a terminal 'other' whose key is `key` itself or lies off its path.
 */
export function rootFromProof(key: Buffer, value: Buffer | null, p: MapProof): RootResult {
  if (key.length !== KEY_BYTES || p.bitmap.length !== KEY_BYTES) return { ok: false, reason: 'malformed_proof', detail: 'keys and the bitmap are 32 bytes' };
  if (value !== null && value.length !== HASH_BYTES) return { ok: false, reason: 'malformed_proof', detail: 'values are 32-byte digests' };
  if ((p.terminal === 'member') !== (value !== null)) {
    return {
      ok: false,
      reason: 'state_mismatch',
      detail: p.terminal === 'member' ? 'the proof shows the key present but the state says it is absent' : 'the proof shows the key absent but the state says it is present',
    };
  }
  // Depth of the terminal: the deepest non-empty sibling.
  let depth = 0;
  for (let byte = KEY_BYTES - 1; byte >= 0; byte--) {
    const x = p.bitmap[byte]!;
    if (x) {
      let bit = 7;
      while (((x >> (7 - bit)) & 1) === 0) bit--;
      depth = byte * 8 + bit + 1;
      break;
    }
  }
  let h: Buffer;
  if (p.terminal === 'member') h = leafHash(key, value!);
  else if (p.terminal === 'empty') h = emptyAt(depth);
  else {
    const o = p.other;
    if (!o || o.key.length !== KEY_BYTES || o.value.length !== HASH_BYTES) return { ok: false, reason: 'malformed_proof', detail: 'terminal other needs a 32-byte key and value' };
    if (o.key.equals(key)) return { ok: false, reason: 'wrong_other_leaf', detail: 'the other leaf is the key itself' };
    if (firstDifference(o.key, key, 0, depth) >= 0) return { ok: false, reason: 'wrong_other_leaf', detail: `the other leaf does not share the key's first ${depth} bits` };
    h = leafHash(o.key, o.value);
  }
  let hashes = 1;
  let next = p.siblings.length - 1;
  if (next + 1 !== popcount(p.bitmap)) return { ok: false, reason: 'malformed_proof', detail: 'sibling count does not match the bitmap' };
  for (let d = depth; d >= 1; d--) {
    const i = d - 1;
    let sib: Buffer;
    if ((p.bitmap[i >> 3]! >> (7 - (i & 7))) & 1) {
      sib = p.siblings[next--]!;
      if (sib.length !== HASH_BYTES) return { ok: false, reason: 'malformed_proof', detail: 'siblings are 32 bytes' };
      if (sib.equals(emptyAt(d))) return { ok: false, reason: 'malformed_proof', detail: `the sibling at depth ${d} is marked non-empty but is the empty hash` };
    } else sib = emptyAt(d);
    h = (key[i >> 3]! >> (7 - (i & 7))) & 1 ? nodeHashOf(sib, h) : nodeHashOf(h, sib);
    hashes++;
  }
  return { ok: true, root: h, hashes };
}

export type VerifyResult = { ok: true; hashes: number } | { ok: false; reason: ProofFailure; detail: string };

/** Verifies a (decoded) proof for `key` → `value` (null: absent) against `root`. */
export function verifyProof(root: Buffer, key: Buffer, value: Buffer | null, p: MapProof): VerifyResult {
  const r = rootFromProof(key, value, p);
  if (!r.ok) return r;
  if (!r.root.equals(root)) return { ok: false, reason: 'root_mismatch', detail: 'the proof does not lead to the expected root' };
  return { ok: true, hashes: r.hashes };
}

// ------------------------------------------------------------------------------------ updates

export interface Update {
  /** The new top slot (null: the map is empty). */
  top: Slot | null;
  /** Branches written (changed or new), deepest first. */
  upserts: Branch[];
  /** Branches removed. */
  deletes: Branch[];
  root: Buffer;
  /** False when the map already said this (same value, or deleting an absent key). */
  changed: boolean;
  /** The net change in the number of keys (-1, 0, 1). */
  sizeDelta: number;
}

const leafSlot = (key: Buffer, value: Buffer): LeafSlot => ({ leaf: true, key: Buffer.from(key), value: Buffer.from(value) });

/** Sets `key` to `value` (null: removes it) given a walk of the current tree for `key`. */
export function applyToWalk(top: Slot | null, w: Walk, key: Buffer, value: Buffer | null): Update {
  const end = w.end;
  const path = [...w.path];
  const deletes: Branch[] = [];
  const upserts: Branch[] = [];
  let sizeDelta = 0;
  let replacement: Slot | null;
  const unchanged = (): Update => ({ top, upserts: [], deletes: [], root: rootOf(top), changed: false, sizeDelta: 0 });
  if (end.kind === 'member') {
    if (value && end.slot.value.equals(value)) return unchanged();
    if (value) replacement = leafSlot(key, value);
    else {
      sizeDelta = -1;
      const parent = path.pop();
      if (!parent) replacement = null;
      else {
        // The parent branch goes; its other child moves up into the parent's place.
        deletes.push(parent);
        replacement = bitAt(key, parent.depth) ? parent.left : parent.right;
      }
    }
  } else {
    if (!value) return unchanged();
    sizeDelta = 1;
    if (end.kind === 'empty') replacement = leafSlot(key, value);
    else {
      const other: Slot = end.slot;
      const at = end.kind === 'diverge' ? end.at : firstDifference(key, end.slot.key, w.pos, DEPTH);
      if (at < 0) throw new TreeInconsistent('two keys on one path');
      const mine = leafSlot(key, value);
      const b: Branch = { depth: at, prefix: prefixOf(key, at), left: bitAt(key, at) ? other : mine, right: bitAt(key, at) ? mine : other };
      upserts.push(b);
      replacement = branchSlot(b);
    }
  }
  // Rehash the path bottom-up with the new child on the key's side.
  for (let i = path.length - 1; i >= 0; i--) {
    const old = path[i]!;
    const side = bitAt(key, old.depth);
    if (!replacement) throw new TreeInconsistent('a branch lost both children');
    const b: Branch = { depth: old.depth, prefix: old.prefix, left: side ? old.left : replacement, right: side ? replacement : old.right };
    upserts.push(b);
    replacement = branchSlot(b);
  }
  return { top: replacement, upserts, deletes, root: rootOf(replacement), changed: true, sizeDelta };
}

// ------------------------------------------------------------------------------------ in memory

/** The whole tree in memory (tests, the audit's replay, the benchmark). */
export class SparseMerkleTree implements TreeReader {
  top: Slot | null = null;
  size = 0;
  private readonly nodes = new Map<string, Branch>();

  branchAt(key: Buffer, depth: number): Branch | undefined {
    return this.nodes.get(bitString(key, depth));
  }

  get root(): Buffer {
    return rootOf(this.top);
  }

  get(key: Buffer): Buffer | undefined {
    const w = walk(this, key);
    return w.end.kind === 'member' ? w.end.slot.value : undefined;
  }

  /** Sets `key` to `value`, or removes it (null). Returns the new root. */
  set(key: Buffer, value: Buffer | null): Buffer {
    const u = applyToWalk(this.top, walk(this, key), key, value);
    for (const b of u.deletes) this.nodes.delete(branchId(b));
    for (const b of u.upserts) this.nodes.set(branchId(b), b);
    this.top = u.top;
    this.size += u.sizeDelta;
    return u.root;
  }

  prove(key: Buffer): MapProof {
    return proofFromWalk(walk(this, key));
  }

  branches(): IterableIterator<Branch> {
    return this.nodes.values();
  }

  /** Builds the tree from entries at once (keys distinct), much faster than one set() each. */
  static build(entries: readonly { key: Buffer; value: Buffer }[]): SparseMerkleTree {
    const t = new SparseMerkleTree();
    t.top = buildSorted(
      [...entries].sort((a, b) => Buffer.compare(a.key, b.key)),
      (b) => t.nodes.set(branchId(b), b),
    );
    t.size = entries.length;
    return t;
  }
}

/**
 * Builds the tree over entries sorted by key (distinct), calling `onBranch` for every branch, deepest
 * first within each subtree. Returns the top slot. Each key costs about two hashes.
 */
export function buildSorted(entries: readonly { key: Buffer; value: Buffer }[], onBranch: (b: Branch) => void): Slot | null {
  if (entries.length === 0) return null;
  const build = (lo: number, hi: number, from: number): Slot => {
    if (hi - lo === 1) return leafSlot(entries[lo]!.key, entries[lo]!.value);
    const first = entries[lo]!.key;
    const last = entries[hi - 1]!.key;
    const at = firstDifference(first, last, from, DEPTH);
    if (at < 0) throw new TreeInconsistent('duplicate key');
    // Sorted: keys with bit `at` = 0 come first.
    let a = lo;
    let b = hi - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (bitAt(entries[mid]!.key, at)) b = mid;
      else a = mid + 1;
    }
    const branch: Branch = { depth: at, prefix: prefixOf(first, at), left: build(lo, a, at + 1), right: build(a, hi, at + 1) };
    onBranch(branch);
    return branchSlot(branch);
  };
  return build(0, entries.length, 0);
}
