// Bulk-import benchmark (issue #4): 100,000 eCOAs of all nine metals in one Excel file with 1 % bad
// rows, imported through the same service as `assay import` / POST /api/v1/imports, on file-backed
// PGlite and durable PostgreSQL. Prints the pre-scan, the import rate, the re-import (a no-op) and
// the audit, beside one core's raw Ed25519 signing rate, and checks the bad rows were exactly the
// rejected ones.
// Run: node --import tsx bench/import-100k.ts
//   BENCH_ENGINES=pglite,postgres  BENCH_CERTIFICATES=100000  BENCH_FORMAT=xlsx|csv|ndjson
//   BENCH_MAX_BUNDLES=1 (bundle rows per certificate; unset = realistic 4–50)  BENCH_BAD=0.01
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createImport, jobErrors, runImport } from '../src/imports/service.ts';
import { runAudit } from '../src/app/trust-registry.ts';
import type { Engine } from '../src/platform/db.ts';
import { generateFile } from './generate-certificates.ts';
import { IMPORT_BRANDS, importWorld } from './lib/import-world.ts';
import { ENGINES, startEngine } from './lib/engines.ts';
import { fmtInt, fmtRatio, loadNote, machineNote, rawEd25519SignRate, table } from './lib/measure.ts';

const N = Number(process.env.BENCH_CERTIFICATES ?? 100_000);
const FORMAT = process.env.BENCH_FORMAT ?? 'xlsx';
const MAX_BUNDLES = process.env.BENCH_MAX_BUNDLES === '' ? undefined : Number(process.env.BENCH_MAX_BUNDLES ?? 1);
const BAD = Number(process.env.BENCH_BAD ?? 0.01);
const engines = (process.env.BENCH_ENGINES?.split(',') ?? ENGINES) as Engine[];

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-import-'));
  process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
  const file = path.join(work, `ecoas.${FORMAT}`);
  let t = Date.now();
  const gen = await generateFile(file, { brands: IMPORT_BRANDS, certificates: N, badShare: BAD, seed: 1, ...(MAX_BUNDLES ? { maxBundles: MAX_BUNDLES } : {}) });
  const bytes = fs.statSync(file).size;
  console.log(`Generated ${fmtInt(gen.certificates)} certificates in ${fmtInt(gen.rows)} rows (${FORMAT}, ${(bytes / 1e6).toFixed(1)} MB, ${gen.bad.length} bad) in ${seconds(Date.now() - t)} s`);
  const ed25519 = rawEd25519SignRate();
  const rows: string[][] = [];

  for (const engine of engines) {
    const handle = await startEngine(engine);
    const db = await handle.open();
    try {
      const { ctx, producerId, actor } = await importWorld(db, path.join(work, engine), { ASSAY_IMPORT_MAX_BYTES: String(4 * 1024 ** 3) });

      t = Date.now();
      const created = await createImport(ctx, actor, producerId, { path: file, filename: path.basename(file), owned: false });
      const scanMs = Date.now() - t;
      t = Date.now();
      let lastPrint = 0;
      const job = await runImport(ctx, created.job.id, {
        onProgress: (j) => {
          if (Date.now() - lastPrint > 10_000) {
            lastPrint = Date.now();
            console.log(`  [${engine}] ${fmtInt(j.records.done)}/${fmtInt(j.records.total)} · ${fmtInt(j.rate ?? 0)}/s`);
          }
        },
      });
      const importMs = Date.now() - t;
      const errorRows = new Set<number>();
      for await (const e of jobErrors(ctx, job.id)) errorRows.add(e.row);
      const exact = [...errorRows].sort((a, b) => a - b).join() === gen.bad.map((b) => b.row).join();

      t = Date.now();
      const again = await createImport(ctx, actor, producerId, { path: file, filename: path.basename(file), owned: false });
      const againMs = Date.now() - t;
      t = Date.now();
      const audit = await runAudit(ctx);
      const auditMs = Date.now() - t;
      const perSecond = (N / importMs) * 1000;
      rows.push([
        engine,
        fmtInt(N),
        fmtInt(gen.rows),
        seconds(scanMs),
        seconds(importMs),
        fmtInt(perSecond),
        `${fmtInt(job.records.accepted)}/${fmtInt(job.records.rejected)}`,
        exact ? 'exact' : 'MISMATCH',
        `${again.duplicate ? 'no-op' : 'CHANGED'} ${seconds(againMs)} s`,
        `${audit.findings.length} in ${seconds(auditMs)} s`,
        fmtRatio(perSecond / ed25519),
      ]);
      console.log(`  [${engine}] done: ${fmtInt(perSecond)} certificates/s`);
    } finally {
      await db.close();
      handle.stop();
    }
  }

  console.log('');
  console.log(
    table(
      ['engine', 'certificates', 'rows', 'pre-scan s', 'import s', 'certs/s', 'accepted/rejected', 'bad rows', 're-import', 'audit findings', 'vs raw Ed25519'],
      rows,
    ),
  );
  console.log('');
  console.log(`Raw Ed25519 sign rate, one core: ${fmtInt(ed25519)}/s. The import is one process: parsing, rules, signing and SQL share a core with the database (PGlite) or beside it (PostgreSQL).`);
  console.log(`Machine: ${machineNote()}; ${loadNote()}.`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
