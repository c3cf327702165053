import type { KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { credentialSigner, type CredentialSigner } from '../ledger/vc.ts';
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

/** A settle job names its candidate either by value or, when it was decided here, by reference. */
export type SettleJob = ({ c: SettleCandidate } | { ref: HeldRef }) & { d: SettleDecision; a: Allocation };

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

const held = new Map<number, Candidate[]>();

function candidateOf(job: SettleJob): SettleCandidate {
  if ('c' in job) return job.c;
  const c = held.get(job.ref.call)?.[job.ref.index];
  if (!c) throw new Error(`no held candidate ${job.ref.call}/${job.ref.index}`);
  return c;
}

function handle(req: WorkerRequest): Decision[] | Settled[] {
  if (req.op === 'decide') {
    if (req.hold) held.set(req.id, req.candidates);
    return req.candidates.map((c) => decide(c, req.today));
  }
  try {
    if (req.op === 'release') return [];
    const env: SigningEnv = { ...req.env, sign: signerFor(req.key) };
    return req.jobs.map((j) => settle(candidateOf(j), j.d, j.a, env));
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
