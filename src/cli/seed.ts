import type { Command } from 'commander';
import { DEFAULT_DEMO_CERTIFICATES, hasOrganisations } from '../app/demo-world.ts';
import { CliError, parseCount, withContext } from './common.ts';
import { printDemoLogins, seedWithProgress } from './demo.ts';

export function registerSeed(program: Command): void {
  const seed = program.command('seed').description('fill an empty database with sample data');
  seed
    .command('demo')
    .description(
      'seed the demo world: an exchange, producers of all nine metals, warehouses, traders, a lender, an end user, an auditor and their eCOAs',
    )
    .option('--certificates <n>', 'how many certificates to issue', String(DEFAULT_DEMO_CERTIFICATES))
    .action(async (opts: { certificates: string }) => {
      const certificates = parseCount(opts.certificates, '--certificates', 1_000_000);
      await withContext(async (ctx) => {
        if (await hasOrganisations(ctx.db)) {
          throw new CliError(
            'The database already holds organisations; the demo world is only seeded into an empty database',
          );
        }
        const aborter = new AbortController();
        const onSignal = (): void => aborter.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          const summary = await seedWithProgress(ctx, certificates, aborter.signal);
          printDemoLogins(summary.logins);
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      });
    });
}
