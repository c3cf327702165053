import type { Queryable } from '../platform/db.ts';
import type { CbamFigures } from './rules.ts';

// The SQL of CBAM carbon reports: one row per submitted version.

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

/** A report version with every column, as the audit compares it with what was signed. */
export interface CbamFullRow extends CbamRow {
  installation: string;
  installation_country: string;
  production_route: string;
  cn_code: string;
  direct_tco2e_per_t: string;
  indirect_tco2e_per_t: string;
  electricity_mwh_per_t: string;
  electricity_factor_tco2e_per_mwh: string;
  value_type: string;
  methodology: string;
  verifier: string | null;
  verification_status: string;
  carbon_price_paid: string | null;
  carbon_price_currency: string | null;
}

export async function allReports(q: Queryable): Promise<CbamFullRow[]> {
  return (await q.query<CbamFullRow>(`SELECT * FROM cbam_reports ORDER BY brand_id, period_kind, period_start, version`)).rows;
}

/** The latest version of the report (brand, period) this version row belongs to; undefined for an unknown row. */
export async function latestVersionOf(q: Queryable, reportId: string): Promise<number | undefined> {
  const r = await q.query<{ v: number }>(
    `SELECT max(o.version)::int AS v FROM cbam_reports r JOIN cbam_reports o
       ON o.brand_id = r.brand_id AND o.period_kind = r.period_kind AND o.period_start = r.period_start
     WHERE r.id = $1`,
    [reportId],
  );
  return r.rows[0]?.v ?? undefined;
}
