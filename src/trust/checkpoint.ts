/**
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the note text of a signed tree head.
 *
 *   <origin>\n
 *   <tree size, ASCII decimal, no leading zeroes>\n
 *   <base64 RFC 6962 root hash>\n
 *   [<extension line>\n ...]        (opaque, non-empty, NOT RECOMMENDED)
 *
 * Parsing is strict: every line non-empty, text ends in a newline, canonical padded base64 of a
 * 32-byte SHA-256 root, tree size within Number.MAX_SAFE_INTEGER. The origin is any non-empty line
 * (the spec only RECOMMENDS a schema-less URL and forbids clients from assuming one), but
 * `formatCheckpoint` insists on a valid note key name so the log's key name can equal the origin.
 */
import {
  decodeBase64Strict,
  isValidKeyName,
  isValidNoteText,
  verifyNote,
  type NoteSignature,
  type NoteVerifier,
} from './note.ts';

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
  /** Extension lines without their newlines (usually none). */
  extensions: string[];
}

export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

const DECIMAL_RE = /^(?:0|[1-9][0-9]*)$/;

/** Parses an ASCII decimal with no leading zeroes into a safe integer, or null. */
export function parseDecimal(s: string): number | null {
  if (!DECIMAL_RE.test(s) || s.length > 16) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** The checkpoint note text (body) for `cp`, ending in a newline. */
export function formatCheckpoint(cp: Checkpoint): string {
  if (!isValidKeyName(cp.origin)) {
    throw new CheckpointError(
      'origin must be non-empty and contain no spaces, plus signs or control characters',
    );
  }
  if (!Number.isSafeInteger(cp.size) || cp.size < 0)
    throw new CheckpointError('size must be a non-negative safe integer');
  if (!(cp.rootHash instanceof Uint8Array) || cp.rootHash.length !== 32)
    throw new CheckpointError('root hash must be 32 bytes');
  const extensions = cp.extensions ?? [];
  for (const ext of extensions) {
    if (typeof ext !== 'string' || ext.length === 0 || ext.includes('\n')) {
      throw new CheckpointError('extension lines must be non-empty single lines');
    }
  }
  const text =
    [cp.origin, String(cp.size), Buffer.from(cp.rootHash).toString('base64'), ...extensions].join('\n') +
    '\n';
  if (!isValidNoteText(text)) throw new CheckpointError('checkpoint text contains control characters');
  return text;
}

/** Parses checkpoint note text (the note body, not the signed note). Throws CheckpointError. */
export function parseCheckpoint(text: string | Uint8Array): Checkpoint {
  const s = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  if (!s.endsWith('\n')) throw new CheckpointError('checkpoint text must end with a newline');
  const lines = s.slice(0, -1).split('\n');
  if (lines.length < 3) throw new CheckpointError('checkpoint needs origin, size and root hash lines');
  if (lines.some((l) => l.length === 0)) throw new CheckpointError('checkpoint lines must be non-empty');
  const [origin, sizeLine, rootLine, ...extensions] = lines as [string, string, string, ...string[]];
  const size = parseDecimal(sizeLine);
  if (size === null) throw new CheckpointError('tree size must be a decimal with no leading zeroes');
  const rootHash = decodeBase64Strict(rootLine);
  if (!rootHash || rootHash.length !== 32) throw new CheckpointError('root hash must be base64 of 32 bytes');
  return { origin, size, rootHash, extensions };
}

export type CheckpointFailureReason =
  | 'malformed_note'
  | 'malformed_checkpoint'
  | 'origin_mismatch'
  | 'invalid_signature'
  | 'no_log_signature'
  | 'witness_quorum';

export interface CheckpointPolicy {
  /** The origin line the checkpoint must carry. */
  origin: string;
  /** The log's note verifiers; at least one must have signed. */
  logVerifiers: readonly NoteVerifier[];
  /** Witness (cosignature) verifiers known to the client. */
  witnessVerifiers?: readonly NoteVerifier[];
  /** How many distinct known witnesses must have cosigned (default 0). */
  witnessQuorum?: number;
}

export type OpenCheckpointResult =
  | {
      ok: true;
      checkpoint: Checkpoint;
      text: string;
      /** Verified signatures by log keys. */
      logSignatures: NoteSignature[];
      /** Verified cosignatures by known witnesses. */
      witnessSignatures: NoteSignature[];
      /** Signatures by unknown keys (ignored). */
      unknown: NoteSignature[];
    }
  | { ok: false; reason: CheckpointFailureReason; detail: string };

function noteText(note: Uint8Array | string): string {
  const raw = typeof note === 'string' ? note : Buffer.from(note).toString('utf8');
  return raw.slice(0, raw.lastIndexOf('\n\n') + 1);
}

/**
 * Opens a signed checkpoint: parses the note, checks the origin line, verifies every signature by a
 * known log or witness key (any failure rejects), and requires a log signature and the witness
 * quorum. The origin is compared before signatures are judged so that a checkpoint of another log
 * gets a specific reason; nothing from the text is returned unless the result is ok.
 */
export function openCheckpoint(note: Uint8Array | string, policy: CheckpointPolicy): OpenCheckpointResult {
  const logVerifiers = policy.logVerifiers;
  const witnessVerifiers = policy.witnessVerifiers ?? [];
  const quorum = policy.witnessQuorum ?? 0;
  if (!Number.isSafeInteger(quorum) || quorum < 0)
    throw new CheckpointError('witnessQuorum must be a non-negative integer');
  if (logVerifiers.length === 0) throw new CheckpointError('at least one log verifier is required');
  const res = verifyNote(note, [...logVerifiers, ...witnessVerifiers]);
  if (!res.ok && res.reason === 'malformed_note')
    return { ok: false, reason: 'malformed_note', detail: res.detail };
  const text = res.ok ? res.text : noteText(note);
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpoint(text);
  } catch (e) {
    if (e instanceof CheckpointError) return { ok: false, reason: 'malformed_checkpoint', detail: e.message };
    throw e;
  }
  if (checkpoint.origin !== policy.origin) {
    return {
      ok: false,
      reason: 'origin_mismatch',
      detail: `checkpoint origin ${JSON.stringify(checkpoint.origin)} is not ${JSON.stringify(policy.origin)}`,
    };
  }
  if (!res.ok) {
    if (res.reason === 'invalid_signature')
      return { ok: false, reason: 'invalid_signature', detail: res.detail };
    return {
      ok: false,
      reason: 'no_log_signature',
      detail: 'checkpoint carries no signature by a known log key',
    };
  }
  const isFrom = (vs: readonly NoteVerifier[], s: NoteSignature): boolean =>
    vs.some((v) => v.name === s.name && v.keyId.equals(s.keyId));
  const logSignatures = res.verified.filter((s) => isFrom(logVerifiers, s));
  const witnessSignatures = res.verified.filter(
    (s) => !isFrom(logVerifiers, s) && isFrom(witnessVerifiers, s),
  );
  if (logSignatures.length === 0) {
    return {
      ok: false,
      reason: 'no_log_signature',
      detail: 'checkpoint carries no signature by a known log key',
    };
  }
  const distinctWitnesses = new Set(witnessSignatures.map((s) => `${s.name}+${s.keyId.toString('hex')}`))
    .size;
  if (distinctWitnesses < quorum) {
    return {
      ok: false,
      reason: 'witness_quorum',
      detail: `${distinctWitnesses} known witness cosignature(s), ${quorum} required`,
    };
  }
  return { ok: true, checkpoint, text, logSignatures, witnessSignatures, unknown: res.unknown };
}

// ---------------------------------------------------------------------------------------------
// Authenticated map roots (trust/map-service.ts): one extension line per map, `<name> <base64 root>`.

const MAP_LINE_RE = /^([a-z][a-z0-9_-]*) ([A-Za-z0-9+/]{43}=)$/;

/** The extension line committing to a map's root. */
export const mapRootLine = (name: string, root: Uint8Array): string => `${name} ${Buffer.from(root).toString('base64')}`;

/**
 * The map roots a checkpoint commits to, by map name. Lines of other shapes are ignored (extension
 * lines are opaque to clients that do not know them); a name given twice is refused.
 */
export function mapRootsOf(cp: Checkpoint): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const line of cp.extensions) {
    const m = MAP_LINE_RE.exec(line);
    if (!m) continue;
    const root = decodeBase64Strict(m[2]!);
    if (!root || root.length !== 32) continue;
    if (out.has(m[1]!)) throw new CheckpointError(`checkpoint names map ${m[1]} twice`);
    out.set(m[1]!, root);
  }
  return out;
}
