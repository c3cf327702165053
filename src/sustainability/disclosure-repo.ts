import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../platform/db.ts';
import type { CbamFigures, Methodology, PremiumThreshold, Reference, Settings, Standard, Topic } from '../cbam/rules.ts';

// The only SQL of the sustainability module: reference tables, evidence files, sourcing tracks and
// compliance, disclosures and attestations, CBAM reports, visibility and grants.

// ---------------------------------------------------------------- reference data

export const REFERENCE_SUSTAINABILITY_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../reference/sustainability.json',
);

export function readReferenceSustainability(file = REFERENCE_SUSTAINABILITY_FILE): Reference {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Reference;
}

/**
 * Loads reference/sustainability.json into its tables. Rows already present are left alone: once
 * loaded, the tables are the record and the exchange edits them through the API.
 */
export async function loadReferenceSustainability(q: Queryable, ref = readReferenceSustainability()): Promise<number> {
  let inserted = 0;
  for (const t of ref.topics) {
    inserted += (await q.query(`INSERT INTO sustainability_topics (code, name, pillar) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [t.code, t.name, t.pillar])).rowCount;
  }
  for (const s of ref.standards) {
    inserted += (
      await q.query(
        `INSERT INTO sustainability_standards (code, name, body, category, metals, recognised, qualifies_for_premium)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [s.code, s.name, s.body, s.category, s.metals, s.recognised, s.qualifiesForPremium],
      )
    ).rowCount;
  }
  for (const m of ref.methodologies) {
    inserted += (
      await q.query(`INSERT INTO emissions_methodologies (metal, code, name, body) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [m.metal, m.code, m.name, m.body])
    ).rowCount;
  }
  for (const t of ref.premiumThresholds) {
    inserted += (
      await q.query(
        `INSERT INTO premium_thresholds (metal, max_tco2e_per_t, requires_recognised_standard) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [t.metal, t.maxTco2ePerTonne, t.requiresRecognisedStandard],
      )
    ).rowCount;
  }
  for (const [key, value] of Object.entries(ref.settings)) {
    inserted += (await q.query(`INSERT INTO sustainability_settings (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [key, JSON.stringify(value)])).rowCount;
  }
  return inserted;
}

export async function getReference(q: Queryable): Promise<Reference> {
  const topics = await q.query<Topic>(`SELECT code, name, pillar FROM sustainability_topics ORDER BY pillar, code`);
  const standards = await q.query<{ code: string; name: string; body: string; category: Standard['category']; metals: string[]; recognised: boolean; qualifies_for_premium: boolean }>(
    `SELECT * FROM sustainability_standards ORDER BY code`,
  );
  const methodologies = await q.query<Methodology>(`SELECT metal, code, name, body FROM emissions_methodologies ORDER BY metal`);
  const thresholds = await q.query<{ metal: string; max_tco2e_per_t: string; requires_recognised_standard: boolean }>(
    `SELECT * FROM premium_thresholds ORDER BY metal`,
  );
  const settings = await q.query<{ key: string; value: unknown }>(`SELECT key, value FROM sustainability_settings`);
  const s = Object.fromEntries(settings.rows.map((r) => [r.key, r.value])) as Partial<Settings>;
  return {
    topics: topics.rows,
    standards: standards.rows.map((r) => ({
      code: r.code,
      name: r.name,
      body: r.body,
      category: r.category,
      metals: r.metals,
      recognised: r.recognised,
      qualifiesForPremium: r.qualifies_for_premium,
    })),
    methodologies: methodologies.rows,
    premiumThresholds: thresholds.rows.map((r) => ({
      metal: r.metal,
      maxTco2ePerTonne: r.max_tco2e_per_t,
      requiresRecognisedStandard: r.requires_recognised_standard,
    })),
    settings: { cbamDailyFrom: s.cbamDailyFrom ?? '9999-12-31', publicTrackMetals: s.publicTrackMetals ?? [] },
  };
}

export async function upsertTopic(q: Queryable, t: Topic): Promise<void> {
  await q.query(
    `INSERT INTO sustainability_topics (code, name, pillar) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, pillar = EXCLUDED.pillar, updated_at = now()`,
    [t.code, t.name, t.pillar],
  );
}

export async function upsertStandard(q: Queryable, s: Standard): Promise<void> {
  await q.query(
    `INSERT INTO sustainability_standards (code, name, body, category, metals, recognised, qualifies_for_premium) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, body = EXCLUDED.body, category = EXCLUDED.category, metals = EXCLUDED.metals,
       recognised = EXCLUDED.recognised, qualifies_for_premium = EXCLUDED.qualifies_for_premium, updated_at = now()`,
    [s.code, s.name, s.body, s.category, s.metals, s.recognised, s.qualifiesForPremium],
  );
}

export async function upsertMethodology(q: Queryable, m: Methodology): Promise<void> {
  await q.query(
    `INSERT INTO emissions_methodologies (metal, code, name, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (metal) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, body = EXCLUDED.body, updated_at = now()`,
    [m.metal, m.code, m.name, m.body],
  );
}

export async function upsertThreshold(q: Queryable, t: PremiumThreshold): Promise<void> {
  await q.query(
    `INSERT INTO premium_thresholds (metal, max_tco2e_per_t, requires_recognised_standard) VALUES ($1, $2, $3)
     ON CONFLICT (metal) DO UPDATE SET max_tco2e_per_t = EXCLUDED.max_tco2e_per_t,
       requires_recognised_standard = EXCLUDED.requires_recognised_standard, updated_at = now()`,
    [t.metal, t.maxTco2ePerTonne, t.requiresRecognisedStandard],
  );
}

export async function upsertSettings(q: Queryable, s: Settings): Promise<void> {
  for (const [key, value] of Object.entries(s)) {
    await q.query(
      `INSERT INTO sustainability_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, JSON.stringify(value)],
    );
  }
}

// ---------------------------------------------------------------- evidence files

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

// ---------------------------------------------------------------- responsible sourcing

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

// ---------------------------------------------------------------- disclosures

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

// ---------------------------------------------------------------- CBAM reports

export interface CbamRow {
  id: string;
  brand_id: string;
  period_kind: 'annual' | 'daily';
  period_start: string;
  period_end: string;
  version: number;
  source: 'json' | 'excel';
  content: Record<string, unknown>;
  content_digest: string;
  credential: string;
  log_index: number;
  created_at: Date;
}

export async function cbamPeriods(q: Queryable, brandId: string): Promise<{ periodKind: string; periodStart: string; periodEnd: string; version: number }[]> {
  const r = await q.query<{ period_kind: string; period_start: string; period_end: string; version: number }>(
    `SELECT period_kind, period_start, period_end, version FROM cbam_reports WHERE brand_id = $1`,
    [brandId],
  );
  return r.rows.map((x) => ({ periodKind: x.period_kind, periodStart: x.period_start, periodEnd: x.period_end, version: x.version }));
}

export async function insertCbam(
  q: Queryable,
  r: { id: string; brandId: string; version: number; figures: CbamFigures; source: string; content: unknown; contentDigest: string; credential: string; logIndex: number; userId: string | null; apiKeyId: string | null },
): Promise<void> {
  const f = r.figures;
  await q.query(
    `INSERT INTO cbam_reports (id, brand_id, period_kind, period_start, period_end, version, installation, installation_country, production_route, cn_code,
       direct_tco2e_per_t, indirect_tco2e_per_t, electricity_mwh_per_t, electricity_factor_tco2e_per_mwh, value_type, methodology, verifier,
       verification_status, carbon_price_paid, carbon_price_currency, source, content, content_digest, credential, log_index, created_by_user, created_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)`,
    [
      r.id, r.brandId, f.periodKind, f.periodStart, f.periodEnd, r.version, f.installation, f.installationCountry, f.productionRoute, f.cnCode,
      f.directEmissions, f.indirectEmissions, f.electricityConsumption, f.electricityEmissionFactor, f.valueType, f.methodology, f.verifier,
      f.verificationStatus, f.carbonPricePaid, f.carbonPriceCurrency, r.source, JSON.stringify(r.content), r.contentDigest, r.credential, r.logIndex,
      r.userId, r.apiKeyId,
    ],
  );
}

const CBAM_COLUMNS = `id, brand_id, period_kind, period_start, period_end, version, source, content, content_digest, credential, log_index, created_at`;

export async function listCbam(q: Queryable, brandIds: readonly string[]): Promise<CbamRow[]> {
  if (brandIds.length === 0) return [];
  const r = await q.query<CbamRow>(
    `SELECT ${CBAM_COLUMNS} FROM cbam_reports WHERE brand_id = ANY($1::uuid[]) ORDER BY brand_id, period_start DESC, period_kind, version DESC`,
    [brandIds],
  );
  return r.rows;
}

export async function isPublished(q: Queryable, brandId: string): Promise<boolean> {
  return (await q.query<{ published: boolean }>(`SELECT published FROM cbam_visibility WHERE brand_id = $1`, [brandId])).rows[0]?.published ?? false;
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

// ---------------------------------------------------------------- export

export interface ExportCertificateRow {
  id: string;
  number: string;
  brand_id: string;
  brand_code: string;
  metal: string;
  producer_org_id: string;
  production_date: string;
  origin_country: string;
  net_weight_kg: string | null;
}

/** Issued certificates of the given brands, production date in range, oldest first. */
export async function exportCertificates(
  q: Queryable,
  f: { brandIds: readonly string[]; from?: string; to?: string; limit: number },
): Promise<ExportCertificateRow[]> {
  if (f.brandIds.length === 0) return [];
  const params: unknown[] = [f.brandIds];
  const where = [`c.brand_id = ANY($1::uuid[])`, `c.status = 'issued'`];
  if (f.from) where.push(`c.production_date >= $${params.push(f.from)}`);
  if (f.to) where.push(`c.production_date <= $${params.push(f.to)}`);
  const r = await q.query<ExportCertificateRow>(
    `SELECT c.id, c.number, c.brand_id, b.code AS brand_code, c.metal, c.producer_org_id, c.production_date, c.origin_country,
            v.content->>'netWeightKg' AS net_weight_kg
     FROM certificates c JOIN brands b ON b.id = c.brand_id
     JOIN certificate_versions v ON v.certificate_id = c.id AND v.version = c.current_version
     WHERE ${where.join(' AND ')} ORDER BY c.production_date, c.seq LIMIT $${params.push(f.limit)}`,
    params,
  );
  return r.rows;
}
