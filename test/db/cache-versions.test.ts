import { expect, it } from 'vitest';
import { describeEngines } from '../engines.ts';
import { makeApiKey, makeOrg, makeUser, testContext } from '../factories.ts';

// The numbers every process checks per request before trusting its caches
// (migrations/0014_cache_versions.sql): the principal epoch moves with every change that ends or
// narrows a session or key, whoever makes it, and only then; a status list's version is unique
// and increasing for every committed change, even when two writers' transactions began together.

describeEngines('cache versions', (db) => {
  const epoch = async (): Promise<number> => (await db().query<{ n: number }>(`SELECT n FROM principal_epoch`)).rows[0]!.n;

  it('the principal epoch moves with each change that ends or narrows a principal, and with nothing else', async () => {
    const ctx = testContext(db());
    const org = await makeOrg(db(), 'producer');
    const user = await makeUser(ctx, org.id, 'admin');
    const key = await makeApiKey(db(), org.id, ['read']);
    const prefix = key.split('_')[1]!;
    const token = user.cookie.split('=')[1]!;
    const { tokenHash } = await import('../../src/access/secrets.ts');

    const moves = async (sql: string, params: unknown[]): Promise<boolean> => {
      const before = await epoch();
      await db().query(sql, params);
      return (await epoch()) > before;
    };
    // Neither creating principals nor using them (last_used_at) moves it.
    expect(await moves(`UPDATE api_keys SET last_used_at = now() WHERE prefix = $1`, [prefix])).toBe(false);
    expect(await moves(`UPDATE users SET password_hash = 'x' WHERE id = $1`, [user.id])).toBe(false);
    // Each narrowing change does, once.
    expect(await moves(`UPDATE users SET role = 'member' WHERE id = $1`, [user.id])).toBe(true);
    expect(await moves(`UPDATE users SET role = 'member' WHERE id = $1`, [user.id])).toBe(false);
    expect(await moves(`UPDATE users SET name = 'Renamed' WHERE id = $1`, [user.id])).toBe(true);
    expect(await moves(`UPDATE api_keys SET scopes = '{read}' WHERE prefix = $1`, [prefix])).toBe(false);
    expect(await moves(`UPDATE api_keys SET scopes = '{}' WHERE prefix = $1`, [prefix])).toBe(true);
    expect(await moves(`UPDATE api_keys SET revoked_at = now() WHERE prefix = $1`, [prefix])).toBe(true);
    expect(await moves(`UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE prefix = $1`, [prefix])).toBe(false);
    expect(await moves(`UPDATE sessions SET expires_at = expires_at - interval '1 minute' WHERE token_hash = $1`, [tokenHash(token)])).toBe(true);
    expect(await moves(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash(token)])).toBe(true);
    expect(await moves(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash(token)])).toBe(false);
    expect(await moves(`UPDATE users SET disabled_at = now() WHERE id = $1`, [user.id])).toBe(true);
    expect(await moves(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash(token)])).toBe(true);
    expect(await moves(`UPDATE organisations SET kind = 'trader' WHERE id = $1`, [org.id])).toBe(true);
    // A rolled-back change leaves it where it was.
    const before = await epoch();
    await expect(
      db().transaction(async (tx) => {
        await tx.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [user.id]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await epoch()).toBe(before);
  });

  it('a status list’s version changes with every committed change, even one stamped with the previous change’s time', async () => {
    const org = await makeOrg(db(), 'producer');
    await db().query(`INSERT INTO status_lists (org_id, list_no, bits) VALUES ($1, 0, '\\x00')`, [org.id]);
    const version = async (): Promise<string> =>
      (await db().query<{ v: string }>(`SELECT updated_at::text AS v FROM status_lists WHERE org_id = $1 AND list_no = 0`, [org.id])).rows[0]!.v;
    const seen = new Set([await version()]);
    for (const byte of [1, 3, 7]) {
      const previous = await version();
      // As a writer whose transaction began in the same microsecond as the last one would stamp it.
      await db().query(`UPDATE status_lists SET bits = $2, updated_at = $3::timestamptz WHERE org_id = $1 AND list_no = 0`, [
        org.id,
        Buffer.from([byte]),
        previous,
      ]);
      const v = await version();
      expect(seen.has(v)).toBe(false);
      expect(new Date(v).getTime() >= new Date(previous).getTime()).toBe(true);
      seen.add(v);
    }
    // Even a writer whose clock is behind.
    const previous = await version();
    await db().query(`UPDATE status_lists SET bits = '\\x0f', updated_at = '2000-01-01' WHERE org_id = $1 AND list_no = 0`, [org.id]);
    expect(await version()).not.toBe(previous);
    expect(seen.has(await version())).toBe(false);
  });
});
