import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { LocalMasterKeyWrapper, loadOrCreateMasterKey, masterKeyFromBase64, type KeyWrapper } from '../ledger/keystore.ts';

/** What every service needs: the database, the configuration, a clock and the key store. */
export interface AppContext {
  db: Db;
  config: Readonly<Config>;
  now: () => Date;
  /** Encrypts issuer private keys at rest; a KMS-backed wrapper can replace the local one. */
  keyWrapper: KeyWrapper;
  /** Unwrapped signing keys by kid, so each request does not decrypt again. */
  signingKeys: Map<string, KeyObject>;
  /** Set only while the demo world is seeded: its published password is accepted then, never otherwise. */
  seedingDemo?: boolean;
}

export async function createContext(config: Readonly<Config>, db: Db, now: () => Date = () => new Date()): Promise<AppContext> {
  const master = config.masterKeyBase64
    ? masterKeyFromBase64(config.masterKeyBase64)
    : await loadOrCreateMasterKey(path.join(config.dataDir, 'master.key'));
  return { db, config, now, keyWrapper: new LocalMasterKeyWrapper(master), signingKeys: new Map() };
}
