import { digestOf } from '../trust/canonical.ts';
import type { AuditCheck, TrustRegistry } from '../trust/registry.ts';
import { readReferenceSpecs } from './repo.ts';
import type { ContractSpec } from './spec-types.ts';

// Contract specifications: a version published through the API is logged and must still be what
// was logged; a version loaded from the reference file at start (never logged) must still be the
// file's. Either way the row's indexed columns must agree with the specification it holds.

export const contractSpecCheck: AuditCheck = {
  subjectType: 'contract_spec',
  kinds: ['contract_spec.published'],
  noun: 'contract specification',
  async run(ctx, logged, r) {
    const rows = (
      await ctx.db.query<{ metal: string; version: number; effective_from: string; spec: ContractSpec }>(
        `SELECT metal, version, effective_from, spec FROM contract_specs ORDER BY metal, version`,
      )
    ).rows;
    const reference = new Map(readReferenceSpecs().map((s) => [`${s.metal}/${s.version}`, digestOf(s)]));
    const present = new Set<string>();
    for (const row of rows) {
      present.add(row.metal);
      const what = `contract specification ${row.metal} version ${row.version}`;
      const entry = logged.get(row.metal)?.find((e) => e.version === row.version);
      const digest = digestOf(row.spec);
      if (row.spec.metal !== row.metal || row.spec.version !== row.version || row.spec.effectiveFrom !== row.effective_from) {
        r.find('spec_changed', what, `The ${what}: its columns differ from the specification it holds`);
      } else if (entry ? entry.digest !== digest : reference.get(`${row.metal}/${row.version}`) !== digest) {
        r.find('spec_changed', what, `The ${what} differs from what was ${entry ? 'logged' : 'loaded from the reference data'}`);
      }
    }
    // A logged version that is gone.
    for (const [metal, entries] of logged) {
      for (const e of entries) {
        if (!rows.some((x) => x.metal === metal && x.version === e.version)) {
          r.find('record_missing', `contract specification ${metal} version ${e.version}`, `The contract specification ${metal} version ${e.version} is in the log but no longer in the database`);
        }
      }
    }
    return { checked: rows.length, present };
  },
};

export const metalsTrust: Partial<TrustRegistry> = { checks: [contractSpecCheck] };
