import type { Queryable } from '../platform/db.ts';
import type { EReceiptStatus, PledgeStatus } from './rules.ts';

// The pledge module's SQL: electronic receipts and their events, pledges, their assets and events,
// official prices and collateral terms. Private to the module.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

// ---------------------------------------------------------------- electronic receipts

export interface EReceiptRow {
  id: string;
  seq: number;
  number: string;
  lot_id: string;
  receipt_id: string;
  facility_id: string;
  location_code: string;
  warehouse_org_id: string;
  brand_id: string;
  metal: string;
  shape: string;
  origin_country: string;
  tonnes: string;
  issued_on: string;
  holder_org_id: string;
  status: EReceiptStatus;
  warrant_id: string | null;
  status_index: number;
  version: number;
  credential: string;
  content_digest: string;
  updated_at: Date;
}

export async function nextReceiptSeq(q: Queryable): Promise<number> {
  return (await q.query<{ seq: number }>(`SELECT nextval(pg_get_serial_sequence('e_receipts', 'seq')) AS seq`)).rows[0]!.seq;
}
export const receiptNumber = (seq: number): string => `ER-${String(seq).padStart(10, '0')}`;

export async function insertReceipt(q: Queryable, r: Omit<EReceiptRow, 'number' | 'updated_at' | 'warrant_id'>): Promise<void> {
  await q.query(
    `INSERT INTO e_receipts (id, seq, lot_id, receipt_id, facility_id, location_code, warehouse_org_id, brand_id, metal, shape, origin_country, tonnes,
       issued_on, holder_org_id, status, status_index, version, credential, content_digest)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [r.id, r.seq, r.lot_id, r.receipt_id, r.facility_id, r.location_code, r.warehouse_org_id, r.brand_id, r.metal, r.shape, r.origin_country, r.tonnes,
      r.issued_on, r.holder_org_id, r.status, r.status_index, r.version, r.credential, r.content_digest],
  );
}

export async function getReceipt(q: Queryable, idOrNumber: string, forUpdate = false): Promise<EReceiptRow | undefined> {
  const col = isUuid(idOrNumber) ? 'id' : 'number';
  return (await q.query<EReceiptRow>(`SELECT * FROM e_receipts WHERE ${col} = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [idOrNumber])).rows[0];
}

export async function lockReceipts(q: Queryable, ids: readonly string[]): Promise<EReceiptRow[]> {
  if (ids.length === 0) return [];
  return (await q.query<EReceiptRow>(`SELECT * FROM e_receipts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids])).rows;
}

export async function activeReceiptOfLot(q: Queryable, lotId: string, forUpdate = false): Promise<EReceiptRow | undefined> {
  return (await q.query<EReceiptRow>(`SELECT * FROM e_receipts WHERE lot_id = $1 AND status = 'active' ${forUpdate ? 'FOR UPDATE' : ''}`, [lotId])).rows[0];
}

export async function listReceipts(q: Queryable, f: { holderOrgId?: string; warehouseOrgId?: string; status?: EReceiptStatus; beforeSeq?: number; limit: number }): Promise<EReceiptRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.holderOrgId) where.push(`holder_org_id = $${params.push(f.holderOrgId)}`);
  if (f.warehouseOrgId) where.push(`warehouse_org_id = $${params.push(f.warehouseOrgId)}`);
  if (f.status) where.push(`status = $${params.push(f.status)}`);
  if (f.beforeSeq !== undefined) where.push(`seq < $${params.push(f.beforeSeq)}`);
  return (await q.query<EReceiptRow>(`SELECT * FROM e_receipts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.push(f.limit)}`, params)).rows;
}

export async function insertReceiptCasts(q: Queryable, eReceiptId: string, brandId: string, casts: readonly { pcr: string; certificateId: string | null }[]): Promise<void> {
  await q.query(
    `INSERT INTO e_receipt_casts (e_receipt_id, pcr, brand_id, certificate_id, live) SELECT $1, p, $2, c, true FROM unnest($3::text[], $4::uuid[]) AS t(p, c)`,
    [eReceiptId, brandId, casts.map((c) => c.pcr), casts.map((c) => c.certificateId)],
  );
}

export async function endReceiptCasts(q: Queryable, eReceiptId: string): Promise<void> {
  await q.query(`UPDATE e_receipt_casts SET live = false WHERE e_receipt_id = $1`, [eReceiptId]);
}

export async function receiptCasts(q: Queryable, eReceiptId: string): Promise<{ pcr: string; brand_id: string; certificate_id: string | null; live: boolean }[]> {
  return (await q.query<{ pcr: string; brand_id: string; certificate_id: string | null; live: boolean }>(`SELECT pcr, brand_id, certificate_id, live FROM e_receipt_casts WHERE e_receipt_id = $1 ORDER BY pcr`, [eReceiptId])).rows;
}

/** Of these casts of a brand, those under an active receipt (other than `except`), with its number. */
export async function liveReceiptCasts(q: Queryable, brandId: string, pcrs: readonly string[], except?: string): Promise<{ pcr: string; number: string }[]> {
  if (pcrs.length === 0) return [];
  return (
    await q.query<{ pcr: string; number: string }>(
      `SELECT c.pcr, r.number FROM e_receipt_casts c JOIN e_receipts r ON r.id = c.e_receipt_id
        WHERE c.live AND c.brand_id = $1 AND c.pcr = ANY($2::text[]) AND c.e_receipt_id IS DISTINCT FROM $3::uuid ORDER BY c.pcr`,
      [brandId, pcrs, except ?? null],
    )
  ).rows;
}

/**
 * Serialises every issue of a title document (receipt or warrant) over these casts: a transaction
 * lock per cast, taken in one order, held to COMMIT. Both engines support it.
 */
export async function lockCasts(q: Queryable, brandId: string, pcrs: readonly string[]): Promise<void> {
  for (const pcr of [...new Set(pcrs)].sort()) await q.query(`SELECT pg_advisory_xact_lock(4217019, hashtext($1))`, [`${brandId}/${pcr}`]);
}

export async function setReceiptState(q: Queryable, id: string, s: { holderOrgId: string; status: EReceiptStatus; version: number; warrantId: string | null }): Promise<void> {
  await q.query(`UPDATE e_receipts SET holder_org_id = $2, status = $3, version = $4, warrant_id = $5, updated_at = now() WHERE id = $1`, [id, s.holderOrgId, s.status, s.version, s.warrantId]);
}

export interface EventRow {
  subject_id: string;
  version: number;
  kind: string;
  record: Record<string, unknown>;
  record_digest: string;
  statement: string;
  log_index: number;
  actor_org_id: string | null;
  at: Date;
}

export type NewEvent = Omit<EventRow, 'at'> & { at: string; actorUserId: string | null; actorApiKeyId: string | null };

const eventTable = { receipt: ['e_receipt_events', 'e_receipt_id'], pledge: ['pledge_events', 'pledge_id'] } as const;

export async function insertEvent(q: Queryable, of: keyof typeof eventTable, e: NewEvent): Promise<void> {
  const [table, col] = eventTable[of];
  await q.query(
    `INSERT INTO ${table} (${col}, version, kind, record, record_digest, statement, log_index, actor_org_id, actor_user_id, actor_api_key_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [e.subject_id, e.version, e.kind, JSON.stringify(e.record), e.record_digest, e.statement, e.log_index, e.actor_org_id, e.actorUserId, e.actorApiKeyId, e.at],
  );
}

export async function events(q: Queryable, of: keyof typeof eventTable, id: string): Promise<EventRow[]> {
  const [table, col] = eventTable[of];
  return (
    await q.query<EventRow>(
      `SELECT ${col} AS subject_id, version, kind, record, record_digest, statement, log_index, actor_org_id, at FROM ${table} WHERE ${col} = $1 ORDER BY version`,
      [id],
    )
  ).rows;
}

// ---------------------------------------------------------------- pledges

export interface PledgeRow {
  id: string;
  seq: number;
  number: string;
  pledgor_org_id: string;
  lender_org_id: string;
  amount: string;
  currency: string;
  reference: string;
  maturity: string;
  status: PledgeStatus;
  version: number;
  proposed_at: Date;
  accepted_at: Date | null;
  closed_at: Date | null;
  enforced_to_org_id: string | null;
  updated_at: Date;
}

export interface PledgeAssetRow {
  pledge_id: string;
  asset_id: string;
  asset_type: 'warrant' | 'e_receipt';
  asset_number: string;
  metal: string;
  tonnes: string;
  active: boolean;
}

export async function nextPledgeSeq(q: Queryable): Promise<number> {
  return (await q.query<{ seq: number }>(`SELECT nextval(pg_get_serial_sequence('pledges', 'seq')) AS seq`)).rows[0]!.seq;
}
export const pledgeNumber = (seq: number): string => `PL-${String(seq).padStart(10, '0')}`;

export async function insertPledge(
  q: Queryable,
  p: Omit<PledgeRow, 'number' | 'accepted_at' | 'closed_at' | 'enforced_to_org_id' | 'updated_at'>,
  assets: readonly Omit<PledgeAssetRow, 'pledge_id' | 'active'>[],
): Promise<void> {
  await q.query(
    `INSERT INTO pledges (id, seq, pledgor_org_id, lender_org_id, amount, currency, reference, maturity, status, version, proposed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [p.id, p.seq, p.pledgor_org_id, p.lender_org_id, p.amount, p.currency, p.reference, p.maturity, p.status, p.version, p.proposed_at],
  );
  await q.query(
    `INSERT INTO pledge_assets (pledge_id, asset_id, asset_type, asset_number, metal, tonnes)
     SELECT $1, a, t, n, m, w FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::numeric[]) AS x(a, t, n, m, w)`,
    [p.id, assets.map((a) => a.asset_id), assets.map((a) => a.asset_type), assets.map((a) => a.asset_number), assets.map((a) => a.metal), assets.map((a) => a.tonnes)],
  );
}

export async function getPledge(q: Queryable, idOrNumber: string, forUpdate = false): Promise<PledgeRow | undefined> {
  const col = isUuid(idOrNumber) ? 'id' : 'number';
  return (await q.query<PledgeRow>(`SELECT * FROM pledges WHERE ${col} = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [idOrNumber])).rows[0];
}

export async function pledgeAssets(q: Queryable, pledgeIds: readonly string[]): Promise<PledgeAssetRow[]> {
  if (pledgeIds.length === 0) return [];
  return (await q.query<PledgeAssetRow>(`SELECT * FROM pledge_assets WHERE pledge_id = ANY($1::uuid[]) ORDER BY pledge_id, asset_number`, [pledgeIds])).rows;
}

export async function listPledges(
  q: Queryable,
  f: { partyOrgId?: string; lenderOrgId?: string; pledgorOrgId?: string; status?: readonly PledgeStatus[]; beforeSeq?: number; limit: number },
): Promise<PledgeRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.partyOrgId) where.push(`(lender_org_id = $${params.push(f.partyOrgId)} OR pledgor_org_id = $${params.length})`);
  if (f.lenderOrgId) where.push(`lender_org_id = $${params.push(f.lenderOrgId)}`);
  if (f.pledgorOrgId) where.push(`pledgor_org_id = $${params.push(f.pledgorOrgId)}`);
  if (f.status?.length) where.push(`status = ANY($${params.push(f.status)}::text[])`);
  if (f.beforeSeq !== undefined) where.push(`seq < $${params.push(f.beforeSeq)}`);
  return (await q.query<PledgeRow>(`SELECT * FROM pledges ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.push(f.limit)}`, params)).rows;
}

export async function setPledgeState(
  q: Queryable,
  id: string,
  s: { status: PledgeStatus; version: number; acceptedAt?: Date; closedAt?: Date; enforcedToOrgId?: string },
): Promise<void> {
  await q.query(
    `UPDATE pledges SET status = $2, version = $3, accepted_at = coalesce($4, accepted_at), closed_at = coalesce($5, closed_at),
       enforced_to_org_id = coalesce($6, enforced_to_org_id), updated_at = now() WHERE id = $1`,
    [id, s.status, s.version, s.acceptedAt ?? null, s.closedAt ?? null, s.enforcedToOrgId ?? null],
  );
}

/** Marks a pledge's assets active or not; the unique partial index refuses a second active pledge of an asset. */
export async function setAssetsActive(q: Queryable, pledgeId: string, active: boolean): Promise<void> {
  await q.query(`UPDATE pledge_assets SET active = $2 WHERE pledge_id = $1`, [pledgeId, active]);
}

/** The active pledge over each of these assets, if any. */
export async function activePledgesOf(q: Queryable, assetIds: readonly string[]): Promise<(PledgeAssetRow & { number: string; lender_org_id: string; pledgor_org_id: string })[]> {
  if (assetIds.length === 0) return [];
  return (
    await q.query<PledgeAssetRow & { number: string; lender_org_id: string; pledgor_org_id: string }>(
      `SELECT a.*, p.number, p.lender_org_id, p.pledgor_org_id FROM pledge_assets a JOIN pledges p ON p.id = a.pledge_id
        WHERE a.asset_id = ANY($1::uuid[]) AND a.active`,
      [assetIds],
    )
  ).rows;
}

/** The consents a pledge's lender gave (its consent steps), in log order. */
export async function consentsOf(q: Queryable, pledgeIds: readonly string[]): Promise<{ pledge_id: string; record: Record<string, unknown>; log_index: number }[]> {
  if (pledgeIds.length === 0) return [];
  return (
    await q.query<{ pledge_id: string; record: Record<string, unknown>; log_index: number }>(
      `SELECT pledge_id, record, log_index FROM pledge_events WHERE pledge_id = ANY($1::uuid[]) AND kind = 'pledge.consented' ORDER BY log_index`,
      [pledgeIds],
    )
  ).rows;
}

/** Names and kinds of organisations, in one query (for views). */
export async function orgNames(q: Queryable, ids: readonly string[]): Promise<Map<string, { name: string; kind: string }>> {
  const r = await q.query<{ id: string; name: string; kind: string }>(`SELECT id, name, kind FROM organisations WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
  return new Map(r.rows.map((o) => [o.id, { name: o.name, kind: o.kind }]));
}

// ---------------------------------------------------------------- prices

export interface PublicationRow {
  id: string;
  seq: number;
  source: 'api' | 'csv' | 'xlsx';
  filename: string | null;
  credential: string;
  content_digest: string;
  log_index: number;
  published_by_org: string;
  published_at: Date;
}

export interface PriceRowDb {
  publication_id: string;
  publication_seq: number;
  price_date: string;
  metal: string;
  prompt: string;
  price: string;
  currency: string;
}

export async function nextPublicationSeq(q: Queryable): Promise<number> {
  return (await q.query<{ seq: number }>(`SELECT nextval(pg_get_serial_sequence('price_publications', 'seq')) AS seq`)).rows[0]!.seq;
}

export async function insertPublication(
  q: Queryable,
  p: Omit<PublicationRow, never> & { userId: string | null; apiKeyId: string | null },
  prices: readonly { date: string; metal: string; prompt: string; price: string; currency: string }[],
): Promise<void> {
  await q.query(
    `INSERT INTO price_publications (id, seq, source, filename, credential, content_digest, log_index, published_by_org, created_by_user, created_by_key, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [p.id, p.seq, p.source, p.filename, p.credential, p.content_digest, p.log_index, p.published_by_org, p.userId, p.apiKeyId, p.published_at],
  );
  await q.query(
    `INSERT INTO official_prices (publication_id, publication_seq, price_date, metal, prompt, price, currency)
     SELECT $1, $2, d, m, pr, v, c FROM unnest($3::date[], $4::text[], $5::text[], $6::numeric[], $7::text[]) AS x(d, m, pr, v, c)`,
    [p.id, p.seq, prices.map((x) => x.date), prices.map((x) => x.metal), prices.map((x) => x.prompt), prices.map((x) => x.price), prices.map((x) => x.currency)],
  );
}

export async function getPublication(q: Queryable, id: string): Promise<PublicationRow | undefined> {
  return (await q.query<PublicationRow>(`SELECT * FROM price_publications WHERE id = $1`, [id])).rows[0];
}

export async function listPublications(q: Queryable, f: { beforeSeq?: number; limit: number }): Promise<PublicationRow[]> {
  const params: unknown[] = [];
  const where = f.beforeSeq !== undefined ? `WHERE seq < $${params.push(f.beforeSeq)}` : '';
  return (await q.query<PublicationRow>(`SELECT * FROM price_publications ${where} ORDER BY seq DESC LIMIT $${params.push(f.limit)}`, params)).rows;
}

export async function publicationPrices(q: Queryable, publicationId: string): Promise<PriceRowDb[]> {
  return (await q.query<PriceRowDb>(`SELECT * FROM official_prices WHERE publication_id = $1 ORDER BY price_date, metal, prompt`, [publicationId])).rows;
}

/**
 * The latest price of each metal at one prompt, as of a date: the latest price date on or before
 * it, and of that date the latest publication (a re-publication corrects an earlier one).
 */
export async function latestPrices(q: Queryable, f: { prompt?: string; metal?: string; onOrBefore?: string }): Promise<PriceRowDb[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.prompt) where.push(`prompt = $${params.push(f.prompt)}`);
  if (f.metal) where.push(`metal = $${params.push(f.metal)}`);
  if (f.onOrBefore) where.push(`price_date <= $${params.push(f.onOrBefore)}`);
  return (
    await q.query<PriceRowDb>(
      `SELECT DISTINCT ON (metal, prompt) * FROM official_prices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY metal, prompt, price_date DESC, publication_seq DESC`,
      params,
    )
  ).rows;
}

// ---------------------------------------------------------------- collateral terms

export interface TermsRow {
  taker_org_id: string;
  haircuts: Record<string, string>;
  ltv_alert_pct: string;
  version: number;
  log_index: number;
  updated_at: Date;
}

export async function getTerms(q: Queryable, takerOrgId: string, forUpdate = false): Promise<TermsRow | undefined> {
  return (await q.query<TermsRow>(`SELECT * FROM collateral_terms WHERE taker_org_id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [takerOrgId])).rows[0];
}

export async function listTerms(q: Queryable): Promise<TermsRow[]> {
  return (await q.query<TermsRow>(`SELECT * FROM collateral_terms ORDER BY taker_org_id`)).rows;
}

export async function putTerms(q: Queryable, t: Omit<TermsRow, 'updated_at'>): Promise<void> {
  await q.query(
    `INSERT INTO collateral_terms (taker_org_id, haircuts, ltv_alert_pct, version, log_index) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (taker_org_id) DO UPDATE SET haircuts = $2, ltv_alert_pct = $3, version = $4, log_index = $5, updated_at = now()`,
    [t.taker_org_id, JSON.stringify(t.haircuts), t.ltv_alert_pct, t.version, t.log_index],
  );
}

// ---------------------------------------------------------------- for the audit

export async function listAllPledges(q: Queryable, f: { beforeSeq?: number; limit: number }): Promise<PledgeRow[]> {
  return listPledges(q, f);
}

export async function allReceiptEventsOf(q: Queryable, ids: readonly string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return (
    await q.query<EventRow>(
      `SELECT e_receipt_id AS subject_id, version, kind, record, record_digest, statement, log_index, actor_org_id, at FROM e_receipt_events WHERE e_receipt_id = ANY($1::uuid[]) ORDER BY e_receipt_id, version`,
      [ids],
    )
  ).rows;
}
