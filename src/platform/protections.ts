import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { addressKey, inWords } from '../access/throttle.ts';
import { AppError } from './errors.ts';
import type { App } from './http.ts';

// What every response carries for browsers, and how many requests one client may make. Both are
// registered before any route, so the 404s, refusals and errors get them too.

/**
 * The Content-Security-Policy of every response (routes that serve untrusted files set a stricter
 * one). Scripts come only from our own files: the built web app has no inline script, Swagger UI
 * neither. Styles allow 'unsafe-inline' because Mantine writes its theme's CSS variables into
 * <style> elements at run time (without it Chromium refuses them on every page); injected CSS
 * cannot run script, and a per-request nonce would mean rewriting index.html on every request.
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'none'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Swagger UI draws its icons as data: images.
    'img-src': ["'self'", 'data:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'worker-src': ["'self'"],
    // Over plain http (a laptop, the tests) upgrading would break every same-origin request.
    'upgrade-insecure-requests': https ? [] : null,
  };
}

/** Features no page of ours uses, turned off so injected or framed content cannot ask for them. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

export interface ProtectionOptions {
  /** The public URL is https: send HSTS and upgrade-insecure-requests. */
  https: boolean;
  /**
   * Requests per client address per window (max 0: no global limit); signInMax is the lower limit
   * of the routes that hash a password (0: none of their own).
   */
  rateLimit: { max: number; windowMs: number; signInMax: number };
}

export async function registerProtections(app: App, opts: ProtectionOptions): Promise<void> {
  // helmet's middleware is built once here: @fastify/helmet rebuilt it (parsing every option and the
  // whole CSP) on every request, the largest cost of a cached read in the issue #20 profile.
  const browserHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(opts.https) },
    // Verification links (/v/…) and invitation pages should not tell other sites where people were.
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    hsts: opts.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Off by default in helmet 8; cross-origin isolation is not needed and would block nothing of ours.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
    browserHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });

  if (opts.rateLimit.max > 0 || opts.rateLimit.signInMax > 0) {
    await app.register(rateLimit, {
      // Not global when only the costly routes are limited: those name their own limit.
      global: opts.rateLimit.max > 0,
      max: opts.rateLimit.max || opts.rateLimit.signInMax,
      timeWindow: opts.rateLimit.windowMs,
      // Before authentication and validation, so a flood costs no database work.
      hook: 'onRequest',
      keyGenerator: (req: FastifyRequest) => addressKey(req.ip),
      errorResponseBuilder: (_req, c) => tooManyRequests(c.ttl),
    });
  }
}

/** The rate limit's refusal, in our one error shape (the plugin has set Retry-After already). */
export function tooManyRequests(ttlMs: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
  const message = `Too many requests from your network address: wait ${inWords(ttlMs)} before trying again`;
  return new AppError('too_many_requests', message, [{ code: 'rate_limited', message, retryAfterSeconds }], { retryAfterSeconds });
}

/**
 * A route's own, lower limit (sign-in and invitation acceptance each hash a password, which is
 * expensive on purpose); undefined when limits are off, so the route uses none.
 */
export const costlyRouteLimit = (limits: { signInMax: number; windowMs: number }): { max: number; timeWindow: number } | undefined =>
  limits.signInMax > 0 ? { max: limits.signInMax, timeWindow: limits.windowMs } : undefined;
