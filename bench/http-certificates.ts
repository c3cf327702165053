// HTTP benchmark of the certificate API (issue #2). For each engine (file-backed PGlite, durable
// PostgreSQL) the real server runs in a child process on a loopback port over a seeded database;
// autocannon, in this process, drives:
//   (a) POST /api/v1/certificates             issuing, a unique PCR per request
//   (b) GET  /api/v1/certificates/:id          one certificate by id, as its producer
//   (c) GET  /api/v1/brands/:code/certificates/:pcr   by brand + PCR, as its producer
// Beside each figure, limits measured in the same run on the same machine, right before and right
// after it (so load from other processes moves the figure and its limits together):
//   - before: a bare Fastify route returning a fixed JSON body (its own child process, same
//     autocannon settings; GET for the reads, POST with a submission-sized JSON body for issuing)
//   - after: raw `SELECT * FROM certificates WHERE id = $1` through the same driver in the server
//     process, as many loops side by side as autocannon has connections.
// Run: npm run bench:http   (BENCH_DURATION_S, BENCH_CONNECTIONS, BENCH_ENGINES=pglite,postgres,
// BENCH_OPS=issue,id,pcr; BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server)
import autocannon, { type Result } from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../src/platform/db.ts';
import { ENGINES, startEngine } from './lib/engines.ts';
import type { ChildMessage, ParentMessage } from './lib/http-child.ts';
import { fmtInt, fmtRatio, loadNote, machineNote, table } from './lib/measure.ts';
import { submissionTemplate } from './lib/world.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RAW_SELECT_MS = 2000;
const WARMUP_S = 2;
/** Hard caps on requests per run, whatever the duration. */
const MAX_READS = 500_000;
const MAX_WRITES = 100_000;
const engines = (process.env.BENCH_ENGINES?.split(',') ?? ENGINES) as Engine[];
const ops = new Set(process.env.BENCH_OPS?.split(',') ?? ['issue', 'id', 'pcr']);
const serverNodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

const CHILD = fileURLToPath(new URL('./lib/http-child.ts', import.meta.url));

interface Child {
  proc: ChildProcess;
  ask: <T extends ParentMessage['type']>(
    m: ChildMessage | null,
    want: T,
  ) => Promise<Extract<ParentMessage, { type: T }>>;
  stop: () => Promise<void>;
}

function spawnChild(args: string[]): Child {
  const proc = fork(CHILD, args, {
    execArgv: ['--import', 'tsx', ...serverNodeArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask: Child['ask'] = (m, want) =>
    new Promise((resolve, reject) => {
      const onMessage = (r: ParentMessage): void => {
        if (r.type === 'error') {
          cleanup();
          reject(new Error(`server process: ${r.message}`));
        } else if (r.type === want) {
          cleanup();
          resolve(r as Extract<ParentMessage, { type: typeof want }>);
        }
      };
      const onExit = (code: number | null): void => {
        cleanup();
        reject(new Error(`server process exited (${code}) while waiting for ${want}`));
      };
      const cleanup = (): void => {
        proc.off('message', onMessage);
        proc.off('exit', onExit);
      };
      proc.on('message', onMessage);
      proc.on('exit', onExit);
      if (m) proc.send(m);
    });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      proc.send({ type: 'stop' } satisfies ChildMessage);
    });
  return { proc, ask, stop };
}

async function load(
  port: number,
  opts: {
    duration: number;
    max: number;
    method?: 'GET' | 'POST';
    path: string;
    headers?: Record<string, string>;
    body?: () => string;
  },
): Promise<Result> {
  const base = { method: opts.method ?? 'GET', path: opts.path, headers: opts.headers ?? {} };
  const body = opts.body;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: opts.duration,
    maxOverallRequests: opts.max,
    timeout: 30,
    requests: [body ? { ...base, setupRequest: (req) => ({ ...req, body: body() }) } : base],
  });
}

interface Row {
  operation: string;
  engine: string;
  result: Result;
  /** The bare Fastify run measured right before this one (GET for reads, POST for issuing). */
  bare: Result;
  /** Raw PK SELECTs per second measured right after this run. */
  selectLimit: number;
}

const rows: Row[] = [];
const notes: string[] = [];

function bareBody(): string {
  // A submission-sized JSON body, so the bare POST parses as much as the real one.
  const t = submissionTemplate({
    id: '',
    code: 'BARE',
    metal: 'CA',
    shapes: ['cathodes'],
    plant: { country: 'CL' },
  });
  return t.join('BARE-PCR-0001');
}

async function runEngine(engine: Engine): Promise<void> {
  const bare = spawnChild(['bare']);
  const handle = await startEngine(engine);
  const child = spawnChild(['app', engine, handle.location]);
  try {
    const barePort = (await bare.ask(null, 'ready')).port;
    const ready = await child.ask(null, 'ready');
    const seed = ready.seed!;
    const port = ready.port;
    const auth = { authorization: `Bearer ${seed.apiKey}` };

    const bareBodyText = bareBody();
    const bareGet = (duration: number): Promise<Result> =>
      load(barePort, { duration, max: MAX_READS, path: '/bare' });
    const barePost = (duration: number): Promise<Result> =>
      load(barePort, {
        duration,
        max: MAX_READS,
        method: 'POST',
        path: '/bare',
        headers: { 'content-type': 'application/json' },
        body: () => bareBodyText,
      });
    const rawSelect = async (concurrency: number): Promise<number> =>
      (await child.ask({ type: 'raw-select', ms: RAW_SELECT_MS, max: 5_000_000, concurrency }, 'raw-select'))
        .perSecond;

    const tag = randomBytes(3).toString('hex').toUpperCase();
    let n = 0;
    const post = {
      method: 'POST' as const,
      path: '/api/v1/certificates',
      headers: { ...auth, 'content-type': 'application/json' },
      body: (): string => seed.template.join(`H${tag}-${(n++).toString(36)}`),
    };
    const idPath = `/api/v1/certificates/${seed.certificateId}`;
    const pcrPath = `/api/v1/brands/${encodeURIComponent(seed.brandCode)}/certificates/${encodeURIComponent(seed.pcr)}`;

    // Warm both servers up (JIT, connection pools) before anything is recorded.
    await bareGet(WARMUP_S);
    await load(port, { duration: WARMUP_S, max: MAX_READS, path: idPath, headers: auth });

    const measured = [
      {
        op: 'issue',
        operation: 'POST /certificates (issue)',
        run: () => load(port, { duration: DURATION_S, max: MAX_WRITES, ...post }),
        bare: barePost,
      },
      {
        op: 'id',
        operation: 'GET /certificates/:id',
        run: () => load(port, { duration: DURATION_S, max: MAX_READS, path: idPath, headers: auth }),
        bare: bareGet,
      },
      {
        op: 'pcr',
        operation: 'GET /brands/:code/certificates/:pcr',
        run: () => load(port, { duration: DURATION_S, max: MAX_READS, path: pcrPath, headers: auth }),
        bare: bareGet,
      },
    ];
    // Each figure sits between its two limits, measured right before and after it, so a change of
    // load on the machine during the run moves the figure and its limits together.
    for (const m of measured.filter((x) => ops.has(x.op))) {
      const bareResult = await m.bare(DURATION_S);
      const result = await m.run();
      const selectLimit = await rawSelect(CONNECTIONS);
      rows.push({ operation: m.operation, engine, result, bare: bareResult, selectLimit });
      if (m.op === 'issue') {
        // Issue #20's write-path limit: durable single-row inserts from 8 clients, right after.
        const insert = (await child.ask({ type: 'raw-insert', ms: RAW_SELECT_MS, clients: 8 }, 'raw-insert')).perSecond;
        notes.push(
          `${engine}: issuing ${fmtInt(result.requests.average)} req/s against durable single-row INSERTs from 8 clients ${fmtInt(insert)}/s = ` +
            `${fmtRatio(result.requests.average / insert)} (goal ≥ 0.2 on PostgreSQL at 32 connections)`,
        );
      }
    }
    notes.push(
      `${engine}: raw PK SELECT with a single loop (no concurrency): ${fmtInt(await rawSelect(1))} q/s`,
    );
    const counts = await child.ask({ type: 'count' }, 'count');
    notes.push(
      `${engine}: certificates in the database after the run: ${JSON.stringify(counts.byStatus)} (every issuing request must give 'issued')`,
    );
  } finally {
    await child.stop();
    await bare.stop();
    handle.stop();
  }
}

const started = Date.now();
console.log(`# bench/http-certificates — ${new Date().toISOString()}`);
console.log(`machine: ${machineNote()}; ${loadNote()}`);
console.log(
  `autocannon: ${CONNECTIONS} connections, pipelining 1, ${DURATION_S} s per run (warm-up ${WARMUP_S} s), 127.0.0.1 only\n`,
);
for (const engine of engines) {
  console.log(`… ${engine}`);
  await runEngine(engine);
}

// autocannon records whole milliseconds: 0 means under 1 ms.
const acMs = (v: number): string => (v === 0 ? '<1' : String(Math.round(v)));
const bad = (r: Result): string => `${r.non2xx}/${r.errors + r.timeouts}`;
console.log(
  '\n' +
    table(
      [
        'operation',
        'engine',
        'req/s',
        'p50 ms',
        'p99 ms',
        'non-2xx/err',
        'raw limit: bare Fastify req/s (p50/p99 ms)',
        'ratio',
        'raw limit: PK SELECT q/s',
        'ratio',
      ],
      rows.map((r) => [
        r.operation,
        r.engine,
        fmtInt(r.result.requests.average),
        acMs(r.result.latency.p50),
        acMs(r.result.latency.p99),
        bad(r.result),
        `${r.bare.requests.average > 0 ? fmtInt(r.bare.requests.average) : '–'} ${r.operation.startsWith('POST') ? 'POST' : 'GET'} (${acMs(r.bare.latency.p50)}/${acMs(r.bare.latency.p99)})`,
        fmtRatio(r.result.requests.average / r.bare.requests.average),
        fmtInt(r.selectLimit),
        fmtRatio(r.result.requests.average / r.selectLimit),
      ]),
    ),
);
console.log('\n' + notes.map((n) => `- ${n}`).join('\n'));
console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s; at the end ${loadNote()}`);
const failed = rows.filter((r) => r.result.non2xx + r.result.errors + r.bare.non2xx + r.bare.errors > 0);
if (failed.length) {
  console.error(
    `\nNon-2xx responses or errors in: ${failed.map((r) => `${r.operation} [${r.engine}]`).join(', ')}`,
  );
  process.exitCode = 1;
}
