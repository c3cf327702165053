import { expect, it } from 'vitest';
import { migrate, MigrationHistoryError, readMigrations } from '../../src/platform/migrate.ts';
import { describeEngines } from '../engines.ts';

// Landed migrations are frozen: a changed or missing applied file stops the database from starting.

describeEngines('migration history', (db) => {
  it('records a checksum for every applied migration and accepts the same files again', async () => {
    const rows = (await db().query<{ name: string; checksum: string | null }>(`SELECT name, checksum FROM schema_migrations ORDER BY name`)).rows;
    // The template was migrated before checksums existed in some runs: migrate() fills them in.
    expect(await migrate(db())).toEqual([]);
    const after = (await db().query<{ name: string; checksum: string }>(`SELECT name, checksum FROM schema_migrations ORDER BY name`)).rows;
    expect(after.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
    expect(after.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect(rows.length).toBe(after.length);
  });

  it('refuses to start when an applied migration changed or is missing, naming it', async () => {
    const files = readMigrations();
    const edited = files.map((m, i) => (i === 1 ? { ...m, sql: `${m.sql}\n-- an innocent-looking edit\n` } : m));
    await expect(migrate(db(), edited)).rejects.toThrow(MigrationHistoryError);
    await expect(migrate(db(), edited)).rejects.toThrow(new RegExp(`${files[1]!.name} was changed after it was applied`));
    const missing = files.filter((_m, i) => i !== 2);
    await expect(migrate(db(), missing)).rejects.toThrow(new RegExp(`${files[2]!.name} was applied but its file is missing`));
    // A CRLF checkout is the same file.
    expect(await migrate(db(), files.map((m) => ({ ...m, sql: m.sql.replace(/\n/g, '\r\n') })))).toEqual([]);
  });
});
