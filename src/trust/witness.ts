import type { KeyObject } from 'node:crypto';
import { openCheckpoint, type Checkpoint } from './checkpoint.ts';
import { cosign } from './cosignature.ts';
import { verifyConsistency } from './merkle.ts';
import { verifierFromKey } from './note.ts';

// A witness: follows one log's checkpoints, refuses any that is not an append-only extension of
// what it saw before, and cosigns those that are (C2SP tlog-cosignature). Pure step function; the
// `assay witness` process supplies the I/O.

export interface WitnessState {
  origin: string;
  logVerifierKey: string;
  size: number;
  rootHash: string; // base64
}

export interface WitnessIo {
  /** The log's latest signed checkpoint note. */
  checkpoint(): Promise<string>;
  /** Consistency proof hashes (base64) between two sizes. */
  consistency(from: number, to: number): Promise<string[]>;
  /** Hands the cosignature line to the registry. */
  submit(size: number, line: string): Promise<void>;
}

export type StepResult =
  | { outcome: 'cosigned'; checkpoint: Checkpoint; state: WitnessState }
  | { outcome: 'unchanged'; state: WitnessState }
  | { outcome: 'refused'; reason: string; state: WitnessState };

export async function witnessStep(
  io: WitnessIo,
  state: WitnessState,
  me: { name: string; privateKey: KeyObject },
  nowSeconds: number,
): Promise<StepResult> {
  const note = await io.checkpoint();
  const opened = openCheckpoint(note, { origin: state.origin, logVerifiers: [verifierFromKey(state.logVerifierKey)] });
  if (!opened.ok) return { outcome: 'refused', reason: `checkpoint rejected: ${opened.detail}`, state };
  const cp = opened.checkpoint;
  const oldRoot = Buffer.from(state.rootHash, 'base64');
  if (cp.size < state.size) return { outcome: 'refused', reason: `log shrank from ${state.size} to ${cp.size}`, state };
  if (cp.size === state.size) {
    if (!cp.rootHash.equals(oldRoot)) return { outcome: 'refused', reason: `two different roots for size ${cp.size}: the log forked`, state };
  } else {
    const proof = (await io.consistency(state.size, cp.size)).map((h) => Buffer.from(h, 'base64'));
    if (!verifyConsistency(state.size, cp.size, oldRoot, cp.rootHash, proof)) {
      return { outcome: 'refused', reason: `checkpoint ${cp.size} is not consistent with ${state.size}`, state };
    }
  }
  const sig = cosign(opened.text, nowSeconds, me);
  await io.submit(cp.size, sig.line.replace(/\n$/, ''));
  const next = { ...state, size: cp.size, rootHash: cp.rootHash.toString('base64') };
  return { outcome: cp.size === state.size ? 'unchanged' : 'cosigned', checkpoint: cp, state: next };
}
