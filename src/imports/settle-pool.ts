import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Candidate, Decision, Settled, SigningEnv } from './settle.ts';
import type { SettleJob, WorkerRequest, WorkerResponse } from './settle-worker.ts';

// A few worker threads that decide and sign the rows of import chunks in parallel. Each call
// splits its items into one contiguous slice per worker and joins the answers in order. A worker
// that dies fails every call in flight (the import job stays resumable from its last chunk).

type Pending = { resolve: (r: unknown[]) => void; reject: (e: Error) => void };
type Payload = { op: 'decide'; today: string } | { op: 'settle'; env: Omit<SigningEnv, 'sign'>; key: { privateKey: KeyObject; kid: string } };

const ENTRY = new URL('./settle-worker-entry.mjs', import.meta.url);

export class SettlePool {
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

  private call<T>(w: Worker, req: WorkerRequest): Promise<T[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T[]>((resolve, reject) => {
      this.pending.set(req.id, { resolve: resolve as (r: unknown[]) => void, reject });
      w.postMessage(req);
    });
  }

  private async spread<I, T>(items: I[], payload: Payload): Promise<T[]> {
    if (items.length === 0) return [];
    const per = Math.ceil(items.length / this.workers.length);
    const parts: Promise<T[]>[] = [];
    for (let i = 0; i * per < items.length; i++) {
      const slice = items.slice(i * per, (i + 1) * per);
      const id = this.nextId++;
      const req = (payload.op === 'decide'
        ? { id, op: 'decide', candidates: slice, today: payload.today }
        : { id, op: 'settle', jobs: slice, env: payload.env, key: payload.key }) as WorkerRequest;
      parts.push(this.call<T>(this.workers[i]!, req));
    }
    return (await Promise.all(parts)).flat();
  }

  decide(candidates: Candidate[], today: string): Promise<Decision[]> {
    return this.spread(candidates, { op: 'decide', today });
  }

  settle(jobs: SettleJob[], env: Omit<SigningEnv, 'sign'>, key: { privateKey: KeyObject; kid: string }): Promise<Settled[]> {
    return this.spread(jobs, { op: 'settle', env, key });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
