// The server side of bench/http-certificates.ts, run in its own process so the load generator
// and the server each get a core. Modes:
//   app  <engine> <location>  the real Assay server (buildServer) over a seeded database
//   bare                      a bare Fastify instance with fixed JSON routes (the HTTP limit)
// Talks to the parent over IPC: sends {type:'ready', …}; answers {type:'raw-select'} and
// {type:'count'}; exits on {type:'stop'}.
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { prepareDatabase } from '../../src/app/database.ts';
import { buildServer } from '../../src/app/server.ts';
import { issueCertificate } from '../../src/certificates/service.ts';
import type { Db, Engine } from '../../src/platform/db.ts';
import { openAt, rawInsertRate } from './engines.ts';
import { timedLoop } from './measure.ts';
import { benchContext, seedProducer, submission, submissionTemplate } from './world.ts';

export type ChildMessage =
  | { type: 'raw-select'; ms: number; max: number; concurrency: number }
  | { type: 'raw-insert'; ms: number; clients: number }
  | { type: 'count' }
  | { type: 'stop' };

export type ParentMessage =
  | {
      type: 'ready';
      port: number;
      seed?: { apiKey: string; brandCode: string; certificateId: string; pcr: string; template: string[] };
    }
  | { type: 'raw-select'; n: number; perSecond: number }
  | { type: 'raw-insert'; perSecond: number }
  | { type: 'count'; byStatus: Record<string, number> }
  | { type: 'error'; message: string };

const send = (m: ParentMessage): void => {
  process.send!(m);
};

// An identical fixed body for both bare routes.
const FIXED = { status: 'ok', service: 'bare', items: [1, 2, 3] };

async function main(): Promise<void> {
  const [mode, engine, location] = process.argv.slice(2);
  let db: Db | undefined;
  let close: () => Promise<void>;
  let port: number;
  let seed: Extract<ParentMessage, { type: 'ready' }>['seed'];
  let certificateId = '';

  if (mode === 'bare') {
    const app = Fastify({ logger: false });
    app.get('/bare', async () => FIXED);
    app.post('/bare', async () => FIXED);
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
    close = () => app.close();
  } else if (mode === 'app' && (engine === 'pglite' || engine === 'postgres') && location) {
    db = await openAt(engine as Engine, location);
    await prepareDatabase(db);
    // The per-address rate limit is off: the benchmark is one client address on purpose.
    const ctx = benchContext(db, 'http://127.0.0.1:3000', { ASSAY_RATE_LIMIT_MAX: '0' });
    const producer = await seedProducer(ctx);
    const pcr = 'SEED-0001';
    const cert = (await issueCertificate(ctx, producer.principal, submission(producer.brand, pcr))) as {
      id: string;
      status: string;
    };
    if (cert.status !== 'issued') throw new Error(`seed certificate is ${cert.status}, expected issued`);
    certificateId = cert.id;
    const app = await buildServer(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
    seed = {
      apiKey: producer.apiKey,
      brandCode: producer.brand.code,
      certificateId,
      pcr,
      template: submissionTemplate(producer.brand),
    };
    const d = db;
    close = async () => {
      await app.close();
      await d.close();
    };
  } else {
    throw new Error(`usage: http-child.ts bare | app <pglite|postgres> <location>`);
  }

  process.on('message', (m: ChildMessage) => {
    void (async () => {
      try {
        if (m.type === 'stop') {
          await close();
          process.exit(0);
        } else if (m.type === 'raw-select' && db) {
          const q = db;
          const r = await timedLoop(
            () => q.query(`SELECT * FROM certificates WHERE id = $1`, [certificateId]),
            {
              ms: m.ms,
              max: m.max,
              concurrency: m.concurrency,
            },
          );
          send({ type: 'raw-select', n: r.n, perSecond: r.perSecond });
        } else if (m.type === 'raw-insert' && db) {
          send({ type: 'raw-insert', perSecond: await rawInsertRate(db, { clients: m.clients, ms: m.ms }) });
        } else if (m.type === 'count' && db) {
          const r = await db.query<{ status: string; n: number }>(
            `SELECT status, count(*)::int AS n FROM certificates GROUP BY status`,
          );
          send({ type: 'count', byStatus: Object.fromEntries(r.rows.map((x) => [x.status, x.n])) });
        }
      } catch (e) {
        send({ type: 'error', message: (e as Error).stack ?? String(e) });
      }
    })();
  });
  // The parent going away must not leave a server behind.
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
