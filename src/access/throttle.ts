import net from 'node:net';
import type { SignInThrottle, ThrottleThresholds } from '../platform/config.ts';

// Failed sign-ins and API-key attempts: the pure rules. A subject (an email as typed, an API key
// prefix, a client address) has a count of failures and the time of the last one. Past its free
// failures each further attempt waits, doubling from the base up to the maximum; at the lock count
// it waits the lock length. A failure is forgotten after the window, and an expired lock starts
// the count afresh. Storage is access/repo.ts (table auth_throttle); the flow is access/service.ts.

export type ThrottleScope = 'email' | 'api_key' | 'address';

export interface ThrottleKey {
  scope: ThrottleScope;
  subject: string;
}

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
}

export const thresholdsFor = (policy: SignInThrottle, scope: ThrottleScope): ThrottleThresholds =>
  scope === 'address' ? policy.address : policy.account;

/** The failures that still count now: none once forgotten (window) or once a lock has run out. */
export function liveFailures(state: ThrottleState | undefined, now: Date, policy: SignInThrottle, t: ThrottleThresholds): number {
  if (!state || state.failures === 0) return 0;
  const since = now.getTime() - state.lastFailureAt.getTime();
  if (since >= policy.windowMs) return 0;
  if (state.failures >= t.lockFailures && since >= policy.lockMs) return 0;
  return state.failures;
}

/** How long the wait is after this many failures (0: none), and whether it is the lock. */
export function delayAfter(failures: number, policy: SignInThrottle, t: ThrottleThresholds): { ms: number; locked: boolean } {
  if (failures >= t.lockFailures) return { ms: policy.lockMs, locked: true };
  if (failures <= t.freeFailures) return { ms: 0, locked: false };
  // 2^(n) overflows to Infinity long before it matters; the cap keeps it finite.
  return { ms: Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** (failures - t.freeFailures - 1)), locked: false };
}

/** How long this subject must still wait before its next attempt (0: it may try now). */
export function waitNow(
  state: ThrottleState | undefined,
  now: Date,
  policy: SignInThrottle,
  t: ThrottleThresholds,
): { ms: number; locked: boolean } {
  const failures = liveFailures(state, now, policy, t);
  if (failures === 0) return { ms: 0, locked: false };
  const d = delayAfter(failures, policy, t);
  const ms = Math.max(0, state!.lastFailureAt.getTime() + d.ms - now.getTime());
  return { ms, locked: d.locked && ms > 0 };
}

/**
 * The address a client is counted under: an IPv4 address as is (IPv4-mapped IPv6 included), an
 * IPv6 address by its /64, since one client usually holds a whole /64 and could otherwise rotate
 * through it.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (net.isIPv4(ip)) return ip;
  if (!net.isIPv6(ip)) return ip.slice(0, 64);
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g || '0', 16) || 0).toString(16))
    .join(':')}::/64`;
}

/** A wait in words for a refusal: "45 seconds", "15 minutes". */
export function inWords(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 120) return `${s} second${s === 1 ? '' : 's'}`;
  const m = Math.ceil(s / 60);
  return `${m} minutes`;
}
