import type { Queryable } from '../platform/db.ts';

export type BrandStatus = 'listed' | 'suspended' | 'delisted';

export interface BrandRecord {
  id: string;
  code: string;
  name: string;
  metal: string;
  producer: { id: string; name: string };
  plant: { name: string; country: string };
  shapes: string[];
  annualCapacityTonnes: string | null;
  status: BrandStatus;
  createdAt: string;
  updatedAt: string;
}

export interface StatusChange {
  status: BrandStatus;
  effectiveDate: string;
  reason: string;
  recordedAt: string;
}

interface Row {
  id: string;
  code: string;
  name: string;
  metal: string;
  producer_org_id: string;
  producer_name: string;
  plant_name: string;
  plant_country: string;
  shapes: string[];
  annual_capacity_t: string | null;
  status: BrandStatus;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT b.*, o.name AS producer_name FROM brands b JOIN organisations o ON o.id = b.producer_org_id`;

const toBrand = (r: Row): BrandRecord => ({
  id: r.id,
  code: r.code,
  name: r.name,
  metal: r.metal,
  producer: { id: r.producer_org_id, name: r.producer_name },
  plant: { name: r.plant_name, country: r.plant_country },
  shapes: r.shapes,
  annualCapacityTonnes: r.annual_capacity_t,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export interface NewBrand {
  code: string;
  name: string;
  metal: string;
  producerOrgId: string;
  plantName: string;
  plantCountry: string;
  shapes: string[];
  annualCapacityTonnes: string | null;
}

export async function insertBrand(q: Queryable, b: NewBrand): Promise<string> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO brands (code, name, metal, producer_org_id, plant_name, plant_country, shapes, annual_capacity_t, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'listed') RETURNING id`,
    [b.code, b.name, b.metal, b.producerOrgId, b.plantName, b.plantCountry, b.shapes, b.annualCapacityTonnes],
  );
  return r.rows[0]!.id;
}

/** A brand code as people type it: any case, spaces anywhere. */
export const brandCodeOf = (typed: string): string => typed.replace(/\s+/g, '').toUpperCase();

export async function getBrand(q: Queryable, idOrCode: string): Promise<BrandRecord | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  // Codes are upper-case letters and digits: "norni", " NOR NI " name NORNI.
  const r = await q.query<Row>(`${SELECT} WHERE ${isUuid ? 'b.id = $1' : 'b.code = $1'}`, [isUuid ? idOrCode : brandCodeOf(idOrCode)]);
  return r.rows[0] && toBrand(r.rows[0]);
}

export async function lockBrand(q: Queryable, id: string): Promise<BrandRecord | undefined> {
  const r = await q.query<Row>(`${SELECT} WHERE b.id = $1 FOR UPDATE OF b`, [id]);
  return r.rows[0] && toBrand(r.rows[0]);
}

export interface BrandFilter {
  metal?: string;
  status?: BrandStatus;
  producerOrgId?: string;
  q?: string;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => '\\' + c);

export async function listBrands(q: Queryable, f: BrandFilter): Promise<BrandRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.metal) where.push(`b.metal = $${params.push(f.metal)}`);
  if (f.status) where.push(`b.status = $${params.push(f.status)}`);
  if (f.producerOrgId) where.push(`b.producer_org_id = $${params.push(f.producerOrgId)}`);
  const text = f.q?.trim();
  if (text) {
    // Any part of the name, plant or producer (any case), or of the code typed with spaces.
    const i = params.push(`%${escapeLike(text)}%`);
    const code = params.push(`%${escapeLike(brandCodeOf(text))}%`);
    where.push(`(b.name ILIKE $${i} OR b.code LIKE $${code} OR b.plant_name ILIKE $${i} OR o.name ILIKE $${i})`);
  }
  const r = await q.query<Row>(`${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY b.metal, b.code`, params);
  return r.rows.map(toBrand);
}

export async function updateBrand(
  q: Queryable,
  id: string,
  u: { name?: string; plantName?: string; shapes?: string[]; annualCapacityTonnes?: string | null },
): Promise<void> {
  await q.query(
    `UPDATE brands SET name = coalesce($2, name), plant_name = coalesce($3, plant_name), shapes = coalesce($4, shapes),
       annual_capacity_t = CASE WHEN $5::boolean THEN $6::numeric ELSE annual_capacity_t END, updated_at = now()
     WHERE id = $1`,
    [id, u.name ?? null, u.plantName ?? null, u.shapes ?? null, u.annualCapacityTonnes !== undefined, u.annualCapacityTonnes ?? null],
  );
}

export async function setStatus(
  q: Queryable,
  c: { brandId: string; status: BrandStatus; effectiveDate: string; reason: string; actorUserId: string | null },
): Promise<void> {
  await q.query(`UPDATE brands SET status = $2, updated_at = now() WHERE id = $1`, [c.brandId, c.status]);
  await q.query(
    `INSERT INTO brand_status_history (brand_id, status, effective_date, reason, actor_user_id) VALUES ($1, $2, $3, $4, $5)`,
    [c.brandId, c.status, c.effectiveDate, c.reason, c.actorUserId],
  );
}

export async function statusHistory(q: Queryable, brandId: string): Promise<StatusChange[]> {
  const r = await q.query<{ status: BrandStatus; effective_date: string; reason: string; recorded_at: Date }>(
    `SELECT status, effective_date, reason, recorded_at FROM brand_status_history WHERE brand_id = $1 ORDER BY id`,
    [brandId],
  );
  return r.rows.map((x) => ({
    status: x.status,
    effectiveDate: x.effective_date,
    reason: x.reason,
    recordedAt: x.recorded_at.toISOString(),
  }));
}
