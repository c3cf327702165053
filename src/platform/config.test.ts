import { describe, expect, it } from 'vitest';
import { embeddedDatabaseWarning, isLoopbackHost, loadConfig } from './config.ts';

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

describe('the embedded-database warning of `assay serve`', () => {
  it('knows loopback addresses from the rest', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', 'app.localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'assay.example', '::ffff:10.0.0.1', '128.0.0.1'])
      expect(isLoopbackHost(h), h).toBe(false);
  });

  it('warns on PGlite bound beyond loopback or with NODE_ENV=production, never on PostgreSQL', () => {
    const warn = (env: Record<string, string>) => embeddedDatabaseWarning(loadConfig(env));
    expect(warn({})).toBeUndefined();
    expect(warn({ HOST: 'localhost', NODE_ENV: 'development' })).toBeUndefined();
    const open = warn({ HOST: '0.0.0.0' });
    expect(open).toMatch(/^WARNING: running on the embedded PGlite database listening on 0\.0\.0\.0, reachable from other machines\./);
    expect(open).toMatch(/power loss or operating-system crash can lose recent writes/);
    expect(open).toMatch(/set DATABASE_URL/);
    expect(warn({ NODE_ENV: 'production' })).toMatch(/PGlite database with NODE_ENV=production\./);
    expect(warn({ NODE_ENV: 'production', HOST: '10.1.2.3' })).toMatch(/listening on 10\.1\.2\.3, reachable from other machines and with NODE_ENV=production/);
    expect(warn({ NODE_ENV: 'production', HOST: '0.0.0.0', DATABASE_URL: 'postgres://a@db/assay' })).toBeUndefined();
  });
});
