import type { Queryable } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { TrailEvent } from '../trail/events.ts';
import type { LogClock } from '../trust/log-service.ts';
import { setMapEntry, type MapChangeResult } from '../trust/map-service.ts';
import { assertAssetId, ENCUMBRANCE_MAP, parseState, stateRecord, type EncumbranceState } from './state.ts';

// The encumbrance module's public interface for other modules: the pledge registry calls
// setEncumbrance in the transaction that activates, releases, enforces or expires a pledge.

export type { EncumbranceState } from './state.ts';
export { ENCUMBRANCE_MAP } from './state.ts';

export interface SetEncumbranceOptions {
  /** The clock that dates the log entry (pass the AppContext); default the wall clock. */
  clock?: LogClock;
  /** Who caused it, for the audit trail (the pledge's actor); default none (a derived change). */
  actor?: TrailEvent['actor'];
}

const WALL_CLOCK: LogClock = { now: () => new Date() };

/**
 * Sets an asset's encumbrance state, inside the caller's write transaction `tx`: `{status:'free'}`
 * or `{status:'pledged', pledgeDigest: <hex sha-256 of the active pledge>}`. Updates the sparse
 * Merkle tree and logs the change (`encumbrance.set`, committing to the new root), so the next
 * checkpoint commits to it. Changes are serialised on the log head, which this locks first: call it
 * after the caller's own row locks, as with any log append. Setting the state the map already
 * holds changes and logs nothing (`changed: false`).
 */
export async function setEncumbrance(tx: Queryable, assetId: string, state: EncumbranceState, options: SetEncumbranceOptions = {}): Promise<MapChangeResult> {
  assertAssetId(assetId);
  const parsed = parseState(state);
  if (typeof parsed === 'string') throw new AppError('bad_request', `Encumbrance state of ${assetId}: ${parsed}`, [{ path: 'state', message: parsed }]);
  return setMapEntry(options.clock ?? WALL_CLOCK, tx, ENCUMBRANCE_MAP, assetId, stateRecord(parsed), options.actor);
}
