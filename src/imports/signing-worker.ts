import type { KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { credentialSigner, type CredentialSigner } from '../trust/vc.ts';
import type { Evaluation } from '../certificates/model.ts';
import { decide, signRow, verdictOf, type Allocation, type Candidate, type Decision, type SigningDecision, type SignedRow, type SigningEnv, type Verdict } from './row-signing.ts';

// An import worker thread: runs the pure rules and signing of row-signing.ts on the slices of a chunk the
// pool sends it, so parsing and SQL on the main thread overlap with the CPU-heavy part. The
// candidates of a decide call stay here (held under the call's id) until the signing call that
// signs them, so a row crosses the thread boundary once instead of twice.

/** A candidate held by this worker: the decide call that brought it and its place in that call. */
export interface HeldRef {
  call: number;
  index: number;
}

/** A signing job names a candidate this worker decided and holds, with what the main thread signedRows for it. */
export interface SigningJob {
  ref: HeldRef;
  d: SigningDecision;
  a: Allocation;
}

/**
 * Candidates of a decide call as they cross to a worker: the submissions as one JSON text (they
 * are JSON data, and V8's structured clone of many small objects costs several times JSON's
 * stringify + parse), the rest (shared brand and spec objects, registered certificates) by clone.
 */
export interface CandidatesWire {
  submissions: string;
  rest: Omit<Candidate, 'submission'>[];
}

/**
 * A decision as it crosses back: only the verdict of its evaluation (the worker keeps the whole
 * evaluation to sign with) and, for an amendment, the place of the amended certificate in the
 * candidate's registered list, which the main thread already holds.
 */
export type DecisionWire = Exclude<Decision<Verdict>, { kind: 'amend' }> | { kind: 'amend'; evaluation: Verdict; existingAt: number };

export type WorkerRequest =
  | { id: number; op: 'decide'; candidates: CandidatesWire; today: string; hold: boolean }
  | { id: number; op: 'sign'; jobs: SigningJob[]; env: Omit<SigningEnv, 'sign'>; key: { privateKey: KeyObject; kid: string }; release: number[] }
  | { id: number; op: 'release'; release: number[] };

export type WorkerResponse = { id: number; ok: true; result: DecisionWire[] | SignedRow[] } | { id: number; ok: false; message: string };

const signers = new Map<string, CredentialSigner>();
const signerFor = (key: { privateKey: KeyObject; kid: string }): CredentialSigner => {
  let s = signers.get(key.kid);
  if (!s) signers.set(key.kid, (s = credentialSigner(key)));
  return s;
};

const held = new Map<number, { candidates: Candidate[]; decisions: Decision[] }>();

function candidateOf(job: SigningJob): { c: Candidate; evaluation: Evaluation } {
  const call = held.get(job.ref.call);
  const c = call?.candidates[job.ref.index];
  const d = call?.decisions[job.ref.index];
  if (!c || !d || !('evaluation' in d)) throw new Error(`no held candidate ${job.ref.call}/${job.ref.index} to sign`);
  return { c, evaluation: d.evaluation };
}

function decisionWire(d: Decision, c: Candidate): DecisionWire {
  if (d.kind === 'new') return { kind: 'new', evaluation: verdictOf(d.evaluation) };
  if (d.kind === 'amend') return { kind: 'amend', evaluation: verdictOf(d.evaluation), existingAt: c.existing.indexOf(d.existing) };
  return d;
}

function handle(req: WorkerRequest): DecisionWire[] | SignedRow[] {
  if (req.op === 'decide') {
    const submissions = JSON.parse(req.candidates.submissions) as Candidate['submission'][];
    const candidates: Candidate[] = req.candidates.rest.map((c, i) => ({ ...c, submission: submissions[i]! }));
    const decisions = candidates.map((c) => decide(c, req.today));
    if (req.hold) held.set(req.id, { candidates, decisions });
    return decisions.map((d, i) => decisionWire(d, candidates[i]!));
  }
  try {
    if (req.op === 'release') return [];
    const env: SigningEnv = { ...req.env, sign: signerFor(req.key) };
    return req.jobs.map((j) => {
      const { c, evaluation } = candidateOf(j);
      return signRow(c, j.d, evaluation, j.a, env);
    });
  } finally {
    for (const id of req.release) held.delete(id);
  }
}

parentPort!.on('message', (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    res = { id: req.id, ok: true, result: handle(req) };
  } catch (e) {
    res = { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(res);
});
