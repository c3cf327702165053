import type { Queryable } from '../platform/db.ts';

// The SQL of evidence files: the bytes with their SHA-256, and what cites them.

export interface EvidenceMeta {
  id: string;
  org_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date;
}

export async function insertEvidence(
  q: Queryable,
  e: { id: string; orgId: string; filename: string; mediaType: string; sha256: string; bytes: Buffer; logIndex: number; userId: string | null; apiKeyId: string | null },
): Promise<EvidenceMeta> {
  const r = await q.query<EvidenceMeta>(
    `INSERT INTO evidence_files (id, org_id, filename, media_type, size_bytes, sha256, bytes, log_index, created_by_user, created_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, org_id, filename, media_type, size_bytes, sha256, created_at`,
    [e.id, e.orgId, e.filename, e.mediaType, e.bytes.length, e.sha256, e.bytes, e.logIndex, e.userId, e.apiKeyId],
  );
  return r.rows[0]!;
}

export async function getEvidence(q: Queryable, id: string): Promise<(EvidenceMeta & { bytes: Buffer }) | undefined> {
  return (await q.query<EvidenceMeta & { bytes: Buffer }>(`SELECT * FROM evidence_files WHERE id = $1`, [id])).rows[0];
}

export async function evidenceMeta(q: Queryable, ids: readonly string[]): Promise<EvidenceMeta[]> {
  if (ids.length === 0) return [];
  const r = await q.query<EvidenceMeta>(
    `SELECT id, org_id, filename, media_type, size_bytes, sha256, created_at FROM evidence_files WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return r.rows;
}

/** The disclosures and tracks that cite a file, with what decides whether a caller may see them. */
export async function evidenceCitations(q: Queryable, id: string): Promise<{ org_id: string; restricted: boolean; auditor_org_id: string | null }[]> {
  const r = await q.query<{ org_id: string; restricted: boolean; auditor_org_id: string | null }>(
    `SELECT org_id, restricted, auditor_org_id FROM disclosures WHERE $1::uuid = ANY(evidence_file_ids)
     UNION ALL
     SELECT b.producer_org_id, t.restricted, NULL FROM sourcing_tracks t JOIN brands b ON b.id = t.brand_id WHERE $1::uuid = ANY(t.evidence_file_ids)`,
    [id],
  );
  return r.rows;
}

export interface EvidenceAuditRow extends EvidenceMeta {
  log_index: number;
  /** The SHA-256 (hex) and length of the stored bytes, computed by the database as they are now. */
  bytes_sha256: string;
  bytes_length: number;
}

/** Evidence files with what their bytes hash to, in id order after `afterId`, `limit` at a time (the audit reads them all). */
export async function evidenceAfter(q: Queryable, afterId: string | null, limit: number): Promise<EvidenceAuditRow[]> {
  const r = await q.query<EvidenceAuditRow>(
    `SELECT id, org_id, filename, media_type, size_bytes, sha256, log_index, created_at,
            encode(sha256(bytes), 'hex') AS bytes_sha256, octet_length(bytes) AS bytes_length
     FROM evidence_files WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  return r.rows;
}
