import { readCaches } from '../platform/cache.ts';
import type { AppContext } from '../platform/context.ts';
import type { Authenticated } from './principal.ts';

// Verified principals (sessions and API keys), kept briefly in the process's read-cache budget
// (platform/cache.ts) so a request does not look its credential up again. Correct across processes
// that share one database: every entry is filed under the principal epoch read in the same request
// (migrations/0014_cache_versions.sql), which any revocation, sign-out, user disable or change of
// role, scopes or organisation kind bumps by trigger in its own transaction. A request reads the
// epoch first and looks only under it, so after such a commit, in whatever process or tool, the
// next request anywhere misses and reads the database. Entries under older epochs are never read
// again and age out of the LRU. An entry stored by a load that began before a bump is filed under
// the older epoch, so it cannot outlive the bump either.

/** How often a cached API key's last_used_at is written (the SQL also skips rows touched within a minute). */
export const TOUCH_EVERY_MS = 60_000;

interface Entry {
  principal: Authenticated;
  /** A session's expiry (ms since the epoch, by ctx.now()); Infinity for a key. */
  expiresAt: number;
}

export const principalCacheOn = (ctx: AppContext): boolean => ctx.config.cache.principalTtlMs > 0 && ctx.config.cache.maxBytes > 0;

const slotKey = (epoch: number, credential: string): string => `principal:${epoch}:${credential}`;

/** The cached principal for this credential (a token's or key's SHA-256, prefixed by kind) under `epoch`. */
export function cachedPrincipal(ctx: AppContext, epoch: number, credential: string): Authenticated | undefined {
  const c = readCaches(ctx);
  const e = c.lru.get<Entry>(slotKey(epoch, credential));
  if (e && e.expiresAt > ctx.now().getTime()) {
    c.requests.inc({ cache: 'principal', result: 'hit' });
    return e.principal;
  }
  c.requests.inc({ cache: 'principal', result: 'miss' });
  return undefined;
}

/** Keeps a principal verified from the database after reading `epoch`, for ASSAY_PRINCIPAL_CACHE_MS. */
export function keepPrincipal(ctx: AppContext, epoch: number, credential: string, principal: Authenticated, expiresAt = Infinity): void {
  const key = slotKey(epoch, credential);
  const bytes = JSON.stringify(principal).length * 2 + key.length * 2 + 128;
  readCaches(ctx).lru.set(key, { principal, expiresAt } satisfies Entry, bytes, ctx.config.cache.principalTtlMs);
}

/**
 * True when this process has not written the key's last_used_at for a minute, and notes that it
 * does now: a busy cached key costs one write a minute per process, not one per request.
 */
export function dueForTouch(ctx: AppContext, keyId: string): boolean {
  const c = readCaches(ctx);
  let touched = c.slots.get('apiKeyTouched') as Map<string, number> | undefined;
  if (!touched || touched.size > 10_000) {
    touched = new Map();
    c.slots.set('apiKeyTouched', touched);
  }
  const now = Date.now();
  const last = touched.get(keyId);
  if (last !== undefined && now - last < TOUCH_EVERY_MS) return false;
  touched.set(keyId, now);
  return true;
}
