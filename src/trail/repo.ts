// The audit trail: who did what, when, to which record (the `audit_events` table, append-only in the
// database, served as /api/v1/audit-events). Not to be confused with `assay audit` (trust/audit.ts),
// which replays the transparency log against the database.
import { COPY_MIN_ROWS, type Queryable } from '../platform/db.ts';

export interface TrailEvent {
  actor: { userId: string | null; apiKeyId: string | null; orgId: string | null };
  action: string;
  subjectType: string;
  subjectId: string;
  digestBefore?: string | null;
  digestAfter?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  orgId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  digestBefore: string | null;
  digestAfter: string | null;
  details: Record<string, unknown>;
}

/** Appends one event; always called inside the transaction that makes the change it records. */
export async function recordEvent(q: Queryable, e: TrailEvent): Promise<void> {
  await q.query(
    `INSERT INTO audit_events (actor_user_id, actor_api_key_id, org_id, action, subject_type, subject_id, digest_before, digest_after, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.actor.userId,
      e.actor.apiKeyId,
      e.actor.orgId,
      e.action,
      e.subjectType,
      e.subjectId,
      e.digestBefore ?? null,
      e.digestAfter ?? null,
      JSON.stringify(e.details ?? {}),
    ],
  );
}

/** Many events in one statement (COPY when there are many), in order; for bulk writers. */
export async function recordEvents(q: Queryable, events: readonly TrailEvent[]): Promise<void> {
  if (events.length === 0) return;
  const cells = events.map((e) => [
    e.actor.userId,
    e.actor.apiKeyId,
    e.actor.orgId,
    e.action,
    e.subjectType,
    e.subjectId,
    e.digestBefore ?? null,
    e.digestAfter ?? null,
    JSON.stringify(e.details ?? {}),
  ]);
  const columns = ['actor_user_id', 'actor_api_key_id', 'org_id', 'action', 'subject_type', 'subject_id', 'digest_before', 'digest_after', 'details'];
  if (events.length >= COPY_MIN_ROWS) return q.copyRows('audit_events', columns, cells);
  await q.query(
    `INSERT INTO audit_events (${columns.join(', ')})
     SELECT u, k, o, a, t, s, b, d, x::jsonb
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS v(u, k, o, a, t, s, b, d, x)`,
    columns.map((_c, i) => cells.map((row) => row[i])),
  );
}

interface Row {
  id: number;
  at: Date;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  org_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  digest_before: string | null;
  digest_after: string | null;
  details: Record<string, unknown>;
}

/**
 * What an auditor may read beyond its own organisation's events: the organisations whose
 * disclosures name it (or that it attested), limited to these actions, and their brands'
 * sourcing rulings and listing changes.
 */
export interface AuditorScope {
  auditorOrgId: string;
  actions: readonly string[];
  brandActions: readonly string[];
}

export async function listAudit(
  q: Queryable,
  f: { subjectType?: string; subjectId?: string; afterId?: number; limit: number; auditor?: AuditorScope },
): Promise<AuditEvent[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.auditor) {
    const me = `$${params.push(f.auditor.auditorOrgId)}`;
    const audited = `(SELECT org_id FROM disclosures WHERE auditor_org_id = ${me}
       UNION SELECT d.org_id FROM disclosure_attestations a JOIN disclosures d ON d.id = a.disclosure_id WHERE a.auditor_org_id = ${me})`;
    where.push(`(org_id = ${me}
      OR (org_id IN ${audited} AND action = ANY($${params.push(f.auditor.actions)}))
      OR (subject_type = 'brand' AND action = ANY($${params.push(f.auditor.brandActions)})
          AND subject_id IN (SELECT id::text FROM brands WHERE producer_org_id IN ${audited})))`);
  }
  if (f.subjectType) where.push(`subject_type = $${params.push(f.subjectType)}`);
  if (f.subjectId) where.push(`subject_id = $${params.push(f.subjectId)}`);
  if (f.afterId) where.push(`id > $${params.push(f.afterId)}`);
  const sql = `SELECT * FROM audit_events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id LIMIT $${params.push(f.limit)}`;
  const r = await q.query<Row>(sql, params);
  return r.rows.map((x) => ({
    id: x.id,
    at: x.at.toISOString(),
    actorUserId: x.actor_user_id,
    actorApiKeyId: x.actor_api_key_id,
    orgId: x.org_id,
    action: x.action,
    subjectType: x.subject_type,
    subjectId: x.subject_id,
    digestBefore: x.digest_before,
    digestAfter: x.digest_after,
    details: x.details,
  }));
}
