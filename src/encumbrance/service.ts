import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { signedMapProof } from '../trust/map-service.ts';
import { assertAssetId, ENCUMBRANCE_MAP, stateOf } from './state.ts';
import { PROOF_FORMAT, type EncumbranceProofBundle } from './verify.ts';

// Serving encumbrance proofs: an asset's state with its proof against the latest signed checkpoint.

/** Finds an asset by id or number (the pledge module's resolver, handed in by the server). */
export type AssetResolver = (q: Queryable, ref: string) => Promise<{ id: string } | undefined>;

/** The proof bundle of an asset id (the map's subject: the warrant's or receipt's UUID). */
export async function proofBundle(ctx: AppContext, assetId: string): Promise<EncumbranceProofBundle> {
  assertAssetId(assetId);
  const p = await signedMapProof(ctx, ENCUMBRANCE_MAP, assetId);
  return {
    format: PROOF_FORMAT,
    map: ENCUMBRANCE_MAP,
    assetId,
    key: p.key.toString('hex'),
    state: stateOf(p.record),
    proof: p.proof.toString('base64'),
    root: p.root.toString('base64'),
    checkpoint: { size: p.checkpoint.size, signedAt: p.checkpoint.signedAt.toISOString(), note: p.checkpoint.note },
  };
}

/**
 * What GET /api/v1/assets/{id}/encumbrance answers: free or pledged, as of which signed checkpoint,
 * and the bundle that proves it. Public: the state is free or pledged with the digest of the
 * acceptance statement the log committed to — never the lender or the pledge number.
 */
export async function assetEncumbrance(ctx: AppContext, resolve: AssetResolver, ref: string) {
  const asset = await resolve(ctx.db, ref);
  if (!asset) throw new AppError('not_found', `No warrant or electronic receipt ${ref}`);
  const bundle = await proofBundle(ctx, asset.id);
  return {
    assetId: asset.id,
    status: bundle.state.status,
    checkpoint: { size: bundle.checkpoint.size, signedAt: bundle.checkpoint.signedAt },
    bundle,
  };
}
