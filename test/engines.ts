import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openPglite, openPostgres, type Db, type Engine } from '../src/platform/db.ts';
import { withDatabase } from './global-setup.ts';

// Storage tests run on both engines with a fresh database per test file (per describeEngines block).

export function availableEngines(): Engine[] {
  return inject('pgAdminUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh database; on PostgreSQL also its URL, so a test can open a second pool as another process would. */
export async function freshDatabase(engine: Engine): Promise<Db & { url?: string }> {
  if (engine === 'pglite') {
    const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
    return openPglite(undefined, new Blob([snapshot]));
  }
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) throw new Error('PostgreSQL not available');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(adminUrl, { max: 1 });
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.close();
  const url = withDatabase(adminUrl, name);
  const db = openPostgres(url, { max: 20 });
  const close = db.close;
  return {
    ...db,
    url,
    close: async () => {
      await close();
      const a = openPostgres(adminUrl, { max: 1 });
      await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    },
  };
}

/** Declares the same tests once per engine, each with its own fresh database. */
export function describeEngines(name: string, body: (db: () => Db & { url?: string }, engine: Engine) => void): void {
  for (const engine of availableEngines()) {
    describe(`${name} [${engine}]`, () => {
      let db: (Db & { url?: string }) | undefined;
      beforeAll(async () => {
        db = await freshDatabase(engine);
      });
      afterAll(async () => {
        await db?.close();
      });
      body(() => {
        if (!db) throw new Error('database not ready');
        return db;
      }, engine);
    });
  }
}
