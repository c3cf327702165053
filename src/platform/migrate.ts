import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

// Ordered plain-SQL migrations (migrations/NNNN_name.sql), each applied once in its own transaction
// under an advisory lock, so two processes starting together cannot both apply one. Landed
// migrations are frozen history: the SHA-256 of each applied file is recorded, and the database
// refuses to start when an applied migration's file changed or is gone.
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const LOCK_KEY = 4_217_001; // arbitrary, constant: the advisory lock id for migrations

export interface Migration {
  name: string;
  sql: string;
}

/** The checksum of a migration file; line endings are normalised so a Windows checkout agrees. */
export const migrationChecksum = (sql: string): string => createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');

export class MigrationHistoryError extends Error {
  constructor(readonly problems: string[]) {
    super(`The database's migration history does not match migrations/:\n  - ${problems.join('\n  - ')}\nLanded migrations are never edited or removed; add a new one instead.`);
    this.name = 'MigrationHistoryError';
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
     ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text`,
  );
  await checkHistory(db, migrations);
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [m.name]);
      if (seen.rowCount > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, migrationChecksum(m.sql)]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}

/**
 * Compares what was applied with the files. A migration applied before checksums were recorded
 * gets the file's checksum now (trusted once, checked from then on).
 */
async function checkHistory(db: Db, migrations: Migration[]): Promise<void> {
  const files = new Map(migrations.map((m) => [m.name, migrationChecksum(m.sql)]));
  const rows = (await db.query<{ name: string; checksum: string | null }>(`SELECT name, checksum FROM schema_migrations ORDER BY name`)).rows;
  const problems: string[] = [];
  for (const r of rows) {
    const sum = files.get(r.name);
    if (sum === undefined) problems.push(`${r.name} was applied but its file is missing`);
    else if (r.checksum !== null && r.checksum !== sum) problems.push(`${r.name} was changed after it was applied (checksum ${r.checksum.slice(0, 12)}…, file ${sum.slice(0, 12)}…)`);
  }
  if (problems.length > 0) throw new MigrationHistoryError(problems);
  for (const r of rows) {
    if (r.checksum === null) await db.query(`UPDATE schema_migrations SET checksum = $2 WHERE name = $1 AND checksum IS NULL`, [r.name, files.get(r.name)]);
  }
}
