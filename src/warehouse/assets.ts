import { parseDecimal } from '../metals/fixed.ts';
import type { Queryable } from '../platform/db.ts';
import type { ReceiptContent } from './receipt-service.ts';
import { tonnesOf } from './reconcile.ts';
import * as repo from './repo.ts';
import type { WarrantStatus } from './warrant-rules.ts';

// What other modules (src/pledges) may read of warehouse records: warrants as assets that can be
// pledged, their transition history, and reconciled lots with what is known about their metal.
// Read-only; writes go through warrant-service.ts.

const plainTonnes = (t: string): string => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);

export interface WarrantAsset {
  id: string;
  number: string;
  status: WarrantStatus;
  holderOrgId: string;
  warehouseOrgId: string;
  metal: string;
  tonnes: string;
  lotId: string;
  locationCode: string;
  version: number;
}

const asAsset = (w: repo.WarrantRow): WarrantAsset => ({
  id: w.id,
  number: w.number,
  status: w.status,
  holderOrgId: w.holder_org_id,
  warehouseOrgId: w.warehouse_org_id,
  metal: w.metal,
  tonnes: plainTonnes(w.tonnes),
  lotId: w.lot_id,
  locationCode: w.location_code,
  version: w.version,
});

/** A warrant by id or number (WR-…). */
export async function findWarrantAsset(q: Queryable, idOrNumber: string, forUpdate = false): Promise<WarrantAsset | undefined> {
  const w = await repo.getWarrant(q, idOrNumber, forUpdate);
  return w && asAsset(w);
}

/** Locks warrants (in id order, as every warrant writer does). */
export async function lockWarrantAssets(q: Queryable, ids: readonly string[]): Promise<WarrantAsset[]> {
  return (await repo.lockWarrants(q, ids)).map(asAsset);
}

/** Warrants an organisation holds, newest first. */
export async function warrantAssetsHeldBy(q: Queryable, orgId: string, limit = 500): Promise<WarrantAsset[]> {
  return (await repo.listWarrants(q, { holderOrgId: orgId, limit })).map(asAsset);
}

/** A warrant's transitions in order: kind, log index and holder after each. */
export async function warrantHistory(q: Queryable, warrantId: string): Promise<{ kind: string; logIndex: number; holderOrgId: string }[]> {
  return (await repo.warrantEvents(q, warrantId)).map((e) => ({ kind: e.kind, logIndex: e.log_index, holderOrgId: String((e.record as { holderOrgId?: unknown }).holderOrgId ?? '') }));
}

export interface LotFacts {
  lot: { id: string; lotRef: string; netKg: string; bundles: number; warrantable: boolean; reasons: string[]; tonnes: string };
  receipt: { id: string; number: string; warehouseOrgId: string; depositorOrgId: string; facilityId: string; brandId: string; metal: string; shape: string; originCountry: string };
  facility: { id: string; name: string; warehouseName: string; locationCode: string; locationName: string };
  bundles: { line: number; pcr: string; bundleRef: string; pieces: number; netKg: string; certificate: { id: string; number: string } | null }[];
  /** The warrant ever issued for this lot, if any. */
  warrant: { id: string; number: string } | null;
}

/** A reconciled lot with its receipt, facility, bundles and warrant (if one was ever issued); optionally locked. */
export async function lotFacts(q: Queryable, lotId: string, forUpdate = false): Promise<LotFacts | undefined> {
  const lot = await repo.getLot(q, lotId, forUpdate);
  if (!lot) return undefined;
  const receipt = (await repo.getReceipt(q, lot.receipt_id))!;
  const content = receipt.content as unknown as ReceiptContent;
  const facts = content.reconciliation.lots.find((l) => l.lotRef === lot.lot_ref);
  const facility = (await repo.getFacility(q, receipt.facility_id))!;
  const bundles = await repo.lotBundles(q, lot.id);
  const warranted = (await repo.receiptLots(q, receipt.id)).find((l) => l.id === lot.id);
  return {
    lot: {
      id: lot.id,
      lotRef: lot.lot_ref,
      netKg: lot.net_kg,
      bundles: lot.bundles,
      warrantable: lot.warrantable,
      reasons: facts?.reasons ?? [],
      tonnes: facts?.tonnes ?? tonnesOf(parseDecimal(plainTonnes(lot.net_kg), 3)),
    },
    receipt: {
      id: receipt.id,
      number: receipt.number,
      warehouseOrgId: receipt.warehouse_org_id,
      depositorOrgId: receipt.depositor_org_id,
      facilityId: receipt.facility_id,
      brandId: receipt.brand_id,
      metal: receipt.metal,
      shape: receipt.shape,
      originCountry: receipt.origin_country,
    },
    facility: { id: facility.id, name: facility.name, warehouseName: facility.warehouse_name, locationCode: facility.location_code, locationName: facility.location_name },
    bundles: bundles.map((b) => {
      const number = content.reconciliation.bundles.find((x) => x.line === b.line)?.certificateNumber ?? null;
      return { line: b.line, pcr: b.pcr, bundleRef: b.bundle_ref, pieces: b.pieces, netKg: b.net_kg, certificate: b.certificate_id && number ? { id: b.certificate_id, number } : null };
    }),
    warrant: warranted?.warrant_id ? { id: warranted.warrant_id, number: warranted.warrant_number! } : null,
  };
}

/** Of these casts of a brand, those on a live warrant, each with the warrant's number. */
export const castsOnLiveWarrants = (q: Queryable, brandId: string, pcrs: readonly string[]) => repo.liveWarrantCasts(q, brandId, pcrs);
