import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import * as accessRepo from '../access/repo.ts';
import { recordEvent } from '../trail/repo.ts';
import * as brandsRepo from '../brands/repo.ts';
import * as certificatesRepo from '../certificates/repo.ts';
import { canReadFull } from '../certificates/views.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey } from '../trust/keys-service.ts';
import { formatDecimal, fromUnits, parseDecimal, toUnits } from '../metals/fixed.ts';
import { AppError, forbidden, notFound, type ErrorDetail } from '../platform/errors.ts';
import { toCsv } from './csv.ts';
import { cellProblem, exportWorkbook, parseCbamForm, type CellProblem } from './excel.ts';
import { premiumEligibility, type PremiumAnswer } from './premium.ts';
import * as repo from '../sustainability/disclosure-repo.ts';
import {
  appliesTo,
  cbamAccess,
  periodOverlap,
  reportInForce,
  validateCbam,
  type CbamAccess,
  type CbamFigures,
  type CbamRaw,
  type FieldProblem,
} from './rules.ts';
import { brandOr404, refuse, today } from '../sustainability/disclosure-service.ts';
import { signAndLog } from '../sustainability/signing.ts';

// CBAM carbon reports: submission (JSON or the Excel form), versions, publication, grants, the
// carbon record of a certificate, the importer's export and premium eligibility. CBAM data is
// private by default; every read goes through `access` below.

const actorIds = (p: Authenticated) => {
  const a = actorOf(p);
  return { userId: a.userId, apiKeyId: a.apiKeyId };
};

/** Why the caller may read this brand's CBAM data, or null. Checked on every request, so a revoked grant stops at once. */
async function access(ctx: AppContext, p: Principal, brand: brandsRepo.BrandRecord): Promise<CbamAccess | null> {
  const granted = p.type !== 'anonymous' && (await repo.hasActiveGrant(ctx.db, brand.id, p.orgId));
  const published = await repo.isPublished(ctx.db, brand.id);
  return cbamAccess(p, { producerOrgId: brand.producer.id }, { published, granted });
}

async function requireAccess(ctx: AppContext, p: Principal, brand: brandsRepo.BrandRecord): Promise<CbamAccess> {
  const why = await access(ctx, p, brand);
  if (!why) throw refuse(p, `the CBAM data of ${brand.code} is private to its producer, the exchange and organisations it is granted to`);
  return why;
}

/** Brands whose CBAM data this caller may read. */
async function readableBrandIds(ctx: AppContext, p: Principal): Promise<string[] | 'all'> {
  if (p.type !== 'anonymous' && p.orgKind === 'exchange') return 'all';
  const shared = await repo.sharedBrandIds(ctx.db, p.type === 'anonymous' ? null : p.orgId);
  if (p.type === 'anonymous') return shared;
  const own = (await brandsRepo.listBrands(ctx.db, { producerOrgId: p.orgId })).map((b) => b.id);
  return [...new Set([...own, ...shared])];
}

export function reportView(r: repo.CbamRow, latestVersion?: number) {
  const c = r.content as unknown as { figures: CbamFigures; brand: { id: string; code: string }; submittedAt: string };
  return {
    id: r.id,
    brand: c.brand,
    version: r.version,
    superseded: latestVersion !== undefined && r.version < latestVersion,
    ...c.figures,
    source: r.source,
    submittedAt: c.submittedAt,
    contentDigest: r.content_digest,
    credential: r.credential,
    logIndex: r.log_index,
  };
}
export type ReportView = ReturnType<typeof reportView>;

const latestVersions = (rows: repo.CbamRow[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.brand_id}|${r.period_kind}|${r.period_start}`;
    m.set(k, Math.max(m.get(k) ?? 0, r.version));
  }
  return m;
};
const reportKey = (r: repo.CbamRow) => `${r.brand_id}|${r.period_kind}|${r.period_start}`;

// ---------------------------------------------------------------- submission

type ProblemMapper = (p: FieldProblem) => ErrorDetail;
export const jsonProblem: ProblemMapper = (p) => ({ path: `body.${p.field}`, message: p.message });
export const excelProblem: ProblemMapper = (p) => cellProblem(p.field, p.message);

async function ownBrand(ctx: AppContext, p: Authenticated, ref: string): Promise<brandsRepo.BrandRecord> {
  const brand = await brandOr404(ctx.db, ref);
  if (p.orgKind !== 'producer' || brand.producer.id !== p.orgId) throw forbidden(`Brand ${brand.code} belongs to another producer`);
  return brand;
}

async function record(
  ctx: AppContext,
  p: Authenticated,
  brand: brandsRepo.BrandRecord,
  figures: CbamFigures,
  source: 'json' | 'excel',
  mapProblem: ProblemMapper,
): Promise<ReportView> {
  const key = await ensureIssuerKey(ctx, brand.producer.id);
  const id = randomUUID();
  const submittedAt = ctx.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    await brandsRepo.lockBrand(tx, brand.id);
    const periods = await repo.cbamPeriods(tx, brand.id);
    const overlap = periodOverlap(figures, periods);
    if (overlap.length) throw new AppError('conflict', 'The reporting period overlaps another report; nothing was recorded', overlap.map(mapProblem));
    const version =
      Math.max(0, ...periods.filter((x) => x.periodKind === figures.periodKind && x.periodStart === figures.periodStart).map((x) => x.version)) + 1;
    const content = {
      schema: 'assay.cbam-report/1',
      reportId: id,
      brand: { id: brand.id, code: brand.code, name: brand.name, metal: brand.metal },
      producer: { id: brand.producer.id, name: brand.producer.name },
      version,
      figures,
      units: { emissions: 'tCO2e/t', electricityConsumption: 'MWh/t', electricityEmissionFactor: 'tCO2e/MWh', carbonPricePaid: 'per tCO2e' },
      submittedAt,
    };
    const contentDigest = digestOf(content);
    const { credential, logIndex } = await signAndLog(ctx, tx, {
      key,
      orgId: brand.producer.id,
      kind: 'cbam.submitted',
      subjectType: 'cbam_report',
      subjectId: id,
      version,
      type: 'CbamEmissionsReport',
      id: `urn:assay:cbam-report:${id}`,
      subject: { id: `urn:assay:brand:${brand.code}:cbam:${figures.periodKind}:${figures.periodStart}`, ...content },
      validFrom: submittedAt,
    });
    await repo.insertCbam(tx, { id, brandId: brand.id, version, figures, source, content, contentDigest, credential, logIndex, ...actorIds(p) });
    await recordEvent(tx, {
      actor: actorOf(p),
      action: 'cbam.submitted',
      subjectType: 'cbam_report',
      subjectId: id,
      digestAfter: contentDigest,
      details: { brand: brand.code, periodKind: figures.periodKind, periodStart: figures.periodStart, version, source },
    });
    return reportView({
      id,
      brand_id: brand.id,
      period_kind: figures.periodKind,
      period_start: figures.periodStart,
      period_end: figures.periodEnd,
      version,
      source,
      content,
      content_digest: contentDigest,
      credential,
      log_index: logIndex,
      created_at: new Date(submittedAt),
    });
  });
}

export async function submitCbam(ctx: AppContext, p: Authenticated, brandRef: string, raw: CbamRaw): Promise<ReportView> {
  const brand = await ownBrand(ctx, p, brandRef);
  const checked = validateCbam(raw, { metal: brand.metal, today: today(ctx), reference: await repo.getReference(ctx.db) });
  if (!checked.ok) throw new AppError('bad_request', 'The CBAM report cannot be recorded', checked.problems.map(jsonProblem));
  return record(ctx, p, brand, checked.figures, 'json', jsonProblem);
}

export const MAX_FORM_BYTES = 2 * 1024 * 1024;

/** The Excel form: every problem is named by sheet and cell, and nothing is written unless there are none. */
export async function submitCbamExcel(ctx: AppContext, p: Authenticated, brandRef: string, input: { contentBase64: string }): Promise<ReportView> {
  const brand = await ownBrand(ctx, p, brandRef);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > MAX_FORM_BYTES) throw new AppError('payload_too_large', `The form is larger than ${MAX_FORM_BYTES} bytes`);
  const form = await parseCbamForm(bytes);
  const problems: CellProblem[] = [...form.problems];
  if (form.problems.some((x) => x.field === 'file')) throw new AppError('bad_request', 'The upload is not the CBAM form', problems);
  if (!form.brandCode) problems.push(cellProblem('brandCode', 'is required'));
  else if (form.brandCode !== brand.code) problems.push(cellProblem('brandCode', `the form is for ${form.brandCode}, but it was uploaded for ${brand.code}`));
  const checked = validateCbam(form.raw, { metal: brand.metal, today: today(ctx), reference: await repo.getReference(ctx.db) });
  if (!checked.ok) problems.push(...checked.problems.map((x) => cellProblem(x.field, x.message)));
  if (problems.length || !checked.ok) {
    throw new AppError('bad_request', `The form has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was recorded`, problems);
  }
  return record(ctx, p, brand, checked.figures, 'excel', excelProblem);
}

// ---------------------------------------------------------------- reading

export async function brandReports(ctx: AppContext, p: Principal, brandRef: string) {
  const brand = await brandOr404(ctx.db, brandRef);
  const why = await requireAccess(ctx, p, brand);
  const rows = await repo.listCbam(ctx.db, [brand.id]);
  const latest = latestVersions(rows);
  return {
    brand: { id: brand.id, code: brand.code, name: brand.name, metal: brand.metal },
    access: why,
    published: await repo.isPublished(ctx.db, brand.id),
    reports: rows.filter((r) => r.version === latest.get(reportKey(r))).map((r) => reportView(r, latest.get(reportKey(r)))),
    history: rows.map((r) => reportView(r, latest.get(reportKey(r)))),
  };
}

/** Every current CBAM report the caller may read; others' private reports are simply not there. */
export async function searchReports(ctx: AppContext, p: Principal, q: { metal?: string; brand?: string; year?: number }) {
  const readable = await readableBrandIds(ctx, p);
  let brands = await brandsRepo.listBrands(ctx.db, q.metal ? { metal: q.metal } : {});
  if (readable !== 'all') brands = brands.filter((b) => readable.includes(b.id));
  if (q.brand) brands = brands.filter((b) => b.code === q.brand || b.id === q.brand);
  const rows = await repo.listCbam(ctx.db, brands.map((b) => b.id));
  const latest = latestVersions(rows);
  return {
    items: rows
      .filter((r) => r.version === latest.get(reportKey(r)))
      .filter((r) => q.year === undefined || (r.period_start <= `${q.year}-12-31` && r.period_end >= `${q.year}-01-01`))
      .map((r) => reportView(r, latest.get(reportKey(r)))),
  };
}

function intensity(f: { directEmissions: string; indirectEmissions: string }) {
  const total = formatDecimal(fromUnits(toUnits(parseDecimal(f.directEmissions)) + toUnits(parseDecimal(f.indirectEmissions))));
  return { direct: f.directEmissions, indirect: f.indirectEmissions, total, unit: 'tCO2e/t' };
}

/** The CBAM report and carbon intensity in force for a certificate's brand on its production date. */
export async function certificateCarbon(ctx: AppContext, p: Principal, certificateId: string) {
  const c = await certificatesRepo.getCertificate(ctx.db, certificateId);
  if (!c || (c.status === 'rejected' && !canReadFull(p, c))) throw notFound('Certificate');
  const brand = (await brandsRepo.getBrand(ctx.db, c.brand_id))!;
  const why = await requireAccess(ctx, p, brand);
  const rows = await repo.listCbam(ctx.db, [brand.id]);
  const inForce = reportInForce(
    rows.map((r) => ({ row: r, periodKind: r.period_kind, periodStart: r.period_start, periodEnd: r.period_end, version: r.version })),
    c.production_date,
  );
  const report = inForce ? reportView(inForce.row) : null;
  return {
    certificate: { id: c.id, number: c.number, brand: { id: brand.id, code: brand.code }, productionDate: c.production_date },
    access: why,
    report,
    carbonIntensity: report ? intensity(report) : null,
  };
}

// ---------------------------------------------------------------- publication and grants

export async function setPublication(ctx: AppContext, p: Authenticated, brandRef: string, input: { published: boolean }) {
  const brand = await ownBrand(ctx, p, brandRef);
  const key = await ensureIssuerKey(ctx, brand.producer.id);
  const at = ctx.now().toISOString();
  const rec = { schema: 'assay.cbam-visibility/1', brand: { id: brand.id, code: brand.code }, published: input.published, changedAt: at };
  await ctx.db.transaction(async (tx) => {
    await brandsRepo.lockBrand(tx, brand.id);
    const { credential, logIndex } = await signAndLog(ctx, tx, {
      key,
      orgId: brand.producer.id,
      kind: 'cbam.visibility_changed',
      subjectType: 'brand',
      subjectId: brand.id,
      version: null,
      type: 'CbamVisibility',
      id: `urn:assay:cbam-visibility:${brand.id}:${Date.parse(at)}`,
      subject: { id: `urn:assay:brand:${brand.code}`, ...rec },
      validFrom: at,
    });
    await repo.setPublished(tx, brand.id, input.published, credential, logIndex);
    await recordEvent(tx, { actor: actorOf(p), action: 'cbam.visibility_changed', subjectType: 'brand', subjectId: brand.id, digestAfter: digestOf(rec), details: { published: input.published } });
  });
  return { brand: { id: brand.id, code: brand.code }, published: input.published };
}

async function grantorBrand(ctx: AppContext, p: Authenticated, ref: string): Promise<brandsRepo.BrandRecord> {
  const brand = await brandOr404(ctx.db, ref);
  if (p.orgKind !== 'exchange' && brand.producer.id !== p.orgId) throw forbidden(`Only ${brand.producer.name} or the exchange manage access to ${brand.code}'s CBAM data`);
  return brand;
}

function grantView(g: repo.GrantRow) {
  return {
    id: g.id,
    brandId: g.brand_id,
    grantee: { id: g.grantee_org_id, name: g.grantee_name },
    grantedBy: g.granted_by_org_id,
    reason: g.reason,
    grantedAt: g.granted_at.toISOString(),
    active: g.revoked_at === null,
    credential: g.credential,
    logIndex: g.log_index,
    revocation: g.revoked_at
      ? { at: g.revoked_at.toISOString(), by: g.revoked_by_org_id, reason: g.revoke_reason, credential: g.revoke_credential, logIndex: g.revoke_log_index }
      : null,
  };
}

export async function listGrants(ctx: AppContext, p: Principal, brandRef: string) {
  const brand = await brandOr404(ctx.db, brandRef);
  if (p.type === 'anonymous' || (p.orgKind !== 'exchange' && p.orgId !== brand.producer.id)) throw refuse(p, 'grants are visible to the producer and the exchange');
  return { items: (await repo.listGrants(ctx.db, brand.id)).map(grantView) };
}

export async function createGrant(ctx: AppContext, p: Authenticated, brandRef: string, input: { organisationId: string; reason: string }) {
  const brand = await grantorBrand(ctx, p, brandRef);
  const grantee = await accessRepo.getOrganisation(ctx.db, input.organisationId);
  if (!grantee) throw new AppError('bad_request', 'No such organisation', [{ path: 'body.organisationId', message: 'no such organisation' }]);
  if (grantee.id === brand.producer.id || grantee.kind === 'exchange') {
    throw new AppError('bad_request', `${grantee.name} already sees this data`, [{ path: 'body.organisationId', message: 'the producer and the exchange need no grant' }]);
  }
  const key = await ensureIssuerKey(ctx, p.orgId);
  const id = randomUUID();
  const at = ctx.now();
  const rec = {
    schema: 'assay.cbam-grant/1',
    grantId: id,
    brand: { id: brand.id, code: brand.code },
    grantee: { id: grantee.id, name: grantee.name },
    grantedBy: p.orgId,
    reason: input.reason.trim(),
    grantedAt: at.toISOString(),
  };
  try {
    await ctx.db.transaction(async (tx) => {
      const { credential, logIndex } = await signAndLog(ctx, tx, {
        key,
        orgId: p.orgId,
        kind: 'cbam.grant_created',
        subjectType: 'cbam_grant',
        subjectId: id,
        version: 1,
        type: 'CbamAccessGrant',
        id: `urn:assay:cbam-grant:${id}`,
        subject: { id: `urn:assay:cbam-grant:${id}`, ...rec },
        validFrom: rec.grantedAt,
      });
      await repo.insertGrant(tx, { id, brandId: brand.id, granteeOrgId: grantee.id, grantedByOrgId: p.orgId, reason: rec.reason, credential, logIndex, at });
      await recordEvent(tx, { actor: actorOf(p), action: 'cbam.grant_created', subjectType: 'cbam_grant', subjectId: id, digestAfter: digestOf(rec), details: { brand: brand.code, grantee: grantee.id } });
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', `${grantee.name} already holds an active grant for ${brand.code}`);
    throw e;
  }
  return grantView((await repo.getGrant(ctx.db, id))!);
}

export async function revokeGrant(ctx: AppContext, p: Authenticated, brandRef: string, grantId: string, input: { reason: string }) {
  const brand = await grantorBrand(ctx, p, brandRef);
  const key = await ensureIssuerKey(ctx, p.orgId);
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const g = await repo.getGrant(tx, grantId, true);
    if (!g || g.brand_id !== brand.id) throw notFound('Grant');
    if (g.revoked_at) throw new AppError('conflict', 'The grant is already revoked');
    const rec = { schema: 'assay.cbam-grant-revocation/1', grantId, brand: { id: brand.id, code: brand.code }, grantee: g.grantee_org_id, revokedBy: p.orgId, reason: input.reason.trim(), revokedAt: at.toISOString() };
    const { credential, logIndex } = await signAndLog(ctx, tx, {
      key,
      orgId: p.orgId,
      kind: 'cbam.grant_revoked',
      subjectType: 'cbam_grant',
      subjectId: grantId,
      version: 2,
      type: 'CbamAccessGrantRevocation',
      id: `urn:assay:cbam-grant:${grantId}:revocation`,
      subject: { id: `urn:assay:cbam-grant:${grantId}`, ...rec },
      validFrom: rec.revokedAt,
    });
    await repo.revokeGrant(tx, { id: grantId, byOrgId: p.orgId, reason: rec.reason, credential, logIndex, at });
    await recordEvent(tx, { actor: actorOf(p), action: 'cbam.grant_revoked', subjectType: 'cbam_grant', subjectId: grantId, digestAfter: digestOf(rec), details: { brand: brand.code } });
  });
  return grantView((await repo.getGrant(ctx.db, grantId))!);
}

// ---------------------------------------------------------------- importer export

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
 * callers entitled to the full certificate; an export never shows more than its reader may see.
 */
export async function exportRows(ctx: AppContext, p: Principal, q: { from?: string; to?: string; brand?: string }) {
  const readable = await readableBrandIds(ctx, p);
  let brands = await brandsRepo.listBrands(ctx.db, {});
  if (readable !== 'all') brands = brands.filter((b) => readable.includes(b.id));
  if (q.brand) brands = brands.filter((b) => b.code === q.brand || b.id === q.brand);
  const certs = await repo.exportCertificates(ctx.db, {
    brandIds: brands.map((b) => b.id),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    limit: EXPORT_LIMIT,
  });
  const reports = await repo.listCbam(ctx.db, [...new Set(certs.map((c) => c.brand_id))]);
  const byBrand = new Map<string, { row: repo.CbamRow; periodKind: string; periodStart: string; periodEnd: string; version: number }[]>();
  for (const r of reports) {
    byBrand.set(r.brand_id, [...(byBrand.get(r.brand_id) ?? []), { row: r, periodKind: r.period_kind, periodStart: r.period_start, periodEnd: r.period_end, version: r.version }]);
  }
  return certs.map((c) => {
    const inForce = reportInForce(byBrand.get(c.brand_id) ?? [], c.production_date);
    const f = inForce ? reportView(inForce.row) : null;
    return [
      c.number,
      c.brand_code,
      f?.cnCode ?? null,
      c.production_date,
      canReadFull(p, c) ? kgToTonnes(c.net_weight_kg) : null,
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

// ---------------------------------------------------------------- premium eligibility

/** Premium eligibility of a brand for a year; it states the brand's carbon intensity, so it follows the CBAM rule. */
export async function premium(ctx: AppContext, p: Principal, brandRef: string, year: number): Promise<PremiumAnswer> {
  const brand = await brandOr404(ctx.db, brandRef);
  await requireAccess(ctx, p, brand);
  const reference = await repo.getReference(ctx.db);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = (await repo.listCbam(ctx.db, [brand.id])).filter((r) => r.period_kind === 'annual' && r.period_end >= from && r.period_end <= to);
  const annual = rows.sort((a, b) => b.period_end.localeCompare(a.period_end) || b.version - a.version)[0];
  const figures = annual ? reportView(annual) : null;
  const qualifying = new Set(reference.standards.filter((s) => s.recognised && s.qualifiesForPremium && appliesTo(s, brand.metal)).map((s) => s.code));
  const held = new Set<string>();
  const certs = await repo.listDisclosures(ctx.db, { orgIds: [brand.producer.id], kind: 'certification', restrictedVisibleTo: null, limit: 1000 });
  for (const d of certs) {
    const scoped = d.level === 'company' || d.brand_id === brand.id || d.asset_name === brand.plant.name;
    const valid = (!d.valid_from || d.valid_from <= to) && (!d.valid_until || d.valid_until >= from);
    if (scoped && valid && d.standard_code && qualifying.has(d.standard_code)) held.add(d.standard_code);
  }
  for (const t of await repo.listTracks(ctx.db, brand.id)) {
    const code = t.content.standardCode;
    if (t.track === 'A' && !t.restricted && t.effective_from <= to && typeof code === 'string' && qualifying.has(code)) held.add(code);
  }
  return premiumEligibility({
    metal: brand.metal,
    period: String(year),
    threshold: reference.premiumThresholds.find((t) => t.metal === brand.metal),
    emissions: figures ? { direct: figures.directEmissions, indirect: figures.indirectEmissions } : null,
    recognisedStandards: [...held],
  });
}
