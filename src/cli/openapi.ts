import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openApiText } from '../app/openapi.ts';
import { CliError, print } from './common.ts';

export function registerOpenApi(program: Command): void {
  program
    .command('openapi')
    .description('write the OpenAPI 3.1 document of the HTTP API (built on a throwaway in-memory database)')
    .requiredOption('--out <file>', 'where to write the JSON, e.g. docs/openapi.json')
    .action(async (opts: { out: string }) => {
      const text = await openApiText();
      const out = path.resolve(opts.out);
      try {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, text);
      } catch (e) {
        throw new CliError(`Cannot write ${out}: ${(e as Error).message}`);
      }
      const doc = JSON.parse(text) as { openapi: string; paths: object };
      print(`Wrote ${path.relative(process.cwd(), out) || out} (OpenAPI ${doc.openapi}, ${Object.keys(doc.paths).length} paths)`);
    });
}
