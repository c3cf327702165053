import type { Queryable } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { warrantHistory } from '../warehouse/assets.ts';
import * as repo from './repo.ts';
import { consentAvailable, lockedReason, type AssetAction, type Consent } from './rules.ts';

// What the warehouse module asks of pledges (its public file): whether a warrant transition may
// happen while the warrant is pledged, whether a lot may go on warrant while an electronic
// receipt holds it, and whether an asset is encumbered. Called inside the caller's transaction,
// after it locked the warrants or the lot, so a pledge accepted concurrently is either seen here or
// waits for the lock.

/** A warrant transition as the warehouse is about to make it. */
export interface WarrantChange {
  warrantId: string;
  number: string;
  action: 'transfer' | 'cancel' | 'rewarrant' | 'load_out' | 'correct';
  fromHolderOrgId: string;
  toHolderOrgId: string;
}

const ACTION_OF_KIND: Record<string, AssetAction> = { 'warrant.transferred': 'transfer', 'warrant.cancelled': 'cancel' };

/**
 * Refuses (409, naming the pledge) any transition of a pledged warrant the pledge forbids:
 * transfer and cancellation without an unused consent of the lender, load-out, and a correction
 * that changes the holder. Re-warranting and corrections that keep the holder pass.
 */
export async function assertWarrantChangesAllowed(tx: Queryable, changes: readonly WarrantChange[]): Promise<void> {
  const pledged = await repo.activePledgesOf(tx, changes.map((c) => c.warrantId));
  if (pledged.length === 0) return;
  const consents = await consentList(tx, pledged.map((p) => p.pledge_id));
  for (const c of changes) {
    const p = pledged.find((x) => x.asset_id === c.warrantId);
    if (!p) continue;
    const action: AssetAction | null =
      c.action === 'rewarrant' ? null : c.action === 'correct' ? (c.fromHolderOrgId === c.toHolderOrgId ? null : 'correct_holder') : c.action;
    if (action === null) continue;
    if (action === 'transfer' || action === 'cancel') {
      const history = (await warrantHistory(tx, c.warrantId))
        .filter((e) => ACTION_OF_KIND[e.kind])
        .map((e) => ({ action: ACTION_OF_KIND[e.kind]!, toOrgId: e.kind === 'warrant.transferred' ? e.holderOrgId : null, logIndex: e.logIndex }));
      const want = { assetId: c.warrantId, action, toOrgId: action === 'transfer' ? c.toHolderOrgId : null };
      if (consentAvailable(consents.filter((x) => x.pledgeId === p.pledge_id), history, want)) continue;
    }
    throw pledgedError({ kind: 'Warrant', number: c.number }, p.number, action);
  }
}

/** The consents given under these pledges. */
export async function consentList(q: Queryable, pledgeIds: readonly string[]): Promise<(Consent & { pledgeId: string })[]> {
  return (await repo.consentsOf(q, pledgeIds)).map((r) => {
    const c = r.record.consent as { assetId: string; action: AssetAction; toOrgId: string | null };
    return { pledgeId: r.pledge_id, assetId: c.assetId, action: c.action, toOrgId: c.toOrgId, logIndex: r.log_index };
  });
}

export function pledgedError(asset: { kind: 'Warrant' | 'Electronic receipt'; number: string }, pledgeNumber: string, action: AssetAction): AppError {
  const reason = lockedReason(asset, pledgeNumber, action);
  return new AppError('conflict', reason, [{ path: 'asset', message: reason, code: 'pledged', pledge: pledgeNumber, asset: asset.number }]);
}

/** A conversion of an electronic receipt into a warrant, handed to issueWarrant by src/pledges. */
export interface Conversion {
  eReceiptId: string;
  /** Retires the receipt, inside the warrant's transaction, once the warrant row exists. */
  retire(tx: Queryable, warrant: { id: string; number: string }): Promise<void>;
}

/**
 * A lot is about to go on warrant. A lot held under an active electronic receipt goes on warrant
 * only by converting that receipt (which retires it, in the same transaction); otherwise the
 * issue is refused, naming the receipt. So is a lot with a cast under another active receipt (the
 * same metal recorded twice): one title document per cast, checked under the casts' locks, which
 * a receipt's issue takes too.
 */
export async function lotGoingOnWarrant(
  tx: Queryable,
  lot: { id: string; lotRef: string; brandId: string; pcrs: readonly string[] },
  warrant: { id: string; number: string },
  conversion?: Conversion,
): Promise<void> {
  await repo.lockCasts(tx, lot.brandId, lot.pcrs);
  const [elsewhere] = await repo.liveReceiptCasts(tx, lot.brandId, lot.pcrs, conversion?.eReceiptId);
  if (elsewhere && !(await repo.activeReceiptOfLot(tx, lot.id))) {
    const reason = `PCR ${elsewhere.pcr} of lot ${lot.lotRef} is held under electronic receipt ${elsewhere.number}; a cast is under one title document at a time`;
    throw new AppError('conflict', reason, [{ path: 'body.lotId', message: reason, eReceipt: elsewhere.number }]);
  }
  const held = await repo.activeReceiptOfLot(tx, lot.id, true);
  if (!held && !conversion) return;
  if (!held || !conversion || conversion.eReceiptId !== held.id) {
    const reason = held
      ? `Lot ${lot.lotRef} is held under electronic receipt ${held.number}: it goes on warrant only by converting that receipt`
      : 'The electronic receipt is no longer active: it was converted or delivered meanwhile';
    throw new AppError('conflict', reason, [{ path: 'body.lotId', message: reason, ...(held ? { eReceipt: held.number } : {}) }]);
  }
  await conversion.retire(tx, warrant);
}

/** Whether an asset (a warrant or an electronic receipt) is under an active pledge. Never says whose. */
export async function isEncumbered(q: Queryable, assetId: string): Promise<boolean> {
  return (await repo.activePledgesOf(q, [assetId])).length > 0;
}
