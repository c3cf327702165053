import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';

export interface Argon2Params {
  memoryKiB: number;
  timeCost: number;
  parallelism: number;
}

export const hashPassword = (password: string, p: Argon2Params): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: p.memoryKiB, timeCost: p.timeCost, parallelism: p.parallelism });

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the user does not exist, so sign-in takes the same time
// whether or not the email is known.
let decoy: Promise<string> | undefined;
export const decoyHash = (p: Argon2Params): Promise<string> => (decoy ??= hashPassword(randomBytes(16).toString('hex'), p));

/** Opaque bearer tokens (sessions, invitations): 256 random bits; only their SHA-256 is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * API keys look like `assay_<prefix>_<secret>`: the prefix finds the row, the secret's SHA-256 is
 * compared in constant time. Keys are 256-bit random, so a fast hash is enough (no argon2 per request).
 */
export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `assay_${prefix}_${secret}`, prefix, secretHash: tokenHash(secret) };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const m = /^assay_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(key);
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
