/**
 * C2SP tlog-proof (https://c2sp.org/tlog-proof): an offline-verifiable, self-contained proof that an
 * entry is in a transparency log.
 *
 *   c2sp.org/tlog-proof@v1\n
 *   [extra <base64 opaque extra data>\n]       omitted when there is no extra data
 *   index <zero-based entry index, decimal, no leading zeroes>\n
 *   <base64 hash>\n ...                          RFC 6962 audit path, leaf sibling first (0+ lines)
 *   \n
 *   <signed checkpoint note, verbatim>           may carry witness cosignatures
 *
 * Verification (the spec's "Verifying a tlog proof"): the caller computes the leaf hash
 * (application specific); the checkpoint origin must be the expected one and the checkpoint signed
 * by a configured log key; known witness cosignatures are verified and a quorum applied; finally
 * the audit path must bind the leaf hash at the index to the checkpoint's root hash. The extra data
 * is NOT authenticated and is only returned to the caller.
 */
import {
  openCheckpoint,
  parseDecimal,
  type Checkpoint,
  type CheckpointFailureReason,
  type CheckpointPolicy,
} from './checkpoint.ts';
import { HASH_SIZE, inclusionProofLength, rootFromInclusionProof } from './merkle.ts';
import { decodeBase64Strict, decodeUtf8Strict, type NoteSignature } from './note.ts';

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
/** Upper bound on audit path length (tree sizes are below 2^64). */
export const MAX_PROOF_HASHES = 64;

export interface TlogProof {
  /** Opaque, unauthenticated application data (omitted when absent or empty). */
  extraData?: Buffer | undefined;
  index: number;
  /** Audit path, leaf sibling first. */
  hashes: Buffer[];
  /** The signed checkpoint note, verbatim. */
  checkpointNote: Buffer;
}

export class ProofFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofFormatError';
  }
}

/** Serialises a proof. */
export function formatProof(p: {
  extraData?: Uint8Array | undefined;
  index: number;
  hashes: readonly Uint8Array[];
  checkpointNote: Uint8Array | string;
}): Buffer {
  if (!Number.isSafeInteger(p.index) || p.index < 0)
    throw new ProofFormatError('index must be a non-negative safe integer');
  if (p.hashes.length > MAX_PROOF_HASHES) throw new ProofFormatError('too many proof hashes');
  const lines = [TLOG_PROOF_HEADER];
  if (p.extraData !== undefined && p.extraData.length > 0)
    lines.push(`extra ${Buffer.from(p.extraData).toString('base64')}`);
  lines.push(`index ${p.index}`);
  for (const h of p.hashes) {
    if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE)
      throw new ProofFormatError('proof hashes must be 32 bytes');
    lines.push(Buffer.from(h).toString('base64'));
  }
  const note =
    typeof p.checkpointNote === 'string'
      ? Buffer.from(p.checkpointNote, 'utf8')
      : Buffer.from(p.checkpointNote);
  if (note.length === 0) throw new ProofFormatError('checkpoint note is empty');
  return Buffer.concat([Buffer.from(`${lines.join('\n')}\n\n`, 'utf8'), note]);
}

/** Parses a proof (syntax only; nothing is verified). Throws ProofFormatError. */
export function parseProof(input: string | Uint8Array): TlogProof {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  if (decodeUtf8Strict(bytes) === null) throw new ProofFormatError('proof is not valid UTF-8');
  let off = 0;
  const nextLine = (what: string): string => {
    const nl = bytes.indexOf(0x0a, off);
    if (nl < 0) throw new ProofFormatError(`truncated proof: missing ${what}`);
    const line = bytes.subarray(off, nl).toString('utf8');
    off = nl + 1;
    return line;
  };
  if (nextLine('header') !== TLOG_PROOF_HEADER)
    throw new ProofFormatError(`first line must be ${TLOG_PROOF_HEADER}`);
  let line = nextLine('index line');
  let extraData: Buffer | undefined;
  if (line.startsWith('extra ')) {
    const extra = decodeBase64Strict(line.slice('extra '.length));
    if (!extra || extra.length === 0)
      throw new ProofFormatError('extra data must be non-empty canonical base64');
    extraData = extra;
    line = nextLine('index line');
  }
  if (!line.startsWith('index ')) throw new ProofFormatError('missing index line');
  const index = parseDecimal(line.slice('index '.length));
  if (index === null) throw new ProofFormatError('index must be a decimal with no leading zeroes');
  const hashes: Buffer[] = [];
  for (;;) {
    line = nextLine('blank line before the checkpoint');
    if (line === '') break;
    const h = decodeBase64Strict(line);
    if (!h || h.length !== HASH_SIZE)
      throw new ProofFormatError('proof lines must be base64 of 32-byte hashes');
    if (hashes.length === MAX_PROOF_HASHES) throw new ProofFormatError('too many proof hashes');
    hashes.push(h);
  }
  const checkpointNote = Buffer.from(bytes.subarray(off));
  if (checkpointNote.length === 0) throw new ProofFormatError('truncated proof: missing checkpoint');
  return { ...(extraData ? { extraData } : {}), index, hashes, checkpointNote };
}

export type ProofFailureReason =
  | 'malformed_proof'
  | 'invalid_leaf_hash'
  | CheckpointFailureReason
  | 'index_out_of_range'
  | 'proof_length'
  | 'inclusion_mismatch';

export type VerifyProofResult =
  | {
      ok: true;
      index: number;
      checkpoint: Checkpoint;
      /** The checkpoint note text (what the log signed). */
      checkpointText: string;
      logSignatures: NoteSignature[];
      witnessSignatures: NoteSignature[];
      /** Unauthenticated extra data, if any. */
      extraData?: Buffer | undefined;
    }
  | { ok: false; reason: ProofFailureReason; detail: string };

/**
 * Verifies a tlog-proof for `leafHash` (the RFC 6962 leaf hash the caller computed from the entry)
 * against a checkpoint policy (expected origin, log keys, known witnesses and quorum).
 */
export function verifyProofBundle(
  bundle: string | Uint8Array | TlogProof,
  leafHash: Uint8Array,
  policy: CheckpointPolicy,
): VerifyProofResult {
  let proof: TlogProof;
  if (typeof bundle === 'string' || bundle instanceof Uint8Array) {
    try {
      proof = parseProof(bundle);
    } catch (e) {
      if (e instanceof ProofFormatError) return { ok: false, reason: 'malformed_proof', detail: e.message };
      throw e;
    }
  } else {
    proof = bundle;
    if (!Number.isSafeInteger(proof.index) || proof.index < 0 || !Array.isArray(proof.hashes)) {
      return { ok: false, reason: 'malformed_proof', detail: 'index must be a non-negative safe integer' };
    }
  }
  if (!(leafHash instanceof Uint8Array) || leafHash.length !== HASH_SIZE) {
    return { ok: false, reason: 'invalid_leaf_hash', detail: 'leaf hash must be 32 bytes' };
  }
  const opened = openCheckpoint(proof.checkpointNote, policy);
  if (!opened.ok) return opened;
  const { checkpoint } = opened;
  if (proof.index >= checkpoint.size) {
    return {
      ok: false,
      reason: 'index_out_of_range',
      detail: `index ${proof.index} is not below checkpoint size ${checkpoint.size}`,
    };
  }
  const expected = inclusionProofLength(proof.index, checkpoint.size);
  if (proof.hashes.length !== expected) {
    return {
      ok: false,
      reason: 'proof_length',
      detail: `index ${proof.index} in a tree of ${checkpoint.size} needs ${expected} proof hashes, got ${proof.hashes.length}`,
    };
  }
  const root = rootFromInclusionProof(leafHash, proof.index, checkpoint.size, proof.hashes);
  if (root === null || !root.equals(checkpoint.rootHash)) {
    return {
      ok: false,
      reason: 'inclusion_mismatch',
      detail: `the audit path does not lead from the leaf at index ${proof.index} to the checkpoint root`,
    };
  }
  return {
    ok: true,
    index: proof.index,
    checkpoint,
    checkpointText: opened.text,
    logSignatures: opened.logSignatures,
    witnessSignatures: opened.witnessSignatures,
    ...(proof.extraData ? { extraData: proof.extraData } : {}),
  };
}
