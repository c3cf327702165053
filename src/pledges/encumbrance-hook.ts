import { setEncumbrance } from '../encumbrance/index.ts';
import type { Queryable } from '../platform/db.ts';
import type { TrailEvent } from '../trail/events.ts';
import type { LogClock } from '../trust/log-service.ts';

// THE one place where an asset's encumbrance state changes. Every pledge step that makes an asset
// pledged (an acceptance) or free again (a release, an enforcement) calls this inside the
// transaction that makes the change, once per asset, after the pledge's rows are written; nothing
// else in the code base changes encumbrance state.
//
// Asset ids are the warrant's or the electronic receipt's UUID (the two never collide).
// `pledgeDigest` is the payload digest the transparency log committed to for the acceptance, i.e.
// `sha256:` over the exact bytes of the lender's signed PledgeStatement (vc+jwt) that made the
// pledge active, so a proof of "pledged" points at one log entry.
//
// The state goes into the encumbrance map (src/encumbrance, a sparse Merkle tree whose root every
// checkpoint commits to) in the same transaction as the pledge, or not at all.

export type EncumbranceState = { status: 'free' } | { status: 'pledged'; pledgeDigest: string };

export async function encumbranceChanged(
  clock: LogClock,
  tx: Queryable,
  assetId: string,
  state: EncumbranceState,
  actor?: TrailEvent['actor'],
): Promise<void> {
  await setEncumbrance(tx, assetId, state, { clock, ...(actor ? { actor } : {}) });
}
