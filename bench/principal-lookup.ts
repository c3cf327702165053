// Who is asking (issue #20): authenticating one request by API key and by session cookie, with the
// principal cache (access/principal-cache.ts: one read of the principal epoch, plus the throttle
// rows for a key) and without it (ASSAY_PRINCIPAL_CACHE_MS=0: throttle read, key join and
// last_used_at update for a key; the session join for a cookie), 8 callers side by side, beside the
// engine's own limit measured in the same run: a primary-key point look-up with 8 clients.
// Run: npm run bench:principal   (BENCH_ENGINES=postgres,pglite BENCH_MS=3000)
import { randomBytes } from 'node:crypto';
import { prepareDatabase } from '../src/app/database.ts';
import * as accessRepo from '../src/access/repo.ts';
import { newToken, tokenHash } from '../src/access/secrets.ts';
import { principalFromApiKey, principalFromSession } from '../src/access/service.ts';
import type { Db, Engine } from '../src/platform/db.ts';
import { startEngine } from './lib/engines.ts';
import { fmtInt, fmtMs, fmtRatio, loadNote, machineNote, percentile, table, timedLoop } from './lib/measure.ts';
import { benchContext, seedProducer } from './lib/world.ts';

const MS = Number(process.env.BENCH_MS ?? 3000);
const CLIENTS = 8;
const engines = (process.env.BENCH_ENGINES?.split(',') ?? ['postgres']) as Engine[];

async function main(): Promise<void> {
  console.log(`# Principal look-up (issue #20) — ${machineNote()}`);
  console.log(`${CLIENTS} callers, ${MS / 1000} s per figure; ${loadNote()} at start`);
  for (const engine of engines) {
    const handle = await startEngine(engine);
    const db: Db = await handle.open();
    await prepareDatabase(db);
    const masterKey = randomBytes(32).toString('base64');
    const on = benchContext(db, undefined, { ASSAY_MASTER_KEY: masterKey });
    const off = benchContext(db, undefined, { ASSAY_MASTER_KEY: masterKey, ASSAY_PRINCIPAL_CACHE_MS: '0' });
    const producer = await seedProducer(on);
    const user = await accessRepo.insertUser(db, { orgId: producer.orgId, email: `bench-${randomBytes(3).toString('hex')}@example.test`, name: 'Bench', role: 'member', passwordHash: null });
    const token = newToken();
    await accessRepo.insertSession(db, { tokenHash: tokenHash(token), userId: user.id, expiresAt: new Date(Date.now() + 3600_000) });
    const prefix = producer.apiKey.split('_')[1]!;
    const loop = (op: () => Promise<unknown>) =>
      timedLoop(op, { ms: MS, max: 10_000_000, concurrency: CLIENTS, latencies: true, yieldEachOp: engine === 'pglite' });
    const must = (p: unknown) => {
      if (!p) throw new Error('authentication failed');
    };
    const figures: [string, () => Promise<unknown>][] = [
      ['point look-up (limit)', () => db.query('SELECT id FROM api_keys WHERE prefix = $1', [prefix])],
      ['API key, no cache', async () => must(await principalFromApiKey(off, producer.apiKey, '127.0.0.1'))],
      ['API key, cached', async () => must(await principalFromApiKey(on, producer.apiKey, '127.0.0.1'))],
      ['session, no cache', async () => must(await principalFromSession(off, token))],
      ['session, cached', async () => must(await principalFromSession(on, token))],
    ];
    const rows: string[][] = [];
    let limit = 0;
    for (const [name, op] of figures) {
      await loop(op); // warm-up (fills the cache)
      const r = await loop(op);
      if (!limit) limit = r.perSecond;
      rows.push([name, fmtInt(r.perSecond), fmtMs(percentile(r.latencies, 50)), fmtMs(percentile(r.latencies, 99)), fmtRatio(r.perSecond / limit)]);
      console.log(`  ${engine} ${name}: ${fmtInt(r.perSecond)}/s`);
    }
    console.log(`\n## ${engine}\n\n${table(['operation', 'per s', 'p50', 'p99', '× point look-up'], rows)}`);
    await db.close();
    handle.stop();
  }
  console.log(`\n${loadNote()} at end`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
