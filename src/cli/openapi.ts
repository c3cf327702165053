import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { createContext } from '../app/context.ts';
import { prepareDatabase } from '../app/database.ts';
import { buildServer } from '../app/server.ts';
import { loadConfig } from '../platform/config.ts';
import { openPglite } from '../platform/db.ts';
import { CliError, oneLine, print } from './common.ts';

export function registerOpenApi(program: Command): void {
  program
    .command('openapi')
    .description('write the OpenAPI 3.1 document of the HTTP API (built on a throwaway in-memory database)')
    .requiredOption('--out <file>', 'where to write the JSON, e.g. docs/openapi.json')
    .action(async (opts: { out: string }) => {
      // A fixed configuration (only the public URL may come from the environment) so the document
      // does not change with whoever regenerates it.
      let c;
      try {
        // A throwaway master key: nothing is signed, and no key file is written.
        c = loadConfig({
          LOG_LEVEL: 'silent',
          ASSAY_PUBLIC_URL: process.env.ASSAY_PUBLIC_URL,
          ASSAY_MASTER_KEY: randomBytes(32).toString('base64'),
        });
      } catch (e) {
        throw new CliError(oneLine((e as Error).message));
      }
      const db = await openPglite(undefined);
      try {
        await prepareDatabase(db);
        const app = await buildServer(await createContext(c, db));
        await app.ready();
        const doc = app.swagger();
        await app.close();
        const out = path.resolve(opts.out);
        try {
          fs.mkdirSync(path.dirname(out), { recursive: true });
          fs.writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
        } catch (e) {
          throw new CliError(`Cannot write ${out}: ${(e as Error).message}`);
        }
        const paths = Object.keys((doc as { paths?: object }).paths ?? {}).length;
        const shown = path.relative(process.cwd(), out);
        print(
          `Wrote ${shown && !shown.startsWith('..') ? shown : out} (OpenAPI ${String((doc as { openapi?: string }).openapi)}, ${paths} paths)`,
        );
      } finally {
        await db.close();
      }
    });
}
