import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/platform/db.ts';
import { prepareDatabase } from '../src/app/database.ts';

// Migrates one PostgreSQL template database and one PGlite snapshot; every test file then gets a
// fresh copy of each (CREATE DATABASE … TEMPLATE, PGlite loadDataDir), so files never share state.
export const PG_TEMPLATE = 'assay_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string | null;
    pgTemplate: string;
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pgAdminUrl = process.env.ASSAY_TEST_PG_URL ?? null;
  if (!pgAdminUrl && process.env.ASSAY_REQUIRE_PG) {
    throw new Error('ASSAY_REQUIRE_PG is set but ASSAY_TEST_PG_URL is not: refusing to run on PGlite only');
  }

  if (pgAdminUrl) {
    const admin = openPostgres(pgAdminUrl, { max: 1 });
    await admin.exec(`DROP DATABASE IF EXISTS ${PG_TEMPLATE}`);
    await admin.exec(`CREATE DATABASE ${PG_TEMPLATE}`);
    await admin.close();
    const tpl = openPostgres(withDatabase(pgAdminUrl, PG_TEMPLATE), { max: 1 });
    await prepareDatabase(tpl);
    await tpl.close();
  }

  const lite = await openPglite(undefined);
  await prepareDatabase(lite);
  const blob = await lite.raw.dumpDataDir('gzip');
  await lite.close();
  const snapshot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'assay-pglite-')), 'snapshot.tar.gz');
  fs.writeFileSync(snapshot, Buffer.from(await blob.arrayBuffer()));

  project.provide('pgAdminUrl', pgAdminUrl);
  project.provide('pgTemplate', PG_TEMPLATE);
  project.provide('pgliteSnapshot', snapshot);

  return async () => {
    fs.rmSync(path.dirname(snapshot), { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
