import { AppError } from '../platform/errors.ts';

// An asset's encumbrance state, as the authenticated map holds it (pure; docs/ENCUMBRANCE.md).
// "free" is the absence of the asset from the map; "pledged" is the record
// {"pledgeDigest":"sha256:<64 hex>","status":"pledged"}, whose RFC 8785 bytes are hashed into the
// leaf. The pledge digest is the log's payload digest of the lender's signed acceptance (the
// statement that made the pledge active): it points at one log entry for those who hold the
// statement and says nothing about the lender to anyone else.

/** The authenticated map's name, and so the checkpoint extension line's first word. */
export const ENCUMBRANCE_MAP = 'encumbrance';

export type EncumbranceState = { status: 'free' } | { status: 'pledged'; pledgeDigest: string };

/** Asset ids the map accepts (a warrant's or a receipt's id): what the route's path takes too. */
export const ASSET_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$';
const ASSET_ID_RE = new RegExp(ASSET_ID_PATTERN);
const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

export const isAssetId = (s: unknown): s is string => typeof s === 'string' && ASSET_ID_RE.test(s);

/** The state if `s` is one, or a sentence saying what is wrong with it. */
export function parseState(s: unknown): EncumbranceState | string {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return 'the state must be an object';
  const o = s as Record<string, unknown>;
  const keys = Object.keys(o).sort().join(',');
  if (o.status === 'free') return keys === 'status' ? { status: 'free' } : 'a free state has only a status';
  if (o.status === 'pledged') {
    if (keys !== 'pledgeDigest,status') return 'a pledged state has exactly a status and a pledgeDigest';
    if (typeof o.pledgeDigest !== 'string' || !DIGEST_RE.test(o.pledgeDigest)) return 'pledgeDigest must be sha256: and 64 lowercase hex digits';
    return { status: 'pledged', pledgeDigest: o.pledgeDigest };
  }
  return 'status must be "free" or "pledged"';
}

/** The map record of a state: null for free (absent), the pledged record otherwise. */
export const stateRecord = (s: EncumbranceState): Record<string, string> | null =>
  s.status === 'free' ? null : { status: 'pledged', pledgeDigest: s.pledgeDigest };

/** The state a stored map record stands for (null: absent, so free). */
export function stateOf(record: Record<string, unknown> | null): EncumbranceState {
  if (record === null) return { status: 'free' };
  const s = parseState(record);
  if (typeof s === 'string' || s.status !== 'pledged') throw new AppError('internal', `stored encumbrance record is not a pledged state: ${typeof s === 'string' ? s : 'free'}`);
  return s;
}

export function assertAssetId(assetId: unknown): asserts assetId is string {
  if (!isAssetId(assetId)) {
    throw new AppError('bad_request', `Asset id ${JSON.stringify(assetId)} is not one the encumbrance map accepts (${ASSET_ID_PATTERN})`, [
      { path: 'assetId', message: `must match ${ASSET_ID_PATTERN}` },
    ]);
  }
}
