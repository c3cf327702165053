import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { createContext } from '../app/context.ts';
import { DEFAULT_DEMO_CERTIFICATES, demoLogins, hasOrganisations } from '../app/demo-world.ts';
import { buildServer } from '../app/server.ts';
import { publishCheckpoint, startCheckpointer } from '../trust/checkpoint-service.ts';
import { DOCS_PREFIX } from '../platform/http.ts';
import { embeddedDatabaseWarning } from '../platform/config.ts';
import { CliError, config, describeDatabase, openPrepared, print } from './common.ts';
import { printDemoLogins, seedWithProgress } from './demo.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (PGlite under ASSAY_DATA_DIR by default, PostgreSQL with DATABASE_URL)')
    .option(
      '--demo',
      `seed a demo world (${DEFAULT_DEMO_CERTIFICATES} certificates) first when the database has no organisations`,
    )
    .action(async (opts: { demo?: boolean }) => serve(Boolean(opts.demo)));
}

async function serve(demo: boolean): Promise<void> {
  const c = config();
  print(`Assay: opening ${describeDatabase(c)}`);
  const warning = embeddedDatabaseWarning(c);
  if (warning) process.stderr.write(`${warning}\n`);
  const { db, prepared } = await openPrepared(c);
  if (prepared.migrations.length) print(`  applied migrations: ${prepared.migrations.join(', ')}`);
  let ctx;
  try {
    ctx = await createContext(c, db);
  } catch (e) {
    await db.close();
    throw new CliError(`Cannot load the issuer master key: ${(e as Error).message}`);
  }

  // Ctrl-C while seeding stops between certificates; once serving, it closes the server then the database.
  const seeding = new AbortController();
  let stop: (signal: NodeJS.Signals) => void = () => seeding.abort();
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`assay: ${signal} again, exiting now\n`);
      process.exit(130);
    }
    stopping = true;
    stop(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    if (demo && !(await hasOrganisations(db)))
      await seedWithProgress(ctx, DEFAULT_DEMO_CERTIFICATES, seeding.signal);
    if (stopping) throw new CliError('Stopped before the server started', 130);

    const app = await buildServer(ctx);
    try {
      await app.listen({ host: c.host, port: c.port });
    } catch (e) {
      await app.close().catch(() => undefined);
      const code = (e as { code?: string }).code;
      if (code === 'EADDRINUSE')
        throw new CliError(`Port ${c.port} on ${c.host} is already in use; set PORT to another port`);
      if (code === 'EACCES')
        throw new CliError(`Not allowed to listen on ${c.host}:${c.port}; set PORT above 1023`);
      throw e;
    }

    // Sign a checkpoint on a cadence while entries arrive (and one now, so /log/checkpoint is never empty).
    await publishCheckpoint(ctx);
    const stopCheckpointer = startCheckpointer(ctx, c.checkpointIntervalMs, (e) => app.log.error({ err: e }, 'checkpoint failed'));
    const done = new Promise<void>((resolve) => {
      stop = (signal) => {
        print(`\nAssay: ${signal} received, shutting down…`);
        stopCheckpointer();
        void app
          .close()
          .then(() => db.close())
          .then(
            () => resolve(),
            () => resolve(),
          );
      };
    });
    if (stopping) stop('SIGTERM');

    const addr = app.server.address() as AddressInfo;
    const host = ['0.0.0.0', '::'].includes(addr.address)
      ? 'localhost'
      : addr.family === 'IPv6'
        ? `[${addr.address}]`
        : addr.address;
    const url = `http://${host}:${addr.port}`;
    print('');
    print(`Assay is running at ${url}`);
    print(`  API docs:  ${url}${DOCS_PREFIX}   (OpenAPI: ${url}/openapi.json)`);
    if (c.publicUrl !== url) print(`  public URL (in credentials and QR codes): ${c.publicUrl}`);
    print(`  database:  ${describeDatabase(c)}`);
    const logins = await demoLogins(db);
    if (logins.length) printDemoLogins(logins);
    else if (demo) print('  (the database already held organisations, so no demo world was seeded)');
    print('Press Ctrl-C to stop.');
    await done;
    print('Assay stopped.');
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
