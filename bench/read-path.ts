// The public read path (issue #20): autocannon, BENCH_CONNECTIONS (10) connections, on the real
// server over a log of BENCH_CERTIFICATES issued certificates, each route right after a bare
// Fastify route serving a pre-serialised 1.5 KB JSON body measured the same way in the same run
// (its own process, so load from others moves both together). Prints req/s, p99 and the ratio.
// Run: npm run bench:read-path   (BENCH_ENGINES=postgres,pglite BENCH_DURATION_S=5
// BENCH_CERTIFICATES=1500 BENCH_ROUNDS=1 BENCH_ROUTES=verification,proof,… BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
// ASSAY_PRINCIPAL_CACHE_MS=0 to look every API key up in the database)
//
// Scale (issue #20 part 4): BENCH_LOG_ENTRIES=N (or `-- --log-entries N`; `npm run bench:read-path:10m`
// is N = 10,000,000) runs every figure on two fresh databases per engine: the plain log of
// BENCH_CERTIFICATES certificates, and one where a child process first writes N synthetic entries by
// COPY (bench/lib/big-log.ts; then VACUUM ANALYZE and CHECKPOINT) before the same certificates are
// issued, so the measured certificate's proofs span the big tree. Both servers run side by side and every figure is taken interleaved (bare, plain, big per
// route and round; BENCH_ROUNDS rounds, medians), so load swings on the shared machine hit both alike.
// Prints the generation rate beside a raw COPY of the same rows, the disk size, and each figure at
// both sizes with the ratio, and the CPU time per request of the server process plus PostgreSQL (the
// steadiest figure when other work shares the cores). BENCH_EXPLAIN=1 prints EXPLAIN ANALYZE of the log queries on each database.
import autocannon, { type Result } from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../src/platform/db.ts';
import { serverCpuMs, startEngine, type EngineHandle } from './lib/engines.ts';
import type { FillReport, ReadChildMessage, ReadSeed } from './lib/read-child.ts';
import { fmtInt, fmtRatio, loadNote, machineNote, processTreeCpuMs, table } from './lib/measure.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 1500);
const engines = (process.env.BENCH_ENGINES?.split(',') ?? ['postgres']) as Engine[];
const serverNodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const argAt = process.argv.indexOf('--log-entries');
const LOG_ENTRIES = Number(argAt > 0 ? process.argv[argAt + 1] : (process.env.BENCH_LOG_ENTRIES ?? 0));
const CHILD = fileURLToPath(new URL('./lib/read-child.ts', import.meta.url));

function spawn(args: string[], nodeArgs: string[] = []): Promise<{ proc: ChildProcess; port: number; seed?: ReadSeed }> {
  const proc = fork(CHILD, args, { execArgv: ['--import', 'tsx', ...nodeArgs], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.on('message', (m: ReadChildMessage) => {
      if (m.type === 'error') reject(new Error(m.message));
      else if (m.type === 'ready') resolve({ proc, port: m.port, ...(m.seed ? { seed: m.seed } : {}) });
    });
    proc.on('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
}

/** Fills a database's log in a child of its own (so neither the server nor the load generator ever holds the filler). */
function fillChild(engine: Engine, location: string, entries: number): Promise<FillReport> {
  const proc = fork(CHILD, ['fill', engine, location, String(entries)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.on('message', (m: ReadChildMessage) => {
      if (m.type === 'filled') resolve(m.fill);
      else if (m.type === 'error') reject(new Error(m.message));
    });
    proc.on('exit', (code) => reject(new Error(`fill child exited ${code}`)));
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

interface Figure {
  name: string;
  /** CPU time per request of the server process and PostgreSQL together (µs): far steadier than req/s under load. */
  cpuUs: number;
  rps: number;
  p99: number;
  bareRps: number;
  ratio: number;
}

const mb = (b: number): string => `${fmtInt(b / 2 ** 20)} MiB`;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Server {
  label: string;
  port: number;
  seed: ReadSeed;
  proc: ChildProcess;
  handle: EngineHandle;
}

/** A fresh database of the engine, seeded (after `filler` COPY entries when > 0), served by the real server. */
async function startServer(engine: Engine, filler: number, label: string): Promise<Server> {
  const handle = await startEngine(engine);
  const t0 = Date.now();
  const fill = filler > 0 ? await fillChild(engine, handle.location, filler) : undefined;
  const app = await spawn(['app', engine, handle.location, String(CERTIFICATES)], serverNodeArgs);
  const seed = app.seed!;
  console.log(
    `\n## ${engine}, ${label}: log of ${fmtInt(seed.logSize)} entries (${filler ? `${fmtInt(filler)} by COPY, then ` : ''}${CERTIFICATES} certificates; ready in ${((Date.now() - t0) / 1000).toFixed(0)} s); measured certificate at entry ${fmtInt(seed.certificateIndex)}`,
  );
  const f = fill;
  if (f) {
    const rate = f.entries / (f.ms / 1000);
    console.log(
      `generation: ${fmtInt(f.entries)} entries in ${(f.ms / 1000).toFixed(1)} s (of which index rebuild ${(f.indexMs / 1000).toFixed(1)} s) = ${fmtInt(rate)} entries/s, ` +
        `${mb(f.bytes)} of COPY text; raw COPY of ${fmtInt(f.rawRows)} same-shape rows (primary key only, no hashing) ${fmtInt(f.rawRowsPerSecond)} rows/s → ${fmtRatio(rate / f.rawRowsPerSecond)} × raw COPY`,
    );
    if (f.disk) console.log(`disk: log_entries ${mb(f.disk.entries)} (with indexes), log_nodes ${mb(f.disk.nodes)}, database ${mb(f.disk.database)}`);
  }
  return { label, port: app.port, seed, proc: app.proc, handle };
}

function routesOf(seed: ReadSeed): [string, string, Record<string, string>][] {
  const auth = { authorization: `Bearer ${seed.apiKey}` };
  const id = seed.certificateId;
  return [
    ['verification', `/api/v1/certificates/${id}/verification`, {}],
    ['proof', `/api/v1/certificates/${id}/proof`, {}],
    ['credential', `/api/v1/certificates/${id}/credential`, auth],
    ['GET certificate', `/api/v1/certificates/${id}`, auth],
    ['/log/checkpoint', '/log/checkpoint', {}],
    ['full tile', '/log/tile/0/000', {}],
  ];
}

/** CPU ms so far of the server process and of the whole PostgreSQL cluster behind it. */
const serverCpu = (s: Server): number => processTreeCpuMs(s.proc.pid!) + serverCpuMs(s.handle);

/**
 * Every route on every server, interleaved: per route and round, bare Fastify then each server in
 * turn, so the machine's load swings hit all of them alike. Medians over the rounds.
 */
async function measureAll(servers: Server[], bare: { port: number }, rounds: number): Promise<Figure[][]> {
  const only = process.env.BENCH_ROUTES?.split(',');
  const names = routesOf(servers[0]!.seed).map((r) => r[0]).filter((n) => !only || only.includes(n));
  const out: Figure[][] = servers.map(() => []);
  for (const name of names) {
    const samples: { rps: number; p99: number; bare: number; bad: number; cpuUs: number }[][] = servers.map(() => []);
    for (const s of servers) {
      const [, path, headers] = routesOf(s.seed).find((r) => r[0] === name)!;
      await run(s.port, path, headers, 1); // warm-up (fills the caches)
    }
    for (let round = 0; round < rounds; round++) {
      for (const [i, s] of servers.entries()) {
        const [, path, headers] = routesOf(s.seed).find((r) => r[0] === name)!;
        const b = await run(bare.port, '/bare');
        const cpu0 = serverCpu(s);
        const r = await run(s.port, path, headers);
        const cpuUs = ((serverCpu(s) - cpu0) / Math.max(1, r.requests.total)) * 1000;
        samples[i]!.push({ rps: r.requests.average, p99: r.latency.p99, bare: b.requests.average, bad: r.non2xx + r.errors, cpuUs });
        console.log(
          `  ${name} [${s.label}, round ${round + 1}]: ${fmtInt(r.requests.average)} req/s p99 ${r.latency.p99} ms, ${fmtInt(cpuUs)} µs CPU/req; bare ${fmtInt(b.requests.average)} req/s → ${fmtRatio(r.requests.average / b.requests.average)}` +
            `${r.non2xx + r.errors ? ` (${r.non2xx + r.errors} non-2xx/errors)` : ''}; load ${os.loadavg()[0]!.toFixed(1)}`,
        );
      }
    }
    servers.forEach((_, i) => {
      const xs = samples[i]!;
      const bad = xs.reduce((n, x) => n + x.bad, 0);
      if (bad > 0) console.log(`  ${name} [${servers[i]!.label}]: ${bad} non-2xx answers or errors (a full tile needs ≥ 256 entries)`);
      out[i]!.push({
        name,
        cpuUs: median(xs.map((x) => x.cpuUs)),
        rps: median(xs.map((x) => x.rps)),
        p99: median(xs.map((x) => x.p99)),
        bareRps: median(xs.map((x) => x.bare)),
        ratio: median(xs.map((x) => x.rps / x.bare)),
      });
    });
  }
  return out;
}

async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
  console.log(`# Read path (issue #20) — ${machineNote()}`);
  console.log(`autocannon ${CONNECTIONS} connections, ${DURATION_S} s per figure, ${rounds} round(s) (medians); ${loadNote()} at start`);
  const bare = await spawn(['bare']);
  for (const engine of engines) {
    const servers = [await startServer(engine, 0, 'plain log')];
    try {
      if (LOG_ENTRIES > 0) servers.push(await startServer(engine, LOG_ENTRIES, `${fmtInt(LOG_ENTRIES)} more entries`));
      const figures = await measureAll(servers, bare, rounds);
      servers.forEach((s, i) => {
        console.log(`\n### ${engine}, ${s.label} (${fmtInt(s.seed.logSize)} entries)`);
        console.log(
          table(
            ['route', 'req/s', 'p99', 'bare req/s', '× bare', 'CPU µs/req (server + PostgreSQL)'],
            figures[i]!.map((f) => [f.name, fmtInt(f.rps), `${f.p99} ms`, fmtInt(f.bareRps), fmtRatio(f.ratio), fmtInt(f.cpuUs)]),
          ),
        );
      });
      if (servers.length === 2) {
        const [small, big] = [figures[0]!, figures[1]!];
        console.log(`\n### ${engine}: ${fmtInt(servers[1]!.seed.logSize)} entries against ${fmtInt(servers[0]!.seed.logSize)} (flat = 1.00; goal: within 20 %, i.e. ≥ 0.80)`);
        const rows = small.map((s) => {
          const b = big.find((x) => x.name === s.name)!;
          return [
            s.name,
            fmtInt(s.rps),
            fmtInt(b.rps),
            fmtRatio(b.rps / s.rps),
            fmtRatio(b.ratio / s.ratio),
            `${fmtInt(s.cpuUs)} / ${fmtInt(b.cpuUs)}`,
            fmtRatio(s.cpuUs / b.cpuUs),
            `${s.p99} / ${b.p99} ms`,
          ];
        });
        console.log(
          table(['route', 'req/s plain', 'req/s big', 'req/s big ÷ plain', '× bare: big ÷ plain', 'CPU µs/req plain / big', 'CPU plain ÷ big', 'p99 plain / big'], rows),
        );
      }
    } finally {
      for (const s of servers) {
        await stop(s.proc);
        s.handle.stop();
      }
    }
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
