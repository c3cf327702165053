import type { Queryable } from '../platform/db.ts';
import { findWarrantAsset, lockWarrantAssets, warrantAssetsHeldBy } from '../warehouse/assets.ts';
import { normaliseWarrantNumber } from '../warehouse/warrant-service.ts';
import * as repo from './repo.ts';
import { normaliseReceiptNumber } from './receipt-service.ts';

// An asset a pledge can hold: a warrant (src/warehouse) or an electronic receipt (this module),
// seen the same way: its id, kind, number, metal, tonnes, holder and whether its status lets it be
// pledged (a live warrant, an active receipt).

export interface Asset {
  id: string;
  type: 'warrant' | 'e_receipt';
  number: string;
  metal: string;
  tonnes: string;
  holderOrgId: string;
  warehouseOrgId: string;
  status: string;
  locationCode: string;
}

const plainTonnes = (t: string): string => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);

const fromReceipt = (r: repo.EReceiptRow): Asset => ({
  id: r.id,
  type: 'e_receipt',
  number: r.number,
  metal: r.metal,
  tonnes: plainTonnes(r.tonnes),
  holderOrgId: r.holder_org_id,
  warehouseOrgId: r.warehouse_org_id,
  status: r.status,
  locationCode: r.location_code,
});

const fromWarrant = (w: NonNullable<Awaited<ReturnType<typeof findWarrantAsset>>>): Asset => ({
  id: w.id,
  type: 'warrant',
  number: w.number,
  metal: w.metal,
  tonnes: w.tonnes,
  holderOrgId: w.holderOrgId,
  warehouseOrgId: w.warehouseOrgId,
  status: w.status,
  locationCode: w.locationCode,
});

export const kindName = (a: Pick<Asset, 'type'>): 'Warrant' | 'Electronic receipt' => (a.type === 'warrant' ? 'Warrant' : 'Electronic receipt');

/** Whether the asset's status lets it be pledged; otherwise why not. */
export function pledgeableStatus(a: Asset): string | null {
  if (a.type === 'warrant') return a.status === 'live' ? null : `is ${a.status.replace('_', ' ')}; only a live warrant is pledged`;
  return a.status === 'active' ? null : `is ${a.status.replace('_', ' ')}; only an active electronic receipt is pledged`;
}

/** An asset by id, warrant number (WR-…) or receipt number (ER-…). */
export async function resolveAsset(q: Queryable, ref: string): Promise<Asset | undefined> {
  const s = ref.trim();
  if (repo.isUuid(s)) {
    const w = await findWarrantAsset(q, s);
    if (w) return fromWarrant(w);
    const r = await repo.getReceipt(q, s);
    return r && fromReceipt(r);
  }
  if (/^\s*ER/i.test(s)) {
    const r = await repo.getReceipt(q, normaliseReceiptNumber(s));
    return r && fromReceipt(r);
  }
  const w = await findWarrantAsset(q, normaliseWarrantNumber(s));
  return w && fromWarrant(w);
}

/** Locks the assets (warrants, then receipts, each in id order, as their own writers do). */
export async function lockAssets(tx: Queryable, refs: readonly { id: string; type: 'warrant' | 'e_receipt' }[]): Promise<Asset[]> {
  const warrantIds = refs.filter((a) => a.type === 'warrant').map((a) => a.id);
  const warrants = warrantIds.length ? await lockWarrantAssets(tx, warrantIds) : [];
  const receipts = await repo.lockReceipts(tx, refs.filter((a) => a.type === 'e_receipt').map((a) => a.id));
  return [...warrants.map(fromWarrant), ...receipts.map(fromReceipt)];
}

/** What an organisation holds that could be pledged or is: live or cancelled warrants, active receipts. */
export async function assetsHeldBy(q: Queryable, orgId: string): Promise<Asset[]> {
  const warrants = (await warrantAssetsHeldBy(q, orgId)).filter((w) => w.status !== 'delivered_out').map(fromWarrant);
  const receipts = (await repo.listReceipts(q, { holderOrgId: orgId, status: 'active', limit: 500 })).map(fromReceipt);
  return [...warrants, ...receipts];
}
