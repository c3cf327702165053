import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPdf, flate, pdfBomb } from '../../test/fixtures/pdf.ts';
import { AppError } from '../platform/errors.ts';
import { DEFAULT_PDF_READ_LIMITS, PDF_READ_MESSAGES } from './pdf-read.ts';
import { PdfReadPool, type PdfReadPoolOptions } from './pdf-read-pool.ts';

// The pool reads PDFs on worker threads: the real reader answers (and its refusals come back as
// the same AppErrors), a worker that never answers is terminated at the wall-clock limit, one that
// exhausts its heap ends with a refusal, and a flood beyond the workers and queue is turned away.

const HANG = new URL('../../test/fixtures/pdf-workers/hang.mjs', import.meta.url);
const HOG = new URL('../../test/fixtures/pdf-workers/hog.mjs', import.meta.url);
const GOOD = attachmentPdf([{ name: 'credential.jwt', data: flate('a.b.c'), filter: '/FlateDecode' }]);

const pools: PdfReadPool[] = [];
const pool = (opts: Partial<PdfReadPoolOptions> = {}): PdfReadPool => {
  const p = new PdfReadPool({ workers: 1, timeoutMs: 5000, limits: DEFAULT_PDF_READ_LIMITS, ...opts });
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('PDF reading pool', () => {
  it('reads on a worker, passes the reader’s refusals through, and reuses the worker', async () => {
    const p = pool();
    const files = await p.read(GOOD);
    expect(files.get('credential.jwt')?.toString()).toBe('a.b.c');
    const e = await refusal(p.read(pdfBomb(2048)));
    expect(e).toMatchObject({ code: 'unprocessable', message: PDF_READ_MESSAGES.too_large });
    expect((e.cause as Error).message).toMatch(/inflates past/);
    expect((await refusal(p.read(Buffer.from('%PDF-1.7\nnothing')))).message).toBe(
      PDF_READ_MESSAGES.unreadable,
    );
    expect(p.workers).toBe(1);
    // Handed over, the bytes move to the worker instead of being copied; otherwise the caller keeps them.
    const mine = Buffer.concat([GOOD, Buffer.alloc(8 * 1024)]);
    expect((await p.read(mine, { handOver: true })).get('credential.jwt')?.toString()).toBe('a.b.c');
    expect(mine.byteLength).toBe(0);
    expect(GOOD.length).toBeGreaterThan(0);
    await p.close();
    expect(p.workers).toBe(0);
  });

  it('starts its workers ahead of the first read, and keeps no more than its number', async () => {
    const p = pool({ workers: 2 });
    const warming = p.warm();
    const during = p.read(GOOD); // may start a third worker of its own
    await Promise.all([warming, during]);
    expect(p.workers).toBe(2);
    const t0 = performance.now();
    await Promise.all([p.read(GOOD), p.read(GOOD)]);
    expect(performance.now() - t0).toBeLessThan(250); // no worker to start
    expect(p.workers).toBe(2);
  });

  it('terminates a worker that passes the time limit, while the event loop stays free', async () => {
    const p = pool({ entry: HANG, timeoutMs: 300 });
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const t0 = performance.now();
    const e = await refusal(p.read(GOOD));
    const took = performance.now() - t0;
    loop.disable();
    expect(e).toMatchObject({ code: 'unprocessable', message: PDF_READ_MESSAGES.timeout });
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(3000); // the limit, plus starting the worker
    expect(loop.max / 1e6).toBeLessThan(100);
    expect(p.workers).toBe(0);
  });

  it('refuses a PDF whose reading exhausts the worker’s heap', async () => {
    const p = pool({ entry: HOG, timeoutMs: 30_000 });
    const e = await refusal(p.read(GOOD));
    expect(e).toMatchObject({ code: 'unprocessable', message: PDF_READ_MESSAGES.out_of_memory });
    expect(p.workers).toBe(0);
  });

  it('turns reads away beyond its workers and queue, and fails waiting reads on close', async () => {
    const p = pool({ entry: HANG, timeoutMs: 1000, queue: 1 });
    const running = refusal(p.read(GOOD));
    const queued = refusal(p.read(GOOD));
    const t0 = performance.now();
    const turned = await refusal(p.read(GOOD));
    expect(turned.code).toBe('unavailable');
    expect(performance.now() - t0).toBeLessThan(100);
    expect((await running).message).toBe(PDF_READ_MESSAGES.timeout);
    expect((await queued).message).toBe(PDF_READ_MESSAGES.timeout);

    const q = pool({ entry: HANG, timeoutMs: 10_000, queue: 4 });
    const busy = refusal(q.read(GOOD));
    const waiting = refusal(q.read(GOOD));
    await new Promise((r) => setTimeout(r, 200)); // the first read has its worker
    const t1 = performance.now();
    await q.close();
    expect((await waiting).code).toBe('unavailable');
    expect((await busy).code).toBe('unavailable');
    expect(performance.now() - t1).toBeLessThan(1000);
    expect(q.workers).toBe(0);
    expect((await refusal(q.read(GOOD))).code).toBe('unavailable');
  });
});
