import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { independentVerify } from '../../test/fixtures/independent-smt.ts';
import {
  decodeProof,
  EMPTY,
  EMPTY_ROOT,
  encodeProof,
  leafHash,
  nodeHashOf,
  SparseMerkleTree,
  verifyProof,
} from './sparse-merkle.ts';

// The sparse Merkle tree against hand-computed vectors, a map of 100,000 keys with 10,000 random
// membership and non-membership proofs (checked by the product's verifier and by an independent
// one written here from docs/ENCUMBRANCE.md), and every single-bit flip of a proof, a value and
// the root failing.

const H = (...parts: (number[] | Buffer)[]) => createHash('sha256').update(Buffer.concat(parts.map((p) => Buffer.from(p)))).digest();

const key = (i: number) => createHash('sha256').update(`asset-${i}`).digest();
const val = (i: number) => createHash('sha256').update(`state-${i}`).digest();

describe('sparse Merkle tree: vectors', () => {
  it('hashes the empty tree, one key and two keys as specified', () => {
    expect(EMPTY[0]).toEqual(H([2]));
    expect(EMPTY[1]).toEqual(H([1], H([2]), H([2])));
    expect(EMPTY_ROOT.toString('hex')).toBe('9b97517f25140762b9e187bae23a31ab78a4230354dece720bbbefcfce8de5a0');
    const t = new SparseMerkleTree();
    const k1 = Buffer.alloc(32); // 000…
    const k2 = Buffer.alloc(32, 0xff); // 111…
    const v = Buffer.alloc(32, 7);
    // One key: the leaf is lifted to the root.
    expect(t.set(k1, v)).toEqual(H([0], k1, v));
    // Two keys differing in bit 0: a branch at the root.
    expect(t.set(k2, v)).toEqual(H([1], H([0], k1, v), H([0], k2, v)));
    // Two keys differing only in bit 1: the branch at depth 1 on the left, the right of the root empty.
    const k3 = Buffer.alloc(32);
    k3[0] = 0x40;
    const u = new SparseMerkleTree();
    u.set(k1, v);
    u.set(k3, v);
    expect(u.root).toEqual(nodeHashOf(nodeHashOf(leafHash(k1, v), leafHash(k3, v)), EMPTY[255]!));
    // Removing returns to the earlier roots.
    expect(t.set(k2, null)).toEqual(H([0], k1, v));
    expect(t.set(k1, null)).toEqual(EMPTY_ROOT);
  });

  it('gives the same root built at once, by inserts in any order, and after deletes', () => {
    const entries = Array.from({ length: 2000 }, (_, i) => ({ key: key(i), value: val(i) }));
    const built = SparseMerkleTree.build(entries);
    const inc = new SparseMerkleTree();
    for (const e of [...entries].reverse()) inc.set(e.key, e.value);
    expect(inc.root).toEqual(built.root);
    for (let i = 1000; i < 2000; i++) inc.set(key(i), null);
    expect(inc.root).toEqual(SparseMerkleTree.build(entries.slice(0, 1000)).root);
    expect(inc.size).toBe(1000);
  });
});

describe('sparse Merkle tree: 10,000 random proofs in a map of 100,000', () => {
  const N = 100_000;
  const tree = SparseMerkleTree.build(Array.from({ length: N }, (_, i) => ({ key: key(i), value: val(i) })));
  const root = tree.root;

  it('verifies every membership and non-membership proof, with both verifiers', () => {
    let members = 0;
    let absent = 0;
    const failures: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      const member = n % 2 === 0;
      const i = Math.floor(Math.random() * N);
      const k = member ? key(i) : randomBytes(32);
      const v = member ? val(i) : null;
      const p = tree.prove(k);
      const bytes = encodeProof(p);
      const d = decodeProof(bytes);
      if (!d.ok || !verifyProof(root, k, v, d.proof).ok) failures.push(`product ${k.toString('hex')}`);
      if (!independentVerify(root, k, v, bytes)) failures.push(`independent ${k.toString('hex')}`);
      if (member) members++;
      else absent++;
    }
    expect(failures).toEqual([]);
    expect(members).toBe(5000);
    expect(absent).toBe(5000);
  });

  const verifies = (r: Buffer, k: Buffer, v: Buffer | null, bytes: Buffer) => {
    const d = decodeProof(bytes);
    return d.ok && verifyProof(r, k, v, d.proof).ok;
  };
  const flip = (b: Buffer, i: number) => {
    const c = Buffer.from(b);
    c[i >> 3]! ^= 0x80 >> (i & 7);
    return c;
  };

  it('fails on every single-bit flip of a proof, the value, the key or the root (membership and non-membership)', () => {
    const cases = [
      { k: key(17), v: val(17) as Buffer | null },
      { k: key(99_999), v: val(99_999) as Buffer | null },
      { k: randomBytes(32), v: null },
      { k: randomBytes(32), v: null },
    ];
    let flips = 0;
    const passed: string[] = [];
    const mustFail = (what: string, ok: boolean) => {
      flips++;
      if (ok) passed.push(what);
    };
    for (const [n, c] of cases.entries()) {
      const bytes = encodeProof(tree.prove(c.k));
      expect(verifies(root, c.k, c.v, bytes)).toBe(true);
      for (let i = 0; i < bytes.length * 8; i++) {
        const f = flip(bytes, i);
        mustFail(`case ${n} proof bit ${i}`, verifies(root, c.k, c.v, f));
        mustFail(`case ${n} proof bit ${i} (independent)`, independentVerify(root, c.k, c.v, f));
      }
      for (let i = 0; i < 256; i++) {
        mustFail(`case ${n} root bit ${i}`, verifies(flip(root, i), c.k, c.v, bytes));
        // A member's key is in its leaf; an absent key's proof stands for every key sharing its
        // path down to the terminal, so only a member's key must fail on any bit.
        if (c.v) {
          mustFail(`case ${n} key bit ${i}`, verifies(root, flip(c.k, i), c.v, bytes));
          mustFail(`case ${n} value bit ${i}`, verifies(root, c.k, flip(c.v, i), bytes));
        }
      }
      // The state itself: a member claimed absent, an absent key claimed present.
      mustFail(`case ${n} state flipped`, verifies(root, c.k, c.v ? null : val(1), bytes));
    }
    expect(passed).toEqual([]);
    expect(flips).toBeGreaterThan(10_000);
  });
});
