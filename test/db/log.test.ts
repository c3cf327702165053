import { expect, it } from 'vitest';
import { TRUST_REGISTRY } from '../../src/app/trust-registry.ts';
import { runAudit as runKernelAudit } from '../../src/trust/audit.ts';
import type { AuditCheck } from '../../src/trust/registry.ts';
import { appendEntries, consistencyProof, currentRoot, inclusionProof } from '../../src/trust/log-service.ts';
import { publishCheckpoint } from '../../src/trust/checkpoint-service.ts';
import { parseCheckpoint } from '../../src/trust/checkpoint.ts';
import { rootFromLeafHashes, verifyConsistency, verifyInclusion } from '../../src/trust/merkle.ts';
import { parseNote } from '../../src/trust/note.ts';
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
});
