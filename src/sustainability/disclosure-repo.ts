import type { Queryable } from '../platform/db.ts';

// The SQL of disclosures (certifications, metrics, targets) and their auditors' attestations.

export interface DisclosureRow {
  id: string;
  seq: number;
  org_id: string;
  org_name: string;
  level: 'company' | 'asset' | 'brand';
  brand_id: string | null;
  brand_code: string | null;
  brand_name: string | null;
  asset_name: string | null;
  topic: string;
  kind: 'certification' | 'metric' | 'target';
  title: string;
  standard_code: string | null;
  value: string | null;
  unit: string | null;
  period_start: string | null;
  period_end: string | null;
  valid_from: string | null;
  valid_until: string | null;
  restricted: boolean;
  auditor_org_id: string | null;
  evidence_file_ids: string[];
  content: Record<string, unknown>;
  content_digest: string;
  credential: string;
  log_index: number;
  created_at: Date;
}

const DISCLOSURE_SELECT = `SELECT d.*, o.name AS org_name, b.code AS brand_code, b.name AS brand_name
  FROM disclosures d JOIN organisations o ON o.id = d.org_id LEFT JOIN brands b ON b.id = d.brand_id`;

export async function insertDisclosure(
  q: Queryable,
  d: {
    id: string;
    orgId: string;
    level: string;
    brandId: string | null;
    assetName: string | null;
    topic: string;
    kind: string;
    title: string;
    standardCode: string | null;
    value: string | null;
    unit: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    validFrom: string | null;
    validUntil: string | null;
    restricted: boolean;
    auditorOrgId: string | null;
    evidenceFileIds: string[];
    content: unknown;
    contentDigest: string;
    credential: string;
    logIndex: number;
    userId: string | null;
    apiKeyId: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO disclosures (id, org_id, level, brand_id, asset_name, topic, kind, title, standard_code, value, unit, period_start, period_end,
       valid_from, valid_until, restricted, auditor_org_id, evidence_file_ids, content, content_digest, credential, log_index, created_by_user, created_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`,
    [
      d.id, d.orgId, d.level, d.brandId, d.assetName, d.topic, d.kind, d.title, d.standardCode, d.value, d.unit, d.periodStart, d.periodEnd,
      d.validFrom, d.validUntil, d.restricted, d.auditorOrgId, d.evidenceFileIds, JSON.stringify(d.content), d.contentDigest, d.credential,
      d.logIndex, d.userId, d.apiKeyId,
    ],
  );
}

export async function getDisclosure(q: Queryable, id: string): Promise<DisclosureRow | undefined> {
  return (await q.query<DisclosureRow>(`${DISCLOSURE_SELECT} WHERE d.id = $1`, [id])).rows[0];
}

export interface DisclosureFilter {
  orgIds?: string[];
  brandId?: string;
  topic?: string;
  kind?: string;
  level?: string;
  q?: string;
  /** Only disclosures naming this auditor organisation. */
  auditorOrgId?: string;
  /** With auditorOrgId: only those that auditor has not attested yet. */
  unattested?: boolean;
  /** Only disclosures valid until this date or earlier (expired, or expiring by then). */
  validUntilBy?: string;
  /** 'all' (the exchange), an organisation id (its own, and what names it as auditor), or null (public only). */
  restrictedVisibleTo: 'all' | string | null;
  beforeSeq?: number;
  limit: number;
}

export async function listDisclosures(q: Queryable, f: DisclosureFilter): Promise<DisclosureRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.orgIds) where.push(`d.org_id = ANY($${params.push(f.orgIds)}::uuid[])`);
  if (f.brandId) where.push(`d.brand_id = $${params.push(f.brandId)}`);
  if (f.topic) where.push(`d.topic = $${params.push(f.topic)}`);
  if (f.kind) where.push(`d.kind = $${params.push(f.kind)}`);
  if (f.level) where.push(`d.level = $${params.push(f.level)}`);
  if (f.q) {
    const i = params.push(`%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
    where.push(`(d.title ILIKE $${i} OR d.topic ILIKE $${i} OR coalesce(d.standard_code, '') ILIKE $${i} OR o.name ILIKE $${i} OR coalesce(b.code, '') ILIKE $${i})`);
  }
  if (f.auditorOrgId) {
    const i = params.push(f.auditorOrgId);
    where.push(`d.auditor_org_id = $${i}`);
    if (f.unattested) where.push(`NOT EXISTS (SELECT 1 FROM disclosure_attestations a WHERE a.disclosure_id = d.id AND a.auditor_org_id = $${i})`);
  }
  if (f.validUntilBy) where.push(`d.valid_until <= $${params.push(f.validUntilBy)}`);
  if (f.restrictedVisibleTo === null) where.push(`NOT d.restricted`);
  else if (f.restrictedVisibleTo !== 'all') {
    const i = params.push(f.restrictedVisibleTo);
    where.push(`(NOT d.restricted OR d.org_id = $${i} OR d.auditor_org_id = $${i})`);
  }
  if (f.beforeSeq !== undefined) where.push(`d.seq < $${params.push(f.beforeSeq)}`);
  const sql = `${DISCLOSURE_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.seq DESC LIMIT $${params.push(f.limit)}`;
  return (await q.query<DisclosureRow>(sql, params)).rows;
}

export interface AttestationRow {
  id: string;
  disclosure_id: string;
  auditor_org_id: string;
  auditor_name: string;
  statement: string;
  disclosure_digest: string;
  credential: string;
  log_index: number;
  created_at: Date;
}

export async function insertAttestation(
  q: Queryable,
  a: { id: string; disclosureId: string; auditorOrgId: string; statement: string; disclosureDigest: string; credential: string; logIndex: number; userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO disclosure_attestations (id, disclosure_id, auditor_org_id, statement, disclosure_digest, credential, log_index, created_by_user, created_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [a.id, a.disclosureId, a.auditorOrgId, a.statement, a.disclosureDigest, a.credential, a.logIndex, a.userId, a.apiKeyId],
  );
}

export async function listAttestations(q: Queryable, disclosureIds: readonly string[]): Promise<AttestationRow[]> {
  if (disclosureIds.length === 0) return [];
  const r = await q.query<AttestationRow>(
    `SELECT a.*, o.name AS auditor_name FROM disclosure_attestations a JOIN organisations o ON o.id = a.auditor_org_id
     WHERE a.disclosure_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
    [disclosureIds],
  );
  return r.rows;
}

/** Every disclosure as stored (the audit). */
export async function allDisclosures(q: Queryable): Promise<Omit<DisclosureRow, 'org_name' | 'brand_code' | 'brand_name'>[]> {
  return (await q.query<Omit<DisclosureRow, 'org_name' | 'brand_code' | 'brand_name'>>(`SELECT * FROM disclosures ORDER BY seq`)).rows;
}

/** Every attestation as stored, with the disclosure it attests as it now is (the audit). */
export async function allAttestations(
  q: Queryable,
): Promise<(Omit<AttestationRow, 'auditor_name'> & { now_content_digest: string | null; now_credential: string | null })[]> {
  return (
    await q.query<Omit<AttestationRow, 'auditor_name'> & { now_content_digest: string | null; now_credential: string | null }>(
      `SELECT a.*, d.content_digest AS now_content_digest, d.credential AS now_credential
       FROM disclosure_attestations a LEFT JOIN disclosures d ON d.id = a.disclosure_id ORDER BY a.created_at, a.id`,
    )
  ).rows;
}

export async function disclosureExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM disclosures WHERE id = $1`, [id])).rowCount > 0;
}

export async function attestationExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM disclosure_attestations WHERE id = $1`, [id])).rowCount > 0;
}
