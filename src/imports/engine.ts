import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import * as brandsRepo from '../brands/repo.ts';
import { certificateCredential, statusListUrl } from '../certificates/credential.ts';
import type { CertificateContent, CertificateStatus, Evaluation, Submission } from '../certificates/model.ts';
import { evaluateSubmission } from '../certificates/rules.ts';
import { CERTIFICATE_RULES, ORIGIN_RESTRICTIONS } from '../certificates/service.ts';
import { digestOf } from '../ledger/canonical.ts';
import { appendEntries, type NewEntry } from '../ledger/log-service.ts';
import { locate } from '../ledger/status-service.ts';
import { digestBytes, type LogKind } from '../ledger/trust.ts';
import * as metalsRepo from '../metals/repo.ts';
import { selectSpec } from '../metals/spec-select.ts';
import type { ContractSpec, MetalCode } from '../metals/spec-types.ts';
import type { Queryable } from '../platform/db.ts';
import type { ImportRecord, RowError } from './records.ts';
import * as repo from './repo.ts';
import type { CredentialSigner } from '../ledger/vc.ts';
import { buildContent as buildCertificateContent } from '../certificates/service.ts';

// One chunk of an import: the same rules as single issue (evaluateSubmission against the brand and
// the contract spec in force), then every write of the chunk — certificates, versions, log
// entries, status indices, audit events, the error rows and the job's progress — in one
// transaction, each kind in one statement. A chunk commits whole or not at all, so a killed
// import never leaves a certificate signed but not logged, or logged but not stored.

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
  /** Absent for a dry run, which signs nothing. */
  signer?: { sign: CredentialSigner; orgDid: string };
}

export async function runContext(ctx: AppContext, producerOrgId: string, actor: Actor, jobId: string | null): Promise<RunContext> {
  const specs = new Map<string, ContractSpec[]>();
  for (const s of await metalsRepo.listSpecs(ctx.db)) specs.set(s.metal, [...(specs.get(s.metal) ?? []), s]);
  return { ctx, producerOrgId, actor, jobId, today: ctx.now().toISOString().slice(0, 10), specs, brands: new Map() };
}

export interface ChunkOutcome {
  records: number;
  rows: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  errors: RowError[];
}

type Prepared =
  | { kind: 'invalid'; rec: ImportRecord; errors: RowError[] }
  | {
      kind: 'valid';
      rec: ImportRecord;
      s: Submission;
      brand: brandsRepo.BrandRecord;
      evaluation: Evaluation;
      spec: ContractSpec | undefined;
      comparable: string;
    };

/** The part of a certificate's content that came from the submission: equal means "same certificate". */
const submissionDigest = (s: Submission): string => {
  const { brand: _b, metal: _m, ...rest } = s;
  return digestOf(rest);
};
const contentDigestOfSubmission = (c: CertificateContent): string => {
  const { schema: _s, number: _n, version: _v, brand: _b, producer: _p, plant: _pl, metal: _m, spec: _sp, issuedAt: _i, ...rest } = c;
  return digestOf(rest);
};

async function brandFor(rc: RunContext, ref: string): Promise<brandsRepo.BrandRecord | null> {
  if (!rc.brands.has(ref)) rc.brands.set(ref, (await brandsRepo.getBrand(rc.ctx.db, ref)) ?? null);
  return rc.brands.get(ref)!;
}

async function prepare(rc: RunContext, rec: ImportRecord): Promise<Prepared> {
  if (!rec.submission) return { kind: 'invalid', rec, errors: rec.errors };
  const s = rec.submission;
  const brand = await brandFor(rc, s.brand);
  const at = rec.locate('brand');
  if (!brand) return { kind: 'invalid', rec, errors: [{ ...at, code: 'unknown_brand', reason: `No listed brand ${s.brand}` }] };
  if (brand.producer.id !== rc.producerOrgId) {
    return { kind: 'invalid', rec, errors: [{ ...at, code: 'forbidden_brand', reason: `Brand ${brand.code} belongs to another producer` }] };
  }
  const spec = selectSpec(rc.specs.get(brand.metal) ?? [], brand.metal as MetalCode, s.productionDate);
  const evaluation = evaluateSubmission({
    submission: s,
    brand,
    spec,
    today: rc.today,
    rules: CERTIFICATE_RULES,
    originRestrictions: ORIGIN_RESTRICTIONS,
  });
  return { kind: 'valid', rec, s, brand, evaluation, spec, comparable: submissionDigest(s) };
}

/** Rule failures as row errors; a purity failure points at the purity element's column. */
const reasonErrors = (p: Extract<Prepared, { kind: 'valid' }>): RowError[] =>
  p.evaluation.reasons.map((r) => {
    const path = r.path === 'chemistry.purity' && p.spec?.purity ? `chemistry.${p.spec.purity.element}` : r.path;
    return { ...p.rec.locate(path), code: r.code, reason: r.message };
  });

const buildContent = (p: Extract<Prepared, { kind: 'valid' }>, number: string, version: number, issuedAt: Date): CertificateContent =>
  buildCertificateContent(p.s, p.brand, p.spec, number, version, issuedAt);

type Plan =
  | { kind: 'new'; p: Extract<Prepared, { kind: 'valid' }> }
  | { kind: 'amend'; p: Extract<Prepared, { kind: 'valid' }>; existing: repo.ExistingCertificate }
  | { kind: 'unchanged' }
  | { kind: 'refused'; errors: RowError[] };

/** Decides what each valid record does given what is already registered (certificates/service.ts semantics). */
function plan(p: Extract<Prepared, { kind: 'valid' }>, found: repo.ExistingCertificate[]): Plan {
  const mine = found.filter((e) => e.brand_id === p.brand.id && e.pcr === p.s.pcr);
  const existing = mine.find((e) => e.status !== 'rejected') ?? mine[0];
  if (!existing) return { kind: 'new', p };
  if (contentDigestOfSubmission(existing.content) === p.comparable) return { kind: 'unchanged' };
  const pcrAt = p.rec.locate('pcr');
  const reason = p.rec.amendmentReason;
  if (reason === undefined) {
    // A rejected submission does not hold its PCR: a different one is a fresh submission, as in the API.
    if (existing.status === 'rejected') return { kind: 'new', p };
    return {
      kind: 'refused',
      errors: [
        {
          ...pcrAt,
          code: 'conflict',
          reason: `Brand ${p.brand.code} already has certificate ${existing.number} for PCR ${p.s.pcr} with different content; give an amendmentReason to amend it`,
        },
      ],
    };
  }
  if (existing.status === 'revoked') {
    return { kind: 'refused', errors: [{ ...pcrAt, code: 'conflict', reason: `Certificate ${existing.number} is revoked and cannot be amended` }] };
  }
  if (existing.status === 'issued' && p.evaluation.verdict !== 'conforming') {
    return {
      kind: 'refused',
      errors: [
        { ...p.rec.locate('amendmentReason'), code: 'amendment_not_conforming', reason: `The amendment does not conform; certificate ${existing.number} is unchanged` },
        ...reasonErrors(p),
      ],
    };
  }
  return { kind: 'amend', p, existing };
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

/**
 * Processes one chunk. With `commit`, writes it in one transaction (retrying when a concurrent
 * single issue took a PCR between the look-up and the insert); without, only evaluates (dry run).
 */
export async function processChunk(rc: RunContext, records: ImportRecord[], commit?: ChunkCommit): Promise<ChunkOutcome & { job?: repo.JobRow }> {
  const prepared: Prepared[] = [];
  for (const rec of records) prepared.push(await prepare(rc, rec));
  if (!commit) return decide(rc, rc.ctx.db, prepared, null);
  for (let attempt = 1; ; attempt++) {
    try {
      return await rc.ctx.db.transaction(async (tx) => {
        const locked = await repo.lockJobForChunk(tx, rc.jobId!, commit.owner, commit.expectedNextRow);
        if (!locked) throw new LeaseLost();
        const outcome = await decide(rc, tx, prepared, locked);
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
      if (attempt < 3 && isUniqueLiveViolation(e)) continue;
      throw e;
    }
  }
}

/** Plans every record of the chunk; with the locked job (not a dry run) also writes the plan. */
async function decide(rc: RunContext, tx: Queryable, prepared: Prepared[], job: repo.JobRow | null): Promise<ChunkOutcome> {
  const write = job !== null;
  const outcome: ChunkOutcome = { records: prepared.length, rows: 0, accepted: 0, rejected: 0, unchanged: 0, errors: [] };
  const valid = prepared.filter((p): p is Extract<Prepared, { kind: 'valid' }> => p.kind === 'valid');
  const found = await repo.findExisting(
    tx,
    valid.map((p) => ({ brandId: p.brand.id, pcr: p.s.pcr })),
    write,
  );

  const plans: Plan[] = [];
  const seen = new Map<string, number>();
  for (const p of prepared) {
    outcome.rows += p.rec.lastRow - p.rec.firstRow + 1;
    if (p.kind === 'invalid') {
      outcome.rejected++;
      outcome.errors.push(...p.errors);
      continue;
    }
    // The reader cuts chunks where a brand + PCR repeats; this catches one brand written two ways.
    const key = `${p.brand.id}|${p.s.pcr}`;
    const earlier = seen.get(key);
    seen.set(key, p.rec.firstRow);
    const pl: Plan =
      earlier !== undefined
        ? { kind: 'refused', errors: [{ ...p.rec.locate('pcr'), code: 'duplicate_in_file', reason: `Row ${earlier} already gives this brand + PCR` }] }
        : plan(p, found);
    plans.push(pl);
    if (pl.kind === 'unchanged') outcome.unchanged++;
    else if (pl.kind === 'refused') {
      outcome.rejected++;
      outcome.errors.push(...pl.errors);
    } else if (p.evaluation.verdict === 'conforming') outcome.accepted++;
    else {
      outcome.rejected++;
      outcome.errors.push(...reasonErrors(p));
    }
  }
  if (!write) return outcome;

  const news = plans.filter((x): x is Extract<Plan, { kind: 'new' }> => x.kind === 'new');
  const amends = plans.filter((x): x is Extract<Plan, { kind: 'amend' }> => x.kind === 'amend');
  const conforming = (p: Extract<Prepared, { kind: 'valid' }>) => p.evaluation.verdict === 'conforming';
  const seqs = await repo.nextCertificateSeqs(tx, news.length);
  const needIndex = news.filter((n) => conforming(n.p)).length + amends.filter((a) => conforming(a.p) && a.existing.status_index === null).length;
  let nextIndex = needIndex > 0 ? await repo.allocateStatusRange(tx, rc.producerOrgId, needIndex) : 0;
  const now = rc.ctx.now();

  const certificates: repo.NewCertificateRow[] = [];
  const versions: Omit<repo.NewVersionRow, 'logIndex'>[] = [];
  const entries: NewEntry[] = [];
  const heads: repo.HeadUpdate[] = [];
  const audits: repo.AuditRow[] = [];

  const sign = (certificateId: string, content: CertificateContent, statusIndex: number): string => {
    if (!rc.signer) throw new Error('no signing key for a conforming certificate');
    const vc = certificateCredential({
      publicUrl: rc.ctx.config.publicUrl,
      certificateId,
      issuerDid: rc.signer.orgDid,
      content,
      status: { listUrl: statusListUrl(rc.ctx.config.publicUrl, rc.producerOrgId, locate(statusIndex).listNo), index: statusIndex },
    });
    return rc.signer.sign(vc);
  };
  const version = (
    certificateId: string,
    p: Extract<Prepared, { kind: 'valid' }>,
    content: CertificateContent,
    statusIndex: number | null,
    kind: LogKind,
    amendmentReason: string | null,
  ): string => {
    const digest = digestOf(content);
    const credential = conforming(p) ? sign(certificateId, content, statusIndex!) : null;
    entries.push({
      kind,
      subjectType: 'certificate',
      subjectId: certificateId,
      version: content.version,
      payloadDigest: credential ? digestBytes(credential) : digest,
    });
    versions.push({
      certificateId,
      version: content.version,
      content,
      contentDigest: digest,
      evaluation: p.evaluation,
      amendmentReason,
      userId: rc.actor.userId,
      apiKeyId: rc.actor.apiKeyId,
      credential,
      createdAt: now,
    });
    return digest;
  };

  news.forEach(({ p }, i) => {
    const id = randomUUID();
    const status: CertificateStatus = conforming(p) ? 'issued' : 'rejected';
    const statusIndex = status === 'issued' ? nextIndex++ : null;
    const number = repo.certificateNumber(seqs[i]!);
    const content = buildContent(p, number, 1, now);
    const digest = version(id, p, content, statusIndex, status === 'issued' ? 'certificate.issued' : 'certificate.rejected', null);
    certificates.push({
      id,
      seq: seqs[i]!,
      brandId: p.brand.id,
      pcr: p.s.pcr,
      metal: p.brand.metal,
      producerOrgId: rc.producerOrgId,
      status,
      productionDate: p.s.productionDate,
      originCountry: p.s.originCountry,
      warrantEligible: p.evaluation.warrantEligible,
      contentDigest: digest,
      statusIndex,
      createdAt: now,
    });
    audits.push({
      actor: rc.actor,
      action: status === 'issued' ? 'certificate.issued' : 'certificate.rejected',
      subjectId: id,
      digestBefore: null,
      digestAfter: digest,
      details: { number, brand: p.brand.code, pcr: p.s.pcr, reasons: p.evaluation.reasons.length, importJob: rc.jobId, row: p.rec.firstRow },
    });
  });
  for (const { p, existing: c } of amends) {
    const ok = conforming(p);
    const statusIndex = c.status_index ?? (ok ? nextIndex++ : null);
    const content = buildContent(p, c.number, c.current_version + 1, now);
    const kind: LogKind = !ok ? 'certificate.rejected' : c.status === 'rejected' ? 'certificate.issued' : 'certificate.amended';
    const digest = version(c.id, p, content, statusIndex, kind, p.rec.amendmentReason!);
    const status: CertificateStatus = ok ? 'issued' : 'rejected';
    heads.push({
      id: c.id,
      status,
      version: content.version,
      contentDigest: digest,
      warrantEligible: p.evaluation.warrantEligible,
      productionDate: p.s.productionDate,
      originCountry: p.s.originCountry,
      statusIndex,
    });
    audits.push({
      actor: rc.actor,
      action: 'certificate.amended',
      subjectId: c.id,
      digestBefore: c.content_digest,
      digestAfter: digest,
      details: { number: c.number, version: content.version, reason: p.rec.amendmentReason, status, importJob: rc.jobId, row: p.rec.firstRow },
    });
  }

  // Everything that does not need a log index first; the log head (which every issuer in the
  // registry waits on) is locked last, for the append and the versions only.
  await repo.insertCertificates(tx, certificates);
  await repo.updateHeads(tx, heads);
  await repo.insertCertificateAudits(tx, audits);
  await repo.insertErrors(tx, job.id, job.error_count + 1, outcome.errors);
  const indices = await appendEntries(rc.ctx, tx, entries);
  await repo.insertVersions(
    tx,
    versions.map((v, i) => ({ ...v, logIndex: indices[i]! })),
  );
  return outcome;
}
