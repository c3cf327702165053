import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../platform/db.ts';
import type { ContractSpec, MetalCode } from './spec-types.ts';

export const REFERENCE_SPECS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../reference/contract-specs.json',
);

export function readReferenceSpecs(file = REFERENCE_SPECS_FILE): ContractSpec[] {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ContractSpec[];
}

/**
 * Loads the exchange's published contract specs (reference/contract-specs.json) into the
 * `contract_specs` table. Versions already present are left alone: the table, not the file, is the
 * record once a version exists, and new versions arrive through the API.
 */
export async function loadReferenceSpecs(q: Queryable, specs = readReferenceSpecs()): Promise<number> {
  let inserted = 0;
  for (const s of specs) {
    const r = await q.query(
      `INSERT INTO contract_specs (metal, version, effective_from, spec) VALUES ($1, $2, $3, $4)
       ON CONFLICT (metal, version) DO NOTHING`,
      [s.metal, s.version, s.effectiveFrom, JSON.stringify(s)],
    );
    inserted += r.rowCount;
  }
  return inserted;
}

export async function listSpecs(q: Queryable, metal?: MetalCode): Promise<ContractSpec[]> {
  const r = await q.query<{ spec: ContractSpec }>(
    `SELECT spec FROM contract_specs ${metal ? 'WHERE metal = $1' : ''} ORDER BY metal, version`,
    metal ? [metal] : [],
  );
  return r.rows.map((x) => x.spec);
}

export async function insertSpec(q: Queryable, spec: ContractSpec, userId: string | null): Promise<void> {
  await q.query(
    `INSERT INTO contract_specs (metal, version, effective_from, spec, created_by) VALUES ($1, $2, $3, $4, $5)`,
    [spec.metal, spec.version, spec.effectiveFrom, JSON.stringify(spec), userId],
  );
}
