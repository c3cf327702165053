import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Band } from './rules.ts';

// How the exchange cuts and publishes its market reports (reference/market-reports.json), read once
// per process: the time zone a business day closes in, the warrant bands, banding's arrears and the
// off-warrant declaration window. Pure file read; checked when read.

export interface ReportsReference {
  timeZone: string;
  bandingArrearsBusinessDays: number;
  bands: Band[];
  offWarrantDeclarationBusinessDays: number;
}

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../reference/market-reports.json');

let cached: ReportsReference | undefined;

export function reportsReference(): ReportsReference {
  if (cached) return cached;
  const raw = JSON.parse(fs.readFileSync(FILE, 'utf8')) as ReportsReference;
  const problems: string[] = [];
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw.timeZone });
  } catch {
    problems.push(`timeZone ${JSON.stringify(raw.timeZone)} is not a time zone`);
  }
  if (!Number.isInteger(raw.bandingArrearsBusinessDays) || raw.bandingArrearsBusinessDays < 0 || raw.bandingArrearsBusinessDays > 30) {
    problems.push('bandingArrearsBusinessDays must be an integer from 0 to 30');
  }
  if (!Number.isInteger(raw.offWarrantDeclarationBusinessDays) || raw.offWarrantDeclarationBusinessDays < 0 || raw.offWarrantDeclarationBusinessDays > 30) {
    problems.push('offWarrantDeclarationBusinessDays must be an integer from 0 to 30');
  }
  let last = 0;
  for (const b of raw.bands ?? []) {
    if (!Number.isInteger(b.fromPct) || !Number.isInteger(b.toPct) || b.fromPct < last || b.toPct <= b.fromPct || b.toPct > 100) {
      problems.push(`band ${b.code}: bounds must be whole percentages, ascending, within 0–100`);
    }
    last = b.toPct;
  }
  if (!raw.bands?.length) problems.push('bands must not be empty');
  if (problems.length) throw new Error(`reference/market-reports.json: ${problems.join('; ')}`);
  cached = Object.freeze({
    timeZone: raw.timeZone,
    bandingArrearsBusinessDays: raw.bandingArrearsBusinessDays,
    bands: raw.bands.map((b) => ({ code: b.code, fromPct: b.fromPct, toPct: b.toPct })),
    offWarrantDeclarationBusinessDays: raw.offWarrantDeclarationBusinessDays,
  });
  return cached;
}
