import { expect, it } from 'vitest';
import { TRUST_REGISTRY } from '../../src/app/trust-registry.ts';
import { runAudit as runKernelAudit } from '../../src/trust/audit.ts';
import type { AuditCheck } from '../../src/trust/registry.ts';
import { appendEntries, consistencyProof, currentRoot, inclusionProof, lockLog } from '../../src/trust/log-service.ts';
import { publishCheckpoint } from '../../src/trust/checkpoint-service.ts';
import { parseCheckpoint } from '../../src/trust/checkpoint.ts';
import { rootFromLeafHashes, verifyConsistency, verifyInclusion } from '../../src/trust/merkle.ts';
import { parseNote } from '../../src/trust/note.ts';
import { openPostgres, transactionStats, type Db } from '../../src/platform/db.ts';
import { describeEngines } from '../engines.ts';
import { testContext } from '../factories.ts';

describeEngines('transparency log under concurrent writers', (db) => {
  it('eight writers × 1,000 entries give exactly 8,000 entries, no gaps or duplicates, and a clean audit', async () => {
    const ctx = testContext(db());
    const first = await publishCheckpoint(ctx); // signs the empty tree (and creates the log key)
    const writer = async (w: number) => {
      for (let batch = 0; batch < 200; batch++) {
        await ctx.db.transaction((tx) =>
          appendEntries(
            ctx,
            tx,
            Array.from({ length: 5 }, (_, i) => ({
              kind: 'contract_spec.published' as const,
              subjectType: 'load_test',
              subjectId: `w${w}-${batch * 5 + i}`,
              version: 1,
              payloadDigest: `sha256:${'0'.repeat(64)}`,
            })),
          ),
        );
        if (batch === 100 && w === 0) await publishCheckpoint(ctx);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    const rows = await db().query<{ idx: number; subject_id: string; leaf_hash: Buffer }>(
      `SELECT idx, subject_id, leaf_hash FROM log_entries WHERE subject_type = 'load_test' ORDER BY idx`,
    );
    expect(rows.rows).toHaveLength(8000);
    expect(new Set(rows.rows.map((r) => r.subject_id)).size).toBe(8000);
    const all = await db().query<{ idx: number; leaf_hash: Buffer }>(`SELECT idx, leaf_hash FROM log_entries ORDER BY idx`);
    all.rows.forEach((r, i) => expect(r.idx).toBe(i));

    const { size, root } = await currentRoot(db());
    expect(size).toBe(all.rows.length);
    expect(root.equals(rootFromLeafHashes(all.rows.map((r) => r.leaf_hash)))).toBe(true);

    const cp = await publishCheckpoint(ctx);
    const parsed = parseCheckpoint(parseNote(cp.note).text);
    expect(parsed.size).toBe(size);
    for (const index of [0, 1, 255, 256, 4097, size - 1]) {
      const proof = await inclusionProof(db(), index, size);
      expect(verifyInclusion(all.rows[index]!.leaf_hash, index, size, proof, parsed.rootHash)).toBe(true);
    }
    const older = parseCheckpoint(parseNote(first.note).text);
    expect(verifyConsistency(older.size, size, older.rootHash, parsed.rootHash, await consistencyProof(db(), older.size, size))).toBe(true);

    // The synthetic entries' subject type is registered for this test only: every logged id is present.
    const loadTest: AuditCheck = {
      subjectType: 'load_test',
      kinds: ['contract_spec.published'],
      noun: 'load-test entry',
      run: async (_ctx, logged) => ({ checked: logged.size, present: new Set(logged.keys()) }),
    };
    const audit = await runKernelAudit(ctx, { credentials: TRUST_REGISTRY.credentials, checks: [...TRUST_REGISTRY.checks, loadTest] });
    expect(audit.findings).toEqual([]);
    expect(audit.entries).toBe(size);
  });

  const entry = (subjectId: string) => ({
    kind: 'contract_spec.published' as const,
    subjectType: 'race_test',
    subjectId,
    version: 1,
    payloadDigest: `sha256:${'1'.repeat(64)}`,
  });

  /** Every entry's index is its position, and the head's root is the root of every leaf. */
  async function expectWholeLog(): Promise<number> {
    const all = await db().query<{ idx: number; leaf_hash: Buffer }>(`SELECT idx, leaf_hash FROM log_entries ORDER BY idx`);
    all.rows.forEach((r, i) => expect(r.idx).toBe(i));
    const { size, root } = await currentRoot(db());
    expect(size).toBe(all.rows.length);
    expect(root.equals(rootFromLeafHashes(all.rows.map((r) => r.leaf_hash)))).toBe(true);
    return size;
  }

  it('an append whose transaction rolls back leaves no trace; the appends handed out after it rerun and land once', async () => {
    const ctx = testContext(db());
    const before = (await currentRoot(db())).size;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const runs = new Map<string, number>();
    // The first transaction takes its indices, waits until the others have taken theirs after it, then fails.
    const failing = ctx.db
      .transaction(async (tx) => {
        await appendEntries(ctx, tx, [entry('doomed')]);
        await held;
        throw new Error('business rule failed after the append');
      })
      .catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 20));
    const later = ['a', 'b', 'c'].map((id) =>
      ctx.db.transaction(async (tx) => {
        runs.set(id, (runs.get(id) ?? 0) + 1);
        const [idx] = await appendEntries(ctx, tx, [entry(id)]);
        await tx.query(`UPDATE log_head SET size = size WHERE id = 1 AND $1::bigint >= 0`, [idx]);
        return idx;
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    release();
    expect(await failing).toBe('business rule failed after the append');
    const indices = await Promise.all(later);
    expect(new Set(indices).size).toBe(3);
    const rows = await db().query<{ idx: number; subject_id: string }>(`SELECT idx, subject_id FROM log_entries WHERE subject_type = 'race_test' ORDER BY idx`);
    // Each landed exactly once, at the index its (last) run returned; the failed one never landed.
    expect(rows.rows.map((r) => r.subject_id).sort()).toEqual(['a', 'b', 'c']);
    for (const r of rows.rows) expect(indices[['a', 'b', 'c'].indexOf(r.subject_id)]).toBe(r.idx);
    expect(await expectWholeLog()).toBe(before + 3);
    // Written by the statement sent with COMMIT, each entry references its columns (migration 0015).
    const stored = await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM log_entries WHERE subject_type = 'race_test' AND entry IS NOT NULL`);
    expect(stored.rows[0]!.n).toBe(0);
    // On PostgreSQL the three were handed indices after the doomed one, so they ran again; on PGlite
    // (one connection) they waited for it to end and ran once.
    for (const id of ['a', 'b', 'c']) expect(runs.get(id)).toBeGreaterThanOrEqual(1);
  });

  it('a transaction that appends twice, with another transaction appending in between, lands whole and in order', async () => {
    const ctx = testContext(db());
    const before = (await currentRoot(db())).size;
    let between!: () => void;
    const gap = new Promise<void>((r) => (between = r));
    const twice = ctx.db.transaction(async (tx) => {
      const first = await appendEntries(ctx, tx, [entry('twice-1')]);
      await gap;
      const second = await appendEntries(ctx, tx, [entry('twice-2'), entry('twice-3')]);
      return [...first, ...second];
    });
    await new Promise((r) => setTimeout(r, 20));
    const other = ctx.db.transaction((tx) => appendEntries(ctx, tx, [entry('between')]));
    await new Promise((r) => setTimeout(r, 20));
    between();
    const [mine, theirs] = await Promise.all([twice, other]);
    // One transaction's entries are consecutive, and each index is where its entry is.
    expect(mine[1]! - mine[0]!).toBe(1);
    expect(mine[2]! - mine[1]!).toBe(1);
    const rows = await db().query<{ idx: number; subject_id: string }>(`SELECT idx, subject_id FROM log_entries WHERE subject_id IN ('twice-1', 'twice-2', 'twice-3', 'between') ORDER BY idx`);
    expect(Object.fromEntries(rows.rows.map((r) => [r.subject_id, r.idx]))).toEqual({ 'twice-1': mine[0], 'twice-2': mine[1], 'twice-3': mine[2], between: theirs[0] });
    expect(await expectWholeLog()).toBe(before + 4);
    // And a transaction that appends twice with nothing in between extends its own append.
    const started = Date.now();
    const alone = await ctx.db.transaction(async (tx) => [...(await appendEntries(ctx, tx, [entry('alone-1')])), ...(await appendEntries(ctx, tx, [entry('alone-2')]))]);
    expect(alone[1]! - alone[0]!).toBe(1);
    expect(Date.now() - started).toBeLessThan(1500); // no wait for a predecessor that is itself
    await expectWholeLog();
  });

  it('transactions that lock the log first and ones that append speculatively, side by side, all land once', async () => {
    const ctx = testContext(db());
    const retries0 = transactionStats.retries;
    const speculative = async (w: number) => {
      for (let i = 0; i < 60; i++) await ctx.db.transaction((tx) => appendEntries(ctx, tx, [entry(`s${w}-${i}`)]));
    };
    const locking = async (w: number) => {
      for (let i = 0; i < 60; i++) {
        await ctx.db.transaction(async (tx) => {
          await lockLog(tx);
          await appendEntries(ctx, tx, [entry(`l${w}-${i}`)]);
          await appendEntries(ctx, tx, [entry(`l${w}-${i}b`)]);
        });
      }
    };
    await Promise.all([0, 1, 2].flatMap((w) => [speculative(w), locking(w)]));
    const rows = await db().query<{ subject_id: string }>(`SELECT subject_id FROM log_entries WHERE subject_type = 'race_test' AND subject_id ~ '^[sl][0-9]'`);
    expect(rows.rows).toHaveLength(3 * 60 * 3);
    expect(new Set(rows.rows.map((r) => r.subject_id)).size).toBe(3 * 60 * 3);
    await expectWholeLog();
    // The locking transactions wait for the speculative ones before them and those after them
    // build on what they leave: nothing needs to run twice.
    console.info(`[log] locking and speculative side by side: ${transactionStats.retries - retries0} reruns`);
    expect(transactionStats.retries - retries0).toBeLessThan(20);
  });

  it('two processes appending to one PostgreSQL (two pools, two sequencers): every entry once, in one tree, audit clean', async (t) => {
    const url = db().url;
    if (!url) return t.skip(); // PGlite is one process by construction
    const other: Db = openPostgres(url, { max: 10 });
    try {
      const ctxA = testContext(db());
      const ctxB = testContext(other);
      const retries0 = transactionStats.retries;
      const writer = async (ctx: typeof ctxA, name: string) => {
        for (let i = 0; i < 150; i++) {
          await ctx.db.transaction((tx) => appendEntries(ctx, tx, [entry(`${name}-${i}`), entry(`${name}-${i}b`)]));
        }
      };
      await Promise.all([0, 1, 2, 3].flatMap((w) => [writer(ctxA, `A${w}`), writer(ctxB, `B${w}`)]));
      const rows = await db().query<{ subject_id: string }>(`SELECT subject_id FROM log_entries WHERE subject_type = 'race_test' AND subject_id ~ '^[AB]'`);
      expect(rows.rows).toHaveLength(8 * 150 * 2);
      expect(new Set(rows.rows.map((r) => r.subject_id)).size).toBe(8 * 150 * 2);
      await expectWholeLog();
      const raceTest: AuditCheck = {
        subjectType: 'race_test',
        kinds: ['contract_spec.published'],
        noun: 'race-test entry',
        run: async (_ctx, logged) => ({ checked: logged.size, present: new Set(logged.keys()) }),
      };
      const loadTest: AuditCheck = { ...raceTest, subjectType: 'load_test', noun: 'load-test entry' };
      const audit = await runKernelAudit(ctxA, { credentials: TRUST_REGISTRY.credentials, checks: [...TRUST_REGISTRY.checks, raceTest, loadTest] });
      expect(audit.findings).toEqual([]);
      // The two processes did race (each lost some appends to the other and ran them again).
      console.info(`[log] two pools × 4 writers × 150 transactions: ${transactionStats.retries - retries0} reruns`);
    } finally {
      await other.close();
    }
  });
});
