// Trust-log benchmark (issue #3), on file-backed PGlite and durable PostgreSQL, in this process:
//   - log appends per second: appendEntries in transactions of 1 and of 100 entries, with
//     publishCheckpoint on a 2 s cadence running alongside (startCheckpointer)
//   - proof latency: inclusionProof and proofBundle for random indices in a log of LOG_SIZE entries
//     (built first with batched appends)
//   - credential issuance per second: issueCertificate end to end through the service,
//     signCredentialJwt alone, and the batched import path (signing on the import's worker
//     threads, appends 1,000 per transaction)
// each beside the same run's raw SHA-256 rate (200-byte messages) and raw Ed25519 sign rate of one
// core (node:crypto sign with a KeyObject). Target: the log and signing path reaches at least half
// the raw Ed25519 rate.
// Run: npm run bench:log   (BENCH_ENGINES=pglite,postgres, BENCH_LOG_SIZE, BENCH_PHASE_S)
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../src/app/context.ts';
import { prepareDatabase } from '../src/app/database.ts';
import { buildContent, credentialFrameFor, issueCertificate } from '../src/certificates/service.ts';
import { getVersion } from '../src/certificates/repo.ts';
import { ensureIssuerKey, orgDid } from '../src/trust/keys-service.ts';
import {
  appendEntries,
  inclusionProof,
  treeSize,
  type NewEntry,
} from '../src/trust/log-service.ts';
import { proofBundle, publishCheckpoint, startCheckpointer } from '../src/trust/checkpoint-service.ts';
import { credentialSigner, decodeCredentialJwt, protectedHeaderSegment, signCredentialJwt } from '../src/trust/vc.ts';
import { certificateCredential, statusListUrl } from '../src/certificates/credential.ts';
import { digestBytes } from '../src/trust/trust.ts';
import * as brandsRepo from '../src/brands/repo.ts';
import { SigningPool } from '../src/imports/signing-pool.ts';
import { decide, signingDecision, type Candidate } from '../src/imports/row-signing.ts';
import * as metalsRepo from '../src/metals/repo.ts';
import { selectSpec } from '../src/metals/spec-select.ts';
import type { Engine } from '../src/platform/db.ts';
import { ENGINES, serverCpuMs, startEngine } from './lib/engines.ts';
import {
  fmtInt,
  fmtMs,
  fmtRatio,
  loadNote,
  CORES,
  coreCeiling,
  ownCpuMs,
  machineNote,
  percentile,
  rawEd25519SignRate,
  rawSha256Rate,
  table,
  timedLoop,
  type LoopResult,
} from './lib/measure.ts';
import { benchContext, seedProducer, submission } from './lib/world.ts';

const PHASE_MS = Number(process.env.BENCH_PHASE_S ?? 6) * 1000;
const PROOF_MS = Math.round(PHASE_MS * 0.6);
const LOG_SIZE = Number(process.env.BENCH_LOG_SIZE ?? 100_000);
const BUILD_BATCH = 1000;
const CHECKPOINT_EVERY_MS = 2000;
const TARGET = 0.5;
const IN_FLIGHT = 8;
/** Credentials per transaction on the batched (import) path. */
const BATCH = 1000;
const engines = (process.env.BENCH_ENGINES?.split(',') ?? ENGINES) as Engine[];

interface Row {
  measurement: string;
  engine: Engine;
  /** Operations (transactions, proofs, credentials) per second. */
  opsPerSecond: number;
  /** Log entries or credentials per second, the figure compared with the target. */
  itemsPerSecond: number;
  p50: number;
  p99: number;
  sha: number;
  ed: number;
  /** Whether the ≥ ½ Ed25519 target applies to this row. */
  targeted: boolean;
  /** CPU (µs, every thread of this process plus the PostgreSQL server) per entry or credential. */
  cpuPerItem: number;
}

/** The most a row could reach with its measured CPU per item spread over every core (measure.ts). */
const ceiling = (r: Row): number => coreCeiling(r.cpuPerItem);

const rows: Row[] = [];
const notes: string[] = [];

const entry = (): NewEntry => ({
  kind: 'certificate.issued',
  subjectType: 'certificate',
  subjectId: randomUUID(),
  version: 1,
  payloadDigest: `sha256:${randomUUID().replace(/-/g, '').padEnd(64, '0')}`,
});
const entries = (n: number): NewEntry[] => Array.from({ length: n }, entry);

async function checkpointCount(ctx: AppContext): Promise<number> {
  return (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM log_checkpoints`)).rows[0]!.n;
}

/** The machine's raw limits, measured briefly (one core, synchronous loops). */
const rawLimits = (): { sha: number; ed: number } => ({
  sha: rawSha256Rate(300),
  ed: rawEd25519SignRate(500),
});

async function runEngine(engine: Engine): Promise<void> {
  const handle = await startEngine(engine);
  const db = await handle.open();
  try {
    await prepareDatabase(db);
    const ctx = benchContext(db);
    const producer = await seedProducer(ctx);
    const seen: { sha: number; ed: number }[] = [];

    /**
     * One measured phase, with the raw limits measured right before and right after it: the row
     * is compared with their mean, so load from other processes moves the figure and its limit
     * together.
     */
    const phase = async (name: string, items: number, targeted: boolean, run: () => Promise<LoopResult>) => {
      const before = rawLimits();
      const cpu0 = ownCpuMs() + serverCpuMs(handle);
      const r = await run();
      const cpuUs = (ownCpuMs() + serverCpuMs(handle) - cpu0) * 1000;
      const after = rawLimits();
      seen.push(before, after);
      rows.push({
        measurement: name,
        engine,
        opsPerSecond: r.perSecond,
        itemsPerSecond: r.perSecond * items,
        p50: percentile(r.latencies, 50),
        p99: percentile(r.latencies, 99),
        sha: (before.sha + after.sha) / 2,
        ed: (before.ed + after.ed) / 2,
        targeted,
        cpuPerItem: cpuUs / (r.n * items),
      });
    };

    // Appends, with the checkpointer running as `assay serve` runs it.
    const cpBefore = await checkpointCount(ctx);
    let cpErrors = 0;
    const stopCheckpointer = startCheckpointer(ctx, CHECKPOINT_EVERY_MS, () => cpErrors++);
    for (const size of [1, 100]) {
      await phase(`appendEntries, ${size} per transaction`, size, true, () =>
        timedLoop(() => db.transaction((tx) => appendEntries(ctx, tx, entries(size))), {
          ms: PHASE_MS,
          max: 1_000_000 / size,
          latencies: true,
          yieldEachOp: true,
        }),
      );
    }
    stopCheckpointer();
    notes.push(
      `${engine}: ${(await checkpointCount(ctx)) - cpBefore} checkpoints published during the append runs (every ${CHECKPOINT_EVERY_MS} ms; ${cpErrors} errors)`,
    );

    // A big log for the proofs.
    const t0 = performance.now();
    let size = await treeSize(db);
    const before = size;
    for (let guard = 0; size < LOG_SIZE && guard < LOG_SIZE / BUILD_BATCH + 2; guard++) {
      const n = Math.min(BUILD_BATCH, LOG_SIZE - size);
      await db.transaction((tx) => appendEntries(ctx, tx, entries(n)));
      size += n;
    }
    const buildS = (performance.now() - t0) / 1000;
    // The append runs above may already have grown the log past LOG_SIZE.
    notes.push(
      size > before
        ? `${engine}: log filled from ${fmtInt(before)} to ${fmtInt(size)} entries in batches of ${BUILD_BATCH} in ${buildS.toFixed(1)} s (${fmtInt((size - before) / buildS)} entries/s)`
        : `${engine}: the append runs had already grown the log to ${fmtInt(size)} entries`,
    );
    await publishCheckpoint(ctx);
    size = await treeSize(db);
    const idx = (): number => Math.floor(Math.random() * size);
    await phase(`inclusionProof, random index of ${fmtInt(size)}`, 1, false, () =>
      timedLoop(() => inclusionProof(db, idx(), size), { ms: PROOF_MS, max: 100_000, latencies: true }),
    );
    await phase(`proofBundle, random index of ${fmtInt(size)}`, 1, false, () =>
      timedLoop(() => proofBundle(ctx, idx()), { ms: PROOF_MS, max: 100_000, latencies: true }),
    );

    // Credentials: end to end through the service, then the signature alone.
    let pcr = 0;
    const issue = () =>
      issueCertificate(ctx, producer.principal, submission(producer.brand, `L-${pcr++}`, pcr));
    const first = (await issue()) as { id: string; status: string };
    if (first.status !== 'issued') throw new Error(`warm-up certificate is ${first.status}`);
    await phase('issueCertificate (service, end to end)', 1, true, () =>
      timedLoop(issue, { ms: PHASE_MS, max: 100_000, latencies: true }),
    );
    // The same with several issuances in flight (the pool has 10 connections; PGlite has one).
    await phase(`issueCertificate, ${IN_FLIGHT} in flight`, 1, true, () =>
      timedLoop(issue, { ms: PHASE_MS, max: 100_000, latencies: true, concurrency: IN_FLIGHT }),
    );
    const issued = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM certificates GROUP BY status`,
    );
    notes.push(
      `${engine}: certificates after the issuing runs: ${JSON.stringify(Object.fromEntries(issued.rows.map((x) => [x.status, x.n])))}`,
    );

    const jwt = (await getVersion(db, first.id, 1))!.credential!;
    const credential = decodeCredentialJwt(jwt).credential;
    const key = await ensureIssuerKey(ctx, producer.orgId);
    await phase('signCredentialJwt alone', 1, true, () =>
      timedLoop(() => signCredentialJwt(credential, { privateKey: key.privateKey, kid: key.kid }), {
        ms: PROOF_MS,
        max: 1_000_000,
        latencies: true,
      }),
    );
    notes.push(`${engine}: credential JWT ${fmtInt(jwt.length)} bytes`);

    // The batched path, as a bulk import runs it: rows decided, credentials built and signed on
    // the import's worker threads, their log entries appended 1,000 per transaction, the next batch
    // signing while the previous one appends (two in flight).
    const brand = (await brandsRepo.getBrand(db, producer.brand.code))!;
    const today = ctx.now().toISOString().slice(0, 10);
    const spec = selectSpec(await metalsRepo.listSpecs(db, 'CA'), 'CA', today);
    const candidates = Array.from({ length: BATCH }, (_, i): Candidate => {
      const c: Candidate = { submission: submission(producer.brand, `B-${i}`, i), brand, spec, existing: [] };
      const d = decide(c, today);
      if (d.kind !== 'new' || d.evaluation.verdict !== 'conforming') throw new Error('bench submission does not conform');
      return c;
    });
    let nextIndex = 1_000_000;

    // The log and signing path on one thread: each certificate's credential built from its content,
    // signed, digested and its log entry appended, 1,000 per transaction; two batches in flight,
    // so one signs while the other's transaction is at the database.
    const contents = candidates.map((c, i) => buildContent(c.submission, brand, spec, `AS-${String(i).padStart(10, '0')}`, 1, new Date()));
    const sign = credentialSigner({ privateKey: key.privateKey, kid: key.kid });
    const issuerDid = orgDid(ctx, producer.orgId);
    const signAndLogHere = async () => {
      const batch: NewEntry[] = contents.map((content) => {
        const statusIndex = nextIndex++;
        const certificateId = randomUUID();
        const vc = certificateCredential({
          publicUrl: ctx.config.publicUrl,
          certificateId,
          issuerDid,
          content,
          status: { listUrl: statusListUrl(ctx.config.publicUrl, producer.orgId, 0), index: statusIndex },
        });
        return { kind: 'certificate.issued', subjectType: 'certificate', subjectId: certificateId, version: 1, payloadDigest: digestBytes(sign(vc)) };
      });
      await db.transaction((tx) => appendEntries(ctx, tx, batch));
    };
    await signAndLogHere();
    await phase(`build + sign + append, ${fmtInt(BATCH)} per transaction, one thread`, BATCH, true, () =>
      timedLoop(signAndLogHere, { ms: PHASE_MS, max: 100_000, latencies: true, concurrency: 2 }),
    );

    // The import's own path: the workers decide the rows (rules), keep them, and sign them when the
    // main thread has given each its number and status index; the main thread appends.
    const pool = new SigningPool(ctx.config.imports.workers);
    const frame = { id: await credentialFrameFor(ctx, key, producer.orgId), protectedHeader: protectedHeaderSegment(key.kid) };
    const signAndLog = async () => {
      const decided = await pool.decide(candidates, today);
      const jobs = decided.decisions.map((d, i) => {
        if (d.kind !== 'new') throw new Error('bench submission is not new');
        const statusIndex = nextIndex++;
        return { held: decided.held[i]!, d: signingDecision(d), a: { certificateId: randomUUID(), number: `AS-${String(statusIndex).padStart(10, '0')}`, version: 1, statusIndex } };
      });
      const env = {
        publicUrl: ctx.config.publicUrl,
        producerOrgId: producer.orgId,
        issuerDid: orgDid(ctx, producer.orgId),
        issuedAt: new Date().toISOString(),
        actor: { userId: null, apiKeyId: null },
        frame,
      };
      const signedRows = await pool.signHeld(jobs, decided, env, { privateKey: key.privateKey, kid: key.kid });
      await db.transaction((tx) =>
        appendEntries(
          ctx,
          tx,
          signedRows.map((x, i) => ({ kind: x.logKind, subjectType: 'certificate', subjectId: jobs[i]!.a.certificateId, version: 1, payloadDigest: x.payloadDigest })),
        ),
      );
    };
    try {
      await signAndLog(); // the workers' start (module loading) is not part of the rate
      await phase(`decide + sign on ${pool.size} import workers + append, ${fmtInt(BATCH)} per transaction`, BATCH, true, () =>
        timedLoop(signAndLog, { ms: PHASE_MS, max: 100_000, latencies: true, concurrency: 2 }),
      );
    } finally {
      await pool.close();
    }
    const range = (xs: number[]): string => `${fmtInt(Math.min(...xs))}–${fmtInt(Math.max(...xs))}`;
    notes.push(
      `${engine}: raw limits across this engine's run: SHA-256 ${range(seen.map((x) => x.sha))}/s, Ed25519 sign ${range(seen.map((x) => x.ed))}/s (the spread is other load on the machine)`,
    );
  } finally {
    await db.close();
    handle.stop();
  }
}

const started = Date.now();
console.log(`# bench/trust-log — ${new Date().toISOString()}`);
console.log(`machine: ${machineNote()}; ${loadNote()}`);
console.log(
  `phases ${PHASE_MS / 1000} s (proofs and signing alone ${PROOF_MS / 1000} s), log of ${fmtInt(LOG_SIZE)} for proofs, one process, sequential loops\n`,
);
for (const engine of engines) {
  console.log(`… ${engine}`);
  await runEngine(engine);
}

console.log(
  '\n' +
    table(
      [
        'measurement',
        'engine',
        'ops/s',
        'entries or credentials/s',
        'p50 ms',
        'p99 ms',
        'raw SHA-256/s',
        'ratio',
        'raw Ed25519 sign/s',
        'ratio',
        `target ≥ ${TARGET} × Ed25519`,
        'CPU µs per item',
        `${CORES}-core ceiling, × Ed25519`,
      ],
      rows.map((r) => [
        r.measurement,
        r.engine,
        fmtInt(r.opsPerSecond),
        fmtInt(r.itemsPerSecond),
        fmtMs(r.p50),
        fmtMs(r.p99),
        fmtInt(r.sha),
        fmtRatio(r.itemsPerSecond / r.sha),
        fmtInt(r.ed),
        fmtRatio(r.itemsPerSecond / r.ed),
        r.targeted ? (r.itemsPerSecond >= TARGET * r.ed ? 'holds' : 'MISSED') : '–',
        fmtInt(r.cpuPerItem),
        fmtRatio(ceiling(r) / r.ed),
      ]),
    ),
);
console.log('\n' + notes.map((n) => `- ${n}`).join('\n'));
const targeted = rows.filter((r) => r.targeted);
const missed = targeted.filter((r) => r.itemsPerSecond < TARGET * r.ed);
console.log(
  `\nTarget: the log and signing path reaches at least ${TARGET} × the raw Ed25519 signing rate of one core. ` +
    (missed.length === 0
      ? 'HOLDS for every targeted row.'
      : `DOES NOT HOLD for ${missed.length} of ${targeted.length} rows: ${missed.map((r) => `${r.measurement} [${r.engine}] at ${fmtRatio(r.itemsPerSecond / r.ed)} (its CPU per item allows at most ${fmtRatio(ceiling(r) / r.ed)} on ${CORES} fully busy cores)`).join('; ')}.`),
);
console.log(
  `The ceiling column divides the machine's ${CORES} cores by the row's measured CPU per entry or credential (every thread of this process plus the PostgreSQL server): no threading or batching of that same work can exceed it.`,
);
console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s; at the end ${loadNote()}`);
