import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';

/** What every service needs: the database, the configuration and a clock (injectable for tests). */
export interface AppContext {
  db: Db;
  config: Readonly<Config>;
  now: () => Date;
}
