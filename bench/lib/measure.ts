// Timing helpers: bounded loops (a fixed time and a maximum count), percentiles, the machine's raw
// crypto limits, and plain-text tables.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

export interface LoopResult {
  /** Operations completed. */
  n: number;
  seconds: number;
  perSecond: number;
  /** Per-operation latencies in ms (only when asked for). */
  latencies: number[];
}

/**
 * Runs `op` sequentially until `ms` have passed or `max` operations are done, whichever comes first.
 * With `concurrency` > 1, that many loops run side by side (sharing the same budget). `yieldEachOp`
 * gives the event loop a turn between operations (outside the timed latency).
 */
export async function timedLoop(
  op: (i: number) => Promise<unknown>,
  opts: { ms: number; max: number; concurrency?: number; latencies?: boolean; yieldEachOp?: boolean },
): Promise<LoopResult> {
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + opts.ms;
  let issued = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (issued < opts.max && performance.now() < deadline) {
      const i = issued++;
      const t = performance.now();
      await op(i);
      if (opts.latencies) latencies.push(performance.now() - t);
      done++;
      // PGlite answers through microtasks only, so a tight loop over it never lets timers run
      // (setInterval-driven work such as the checkpointer would starve); yield a macrotask turn.
      if (opts.yieldEachOp) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 1 }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { n: done, seconds, perSecond: done / seconds, latencies };
}

/** The same for synchronous work (no event-loop turn between operations). */
export function timedSyncLoop(op: () => void, opts: { ms: number; max: number }): LoopResult {
  const start = performance.now();
  const deadline = start + opts.ms;
  let n = 0;
  // Check the clock every 64 operations so the clock read does not dominate tiny operations.
  while (n < opts.max) {
    op();
    n++;
    if ((n & 63) === 0 && performance.now() >= deadline) break;
  }
  const seconds = (performance.now() - start) / 1000;
  return { n, seconds, perSecond: n / seconds, latencies: [] };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** SHA-256 of 200-byte messages, one core, for `ms`. */
export function rawSha256Rate(ms = 1000): number {
  const msg = randomBytes(200);
  return timedSyncLoop(() => createHash('sha256').update(msg).digest(), { ms, max: 50_000_000 }).perSecond;
}

/** Ed25519 signatures (node:crypto sign with a KeyObject) over 200-byte messages, one core, for `ms`. */
export function rawEd25519SignRate(ms = 1500): number {
  const { privateKey } = generateKeyPairSync('ed25519');
  const msg = randomBytes(200);
  return timedSyncLoop(() => sign(null, msg, privateKey), { ms, max: 10_000_000 }).perSecond;
}

export const fmtInt = (n: number): string =>
  Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
export const fmtMs = (n: number): string =>
  Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–';
export const fmtRatio = (n: number): string =>
  Number.isFinite(n) ? (n >= 0.1 ? n.toFixed(2) : n.toPrecision(2)) : '–';

/** A Markdown table (readable as plain text too), columns padded. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** This machine's cores: a CPU-per-item figure spread over all of them gives its ceiling. */
export const CORES = os.cpus().length;

/**
 * The most items per second a measured CPU cost per item (µs, every thread plus the database
 * server) allows with every core busy and nothing idle: no threading of the same work beats it.
 */
export const coreCeiling = (cpuUsPerItem: number): number => (CORES * 1e6) / cpuUsPerItem;

/** 1-minute load average: other processes on the machine skew absolute figures, not the ratios. */
export const loadNote = (): string => `load average (1 min) ${os.loadavg()[0]!.toFixed(2)} on ${CORES} cores`;

/** CPU time (ms, user + system) of every thread of this process, worker threads included. */
export const ownCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function machineNote(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

/**
 * CPU time (ms, user + system) of a process and all its live descendants, plus what its reaped
 * children used (Linux /proc). For PostgreSQL's postmaster: the whole server's CPU.
 */
export function processTreeCpuMs(rootPid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const stats = new Map<number, { ppid: number; own: number; reaped: number }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let text: string;
    try {
      text = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command (which may contain spaces) start at state: field 3.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    stats.set(Number(name), { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) });
  }
  let ticks = 0;
  const visit = (pid: number, self: boolean): void => {
    const s = stats.get(pid);
    if (!s) return;
    ticks += s.own + (self ? s.reaped : 0);
    for (const [child, c] of stats) if (c.ppid === pid) visit(child, false);
  };
  visit(rootPid, true);
  return ticks * tick;
}
