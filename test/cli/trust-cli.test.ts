import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/app/context.ts';
import { proofBundle } from '../../src/trust/checkpoint-service.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openPglite } from '../../src/platform/db.ts';
import { getVersion } from '../../src/certificates/repo.ts';

// The operator's and the verifier's view: real `assay` processes on a real data directory.
// `assay verify` gets nothing but files; `assay audit` sees the database as an attacker left it.

const run = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['bin/assay.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ASSAY_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
  });

async function withDb<T>(dataDir: string, fn: (ctx: Awaited<ReturnType<typeof createContext>>) => Promise<T>): Promise<T> {
  const db = await openPglite(path.join(dataDir, 'pglite'));
  try {
    return await fn(await createContext(loadConfig({ ASSAY_DATA_DIR: dataDir }), db));
  } finally {
    await db.close();
  }
}

describe('assay trust export / verify / audit', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-cli-'));
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-cli-other-'));
  let number = '';

  beforeAll(async () => {
    for (const d of [dir, other]) expect(run(d, 'seed', 'demo', '--certificates', '12').status).toBe(0);
    const { jwt, proof, n } = await withDb(dir, async (ctx) => {
      const r = await ctx.db.query<{ id: string; number: string; current_version: number }>(
        `SELECT c.id, c.number, c.current_version FROM certificates c WHERE c.status = 'issued' ORDER BY c.seq LIMIT 1`,
      );
      const row = r.rows[0]!;
      const v = (await getVersion(ctx.db, row.id, row.current_version))!;
      return { jwt: v.credential!, proof: await proofBundle(ctx, v.log_index), n: row.number };
    });
    number = n;
    fs.writeFileSync(path.join(dir, 'cred.jwt'), jwt);
    fs.writeFileSync(path.join(dir, 'proof.txt'), proof);
    expect(run(dir, 'trust', 'export', '--out', path.join(dir, 'trust.json')).status).toBe(0);
    expect(run(other, 'trust', 'export', '--out', path.join(other, 'trust.json')).status).toBe(0);
  }, 180_000);

  it('verifies a credential offline from the trust file and a proof bundle', () => {
    const r = run(dir, 'verify', path.join(dir, 'cred.jwt'), '--trust', path.join(dir, 'trust.json'), '--proof', path.join(dir, 'proof.txt'));
    expect(r.stdout).toContain('VERIFIED');
    expect(r.stdout).toContain(number);
    expect(r.stdout).toMatch(/✓ log_inclusion/);
    expect(r.status).toBe(0);
  });

  it('fails with a specific reason for the wrong trust file, a truncated proof and another log’s checkpoint', () => {
    const wrongTrust = run(dir, 'verify', path.join(dir, 'cred.jwt'), '--trust', path.join(other, 'trust.json'));
    expect(wrongTrust.status).toBe(1);
    expect(wrongTrust.stdout).toMatch(/✗ signature .*(not list|does not list)/);

    const proof = fs.readFileSync(path.join(dir, 'proof.txt'), 'utf8');
    const lines = proof.split('\n');
    const firstHash = lines.findIndex((l) => /^[A-Za-z0-9+/]{43}=$/.test(l));
    fs.writeFileSync(path.join(dir, 'truncated.txt'), [...lines.slice(0, firstHash), ...lines.slice(firstHash + 1)].join('\n'));
    const truncated = run(dir, 'verify', path.join(dir, 'cred.jwt'), '--trust', path.join(dir, 'trust.json'), '--proof', path.join(dir, 'truncated.txt'));
    expect(truncated.status).toBe(1);
    expect(truncated.stdout).toMatch(/✗ log_inclusion/);

    // The same proof judged with another registry's log key and origin.
    const mixed = JSON.parse(fs.readFileSync(path.join(dir, 'trust.json'), 'utf8'));
    mixed.log = JSON.parse(fs.readFileSync(path.join(other, 'trust.json'), 'utf8')).log;
    mixed.log.origin = 'elsewhere.example/log';
    fs.writeFileSync(path.join(dir, 'mixed.json'), JSON.stringify(mixed));
    const foreign = run(dir, 'verify', path.join(dir, 'cred.jwt'), '--trust', path.join(dir, 'mixed.json'), '--proof', path.join(dir, 'proof.txt'));
    expect(foreign.status).toBe(1);
    expect(foreign.stdout).toMatch(/✗ log_inclusion .*another log/);
  });

  it('audit is clean, then exits non-zero naming a certificate whose chemistry was changed in SQL', async () => {
    const clean = run(dir, 'audit');
    expect(clean.stdout).toContain('No findings');
    expect(clean.status).toBe(0);
    await withDb(dir, (ctx) =>
      ctx.db.query(
        `UPDATE certificate_versions SET content = jsonb_set(content, '{netWeightKg}', '"1.0"')
         WHERE certificate_id = (SELECT id FROM certificates WHERE number = $1)`,
        [number],
      ),
    );
    const dirty = run(dir, 'audit');
    expect(dirty.status).toBe(2);
    expect(dirty.stdout).toContain(`certificate ${number} version 1`);
  });
});
