import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import * as brandsRepo from '../brands/lookup.ts';
import type { CertificateStatus, IssuedBy } from '../certificates/model.ts';
import { personBehind } from '../access/service.ts';
import type { SigningKey } from '../trust/keys-service.ts';
import * as metalsRepo from '../metals/specs.ts';
import { selectSpec } from '../metals/spec-select.ts';
import type { ContractSpec, MetalCode } from '../metals/spec-types.ts';
import type { Queryable } from '../platform/db.ts';
import { credentialSigner, protectedHeaderSegment, type CredentialSigner } from '../trust/vc.ts';
import type { ImportRecord, RowError } from './records.ts';
import * as repo from './repo.ts';
import * as bulk from '../certificates/bulk.ts';
import { allocateIndices } from '../trust/status-service.ts';
import { recordSignedChanges, type SignedChange } from '../trust/signed-change.ts';
import type { Decided, Held, SigningPool } from './signing-pool.ts';
import { decide, needs, reasonErrors, signRow, signingDecision, type Allocation, type Candidate, type Decision, type PathError, type SignedRow, type SigningEnv, type Verdict } from './row-signing.ts';

// One chunk of an import, in two steps. `prepareChunk` does everything that needs no lock: it
// resolves brands and specs, reads what is registered for the chunk's brand + PCR pairs, decides
// each row with the same rules as a single issue, reserves numbers and status indices, and signs
// the versions (on worker threads when the run has a pool). `commitChunk` then re-reads the same
// registered state under row locks; when it is unchanged (the normal case) it writes the prepared
// rows, otherwise it decides and signs the chunk again inside the transaction. Every write of a
// chunk (certificates, versions, log entries, audit events, error rows, the job's progress) is in
// one transaction, so a killed import never leaves a certificate signed but not logged, or logged
// but not stored. The runner prepares the next chunk while the current one commits.

export interface Actor {
  userId: string | null;
  apiKeyId: string | null;
  orgId: string;
}

/** What stays the same for a whole import run. */
export interface RunContext {
  ctx: AppContext;
  producerOrgId: string;
  actor: Actor;
  jobId: string | null;
  today: string;
  specs: Map<string, ContractSpec[]>;
  brands: Map<string, brandsRepo.BrandRecord | null>;
  /** The person behind the import, named in each version's content. */
  issuedBy: IssuedBy | null;
  /** Absent for a dry run, which signs nothing. */
  signer?: { key: SigningKey; sign: CredentialSigner; orgDid: string; frameId: number };
  /** Worker threads for deciding and signing; absent: the calling thread does it. */
  pool?: SigningPool;
}

export async function runContext(ctx: AppContext, producerOrgId: string, actor: Actor, jobId: string | null): Promise<RunContext> {
  const specs = new Map<string, ContractSpec[]>();
  for (const s of await metalsRepo.listSpecs(ctx.db)) specs.set(s.metal, [...(specs.get(s.metal) ?? []), s]);
  const issuedBy = await personBehind(ctx, actor);
  return { ctx, producerOrgId, actor, jobId, today: ctx.now().toISOString().slice(0, 10), specs, brands: new Map(), issuedBy };
}

/** `frameId`: the credential frame of this key, public URL and DID (certificates/repo.ts credentialFrameId). */
export const withSigner = (rc: RunContext, key: SigningKey, orgDid: string, frameId: number): RunContext => ({
  ...rc,
  signer: { key, sign: credentialSigner(key), orgDid, frameId },
});

export interface ChunkOutcome {
  records: number;
  rows: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  errors: RowError[];
}

type Row = { rec: ImportRecord; errors: RowError[] } | { rec: ImportRecord; candidate: Candidate; duplicateOf?: number };
const isCandidate = (r: Row): r is Extract<Row, { candidate: Candidate }> => 'candidate' in r;

/** A chunk decided and, unless it is a dry run, signed: ready for commitChunk. */
export interface PreparedChunk {
  records: ImportRecord[];
  rows: Row[];
  /** What was registered for the chunk's pairs when it was decided, to compare under lock. */
  found: bulk.ExistingCertificate[];
  /** Per row: the decision, or null (invalid or duplicate row). */
  decisions: (Decision<Verdict> | null)[];
  allocations: (Allocation | null)[];
  signedRows: (SignedRow | null)[];
  issuedAt: Date;
}

async function brandFor(rc: RunContext, q: Queryable, ref: string): Promise<brandsRepo.BrandRecord | null> {
  if (!rc.brands.has(ref)) rc.brands.set(ref, (await brandsRepo.findBrand(q, ref)) ?? null);
  return rc.brands.get(ref)!;
}

/** File-level problems, unknown or foreign brands, and a brand + PCR given twice in the chunk. */
async function toRows(rc: RunContext, q: Queryable, records: ImportRecord[]): Promise<Row[]> {
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const rec of records) {
    if (!rec.submission) {
      rows.push({ rec, errors: rec.errors });
      continue;
    }
    const s = rec.submission;
    const brand = await brandFor(rc, q, s.brand);
    const at = rec.locate('brand');
    if (!brand) {
      rows.push({ rec, errors: [{ ...at, code: 'unknown_brand', reason: `No listed brand ${s.brand}` }] });
      continue;
    }
    if (brand.producer.id !== rc.producerOrgId) {
      rows.push({ rec, errors: [{ ...at, code: 'forbidden_brand', reason: `Brand ${brand.code} belongs to another producer` }] });
      continue;
    }
    const spec = selectSpec(rc.specs.get(brand.metal) ?? [], brand.metal as MetalCode, s.productionDate);
    const candidate: Candidate = { submission: s, brand, spec, existing: [] };
    if (rec.amendmentReason !== undefined) candidate.amendmentReason = rec.amendmentReason;
    // The reader cuts chunks where a brand + PCR repeats; this catches one brand written two ways.
    const key = `${brand.id}|${s.pcr}`;
    const earlier = seen.get(key);
    seen.set(key, rec.firstRow);
    rows.push(earlier === undefined ? { rec, candidate } : { rec, candidate, duplicateOf: earlier });
  }
  return rows;
}

const pairsOf = (rows: Row[]) =>
  rows.filter(isCandidate).map((r) => ({ brandId: r.candidate.brand.id, pcr: r.candidate.submission.pcr }));

/** Gives each candidate its registered certificates (found is newest first; the order is kept). */
function attachExisting(rows: Row[], found: bulk.ExistingCertificate[]): void {
  // One pass over found: a re-import of a registered file finds a certificate for every row.
  const byPair = new Map<string, bulk.ExistingCertificate[]>();
  for (const e of found) {
    const key = `${e.brand_id}|${e.pcr}`;
    byPair.set(key, [...(byPair.get(key) ?? []), e]);
  }
  for (const r of rows) {
    if (isCandidate(r)) r.candidate.existing = byPair.get(`${r.candidate.brand.id}|${r.candidate.submission.pcr}`) ?? [];
  }
}

/** Rows that get a decision: candidates that are not duplicates. */
const decidable = (rows: Row[]): number[] => rows.flatMap((r, i) => (isCandidate(r) && r.duplicateOf === undefined ? [i] : []));

/**
 * Per row: its decision (null: invalid or duplicate). In process the decisions are whole (sign
 * stores their evaluations); with a pool they are verdicts, and the worker that holds each row
 * keeps its evaluation.
 */
type DecidedRows =
  | { decisions: (Decision | null)[]; pooled?: undefined }
  | { decisions: (Decision<Verdict> | null)[]; pooled: { pool: SigningPool; decided: Decided; held: (Held | null)[] } };

async function decideRows(rc: RunContext, rows: Row[], inProcess: boolean): Promise<DecidedRows> {
  const idx = decidable(rows);
  const candidates = idx.map((i) => (rows[i] as Extract<Row, { candidate: Candidate }>).candidate);
  if (!rc.pool || inProcess) {
    const decisions: (Decision | null)[] = rows.map(() => null);
    idx.forEach((i, k) => (decisions[i] = decide(candidates[k]!, rc.today)));
    return { decisions };
  }
  const decided = await rc.pool.decide(candidates, rc.today);
  const decisions: (Decision<Verdict> | null)[] = rows.map(() => null);
  const held: (Held | null)[] = rows.map(() => null);
  idx.forEach((i, k) => {
    decisions[i] = decided.decisions[k]!;
    held[i] = decided.held[k]!;
  });
  return { decisions, pooled: { pool: rc.pool, decided, held } };
}

/** Reserves certificate numbers and status indices for what the decisions need. */
async function allocate(rc: RunContext, q: Queryable, decisions: (Decision<Verdict> | null)[]): Promise<(Allocation | null)[]> {
  const wants = decisions.map((d) => (d ? needs(d) : { number: false, statusIndex: false }));
  const seqs = await bulk.nextCertificateSeqs(q, wants.filter((w) => w.number).length);
  const indices = wants.filter((w) => w.statusIndex).length;
  let nextIndex = indices > 0 ? await allocateIndices(q, rc.producerOrgId, indices) : 0;
  let nextSeq = 0;
  return decisions.map((d, i) => {
    if (!d || (d.kind !== 'new' && d.kind !== 'amend')) return null;
    const w = wants[i]!;
    const statusIndex = w.statusIndex ? nextIndex++ : d.kind === 'amend' ? d.existing.status_index : null;
    if (d.kind === 'new') {
      const seq = seqs[nextSeq++]!;
      return { certificateId: randomUUID(), seq, number: bulk.certificateNumber(seq), version: 1, statusIndex };
    }
    return { certificateId: d.existing.id, number: d.existing.number, version: d.existing.current_version + 1, statusIndex };
  });
}

async function signRows(rc: RunContext, rows: Row[], decided: DecidedRows, allocations: (Allocation | null)[], issuedAt: Date): Promise<(SignedRow | null)[]> {
  if (!rc.signer) throw new Error('an import run needs its producer’s signing key');
  const env: Omit<SigningEnv, 'sign'> = {
    publicUrl: rc.ctx.config.publicUrl,
    producerOrgId: rc.producerOrgId,
    issuerDid: rc.signer.orgDid,
    issuedAt: issuedAt.toISOString(),
    actor: { userId: rc.actor.userId, apiKeyId: rc.actor.apiKeyId },
    issuedBy: rc.issuedBy,
    frame: { id: rc.signer.frameId, protectedHeader: protectedHeaderSegment(rc.signer.key.kid) },
  };
  // Rows with an allocation are exactly those decided new or amend.
  const idx = allocations.flatMap((a, i) => (a ? [i] : []));
  let done: SignedRow[];
  if (decided.pooled) {
    // The workers that decided the rows still hold them: only references, decisions and numbers go.
    const { pooled, decisions } = decided;
    const jobs = idx.map((i) => ({
      held: pooled.held[i]!,
      d: signingDecision(decisions[i] as Extract<Decision<Verdict>, { kind: 'new' | 'amend' }>),
      a: allocations[i]!,
    }));
    done = await pooled.pool.signHeld(jobs, pooled.decided, env, { privateKey: rc.signer.key.privateKey, kid: rc.signer.key.kid });
  } else {
    const sign = { ...env, sign: rc.signer.sign };
    done = idx.map((i) => {
      const d = decided.decisions[i] as Extract<Decision, { kind: 'new' | 'amend' }>;
      return signRow((rows[i] as Extract<Row, { candidate: Candidate }>).candidate, signingDecision(d), d.evaluation, allocations[i]!, sign);
    });
  }
  const out: (SignedRow | null)[] = rows.map(() => null);
  idx.forEach((i, k) => (out[i] = done[k]!));
  return out;
}

/**
 * Decides (and, when `sign`, signs) a chunk using `q` for look-ups and reservations. Outside a
 * transaction for the normal path; inside the commit's transaction, in process, when the
 * registered state moved since.
 */
async function prepareWith(rc: RunContext, q: Queryable, records: ImportRecord[], sign: boolean, inProcess: boolean, found?: bulk.ExistingCertificate[]): Promise<PreparedChunk> {
  const rows = await toRows(rc, q, records);
  const registered = found ?? (await bulk.findExisting(q, pairsOf(rows), false));
  attachExisting(rows, registered);
  const decided = await decideRows(rc, rows, inProcess || !sign);
  try {
    const { decisions } = decided;
    const issuedAt = rc.ctx.now();
    const allocations = sign ? await allocate(rc, q, decisions) : rows.map(() => null);
    const signedRows = sign ? await signRows(rc, rows, decided, allocations, issuedAt) : rows.map(() => null);
    return { records, rows, found: registered, decisions, allocations, signedRows, issuedAt };
  } finally {
    // Normally sign released them; after a failure the workers must not keep the rows.
    if (decided.pooled && decided.pooled.decided.calls.size > 0) await decided.pooled.pool.release(decided.pooled.decided).catch(() => undefined);
  }
}

/** Decides and signs a chunk without holding any lock (see commitChunk). */
export const prepareChunk = (rc: RunContext, records: ImportRecord[]): Promise<PreparedChunk> => prepareWith(rc, rc.ctx.db, records, true, false);

/** Evaluates a chunk and writes nothing (dry run). */
export async function checkChunk(rc: RunContext, records: ImportRecord[]): Promise<ChunkOutcome> {
  return tally(await prepareWith(rc, rc.ctx.db, records, false, true));
}

/** Counts and row errors of a decided chunk, in file order. */
function tally(p: PreparedChunk): ChunkOutcome {
  const outcome: ChunkOutcome = { records: p.rows.length, rows: 0, accepted: 0, rejected: 0, unchanged: 0, errors: [] };
  const at = (rec: ImportRecord, errors: PathError[]): RowError[] => errors.map((e) => ({ ...rec.locate(e.path), code: e.code, reason: e.reason }));
  p.rows.forEach((r, i) => {
    outcome.rows += r.rec.lastRow - r.rec.firstRow + 1;
    if (!isCandidate(r)) {
      outcome.rejected++;
      outcome.errors.push(...r.errors);
      return;
    }
    if (r.duplicateOf !== undefined) {
      outcome.rejected++;
      outcome.errors.push(...at(r.rec, [{ path: 'pcr', code: 'duplicate_in_file', reason: `Row ${r.duplicateOf} already gives this brand + PCR` }]));
      return;
    }
    const d = p.decisions[i]!;
    if (d.kind === 'unchanged') outcome.unchanged++;
    else if (d.kind === 'refused') {
      outcome.rejected++;
      outcome.errors.push(...at(r.rec, d.errors));
    } else if (d.evaluation.verdict === 'conforming') outcome.accepted++;
    else {
      outcome.rejected++;
      outcome.errors.push(...at(r.rec, reasonErrors(r.candidate, d.evaluation)));
    }
  });
  return outcome;
}

const isUniqueLiveViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505' && (e as { constraint?: unknown }).constraint === 'certificates_brand_pcr_live';

export interface ChunkCommit {
  /** Lease holder and the job's expected next_row (optimistic check that no one else moved it). */
  owner: string;
  expectedNextRow: number;
  nextRow: number;
  leaseSeconds: number;
}

export class LeaseLost extends Error {
  constructor() {
    super('Another runner has taken over this import job');
    this.name = 'LeaseLost';
  }
}

/** The registered state that the decisions depend on, comparable across two reads. */
const stateOf = (found: bulk.ExistingCertificate[]): string =>
  found
    .map((e) => `${e.id}:${e.current_version}:${e.status}`)
    .sort()
    .join(',');

/**
 * Writes a prepared chunk in one transaction (retrying when a concurrent single issue took a PCR
 * between the look-up and the insert).
 */
export async function commitChunk(rc: RunContext, prepared: PreparedChunk, commit: ChunkCommit): Promise<ChunkOutcome & { job: repo.JobRow }> {
  let chunk = prepared;
  let replan = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await rc.ctx.db.transaction(async (tx) => {
        const locked = await repo.lockJobForChunk(tx, rc.jobId!, commit.owner, commit.expectedNextRow);
        if (!locked) throw new LeaseLost();
        const now = await bulk.findExisting(tx, pairsOf(chunk.rows), true);
        if (replan || stateOf(now) !== stateOf(chunk.found)) chunk = await prepareWith(rc, tx, chunk.records, true, true, now);
        const outcome = tally(chunk);
        await write(rc, tx, chunk, locked, outcome);
        const job = await repo.commitProgress(tx, rc.jobId!, commit.leaseSeconds, {
          nextRow: commit.nextRow,
          rows: outcome.rows,
          records: outcome.records,
          accepted: outcome.accepted,
          rejected: outcome.rejected,
          unchanged: outcome.unchanged,
          errors: outcome.errors.length,
        });
        return { ...outcome, job };
      });
    } catch (e) {
      if (attempt < 3 && isUniqueLiveViolation(e)) {
        // Whatever took the PCR is committed now: decide again against it, in process.
        replan = true;
        continue;
      }
      throw e;
    }
  }
}

/** Every row of a decided and signed chunk, each kind in one statement. */
async function write(rc: RunContext, tx: Queryable, p: PreparedChunk, job: repo.JobRow, outcome: ChunkOutcome): Promise<void> {
  const certificates: bulk.NewCertificateRow[] = [];
  const versionLines: string[] = [];
  const changes: SignedChange[] = [];
  const heads: bulk.HeadUpdate[] = [];
  const now = p.issuedAt;

  p.rows.forEach((r, i) => {
    const d = p.decisions[i];
    const a = p.allocations[i];
    const s = p.signedRows[i];
    if (!isCandidate(r) || !d || !a || !s || (d.kind !== 'new' && d.kind !== 'amend')) return;
    const c = r.candidate;
    const ok = d.evaluation.verdict === 'conforming';
    const status: CertificateStatus = ok ? 'issued' : 'rejected';
    const log = { kind: s.logKind, subjectType: 'certificate', subjectId: a.certificateId, version: a.version };
    versionLines.push(s.versionLine);
    if (d.kind === 'new') {
      certificates.push({
        id: a.certificateId,
        seq: a.seq!,
        brandId: c.brand.id,
        pcr: c.submission.pcr,
        metal: c.brand.metal,
        producerOrgId: rc.producerOrgId,
        status,
        productionDate: c.submission.productionDate,
        originCountry: c.submission.originCountry,
        warrantEligible: d.evaluation.warrantEligible,
        contentDigest: s.contentDigest,
        statusIndex: a.statusIndex,
        createdAt: now,
      });
      changes.push({
        log,
        payload: { payloadDigest: s.payloadDigest },
        event: {
          actor: rc.actor,
          action: ok ? 'certificate.issued' : 'certificate.rejected',
          digestBefore: null,
          digestAfter: s.contentDigest,
          details: { number: a.number, brand: c.brand.code, pcr: c.submission.pcr, reasons: d.evaluation.reasons.length, importJob: rc.jobId, row: r.rec.firstRow, issuedBy: rc.issuedBy?.name ?? null },
        },
      });
    } else {
      heads.push({
        id: a.certificateId,
        status,
        version: a.version,
        contentDigest: s.contentDigest,
        warrantEligible: d.evaluation.warrantEligible,
        productionDate: c.submission.productionDate,
        originCountry: c.submission.originCountry,
        statusIndex: a.statusIndex,
      });
      changes.push({
        log,
        payload: { payloadDigest: s.payloadDigest },
        event: {
          actor: rc.actor,
          action: 'certificate.amended',
          digestBefore: d.existing.content_digest,
          digestAfter: s.contentDigest,
          details: { number: a.number, version: a.version, reason: c.amendmentReason, status, importJob: rc.jobId, row: r.rec.firstRow, issuedBy: rc.issuedBy?.name ?? null },
        },
      });
    }
  });

  // Everything that does not need a log index first; the log head (which every issuer in the
  // registry waits on) is locked last, for the append and the versions only.
  await bulk.insertCertificates(tx, certificates);
  await bulk.updateHeads(tx, heads);
  await repo.insertErrors(tx, job.id, job.error_count + 1, outcome.errors);
  const recorded = await recordSignedChanges(rc.ctx, tx, changes);
  await bulk.insertVersionLines(
    tx,
    versionLines.map((prefix, i) => ({ prefix, logIndex: recorded[i]!.logIndex })),
  );
}
