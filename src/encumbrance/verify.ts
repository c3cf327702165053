import { canonicalBytes, sha256 } from '../trust/canonical.ts';
import { mapRootsOf, openCheckpoint } from '../trust/checkpoint.ts';
import { cosignatureVerifierFromKey } from '../trust/cosignature.ts';
import { decodeBase64Strict, verifierFromKey, type NoteVerifier } from '../trust/note.ts';
import { decodeProof, HASH_BYTES, rootFromProof } from '../trust/sparse-merkle.ts';
import { ENCUMBRANCE_MAP, isAssetId, parseState, stateRecord, type EncumbranceState } from './state.ts';

// Offline verification of an encumbrance proof bundle (pure: no I/O). What the API serves
// (GET /api/v1/assets/{id}/encumbrance) and `assay verify` checks with a trust file: the asset's
// state, its sparse Merkle proof (trust/sparse-merkle.ts) and the signed checkpoint whose
// `encumbrance` extension line commits to the map root. docs/ENCUMBRANCE.md specifies the bytes.

export const PROOF_FORMAT = 'assay-encumbrance-proof/1';

export interface EncumbranceProofBundle {
  format: typeof PROOF_FORMAT;
  map: typeof ENCUMBRANCE_MAP;
  assetId: string;
  /** hex SHA-256 of the asset id's UTF-8 bytes: the asset's key in the map. */
  key: string;
  state: EncumbranceState;
  /** base64 of the proof bytes (sparse-merkle.ts encodeProof). */
  proof: string;
  /** base64 of the map root the proof was made against. */
  root: string;
  /** The signed checkpoint (C2SP signed note) committing to `root`, its tree size and when it was signed. */
  checkpoint: { size: number; signedAt: string; note: string };
}

export type EncumbranceFailure =
  /** Not a bundle of this format, or a field of the wrong shape. */
  | 'malformed_bundle'
  /** The bundle is for another asset than the one asked about, or its key is not its asset's. */
  | 'wrong_asset'
  /** The checkpoint is not signed by the trust file's log key, is from another log, or was altered. */
  | 'checkpoint_invalid'
  /** The checkpoint commits to no encumbrance root. */
  | 'no_map_root'
  /** The proof is against a map root other than the checkpoint's, or the checkpoint is older than required. */
  | 'stale_root'
  /** The state and the proof disagree on whether the asset is in the map. */
  | 'state_mismatch'
  /** The proof bytes are not a well-formed canonical proof for this key. */
  | 'malformed_proof'
  /** The state and the proof lead to another root than the checkpoint's. */
  | 'root_mismatch';

export type EncumbranceVerification =
  | { ok: true; assetId: string; state: EncumbranceState; checkpoint: { origin: string; size: number; signedAt: string }; hashes: number; reason: string }
  | { ok: false; reason: EncumbranceFailure; detail: string };

export interface VerifyEncumbranceInput {
  bundle: unknown;
  trust: { log: { origin: string; verifierKey: string }; witnesses: readonly { name: string; verifierKey: string }[] };
  /** The asset the verifier asked about: a bundle for any other asset fails. */
  assetId?: string;
  /** The smallest checkpoint size the verifier accepts (it has seen a checkpoint this large). */
  minCheckpointSize?: number;
}

const fail = (reason: EncumbranceFailure, detail: string): EncumbranceVerification => ({ ok: false, reason, detail });
const HEX64 = /^[0-9a-f]{64}$/;

export function verifyEncumbranceProof(input: VerifyEncumbranceInput): EncumbranceVerification {
  const b = input.bundle as Partial<EncumbranceProofBundle> | null;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return fail('malformed_bundle', 'the proof bundle is not a JSON object');
  if (b.format !== PROOF_FORMAT) return fail('malformed_bundle', `the bundle's format is ${JSON.stringify(b.format)}, not ${PROOF_FORMAT}`);
  if (b.map !== ENCUMBRANCE_MAP) return fail('malformed_bundle', `the bundle is for map ${JSON.stringify(b.map)}, not ${ENCUMBRANCE_MAP}`);
  if (!isAssetId(b.assetId)) return fail('malformed_bundle', 'the bundle names no valid asset id');
  if (typeof b.key !== 'string' || !HEX64.test(b.key)) return fail('malformed_bundle', 'the bundle key is not 64 lowercase hex digits');
  const cp = b.checkpoint;
  if (typeof cp !== 'object' || cp === null || typeof cp.note !== 'string' || !Number.isSafeInteger(cp.size) || typeof cp.signedAt !== 'string') {
    return fail('malformed_bundle', 'the bundle has no checkpoint {size, signedAt, note}');
  }
  const bundleRoot = typeof b.root === 'string' ? decodeBase64Strict(b.root) : null;
  if (!bundleRoot || bundleRoot.length !== HASH_BYTES) return fail('malformed_bundle', 'the bundle root is not 32 bytes of base64');
  const proofBytes = typeof b.proof === 'string' ? decodeBase64Strict(b.proof) : null;
  if (!proofBytes) return fail('malformed_proof', 'the proof is not base64');

  // The asset: the one asked about, and the key its own.
  if (input.assetId !== undefined && b.assetId !== input.assetId) {
    return fail('wrong_asset', `the proof is for asset ${b.assetId}, not ${input.assetId}`);
  }
  const key = sha256(Buffer.from(b.assetId, 'utf8'));
  if (key.toString('hex') !== b.key) return fail('wrong_asset', `the proof's key is not the key of asset ${b.assetId} (SHA-256 of its id): it is another asset's proof`);

  // The checkpoint: signed by the trust file's log key, of its origin.
  let logVerifier: NoteVerifier;
  const witnessVerifiers: NoteVerifier[] = [];
  try {
    logVerifier = verifierFromKey(input.trust.log.verifierKey);
    for (const w of input.trust.witnesses) witnessVerifiers.push(cosignatureVerifierFromKey(w.verifierKey));
  } catch (e) {
    return fail('checkpoint_invalid', `the trust file's keys are unusable (${e instanceof Error ? e.message : String(e)})`);
  }
  const opened = openCheckpoint(cp.note, { origin: input.trust.log.origin, logVerifiers: [logVerifier], witnessVerifiers, witnessQuorum: 0 });
  if (!opened.ok) {
    const why: Record<typeof opened.reason, string> = {
      malformed_note: 'the checkpoint is not a well-formed signed note',
      malformed_checkpoint: 'the checkpoint is malformed',
      origin_mismatch: 'the checkpoint is from another log',
      no_log_signature: `the checkpoint is not signed by the log key in the trust file (${logVerifier.name})`,
      invalid_signature: 'a checkpoint signature does not verify: the checkpoint was altered',
      witness_quorum: 'too few witness cosignatures',
    };
    return fail('checkpoint_invalid', `${why[opened.reason]} (${opened.detail})`);
  }
  if (opened.checkpoint.size !== cp.size) return fail('malformed_bundle', `the bundle says checkpoint ${cp.size} but the signed checkpoint is of size ${opened.checkpoint.size}`);
  let committed: Buffer | undefined;
  try {
    committed = mapRootsOf(opened.checkpoint).get(ENCUMBRANCE_MAP);
  } catch (e) {
    return fail('checkpoint_invalid', e instanceof Error ? e.message : String(e));
  }
  if (!committed) return fail('no_map_root', `checkpoint ${cp.size} commits to no ${ENCUMBRANCE_MAP} root`);
  if (input.minCheckpointSize !== undefined && opened.checkpoint.size < input.minCheckpointSize) {
    return fail('stale_root', `the proof is against checkpoint ${opened.checkpoint.size}, older than checkpoint ${input.minCheckpointSize} which you have seen: the state may have changed since`);
  }

  // The state and the proof.
  const state = parseState(b.state);
  if (typeof state === 'string') return fail('malformed_bundle', `the state is not an encumbrance state: ${state}`);
  const record = stateRecord(state);
  const decoded = decodeProof(proofBytes);
  if (!decoded.ok) return fail('malformed_proof', decoded.detail);
  const r = rootFromProof(key, record === null ? null : sha256(canonicalBytes(record)), decoded.proof);
  if (!r.ok) {
    if (r.reason === 'state_mismatch') {
      return fail('state_mismatch', `the state says ${state.status} but ${r.detail.replace(/^the proof shows/, 'the proof shows the asset')}: the state or the proof was altered`);
    }
    return fail('malformed_proof', r.detail);
  }
  if (!r.root.equals(committed)) {
    if (!bundleRoot.equals(committed)) {
      return fail(
        'stale_root',
        r.root.equals(bundleRoot)
          ? `the proof is against map root ${bundleRoot.toString('base64')}, but checkpoint ${cp.size} commits to ${committed.toString('base64')}: the proof is stale (the map changed) or was made for another checkpoint`
          : `the proof's root is not the one checkpoint ${cp.size} commits to, and the state and proof lead to neither: the proof is stale or was altered`,
      );
    }
    return fail(
      'root_mismatch',
      `the ${state.status} state and the proof lead to root ${r.root.toString('base64')}, not the root checkpoint ${cp.size} commits to: the state or the proof was altered`,
    );
  }
  return {
    ok: true,
    assetId: b.assetId,
    state,
    checkpoint: { origin: opened.checkpoint.origin, size: cp.size, signedAt: cp.signedAt },
    hashes: r.hashes,
    reason: `${b.assetId} is ${state.status === 'free' ? 'free of pledges' : `pledged (${state.pledgeDigest})`} as of checkpoint ${cp.size} of ${opened.checkpoint.origin}, signed at ${cp.signedAt}`,
  };
}
