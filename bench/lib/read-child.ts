// The server side of bench/read-path.ts, in its own process. Modes:
//   app <engine> <location> <certificates>  the real Assay server over a log of that many issued certificates
//   fill <engine> <location> <entries>      migrates the database and appends that many synthetic log
//                                           entries by COPY (big-log.ts), then VACUUM ANALYZE and a
//                                           checkpoint, as a live database would be at rest; sends
//                                           {type:'filled', fill} and exits (the server never holds them)
//   bare                                    bare Fastify serving a pre-serialised 1.5 KB JSON body
// Sends {type:'ready', port, seed?} over IPC; exits on {type:'stop'} or when the parent goes away.
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { prepareDatabase } from '../../src/app/database.ts';
import { buildServer } from '../../src/app/server.ts';
import { issueCertificate } from '../../src/certificates/service.ts';
import type { Db, Engine } from '../../src/platform/db.ts';
import { publishCheckpoint } from '../../src/trust/checkpoint-service.ts';
import { treeSize } from '../../src/trust/log-service.ts';
import { fillLog, logDiskBytes, rawCopyRate } from './big-log.ts';
import { openAt } from './engines.ts';
import { benchContext, seedProducer, submission } from './world.ts';

export interface FillReport {
  entries: number;
  ms: number;
  indexMs: number;
  /** COPY text bytes of log_entries. */
  bytes: number;
  /** The raw COPY limit of the same rows into a bare same-shape table, measured just before. */
  rawRowsPerSecond: number;
  rawRows: number;
  /** PostgreSQL only: on-disk bytes of log_entries (with indexes and TOAST), log_nodes, the database. */
  disk?: { entries: number; nodes: number; database: number };
}

export interface ReadSeed {
  apiKey: string;
  certificateId: string;
  /** The measured certificate's log entry. */
  certificateIndex: number;
  logSize: number;
}
export type ReadChildMessage =
  | { type: 'ready'; port: number; seed?: ReadSeed }
  | { type: 'filled'; fill: FillReport }
  | { type: 'error'; message: string };

/** A 1.5 KB JSON document, serialised once. */
export const BARE_BODY = JSON.stringify({
  status: 'ok',
  items: Array.from({ length: 24 }, (_, i) => ({ n: i, name: `item ${i}`, hash: 'x'.repeat(24) })),
});

const send = (m: ReadChildMessage): void => {
  process.send!(m);
};

async function fill(engine: Engine, location: string, entries: number): Promise<FillReport> {
  const db = await openAt(engine, location);
  try {
    await prepareDatabase(db);
    const rawRows = Math.min(entries, Number(process.env.BENCH_RAW_COPY_ROWS ?? 1_000_000));
    const raw = await rawCopyRate(db, rawRows);
    console.error(`  raw COPY of ${rawRows.toLocaleString('en-US')} log-shaped rows: ${Math.round(raw.rowsPerSecond).toLocaleString('en-US')} rows/s`);
    const step = Math.max(1, Math.floor(entries / 10));
    let next = step;
    const f = await fillLog(db, {
      entries,
      onProgress: (done) => {
        if (done >= next) {
          console.error(`  filler: ${done.toLocaleString('en-US')} entries`);
          next += step;
        }
      },
    });
    // At rest, as autovacuum would leave a live database: statistics, visibility map, dirty pages written.
    const v0 = performance.now();
    await db.query('VACUUM (ANALYZE) log_entries');
    await db.query('VACUUM (ANALYZE) log_nodes');
    if (engine === 'postgres') await db.query('CHECKPOINT');
    console.error(`  VACUUM ANALYZE and CHECKPOINT: ${((performance.now() - v0) / 1000).toFixed(1)} s`);
    return {
      entries: f.entries,
      ms: f.ms,
      indexMs: f.indexMs,
      bytes: f.bytes,
      rawRowsPerSecond: raw.rowsPerSecond,
      rawRows,
      ...(engine === 'postgres' ? { disk: await logDiskBytes(db) } : {}),
    };
  } finally {
    await db.close();
  }
}

/** EXPLAIN ANALYZE of the queries the read path makes on the log tables, for the measured certificate's entry. */
async function explainLogQueries(db: Db, certificateId: string): Promise<void> {
  const head = (await db.query<{ size: number }>(`SELECT size FROM log_head`)).rows[0]!.size;
  const entry = (await db.query<{ idx: number; payload_digest: string }>(
    `SELECT idx, payload_digest FROM log_entries WHERE subject_type = 'certificate' AND subject_id = $1 ORDER BY idx LIMIT 1`,
    [certificateId],
  )).rows[0]!;
  const tile = Math.floor(entry.idx / 256) * 256;
  const queries: [string, string, unknown[]][] = [
    ['first entry by digest (log-repo firstEntryWithDigest)', `SELECT idx FROM log_entries WHERE payload_digest = $1`, [entry.payload_digest]],
    ['entry at (log-repo entryAt)', `SELECT * FROM log_entries WHERE idx = $1`, [entry.idx]],
    ['revokedAt (certificates/repo.ts)', `SELECT recorded_at FROM log_entries WHERE subject_type = 'certificate' AND subject_id = $1 AND kind = 'certificate.revoked' ORDER BY idx DESC LIMIT 1`, [certificateId]],
    ['level-0 tile (leafHashes)', `SELECT leaf_hash FROM log_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx`, [tile, tile + 256]],
    ['level-1 tile (nodeHashes)', `SELECT hash FROM log_nodes WHERE level = $1 AND idx >= $2 AND idx < $3 ORDER BY idx`, [8, Math.floor(head / 65536) * 256, Math.floor(head / 65536) * 256 + 256]],
  ];
  for (const [what, sql, params] of queries) {
    const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    console.error(`  EXPLAIN ${what}:\n${plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
  }
}

async function main(): Promise<void> {
  const [mode, engine, location, count] = process.argv.slice(2);
  let close: () => Promise<void>;
  let port: number;
  let seed: ReadSeed | undefined;
  if (mode === 'bare') {
    const app = Fastify({ logger: false });
    app.get('/bare', (_req, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(BARE_BODY));
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
    close = () => app.close();
  } else if (mode === 'app' && (engine === 'pglite' || engine === 'postgres') && location) {
    const db = await openAt(engine as Engine, location);
    await prepareDatabase(db);
    // Per-address rate limiting is off: every request of the benchmark comes from one address.
    // ASSAY_PRINCIPAL_CACHE_MS=0 in the environment measures the API-key routes without the principal cache.
    const principalTtl = process.env.ASSAY_PRINCIPAL_CACHE_MS;
    const ctx = benchContext(db, 'http://127.0.0.1:3000', { ASSAY_RATE_LIMIT_MAX: '0', ...(principalTtl ? { ASSAY_PRINCIPAL_CACHE_MS: principalTtl } : {}) });
    const producer = await seedProducer(ctx);
    const n = Number(count ?? 1000);
    let first = '';
    for (let i = 0; i < n; i += 8) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(8, n - i) }, (_, j) =>
          issueCertificate(ctx, producer.principal, submission(producer.brand, `RP-${i + j}`, i + j + 1)) as Promise<{ id: string; status: string }>,
        ),
      );
      if (!first) first = batch.find((c) => c.status === 'issued')!.id;
    }
    await publishCheckpoint(ctx);
    if (process.env.BENCH_EXPLAIN && engine === 'postgres') await explainLogQueries(db, first);
    const app = await buildServer(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
    const logged = await db.query<{ idx: number }>(`SELECT idx FROM log_entries WHERE subject_type = 'certificate' AND subject_id = $1 ORDER BY idx LIMIT 1`, [first]);
    seed = { apiKey: producer.apiKey, certificateId: first, certificateIndex: logged.rows[0]?.idx ?? -1, logSize: await treeSize(db) };
    close = async () => {
      await app.close();
      await db.close();
    };
  } else if (mode === 'fill' && (engine === 'pglite' || engine === 'postgres') && location) {
    const m: ReadChildMessage = { type: 'filled', fill: await fill(engine, location, Number(count)) };
    process.send!(m, undefined, undefined, () => process.exit(0));
    return;
  } else {
    throw new Error('usage: read-child.ts bare | app <pglite|postgres> <location> <certificates> | fill <pglite|postgres> <location> <entries>');
  }
  process.on('message', (m: { type: string }) => {
    if (m.type === 'stop') void close().finally(() => process.exit(0));
  });
  process.on('disconnect', () => {
    void close().finally(() => process.exit(0));
  });
  send({ type: 'ready', port, ...(seed ? { seed } : {}) });
}

main().catch((e: unknown) => {
  if (process.send) send({ type: 'error', message: (e as Error).stack ?? String(e) });
  else console.error(e);
  process.exit(1);
});
