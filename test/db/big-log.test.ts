import { expect, it } from 'vitest';
import { FILLER_KIND, FILLER_SUBJECT_TYPE, fillerEntry, fillLog } from '../../bench/lib/big-log.ts';
import { TRUST_REGISTRY } from '../../src/app/trust-registry.ts';
import type { Db } from '../../src/platform/db.ts';
import { runAudit } from '../../src/trust/audit.ts';
import { publishCheckpoint } from '../../src/trust/checkpoint-service.ts';
import { parseCheckpoint } from '../../src/trust/checkpoint.ts';
import { firstEntryWithDigest } from '../../src/trust/log-repo.ts';
import { appendEntries, consistencyProof, currentRoot, inclusionProof, readTile, type NewEntry } from '../../src/trust/log-service.ts';
import { rootFromLeafHashes, verifyConsistency, verifyInclusion } from '../../src/trust/merkle.ts';
import { parseNote } from '../../src/trust/note.ts';
import * as readCache from '../../src/trust/read-cache.ts';
import type { AuditCheck } from '../../src/trust/registry.ts';
import { describeEngines, freshDatabase } from '../engines.ts';
import { testContext } from '../factories.ts';

// bench/lib/big-log.ts writes a log with COPY instead of appendEntries. These tests hold it to the
// normal append path: the same entries appended both ways give the same rows, nodes, head and root,
// and the service's proofs over the generated log verify against a signed checkpoint.

const T = Date.parse('2026-12-01T00:00:00.000Z');
const real = (i: number): NewEntry => ({
  kind: 'contract_spec.published',
  subjectType: 'load_test',
  subjectId: `real-${i}`,
  version: 1,
  payloadDigest: `sha256:${String(i).padStart(64, '0')}`,
});
const filler = (idx: number, time: Date): NewEntry => {
  const { time: _t, ...e } = fillerEntry(idx, time.toISOString());
  return e;
};

// Both kinds are registered for these tests only: every logged id counts as present.
const present = (subjectType: string, kind: string): AuditCheck => ({
  subjectType,
  kinds: [kind],
  noun: `${subjectType} entry`,
  run: async (_ctx, logged) => ({ checked: logged.size, present: new Set(logged.keys()) }),
});
const checks = [...TRUST_REGISTRY.checks, present('load_test', 'contract_spec.published'), present(FILLER_SUBJECT_TYPE, FILLER_KIND)];

const dump = async (db: Db) => ({
  entries: (await db.query(`SELECT idx, kind, subject_type, subject_id, version, payload_digest, entry, leaf_hash, recorded_at FROM log_entries ORDER BY idx`)).rows,
  nodes: (await db.query(`SELECT level, idx, hash FROM log_nodes ORDER BY level, idx`)).rows,
  head: (await db.query(`SELECT size, frontier FROM log_head`)).rows,
  indexes: (await db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'log_entries' ORDER BY indexname`)).rows,
});

describeEngines('big-log generator', (db, engine) => {
  it('5,000 entries between real appends: the same rows, tile nodes, head and root as appendEntries; proofs verify; audit clean', async () => {
    const at = (ms: number) => () => new Date(T + ms);
    // Generated: 3 real entries, 5,000 filler entries by COPY (indexes dropped and rebuilt), 2 real entries.
    const gen = db();
    await appendEntries({ now: at(0) }, gen, [real(0), real(1), real(2)]);
    const ctx = testContext(gen);
    const filled = await fillLog(gen, { entries: 5000, time: new Date(T + 1000), batchRows: 1234, rebuildIndexes: true });
    expect(filled).toMatchObject({ from: 3, size: 5003, entries: 5000, nodes: 19 });
    await appendEntries({ now: at(2000) }, gen, [real(3), real(4)]);

    // Reference: the same entries through appendEntries only, in transactions of 500.
    const ref = await freshDatabase(engine);
    try {
      await appendEntries({ now: at(0) }, ref, [real(0), real(1), real(2)]);
      for (let i = 3; i < 5003; i += 500) {
        const batch = Array.from({ length: Math.min(500, 5003 - i) }, (_, k) => filler(i + k, new Date(T + 1000)));
        await ref.transaction((tx) => appendEntries({ now: at(1000) }, tx, batch));
      }
      await appendEntries({ now: at(2000) }, ref, [real(3), real(4)]);
      const [a, b] = [await dump(gen), await dump(ref)];
      expect(a.entries).toHaveLength(5005);
      expect(a.nodes).toHaveLength(19);
      expect(a.entries).toEqual(b.entries);
      expect(a.nodes).toEqual(b.nodes);
      expect(a.head).toEqual(b.head);
      expect(a.indexes).toEqual(b.indexes);
      const root = await currentRoot(gen);
      expect(root.root.equals((await currentRoot(ref)).root)).toBe(true);
    } finally {
      await ref.close();
    }

    // Signing the first checkpoint makes the log key, itself a log entry (5,005).
    const cp = parseCheckpoint(parseNote((await publishCheckpoint(ctx)).note).text);
    const leaves = (await gen.query<{ leaf_hash: Buffer }>(`SELECT leaf_hash FROM log_entries ORDER BY idx`)).rows.map((r) => r.leaf_hash);
    const { size, root } = await currentRoot(gen);
    expect(size).toBe(5006);
    expect(cp.size).toBe(size);
    expect(root.equals(rootFromLeafHashes(leaves))).toBe(true);
    expect(cp.rootHash.equals(root)).toBe(true);
    for (const index of [0, 2, 3, 255, 256, 4097, 5002, 5003, size - 1]) {
      expect(verifyInclusion(leaves[index]!, index, size, await inclusionProof(gen, index, size), cp.rootHash)).toBe(true);
      expect(verifyInclusion(leaves[index]!, index, size, await readCache.inclusionProof(ctx, index, size), cp.rootHash)).toBe(true);
    }
    for (const old of [3, 4, 256, 5003]) {
      const proof = await consistencyProof(gen, old, size);
      expect(verifyConsistency(old, size, rootFromLeafHashes(leaves, 0, old), cp.rootHash, proof)).toBe(true);
    }

    const audit = await runAudit(ctx, { credentials: TRUST_REGISTRY.credentials, checks });
    expect(audit.findings).toEqual([]);
    expect(audit.entries).toBe(5006);
  });

  it('70,001 entries into an empty log (a level-16 node): root, node counts, tiles and proofs across the 65,536 boundary', async () => {
    // Its own database: the first test's log is not empty.
    const d = await freshDatabase(engine);
    try {
      const ctx = testContext(d);
      const filled = await fillLog(d, { entries: 70_001 });
      expect(filled).toMatchObject({ from: 0, size: 70_001, nodes: 273 + 1 });
      const leaves = (await d.query<{ leaf_hash: Buffer }>(`SELECT leaf_hash FROM log_entries ORDER BY idx`)).rows.map((r) => r.leaf_hash);
      expect(leaves).toHaveLength(70_001);
      const count = await d.query<{ level: number; n: number }>(`SELECT level, count(*)::int AS n FROM log_nodes GROUP BY level ORDER BY level`);
      expect(count.rows).toEqual([
        { level: 8, n: 273 },
        { level: 16, n: 1 },
      ]);
      const cp = parseCheckpoint(parseNote((await publishCheckpoint(ctx)).note).text);
      expect(cp.size).toBe(70_002); // with the log key's entry
      const all = (await d.query<{ leaf_hash: Buffer }>(`SELECT leaf_hash FROM log_entries ORDER BY idx`)).rows.map((r) => r.leaf_hash);
      expect(cp.rootHash.equals(rootFromLeafHashes(all))).toBe(true);
      // The level-2 tile is the one level-16 node: the root of the first 65,536 entries.
      expect((await readTile(d, { level: 2, index: 0, width: 1 })).equals(rootFromLeafHashes(leaves, 0, 65_536))).toBe(true);
      for (const index of [0, 65_535, 65_536, 69_999, 70_000]) {
        expect(verifyInclusion(leaves[index]!, index, cp.size, await readCache.inclusionProof(ctx, index, cp.size), cp.rootHash)).toBe(true);
      }
      // The first entry with a digest comes from the digest index, also before any ANALYZE (a bulk
      // load's state): `ORDER BY idx LIMIT 1` would walk the primary key through the whole log.
      const late = fillerEntry(69_999, '').payloadDigest;
      expect(await firstEntryWithDigest(d, late)).toBe(69_999);
      const plan = await d.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT idx FROM log_entries WHERE payload_digest = $1`, [late]);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('log_entries_payload_idx');
      const early = fillerEntry(100, '').payloadDigest;
      await appendEntries({ now: () => new Date() }, d, [{ ...real(9), payloadDigest: early }]);
      expect(await firstEntryWithDigest(d, early)).toBe(100);
      expect(await firstEntryWithDigest(d, `sha256:${'f'.repeat(64)}`)).toBeUndefined();
      expect(verifyConsistency(65_537, cp.size, rootFromLeafHashes(leaves, 0, 65_537), cp.rootHash, await consistencyProof(d, 65_537, cp.size))).toBe(true);
    } finally {
      await d.close();
    }
  });
});
