import type { KeyObject } from 'node:crypto';
import type { Config } from './config.ts';
import type { Db } from './db.ts';

/**
 * Encrypts private keys at rest. The local master-key wrapper (trust/keystore.ts) implements it; a
 * KMS-backed one can replace it. `aad` binds a wrapped key to its key id.
 */
export interface KeyWrapper {
  /** Stable identifier of the wrapping key, stored beside each wrapped key. */
  id: string;
  wrap(plain: Buffer, aad: string): Promise<Buffer>;
  unwrap(wrapped: Buffer, aad: string): Promise<Buffer>;
}

/** What every service needs: the database, the configuration, a clock and the key store. */
export interface AppContext {
  db: Db;
  config: Readonly<Config>;
  now: () => Date;
  keyWrapper: KeyWrapper;
  /** Unwrapped signing keys by kid, so each request does not decrypt again. */
  signingKeys: Map<string, KeyObject>;
  /** Set only while the demo world is seeded: its published password is accepted then, never otherwise. */
  seedingDemo?: boolean;
}
