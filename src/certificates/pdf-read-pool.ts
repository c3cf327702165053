import { Worker } from 'node:worker_threads';
import { AppError } from '../platform/errors.ts';
import { pdfRefusal, type PdfReadLimits } from './pdf-read.ts';
import type { PdfReadMessage, PdfReadRequest } from './pdf-read-worker.ts';

// Uploaded PDFs are read on worker threads, never on the event loop: a few workers, each with a
// small heap, one PDF at a time and a wall-clock limit after which the worker is terminated (a
// fresh one is started for the next upload). Uploads beyond the workers wait in a short queue;
// beyond that they are turned away, so a flood of uploads costs a bounded amount of memory and CPU.

export interface PdfReadPoolOptions {
  /** Workers reading at once. */
  workers: number;
  /** Wall-clock limit for one read, from the moment a ready worker receives the PDF. */
  timeoutMs: number;
  limits: PdfReadLimits;
  /** Reads that may wait for a worker (default 16). */
  queue?: number;
  /** The worker script (tests substitute misbehaving ones). */
  entry?: URL;
}

/**
 * Per worker: the reader's own objects for a 5 MiB PDF take a few MiB; the upload and the inflated
 * attachments are buffers outside this heap, bounded by ASSAY_PDF_MAX_BYTES and the inflate caps.
 */
export const PDF_WORKER_RESOURCE_LIMITS = Object.freeze({
  maxOldGenerationSizeMb: 64,
  maxYoungGenerationSizeMb: 16,
  stackSizeMb: 4,
});

const ENTRY = new URL('./pdf-read-worker-entry.mjs', import.meta.url);
/** A worker that has not loaded after this long is broken, not slow to parse anything. */
const START_TIMEOUT_MS = 30_000;

const busy = (): AppError =>
  new AppError('unavailable', 'Too many PDFs are being verified right now; try again in a moment');
const closing = (): AppError => new AppError('unavailable', 'The server is shutting down');

export class PdfReadPool {
  private readonly idle: Worker[] = [];
  private readonly live = new Set<Worker>();
  private readonly waiting: { go: () => void; stop: (e: Error) => void }[] = [];
  private active = 0;
  private closed = false;

  constructor(private readonly opts: PdfReadPoolOptions) {}

  /**
   * The attached files of a PDF, by name; refusals are AppErrors whose cause says why, for the log.
   * With `handOver`, the caller gives up `bytes`: when they are the whole of their buffer it moves
   * to the worker (and is empty here afterwards) instead of being copied.
   */
  async read(bytes: Uint8Array, opts: { handOver?: boolean } = {}): Promise<Map<string, Buffer>> {
    await this.acquire();
    try {
      if (this.closed) throw closing();
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      // The worker must own what it is sent (transferred, not cloned); a pooled or shared buffer is copied first.
      return await this.run(opts.handOver && whole ? bytes : new Uint8Array(bytes));
    } finally {
      this.release();
    }
  }

  /**
   * Starts the workers ahead of the first upload (a worker takes a few hundred milliseconds of CPU
   * to load), so that cost is paid at start-up rather than while uploads, hostile or not, arrive.
   */
  async warm(): Promise<void> {
    const missing = Math.max(0, this.opts.workers - this.live.size);
    await Promise.all(
      Array.from({ length: missing }, () =>
        this.spawn().then(
          (w) => this.park(w),
          (e: unknown) => {
            if (!this.closed) throw e;
          },
        ),
      ),
    );
  }

  /** An idle worker waits for the next read, unless the pool already has its number (a read started one while warming). */
  private park(w: Worker): void {
    if (!this.closed && this.live.has(w) && this.live.size <= this.opts.workers) this.idle.push(w);
    else this.end(w);
  }

  /** Workers started and not yet ended (idle or reading). */
  get workers(): number {
    return this.live.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.stop(closing());
    await Promise.all([...this.live].map((w) => w.terminate()));
    this.live.clear();
    this.idle.length = 0;
  }

  private acquire(): Promise<void> {
    if (this.closed) return Promise.reject(closing());
    if (this.active < this.opts.workers) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= (this.opts.queue ?? 16)) return Promise.reject(busy());
    return new Promise((go, stop) => this.waiting.push({ go, stop }));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.go();
    else this.active--;
  }

  private end(w: Worker): void {
    this.live.delete(w);
    const at = this.idle.indexOf(w);
    if (at >= 0) this.idle.splice(at, 1);
    void w.terminate();
  }

  private spawn(): Promise<Worker> {
    const w = new Worker(this.opts.entry ?? ENTRY, { resourceLimits: { ...PDF_WORKER_RESOURCE_LIMITS } });
    this.live.add(w);
    w.unref(); // an idle reader does not keep the process alive; a read in progress has its timer
    // Errors are reported to the read in progress; these keep an idle worker's death from
    // crashing the process and drop it from the pool.
    w.on('error', () => this.end(w));
    w.on('exit', () => this.end(w));
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onError);
      };
      const onMessage = (m: PdfReadMessage): void => {
        if (m.type !== 'ready') return;
        done();
        if (!this.closed) return resolve(w);
        this.end(w);
        reject(closing());
      };
      const onError = (e: unknown): void => {
        done();
        this.end(w);
        reject(
          this.closed
            ? closing()
            : new AppError('internal', 'The PDF reader could not start', undefined, { cause: e }),
        );
      };
      const timer = setTimeout(
        () => onError(new Error(`no ready message after ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onError);
    });
  }

  private async run(own: Uint8Array): Promise<Map<string, Buffer>> {
    const w = this.idle.pop() ?? (await this.spawn());
    const ms = this.opts.timeoutMs;
    return new Promise((resolve, reject) => {
      const done = (keep: boolean): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (keep) this.park(w);
        else this.end(w);
      };
      const onMessage = (m: PdfReadMessage): void => {
        if (m.type === 'done') {
          done(true);
          resolve(
            new Map(
              m.files.map(([name, data]) => [
                name,
                Buffer.from(data.buffer, data.byteOffset, data.byteLength),
              ]),
            ),
          );
        } else if (m.type === 'refused') {
          done(true);
          reject(new AppError(m.code, m.message, undefined, { cause: new Error(m.detail) }));
        }
      };
      const onError = (e: Error): void => {
        done(false);
        const code = (e as { code?: string }).code;
        reject(
          code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? pdfRefusal('out_of_memory', e.message)
            : new AppError('internal', 'The PDF reader failed', undefined, { cause: e }),
        );
      };
      const onExit = (exitCode: number): void => {
        done(false);
        reject(
          this.closed
            ? closing()
            : new AppError('internal', 'The PDF reader stopped', undefined, {
                cause: new Error(`exit code ${exitCode}`),
              }),
        );
      };
      const timer = setTimeout(() => {
        done(false);
        reject(pdfRefusal('timeout', `no answer after ${ms} ms; worker terminated`));
      }, ms);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ bytes: own, limits: this.opts.limits } satisfies PdfReadRequest, [own.buffer as ArrayBuffer]);
    });
  }
}
