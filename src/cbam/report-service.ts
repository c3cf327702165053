import { randomUUID } from 'node:crypto';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import { findBrand, findBrands, lockBrand, type BrandRecord } from '../brands/lookup.ts';
import { requireCertificate } from '../certificates/access.ts';
import { formatDecimal, fromUnits, parseDecimal, toUnits } from '../metals/fixed.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, type ErrorDetail } from '../platform/errors.ts';
import { fieldDetail, type FieldProblem } from '../sustainability/fields.ts';
import { getReference } from '../sustainability/reference-service.ts';
import { actorIds, brandOr404, orgCredential, ownBrand, today } from '../sustainability/service-common.ts';
import { digestOf } from '../trust/canonical.ts';
import { ensureIssuerKey } from '../trust/keys-service.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { isPublished, readableBrandIds, requireAccess } from './access-service.ts';
import { cellProblem, parseCbamForm, type CellProblem } from './excel.ts';
import { KIND, REPORT_UNITS, reportCredentialId, SUBJECT, VC_TYPE } from './records.ts';
import * as repo from './report-repo.ts';
import { periodOverlap, reportInForce, validateCbam, type CbamFigures, type CbamRaw } from './rules.ts';

// CBAM carbon reports: submission (JSON or the Excel form), versions, and reading them — a brand's
// reports, the search, and the report in force for a certificate. Every read goes through
// access-service.ts.

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
export const jsonProblem: ProblemMapper = (p) => fieldDetail(p);
/** The cell's address as the path; the code and its values as for JSON. */
export const excelProblem = (p: FieldProblem): CellProblem => ({ ...fieldDetail(p), ...cellProblem(p.field, p.message) });

async function record(
  ctx: AppContext,
  p: Authenticated,
  brand: BrandRecord,
  figures: CbamFigures,
  source: 'json' | 'excel',
  mapProblem: ProblemMapper,
): Promise<ReportView> {
  const key = await ensureIssuerKey(ctx, brand.producer.id);
  const id = randomUUID();
  const submittedAt = ctx.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    await lockBrand(tx, brand.id);
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
      units: REPORT_UNITS,
      // How it was submitted (JSON or the Excel form): signed with the figures, so the audit covers it.
      source,
      submittedAt,
    };
    const contentDigest = digestOf(content);
    const { credential, logIndex } = await recordSignedChange(ctx, tx, {
      log: { kind: KIND.report, subjectType: SUBJECT.report, subjectId: id, version },
      payload: {
        credential: orgCredential(ctx, {
          type: VC_TYPE.report,
          id: reportCredentialId(id, version),
          issuerOrgId: brand.producer.id,
          validFrom: submittedAt,
          subject: { id: `urn:assay:brand:${brand.code}:cbam:${figures.periodKind}:${figures.periodStart}`, ...content },
        }),
        key,
      },
      event: {
        actor: actorOf(p),
        digestAfter: contentDigest,
        details: { brand: brand.code, periodKind: figures.periodKind, periodStart: figures.periodStart, version, source },
      },
    });
    await repo.insertCbam(tx, { id, brandId: brand.id, version, figures, source, content, contentDigest, credential: credential!, logIndex, ...actorIds(p) });
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
      credential: credential!,
      log_index: logIndex,
      created_at: new Date(submittedAt),
    });
  });
}

export async function submitCbam(ctx: AppContext, p: Authenticated, brandRef: string, raw: CbamRaw): Promise<ReportView> {
  const brand = await ownBrand(ctx, p, brandRef);
  const checked = validateCbam(raw, { metal: brand.metal, today: today(ctx), reference: await getReference(ctx) });
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
  const checked = validateCbam(form.raw, { metal: brand.metal, today: today(ctx), reference: await getReference(ctx) });
  if (!checked.ok) problems.push(...checked.problems.map(excelProblem));
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
    published: await isPublished(ctx, brand.id),
    reports: rows.filter((r) => r.version === latest.get(reportKey(r))).map((r) => reportView(r, latest.get(reportKey(r)))),
    history: rows.map((r) => reportView(r, latest.get(reportKey(r)))),
  };
}

/** Every current CBAM report the caller may read; others' private reports are simply not there. */
export async function searchReports(ctx: AppContext, p: Principal, q: { metal?: string; brand?: string; year?: number }) {
  const readable = await readableBrandIds(ctx, p);
  let brands = await findBrands(ctx.db, q.metal ? { metal: q.metal } : {});
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
  // Unknown, or rejected for a caller who may not read it in full: the same 404 as everywhere.
  const { certificate: c } = await requireCertificate(ctx, p, certificateId, 'view');
  const brand = (await findBrand(ctx.db, c.brand_id))!;
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

