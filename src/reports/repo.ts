import type { Queryable } from '../platform/db.ts';

// The reports module's SQL. Two halves: as-of reads over the warehouse module's history (warrant
// events, warrants, receipts, lots, facilities; read only, never written here), and the module's
// own tables (published reports, off-warrant declarations). Private to the module.

const STOCK_KINDS_SQL = `('warrant.issued', 'warrant.cancelled', 'warrant.rewarranted', 'warrant.loaded_out')`;

/**
 * Per warrant with any stock-changing event before `to`: +1/−1 counts of what its events did
 * (the partial index warrant_events_stock_idx holds exactly these rows, in warrant order).
 * on_warrant_open: on warrant (live or cancelled) at `from`; delivered_in/out: issued / loaded out
 * in [from, to); cancelled: cancelled at `to`. On warrant at `to` = open + in − out.
 */
const PER_WARRANT = `
  SELECT e.warrant_id,
         sum(CASE e.kind WHEN 'warrant.issued' THEN 1 WHEN 'warrant.loaded_out' THEN -1 ELSE 0 END) FILTER (WHERE e.at < $1) AS on_open,
         count(*) FILTER (WHERE e.kind = 'warrant.issued' AND e.at >= $1) AS d_in,
         count(*) FILTER (WHERE e.kind = 'warrant.loaded_out' AND e.at >= $1) AS d_out,
         sum(CASE e.kind WHEN 'warrant.cancelled' THEN 1 WHEN 'warrant.issued' THEN 0 ELSE -1 END) AS canc
    FROM warrant_events e
   WHERE e.at < $2 AND e.kind IN ${STOCK_KINDS_SQL}
   GROUP BY e.warrant_id`;

export interface StockFigureRow {
  location: string;
  metal: string;
  opening: string;
  delivered_in: string;
  delivered_out: string;
  live: string;
  cancelled: string;
}

/**
 * The statement behind stockFigures ($1 = from, $2 = to); exported for the benchmark's EXPLAIN.
 * Every figure is a sum over stock-changing events of the warrant's tonnage times what the event
 * did (issue +1 on warrant, load-out −1; cancellation +1 cancelled, re-warranting and load-out −1),
 * so it needs no per-warrant step: events are counted per location, metal and lot size in whole
 * numbers, and tonnes are multiplied in only for those few groups.
 */
export const STOCK_FIGURES_SQL = `WITH g AS (
         SELECT w.location_code AS location, w.metal, w.tonnes,
                count(*) FILTER (WHERE e.kind = 'warrant.issued' AND e.at < $1)
                  - count(*) FILTER (WHERE e.kind = 'warrant.loaded_out' AND e.at < $1) AS on_open,
                count(*) FILTER (WHERE e.kind = 'warrant.issued' AND e.at >= $1) AS d_in,
                count(*) FILTER (WHERE e.kind = 'warrant.loaded_out' AND e.at >= $1) AS d_out,
                count(*) FILTER (WHERE e.kind = 'warrant.cancelled')
                  - count(*) FILTER (WHERE e.kind IN ('warrant.rewarranted', 'warrant.loaded_out')) AS canc
           FROM warrant_events e JOIN warrants w ON w.id = e.warrant_id
          WHERE e.at < $2 AND e.kind IN ${STOCK_KINDS_SQL}
          GROUP BY w.location_code, w.metal, w.tonnes)
       SELECT location, metal,
              sum(tonnes * on_open)::text AS opening,
              sum(tonnes * d_in)::text AS delivered_in,
              sum(tonnes * d_out)::text AS delivered_out,
              sum(tonnes * (on_open + d_in - d_out - canc))::text AS live,
              sum(tonnes * canc)::text AS cancelled
         FROM g
        GROUP BY location, metal`;

/** The daily stock report's figures per location and metal, for events in [from, to). */
export async function stockFigures(q: Queryable, from: string, to: string): Promise<StockFigureRow[]> {
  return (await q.query<StockFigureRow>(STOCK_FIGURES_SQL, [from, to])).rows;
}

/** Live warrants at `to`, per metal and holder (the holder after each warrant's last transition before `to`). */
export async function liveHoldings(q: Queryable, to: string): Promise<{ metal: string; holder: string; tonnes: string; warrants: number }[]> {
  return (
    await q.query<{ metal: string; holder: string; tonnes: string; warrants: number }>(
      `WITH per AS (${PER_WARRANT}),
            live AS (SELECT warrant_id FROM per WHERE coalesce(on_open, 0) + d_in - d_out = 1 AND canc = 0)
       SELECT w.metal, h.holder, sum(w.tonnes)::text AS tonnes, count(*)::int AS warrants
         FROM live JOIN warrants w ON w.id = live.warrant_id
        CROSS JOIN LATERAL (
              SELECT e.record->>'holderOrgId' AS holder FROM warrant_events e
               WHERE e.warrant_id = live.warrant_id AND e.at < $2 ORDER BY e.version DESC LIMIT 1) h
        GROUP BY w.metal, h.holder`,
      [to, to],
    )
  ).rows;
}

export interface WaitingRow {
  facility: string;
  location: string;
  metal: string;
  tonnes: string;
  cancelled_at: Date;
  rate: string;
}

/** Cancelled warrants waiting for load-out at `to`, with when each was (last) cancelled and its facility's rate. */
export async function waiting(q: Queryable, to: string): Promise<WaitingRow[]> {
  return (
    await q.query<WaitingRow>(
      `WITH per AS (
         SELECT e.warrant_id,
                sum(CASE e.kind WHEN 'warrant.issued' THEN 1 WHEN 'warrant.loaded_out' THEN -1 ELSE 0 END) AS on_w,
                sum(CASE e.kind WHEN 'warrant.cancelled' THEN 1 WHEN 'warrant.issued' THEN 0 ELSE -1 END) AS canc,
                max(e.at) FILTER (WHERE e.kind = 'warrant.cancelled') AS cancelled_at
           FROM warrant_events e
          WHERE e.at < $1 AND e.kind IN ${STOCK_KINDS_SQL}
          GROUP BY e.warrant_id)
       SELECT w.facility_id AS facility, w.location_code AS location, w.metal, w.tonnes::text AS tonnes, per.cancelled_at,
              f.min_daily_load_out_tonnes::text AS rate
         FROM per JOIN warrants w ON w.id = per.warrant_id JOIN facilities f ON f.id = w.facility_id
        WHERE per.on_w = 1 AND per.canc = 1
        ORDER BY w.facility_id, per.cancelled_at, w.seq`,
      [to],
    )
  ).rows;
}

/**
 * Received metal not on warrant at `to`: bundles of receipts received by `lastDay` and recorded
 * (logged) before `to`, whose lot had no warrant issued before `to`; per location, metal and
 * warehouse, in kilograms.
 */
export async function recordedOffWarrant(q: Queryable, lastDay: string, to: string): Promise<{ location: string; metal: string; warehouse: string; kg: string }[]> {
  return (
    await q.query<{ location: string; metal: string; warehouse: string; kg: string }>(
      `SELECT f.location_code AS location, r.metal, r.warehouse_org_id AS warehouse, sum(b.net_kg)::text AS kg
         FROM receipts r
         JOIN log_entries le ON le.idx = r.log_index
         JOIN facilities f ON f.id = r.facility_id
         JOIN receipt_bundles b ON b.receipt_id = r.id
         LEFT JOIN lots l ON l.receipt_id = b.receipt_id AND l.lot_ref = b.lot_ref
         LEFT JOIN warrants w ON w.lot_id = l.id
        WHERE r.received_on <= $1 AND le.recorded_at < $2
          AND NOT EXISTS (SELECT 1 FROM warrant_events e WHERE e.warrant_id = w.id AND e.kind = 'warrant.issued' AND e.at < $2)
        GROUP BY f.location_code, r.metal, r.warehouse_org_id`,
      [lastDay, to],
    )
  ).rows;
}

// ---------------------------------------------------------------- published reports

export interface ReportRow {
  id: string;
  kind: string;
  period: string;
  as_of: string;
  document: string;
  document_digest: string;
  credential: string;
  log_index: number;
  published_at: Date;
  published_by_org: string;
}

export async function insertReport(
  q: Queryable,
  r: Omit<ReportRow, 'published_at'> & { published_at: string; userId: string | null; apiKeyId: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO market_reports (id, kind, period, as_of, document, document_digest, credential, log_index, published_at, published_by_org, published_by_user, published_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [r.id, r.kind, r.period, r.as_of, r.document, r.document_digest, r.credential, r.log_index, r.published_at, r.published_by_org, r.userId, r.apiKeyId],
  );
}

const REPORT_COLUMNS = `id, kind, period, as_of, document, document_digest, credential, log_index, published_at, published_by_org`;

export async function getReport(q: Queryable, id: string): Promise<ReportRow | undefined> {
  return (await q.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM market_reports WHERE id = $1`, [id])).rows[0];
}

export async function findReport(q: Queryable, kind: string, period: string): Promise<ReportRow | undefined> {
  return (await q.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM market_reports WHERE kind = $1 AND period = $2`, [kind, period])).rows[0];
}

export type ReportSummaryRow = Omit<ReportRow, 'document' | 'credential'>;

/** Published reports, newest period first; `from`/`to` bound the period (text order is date order). */
export async function listReports(q: Queryable, f: { kind?: string; from?: string; to?: string; limit: number; withDocument?: boolean }): Promise<(ReportSummaryRow & { document?: string })[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.kind) where.push(`kind = $${params.push(f.kind)}`);
  if (f.from) where.push(`period >= $${params.push(f.from)}`);
  if (f.to) where.push(`period <= $${params.push(f.to)}`);
  return (
    await q.query<ReportSummaryRow & { document?: string }>(
      `SELECT id, kind, period, as_of, document_digest, log_index, published_at, published_by_org${f.withDocument ? ', document' : ''}
         FROM market_reports ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY period DESC, kind LIMIT $${params.push(f.limit)}`,
      params,
    )
  ).rows;
}

/** Every published report in id order, a page at a time (the audit). */
export async function reportsAfter(q: Queryable, afterId: string | null, limit: number): Promise<ReportRow[]> {
  return (
    await q.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM market_reports ${afterId ? 'WHERE id > $2' : ''} ORDER BY id LIMIT $1`, afterId ? [limit, afterId] : [limit])
  ).rows;
}

// ---------------------------------------------------------------- off-warrant declarations

export interface DeclarationRow {
  id: string;
  warehouse_org_id: string;
  location_code: string;
  metal: string;
  month: string;
  tonnes: string;
  note: string | null;
  credential: string;
  content_digest: string;
  log_index: number;
  declared_at: Date;
}

export async function insertDeclaration(q: Queryable, d: Omit<DeclarationRow, 'declared_at'> & { declared_at: string; userId: string | null; apiKeyId: string | null }): Promise<void> {
  await q.query(
    `INSERT INTO off_warrant_declarations (id, warehouse_org_id, location_code, metal, month, tonnes, note, credential, content_digest, log_index, declared_at, declared_by_user, declared_by_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [d.id, d.warehouse_org_id, d.location_code, d.metal, d.month, d.tonnes, d.note, d.credential, d.content_digest, d.log_index, d.declared_at, d.userId, d.apiKeyId],
  );
}

export async function listDeclarations(q: Queryable, f: { warehouseOrgId?: string; month?: string; limit: number }): Promise<DeclarationRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.warehouseOrgId) where.push(`warehouse_org_id = $${params.push(f.warehouseOrgId)}`);
  if (f.month) where.push(`month = $${params.push(f.month)}`);
  return (
    await q.query<DeclarationRow>(
      `SELECT * FROM off_warrant_declarations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY declared_at DESC, id LIMIT $${params.push(f.limit)}`,
      params,
    )
  ).rows;
}

/** Each warehouse's latest declaration per location and metal for a month, made before `to`. */
export async function declaredFor(q: Queryable, month: string, to: string): Promise<{ location: string; metal: string; warehouse: string; tonnes: string }[]> {
  return (
    await q.query<{ location: string; metal: string; warehouse: string; tonnes: string }>(
      `SELECT DISTINCT ON (warehouse_org_id, location_code, metal) location_code AS location, metal, warehouse_org_id AS warehouse, tonnes::text AS tonnes
         FROM off_warrant_declarations
        WHERE month = $1 AND declared_at < $2
        ORDER BY warehouse_org_id, location_code, metal, declared_at DESC, id DESC`,
      [month, to],
    )
  ).rows;
}

export async function declarationsAfter(q: Queryable, afterId: string | null, limit: number): Promise<DeclarationRow[]> {
  return (
    await q.query<DeclarationRow>(`SELECT * FROM off_warrant_declarations ${afterId ? 'WHERE id > $2' : ''} ORDER BY id LIMIT $1`, afterId ? [limit, afterId] : [limit])
  ).rows;
}

export async function declarationExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM off_warrant_declarations WHERE id = $1`, [id])).rowCount > 0;
}

/** Does the warehouse company have a facility at the location? */
export async function hasFacilityAt(q: Queryable, warehouseOrgId: string, location: string): Promise<boolean> {
  return (
    (await q.query(`SELECT 1 FROM facilities WHERE warehouse_org_id = $1 AND location_code = $2 LIMIT 1`, [warehouseOrgId, location])).rowCount > 0
  );
}
