import type { Queryable } from '../platform/db.ts';

// The SQL of responsible sourcing: each brand's track history and the exchange's compliance rulings.

export interface TrackRow {
  id: string;
  seq: number;
  brand_id: string;
  track: string;
  effective_from: string;
  restricted: boolean;
  content: Record<string, unknown>;
  content_digest: string;
  credential: string;
  log_index: number;
  created_at: Date;
}

export async function insertTrack(
  q: Queryable,
  t: { id: string; brandId: string; track: string; effectiveFrom: string; restricted: boolean; evidenceFileIds: string[]; content: unknown; contentDigest: string; credential: string; logIndex: number; userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO sourcing_tracks (id, brand_id, track, effective_from, restricted, evidence_file_ids, content, content_digest, credential, log_index, created_by_user, created_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [t.id, t.brandId, t.track, t.effectiveFrom, t.restricted, t.evidenceFileIds, JSON.stringify(t.content), t.contentDigest, t.credential, t.logIndex, t.userId, t.apiKeyId],
  );
}

export async function listTracks(q: Queryable, brandId: string): Promise<TrackRow[]> {
  return (await q.query<TrackRow>(`SELECT * FROM sourcing_tracks WHERE brand_id = $1 ORDER BY effective_from, seq`, [brandId])).rows;
}

export interface ComplianceRow {
  id: number;
  brand_id: string;
  status: 'compliant' | 'non_compliant';
  effective_date: string;
  reason: string;
  credential: string;
  log_index: number;
  recorded_at: Date;
}

export async function insertCompliance(
  q: Queryable,
  c: { brandId: string; status: string; effectiveDate: string; reason: string; credential: string; logIndex: number; userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO sourcing_compliance (brand_id, status, effective_date, reason, credential, log_index, created_by_user, created_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.brandId, c.status, c.effectiveDate, c.reason, c.credential, c.logIndex, c.userId, c.apiKeyId],
  );
}

export async function listCompliance(q: Queryable, brandId: string): Promise<ComplianceRow[]> {
  return (await q.query<ComplianceRow>(`SELECT * FROM sourcing_compliance WHERE brand_id = $1 ORDER BY id`, [brandId])).rows;
}

/** The latest ruling of every brand that has one, newest first; optionally only those with this status. */
export async function latestCompliance(q: Queryable, status?: string): Promise<ComplianceRow[]> {
  const params: unknown[] = [];
  const where = status ? `WHERE l.status = $${params.push(status)}` : '';
  return (
    await q.query<ComplianceRow>(
      `SELECT * FROM (SELECT DISTINCT ON (brand_id) * FROM sourcing_compliance ORDER BY brand_id, id DESC) l ${where} ORDER BY l.id DESC`,
      params,
    )
  ).rows;
}

/** Every track, as stored (the audit). */
export async function allTracks(q: Queryable): Promise<(TrackRow & { evidence_file_ids: string[] })[]> {
  return (await q.query<TrackRow & { evidence_file_ids: string[] }>(`SELECT * FROM sourcing_tracks ORDER BY seq`)).rows;
}

/** Every ruling, each brand's in the order they were made (the audit). */
export async function allCompliance(q: Queryable): Promise<ComplianceRow[]> {
  return (await q.query<ComplianceRow>(`SELECT * FROM sourcing_compliance ORDER BY brand_id, id`)).rows;
}

/** Brands that have been ruled on. */
export async function ruledBrandIds(q: Queryable): Promise<string[]> {
  return (await q.query<{ brand_id: string }>(`SELECT DISTINCT brand_id FROM sourcing_compliance`)).rows.map((r) => r.brand_id);
}

export async function trackExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM sourcing_tracks WHERE id = $1`, [id])).rowCount > 0;
}

export async function countCompliance(q: Queryable, brandId: string): Promise<number> {
  return (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM sourcing_compliance WHERE brand_id = $1`, [brandId])).rows[0]!.n;
}
