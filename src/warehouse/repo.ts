import type { Queryable } from '../platform/db.ts';
import type { WarrantStatus } from './warrant-rules.ts';

// The warehouse module's SQL: delivery network, facilities, receipts, lots, warrants, their
// events and swaps. Private to the module.

// ---------------------------------------------------------------- delivery network

export interface LocationRow {
  code: string;
  name: string;
  country: string;
  time_zone: string;
  currency: string;
  calendar: string;
  metals: string[];
  approved_from: string | null;
  withdrawn_from: string | null;
  reference_key: string | null;
  version: number;
}

export interface NetworkLocation {
  code: string;
  name: string;
  country: string;
  timeZone: string;
  currency: string;
  calendar: string;
  metals: string[];
  approvedFrom: string | null;
}

export async function insertReferenceLocation(q: Queryable, l: NetworkLocation): Promise<number> {
  const r = await q.query(
    `INSERT INTO delivery_locations (code, name, country, time_zone, currency, calendar, metals, approved_from, reference_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $1) ON CONFLICT (code) DO NOTHING`,
    [l.code, l.name, l.country, l.timeZone, l.currency, l.calendar, l.metals, l.approvedFrom],
  );
  return r.rowCount;
}

export async function listLocations(q: Queryable): Promise<LocationRow[]> {
  return (await q.query<LocationRow>(`SELECT * FROM delivery_locations ORDER BY name`)).rows;
}

export async function getLocation(q: Queryable, code: string, forUpdate = false): Promise<LocationRow | undefined> {
  return (await q.query<LocationRow>(`SELECT * FROM delivery_locations WHERE code = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [code])).rows[0];
}

export async function upsertLocation(q: Queryable, l: NetworkLocation & { withdrawnFrom: string | null }): Promise<LocationRow> {
  const r = await q.query<LocationRow>(
    `INSERT INTO delivery_locations (code, name, country, time_zone, currency, calendar, metals, approved_from, withdrawn_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (code) DO UPDATE SET name = $2, country = $3, time_zone = $4, currency = $5, calendar = $6, metals = $7,
       approved_from = $8, withdrawn_from = $9, version = delivery_locations.version + 1, updated_at = now()
     RETURNING *`,
    [l.code, l.name, l.country, l.timeZone, l.currency, l.calendar, l.metals, l.approvedFrom, l.withdrawnFrom],
  );
  return r.rows[0]!;
}

export interface CapRow {
  id: string;
  location_code: string;
  metal: string;
  effective_from: string;
  rent_usd_per_tonne_day: string;
  fot_per_tonne: string | null;
  fot_currency: string | null;
  yearly_index_pct: string | null;
  index_from_year: number | null;
  source: string | null;
  reference_key: string | null;
}

export interface NewCap {
  location: string;
  metal: string;
  effectiveFrom: string;
  rentUsdPerTonneDay: string;
  fotPerTonne: string | null;
  fotCurrency: string | null;
  yearlyIndexPct: string | null;
  indexFromYear: number | null;
  source: string | null;
}

export async function insertCap(q: Queryable, c: NewCap, referenceKey: string | null = null): Promise<CapRow | undefined> {
  const r = await q.query<CapRow>(
    `INSERT INTO rent_caps (location_code, metal, effective_from, rent_usd_per_tonne_day, fot_per_tonne, fot_currency, yearly_index_pct, index_from_year, source, reference_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT DO NOTHING RETURNING *`,
    [c.location, c.metal, c.effectiveFrom, c.rentUsdPerTonneDay, c.fotPerTonne, c.fotCurrency, c.yearlyIndexPct, c.indexFromYear, c.source, referenceKey],
  );
  return r.rows[0];
}

export async function listCaps(q: Queryable, f: { location?: string; metal?: string }): Promise<CapRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.location) where.push(`location_code = $${params.push(f.location)}`);
  if (f.metal) where.push(`metal = $${params.push(f.metal)}`);
  return (
    await q.query<CapRow>(`SELECT * FROM rent_caps ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY location_code, metal, effective_from`, params)
  ).rows;
}

// ---------------------------------------------------------------- facilities

export interface FacilityRow {
  id: string;
  warehouse_org_id: string;
  warehouse_name: string;
  location_code: string;
  location_name: string;
  calendar: string;
  name: string;
  address: string | null;
  metals: string[];
  min_daily_load_out_tonnes: string;
  approved_from: string;
  withdrawn_from: string | null;
  version: number;
}

const FACILITY_SELECT = `SELECT f.*, o.name AS warehouse_name, l.name AS location_name, l.calendar
  FROM facilities f JOIN organisations o ON o.id = f.warehouse_org_id JOIN delivery_locations l ON l.code = f.location_code`;

export async function insertFacility(
  q: Queryable,
  f: { warehouseOrgId: string; location: string; name: string; address: string | null; metals: string[]; minDailyLoadOutTonnes: string; approvedFrom: string },
): Promise<FacilityRow> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO facilities (warehouse_org_id, location_code, name, address, metals, min_daily_load_out_tonnes, approved_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [f.warehouseOrgId, f.location, f.name, f.address, f.metals, f.minDailyLoadOutTonnes, f.approvedFrom],
  );
  return (await getFacility(q, r.rows[0]!.id))!;
}

export async function getFacility(q: Queryable, id: string): Promise<FacilityRow | undefined> {
  return (await q.query<FacilityRow>(`${FACILITY_SELECT} WHERE f.id = $1`, [id])).rows[0];
}

export async function listFacilities(q: Queryable, f: { warehouseOrgId?: string; location?: string }): Promise<FacilityRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.warehouseOrgId) where.push(`f.warehouse_org_id = $${params.push(f.warehouseOrgId)}`);
  if (f.location) where.push(`f.location_code = $${params.push(f.location)}`);
  return (await q.query<FacilityRow>(`${FACILITY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.name, f.name`, params)).rows;
}

// ---------------------------------------------------------------- receipts and lots

export interface ReceiptRow {
  id: string;
  seq: number;
  number: string;
  facility_id: string;
  warehouse_org_id: string;
  depositor_org_id: string;
  brand_id: string;
  metal: string;
  shape: string;
  origin_country: string;
  received_on: string;
  reference: string | null;
  content: Record<string, unknown>;
  content_digest: string;
  log_index: number;
  created_at: Date;
}

export async function nextReceiptSeq(q: Queryable): Promise<number> {
  return (await q.query<{ seq: number }>(`SELECT nextval(pg_get_serial_sequence('receipts', 'seq')) AS seq`)).rows[0]!.seq;
}

export const receiptNumber = (seq: number): string => `RC-${String(seq).padStart(10, '0')}`;

export async function insertReceipt(
  q: Queryable,
  r: Omit<ReceiptRow, 'number' | 'created_at'> & { userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO receipts (id, seq, facility_id, warehouse_org_id, depositor_org_id, brand_id, metal, shape, origin_country, received_on, reference,
       content, content_digest, log_index, created_by_user, created_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [r.id, r.seq, r.facility_id, r.warehouse_org_id, r.depositor_org_id, r.brand_id, r.metal, r.shape, r.origin_country, r.received_on, r.reference,
      JSON.stringify(r.content), r.content_digest, r.log_index, r.userId, r.apiKeyId],
  );
}

export interface BundleRow {
  receipt_id: string;
  line: number;
  lot_ref: string | null;
  pcr: string;
  bundle_ref: string;
  pieces: number;
  gross_kg: string;
  net_kg: string;
  certificate_id: string | null;
  conforming: boolean;
}

export async function insertBundles(q: Queryable, rows: readonly BundleRow[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = ['receipt_id', 'line', 'lot_ref', 'pcr', 'bundle_ref', 'pieces', 'gross_kg', 'net_kg', 'certificate_id', 'conforming'] as const;
  await q.copyRows('receipt_bundles', cols, rows.map((r) => cols.map((c) => r[c])));
}

export interface LotRow {
  id: string;
  receipt_id: string;
  lot_ref: string;
  net_kg: string;
  bundles: number;
  warrantable: boolean;
}

export async function insertLots(q: Queryable, rows: readonly LotRow[]): Promise<void> {
  for (const l of rows) {
    await q.query(`INSERT INTO lots (id, receipt_id, lot_ref, net_kg, bundles, warrantable) VALUES ($1, $2, $3, $4, $5, $6)`, [
      l.id,
      l.receipt_id,
      l.lot_ref,
      l.net_kg,
      l.bundles,
      l.warrantable,
    ]);
  }
}

const RECEIPT_SELECT = `SELECT * FROM receipts`;

export async function getReceipt(q: Queryable, idOrNumber: string): Promise<ReceiptRow | undefined> {
  const byId = /^[0-9a-f-]{36}$/i.test(idOrNumber);
  return (await q.query<ReceiptRow>(`${RECEIPT_SELECT} WHERE ${byId ? 'id = $1' : 'number = $1'}`, [idOrNumber])).rows[0];
}

export async function listReceipts(q: Queryable, f: { orgId: string | null; beforeSeq?: number; limit: number }): Promise<ReceiptRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.orgId) {
    const o = `$${params.push(f.orgId)}`;
    where.push(`(warehouse_org_id = ${o} OR depositor_org_id = ${o})`);
  }
  if (f.beforeSeq !== undefined) where.push(`seq < $${params.push(f.beforeSeq)}`);
  return (
    await q.query<ReceiptRow>(`${RECEIPT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.push(f.limit)}`, params)
  ).rows;
}

export async function receiptBundles(q: Queryable, receiptId: string): Promise<BundleRow[]> {
  return (await q.query<BundleRow>(`SELECT * FROM receipt_bundles WHERE receipt_id = $1 ORDER BY line`, [receiptId])).rows;
}

export async function receiptLots(q: Queryable, receiptId: string): Promise<(LotRow & { warrant_id: string | null; warrant_number: string | null })[]> {
  return (
    await q.query<LotRow & { warrant_id: string | null; warrant_number: string | null }>(
      `SELECT l.*, w.id AS warrant_id, w.number AS warrant_number FROM lots l LEFT JOIN warrants w ON w.lot_id = l.id WHERE l.receipt_id = $1 ORDER BY l.lot_ref`,
      [receiptId],
    )
  ).rows;
}

export async function getLot(q: Queryable, id: string, forUpdate = false): Promise<LotRow | undefined> {
  return (await q.query<LotRow>(`SELECT * FROM lots WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id])).rows[0];
}

export async function lotBundles(q: Queryable, lotId: string): Promise<BundleRow[]> {
  return (
    await q.query<BundleRow>(
      `SELECT b.* FROM receipt_bundles b JOIN lots l ON l.receipt_id = b.receipt_id AND l.lot_ref = b.lot_ref WHERE l.id = $1 ORDER BY b.line`,
      [lotId],
    )
  ).rows;
}

/** Off-warrant stock: received bundles not on a warrant (in no lot, or in a lot never warranted). */
export async function offWarrantStock(q: Queryable, f: { warehouseOrgId: string | null }): Promise<(BundleRow & { receipt_number: string; facility_id: string; metal: string; brand_id: string; received_on: string })[]> {
  const params: unknown[] = [];
  const where = f.warehouseOrgId ? `AND r.warehouse_org_id = $${params.push(f.warehouseOrgId)}` : '';
  type Row = BundleRow & { receipt_number: string; facility_id: string; metal: string; brand_id: string; received_on: string };
  return (
    await q.query<Row>(
      `SELECT b.*, r.number AS receipt_number, r.facility_id, r.metal, r.brand_id, r.received_on
         FROM receipt_bundles b JOIN receipts r ON r.id = b.receipt_id
         LEFT JOIN lots l ON l.receipt_id = b.receipt_id AND l.lot_ref = b.lot_ref
         LEFT JOIN warrants w ON w.lot_id = l.id
        WHERE w.id IS NULL ${where}
        ORDER BY r.seq DESC, b.line`,
      params,
    )
  ).rows;
}

// ---------------------------------------------------------------- warrants

export interface WarrantRow {
  id: string;
  seq: number;
  number: string;
  lot_id: string;
  facility_id: string;
  location_code: string;
  warehouse_org_id: string;
  brand_id: string;
  metal: string;
  shape: string;
  origin_country: string;
  tonnes: string;
  warranted_on: string;
  holder_org_id: string;
  status: WarrantStatus;
  cancelled_at: Date | null;
  delivered_out_at: Date | null;
  status_index: number;
  version: number;
  credential: string;
  content_digest: string;
  updated_at: Date;
}

export async function nextWarrantSeq(q: Queryable): Promise<number> {
  return (await q.query<{ seq: number }>(`SELECT nextval(pg_get_serial_sequence('warrants', 'seq')) AS seq`)).rows[0]!.seq;
}

export const warrantNumber = (seq: number): string => `WR-${String(seq).padStart(10, '0')}`;

export async function insertWarrant(q: Queryable, w: Omit<WarrantRow, 'number' | 'cancelled_at' | 'delivered_out_at' | 'updated_at'>): Promise<void> {
  await q.query(
    `INSERT INTO warrants (id, seq, lot_id, facility_id, location_code, warehouse_org_id, brand_id, metal, shape, origin_country, tonnes, warranted_on,
       holder_org_id, status, status_index, version, credential, content_digest)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [w.id, w.seq, w.lot_id, w.facility_id, w.location_code, w.warehouse_org_id, w.brand_id, w.metal, w.shape, w.origin_country, w.tonnes, w.warranted_on,
      w.holder_org_id, w.status, w.status_index, w.version, w.credential, w.content_digest],
  );
}

export async function insertCasts(q: Queryable, warrantId: string, casts: readonly { certificateId: string; brandId: string; pcr: string }[]): Promise<void> {
  await q.query(
    `INSERT INTO warrant_casts (warrant_id, certificate_id, brand_id, pcr, live)
     SELECT $1, c, b, p, true FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(c, b, p)`,
    [warrantId, casts.map((c) => c.certificateId), casts.map((c) => c.brandId), casts.map((c) => c.pcr)],
  );
}

export async function endCasts(q: Queryable, warrantId: string): Promise<void> {
  await q.query(`UPDATE warrant_casts SET live = false WHERE warrant_id = $1`, [warrantId]);
}

export async function warrantCasts(q: Queryable, warrantId: string): Promise<{ certificate_id: string; brand_id: string; pcr: string; live: boolean }[]> {
  return (await q.query<{ certificate_id: string; brand_id: string; pcr: string; live: boolean }>(`SELECT * FROM warrant_casts WHERE warrant_id = $1 ORDER BY pcr`, [warrantId])).rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getWarrant(q: Queryable, idOrNumber: string, forUpdate = false): Promise<WarrantRow | undefined> {
  const col = UUID.test(idOrNumber) ? 'id' : 'number';
  return (await q.query<WarrantRow>(`SELECT * FROM warrants WHERE ${col} = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [idOrNumber])).rows[0];
}

/** Locks several warrants in one order (by id), so two transactions over overlapping sets cannot deadlock. */
export async function lockWarrants(q: Queryable, ids: readonly string[]): Promise<WarrantRow[]> {
  return (await q.query<WarrantRow>(`SELECT * FROM warrants WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids])).rows;
}

export interface WarrantFilter {
  holderOrgId?: string;
  warehouseOrgId?: string;
  facilityId?: string;
  metal?: string;
  location?: string;
  status?: WarrantStatus;
  beforeSeq?: number;
  limit: number;
}

export async function listWarrants(q: Queryable, f: WarrantFilter): Promise<WarrantRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.holderOrgId) where.push(`holder_org_id = $${params.push(f.holderOrgId)}`);
  if (f.warehouseOrgId) where.push(`warehouse_org_id = $${params.push(f.warehouseOrgId)}`);
  if (f.facilityId) where.push(`facility_id = $${params.push(f.facilityId)}`);
  if (f.metal) where.push(`metal = $${params.push(f.metal)}`);
  if (f.location) where.push(`location_code = $${params.push(f.location)}`);
  if (f.status) where.push(`status = $${params.push(f.status)}`);
  if (f.beforeSeq !== undefined) where.push(`seq < $${params.push(f.beforeSeq)}`);
  return (
    await q.query<WarrantRow>(`SELECT * FROM warrants ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.push(f.limit)}`, params)
  ).rows;
}

export async function setWarrantState(
  q: Queryable,
  id: string,
  s: { holderOrgId: string; status: WarrantStatus; version: number; cancelledAt: Date | null; deliveredOutAt: Date | null; credential?: string; contentDigest?: string; tonnes?: string },
): Promise<void> {
  await q.query(
    `UPDATE warrants SET holder_org_id = $2, status = $3, version = $4, cancelled_at = $5, delivered_out_at = $6,
       credential = coalesce($7, credential), content_digest = coalesce($8, content_digest), tonnes = coalesce($9, tonnes), updated_at = now()
     WHERE id = $1`,
    [id, s.holderOrgId, s.status, s.version, s.cancelledAt, s.deliveredOutAt, s.credential ?? null, s.contentDigest ?? null, s.tonnes ?? null],
  );
}

export interface EventRow {
  warrant_id: string;
  version: number;
  kind: string;
  record: Record<string, unknown>;
  record_digest: string;
  statement: string;
  log_index: number;
  actor_org_id: string | null;
  at: Date;
}

export async function insertEvent(
  q: Queryable,
  e: Omit<EventRow, 'at'> & { at: string; actorUserId: string | null; actorApiKeyId: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO warrant_events (warrant_id, version, kind, record, record_digest, statement, log_index, actor_org_id, actor_user_id, actor_api_key_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [e.warrant_id, e.version, e.kind, JSON.stringify(e.record), e.record_digest, e.statement, e.log_index, e.actor_org_id, e.actorUserId, e.actorApiKeyId, e.at],
  );
}

export async function warrantEvents(q: Queryable, warrantId: string): Promise<EventRow[]> {
  return (await q.query<EventRow>(`SELECT warrant_id, version, kind, record, record_digest, statement, log_index, actor_org_id, at FROM warrant_events WHERE warrant_id = $1 ORDER BY version`, [warrantId])).rows;
}

export async function cancelledAt(q: Queryable, facilityId: string): Promise<WarrantRow[]> {
  return (await q.query<WarrantRow>(`SELECT * FROM warrants WHERE facility_id = $1 AND status = 'cancelled' ORDER BY cancelled_at, seq`, [facilityId])).rows;
}

/** Live and cancelled warrants over certificates that were revoked after warranting: the exchange's review queue. */
export async function warrantsOverRevoked(q: Queryable): Promise<(WarrantRow & { certificate_number: string; revoked_reason: string | null })[]> {
  return (
    await q.query<WarrantRow & { certificate_number: string; revoked_reason: string | null }>(
      `SELECT w.*, c.number AS certificate_number, c.status_reason AS revoked_reason
         FROM warrants w JOIN warrant_casts wc ON wc.warrant_id = w.id JOIN certificates c ON c.id = wc.certificate_id
        WHERE w.status <> 'delivered_out' AND c.status = 'revoked' ORDER BY w.seq`,
    )
  ).rows;
}

// ---------------------------------------------------------------- swaps

export interface SwapRow {
  id: string;
  proposer_org_id: string;
  counterparty_org_id: string;
  give: { warrantId: string; version: number }[];
  take: { warrantId: string; version: number }[];
  status: 'offered' | 'accepted' | 'withdrawn' | 'declined' | 'failed';
  reason: string | null;
  created_at: Date;
  decided_at: Date | null;
}

export async function insertSwap(q: Queryable, s: Pick<SwapRow, 'proposer_org_id' | 'counterparty_org_id' | 'give' | 'take'>): Promise<SwapRow> {
  return (
    await q.query<SwapRow>(
      `INSERT INTO warrant_swaps (proposer_org_id, counterparty_org_id, give, take, status) VALUES ($1, $2, $3, $4, 'offered') RETURNING *`,
      [s.proposer_org_id, s.counterparty_org_id, JSON.stringify(s.give), JSON.stringify(s.take)],
    )
  ).rows[0]!;
}

export async function getSwap(q: Queryable, id: string, forUpdate = false): Promise<SwapRow | undefined> {
  return (await q.query<SwapRow>(`SELECT * FROM warrant_swaps WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id])).rows[0];
}

export async function listSwaps(q: Queryable, orgId: string | null): Promise<SwapRow[]> {
  return (
    await q.query<SwapRow>(
      `SELECT * FROM warrant_swaps ${orgId ? 'WHERE proposer_org_id = $1 OR counterparty_org_id = $1' : ''} ORDER BY created_at DESC LIMIT 200`,
      orgId ? [orgId] : [],
    )
  ).rows;
}

export async function decideSwap(q: Queryable, id: string, status: SwapRow['status'], reason: string | null): Promise<void> {
  await q.query(`UPDATE warrant_swaps SET status = $2, reason = $3, decided_at = now() WHERE id = $1`, [id, status, reason]);
}

/** Casts (brand + PCR) on a live warrant, with that warrant's number (src/pledges: one title document per cast). */
export async function liveWarrantCasts(q: Queryable, brandId: string, pcrs: readonly string[]): Promise<{ pcr: string; number: string }[]> {
  if (pcrs.length === 0) return [];
  return (
    await q.query<{ pcr: string; number: string }>(
      `SELECT c.pcr, w.number FROM warrant_casts c JOIN warrants w ON w.id = c.warrant_id WHERE c.live AND c.brand_id = $1 AND c.pcr = ANY($2::text[]) ORDER BY c.pcr`,
      [brandId, pcrs],
    )
  ).rows;
}
