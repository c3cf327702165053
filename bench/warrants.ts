// Warehouse and warrant benchmark (issue #16), each figure beside this machine's own limit measured
// in the same run:
//
//  1. Reconciliation of a 10,000-bundle receipt file (CSV) through `recordReceiptFile`, the service
//     behind POST /api/v1/receipts/file: read and check every cell, look up every cast, reconcile
//     every bundle and lot against the register, sign, log and store. Rows per second, beside the
//     bulk certificate import's own rows per second (`createImport` + `runImport`, the service
//     behind `assay import` and POST /api/v1/imports) on the very file of certificates whose
//     bundles then arrive. Goal: ≥ 0.5 × the import.
//  2. Warrant transfers per second under 8 concurrent holders (`transferWarrants`, the service
//     behind POST /api/v1/warrants/transfers, one warrant per transfer: locked, a WarrantStatement
//     signed by the holder, logged, rows and reader grants updated, the views read back), beside
//     the engine's raw durable single-row INSERT rate from 8 clients (measured right before and
//     right after; their mean) and one core's raw Ed25519 sign rate. Goal: ≥ 0.25 × the inserts.
//
// Then the whole log is audited (must be clean).
//
// Run: npm run bench:warrants
//   BENCH_ENGINES=postgres (default; add pglite)  BENCH_BUNDLES=10000  BENCH_TRANSFER_S=20
//   BENCH_HOLDERS=8  BENCH_AUDIT=1
//   BENCH_PROFILE=import|receipt|issue|transfers: write a CPU profile of that phase alone
//   (this process's; PostgreSQL's own CPU is not in it) to warrants-<phase>.cpuprofile in the
//   current directory, for Chrome DevTools or speedscope.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import type { Authenticated, OrgKind, Scope } from '../src/access/principal.ts';
import * as accessRepo from '../src/access/repo.ts';
import { newApiKey } from '../src/access/secrets.ts';
import { runAudit } from '../src/app/trust-registry.ts';
import { createImport, runImport } from '../src/imports/service.ts';
import { csvLine } from '../src/imports/templates.ts';
import type { Engine } from '../src/platform/db.ts';
import { approveFacility } from '../src/warehouse/network-service.ts';
import { recordReceiptFile } from '../src/warehouse/receipt-file.ts';
import { issueWarrant, transferWarrants } from '../src/warehouse/warrant-service.ts';
import { generateFile, generateSubmissions, type GenOptions } from './generate-certificates.ts';
import { IMPORT_BRANDS, importWorld } from './lib/import-world.ts';
import { rawInsertRate, startEngine } from './lib/engines.ts';
import { fmtInt, fmtMs, fmtRatio, loadNote, machineNote, percentile, rawEd25519SignRate, table, timedLoop } from './lib/measure.ts';

const BUNDLES = Number(process.env.BENCH_BUNDLES ?? 10_000);
const TRANSFER_MS = Number(process.env.BENCH_TRANSFER_S ?? 20) * 1000;
const HOLDERS = Number(process.env.BENCH_HOLDERS ?? 8);
const AUDIT = process.env.BENCH_AUDIT !== '0';
const engines = (process.env.BENCH_ENGINES?.split(',') ?? ['postgres']) as Engine[];

const PROFILE = process.env.BENCH_PROFILE ?? '';

/** Runs `fn`, under the CPU profiler when BENCH_PROFILE names this phase. */
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (PROFILE !== name) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(`warrants-${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
    console.log(`  CPU profile of ${name}: warrants-${name}.cpuprofile`);
  }
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const BRAND = IMPORT_BRANDS.find((b) => b.metal === 'CA')!;
/** Copper: 25 t lots within ±2 % (reference/specs); grams. */
const LOT_MIN_G = 24_500_000;
const LOT_MAX_G = 25_500_000;
const grams = (kg: string): number => Math.round(Number(kg) * 1000);

interface ReceiptRow {
  lot: string;
  pcr: string;
  bundleRef: string;
  pieces: number;
  grossKg: string;
  netKg: string;
}

/**
 * `count` bundles as they arrive, cast after cast of the generated certificates, with their own
 * weights and pieces. A cast goes on one warrant, so a lot here is one cast: the bundles of a cast
 * that make 25 t ±2 % (first fit) arrive as a lot, the rest of that cast elsewhere; a cast with no
 * such set arrives whole as off-warrant stock. Also says how many certificates it drew on.
 */
function receiptRows(opts: Omit<GenOptions, 'certificates'>, count: number): { rows: ReceiptRow[]; certificates: number } {
  const rows: ReceiptRow[] = [];
  let certificates = 0;
  let lots = 0;
  for (const { s } of generateSubmissions({ ...opts, certificates: Number.MAX_SAFE_INTEGER }, true)) {
    if (rows.length >= count) break;
    certificates++;
    const chosen: typeof s.bundles = [];
    let g = 0;
    for (const b of s.bundles) {
      if (g >= LOT_MIN_G) break;
      if (g + grams(b.netKg) <= LOT_MAX_G) {
        chosen.push(b);
        g += grams(b.netKg);
      }
    }
    const asLot = g >= LOT_MIN_G && chosen.length <= count - rows.length;
    const lot = asLot ? `L${String(++lots).padStart(4, '0')}` : '';
    for (const b of (asLot ? chosen : s.bundles).slice(0, count - rows.length)) {
      rows.push({ lot, pcr: s.pcr, bundleRef: b.number, pieces: b.pieces, grossKg: b.grossKg ?? b.netKg, netKg: b.netKg });
    }
  }
  return { rows, certificates };
}

async function principal(ctx: Awaited<ReturnType<typeof importWorld>>['ctx'], kind: OrgKind, name: string, scopes: Scope[]): Promise<Authenticated> {
  const org = await accessRepo.insertOrganisation(ctx.db, { name, kind, country: 'HK' });
  const { prefix, secretHash } = newApiKey();
  const key = await accessRepo.insertApiKey(ctx.db, { orgId: org.id, name: 'bench', prefix, secretHash, scopes, createdBy: null });
  return { type: 'api_key', keyId: key.id, orgId: org.id, orgKind: kind, scopes };
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-warrants-'));
  process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
  const genBase = { brands: [BRAND], badShare: 0, seed: 16, pcrPrefix: 'W' };
  const { rows: receipt, certificates } = receiptRows(genBase, BUNDLES);
  const certFile = path.join(work, 'ecoas.csv');
  const generated = await generateFile(certFile, { ...genBase, certificates });
  const receiptFile = path.join(work, 'receipt.csv');
  fs.writeFileSync(receiptFile, csvLine(['lot', 'pcr', 'bundleRef', 'pieces', 'grossKg', 'netKg']) + receipt.map((r) => csvLine([r.lot, r.pcr, r.bundleRef, r.pieces, r.grossKg, r.netKg])).join(''));
  const lotCount = new Set(receipt.map((r) => r.lot).filter(Boolean)).size;
  console.log(
    `Certificates: ${fmtInt(certificates)} CA certificates in ${fmtInt(generated.rows)} bundle rows (CSV). Receipt: ${fmtInt(receipt.length)} bundles, ${fmtInt(lotCount)} lots of 25 t ±2 % (one cast each), ${fmtInt(receipt.filter((r) => !r.lot).length)} bundles off warrant.`,
  );
  const results: string[][] = [];
  const extra: string[][] = [];
  let failed = false;

  for (const engine of engines) {
    const handle = await startEngine(engine);
    const db = await handle.open();
    try {
      const { ctx, producerId, actor } = await importWorld(db, path.join(work, engine), {}, { listedFrom: '2020-01-01' });

      // 1a. The bulk import of the certificates: its own rate per row.
      let t = performance.now();
      const job = await phase('import', async () => {
        const created = await createImport(ctx, actor, producerId, { path: certFile, filename: 'ecoas.csv', owned: false });
        return runImport(ctx, created.job.id);
      });
      const importMs = performance.now() - t;
      if (job.records.accepted !== certificates) {
        console.error(`  [${engine}] the import accepted ${job.records.accepted} of ${certificates} certificates`);
        failed = true;
      }
      const importRate = (generated.rows / importMs) * 1000;
      console.log(`  [${engine}] import: ${fmtInt(generated.rows)} rows in ${seconds(importMs)} s = ${fmtInt(importRate)} rows/s`);

      // 1b. The receipt file of 10,000 bundles of those casts arriving in Hong Kong.
      const exchange = await principal(ctx, 'exchange', 'Bench exchange', ['admin']);
      const warehouse = await principal(ctx, 'warehouse', 'Bench warehouse', ['read', 'warehouse:write', 'warrants:write']);
      const holders: Authenticated[] = [];
      for (let i = 0; i < HOLDERS; i++) holders.push(await principal(ctx, 'trader', `Bench holder ${i + 1}`, ['read', 'warrants:write']));
      const facility = await approveFacility(ctx, exchange, {
        warehouseOrgId: warehouse.orgId,
        location: 'HONGKONG',
        name: 'Bench shed',
        metals: ['CA'],
        minDailyLoadOutTonnes: '60',
        approvedFrom: '2025-02-01',
      });
      t = performance.now();
      const recorded = await phase('receipt', () => recordReceiptFile(ctx, warehouse, receiptFile, {
        facilityId: facility.id,
        depositorOrgId: holders[0]!.orgId,
        brand: BRAND.code,
        shape: 'cathodes',
        originCountry: 'CL',
        receivedOn: ctx.now().toISOString().slice(0, 10),
      }));
      const receiptMs = performance.now() - t;
      const summary = recorded.reconciliation.summary as unknown as Record<string, number>;
      const conforming = recorded.reconciliation.bundles.filter((b) => b.conforming).length;
      const warrantable = recorded.lots.filter((l) => l.warrantable);
      if (conforming !== receipt.length || warrantable.length !== lotCount) {
        console.error(`  [${engine}] reconciliation: ${conforming}/${receipt.length} bundles conforming, ${warrantable.length}/${lotCount} lots warrantable: ${JSON.stringify(summary)}`);
        failed = true;
      }
      const receiptRate = (receipt.length / receiptMs) * 1000;
      console.log(`  [${engine}] receipt: ${fmtInt(receipt.length)} bundles in ${seconds(receiptMs)} s = ${fmtInt(receiptRate)} rows/s (${conforming} conforming, ${warrantable.length} lots warrantable)`);
      results.push([
        engine,
        `reconcile a ${fmtInt(receipt.length)}-bundle receipt file`,
        `${fmtInt(receiptRate)} rows/s`,
        `bulk import ${fmtInt(importRate)} rows/s`,
        fmtRatio(receiptRate / importRate),
        '≥ 0.5',
        receiptRate / importRate >= 0.5 ? 'met' : 'MISSED',
      ]);

      // 2a. A warrant for every lot, spread over the holders.
      const issueConcurrency = engine === 'postgres' ? 4 : 1;
      const holdings: string[][] = holders.map(() => []);
      t = performance.now();
      const issued = await phase('issue', () => timedLoop(
        async (i) => {
          const w = await issueWarrant(ctx, warehouse, { lotId: warrantable[i]!.id!, holderOrgId: holders[i % HOLDERS]!.orgId });
          holdings[i % HOLDERS]!.push(w.id);
        },
        { ms: 3_600_000, max: warrantable.length, concurrency: issueConcurrency, yieldEachOp: engine === 'pglite' },
      ));
      console.log(`  [${engine}] issued ${fmtInt(issued.n)} warrants in ${seconds(performance.now() - t)} s = ${fmtInt(issued.perSecond)}/s (${issueConcurrency} in flight)`);
      extra.push([engine, `issue warrants (${issueConcurrency} in flight)`, `${fmtInt(issued.perSecond)}/s`]);

      // 2b. Transfers: holder i passes one warrant it holds to holder i + 1, 8 holders side by side.
      const sign0 = rawEd25519SignRate();
      const insert0 = await rawInsertRate(db, { clients: 8, ms: 5000 });
      let refused = 0;
      const idle = { waits: 0 };
      const per = holders.map(() => 0);
      const latencies: number[] = [];
      // What PostgreSQL's backends wait on during the transfers (sampled every 50 ms with BENCH_PROFILE=transfers).
      const waits = new Map<string, number>();
      let sampling = engine === 'postgres' && PROFILE === 'transfers';
      const sampler = (async () => {
        while (sampling) {
          const r = await db.query<{ w: string; n: number }>(
            `SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') || ' / ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS w, count(*)::int AS n
               FROM pg_stat_activity WHERE backend_type = 'client backend' AND state <> 'idle' AND pid <> pg_backend_pid() GROUP BY 1`,
          );
          for (const x of r.rows) waits.set(x.w, (waits.get(x.w) ?? 0) + x.n);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      t = performance.now();
      await phase('transfers', () => Promise.all(
        holders.map(async (p, i) => {
          const to = holders[(i + 1) % HOLDERS]!;
          const r = await timedLoop(
            async () => {
              let id = holdings[i]!.shift();
              while (id === undefined) {
                idle.waits++;
                await new Promise((resolve) => setTimeout(resolve, 1));
                if (performance.now() - t > TRANSFER_MS) return;
                id = holdings[i]!.shift();
              }
              const s = performance.now();
              try {
                await transferWarrants(ctx, p, { warrantIds: [id], toOrgId: to.orgId });
                holdings[(i + 1) % HOLDERS]!.push(id);
                per[i]!++;
              } catch (e) {
                refused++;
                holdings[i]!.push(id);
                if (refused < 5) console.error(`  [${engine}] transfer refused: ${(e as Error).message}`);
              }
              latencies.push(performance.now() - s);
            },
            { ms: TRANSFER_MS, max: 10_000_000, yieldEachOp: engine === 'pglite' },
          );
          return r;
        }),
      ));
      const transferMs = performance.now() - t;
      sampling = false;
      await sampler;
      if (waits.size) {
        const all = [...waits.values()].reduce((a, b) => a + b, 0);
        console.log(`  [${engine}] busy backends during the transfers, by wait and statement (share of samples):`);
        for (const [w, n] of [...waits].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${((100 * n) / all).toFixed(1).padStart(5)} %  ${w}`);
      }
      const transfers = per.reduce((a, b) => a + b, 0);
      const transferRate = (transfers / transferMs) * 1000;
      const insert1 = await rawInsertRate(db, { clients: 8, ms: 5000 });
      const sign1 = rawEd25519SignRate();
      const insert = (insert0 + insert1) / 2;
      const sign = (sign0 + sign1) / 2;
      if (refused) failed = true;
      console.log(
        `  [${engine}] transfers: ${fmtInt(transfers)} in ${seconds(transferMs)} s = ${fmtInt(transferRate)}/s (per holder ${per.join(', ')}; p50 ${fmtMs(percentile(latencies, 50))} ms, p99 ${fmtMs(percentile(latencies, 99))} ms; ${refused} refused, ${idle.waits} waits for a warrant); raw inserts ${fmtInt(insert0)} → ${fmtInt(insert1)}/s; Ed25519 ${fmtInt(sign0)} → ${fmtInt(sign1)}/s`,
      );
      results.push([
        engine,
        `warrant transfers, ${HOLDERS} holders at once (p50 ${fmtMs(percentile(latencies, 50))} ms, p99 ${fmtMs(percentile(latencies, 99))} ms)`,
        `${fmtInt(transferRate)} /s`,
        `raw INSERT, 8 clients ${fmtInt(insert)} /s`,
        fmtRatio(transferRate / insert),
        '≥ 0.25',
        transferRate / insert >= 0.25 ? 'met' : 'MISSED',
      ]);
      extra.push([engine, 'raw Ed25519 sign, one core', `${fmtInt(sign)}/s (transfers ${fmtRatio(transferRate / sign)} ×)`]);

      if (AUDIT) {
        t = performance.now();
        const audit = await runAudit(ctx);
        console.log(`  [${engine}] audit: ${audit.entries} entries, ${audit.findings.length} findings in ${seconds(performance.now() - t)} s`);
        for (const f of audit.findings.slice(0, 5)) console.error(`    ✗ ${f.record}: ${f.message}`);
        if (audit.findings.length) failed = true;
        extra.push([engine, 'audit afterwards', `${audit.findings.length} findings over ${fmtInt(audit.entries)} log entries`]);
      }
    } finally {
      await db.close();
      handle.stop();
    }
  }

  console.log('');
  console.log(table(['engine', 'what', 'figure', 'limit, same run', 'ratio', 'goal', ''], results));
  console.log('');
  console.log(table(['engine', 'also measured', ''], extra));
  console.log('');
  console.log(
    'Import and receipt rates include reading the file. Raw INSERT: single-row autocommitted inserts into a bare table from 8 clients, right before and right after the transfers (mean); fsync on. ' +
      'The machine is shared (2 cores, other engineers\' jobs): absolute figures are noisy; compare the ratios.',
  );
  console.log(`Machine: ${machineNote()}; ${loadNote()}.`);
  if (failed) {
    console.error('Something was refused, not reconciled or found by the audit: see above.');
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
