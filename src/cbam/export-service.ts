import type { Principal } from '../access/principal.ts';
import { findBrands } from '../brands/lookup.ts';
import { fullyReadable } from '../certificates/access.ts';
import { exportCertificates } from '../certificates/lookup.ts';
import { formatDecimal, fromUnits, parseDecimal, toUnits } from '../metals/fixed.ts';
import type { AppContext } from '../platform/context.ts';
import { today } from '../sustainability/service-common.ts';
import { readableBrandIds } from './access-service.ts';
import { toCsv } from './csv.ts';
import { exportWorkbook } from './excel.ts';
import { listCbam, type CbamRow } from './report-repo.ts';
import { reportView } from './report-service.ts';
import { reportInForce } from './rules.ts';

// The importer's CBAM export: the issued certificates of every brand whose CBAM data the caller
// may read, each with the report in force on its production date, as CSV or Excel.

export const EXPORT_HEADER = [
  'Certificate',
  'Brand',
  'CN code',
  'Production date',
  'Net tonnes',
  'Country of origin',
  'Installation',
  'Installation country',
  'Production route',
  'Direct emissions (tCO2e/t)',
  'Indirect emissions (tCO2e/t)',
  'Electricity consumption (MWh/t)',
  'Electricity emission factor (tCO2e/MWh)',
  'Actual or default',
  'Reporting period',
  'Methodology',
  'Verification status',
  'Carbon price paid (per tCO2e)',
  'Carbon price currency',
  'Report version',
] as const;

export const EXPORT_LIMIT = 50_000;

const kgToTonnes = (kg: string | null): string | null => {
  if (kg === null) return null;
  try {
    return formatDecimal(fromUnits(toUnits(parseDecimal(kg)) / 1000n));
  } catch {
    return null;
  }
};

/**
 * Rows for an importer's CBAM declaration: the issued certificates of every brand whose CBAM data
 * the caller may read. Net tonnes come from the certificate itself, so they are filled only for
 * callers entitled to the full certificate (certificates/access.ts); an export never shows more than its reader may see.
 */
export async function exportRows(ctx: AppContext, p: Principal, q: { from?: string; to?: string; brand?: string }) {
  const readable = await readableBrandIds(ctx, p);
  let brands = await findBrands(ctx.db, {});
  if (readable !== 'all') brands = brands.filter((b) => readable.includes(b.id));
  if (q.brand) brands = brands.filter((b) => b.code === q.brand || b.id === q.brand);
  const certs = await exportCertificates(ctx.db, {
    brandIds: brands.map((b) => b.id),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    limit: EXPORT_LIMIT,
  });
  const reports = await listCbam(ctx.db, [...new Set(certs.map((c) => c.brand_id))]);
  const byBrand = new Map<string, { row: CbamRow; periodKind: string; periodStart: string; periodEnd: string; version: number }[]>();
  for (const r of reports) {
    byBrand.set(r.brand_id, [...(byBrand.get(r.brand_id) ?? []), { row: r, periodKind: r.period_kind, periodStart: r.period_start, periodEnd: r.period_end, version: r.version }]);
  }
  const full = await fullyReadable(ctx.db, p, certs);
  return certs.map((c) => {
    const inForce = reportInForce(byBrand.get(c.brand_id) ?? [], c.production_date);
    const f = inForce ? reportView(inForce.row) : null;
    return [
      c.number,
      c.brand_code,
      f?.cnCode ?? null,
      c.production_date,
      full.has(c.id) ? kgToTonnes(c.net_weight_kg) : null,
      c.origin_country,
      f?.installation ?? null,
      f?.installationCountry ?? null,
      f?.productionRoute ?? null,
      f?.directEmissions ?? null,
      f?.indirectEmissions ?? null,
      f?.electricityConsumption ?? null,
      f?.electricityEmissionFactor ?? null,
      f?.valueType ?? null,
      f ? (f.periodKind === 'daily' ? f.periodStart : `${f.periodStart}/${f.periodEnd}`) : null,
      f?.methodology ?? null,
      f?.verificationStatus ?? null,
      f?.carbonPricePaid ?? null,
      f?.carbonPriceCurrency ?? null,
      f?.version ?? null,
    ];
  });
}

export async function exportFile(ctx: AppContext, p: Principal, q: { format?: 'csv' | 'xlsx'; from?: string; to?: string; brand?: string }) {
  const rows = await exportRows(ctx, p, q);
  const stamp = today(ctx);
  if (q.format === 'xlsx') {
    return {
      filename: `assay-cbam-${stamp}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await exportWorkbook('CBAM', EXPORT_HEADER, rows),
    };
  }
  return { filename: `assay-cbam-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(EXPORT_HEADER, rows) };
}

