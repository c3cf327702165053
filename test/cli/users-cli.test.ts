import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../src/app/context.ts';
import * as accessRepo from '../../src/access/repo.ts';
import { addUser, signIn } from '../../src/access/service.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openPglite } from '../../src/platform/db.ts';
import { AppError } from '../../src/platform/errors.ts';

// The operator unlocks a locked sign-in with `assay user unlock <email>`: a real `assay` process
// on a real data directory, between two openings of the database by this test.

// Two failures lock, so the test needs no waiting; the command reads the same numbers.
const ENV = { ASSAY_SIGNIN_ACCOUNT_FREE_FAILURES: '1', ASSAY_SIGNIN_ACCOUNT_LOCK_FAILURES: '2', ASSAY_ARGON2_MEMORY_KIB: '1024', ASSAY_ARGON2_TIME_COST: '1' };
const PASSWORD = 'a long operator-set passphrase';

describe('assay user unlock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-cli-unlock-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/assay.mjs', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...ENV, ASSAY_DATA_DIR: dir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    });
  async function withDb<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
    const db = await openPglite(path.join(dir, 'pglite'));
    try {
      return await fn(await createContext(loadConfig({ ...ENV, ASSAY_DATA_DIR: dir }), db));
    } finally {
      await db.close();
    }
  }
  const attempt = (ctx: AppContext, email: string, password: string) =>
    signIn(ctx, email, password, '192.0.2.1').then(
      () => 'signed in',
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    );

  beforeAll(async () => {
    expect(run('migrate').status).toBe(0);
    await withDb(async (ctx) => {
      const org = await accessRepo.insertOrganisation(ctx.db, { name: 'Nordic Nickel', kind: 'producer', country: 'FI' });
      await addUser(ctx, { userId: null, apiKeyId: null, orgId: org.id }, org.id, { email: 'ops@nickel.example', name: 'Ops', role: 'admin', password: PASSWORD });
    });
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lifts a lock so the right password works again, and says when there was none', async () => {
    await withDb(async (ctx) => {
      expect(await attempt(ctx, 'ops@nickel.example', 'wrong wrong wrong')).toBe('unauthenticated');
      expect(await attempt(ctx, 'ops@nickel.example', 'wrong wrong wrong')).toBe('unauthenticated');
      expect(await attempt(ctx, 'ops@nickel.example', PASSWORD)).toBe('too_many_requests');
    });
    const r = run('user', 'unlock', 'OPS@nickel.example');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Unlocked ops@nickel.example (Ops): it may sign in again');
    expect(r.status).toBe(0);
    await withDb(async (ctx) => {
      expect(await attempt(ctx, 'ops@nickel.example', PASSWORD)).toBe('signed in');
      const audit = await ctx.db.query<{ action: string; details: { wasLocked: boolean } }>(
        `SELECT action, details FROM audit_events WHERE action IN ('sign_in.locked', 'user.unlocked') ORDER BY id`,
      );
      expect(audit.rows.map((a) => a.action)).toEqual(['sign_in.locked', 'user.unlocked']);
      expect(audit.rows[1]!.details.wasLocked).toBe(true);
    });
    const again = run('user', 'unlock', 'ops@nickel.example');
    expect(again.stdout).toContain('was not locked and had no recent failed sign-ins');
    // An email no one holds is locked like any other (a lock says nothing about who exists), and unlocked alike.
    await withDb(async (ctx) => {
      for (let i = 0; i < 2; i++) await attempt(ctx, 'ghost@nickel.example', 'wrong wrong wrong');
      expect(await attempt(ctx, 'ghost@nickel.example', 'wrong wrong wrong')).toBe('too_many_requests');
    });
    expect(run('user', 'unlock', 'ghost@nickel.example').stdout).toContain('Unlocked ghost@nickel.example (no user holds it)');
  }, 120_000);
});
