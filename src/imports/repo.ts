import type { Queryable } from '../platform/db.ts';
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

