import path from 'node:path';
import type { Config } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db.ts';
import { LocalMasterKeyWrapper, loadOrCreateMasterKey, masterKeyFromBase64 } from '../trust/keystore.ts';

export type { AppContext } from '../platform/context.ts';

/** The context of a running process: the master key from the environment or the data directory. */
export async function createContext(config: Readonly<Config>, db: Db, now: () => Date = () => new Date()): Promise<AppContext> {
  const master = config.masterKeyBase64
    ? masterKeyFromBase64(config.masterKeyBase64)
    : await loadOrCreateMasterKey(path.join(config.dataDir, 'master.key'));
  return { db, config, now, keyWrapper: new LocalMasterKeyWrapper(master), signingKeys: new Map() };
}
