import type { KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { credentialSigner, type CredentialSigner } from '../ledger/vc.ts';
import type { Evaluation } from '../certificates/model.ts';
import { decide, settle, type Allocation, type Candidate, type Decision, type SettleCandidate, type SettleDecision, type Settled, type SigningEnv } from './settle.ts';

// An import worker thread: runs the pure rules and signing of settle.ts on the slices of a chunk the
// pool sends it, so parsing and SQL on the main thread overlap with the CPU-heavy part. The
// candidates of a decide call stay here (held under the call's id) until the settle call that
// signs them, so a row crosses the thread boundary once instead of twice.

/** A candidate held by this worker: the decide call that brought it and its place in that call. */
export interface HeldRef {
  call: number;
  index: number;
}

/**
 * A settle job names its candidate (and the evaluation its decision made) either by value or, when
 * it was decided here, by reference.
 */
export type SettleJob = ({ c: SettleCandidate; evaluation: Evaluation } | { ref: HeldRef }) & { d: SettleDecision; a: Allocation };

export type WorkerRequest =
  | { id: number; op: 'decide'; candidates: Candidate[]; today: string; hold: boolean }
  | { id: number; op: 'settle'; jobs: SettleJob[]; env: Omit<SigningEnv, 'sign'>; key: { privateKey: KeyObject; kid: string }; release: number[] }
  | { id: number; op: 'release'; release: number[] };

export type WorkerResponse = { id: number; ok: true; result: Decision[] | Settled[] } | { id: number; ok: false; message: string };

const signers = new Map<string, CredentialSigner>();
const signerFor = (key: { privateKey: KeyObject; kid: string }): CredentialSigner => {
  let s = signers.get(key.kid);
  if (!s) signers.set(key.kid, (s = credentialSigner(key)));
  return s;
};

const held = new Map<number, { candidates: Candidate[]; decisions: Decision[] }>();

function candidateOf(job: SettleJob): { c: SettleCandidate; evaluation: Evaluation } {
  if ('c' in job) return job;
  const call = held.get(job.ref.call);
  const c = call?.candidates[job.ref.index];
  const d = call?.decisions[job.ref.index];
  if (!c || !d || !('evaluation' in d)) throw new Error(`no held candidate ${job.ref.call}/${job.ref.index} to sign`);
  return { c, evaluation: d.evaluation };
}

function handle(req: WorkerRequest): Decision[] | Settled[] {
  if (req.op === 'decide') {
    const decisions = req.candidates.map((c) => decide(c, req.today));
    if (req.hold) held.set(req.id, { candidates: req.candidates, decisions });
    return decisions;
  }
  try {
    if (req.op === 'release') return [];
    const env: SigningEnv = { ...req.env, sign: signerFor(req.key) };
    return req.jobs.map((j) => {
      const { c, evaluation } = candidateOf(j);
      return settle(c, j.d, evaluation, j.a, env);
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
