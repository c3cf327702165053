import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAudit } from '../../src/app/trust-registry.ts';
import { setEncumbrance } from '../../src/encumbrance/index.ts';
import { verifyEncumbranceProof, type EncumbranceProofBundle } from '../../src/encumbrance/verify.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Db } from '../../src/platform/db.ts';
import type { App } from '../../src/platform/http.ts';
import { canonicalBytes, sha256 } from '../../src/trust/canonical.ts';
import { publishCheckpoint } from '../../src/trust/checkpoint-service.ts';
import { mapKey, mapRoot, signedMapProof } from '../../src/trust/map-service.ts';
import { encodeProof, SparseMerkleTree, verifyProof } from '../../src/trust/sparse-merkle.ts';
import type { TrustBundle } from '../../src/trust/trust.ts';
import { buildTrustBundle } from '../../src/trust/trust-service.ts';
import { digestBytes } from '../../src/trust/trust.ts';
import { describeEngines } from '../engines.ts';
import { testApp } from '../factories.ts';
import { independentBundleCheck } from '../fixtures/independent-smt.ts';
import { party, proposal, warrantFor, type Party } from '../fixtures/pledges.ts';
import { call, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';

// Encumbrance proofs end to end on both engines: the map kept in the database agrees with the
// in-memory tree; a pledge's acceptance, release and enforcement change the asset's state in the
// pledge's transaction; GET /api/v1/assets/{id}/encumbrance serves a proof against the latest
// signed checkpoint that verifies offline (product verifier, independent verifier, `assay verify`),
// and a tampered state, a stale root or another asset's proof fails with its own reason.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('encumbrance proofs', (db, engine) => {
  let app: App;
  let ctx: AppContext;
  let w: WarehouseWorld;
  let lender: Party;
  let trust: TrustBundle;
  const s: Json = {};

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    ctx = built.ctx;
    w = await warehouseWorld(app, ctx);
    lender = await party(ctx, 'lender');
    s.warrant = await warrantFor(app, w, w.traderOrg);
    s.other = await warrantFor(app, w, w.traderOrg);
    trust = await buildTrustBundle(ctx);
  });
  afterAll(async () => {
    await app.close();
  });

  const encumbrance = async (ref: string) => {
    const r = await call(app, 'GET', `/api/v1/assets/${ref}/encumbrance`, undefined);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<Json>();
  };
  const verify = (bundle: unknown, extra: { assetId?: string; minCheckpointSize?: number } = {}) => verifyEncumbranceProof({ bundle, trust, ...extra });

  it('stores the map so that its root and proofs are those of the same tree in memory', async () => {
    const mem = new SparseMerkleTree();
    const subjects = Array.from({ length: 120 }, () => `test-${randomBytes(6).toString('hex')}`);
    const digest = () => `sha256:${randomBytes(32).toString('hex')}`;
    for (const [i, subject] of subjects.entries()) {
      const state = { status: 'pledged' as const, pledgeDigest: digest() };
      await ctx.db.transaction((tx) => setEncumbrance(tx, subject, state, { clock: ctx }));
      mem.set(mapKey(subject), sha256(canonicalBytes(state)));
      if (i % 3 === 0) {
        await ctx.db.transaction((tx) => setEncumbrance(tx, subject, { status: 'free' }, { clock: ctx }));
        mem.set(mapKey(subject), null);
      }
    }
    // Setting what is already there changes and logs nothing.
    const same = await ctx.db.transaction((tx) => setEncumbrance(tx, subjects[0]!, { status: 'free' }, { clock: ctx }));
    expect(same).toMatchObject({ changed: false, logIndex: null });
    expect((await mapRoot(ctx.db, 'encumbrance')).equals(mem.root)).toBe(true);
    for (const subject of [...subjects.slice(0, 12), 'never-set-1', 'never-set-2']) {
      const p = await signedMapProof(ctx, 'encumbrance', subject);
      const value = p.record === null ? null : sha256(canonicalBytes(p.record));
      expect(p.proof.equals(encodeOf(mem, subject))).toBe(true);
      expect(verifyProof(mem.root, mapKey(subject), value, p.decoded).ok).toBe(true);
    }
    expect((await runAudit(ctx)).findings).toEqual([]);
  });

  it('proves a free warrant absent from the map against the latest signed checkpoint, publicly', async () => {
    const e = await encumbrance(s.warrant.number);
    expect(e).toMatchObject({ assetId: s.warrant.id, status: 'free', bundle: { state: { status: 'free' } } });
    const v = verify(e.bundle, { assetId: s.warrant.id });
    expect(v, JSON.stringify(v)).toMatchObject({ ok: true, state: { status: 'free' } });
    expect(independentBundleCheck(e.bundle, trust.log.verifierKey)).toBe('free');
    s.freeBundle = e.bundle;
    expect((await call(app, 'GET', `/api/v1/assets/WR-9999999999/encumbrance`, undefined)).statusCode).toBe(404);
  });

  it('sets the pledge digest when a pledge becomes active, in its transaction, never showing the lender', async () => {
    const p = (await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([s.warrant.id], lender.orgId))).json<Json>();
    s.pledge = p;
    // Proposed is not pledged.
    expect((await encumbrance(s.warrant.id)).status).toBe('free');
    expect((await call(app, 'POST', `/api/v1/pledges/${p.id}/acceptance`, lender.user)).statusCode).toBe(200);
    const statements = (await call(app, 'GET', `/api/v1/pledges/${p.id}/statements`, lender.user)).json<Json>().items;
    const acceptance = statements.find((x: Json) => x.kind === 'pledge.accepted') ?? statements[statements.length - 1];
    const e = await encumbrance(s.warrant.id);
    expect(e.status).toBe('pledged');
    expect(e.bundle.state.pledgeDigest).toBe(digestBytes(acceptance.statement ?? acceptance.credential));
    const body = JSON.stringify(e);
    expect(body).not.toContain(lender.orgId);
    expect(body).not.toContain(p.number);
    expect(verify(e.bundle, { assetId: s.warrant.id })).toMatchObject({ ok: true, state: { status: 'pledged' } });
    expect(independentBundleCheck(e.bundle, trust.log.verifierKey)).toBe('pledged');
    s.pledgedBundle = e.bundle;
  });

  it('fails a tampered state, a stale root and another asset’s proof, each with its reason', async () => {
    const b = s.pledgedBundle as EncumbranceProofBundle;
    // Tampered state: pledged → free, and another pledge digest.
    expect(verify({ ...b, state: { status: 'free' } })).toMatchObject({ ok: false, reason: 'state_mismatch' });
    expect(verify({ ...b, state: { status: 'pledged', pledgeDigest: `sha256:${'0'.repeat(64)}` } })).toMatchObject({ ok: false, reason: 'root_mismatch' });
    // The free proof from before the pledge, under the newer checkpoint: stale.
    const f = s.freeBundle as EncumbranceProofBundle;
    expect(verify({ ...f, checkpoint: b.checkpoint })).toMatchObject({ ok: false, reason: 'stale_root' });
    // The old checkpoint itself when the verifier has seen a newer one.
    expect(verify(f, { minCheckpointSize: b.checkpoint.size })).toMatchObject({ ok: false, reason: 'stale_root' });
    // Another asset: asked about the other warrant, or relabelled as it.
    expect(verify(b, { assetId: s.other.id })).toMatchObject({ ok: false, reason: 'wrong_asset' });
    expect(verify({ ...b, assetId: s.other.id })).toMatchObject({ ok: false, reason: 'wrong_asset' });
    expect(verify({ ...b, assetId: s.other.id, key: mapKey(s.other.id).toString('hex') })).toMatchObject({ ok: false });
    // The checkpoint altered, or judged with another log's key.
    expect(verify({ ...b, checkpoint: { ...b.checkpoint, note: b.checkpoint.note.replace(/^encumbrance .*$/m, `encumbrance ${Buffer.alloc(32, 1).toString('base64')}`) } })).toMatchObject({
      ok: false,
      reason: 'checkpoint_invalid',
    });
    // Any single bit of the proof, the root line or the state digest.
    const proof = Buffer.from(b.proof, 'base64');
    const passed: number[] = [];
    for (let i = 0; i < proof.length * 8; i++) {
      const c = Buffer.from(proof);
      c[i >> 3]! ^= 0x80 >> (i & 7);
      if (verify({ ...b, proof: c.toString('base64') }).ok) passed.push(i);
    }
    expect(passed).toEqual([]);
  });

  it('frees the asset on release, and the audit is clean', async () => {
    expect((await call(app, 'POST', `/api/v1/pledges/${s.pledge.id}/release`, lender.user, { reason: 'Loan repaid' })).statusCode).toBe(200);
    const e = await encumbrance(s.warrant.id);
    expect(e.status).toBe('free');
    expect(verify(e.bundle, { assetId: s.warrant.id })).toMatchObject({ ok: true, state: { status: 'free' } });
    expect(e.bundle.checkpoint.size).toBeGreaterThan(s.pledgedBundle.checkpoint.size);
    // The pledged proof is now stale against the newer checkpoint.
    expect(verify({ ...s.pledgedBundle, checkpoint: e.bundle.checkpoint })).toMatchObject({ ok: false, reason: 'stale_root' });
    s.releasedBundle = e.bundle;
    expect((await runAudit(ctx)).findings).toEqual([]);
  });

  it('frees the asset on enforcement, title moving to the lender', async () => {
    const p = (await call(app, 'POST', '/api/v1/pledges', w.trader, proposal([s.other.id], lender.orgId))).json<Json>();
    expect((await call(app, 'POST', `/api/v1/pledges/${p.id}/acceptance`, lender.user)).statusCode).toBe(200);
    expect((await encumbrance(s.other.id)).status).toBe('pledged');
    expect((await call(app, 'POST', `/api/v1/pledges/${p.id}/enforcement`, lender.user, { reason: 'Default on the facility' })).statusCode).toBe(200);
    expect((await encumbrance(s.other.id)).status).toBe('free');
    expect((await runAudit(ctx)).findings).toEqual([]);
  });

  // The tamper cases of the `encumbrance` subject type (test/db/tamper-cases.ts lists it here).
  it('names a SQL edit of the map in the audit', async () => {
    // One transaction: tamper, audit through the same connection, roll back.
    const audited = async (sql: string, params: unknown[] = []) => {
      let out = '';
      await ctx.db
        .transaction(async (tx) => {
          await tx.query(`SET LOCAL session_replication_role = replica`);
          await tx.query(sql, params);
          const txDb = { ...ctx.db, query: tx.query.bind(tx), exec: tx.exec.bind(tx) } as Db;
          out = (await runAudit({ ...ctx, db: txDb })).findings.map((f) => `${f.record}: ${f.message}`).join(' | ');
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
      return out;
    };
    const pledgedSubject = (await ctx.db.query<{ subject: string }>(`SELECT subject FROM map_leaves ORDER BY subject LIMIT 1`)).rows[0]!.subject;
    expect(await audited(`UPDATE map_leaves SET record = jsonb_set(record, '{pledgeDigest}', to_jsonb('sha256:' || repeat('0', 64))) WHERE subject = $1`, [pledgedSubject])).toContain(`asset ${pledgedSubject}`);
    expect(await audited(`DELETE FROM map_leaves WHERE subject = $1`, [pledgedSubject])).toContain(`asset ${pledgedSubject}`);
    expect(await audited(`UPDATE map_changes SET record = NULL WHERE log_index = (SELECT max(log_index) FROM map_changes WHERE record IS NOT NULL)`)).toMatch(/asset \S+/);
    expect(await audited(`UPDATE map_nodes SET left_slot = right_slot WHERE id = (SELECT id FROM map_nodes ORDER BY id LIMIT 1)`)).toContain('map encumbrance');
    expect(await audited(`UPDATE map_heads SET root = $1`, [Buffer.alloc(32, 9)])).toContain('map encumbrance');
  });

  if (engine === 'pglite') {
    it('verifies offline with `assay verify` and the trust file, and names what fails', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-enc-'));
      fs.writeFileSync(path.join(dir, 'trust.json'), JSON.stringify(trust));
      fs.writeFileSync(path.join(dir, 'answer.json'), JSON.stringify({ assetId: s.warrant.id, status: 'free', bundle: s.releasedBundle }));
      fs.writeFileSync(path.join(dir, 'tampered.json'), JSON.stringify({ ...s.releasedBundle, state: { status: 'pledged', pledgeDigest: `sha256:${'1'.repeat(64)}` } }));
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['bin/assay.mjs', 'verify', ...args, '--trust', path.join(dir, 'trust.json')], {
          encoding: 'utf8',
          env: { ...process.env, ASSAY_DATA_DIR: dir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
        });
      const ok = run(path.join(dir, 'answer.json'), '--asset', s.warrant.id);
      expect(ok.stdout + ok.stderr).toContain('VERIFIED');
      expect(ok.stdout).toContain('free of pledges as of checkpoint');
      expect(ok.status).toBe(0);
      const bad = run(path.join(dir, 'tampered.json'));
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/✗ encumbrance .*state_mismatch/);
      const other = run(path.join(dir, 'answer.json'), '--asset', s.other.id);
      expect(other.status).toBe(1);
      expect(other.stdout).toMatch(/wrong_asset/);
      const stale = run(path.join(dir, 'answer.json'), '--min-checkpoint', String(s.releasedBundle.checkpoint.size + 1));
      expect(stale.status).toBe(1);
      expect(stale.stdout).toMatch(/stale_root/);
    }, 60_000);
  }

  it('signs a new checkpoint for a proof when the map changed since the last one', async () => {
    await ctx.db.transaction((tx) => setEncumbrance(tx, 'late-asset', { status: 'pledged', pledgeDigest: `sha256:${'2'.repeat(64)}` }, { clock: ctx }));
    const before = await publishCheckpoint(ctx);
    await ctx.db.transaction((tx) => setEncumbrance(tx, 'late-asset', { status: 'free' }, { clock: ctx }));
    const p = await signedMapProof(ctx, 'encumbrance', 'late-asset');
    expect(p.checkpoint.size).toBeGreaterThan(before.size);
    expect(p.record).toBeNull();
  });
});

class Rollback extends Error {}

function encodeOf(t: SparseMerkleTree, subject: string): Buffer {
  return encodeProof(t.prove(mapKey(subject)));
}
