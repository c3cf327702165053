import { openPglite } from '../platform/db.ts';
import { loadConfig } from '../platform/config.ts';
import { createContext } from './context.ts';
import { prepareDatabase } from './database.ts';
import { buildServer } from './server.ts';

/**
 * The OpenAPI document as committed in docs/openapi.json: built from the real routes on a
 * throwaway in-memory database with a fixed configuration, so it does not depend on who runs it.
 */
export async function openApiText(): Promise<string> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ASSAY_MASTER_KEY: Buffer.alloc(32).toString('base64') });
  const db = await openPglite(undefined);
  try {
    await prepareDatabase(db);
    const app = await buildServer(await createContext(config, db));
    await app.ready();
    const doc = app.swagger();
    await app.close();
    return JSON.stringify(doc, null, 2) + '\n';
  } finally {
    await db.close();
  }
}
