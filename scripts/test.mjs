// `npm test`: runs the whole suite on both engines. PGlite is always there; PostgreSQL comes from
// ASSAY_TEST_PG_URL (an admin connection to a server we may create databases on) or, when that is
// not set, from a throwaway cluster started here from the system's binaries. In CI a run without
// PostgreSQL fails instead of silently testing one engine.
import { spawnSync } from 'node:child_process';
import { findPostgresBin, startThrowawayPostgres } from './pg-throwaway.mjs';

const args = process.argv.slice(2);
let stop = () => undefined;
const env = { ...process.env };

if (!env.ASSAY_TEST_PG_URL) {
  if (findPostgresBin()) {
    const pg = await startThrowawayPostgres();
    stop = pg.stop;
    env.ASSAY_TEST_PG_URL = pg.adminUrl;
    console.log(`[test] throwaway PostgreSQL on port ${pg.port}`);
  } else if (env.CI) {
    console.error('[test] CI requires PostgreSQL: set ASSAY_TEST_PG_URL or install PostgreSQL server binaries.');
    process.exit(1);
  } else {
    console.warn('[test] PostgreSQL binaries not found: running the storage tests on PGlite only.');
  }
}
if (env.CI) env.ASSAY_REQUIRE_PG = '1';

const cleanup = () => stop();
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});
process.on('SIGTERM', () => {
  cleanup();
  process.exit(143);
});

const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], { stdio: 'inherit', env });
cleanup();
process.exit(r.status ?? 1);
