// The public read path (issue #20): autocannon, BENCH_CONNECTIONS (10) connections, on the real
// server over a log of BENCH_CERTIFICATES issued certificates, each route right after a bare
// Fastify route serving a pre-serialised 1.5 KB JSON body measured the same way in the same run
// (its own process, so load from others moves both together). Prints req/s, p99 and the ratio.
// Run: npm run bench:read-path   (BENCH_ENGINES=postgres,pglite BENCH_DURATION_S=5
// BENCH_CERTIFICATES=1500 BENCH_ROUTES=verification,proof,… BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
// ASSAY_PRINCIPAL_CACHE_MS=0 to look every API key up in the database)
import autocannon, { type Result } from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../src/platform/db.ts';
import { startEngine } from './lib/engines.ts';
import type { ReadChildMessage, ReadSeed } from './lib/read-child.ts';
import { fmtInt, fmtRatio, loadNote, machineNote, table } from './lib/measure.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 1500);
const engines = (process.env.BENCH_ENGINES?.split(',') ?? ['postgres']) as Engine[];
const serverNodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const CHILD = fileURLToPath(new URL('./lib/read-child.ts', import.meta.url));

function spawn(args: string[], nodeArgs: string[] = []): Promise<{ proc: ChildProcess; port: number; seed?: ReadSeed }> {
  const proc = fork(CHILD, args, { execArgv: ['--import', 'tsx', ...nodeArgs], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.on('message', (m: ReadChildMessage) => {
      if (m.type === 'error') reject(new Error(m.message));
      else resolve({ proc, port: m.port, ...(m.seed ? { seed: m.seed } : {}) });
    });
    proc.on('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
}

const stop = (proc: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.send({ type: 'stop' });
  });

const run = (port: number, path: string, headers: Record<string, string> = {}, duration = DURATION_S): Promise<Result> =>
  autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, pipelining: 1, duration, timeout: 30, requests: [{ method: 'GET', path, headers }] });

async function main(): Promise<void> {
  console.log(`# Read path (issue #20) — ${machineNote()}`);
  console.log(`autocannon ${CONNECTIONS} connections, ${DURATION_S} s per figure; ${loadNote()} at start`);
  const bare = await spawn(['bare']);
  for (const engine of engines) {
    const handle = await startEngine(engine);
    const t0 = Date.now();
    const app = await spawn(['app', engine, handle.location, String(CERTIFICATES)], serverNodeArgs);
    const seed = app.seed!;
    console.log(`\n## ${engine}: log of ${seed.logSize} entries (${CERTIFICATES} certificates seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    const auth = { authorization: `Bearer ${seed.apiKey}` };
    const id = seed.certificateId;
    const routes: [string, string, Record<string, string>][] = [
      ['verification', `/api/v1/certificates/${id}/verification`, {}],
      ['proof', `/api/v1/certificates/${id}/proof`, {}],
      ['credential', `/api/v1/certificates/${id}/credential`, auth],
      ['GET certificate', `/api/v1/certificates/${id}`, auth],
      ['/log/checkpoint', '/log/checkpoint', {}],
      ['full tile', '/log/tile/0/000', {}],
    ];
    const only = process.env.BENCH_ROUTES?.split(',');
    const rows: string[][] = [];
    for (const [name, path, headers] of routes) {
      if (only && !only.includes(name)) continue;
      await run(app.port, path, headers, 1); // warm-up (fills the caches)
      const b = await run(bare.port, '/bare');
      const r = await run(app.port, path, headers);
      const bad = r.non2xx + r.errors;
      const ratio = r.requests.average / b.requests.average;
      rows.push([
        name,
        fmtInt(r.requests.average),
        `${r.latency.p99} ms`,
        fmtInt(b.requests.average),
        `${b.latency.p99} ms`,
        fmtRatio(ratio),
        bad ? `${bad} non-2xx/errors` : 'ok',
        os.loadavg()[0]!.toFixed(1),
      ]);
      console.log(`  ${name}: ${fmtInt(r.requests.average)} req/s p99 ${r.latency.p99} ms; bare ${fmtInt(b.requests.average)} req/s → ${fmtRatio(ratio)}${bad ? ` (${bad} non-2xx/errors)` : ''}`);
    }
    console.log('\n' + table(['route', 'req/s', 'p99', 'bare req/s', 'bare p99', '× bare', 'answers', 'load 1m'], rows));
    await stop(app.proc);
    handle.stop();
  }
  await stop(bare.proc);
  console.log(`\n${loadNote()} at end`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
