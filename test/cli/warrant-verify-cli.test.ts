import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/app/context.ts';
import { prepareDatabase } from '../../src/app/database.ts';
import { buildServer } from '../../src/app/server.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openPglite } from '../../src/platform/db.ts';
import { proofBundle } from '../../src/trust/checkpoint-service.ts';
import { call, issueCast, lotRows, warehouseWorld } from '../fixtures/warehouse.ts';

// Warrants verified the way a bank or a buyer would, with nothing but files: the register's trust
// file (`assay trust export`), a warrant's credential and proof as the public API hands them out,
// and a WarrantStatement (a transition, signed by the organisation that made it) from the
// statements its holder reads. `assay verify` runs as its own process.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Runs `assay` as its own process. Asynchronous, so the test worker stays responsive on a busy machine. */
function run(dataDir: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/assay.mjs', ...args], {
      env: { ...process.env, ASSAY_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The same JWT with its signed payload changed by `mutate` and re-encoded, the signature kept (what a forger would try). */
function altered(jwt: string, mutate: (payload: Json) => void): string {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Json;
  mutate(payload);
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

/** The same JWT with one byte of its signature flipped. */
function flippedSignature(jwt: string): string {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const sig = Buffer.from(s, 'base64url');
  sig[10] = sig[10]! ^ 0x01;
  return `${h}.${p}.${sig.toString('base64url')}`;
}

const kidOf = (jwt: string): string => JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')).kid;

describe('assay verify: warrant credentials and statements offline', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-cli-warrant-'));
  const file = (name: string) => path.join(dir, name);
  let number = '';
  let deliveredNumber = '';

  beforeAll(async () => {
    const db = await openPglite(path.join(dir, 'pglite'));
    try {
      await prepareDatabase(db);
      const ctx = await createContext(loadConfig({ ASSAY_DATA_DIR: dir, LOG_LEVEL: 'silent', ASSAY_ARGON2_MEMORY_KIB: '1024', ASSAY_ARGON2_TIME_COST: '1' }), db);
      const app = await buildServer(ctx);
      await app.ready();
      try {
        const w = await warehouseWorld(app, ctx);
        const casts = [await issueCast(app, w), await issueCast(app, w)];
        const receipt = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
          facilityId: w.facilityId,
          depositorOrgId: w.traderOrg,
          brand: w.brand.code,
          shape: 'cathodes',
          originCountry: 'CL',
          receivedOn: '2026-11-20',
          bundles: lotRows('A', ...casts),
        });
        expect(receipt.statusCode, receipt.body).toBe(201);
        const warrant = (await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId: receipt.json<Json>().lots[0].id })).json<Json>();
        number = warrant.number;
        // The trader moves title to a buyer: a WarrantStatement signed by the trader.
        expect((await call(app, 'POST', '/api/v1/warrants/transfers', w.trader, { warrantIds: [warrant.id], toOrgId: w.buyerOrg })).statusCode).toBe(200);

        // A second warrant, cancelled by its holder and loaded out: its status bit is set.
        const more = [await issueCast(app, w), await issueCast(app, w)];
        const second = await call(app, 'POST', '/api/v1/receipts', w.warehouse, {
          facilityId: w.facilityId,
          depositorOrgId: w.traderOrg,
          brand: w.brand.code,
          shape: 'cathodes',
          originCountry: 'CL',
          receivedOn: '2026-11-21',
          bundles: lotRows('B', ...more),
        });
        expect(second.statusCode, second.body).toBe(201);
        const delivered = (await call(app, 'POST', '/api/v1/warrants', w.warehouse, { lotId: second.json<Json>().lots[0].id })).json<Json>();
        deliveredNumber = delivered.number;
        expect((await call(app, 'POST', `/api/v1/warrants/${delivered.id}/cancellation`, w.trader, {})).statusCode).toBe(200);
        const out = await call(app, 'POST', `/api/v1/warrants/${delivered.id}/load-out`, w.warehouse, { reference: 'Truck HK-4471' });
        expect(out.statusCode, out.body).toBe(200);
        fs.writeFileSync(file('delivered.jwt'), (await call(app, 'GET', `/api/v1/warrants/${deliveredNumber}/credential`, undefined)).body);
        fs.writeFileSync(file('delivered-proof.txt'), (await call(app, 'GET', `/api/v1/warrants/${deliveredNumber}/proof`, undefined)).body);

        // What anyone may fetch: the credential and its proof.
        const credential = await call(app, 'GET', `/api/v1/warrants/${number}/credential`, undefined);
        expect(credential.statusCode).toBe(200);
        fs.writeFileSync(file('warrant.jwt'), credential.body);
        const proof = await call(app, 'GET', `/api/v1/warrants/${number}/proof`, undefined);
        expect(proof.statusCode).toBe(200);
        fs.writeFileSync(file('warrant-proof.txt'), proof.body);
        // What the holder reads: the statements, each with its log index.
        const statements = (await call(app, 'GET', `/api/v1/warrants/${warrant.id}/statements`, w.buyer)).json<Json>().items;
        expect(statements.map((s: Json) => s.kind)).toEqual(['warrant.issued', 'warrant.transferred']);
        for (const s of statements) {
          fs.writeFileSync(file(`statement-v${s.version}.jwt`), s.statement);
          fs.writeFileSync(file(`statement-v${s.version}-proof.txt`), await proofBundle(ctx, s.logIndex));
        }
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
    const exported = await run(dir, 'trust', 'export', '--out', file('trust.json'));
    expect(exported.status, exported.stderr).toBe(0);
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const verify = (jwt: string, proof: string) => run(dir, 'verify', file(jwt), '--trust', file('trust.json'), '--proof', file(proof));

  it('verifies the WarrantCredential from the trust file and its proof', async () => {
    const r = await verify('warrant.jwt', 'warrant-proof.txt');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${number}: 25 t CA`);
    expect(r.stdout).toMatch(/✓ signature/);
    expect(r.stdout).toMatch(/✓ log_inclusion/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('VERIFIED');
    expect(r.status).toBe(0);
    const json = JSON.parse((await run(dir, 'verify', file('warrant.jwt'), '--trust', file('trust.json'), '--proof', file('warrant-proof.txt'), '--json')).stdout);
    expect(json).toMatchObject({ ok: true, type: 'WarrantCredential', summary: { number } });
  });

  it('accepts the credential and its proof as one JSON file {credential, proof}', async () => {
    fs.writeFileSync(file('warrant.json'), JSON.stringify({ credential: fs.readFileSync(file('warrant.jwt'), 'utf8'), proof: fs.readFileSync(file('warrant-proof.txt'), 'utf8') }));
    const r = await run(dir, 'verify', file('warrant.json'), '--trust', file('trust.json'));
    expect(r.stdout).toMatch(/✓ log_inclusion/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('VERIFIED');
    expect(r.status).toBe(0);
  });

  it('fails a tampered credential (tonnage raised, or a flipped signature byte), naming the signature', async () => {
    fs.writeFileSync(file('inflated.jwt'), altered(fs.readFileSync(file('warrant.jwt'), 'utf8'), (p) => { p.credentialSubject.tonnes = '250'; }));
    const r = await verify('inflated.jwt', 'warrant-proof.txt');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ signature .*altered after signing/);
    // The proof commits to the exact signed bytes, so it no longer matches either.
    expect(r.stdout).toMatch(/✗ log_inclusion .*different entry/);
    expect(r.stdout).not.toContain('250 t');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('NOT VERIFIED');

    fs.writeFileSync(file('flipped.jwt'), flippedSignature(fs.readFileSync(file('warrant.jwt'), 'utf8')));
    const f = await verify('flipped.jwt', 'warrant-proof.txt');
    expect(f.status).toBe(1);
    expect(f.stdout).toMatch(/✗ signature .*altered after signing/);
    expect(f.stdout.trim().split('\n').at(-1)).toBe('NOT VERIFIED');
  });

  it('fails against the wrong key: another organisation\'s key under the warehouse\'s key id, or a trust file without it', async () => {
    const jwt = fs.readFileSync(file('warrant.jwt'), 'utf8');
    const kid = kidOf(jwt);
    const trust = JSON.parse(fs.readFileSync(file('trust.json'), 'utf8')) as Json;
    const own = trust.issuers.find((k: Json) => k.kid === kid);
    const other = trust.issuers.find((k: Json) => k.did !== own.did);
    expect(own).toBeDefined();
    expect(other).toBeDefined();
    fs.writeFileSync(file('trust-swapped.json'), JSON.stringify({ ...trust, issuers: trust.issuers.map((k: Json) => (k.kid === kid ? { ...k, publicKeyJwk: other.publicKeyJwk } : k)) }));
    const swapped = await run(dir, 'verify', file('warrant.jwt'), '--trust', file('trust-swapped.json'), '--proof', file('warrant-proof.txt'));
    expect(swapped.status).toBe(1);
    expect(swapped.stdout).toContain(`✗ signature      the signature does not verify with ${own.orgName}'s key ${kid}`);

    fs.writeFileSync(file('trust-without.json'), JSON.stringify({ ...trust, issuers: trust.issuers.filter((k: Json) => k.kid !== kid) }));
    const without = await run(dir, 'verify', file('warrant.jwt'), '--trust', file('trust-without.json'), '--proof', file('warrant-proof.txt'));
    expect(without.status).toBe(1);
    expect(without.stdout).toContain(`✗ signature      signed by a key the trust file does not list (kid ${kid})`);
  });

  it('fails a proof for another entry: the transfer\'s proof given with the warrant credential, and the credential\'s with the statement', async () => {
    const r = await verify('warrant.jwt', 'statement-v2-proof.txt');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✓ signature/);
    expect(r.stdout).toMatch(/✗ log_inclusion +proof is for a different entry: its log entry \(warrant\.transferred /);
    const s = await verify('statement-v2.jwt', 'warrant-proof.txt');
    expect(s.status).toBe(1);
    expect(s.stdout).toMatch(/✗ log_inclusion +proof is for a different entry: its log entry \(warrant\.issued /);
  });

  it('fails a warrant delivered out of the warehouse: its status bit in the trust file is set', async () => {
    const r = await verify('delivered.jwt', 'delivered-proof.txt');
    expect(r.stdout).toContain(`${deliveredNumber}: 25 t CA`);
    expect(r.stdout).toMatch(/✓ signature/);
    expect(r.stdout).toMatch(/✓ log_inclusion/);
    expect(r.stdout).toMatch(/✗ status +revoked \(status list \S+ index \d+/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('NOT VERIFIED');
    expect(r.status).toBe(1);
  });

  it('verifies the WarrantStatement of a transfer, signed by the holder that made it, and fails it rewritten', async () => {
    const r = await verify('statement-v2.jwt', 'statement-v2-proof.txt');
    expect(r.stdout).toContain(`${number} v2: warrant.transferred → live`);
    expect(r.stdout).toMatch(/✓ signature/);
    expect(r.stdout).toMatch(/✓ log_inclusion/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('VERIFIED');
    expect(r.status).toBe(0);
    // A statement rewritten to claim the warrant went to someone else.
    fs.writeFileSync(file('statement-altered.jwt'), altered(fs.readFileSync(file('statement-v2.jwt'), 'utf8'), (p) => { p.credentialSubject.holderOrgId = p.credentialSubject.previousHolderOrgId; }));
    const bad = await verify('statement-altered.jwt', 'statement-v2-proof.txt');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/✗ signature .*altered after signing/);
    expect(bad.stdout.trim().split('\n').at(-1)).toBe('NOT VERIFIED');
  });
});
