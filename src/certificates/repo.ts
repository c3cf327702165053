import { COPY_MIN_ROWS, copyLine, type Queryable } from '../platform/db.ts';
import { rebuildCredential, type CredentialFrame } from './credential.ts';
import type { CertificateContent, CertificateStatus, Evaluation } from './model.ts';

export interface CertificateRow {
  id: string;
  seq: number;
  number: string;
  brand_id: string;
  brand_code: string;
  brand_name: string;
  pcr: string;
  metal: string;
  producer_org_id: string;
  producer_name: string;
  status: CertificateStatus;
  current_version: number;
  production_date: string;
  origin_country: string;
  warrant_eligible: boolean;
  content_digest: string;
  status_reason: string | null;
  status_index: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface VersionRow {
  certificate_id: string;
  version: number;
  content: CertificateContent;
  content_digest: string;
  verdict: 'conforming' | 'non_conforming';
  evaluation: Evaluation;
  amendment_reason: string | null;
  /** The signed credential (vc+jwt), rebuilt from its stored pieces (see versionsFrom). */
  credential: string | null;
  log_index: number;
  created_at: Date;
}

/** A certificate_versions row with its credential frame joined (VERSION_SELECT). */
export interface StoredVersionRow extends Omit<VersionRow, 'credential'> {
  /** A whole credential kept from before migrations/0015 (one its pieces would not rebuild). */
  credential: string | null;
  jws_frame: number | null;
  jws_signature: Buffer | null;
  status_index: number | null;
  protected_header: string | null;
  public_url: string | null;
  issuer: string | null;
}

/** Versions with their frames; `v` is certificate_versions. */
export const VERSION_SELECT = `SELECT v.*, f.protected_header, f.public_url, f.issuer
  FROM certificate_versions v LEFT JOIN credential_frames f ON f.id = v.jws_frame`;

/**
 * The signed credential of a stored version: its whole text when kept, otherwise rebuilt byte for
 * byte from the content and the pieces; null for a version without one. Throws when the pieces are
 * incomplete (the row or its frame changed or missing); the audit names that as tampering.
 */
export function storedCredential(
  v: Pick<StoredVersionRow, 'certificate_id' | 'version' | 'content' | 'credential' | 'jws_frame' | 'jws_signature' | 'status_index' | 'protected_header' | 'public_url' | 'issuer'>,
): string | null {
  if (v.credential !== null) return v.credential;
  if (v.jws_signature === null && v.jws_frame === null) return null;
  if (v.jws_signature === null || v.status_index === null || v.protected_header === null || v.public_url === null || v.issuer === null) {
    throw new Error(`certificate ${v.certificate_id} version ${v.version}: its credential frame ${v.jws_frame} or signature is missing`);
  }
  return rebuildCredential(v.certificate_id, v.content, {
    frame: { protectedHeader: v.protected_header, publicUrl: v.public_url, issuer: v.issuer },
    signature: v.jws_signature,
    statusIndex: Number(v.status_index),
  });
}

const toVersion = (v: StoredVersionRow): VersionRow => {
  const { jws_frame: _f, jws_signature: _s, status_index: _i, protected_header: _h, public_url: _u, issuer: _is, ...rest } = v;
  return { ...rest, credential: storedCredential(v) };
};

/**
 * The id of a credential frame, stored on first use. Frames never change, so this runs outside
 * the transaction that stores the versions (committed before any version refers to it).
 */
export async function credentialFrameId(q: Queryable, f: CredentialFrame): Promise<number> {
  const params = [f.protectedHeader, f.publicUrl, f.issuer];
  const find = async () =>
    (await q.query<{ id: number }>(`SELECT id FROM credential_frames WHERE protected_header = $1 AND public_url = $2 AND issuer = $3`, params)).rows[0]?.id;
  const found = await find();
  if (found !== undefined) return found;
  const r = await q.query<{ id: number }>(
    `INSERT INTO credential_frames (protected_header, public_url, issuer) VALUES ($1, $2, $3) ON CONFLICT (protected_header, public_url, issuer) DO NOTHING RETURNING id`,
    params,
  );
  // Another writer stored it first: its row is committed now.
  return r.rows[0]?.id ?? (await find())!;
}

const SELECT = `SELECT c.*, b.code AS brand_code, b.name AS brand_name, o.name AS producer_name
  FROM certificates c JOIN brands b ON b.id = c.brand_id JOIN organisations o ON o.id = c.producer_org_id`;

/** Reserves the row (and so its number) before the content, which carries the number, is built. */
export async function insertCertificate(
  q: Queryable,
  c: {
    statusIndex: number | null;
    brandId: string;
    pcr: string;
    metal: string;
    producerOrgId: string;
    status: CertificateStatus;
    productionDate: string;
    originCountry: string;
    warrantEligible: boolean;
  },
): Promise<{ id: string; number: string; createdAt: Date }> {
  const r = await q.query<{ id: string; number: string; created_at: Date }>(
    `INSERT INTO certificates (brand_id, pcr, metal, producer_org_id, status, current_version, production_date, origin_country, warrant_eligible, content_digest, status_index)
     VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, '', $9) RETURNING id, number, created_at`,
    [c.brandId, c.pcr, c.metal, c.producerOrgId, c.status, c.productionDate, c.originCountry, c.warrantEligible, c.statusIndex],
  );
  const row = r.rows[0]!;
  return { id: row.id, number: row.number, createdAt: row.created_at };
}

export interface NewVersionRow {
  certificateId: string;
  version: number;
  /** The content, or its JSON text when the caller already has it (bulk import: its canonical text). */
  content: CertificateContent | { json: string };
  contentDigest: string;
  evaluation: Evaluation;
  amendmentReason: string | null;
  userId: string | null;
  apiKeyId: string | null;
  /** A conforming version's credential as its pieces (credential.ts credentialPieces). */
  credential: StoredCredential | null;
  logIndex: number;
  /** Absent: the database's now(). */
  createdAt?: Date;
}

/** The stored pieces of a credential: its frame's id, its signature and its status index. */
export interface StoredCredential {
  frameId: number;
  signature: Buffer;
  statusIndex: number;
}

const VERSION_COLUMNS = [
  'certificate_id',
  'version',
  'content',
  'content_digest',
  'verdict',
  'evaluation',
  'amendment_reason',
  'created_by_user',
  'created_by_key',
  'jws_frame',
  'jws_signature',
  'status_index',
  'created_at',
  'log_index',
] as const;

/** A version's cells in VERSION_COLUMNS order, without the log index (the last column). */
const versionCells = (r: Omit<NewVersionRow, 'logIndex'>): unknown[] => [
  r.certificateId,
  r.version,
  'json' in r.content ? r.content.json : JSON.stringify(r.content),
  r.contentDigest,
  r.evaluation.verdict,
  JSON.stringify(r.evaluation),
  r.amendmentReason,
  r.userId,
  r.apiKeyId,
  r.credential?.frameId ?? null,
  r.credential?.signature ?? null,
  r.credential?.statusIndex ?? null,
  r.createdAt,
];

const VERSION_CASTS = ['::uuid', '::int', '::jsonb', '', '', '::jsonb', '', '::uuid', '::uuid', '::int', '::bytea', '::bigint', '::timestamptz', '::bigint'];

/** One version (issue and amend); bulk import writes many through insertVersionLines. */
export async function insertVersion(q: Queryable, v: NewVersionRow): Promise<void> {
  const params: unknown[] = [];
  // An absent created_at takes the column's DEFAULT (now()).
  const values = [...versionCells(v), v.logIndex].map((x, i) => (x === undefined ? 'DEFAULT' : `$${params.push(x)}${VERSION_CASTS[i]}`));
  await q.query(`INSERT INTO certificate_versions (${VERSION_COLUMNS.join(', ')}) VALUES (${values.join(', ')})`, params);
}

/**
 * A version as the start of its COPY line, everything but the log index, which is only known
 * when the log is appended. Bulk import builds these on its worker threads (see insertVersionLines).
 */
export function versionLinePrefix(r: Omit<NewVersionRow, 'logIndex' | 'createdAt'> & { createdAt: Date }): string {
  return `${copyLine(versionCells(r)).slice(0, -1)}\t`;
}

/** Stores versions from versionLinePrefix lines and their log indices, with one COPY. */
export async function insertVersionLines(q: Queryable, rows: { prefix: string; logIndex: number }[]): Promise<void> {
  await q.copyLines(
    'certificate_versions',
    VERSION_COLUMNS,
    rows.map((r) => `${r.prefix}${r.logIndex}\n`),
  );
}

export async function setStatusIndex(q: Queryable, id: string, index: number): Promise<void> {
  await q.query(`UPDATE certificates SET status_index = $2 WHERE id = $1`, [id, index]);
}

export async function updateHead(
  q: Queryable,
  id: string,
  h: {
    status: CertificateStatus;
    version: number;
    contentDigest: string;
    warrantEligible: boolean;
    productionDate: string;
    originCountry: string;
    statusReason: string | null;
  },
): Promise<void> {
  await q.query(
    `UPDATE certificates SET status = $2, current_version = $3, content_digest = $4, warrant_eligible = $5,
       production_date = $6, origin_country = $7, status_reason = $8, updated_at = now() WHERE id = $1`,
    [id, h.status, h.version, h.contentDigest, h.warrantEligible, h.productionDate, h.originCountry, h.statusReason],
  );
}

export async function setStatus(q: Queryable, id: string, status: CertificateStatus, reason: string): Promise<void> {
  await q.query(`UPDATE certificates SET status = $2, status_reason = $3, updated_at = now() WHERE id = $1`, [id, status, reason]);
}

/**
 * When a certificate's revocation was logged (the time in its signed log entry), or undefined when
 * it has none. The transparency log, not the row's updated_at, is the record of when it happened.
 */
export async function revokedAt(q: Queryable, id: string): Promise<Date | undefined> {
  const r = await q.query<{ recorded_at: Date }>(
    `SELECT recorded_at FROM log_entries WHERE subject_type = 'certificate' AND subject_id = $1 AND kind = 'certificate.revoked'
      ORDER BY idx DESC LIMIT 1`,
    [id],
  );
  return r.rows[0]?.recorded_at;
}

export async function getCertificate(q: Queryable, id: string, forUpdate = false): Promise<CertificateRow | undefined> {
  const r = await q.query<CertificateRow>(`${SELECT} WHERE c.id = $1 ${forUpdate ? 'FOR UPDATE OF c' : ''}`, [id]);
  return r.rows[0];
}

export async function getByNumber(q: Queryable, number: string): Promise<CertificateRow | undefined> {
  // A number is its seq written AS-0000000042 (migrations/0001); read through the seq's index.
  const m = /^AS-(\d{10,15})$/.exec(number);
  if (!m) return undefined;
  const r = await q.query<CertificateRow>(`${SELECT} WHERE c.seq = $1`, [Number(m[1])]);
  return r.rows[0]?.number === number ? r.rows[0] : undefined;
}

export async function findByBrandPcr(q: Queryable, brandId: string, pcr: string): Promise<CertificateRow[]> {
  const r = await q.query<CertificateRow>(`${SELECT} WHERE c.brand_id = $1 AND c.pcr = $2 ORDER BY c.seq DESC`, [
    brandId,
    pcr,
  ]);
  return r.rows;
}

export async function findLiveByBrandPcr(q: Queryable, brandId: string, pcr: string): Promise<CertificateRow | undefined> {
  const r = await q.query<CertificateRow>(`${SELECT} WHERE c.brand_id = $1 AND c.pcr = $2 AND c.status <> 'rejected'`, [
    brandId,
    pcr,
  ]);
  return r.rows[0];
}

export async function getVersion(q: Queryable, id: string, version: number): Promise<VersionRow | undefined> {
  const r = await q.query<StoredVersionRow>(`${VERSION_SELECT} WHERE v.certificate_id = $1 AND v.version = $2`, [id, version]);
  return r.rows[0] && toVersion(r.rows[0]);
}

export async function listVersions(q: Queryable, id: string): Promise<VersionRow[]> {
  const r = await q.query<StoredVersionRow>(`${VERSION_SELECT} WHERE v.certificate_id = $1 ORDER BY v.version`, [id]);
  return r.rows.map(toVersion);
}

/** A LIKE pattern matching values that start with `s`, its own wildcards escaped. */
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (x) => '\\' + x);
const likePrefix = (s: string): string => escapeLike(s) + '%';
/** A LIKE pattern matching values that contain `s`. */
const likeInside = (s: string): string => `%${escapeLike(s)}%`;

export interface ListFilter {
  brand?: string;
  metal?: string;
  status?: CertificateStatus;
  producedFrom?: string;
  producedTo?: string;
  pcrPrefix?: string;
  producerOrgId?: string;
  /** Only certificates this organisation produced or holds a live reader grant for. */
  readableBy?: string;
  /** Rejected certificates are visible only to their producer and the exchange. */
  rejectedVisibleTo: 'all' | string | null;
  /**
   * Rejections not yet dealt with: rejected, with no live (issued or revoked) certificate for the
   * same brand and PCR since and no later attempt at it.
   */
  needsAttention?: boolean;
  beforeSeq?: number;
  limit: number;
}

export async function listCertificates(q: Queryable, f: ListFilter): Promise<CertificateRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  // Brands are matched forgivingly: any part of the code (any case, spaces ignored) or of the name.
  if (f.brand) {
    const code = `$${params.push(likeInside(f.brand.replace(/\s+/g, '').toUpperCase()))}`;
    const name = `$${params.push(likeInside(f.brand.trim()))}`;
    where.push(`(b.code LIKE ${code} OR b.name ILIKE ${name} OR b.id::text = $${params.push(f.brand.trim().toLowerCase())})`);
  }
  if (f.metal) where.push(`c.metal = $${params.push(f.metal)}`);
  if (f.status) where.push(`c.status = $${params.push(f.status)}`);
  if (f.producedFrom) where.push(`c.production_date >= $${params.push(f.producedFrom)}`);
  if (f.producedTo) where.push(`c.production_date <= $${params.push(f.producedTo)}`);
  // A PCR is matched from its start, in any case, spaces around it ignored.
  if (f.pcrPrefix) where.push(`c.pcr ILIKE $${params.push(likePrefix(f.pcrPrefix.trim()))}`);
  if (f.producerOrgId) where.push(`c.producer_org_id = $${params.push(f.producerOrgId)}`);
  if (f.readableBy) {
    const org = `$${params.push(f.readableBy)}`;
    where.push(`(c.producer_org_id = ${org} OR c.id IN (SELECT certificate_id FROM certificate_readers WHERE org_id = ${org} AND ended_at IS NULL))`);
  }
  if (f.rejectedVisibleTo === null) where.push(`c.status <> 'rejected'`);
  else if (f.rejectedVisibleTo !== 'all') {
    where.push(`(c.status <> 'rejected' OR c.producer_org_id = $${params.push(f.rejectedVisibleTo)})`);
  }
  if (f.needsAttention) {
    where.push(
      `c.status = 'rejected' AND NOT EXISTS (SELECT 1 FROM certificates l WHERE l.brand_id = c.brand_id AND l.pcr = c.pcr AND (l.status <> 'rejected' OR l.seq > c.seq))`,
    );
  }
  if (f.beforeSeq !== undefined) where.push(`c.seq < $${params.push(f.beforeSeq)}`);
  const sql = `${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY c.seq DESC LIMIT $${params.push(f.limit)}`;
  return (await q.query<CertificateRow>(sql, params)).rows;
}

// ------------------------------------------------------------------ many at once (bulk import)

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


// ---------------------------------------------------------------- for other modules' exports

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

/** Issued certificates of the given brands, production date in range, oldest first, with their net weight (CBAM exports). */
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

// ------------------------------------------------------------------ readers beyond producer and exchange

/** Which of these certificates the organisation holds a live reader grant for. */
export async function grantedAmong(q: Queryable, orgId: string, ids: readonly string[]): Promise<string[]> {
  const r = await q.query<{ certificate_id: string }>(
    `SELECT DISTINCT certificate_id FROM certificate_readers WHERE org_id = $1 AND certificate_id = ANY($2::uuid[]) AND ended_at IS NULL`,
    [orgId, ids],
  );
  return r.rows.map((x) => x.certificate_id);
}

export async function insertReaders(q: Queryable, g: { certificateIds: readonly string[]; orgId: string; source: { type: string; id: string } }): Promise<void> {
  if (g.certificateIds.length === 0) return;
  await q.query(
    `INSERT INTO certificate_readers (certificate_id, org_id, source_type, source_id)
     SELECT unnest($1::uuid[]), $2, $3, $4
     ON CONFLICT (certificate_id, org_id, source_type, source_id) DO UPDATE SET ended_at = NULL, granted_at = now()`,
    [g.certificateIds, g.orgId, g.source.type, g.source.id],
  );
}

export async function endReaders(q: Queryable, source: { type: string; id: string }, orgId?: string): Promise<void> {
  await q.query(
    `UPDATE certificate_readers SET ended_at = now() WHERE source_type = $1 AND source_id = $2 AND ended_at IS NULL ${orgId ? 'AND org_id = $3' : ''}`,
    orgId ? [source.type, source.id, orgId] : [source.type, source.id],
  );
}

// ------------------------------------------------------------------ casts, for warehouse reconciliation

export interface CastRow {
  id: string;
  number: string;
  pcr: string;
  status: CertificateStatus;
  verdict: 'conforming' | 'non_conforming';
  production_date: string;
  origin_country: string;
  warrant_eligible: boolean;
  content: CertificateContent;
  evaluation: Evaluation;
}

/** The current certificate of each of these casts of a brand (a live one before a rejected one). */
export async function castsOf(q: Queryable, brandId: string, pcrs: readonly string[]): Promise<CastRow[]> {
  if (pcrs.length === 0) return [];
  const r = await q.query<CastRow>(
    `SELECT DISTINCT ON (c.pcr) c.id, c.number, c.pcr, c.status, v.verdict, c.production_date, c.origin_country, c.warrant_eligible, v.content, v.evaluation
       FROM certificates c JOIN certificate_versions v ON v.certificate_id = c.id AND v.version = c.current_version
      WHERE c.brand_id = $1 AND c.pcr = ANY($2::text[])
      ORDER BY c.pcr, (c.status = 'rejected'), c.seq DESC`,
    [brandId, pcrs],
  );
  return r.rows;
}

/** Number and status of each of these certificates. */
export async function statusesOf(q: Queryable, ids: readonly string[]): Promise<{ id: string; number: string; status: CertificateStatus; status_reason: string | null }[]> {
  if (ids.length === 0) return [];
  return (await q.query<{ id: string; number: string; status: CertificateStatus; status_reason: string | null }>(`SELECT id, number, status, status_reason FROM certificates WHERE id = ANY($1::uuid[])`, [ids])).rows;
}

/** Brands of which the organisation holds a live reader grant over some certificate (it owns or stores the metal). */
export async function brandsReadBy(q: Queryable, orgId: string, brandId?: string): Promise<string[]> {
  const r = await q.query<{ brand_id: string }>(
    `SELECT DISTINCT c.brand_id FROM certificate_readers g JOIN certificates c ON c.id = g.certificate_id
      WHERE g.org_id = $1 AND g.ended_at IS NULL ${brandId ? 'AND c.brand_id = $2' : ''}`,
    brandId ? [orgId, brandId] : [orgId],
  );
  return r.rows.map((x) => x.brand_id);
}
