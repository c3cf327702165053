import type { Queryable } from '../platform/db.ts';

// The SQL of who may read a brand's CBAM data: its publication state and explicit, revocable grants.

export async function isPublished(q: Queryable, brandId: string): Promise<boolean> {
  return (await q.query<{ published: boolean }>(`SELECT published FROM cbam_visibility WHERE brand_id = $1`, [brandId])).rows[0]?.published ?? false;
}

export interface VisibilityRow {
  brand_id: string;
  published: boolean;
  credential: string;
  log_index: number;
  changed_at: Date;
}

/** A brand's publication state (absent: private, never published). */
export async function getVisibility(q: Queryable, brandId: string): Promise<VisibilityRow | undefined> {
  return (await q.query<VisibilityRow>(`SELECT * FROM cbam_visibility WHERE brand_id = $1`, [brandId])).rows[0];
}

export async function setPublished(q: Queryable, brandId: string, published: boolean, credential: string, logIndex: number): Promise<void> {
  await q.query(
    `INSERT INTO cbam_visibility (brand_id, published, credential, log_index) VALUES ($1, $2, $3, $4)
     ON CONFLICT (brand_id) DO UPDATE SET published = EXCLUDED.published, credential = EXCLUDED.credential, log_index = EXCLUDED.log_index, changed_at = now()`,
    [brandId, published, credential, logIndex],
  );
}

/** Brands whose CBAM data this caller may read through publication or an active grant. */
export async function sharedBrandIds(q: Queryable, orgId: string | null): Promise<string[]> {
  const r = await q.query<{ brand_id: string }>(
    `SELECT brand_id FROM cbam_visibility WHERE published
     UNION SELECT brand_id FROM cbam_grants WHERE revoked_at IS NULL AND grantee_org_id = $1`,
    [orgId],
  );
  return r.rows.map((x) => x.brand_id);
}

export interface GrantRow {
  id: string;
  brand_id: string;
  grantee_org_id: string;
  grantee_name: string;
  granted_by_org_id: string;
  reason: string;
  credential: string;
  log_index: number;
  granted_at: Date;
  revoked_at: Date | null;
  revoked_by_org_id: string | null;
  revoke_reason: string | null;
  revoke_credential: string | null;
  revoke_log_index: number | null;
}

const GRANT_SELECT = `SELECT g.*, o.name AS grantee_name FROM cbam_grants g JOIN organisations o ON o.id = g.grantee_org_id`;

export async function hasActiveGrant(q: Queryable, brandId: string, orgId: string): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM cbam_grants WHERE brand_id = $1 AND grantee_org_id = $2 AND revoked_at IS NULL`, [brandId, orgId]);
  return r.rowCount > 0;
}

export async function insertGrant(
  q: Queryable,
  g: { id: string; brandId: string; granteeOrgId: string; grantedByOrgId: string; reason: string; credential: string; logIndex: number; at: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO cbam_grants (id, brand_id, grantee_org_id, granted_by_org_id, reason, credential, log_index, granted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [g.id, g.brandId, g.granteeOrgId, g.grantedByOrgId, g.reason, g.credential, g.logIndex, g.at],
  );
}

export async function getGrant(q: Queryable, id: string, forUpdate = false): Promise<GrantRow | undefined> {
  return (await q.query<GrantRow>(`${GRANT_SELECT} WHERE g.id = $1 ${forUpdate ? 'FOR UPDATE OF g' : ''}`, [id])).rows[0];
}

export async function revokeGrant(
  q: Queryable,
  g: { id: string; byOrgId: string; reason: string; credential: string; logIndex: number; at: Date },
): Promise<void> {
  await q.query(
    `UPDATE cbam_grants SET revoked_at = $2, revoked_by_org_id = $3, revoke_reason = $4, revoke_credential = $5, revoke_log_index = $6 WHERE id = $1`,
    [g.id, g.at, g.byOrgId, g.reason, g.credential, g.logIndex],
  );
}

export async function listGrants(q: Queryable, brandId: string): Promise<GrantRow[]> {
  return (await q.query<GrantRow>(`${GRANT_SELECT} WHERE g.brand_id = $1 ORDER BY g.granted_at, g.id`, [brandId])).rows;
}

/** Every brand's publication state (the audit). */
export async function allVisibility(q: Queryable): Promise<VisibilityRow[]> {
  return (await q.query<VisibilityRow>(`SELECT * FROM cbam_visibility ORDER BY brand_id`)).rows;
}

/** Every grant as stored (the audit). */
export async function allGrants(q: Queryable): Promise<Omit<GrantRow, 'grantee_name'>[]> {
  return (await q.query<Omit<GrantRow, 'grantee_name'>>(`SELECT * FROM cbam_grants ORDER BY granted_at, id`)).rows;
}
