// The transparency-log part of certificate verification: does a C2SP tlog-proof show that this exact
// VC-JWT was logged as a certificate issuance or amendment, under a checkpoint signed by the log the
// trust file names, and how many of the trust file's witnesses cosigned that checkpoint?
import { parseCheckpoint, type Checkpoint } from './checkpoint.ts';
import { cosignatureVerifierFromKey } from './cosignature.ts';
import { inclusionProofLength } from './merkle.ts';
import { decodeUtf8Strict, verifierFromKey, type NoteSignature, type NoteVerifier } from './note.ts';
import { ProofFormatError, parseProof, verifyProofBundle, type TlogProof } from './proof-bundle.ts';
import { digestBytes, entryLeafHash, type LogEntry, type TrustBundle } from './trust.ts';
import type { Check } from './checks.ts';

type Outcome = Pick<Check, 'status' | 'reason'>;

const ENTRY_KEYS = ['kind', 'subjectType', 'subjectId', 'version', 'payloadDigest', 'time'] as const;
const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

/** Parses the proof's extra data as a LogEntry (exactly its six members); a string says what is wrong. */
export function parseLogEntry(bytes: Uint8Array): LogEntry | string {
  const text = decodeUtf8Strict(bytes);
  if (text === null) return 'is not UTF-8 text';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'is not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const o = value as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !(ENTRY_KEYS as readonly string[]).includes(k));
  if (extra.length > 0) return `has unexpected member ${JSON.stringify(extra[0])}`;
  // Any well-formed kind: which kinds may commit to a credential is the credential type's to say.
  if (typeof o.kind !== 'string' || !/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(o.kind)) return 'has no valid kind';
  if (typeof o.subjectType !== 'string') return 'has no subjectType';
  if (typeof o.subjectId !== 'string') return 'has no subjectId';
  if (o.version !== null && !(Number.isSafeInteger(o.version) && (o.version as number) >= 0))
    return 'has an invalid version';
  if (typeof o.payloadDigest !== 'string' || !DIGEST_RE.test(o.payloadDigest))
    return 'has no sha256 payloadDigest';
  if (typeof o.time !== 'string') return 'has no time';
  return {
    kind: o.kind as LogEntry['kind'],
    subjectType: o.subjectType,
    subjectId: o.subjectId,
    version: o.version as number | null,
    payloadDigest: o.payloadDigest,
    time: o.time,
  };
}

/** The checkpoint carried by a proof's note, parsed without verifying anything (null if malformed). */
function unverifiedCheckpoint(note: Uint8Array): Checkpoint | null {
  const raw = Buffer.from(note).toString('utf8');
  const split = raw.lastIndexOf('\n\n');
  if (split < 0) return null;
  try {
    return parseCheckpoint(raw.slice(0, split + 1));
  } catch {
    return null;
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export interface LogInclusionResult extends Outcome {
  /** Distinct witnesses from the trust file that validly cosigned the checkpoint (when the proof verified). */
  witnesses?: string[];
}

/**
 * Checks `proof` for the credential `jwt` (record `subjectId` of `subjectType`, version `version`,
 * logged under one of `kinds`; `noun` names the record in messages). The
 * proof's checkpoint is opened with a witness quorum of 0 so that inclusion and witnessing are
 * reported separately; every cosignature by a known witness is still verified (a bad one fails).
 */
export function checkLogInclusion(p: {
  jwt: string;
  subjectType: string;
  subjectId: string;
  version: number;
  kinds: readonly string[];
  /** The kinds in words, for messages (default: the kinds themselves). */
  kindsText?: string;
  noun: string;
  trust: TrustBundle;
  proof: string | Uint8Array;
}): LogInclusionResult {
  const fail = (reason: string): LogInclusionResult => ({ status: 'fail', reason });

  let proof: TlogProof;
  try {
    proof = parseProof(p.proof);
  } catch (e) {
    if (!(e instanceof ProofFormatError)) throw e;
    return e.message.startsWith('truncated proof')
      ? fail(`the proof is truncated (${e.message.replace(/^truncated proof: /, '')})`)
      : fail(`the proof is malformed (${e.message})`);
  }
  if (!proof.extraData) return fail('the proof carries no log entry (its extra data is missing)');
  const entry = parseLogEntry(proof.extraData);
  if (typeof entry === 'string') return fail(`the proof's log entry ${entry}`);

  const digest = digestBytes(p.jwt);
  if (entry.payloadDigest !== digest) {
    return fail(
      `proof is for a different entry: its log entry (${entry.kind} ${entry.subjectId}` +
        `${entry.version === null ? '' : ` v${entry.version}`}) records payload ${entry.payloadDigest}, this credential is ${digest}`,
    );
  }
  if (!p.kinds.includes(entry.kind)) {
    return fail(`the log entry for this credential is a ${entry.kind} entry, not ${p.kindsText ?? `one of ${p.kinds.join(', ')}`}`);
  }
  if (entry.subjectType !== p.subjectType || entry.subjectId !== p.subjectId) {
    return fail(
      `proof is for a different entry: the log entry is for ${entry.subjectType === p.subjectType ? p.noun : entry.subjectType} ${entry.subjectId}, not ${p.subjectId}`,
    );
  }
  if (entry.version !== p.version) {
    return fail(
      `proof is for a different entry: the log entry is for version ${String(entry.version)}, not ${p.version}`,
    );
  }

  let logVerifier: NoteVerifier;
  try {
    logVerifier = verifierFromKey(p.trust.log.verifierKey);
  } catch (e) {
    return fail(
      `the trust file's log verifier key is unusable (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const witnessVerifiers: NoteVerifier[] = [];
  const seenWitnessKeys = new Set<string>();
  for (const w of p.trust.witnesses) {
    if (seenWitnessKeys.has(w.verifierKey)) continue;
    seenWitnessKeys.add(w.verifierKey);
    try {
      witnessVerifiers.push(cosignatureVerifierFromKey(w.verifierKey));
    } catch (e) {
      return fail(
        `the trust file's key for witness ${w.name} is unusable (${e instanceof Error ? e.message : String(e)})`,
      );
    }
  }

  const expectedOrigin = p.trust.log.origin;
  let res: ReturnType<typeof verifyProofBundle>;
  try {
    res = verifyProofBundle(proof, entryLeafHash(entry), {
      origin: expectedOrigin,
      logVerifiers: [logVerifier],
      witnessVerifiers,
      witnessQuorum: 0,
    });
  } catch (e) {
    return fail(
      `the proof could not be checked against the trust file (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  if (!res.ok) {
    const cp = unverifiedCheckpoint(proof.checkpointNote);
    switch (res.reason) {
      case 'origin_mismatch':
        return fail(`checkpoint is from another log (origin ${cp?.origin ?? '?'} ≠ ${expectedOrigin})`);
      case 'no_log_signature':
        return fail(
          `the checkpoint is not signed by the log key in the trust file (${logVerifier.name}); it was signed by another key`,
        );
      case 'invalid_signature':
        return fail(
          `a checkpoint signature by a key in the trust file does not verify, so the checkpoint was altered (${res.detail})`,
        );
      case 'malformed_note':
        return fail(`the proof's checkpoint is not a well-formed signed note (${res.detail})`);
      case 'malformed_checkpoint':
        return fail(`the proof's checkpoint is malformed (${res.detail})`);
      case 'malformed_proof':
        return fail(`the proof is malformed (${res.detail})`);
      case 'index_out_of_range':
        return fail(
          `the proof's entry index ${proof.index} is beyond the checkpoint's tree of ${plural(cp?.size ?? 0, 'entry', 'entries')}`,
        );
      case 'proof_length': {
        const expected = cp ? inclusionProofLength(proof.index, cp.size) : undefined;
        const got = proof.hashes.length;
        const need = `index ${proof.index} in a tree of ${cp?.size ?? '?'} needs ${plural(expected ?? 0, 'hash', 'hashes')}, the proof has ${got}`;
        return expected !== undefined && got < expected
          ? fail(`the proof is truncated: ${need}`)
          : fail(`the proof has too many hashes: ${need}`);
      }
      case 'inclusion_mismatch':
        return fail(
          `the audit path does not lead from this credential's log entry at index ${proof.index} to the checkpoint root: the proof is for a different entry, or was altered`,
        );
      case 'witness_quorum':
      case 'invalid_leaf_hash':
        return fail(`the proof does not verify (${res.detail})`);
    }
  }
  const witnesses = distinctWitnessNames(res.witnessSignatures);
  return {
    status: 'pass',
    reason: `logged as ${entry.kind} at index ${res.index} of ${res.checkpoint.origin} (tree size ${res.checkpoint.size}), ${entry.time}`,
    witnesses,
  };
}

function distinctWitnessNames(sigs: readonly NoteSignature[]): string[] {
  const byKey = new Map<string, string>();
  for (const s of sigs) byKey.set(`${s.name}+${s.keyId.toString('hex')}`, s.name);
  return [...byKey.values()];
}

/** The witnesses check, given the log check's outcome. */
export function checkWitnesses(log: LogInclusionResult | null, quorum: number, known: number): Outcome {
  if (quorum === 0) {
    const n = log?.witnesses?.length;
    return {
      status: 'skip',
      reason: `no witness quorum was requested${n ? ` (${plural(n, 'known witness')} cosigned)` : ''}`,
    };
  }
  if (log === null) {
    return {
      status: 'fail',
      reason: `a witness quorum of ${quorum} was requested, but no log proof was given to carry cosignatures`,
    };
  }
  if (log.status !== 'pass' || !log.witnesses) {
    return { status: 'skip', reason: 'the log proof did not verify, so its cosignatures were not counted' };
  }
  const names = log.witnesses;
  const who = names.length > 0 ? ` (${names.join(', ')})` : '';
  const counted = `cosigned by ${names.length} of ${plural(known, 'known witness', 'known witnesses')}${who}; ${quorum} required`;
  return names.length >= quorum ? { status: 'pass', reason: counted } : { status: 'fail', reason: counted };
}
