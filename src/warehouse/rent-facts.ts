import type { Queryable } from '../platform/db.ts';
import type { WarrantStatus } from './warrant-rules.ts';

// What the rent module (src/rent/) may read and write on warrants: the facts rent is computed
// from (tonnage, warranting date, where, who holds it, its status history) and the one column
// rent owns, the paid-to date. The warehouse module's public face for rent; nothing else here.

export interface RentWarrant {
  id: string;
  number: string;
  holderOrgId: string;
  warehouseOrgId: string;
  warehouseName: string;
  facilityId: string;
  facilityName: string;
  locationCode: string;
  metal: string;
  /** As stored: numeric(12,3), e.g. 25.123. */
  tonnes: string;
  warrantedOn: string;
  status: WarrantStatus;
  /** Last day paid for, or null. */
  rentPaidTo: string | null;
}

interface Row {
  id: string;
  number: string;
  holder_org_id: string;
  warehouse_org_id: string;
  warehouse_name: string;
  facility_id: string;
  facility_name: string;
  location_code: string;
  metal: string;
  tonnes: string;
  warranted_on: string;
  status: WarrantStatus;
  rent_paid_to: string | null;
}

const toWarrant = (r: Row): RentWarrant => ({
  id: r.id,
  number: r.number,
  holderOrgId: r.holder_org_id,
  warehouseOrgId: r.warehouse_org_id,
  warehouseName: r.warehouse_name,
  facilityId: r.facility_id,
  facilityName: r.facility_name,
  locationCode: r.location_code,
  metal: r.metal,
  tonnes: r.tonnes,
  warrantedOn: r.warranted_on,
  status: r.status,
  rentPaidTo: r.rent_paid_to,
});

/** WR-1, wr-0000000001 → WR-0000000001 (as warrant-service's normaliseWarrantNumber, which imports rent). */
const normalise = (ref: string): string => {
  const m = /^WR-?(\d{1,10})$/.exec(ref.replace(/\s+/g, '').toUpperCase());
  return m ? `WR-${m[1]!.padStart(10, '0')}` : ref.trim().toLowerCase();
};

/**
 * Warrants by id or number, holder or warehouse (in number order). `lock` takes row locks (by id order, so
 * overlapping sets cannot deadlock): the caller then moves paid-to dates in the same transaction.
 */
export async function rentWarrants(
  q: Queryable,
  f: { /** Ids or numbers. */ ids?: readonly string[]; holderOrgId?: string; warehouseOrgId?: string; lock?: boolean },
): Promise<RentWarrant[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.ids) {
    const refs = `$${params.push(f.ids.map(normalise))}::text[]`;
    where.push(`(w.id::text = ANY(${refs}) OR w.number = ANY(${refs}))`);
  }
  if (f.holderOrgId) where.push(`w.holder_org_id = $${params.push(f.holderOrgId)}`);
  if (f.warehouseOrgId) where.push(`w.warehouse_org_id = $${params.push(f.warehouseOrgId)}`);
  if (f.lock) {
    await q.query(`SELECT id FROM warrants w ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id FOR UPDATE`, params);
  }
  const rows = await q.query<Row>(
    `SELECT w.id, w.number, w.holder_org_id, w.warehouse_org_id, o.name AS warehouse_name, w.facility_id, f.name AS facility_name,
            w.location_code, w.metal, w.tonnes, w.warranted_on, w.status, w.rent_paid_to
       FROM warrants w JOIN facilities f ON f.id = w.facility_id JOIN organisations o ON o.id = w.warehouse_org_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY w.seq`,
    params,
  );
  return rows.rows.map(toWarrant);
}

/** Each warrant's status changes after issue (cancellation, re-warranting, load-out), in order. */
export async function statusHistories(q: Queryable, ids: readonly string[]): Promise<Map<string, { at: Date; status: WarrantStatus }[]>> {
  const out = new Map<string, { at: Date; status: WarrantStatus }[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await q.query<{ warrant_id: string; at: Date; status: WarrantStatus }>(
    `SELECT warrant_id, at, record->>'status' AS status FROM warrant_events
      WHERE warrant_id = ANY($1::uuid[]) AND kind IN ('warrant.cancelled', 'warrant.rewarranted', 'warrant.loaded_out')
      ORDER BY warrant_id, version`,
    [ids],
  );
  for (const r of rows.rows) out.get(r.warrant_id)!.push({ at: r.at, status: r.status });
  return out;
}

export async function setRentPaidTo(q: Queryable, warrantId: string, paidTo: string): Promise<void> {
  await q.query(`UPDATE warrants SET rent_paid_to = $2 WHERE id = $1`, [warrantId, paidTo]);
}

/** Every warrant whose rent was ever paid, with its paid-to date (for the audit). */
export async function paidToDates(q: Queryable): Promise<{ id: string; number: string; rentPaidTo: string }[]> {
  return (
    await q.query<{ id: string; number: string; rent_paid_to: string }>(`SELECT id, number, rent_paid_to FROM warrants WHERE rent_paid_to IS NOT NULL ORDER BY seq`)
  ).rows.map((r) => ({ id: r.id, number: r.number, rentPaidTo: r.rent_paid_to }));
}
