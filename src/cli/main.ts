import { Command, CommanderError } from 'commander';
import { API_VERSION } from '../app/server.ts';
import { registerApiKeys } from './apikeys.ts';
import { describeError } from './common.ts';
import { registerImport } from './import.ts';
import { registerMigrate } from './migrate.ts';
import { registerOpenApi } from './openapi.ts';
import { registerPrompts } from './prompts.ts';
import { registerSeed } from './seed.ts';
import { registerServe } from './serve.ts';
import { registerTrust } from './trust.ts';
import { registerWitness } from './witness.ts';
import { registerUsers } from './users.ts';

// The `assay` command. Configuration comes from the environment (see .env.example), as for the server.

export function buildProgram(): Command {
  const program = new Command()
    .name('assay')
    .description('Assay: an open, verifiable register of exchange-deliverable metal')
    .version(API_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerServe(program);
  registerMigrate(program);
  registerSeed(program);
  registerImport(program);
  registerUsers(program);
  registerApiKeys(program);
  registerOpenApi(program);
  registerTrust(program);
  registerWitness(program);
  registerPrompts(program);
  return program;
}

/** Runs the command line; sets the exit code, prints expected failures as one line on stderr. */
export async function run(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has already printed its message (or the help/version text).
      process.exitCode = e.exitCode;
      return;
    }
    const { text, expected } = describeError(e);
    process.stderr.write(`assay: ${expected ? text : `unexpected error: ${text}`}\n`);
    process.exitCode = (e as { exitCode?: number }).exitCode ?? 1;
  }
}
