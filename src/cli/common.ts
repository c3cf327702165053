import fs from 'node:fs';
import path from 'node:path';
import { createContext, type AppContext } from '../app/context.ts';
import { prepareDatabase, type Prepared } from '../app/database.ts';
import { findOrganisation, findOrganisations, type Organisation } from '../access/organisations.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';

/** An expected failure: printed as one line (no stack) and the command exits non-zero. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** One line for a person: expected errors say what is wrong; anything else keeps its stack. */
export function describeError(e: unknown): { text: string; expected: boolean } {
  if (e instanceof CliError) return { text: e.message, expected: true };
  if (e instanceof AppError) {
    // Service errors name request fields (body.email); on the command line the field name is enough.
    const details = (e.details ?? []).map((d) =>
      d.path ? `${d.path.replace(/^body\./, '')}: ${d.message}` : d.message,
    );
    return { text: details.length ? `${e.message} (${details.join('; ')})` : e.message, expected: true };
  }
  if (e instanceof Error) return { text: e.stack ?? e.message, expected: false };
  return { text: String(e), expected: false };
}

/** loadConfig lists one problem a line; a command prints them on one. */
export const oneLine = (message: string): string =>
  message.replace(/:\n\s*- /, ': ').replace(/\n\s*- /g, '; ');

export function config(): Readonly<Config> {
  try {
    return loadConfig();
  } catch (e) {
    throw new CliError(oneLine((e as Error).message));
  }
}

export const describeDatabase = (c: Pick<Config, 'databaseUrl' | 'dataDir'>): string =>
  c.databaseUrl ? `PostgreSQL at ${redactUrl(c.databaseUrl)}` : `embedded PGlite in ${c.dataDir}/pglite`;

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: a second process opening the same directory corrupts it. A
 * lock file holding the owner's pid refuses the second opener; a lock left by a dead process is
 * taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'pglite.lock');
  const release = (): void => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new CliError(`Cannot lock ${file}: ${(e as Error).message}`);
      }
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(file, 'utf8').trim());
      } catch {
        continue; // released meanwhile
      }
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw new CliError(
          `The database in ${path.join(dataDir, 'pglite')} is in use by another Assay process (pid ${owner}); ` +
            'stop it first, or point ASSAY_DATA_DIR somewhere else',
        );
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new CliError(`Cannot lock ${file}: another process keeps taking it`);
}

/** Opens the configured database and brings its schema and reference data up to date. */
export async function openPrepared(c: Readonly<Config>): Promise<{ db: Db; prepared: Prepared }> {
  const unlock = c.databaseUrl ? () => undefined : lockDataDir(c.dataDir);
  let db: Db | undefined;
  try {
    const opened = await openDatabase(c);
    db = { ...opened, close: () => opened.close().finally(unlock) };
    const prepared = await prepareDatabase(db);
    return { db, prepared };
  } catch (e) {
    if (db) await db.close().catch(() => undefined);
    else unlock();
    throw new CliError(`Cannot open the database (${describeDatabase(c)}): ${(e as Error).message}`);
  }
}

/** Runs fn against the prepared database with a real-clock context, closing the database after. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const c = config();
  const { db } = await openPrepared(c);
  try {
    return await fn(await createContext(c, db));
  } finally {
    await db.close();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An organisation by id or by exact (case-insensitive) name. */
export async function resolveOrganisation(db: Db, ref: string): Promise<Organisation> {
  if (UUID.test(ref)) {
    const org = await findOrganisation(db, ref);
    if (org) return org;
    throw new CliError(`No organisation with id ${ref}`);
  }
  const all = await findOrganisations(db, {});
  const matches = all.filter((o) => o.name.toLowerCase() === ref.trim().toLowerCase());
  if (matches.length === 1) return matches[0]!;
  const near = all
    .filter((o) => o.name.toLowerCase().includes(ref.trim().toLowerCase()))
    .map((o) => `"${o.name}"`);
  throw new CliError(
    `No organisation named "${ref}"` +
      (near.length
        ? `; did you mean ${near.slice(0, 5).join(', ')}?`
        : all.length
          ? ''
          : ' (the database has no organisations yet)'),
  );
}

/** A comma-separated option checked against a closed list. */
export function parseList<T extends string>(raw: string, allowed: readonly T[], what: string): T[] {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length) throw new CliError(`Unknown ${what} ${bad.join(', ')} (choose from ${allowed.join(', ')})`);
  if (!items.length) throw new CliError(`Give at least one ${what} (${allowed.join(', ')})`);
  return [...new Set(items)] as T[];
}

export function parseCount(raw: string, what: string, max = 10_000_000): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n > max) {
    throw new CliError(`${what} must be a whole number between 0 and ${max} (got "${raw}")`);
  }
  return n;
}

export const print = (line = ''): void => {
  process.stdout.write(line + '\n');
};
