import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { createContext, type AppContext } from '../app/context.ts';
import { csvReport, xlsxReport } from '../imports/report.ts';
import type { RowError } from '../imports/records.ts';
import { createImport, dryRunImport, findJob, jobErrors, runImport, type JobView } from '../imports/service.ts';
import { CliError, config, openPrepared, print, resolveOrganisation } from './common.ts';

// `assay import <file> --org <producer>`: bulk eCOA import from CSV, XLSX or NDJSON, run in this
// process with a live progress line. `--resume <id>` finishes a job a dead process left behind;
// `--dry-run` checks the file with the same rules and writes nothing.

interface Options {
  org?: string;
  dryRun?: boolean;
  resume?: string;
  errors?: string;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import eCOAs from a CSV, Excel (.xlsx) or NDJSON file (templates: GET /api/v1/import-templates/{metal})')
    .argument('[file]', 'the file to import')
    .option('--org <producer>', 'the producer organisation (name or id) whose brands the file certifies')
    .option('--dry-run', 'check every row with the issuing rules and report, writing nothing')
    .option('--resume <importId>', 'resume an import that stopped (its file is kept under ASSAY_DATA_DIR/imports)')
    .option('--errors <file>', 'write the error report there (.csv or .xlsx)')
    .action(async (file: string | undefined, opts: Options) => importCommand(file, opts));
}

const fmtInt = (n: number): string => n.toLocaleString('en-US');
function fmtDuration(s: number): string {
  if (!Number.isFinite(s)) return '–';
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function progressLine(j: JobView): string {
  const r = j.records;
  const pct = r.total ? Math.floor((100 * r.done) / r.total) : 100;
  return (
    `import ${j.id.slice(0, 8)}: ${fmtInt(r.done)}/${fmtInt(r.total)} certificates (${pct}%) · ` +
    `${j.rate === null ? '–' : fmtInt(Math.round(j.rate))}/s · ETA ${j.etaSeconds === null ? '–' : fmtDuration(j.etaSeconds)} · ` +
    `${fmtInt(r.accepted)} accepted, ${fmtInt(r.rejected)} rejected, ${fmtInt(r.unchanged)} unchanged`
  );
}

function progressPrinter(): { update: (j: JobView) => void; done: () => void } {
  const tty = process.stdout.isTTY;
  let last = 0;
  let shown = '';
  return {
    update(j) {
      const now = Date.now();
      if (tty && now - last < 200 && j.status === 'running') return;
      last = now;
      shown = progressLine(j);
      if (tty) process.stdout.write(`\r\x1b[K${shown}`);
      else print(shown);
    },
    done() {
      if (tty && shown) process.stdout.write('\n');
    },
  };
}

function printErrors(errors: RowError[], total: number): void {
  if (!errors.length) return;
  print(`First ${errors.length} of ${fmtInt(total)} problems (row, column, reason):`);
  for (const e of errors) {
    const value = e.value === null ? '' : ` ${JSON.stringify(e.value.length > 40 ? e.value.slice(0, 40) + '…' : e.value)}`;
    print(`  row ${e.row}  ${e.column}${value}: ${e.reason}`);
  }
}

async function writeReport(file: string, errors: AsyncIterable<RowError>, title: string): Promise<void> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new CliError('--errors must name a .csv or .xlsx file');
  await pipeline(ext === '.csv' ? csvReport(errors) : xlsxReport(errors, title), fs.createWriteStream(file));
  print(`Error report written to ${file}`);
}

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function firstErrors(ctx: AppContext, id: string, n: number): Promise<RowError[]> {
  const out: RowError[] = [];
  for await (const e of jobErrors(ctx, id)) {
    out.push(e);
    if (out.length >= n) break;
  }
  return out;
}

async function importCommand(file: string | undefined, opts: Options): Promise<void> {
  if (opts.resume && file) throw new CliError('Give either a file or --resume <importId>, not both');
  if (!opts.resume && !file) throw new CliError('Name the file to import (or --resume <importId>)');
  if (file && !opts.org) throw new CliError('Say which producer the file is for: --org <name or id>');
  if (file && !fs.existsSync(file)) throw new CliError(`No file ${file}`);
  if (opts.dryRun && opts.resume) throw new CliError('--dry-run checks a file; it cannot resume a job');

  const c = config();
  const { db } = await openPrepared(c);
  const aborter = new AbortController();
  const onSignal = (): void => aborter.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const ctx = await createContext(c, db);
    let jobId: string;
    if (opts.resume) {
      const job = await findJob(ctx, opts.resume);
      if (!job) throw new CliError(`No import ${opts.resume}`);
      if (job.status === 'completed') {
        print(`Import ${job.id} already completed; nothing to resume.`);
        if (opts.errors) await writeReport(opts.errors, jobErrors(ctx, job.id), `Errors of import ${job.id}`);
        return;
      }
      print(`Resuming import ${job.id} (${job.filename}) after ${fmtInt(job.records_done)} of ${fmtInt(job.records_total)} certificates`);
      jobId = job.id;
    } else {
      const org = await resolveOrganisation(db, opts.org!);
      if (org.kind !== 'producer') throw new CliError(`${org.name} is a ${org.kind}, not a producer; only producers import certificates`);
      const actor = { userId: null, apiKeyId: null, orgId: org.id };
      if (opts.dryRun) {
        const started = Date.now();
        const r = await dryRunImport(ctx, actor, org.id, file!);
        const s = r.records;
        print(
          `Dry run of ${file} (${r.format}) for ${org.name} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${fmtInt(s.records)} certificates in ` +
            `${fmtInt(r.rows)} rows would be ${fmtInt(s.accepted)} accepted, ${fmtInt(s.rejected)} rejected, ${fmtInt(s.unchanged)} unchanged. Nothing was written.`,
        );
        printErrors(s.errors.slice(0, 20), s.errors.length);
        if (opts.errors) await writeReport(opts.errors, fromArray(s.errors), `Dry run of ${path.basename(file!)}`);
        return;
      }
      const created = await createImport(ctx, actor, org.id, { path: file!, filename: path.basename(file!), owned: false });
      print(created.message);
      if (created.duplicate) return;
      jobId = created.job.id;
    }

    const started = Date.now();
    const progress = progressPrinter();
    let job: JobView;
    try {
      job = await runImport(ctx, jobId, { force: Boolean(opts.resume), signal: aborter.signal, onProgress: progress.update });
    } finally {
      progress.done();
    }
    if (job.status !== 'completed') {
      throw new CliError(`Stopped after ${fmtInt(job.records.done)} certificates; resume with: assay import --resume ${job.id}`, 130);
    }
    const r = job.records;
    print(
      `Import ${job.id} completed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${fmtInt(r.total)} certificates in ${fmtInt(job.rows.total)} rows — ` +
        `${fmtInt(r.accepted)} accepted, ${fmtInt(r.rejected)} rejected, ${fmtInt(r.unchanged)} unchanged.`,
    );
    if (job.errors) {
      printErrors(await firstErrors(ctx, job.id, 20), job.errors);
      if (opts.errors) await writeReport(opts.errors, jobErrors(ctx, job.id), `Errors of import ${job.id}`);
      else print(`Full report: assay import --resume ${job.id} --errors report.csv, or GET /api/v1/imports/${job.id}/errors?format=csv`);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await db.close();
  }
}
