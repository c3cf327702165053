import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('security configuration', () => {
  it('has defaults that throttle within the first 10 failures and limit requests per address', () => {
    const c = loadConfig({});
    expect(c.signInThrottle.account).toEqual({ freeFailures: 3, lockFailures: 10 });
    expect(c.signInThrottle.lockMs).toBe(900_000);
    expect(c.rateLimit).toEqual({ max: 1200, windowMs: 60_000, signInMax: 30 });
    expect(c.trustProxy).toBe(false);
    expect(c.hsts).toBe(false);
    expect(loadConfig({ ASSAY_PUBLIC_URL: 'https://assay.example' }).hsts).toBe(true);
  });

  it('reads the proxies to trust and refuses inconsistent numbers by name', () => {
    expect(loadConfig({ ASSAY_TRUST_PROXY: '10.0.0.0/8, 192.0.2.1' }).trustProxy).toEqual(['10.0.0.0/8', '192.0.2.1']);
    expect(loadConfig({ ASSAY_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => loadConfig({ ASSAY_TRUST_PROXY: 'my-proxy' })).toThrow(/ASSAY_TRUST_PROXY/);
    expect(() => loadConfig({ ASSAY_SIGNIN_ACCOUNT_FREE_FAILURES: '10' })).toThrow(
      /ASSAY_SIGNIN_ACCOUNT_FREE_FAILURES must be below ASSAY_SIGNIN_ACCOUNT_LOCK_FAILURES/,
    );
    expect(() => loadConfig({ ASSAY_RATE_LIMIT_MAX: '-1' })).toThrow(/ASSAY_RATE_LIMIT_MAX/);
  });
});
