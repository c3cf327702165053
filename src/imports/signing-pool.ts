import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Candidate, Decision, SignedRow, SigningEnv, Verdict } from './row-signing.ts';
import type { CandidatesWire, DecisionWire, HeldRef, SigningJob, WorkerRequest, WorkerResponse } from './signing-worker.ts';

// A few worker threads that decide and sign the rows of import chunks in parallel. A decide call
// splits its candidates into one contiguous slice per worker and joins the answers in order; each
// worker keeps its slice, so the signing call that follows sends only references, routed back to
// the worker that holds each candidate. A worker that dies fails every call in flight (the import
// job stays resumable from its last chunk).

type Pending = { resolve: (r: unknown[]) => void; reject: (e: Error) => void };
type Key = { privateKey: KeyObject; kid: string };

/** A decided candidate still held by a worker. */
export interface Held {
  worker: number;
  ref: HeldRef;
}

/** The decisions of one decide call, and where its candidates are held until sign or release. */
export interface Decided {
  /** Verdicts only: the workers keep each whole evaluation for the sign that signs it. */
  decisions: Decision<Verdict>[];
  held: Held[];
  /** The decide calls per worker, released by the next sign or by release(). */
  calls: Map<number, number[]>;
}

/** A signing job whose candidate a worker holds. */
export type HeldJob = { held: Held } & Omit<SigningJob, 'ref'>;

function candidatesWire(candidates: Candidate[]): CandidatesWire {
  return {
    submissions: JSON.stringify(candidates.map((c) => c.submission)),
    rest: candidates.map(({ submission: _s, ...rest }) => rest),
  };
}

const decisionFromWire = (w: DecisionWire, c: Candidate): Decision<Verdict> => {
  if (w.kind !== 'amend') return w;
  const existing = c.existing[w.existingAt];
  if (!existing) throw new Error('an import worker named a registered certificate the candidate does not have');
  return { kind: 'amend', evaluation: w.evaluation, existing };
};

const ENTRY = new URL('./signing-worker-entry.mjs', import.meta.url);

export class SigningPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(size: number) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => this.spawn());
  }

  get size(): number {
    return this.workers.length;
  }

  private spawn(): Worker {
    const w = new Worker(ENTRY);
    w.on('message', (res: WorkerResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (res.ok) p.resolve(res.result);
      else p.reject(new Error(`import worker: ${res.message}`));
    });
    w.on('error', (e) => this.fail(e));
    w.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`import worker exited with code ${code}`));
    });
    return w;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private call<T>(worker: number, req: WorkerRequest): Promise<T[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T[]>((resolve, reject) => {
      this.pending.set(req.id, { resolve: resolve as (r: unknown[]) => void, reject });
      this.workers[worker]!.postMessage(req);
    });
  }

  /** Contiguous slices, one per worker (fewer when there are few items). */
  private slices<I>(items: I[]): { worker: number; items: I[] }[] {
    const per = Math.ceil(items.length / this.workers.length);
    const out: { worker: number; items: I[] }[] = [];
    for (let i = 0; i * per < items.length; i++) out.push({ worker: i, items: items.slice(i * per, (i + 1) * per) });
    return out;
  }

  /** Decides candidates; the workers keep them for signHeld (or until release). */
  async decide(candidates: Candidate[], today: string): Promise<Decided> {
    const calls = new Map<number, number[]>();
    const held: Held[] = [];
    const parts = this.slices(candidates).map(async ({ worker, items }) => {
      const id = this.nextId++;
      calls.set(worker, [...(calls.get(worker) ?? []), id]);
      items.forEach((_, index) => held.push({ worker, ref: { call: id, index } }));
      const wire = await this.call<DecisionWire>(worker, { id, op: 'decide', candidates: candidatesWire(items), today, hold: true });
      return wire.map((w, k) => decisionFromWire(w, items[k]!));
    });
    return { decisions: (await Promise.all(parts)).flat(), held, calls };
  }

  /** Signs held candidates, each on the worker that holds it, and releases the decide calls. */
  async signHeld(jobs: HeldJob[], decided: Decided, env: Omit<SigningEnv, 'sign'>, key: Key): Promise<SignedRow[]> {
    const byWorker = new Map<number, { at: number[]; jobs: SigningJob[] }>();
    for (const w of decided.calls.keys()) byWorker.set(w, { at: [], jobs: [] });
    jobs.forEach((j, at) => {
      const group = byWorker.get(j.held.worker);
      if (!group) throw new Error('a signing job names a worker that decided nothing');
      group.at.push(at);
      group.jobs.push({ ref: j.held.ref, d: j.d, a: j.a });
    });
    const out = new Array<SignedRow>(jobs.length);
    await Promise.all(
      [...byWorker].map(async ([worker, g]) => {
        const release = decided.calls.get(worker) ?? [];
        const done = await this.call<SignedRow>(worker, { id: this.nextId++, op: 'sign', jobs: g.jobs, env, key, release });
        done.forEach((s, k) => (out[g.at[k]!] = s));
      }),
    );
    decided.calls.clear();
    return out;
  }

  /** Lets the workers drop what a decide call left with them (when its chunk is not signed). */
  async release(decided: Decided): Promise<void> {
    const calls = [...decided.calls];
    decided.calls.clear();
    await Promise.all(calls.map(([worker, release]) => this.call(worker, { id: this.nextId++, op: 'release', release })));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
