import type { Command } from 'commander';
import { SCOPES, SCOPES_BY_KIND } from '../access/principal.ts';
import * as accessRepo from '../access/operator.ts';
import { addApiKeyAsOperator, liftLock } from '../access/service.ts';
import { CliError, parseList, print, resolveOrganisation, withContext } from './common.ts';

export function registerApiKeys(program: Command): void {
  const apikey = program
    .command('apikey')
    .description('manage API keys (operator access: acts directly on the database)');
  apikey
    .command('create')
    .description('create an API key for an organisation; the key is printed once and only its hash is stored')
    .requiredOption('--org <name|id>', 'organisation, by exact name or id')
    .requiredOption('--name <label>', 'what the key is for, e.g. "LIMS upload"')
    .option('--scopes <list>', `comma-separated: ${SCOPES.join(', ')}`, 'read')
    .action(async (opts: { org: string; name: string; scopes: string }) => {
      const scopes = parseList(opts.scopes, SCOPES, 'scope');
      const label = opts.name.trim();
      if (!label || label.length > 200) throw new CliError('--name must be 1 to 200 characters');
      await withContext(async (ctx) => {
        const org = await resolveOrganisation(ctx.db, opts.org);
        const unfit = scopes.filter((s) => !SCOPES_BY_KIND[org.kind].includes(s));
        if (unfit.length > 0) {
          throw new CliError(`A key of a ${org.kind} cannot carry ${unfit.join(', ')} (available: ${SCOPES_BY_KIND[org.kind].join(', ')})`);
        }
        const { key, apiKey: created } = await addApiKeyAsOperator(ctx, org, { name: label, scopes });
        print(
          `Created API key "${created.name}" for ${org.name} with scopes ${scopes.join(', ')} [id ${created.id}]`,
        );
        print('Key (shown once; store it now):');
        print(`  ${key}`);
        print('Use it as: Authorization: Bearer <key>');
      });
    });
  apikey
    .command('unlock <prefix>')
    .description('lift the lock of an API key after too many failed attempts, by its prefix (the 12 hex digits after assay_)')
    .action(async (prefix: string) => {
      const p = prefix.trim().replace(/^assay_/, '').split('_')[0]!.toLowerCase();
      if (!/^[0-9a-f]{12}$/.test(p)) throw new CliError(`"${prefix}" is not an API key prefix (12 hex digits, as in assay_<prefix>_…)`);
      await withContext(async (ctx) => {
        const key = await accessRepo.findApiKeyByPrefix(ctx.db, p);
        const r = await liftLock(
          ctx,
          { userId: null, apiKeyId: null, orgId: key?.orgId ?? null },
          { apiKeyPrefix: p },
          key ? { type: 'api_key', id: key.id } : { type: 'api_key_prefix', id: p },
        );
        const what = key ? `API key "${key.name}" (${p})` : `prefix ${p} (no key has it)`;
        print(r.wasLocked ? `Unlocked ${what}` : `${what} was not locked${r.failures > 0 ? `; its ${r.failures} recent failure(s) are forgotten` : ''}`);
      });
    });
}
