import { randomUUID } from 'node:crypto';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { brandStatusHistory, findBrand } from '../brands/lookup.ts';
import { castsOf } from '../certificates/lookup.ts';
import { cbamYearsCovered } from '../cbam/coverage.ts';
import { latestRuling } from '../sustainability/rulings.ts';
import { listSpecs } from '../metals/specs.ts';
import { selectSpec } from '../metals/spec-select.ts';
import type { MetalCode } from '../metals/spec-types.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, notFound, type ErrorDetail } from '../platform/errors.ts';
import { digestOf } from '../trust/canonical.ts';
import { compare, parseDecimal } from '../metals/fixed.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { facilityView, networkReference } from './network-service.ts';
import { inputProblems, reconcile, type CastFacts, type ReceivedBundle, type Reconciliation } from './reconcile.ts';
import * as repo from './repo.ts';

// Inbound receipts: a warehouse clerk records what arrived at a facility (one brand, shape and
// origin per receipt, bundle by bundle, grouped into lots to warrant), and each bundle and lot is
// reconciled against the register. Impossible input is refused with a row error each and nothing
// written; metal that does not conform is recorded with its reasons and stays off warrant.

export interface ReceiptInput {
  facilityId: string;
  /** The organisation that owns the arriving metal; its warrants are issued to it. Default the warehouse. */
  depositorOrgId?: string;
  brand: string;
  shape: string;
  originCountry: string;
  receivedOn: string;
  reference?: string;
  bundles: { lot?: string | null; pcr: string; bundleRef: string; pieces: number; grossKg: string; netKg: string }[];
}

const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);
const bad = (message: string, details: ErrorDetail[]) => new AppError('bad_request', message, details);

/** The receipt's content: what the log commits to and the API shows the entitled. */
export interface ReceiptContent {
  schema: 'assay.receipt/1';
  number: string;
  facility: { id: string; name: string; location: string };
  warehouse: { id: string; name: string };
  depositor: { id: string; name: string };
  brand: { id: string; code: string; name: string };
  metal: string;
  shape: string;
  originCountry: string;
  receivedOn: string;
  reference: string | null;
  reconciliation: Reconciliation;
  lotSize: { tonnes: string; tolerancePct: string };
  recordedAt: string;
}

export async function recordReceipt(ctx: AppContext, p: Authenticated, input: ReceiptInput, rowPath = (line: number, field?: string) => `body.bundles.${line - 1}${field ? `.${field}` : ''}`) {
  if (p.orgKind !== 'warehouse') throw forbidden('Only warehouse companies record what arrives at their facilities');
  const facility = await repo.getFacility(ctx.db, input.facilityId);
  if (!facility || facility.warehouse_org_id !== p.orgId) throw bad('Unknown facility', [{ path: 'body.facilityId', message: 'not a facility of your company' }]);
  const problems: ErrorDetail[] = [];
  const brand = await findBrand(ctx.db, input.brand);
  if (!brand) problems.push({ path: 'body.brand', message: `no brand ${input.brand}` });
  else {
    if (!facility.metals.includes(brand.metal)) problems.push({ path: 'body.facilityId', message: `${facility.name} is not approved for ${brand.metal} (it takes ${facility.metals.join(', ')})` });
    if (!brand.shapes.includes(input.shape)) problems.push({ path: 'body.shape', message: `brand ${brand.code} is listed in ${brand.shapes.join(', ')}, not ${input.shape}` });
  }
  if (input.receivedOn > today(ctx)) problems.push({ path: 'body.receivedOn', message: 'is in the future', code: 'future_date' });
  if (facility.withdrawn_from && input.receivedOn >= facility.withdrawn_from) problems.push({ path: 'body.receivedOn', message: `the facility's approval ended on ${facility.withdrawn_from}`, code: 'facility_withdrawn', date: facility.withdrawn_from });
  if (input.receivedOn < facility.approved_from) problems.push({ path: 'body.receivedOn', message: `the facility was approved only from ${facility.approved_from}`, code: 'facility_not_yet_approved', date: facility.approved_from });
  const depositorId = input.depositorOrgId ?? p.orgId;
  const depositor = await findOrganisation(ctx.db, depositorId);
  if (!depositor) problems.push({ path: 'body.depositorOrgId', message: 'no such organisation', code: 'unknown_organisation' });
  if (problems.length || !brand || !depositor) throw bad('The receipt cannot be recorded', problems);

  const spec = selectSpec(await listSpecs(ctx.db, brand.metal as MetalCode), brand.metal as MetalCode, input.receivedOn);
  if (!spec) throw bad('No contract specification is in force for this metal on the receipt date', [{ path: 'body.receivedOn', message: `no ${brand.metal} specification` }]);
  const bundles: ReceivedBundle[] = input.bundles.map((b, i) => ({
    line: i + 1,
    lotRef: b.lot?.trim() || null,
    pcr: b.pcr.trim(),
    bundleRef: b.bundleRef.trim(),
    pieces: b.pieces,
    grossKg: b.grossKg,
    netKg: b.netKg,
  }));
  const castRows = await castsOf(ctx.db, brand.id, [...new Set(bundles.map((b) => b.pcr))]);
  const casts = new Map<string, CastFacts>(
    castRows.map((c) => [
      c.pcr,
      {
        certificateId: c.id,
        number: c.number,
        status: c.status,
        verdict: c.verdict,
        productionDate: c.production_date,
        originCountry: c.origin_country,
        shape: c.content.shape,
        warrantEligible: c.warrant_eligible,
        warrantReasons: c.evaluation.warrantReasons ?? [],
        bundles: c.content.bundles,
      },
    ]),
  );
  const rules = networkReference().reconciliation;
  const lot = { lotTonnes: spec.lotTonnes, lotTolerancePct: spec.warrantTolerancePct };
  const impossible = inputProblems({ bundles, casts, ...lot }, rowPath);
  for (const b of bundles) {
    if (compare(parseDecimal(b.netKg, 3), parseDecimal(b.grossKg, 3)) > 0) impossible.push({ path: rowPath(b.line, 'netKg'), message: `net ${b.netKg} kg is more than gross ${b.grossKg} kg` });
  }
  if (impossible.length) throw bad('The receipt cannot be recorded: some rows are impossible; nothing was written', impossible);

  const reconciliation = reconcile({
    metal: brand.metal,
    shape: input.shape,
    originCountry: input.originCountry,
    bundles,
    casts,
    brandHistory: (await brandStatusHistory(ctx.db, brand.id)).map((h) => ({ status: h.status, effectiveDate: h.effectiveDate })),
    cbamYears: rules.cbamMetals.includes(brand.metal) ? await cbamYearsCovered(ctx.db, brand.id) : new Set(),
    cbamMetals: rules.cbamMetals,
    sourcingRuling: await latestRuling(ctx.db, brand.id),
    weightTolerancePct: rules.weightTolerancePct,
    piecesTolerance: rules.piecesTolerance,
    ...lot,
  });

  const id = randomUUID();
  const actor = actorOf(p);
  return ctx.db.transaction(async (tx) => {
    const seq = await repo.nextReceiptSeq(tx);
    const content: ReceiptContent = {
      schema: 'assay.receipt/1',
      number: repo.receiptNumber(seq),
      facility: { id: facility.id, name: facility.name, location: facility.location_code },
      warehouse: { id: facility.warehouse_org_id, name: facility.warehouse_name },
      depositor: { id: depositor.id, name: depositor.name },
      brand: { id: brand.id, code: brand.code, name: brand.name },
      metal: brand.metal,
      shape: input.shape,
      originCountry: input.originCountry,
      receivedOn: input.receivedOn,
      reference: input.reference?.trim() || null,
      reconciliation,
      lotSize: { tonnes: spec.lotTonnes, tolerancePct: spec.warrantTolerancePct },
      recordedAt: ctx.now().toISOString(),
    };
    const digest = digestOf(content);
    // The receipt row needs its log index, so the change is recorded first, inside the same transaction.
    const { logIndex } = await recordSignedChange(ctx, tx, {
      log: { kind: 'receipt.recorded', subjectType: 'receipt', subjectId: id, version: 1 },
      payload: { payloadDigest: digest },
      event: { actor, details: { number: content.number, facility: facility.id, bundles: reconciliation.summary.bundles, warrantableLots: reconciliation.summary.warrantableLots } },
    });
    await repo.insertReceipt(tx, {
      id,
      seq,
      facility_id: facility.id,
      warehouse_org_id: facility.warehouse_org_id,
      depositor_org_id: depositor.id,
      brand_id: brand.id,
      metal: brand.metal,
      shape: input.shape,
      origin_country: input.originCountry,
      received_on: input.receivedOn,
      reference: content.reference,
      content: content as unknown as Record<string, unknown>,
      content_digest: digest,
      log_index: logIndex,
      userId: actor.userId,
      apiKeyId: actor.apiKeyId,
    });
    await repo.insertBundles(
      tx,
      reconciliation.bundles.map((b) => ({
        receipt_id: id,
        line: b.line,
        lot_ref: b.lotRef,
        pcr: b.pcr,
        bundle_ref: b.bundleRef,
        pieces: b.pieces,
        gross_kg: b.grossKg,
        net_kg: b.netKg,
        certificate_id: b.certificateId,
        conforming: b.conforming,
      })),
    );
    await repo.insertLots(
      tx,
      reconciliation.lots.map((l) => ({ id: randomUUID(), receipt_id: id, lot_ref: l.lotRef, net_kg: l.netKg, bundles: l.bundles, warrantable: l.warrantable })),
    );
    return receiptView(tx, (await repo.getReceipt(tx, id))!);
  });
}

async function receiptView(q: Parameters<typeof repo.receiptLots>[0], r: repo.ReceiptRow) {
  const lots = await repo.receiptLots(q, r.id);
  const content = r.content as unknown as ReceiptContent;
  return {
    ...content,
    id: r.id,
    number: r.number,
    lots: content.reconciliation.lots.map((l) => {
      const row = lots.find((x) => x.lot_ref === l.lotRef);
      return { ...l, id: row?.id ?? null, warrant: row?.warrant_id ? { id: row.warrant_id, number: row.warrant_number } : null };
    }),
    contentDigest: r.content_digest,
    logIndex: r.log_index,
  };
}

const mayRead = (p: Principal, r: repo.ReceiptRow): boolean =>
  p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === r.warehouse_org_id || p.orgId === r.depositor_org_id);

export async function getReceipt(ctx: AppContext, p: Authenticated, idOrNumber: string) {
  const r = await repo.getReceipt(ctx.db, idOrNumber.toUpperCase().startsWith('RC') ? idOrNumber.toUpperCase() : idOrNumber);
  if (!r || !mayRead(p, r)) throw notFound('Receipt');
  return receiptView(ctx.db, r);
}

export async function listReceipts(ctx: AppContext, p: Authenticated, q: { limit?: number }) {
  const rows = await repo.listReceipts(ctx.db, { orgId: p.orgKind === 'exchange' ? null : p.orgId, limit: q.limit ?? 50 });
  return Promise.all(rows.map((r) => receiptView(ctx.db, r)));
}

export async function offWarrantStock(ctx: AppContext, p: Authenticated) {
  if (p.orgKind !== 'exchange' && p.orgKind !== 'warehouse') throw forbidden('Off-warrant stock is for the warehouse that holds it and the exchange');
  const rows = await repo.offWarrantStock(ctx.db, { warehouseOrgId: p.orgKind === 'exchange' ? null : p.orgId });
  return rows.map((b) => ({
    receipt: b.receipt_number,
    line: b.line,
    facilityId: b.facility_id,
    metal: b.metal,
    brandId: b.brand_id,
    receivedOn: b.received_on,
    lot: b.lot_ref,
    pcr: b.pcr,
    bundleRef: b.bundle_ref,
    netKg: b.net_kg,
    conforming: b.conforming,
  }));
}

export { facilityView };
