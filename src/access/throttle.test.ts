import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { addressKey, delayAfter, inWords, liveFailures, waitNow } from './throttle.ts';

const policy = loadConfig({}).signInThrottle;
const t = policy.account;
const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);

describe('sign-in throttle rules', () => {
  it('lets the free failures through, then doubles the wait, then locks', () => {
    const schedule = Array.from({ length: 11 }, (_, n) => delayAfter(n, policy, t));
    expect(schedule.map((d) => d.ms)).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 900_000]);
    expect(schedule.map((d) => d.locked)).toEqual([...Array(10).fill(false), true]);
    expect(delayAfter(9, { ...policy, backoffMaxMs: 5000 }, t).ms).toBe(5000);
    expect(delayAfter(200, policy, { freeFailures: 0, lockFailures: 1000 }).ms).toBe(policy.backoffMaxMs);
  });

  it('forgets failures after the window, and starts afresh once a lock has run out', () => {
    expect(liveFailures({ failures: 5, lastFailureAt: at(0) }, at(3599), policy, t)).toBe(5);
    expect(liveFailures({ failures: 5, lastFailureAt: at(0) }, at(3600), policy, t)).toBe(0);
    expect(liveFailures({ failures: 10, lastFailureAt: at(0) }, at(899), policy, t)).toBe(10);
    expect(liveFailures({ failures: 10, lastFailureAt: at(0) }, at(900), policy, t)).toBe(0);
    expect(liveFailures(undefined, at(0), policy, t)).toBe(0);
  });

  it('tells how long is left to wait, and whether it is a lock', () => {
    expect(waitNow({ failures: 5, lastFailureAt: at(0) }, at(1), policy, t)).toEqual({ ms: 1000, locked: false });
    expect(waitNow({ failures: 5, lastFailureAt: at(0) }, at(2), policy, t)).toEqual({ ms: 0, locked: false });
    expect(waitNow({ failures: 10, lastFailureAt: at(0) }, at(60), policy, t)).toEqual({ ms: 840_000, locked: true });
    expect(inWords(840_000)).toBe('14 minutes');
    expect(inWords(1)).toBe('1 second');
    expect(inWords(45_000)).toBe('45 seconds');
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped address as IPv4', () => {
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1')).toBe('fe80:0:0:0::/64');
  });
});
