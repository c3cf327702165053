import type { Command } from 'commander';
import { config, describeDatabase, openPrepared, print } from './common.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending schema migrations and load reference data (contract specifications)')
    .action(async () => {
      const c = config();
      const { db, prepared } = await openPrepared(c);
      await db.close();
      print(`Database: ${describeDatabase(c)}`);
      if (prepared.migrations.length) for (const m of prepared.migrations) print(`  applied ${m}`);
      else print('  schema is up to date (no migrations pending)');
      print(
        prepared.specs
          ? `  loaded ${prepared.specs} contract specification version${prepared.specs === 1 ? '' : 's'} from reference/contract-specs.json`
          : '  contract specifications already loaded',
      );
    });
}
