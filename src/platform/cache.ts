import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppContext } from './context.ts';
import type { Db } from './db.ts';

// Per-process read caches under one byte budget (least recently used out first), and the
// Prometheus registry that counts their hits and misses and times every HTTP request. One set per
// database handle: two app instances on two pools (or two processes) have separate caches, which
// is what operators get when they scale out, so nothing here may be trusted across a write that
// another process could make unless its key changes with that write (see trust/read-cache.ts).

export type CacheName = 'tile' | 'checkpoint' | 'proof' | 'status_list' | 'verification' | 'principal';

interface Slot {
  value: unknown;
  bytes: number;
  expiresAt: number;
}

/** A byte-bounded LRU map. Values are treated as immutable by everyone who reads them. */
export class ByteLru {
  private readonly map = new Map<string, Slot>();
  private used = 0;
  constructor(readonly maxBytes: number) {}

  get<T>(key: string, now = Date.now()): T | undefined {
    const slot = this.map.get(key);
    if (!slot) return undefined;
    if (slot.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last.
    this.map.delete(key);
    this.map.set(key, slot);
    return slot.value as T;
  }

  set(key: string, value: unknown, bytes: number, ttlMs = Infinity, now = Date.now()): void {
    this.delete(key);
    if (bytes > this.maxBytes) return; // larger than the whole budget: not kept
    this.map.set(key, { value, bytes, expiresAt: now + ttlMs });
    this.used += bytes;
    for (const [k] of this.map) {
      if (this.used <= this.maxBytes) break;
      this.delete(k);
    }
  }

  delete(key: string): void {
    const slot = this.map.get(key);
    if (!slot) return;
    this.map.delete(key);
    this.used -= slot.bytes;
  }

  /** Drops every key starting with `prefix`. */
  deletePrefix(prefix: string): void {
    for (const k of [...this.map.keys()]) if (k.startsWith(prefix)) this.delete(k);
  }

  get bytesUsed(): number {
    return this.used;
  }

  get size(): number {
    return this.map.size;
  }
}

export interface ReadCaches {
  lru: ByteLru;
  registry: Registry;
  requests: Counter<'cache' | 'result'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Whatever a module keeps beside the LRU (e.g. the checkpoint state), by name. */
  slots: Map<string, unknown>;
}

const byDb = new WeakMap<Db, ReadCaches>();

function create(maxBytes: number): ReadCaches {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'assay_' });
  const requests = new Counter({
    name: 'assay_cache_requests_total',
    help: 'Read-cache look-ups by cache and result (hit or miss)',
    labelNames: ['cache', 'result'] as const,
    registers: [registry],
  });
  const lru = new ByteLru(maxBytes);
  new Gauge({
    name: 'assay_cache_bytes',
    help: 'Bytes held by the read caches (bounded by ASSAY_CACHE_MAX_MB)',
    registers: [registry],
    collect() {
      this.set(lru.bytesUsed);
    },
  });
  new Gauge({
    name: 'assay_cache_budget_bytes',
    help: 'The read caches’ byte budget (ASSAY_CACHE_MAX_MB)',
    registers: [registry],
    collect() {
      this.set(lru.maxBytes);
    },
  });
  const httpDuration = new Histogram({
    name: 'assay_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { lru, registry, requests, httpDuration, slots: new Map() };
}

/** The caches and metrics of the process's connection to this database. */
export function readCaches(ctx: Pick<AppContext, 'db' | 'config'>): ReadCaches {
  let c = byDb.get(ctx.db);
  if (!c) {
    c = create(ctx.config.cache.maxBytes);
    byDb.set(ctx.db, c);
  }
  return c;
}

/**
 * The value under `key` in cache `name`, computed by `load` on a miss and kept (`bytes` of it
 * counted against the budget) for `ttlMs`. Concurrent misses may each load; the last one is kept.
 */
export async function cached<T>(
  ctx: Pick<AppContext, 'db' | 'config'>,
  name: CacheName,
  key: string,
  load: () => Promise<T>,
  size: (v: T) => number,
  ttlMs = Infinity,
): Promise<T> {
  const c = readCaches(ctx);
  const full = `${name}:${key}`;
  const hit = c.lru.get<T>(full);
  if (hit !== undefined) {
    c.requests.inc({ cache: name, result: 'hit' });
    return hit;
  }
  c.requests.inc({ cache: name, result: 'miss' });
  const v = await load();
  c.lru.set(full, v, size(v) + full.length * 2 + 64, ttlMs);
  return v;
}

/** Approximate bytes of a JSON-like value (strings as UTF-16). */
export const jsonBytes = (v: unknown): number => JSON.stringify(v).length * 2;
