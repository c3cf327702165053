import type { CertificateContent, CertificateStatus } from '../certificates/model.ts';
import { COPY_MIN_ROWS, type Queryable } from '../platform/db.ts';
import type { ImportFormat } from './readers.ts';
import type { RowError } from './records.ts';

// The only SQL of bulk import. Every per-chunk write is one multi-row statement (arrays through
// unnest), so a chunk of a thousand certificates is a handful of round trips on either engine.

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface JobRow {
  id: string;
  producer_org_id: string;
  created_by_user: string | null;
  created_by_key: string | null;
  filename: string;
  format: ImportFormat;
  file_sha256: string;
  file_bytes: number;
  status: JobStatus;
  rows_total: number;
  records_total: number;
  next_row: number;
  rows_done: number;
  records_done: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  error_count: number;
  failure: string | null;
  lease_owner: string | null;
  lease_until: Date | null;
  run_started_at: Date | null;
  run_start_records: number;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

export async function insertJob(
  q: Queryable,
  j: {
    id: string;
    producerOrgId: string;
    userId: string | null;
    apiKeyId: string | null;
    filename: string;
    format: ImportFormat;
    sha256: string;
    bytes: number;
    rowsTotal: number;
    recordsTotal: number;
  },
): Promise<JobRow> {
  const r = await q.query<JobRow>(
    `INSERT INTO import_jobs (id, producer_org_id, created_by_user, created_by_key, filename, format, file_sha256, file_bytes, status, rows_total, records_total, next_row)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9, $10, 0) RETURNING *`,
    [j.id, j.producerOrgId, j.userId, j.apiKeyId, j.filename, j.format, j.sha256, j.bytes, j.rowsTotal, j.recordsTotal],
  );
  return r.rows[0]!;
}

export async function getJob(q: Queryable, id: string): Promise<JobRow | undefined> {
  return (await q.query<JobRow>(`SELECT * FROM import_jobs WHERE id = $1`, [id])).rows[0];
}

export async function findJobByFile(q: Queryable, producerOrgId: string, sha256: string): Promise<JobRow | undefined> {
  return (
    await q.query<JobRow>(`SELECT * FROM import_jobs WHERE producer_org_id = $1 AND file_sha256 = $2`, [producerOrgId, sha256])
  ).rows[0];
}

export async function listJobs(q: Queryable, producerOrgId: string | null, limit: number): Promise<JobRow[]> {
  const r = await q.query<JobRow>(
    `SELECT * FROM import_jobs ${producerOrgId ? 'WHERE producer_org_id = $2' : ''} ORDER BY created_at DESC, id LIMIT $1`,
    producerOrgId ? [limit, producerOrgId] : [limit],
  );
  return r.rows;
}

/**
 * Takes the job for `owner` (status running, a fresh lease). Without `force` only a job nobody
 * holds (no lease, or an expired one) is taken; `force` takes it over from a runner that died.
 */
export async function claimJob(q: Queryable, id: string, owner: string, leaseSeconds: number, force: boolean): Promise<JobRow | undefined> {
  const r = await q.query<JobRow>(
    `UPDATE import_jobs SET status = 'running', lease_owner = $2, lease_until = now() + make_interval(secs => $3),
       run_started_at = now(), run_start_records = records_done, failure = NULL, updated_at = now()
     WHERE id = $1 AND (status IN ('queued', 'running') OR ($4 AND status = 'failed'))
       AND ($4 OR lease_owner IS NULL OR lease_until < now() OR lease_owner = $2)
     RETURNING *`,
    [id, owner, leaseSeconds, force],
  );
  return r.rows[0];
}

/** Unfinished jobs nobody holds: what a starting server resumes. */
export async function claimableJobs(q: Queryable): Promise<string[]> {
  const r = await q.query<{ id: string }>(
    `SELECT id FROM import_jobs WHERE status IN ('queued', 'running') AND (lease_owner IS NULL OR lease_until < now()) ORDER BY created_at`,
  );
  return r.rows.map((x) => x.id);
}

/** Locks the job for a chunk; undefined when another runner has taken it or moved it on. */
export async function lockJobForChunk(q: Queryable, id: string, owner: string, nextRow: number): Promise<JobRow | undefined> {
  const r = await q.query<JobRow>(`SELECT * FROM import_jobs WHERE id = $1 FOR UPDATE`, [id]);
  const j = r.rows[0];
  return j && j.lease_owner === owner && j.next_row === nextRow && j.status === 'running' ? j : undefined;
}

export interface Progress {
  nextRow: number;
  rows: number;
  records: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  errors: number;
}

export async function commitProgress(q: Queryable, id: string, leaseSeconds: number, p: Progress): Promise<JobRow> {
  const r = await q.query<JobRow>(
    `UPDATE import_jobs SET next_row = $2, rows_done = rows_done + $3, records_done = records_done + $4, accepted = accepted + $5,
       rejected = rejected + $6, unchanged = unchanged + $7, error_count = error_count + $8,
       lease_until = now() + make_interval(secs => $9), updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id, p.nextRow, p.rows, p.records, p.accepted, p.rejected, p.unchanged, p.errors, leaseSeconds],
  );
  return r.rows[0]!;
}

export async function finishJob(
  q: Queryable,
  id: string,
  owner: string,
  status: 'completed' | 'failed',
  failure: string | null,
): Promise<JobRow | undefined> {
  const r = await q.query<JobRow>(
    `UPDATE import_jobs SET status = $3, failure = $4, lease_owner = NULL, lease_until = NULL, updated_at = now(),
       finished_at = CASE WHEN $3 = 'completed' THEN now() ELSE finished_at END
     WHERE id = $1 AND lease_owner = $2 RETURNING *`,
    [id, owner, status, failure],
  );
  return r.rows[0];
}

/** Lets go of a job without finishing it (a stop between chunks), so another runner may resume it at once. */
export async function releaseJob(q: Queryable, id: string, owner: string): Promise<void> {
  await q.query(`UPDATE import_jobs SET lease_owner = NULL, lease_until = NULL, updated_at = now() WHERE id = $1 AND lease_owner = $2`, [
    id,
    owner,
  ]);
}

export async function insertErrors(q: Queryable, jobId: string, firstSeq: number, errors: RowError[]): Promise<void> {
  if (errors.length === 0) return;
  await q.query(
    `INSERT INTO import_errors (job_id, seq, row_number, column_name, value, code, reason)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    [
      jobId,
      errors.map((_, i) => firstSeq + i),
      errors.map((e) => e.row),
      errors.map((e) => e.column),
      errors.map((e) => e.value),
      errors.map((e) => e.code),
      errors.map((e) => e.reason),
    ],
  );
}

export interface ErrorRow {
  seq: number;
  row_number: number;
  column_name: string;
  value: string | null;
  code: string;
  reason: string;
}

export async function listErrors(q: Queryable, jobId: string, afterSeq: number, limit: number): Promise<ErrorRow[]> {
  const r = await q.query<ErrorRow>(
    `SELECT seq, row_number, column_name, value, code, reason FROM import_errors WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [jobId, afterSeq, limit],
  );
  return r.rows;
}

// ------------------------------------------------------------------ certificates in bulk

/** `n` consecutive status-list indices for an issuer, in one statement; returns the first. */
export async function allocateStatusRange(q: Queryable, orgId: string, n: number): Promise<number> {
  const r = await q.query<{ first: number }>(
    `INSERT INTO status_allocations (org_id, next_index) VALUES ($1, $2)
     ON CONFLICT (org_id) DO UPDATE SET next_index = status_allocations.next_index + $2
     RETURNING next_index - $2 AS first`,
    [orgId, n],
  );
  return r.rows[0]!.first;
}

/** `n` certificate sequence numbers (and so numbers, AS-0000000042), reserved before content is built. */
export async function nextCertificateSeqs(q: Queryable, n: number): Promise<number[]> {
  if (n === 0) return [];
  const r = await q.query<{ seq: number }>(
    `SELECT nextval(pg_get_serial_sequence('certificates', 'seq')) AS seq FROM generate_series(1, $1::int)`,
    [n],
  );
  return r.rows.map((x) => x.seq);
}

export const certificateNumber = (seq: number): string => `AS-${String(seq).padStart(10, '0')}`;

export interface ExistingCertificate {
  id: string;
  brand_id: string;
  pcr: string;
  number: string;
  status: CertificateStatus;
  current_version: number;
  status_index: number | null;
  content_digest: string;
  content: CertificateContent;
}

/** Every certificate of these brand + PCR pairs with its current content, newest first, locked. */
export async function findExisting(q: Queryable, keys: { brandId: string; pcr: string }[], lock: boolean): Promise<ExistingCertificate[]> {
  if (keys.length === 0) return [];
  const r = await q.query<ExistingCertificate>(
    `SELECT c.id, c.brand_id, c.pcr, c.number, c.status, c.current_version, c.status_index, c.content_digest, v.content
       FROM certificates c JOIN certificate_versions v ON v.certificate_id = c.id AND v.version = c.current_version
      WHERE (c.brand_id, c.pcr) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
      ORDER BY c.seq DESC ${lock ? 'FOR UPDATE OF c' : ''}`,
    [keys.map((k) => k.brandId), keys.map((k) => k.pcr)],
  );
  return r.rows;
}

export interface NewCertificateRow {
  id: string;
  seq: number;
  brandId: string;
  pcr: string;
  metal: string;
  producerOrgId: string;
  status: CertificateStatus;
  productionDate: string;
  originCountry: string;
  warrantEligible: boolean;
  contentDigest: string;
  statusIndex: number | null;
  createdAt: Date;
}

export async function insertCertificates(q: Queryable, rows: NewCertificateRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length >= COPY_MIN_ROWS) {
    const columns = ['id', 'seq', 'brand_id', 'pcr', 'metal', 'producer_org_id', 'status', 'current_version', 'production_date', 'origin_country', 'warrant_eligible', 'content_digest', 'status_index', 'created_at', 'updated_at'];
    return q.copyRows(
      'certificates',
      columns,
      rows.map((r) => [r.id, r.seq, r.brandId, r.pcr, r.metal, r.producerOrgId, r.status, 1, r.productionDate, r.originCountry, r.warrantEligible, r.contentDigest, r.statusIndex, r.createdAt, r.createdAt]),
    );
  }
  await q.query(
    `INSERT INTO certificates (id, seq, brand_id, pcr, metal, producer_org_id, status, current_version, production_date, origin_country,
       warrant_eligible, content_digest, status_index, created_at, updated_at)
     SELECT id, seq, brand_id, pcr, metal, producer_org_id, status, 1, production_date, origin_country, warrant_eligible, content_digest,
       status_index, created_at, created_at
       FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::date[], $9::text[],
                   $10::boolean[], $11::text[], $12::bigint[], $13::timestamptz[])
         AS t(id, seq, brand_id, pcr, metal, producer_org_id, status, production_date, origin_country, warrant_eligible, content_digest,
              status_index, created_at)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.seq),
      rows.map((r) => r.brandId),
      rows.map((r) => r.pcr),
      rows.map((r) => r.metal),
      rows.map((r) => r.producerOrgId),
      rows.map((r) => r.status),
      rows.map((r) => r.productionDate),
      rows.map((r) => r.originCountry),
      rows.map((r) => r.warrantEligible),
      rows.map((r) => r.contentDigest),
      rows.map((r) => r.statusIndex),
      rows.map((r) => r.createdAt),
    ],
  );
}

export { insertVersionLines } from '../certificates/repo.ts';

export interface HeadUpdate {
  id: string;
  status: CertificateStatus;
  version: number;
  contentDigest: string;
  warrantEligible: boolean;
  productionDate: string;
  originCountry: string;
  statusIndex: number | null;
}

/** The new head of amended certificates (as certificates/repo.ts updateHead, for many at once). */
export async function updateHeads(q: Queryable, rows: HeadUpdate[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `UPDATE certificates c SET status = t.status, current_version = t.version, content_digest = t.content_digest,
       warrant_eligible = t.warrant_eligible, production_date = t.production_date, origin_country = t.origin_country,
       status_index = coalesce(c.status_index, t.status_index), status_reason = NULL, updated_at = now()
      FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::boolean[], $6::date[], $7::text[], $8::bigint[])
        AS t(id, status, version, content_digest, warrant_eligible, production_date, origin_country, status_index)
     WHERE c.id = t.id`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.status),
      rows.map((r) => r.version),
      rows.map((r) => r.contentDigest),
      rows.map((r) => r.warrantEligible),
      rows.map((r) => r.productionDate),
      rows.map((r) => r.originCountry),
      rows.map((r) => r.statusIndex),
    ],
  );
}

export interface AuditRow {
  actor: { userId: string | null; apiKeyId: string | null; orgId: string | null };
  action: string;
  subjectId: string;
  digestBefore: string | null;
  digestAfter: string;
  details: Record<string, unknown>;
}

/** One audit event per certificate written, as single issue records them, in one statement. */
export async function insertCertificateAudits(q: Queryable, rows: AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length >= COPY_MIN_ROWS) {
    const columns = ['actor_user_id', 'actor_api_key_id', 'org_id', 'action', 'subject_type', 'subject_id', 'digest_before', 'digest_after', 'details'];
    return q.copyRows(
      'audit_events',
      columns,
      rows.map((r) => [r.actor.userId, r.actor.apiKeyId, r.actor.orgId, r.action, 'certificate', r.subjectId, r.digestBefore, r.digestAfter, JSON.stringify(r.details)]),
    );
  }
  await q.query(
    `INSERT INTO audit_events (actor_user_id, actor_api_key_id, org_id, action, subject_type, subject_id, digest_before, digest_after, details)
     SELECT u, k, o, a, 'certificate', s, b, d, x::jsonb
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t(u, k, o, a, s, b, d, x)`,
    [
      rows.map((r) => r.actor.userId),
      rows.map((r) => r.actor.apiKeyId),
      rows.map((r) => r.actor.orgId),
      rows.map((r) => r.action),
      rows.map((r) => r.subjectId),
      rows.map((r) => r.digestBefore),
      rows.map((r) => r.digestAfter),
      rows.map((r) => JSON.stringify(r.details)),
    ],
  );
}
