import type { KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { credentialSigner, type CredentialSigner } from '../ledger/vc.ts';
import { decide, settle, type Allocation, type Candidate, type Decision, type SettleCandidate, type SettleDecision, type Settled, type SigningEnv } from './settle.ts';

// An import worker thread: runs the pure rules and signing of settle.ts on the slices of a chunk the
// pool sends it, so parsing and SQL on the main thread overlap with the CPU-heavy part.

export type SettleJob = { c: SettleCandidate; d: SettleDecision; a: Allocation };

export type WorkerRequest =
  | { id: number; op: 'decide'; candidates: Candidate[]; today: string }
  | { id: number; op: 'settle'; jobs: SettleJob[]; env: Omit<SigningEnv, 'sign'>; key: { privateKey: KeyObject; kid: string } };

export type WorkerResponse = { id: number; ok: true; result: Decision[] | Settled[] } | { id: number; ok: false; message: string };

const signers = new Map<string, CredentialSigner>();
const signerFor = (key: { privateKey: KeyObject; kid: string }): CredentialSigner => {
  let s = signers.get(key.kid);
  if (!s) signers.set(key.kid, (s = credentialSigner(key)));
  return s;
};

function handle(req: WorkerRequest): Decision[] | Settled[] {
  if (req.op === 'decide') return req.candidates.map((c) => decide(c, req.today));
  const env: SigningEnv = { ...req.env, sign: signerFor(req.key) };
  return req.jobs.map((j) => settle(j.c, j.d, j.a, env));
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
