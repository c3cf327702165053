// Pledge benchmark (issue #19), on a throwaway durable PostgreSQL (fsync on), in this process:
//   - the machine's limit, measured first in the same run: single-row durable INSERTs (autocommit,
//     one row each) from 8 clients at once, into a scratch table;
//   - pledge state changes per second under 8 concurrent lenders: each lender has a borrower
//     holding one live warrant, and loops propose (the borrower) → accept → release (the lender)
//     through the services, each step one transaction with its signed statement, log append, trail
//     event and pledge rows, as the API does it.
// Target: pledge state changes ≥ 0.25 × the 8-client single-row insert rate.
// Run: npm run bench:pledges   (BENCH_PHASE_S, default 10)
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../src/app/context.ts';
import { prepareDatabase } from '../src/app/database.ts';
import * as accessRepo from '../src/access/repo.ts';
import type { Authenticated, OrgKind, Scope } from '../src/access/principal.ts';
import { newApiKey } from '../src/access/secrets.ts';
import { listBrand } from '../src/brands/service.ts';
import { sampleSubmission, seededRng } from '../src/certificates/samples.ts';
import { issueCertificate } from '../src/certificates/service.ts';
import { acceptPledge, proposePledge, releasePledge } from '../src/pledges/pledge-service.ts';
import type { Db } from '../src/platform/db.ts';
import { recordSignedChange } from '../src/trust/signed-change.ts';
import { approveFacility } from '../src/warehouse/network-service.ts';
import { recordReceipt } from '../src/warehouse/receipt-service.ts';
import { issueWarrant } from '../src/warehouse/warrant-service.ts';
import { serverCpuMs, startEngine } from './lib/engines.ts';
import { fmtInt, fmtMs, fmtRatio, loadNote, machineNote, ownCpuMs, percentile, table } from './lib/measure.ts';
import { benchContext } from './lib/world.ts';

const PHASE_MS = Number(process.env.BENCH_PHASE_S ?? 10) * 1000;
const CLIENTS = 8;
const TARGET = 0.25;

async function principal(ctx: AppContext, kind: OrgKind, scopes: Scope[]): Promise<Authenticated> {
  const org = await accessRepo.insertOrganisation(ctx.db, { name: `Bench ${kind} ${randomBytes(4).toString('hex')}`, kind, country: 'GB' });
  const { prefix, secretHash } = newApiKey();
  const key = await accessRepo.insertApiKey(ctx.db, { orgId: org.id, name: 'bench', prefix, secretHash, scopes, createdBy: null });
  return { type: 'api_key', keyId: key.id, orgId: org.id, orgKind: kind, scopes };
}

/** A warehouse world with one live warrant per borrower (two casts of 12.5 t each). */
async function seed(ctx: AppContext, borrowers: Authenticated[]): Promise<string[]> {
  const exchange = await principal(ctx, 'exchange', ['admin']);
  const producer = await principal(ctx, 'producer', ['admin']);
  const warehouse = await principal(ctx, 'warehouse', ['admin']);
  const code = `PB${randomBytes(2).toString('hex').toUpperCase()}`;
  const brand = await listBrand(ctx, exchange, {
    code,
    name: `Bench brand ${code}`,
    metal: 'CA',
    producerOrgId: producer.orgId,
    plant: { name: `Plant ${code}`, country: 'CL' },
    shapes: ['cathodes'],
    annualCapacityTonnes: '250000',
    listedFrom: '2020-01-01',
  });
  const facility = await approveFacility(ctx, exchange, { warehouseOrgId: warehouse.orgId, location: 'HONGKONG', name: 'Bench shed', metals: ['CA'], minDailyLoadOutTonnes: '60', approvedFrom: '2025-02-01' });
  const warrants: string[] = [];
  let n = 0;
  for (const b of borrowers) {
    const casts = [];
    for (let c = 0; c < 2; c++) {
      const pcr = `BP${Date.now().toString(36).toUpperCase()}${(n++).toString(36).toUpperCase()}`;
      const bundles = Array.from({ length: 5 }, (_v, i) => ({ number: `${pcr}-${i + 1}`, pieces: 25, netKg: '2500', grossKg: '2510.0' }));
      const base = sampleSubmission('CA', { code: brand.code, shapes: brand.shapes, country: 'CL' }, pcr, '2026-10-01', seededRng(n));
      await issueCertificate(ctx, producer, { ...base, bundles, pieces: 125, netWeightKg: '12500.0', grossWeightKg: '12550.0' });
      casts.push({ pcr, bundles });
    }
    const receipt = await recordReceipt(ctx, warehouse, {
      facilityId: facility.id,
      depositorOrgId: b.orgId,
      brand: brand.code,
      shape: 'cathodes',
      originCountry: 'CL',
      receivedOn: '2026-11-20',
      bundles: casts.flatMap((c) => c.bundles.map((x) => ({ lot: 'L', pcr: c.pcr, bundleRef: x.number, pieces: x.pieces, grossKg: x.grossKg, netKg: x.netKg }))),
    });
    const lot = receipt.lots[0]!;
    if (!lot.warrantable || !lot.id) throw new Error(`bench lot not warrantable: ${lot.reasons.join('; ')}`);
    warrants.push((await issueWarrant(ctx, warehouse, { lotId: lot.id })).id);
  }
  return warrants;
}

/** `CLIENTS` loops side by side for PHASE_MS; each counts the state changes it made. */
async function phase(work: (client: number, record: (ms: number) => void) => Promise<void>): Promise<{ n: number; seconds: number; latencies: number[]; cpuMs: number }> {
  const latencies: number[] = [];
  const deadline = performance.now() + PHASE_MS;
  const cpu0 = ownCpuMs();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_v, client) => {
      while (performance.now() < deadline) await work(client, (ms) => latencies.push(ms));
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { n: latencies.length, seconds, latencies, cpuMs: ownCpuMs() - cpu0 };
}

async function rawInserts(db: Db) {
  await db.exec(`CREATE TABLE IF NOT EXISTS bench_single_row (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)`);
  const payload = randomBytes(48).toString('hex');
  return phase(async (_c, record) => {
    const t = performance.now();
    await db.query(`INSERT INTO bench_single_row (payload) VALUES ($1)`, [payload]);
    record(performance.now() - t);
  });
}

/** The floor of any logged change: a transaction holding one trail event and one log entry, nothing else. */
async function bareLoggedChanges(ctx: AppContext, actors: Authenticated[]) {
  let n = 0;
  return phase(async (client, record) => {
    const t = performance.now();
    await ctx.db.transaction((tx) =>
      recordSignedChange(ctx, tx, {
        log: { kind: 'bench.noted', subjectType: 'bench_note', subjectId: `${client}`, version: n++ },
        payload: { record: { client, n } },
        event: { actor: { userId: null, apiKeyId: null, orgId: actors[client]!.orgId } },
      }),
    );
    record(performance.now() - t);
  });
}

async function main(): Promise<void> {
  console.log(`Pledge benchmark — ${machineNote()}`);
  const handle = await startEngine('postgres');
  try {
    const db = await handle.open();
    await prepareDatabase(db);
    const ctx = benchContext(db);
    const lenders: Authenticated[] = [];
    const borrowers: Authenticated[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      lenders.push(await principal(ctx, i % 4 === 3 ? 'clearing_house' : 'lender', ['read', 'pledges:write']));
      borrowers.push(await principal(ctx, 'trader', ['read', 'pledges:write', 'warrants:write']));
    }
    const warrants = await seed(ctx, borrowers);
    // Warm up: keys unwrapped, statements prepared once.
    for (let i = 0; i < CLIENTS; i++) {
      const p = await proposePledge(ctx, borrowers[i]!, { assets: [warrants[i]!], lenderOrgId: lenders[i]!.orgId, amount: '100000', currency: 'USD', reference: 'Warm-up', maturity: '2099-12-31' });
      await acceptPledge(ctx, lenders[i]!, p.id);
      await releasePledge(ctx, lenders[i]!, p.id, {});
    }

    console.log(`\nRaw limit: single-row durable INSERT, ${CLIENTS} clients, ${PHASE_MS / 1000} s (${loadNote()})`);
    const srv0 = serverCpuMs(handle);
    const raw = await rawInserts(db);
    const rawRate = raw.n / raw.seconds;
    const rawSrv = serverCpuMs(handle) - srv0;

    console.log(`Kernel floor: one logged change per transaction, ${CLIENTS} clients, ${PHASE_MS / 1000} s (${loadNote()})`);
    const srvK = serverCpuMs(handle);
    const bare = await bareLoggedChanges(ctx, lenders);
    const bareRate = bare.n / bare.seconds;
    const bareSrv = serverCpuMs(handle) - srvK;

    console.log(`Pledge state changes, ${CLIENTS} concurrent lenders, ${PHASE_MS / 1000} s (${loadNote()})`);
    const srv1 = serverCpuMs(handle);
    let cycles = 0;
    const steps = await phase(async (i, record) => {
      const time = async <T>(f: () => Promise<T>): Promise<T> => {
        const t = performance.now();
        const out = await f();
        record(performance.now() - t);
        return out;
      };
      const p = await time(() => proposePledge(ctx, borrowers[i]!, { assets: [warrants[i]!], lenderOrgId: lenders[i]!.orgId, amount: '100000', currency: 'USD', reference: `Cycle ${cycles}`, maturity: '2099-12-31' }));
      await time(() => acceptPledge(ctx, lenders[i]!, p.id));
      await time(() => releasePledge(ctx, lenders[i]!, p.id, {}));
      cycles++;
    });
    const stepRate = steps.n / steps.seconds;
    const stepSrv = serverCpuMs(handle) - srv1;
    const ratio = stepRate / rawRate;

    const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pledge_events`);
    const rows = [
      [
        `single-row INSERT (autocommit), ${CLIENTS} clients`,
        fmtInt(rawRate),
        fmtMs(percentile(raw.latencies, 50)),
        fmtMs(percentile(raw.latencies, 99)),
        fmtInt(((raw.cpuMs + rawSrv) * 1000) / raw.n),
        '1',
        '–',
      ],
      [
        `kernel floor: one logged change per transaction, ${CLIENTS} clients`,
        fmtInt(bareRate),
        fmtMs(percentile(bare.latencies, 50)),
        fmtMs(percentile(bare.latencies, 99)),
        fmtInt(((bare.cpuMs + bareSrv) * 1000) / bare.n),
        fmtRatio(bareRate / rawRate),
        '–',
      ],
      [
        `pledge state change (propose/accept/release), ${CLIENTS} lenders`,
        fmtInt(stepRate),
        fmtMs(percentile(steps.latencies, 50)),
        fmtMs(percentile(steps.latencies, 99)),
        fmtInt(((steps.cpuMs + stepSrv) * 1000) / steps.n),
        fmtRatio(ratio),
        ratio >= TARGET ? 'holds' : 'MISSED',
      ],
    ];
    console.log(`\n${table(['measurement (PostgreSQL, durable)', 'per second', 'p50 ms', 'p99 ms', 'CPU µs each (process + server)', 'ratio to raw', `target ≥ ${TARGET}`], rows)}`);
    console.log(`\nPledge state changes are ${fmtRatio(stepRate / bareRate)} × the kernel floor measured in the same run.`);
    console.log(`${fmtInt(cycles)} full cycles (${fmtInt(steps.n)} state changes); ${fmtInt(count.rows[0]!.n)} signed pledge statements in the database.`);
    await db.close();
  } finally {
    handle.stop();
  }
}

await main();
