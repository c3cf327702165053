import type { Db } from '../platform/db.ts';
import { migrate } from '../platform/migrate.ts';
import { loadReferenceSpecs } from '../metals/specs.ts';
import { loadReferenceSustainability } from '../sustainability/reference-service.ts';
import { loadReferenceCalendar } from '../market/service.ts';
import { loadReferenceNetwork } from '../warehouse/network-service.ts';

export interface Prepared {
  /** Migrations applied by this call, in order (empty when the schema was current). */
  migrations: string[];
  /** Contract-spec versions newly loaded from reference/contract-specs.json. */
  specs: number;
}

/** Schema migrations, then the reference data tables the exchange maintains (idempotent). */
export async function prepareDatabase(db: Db): Promise<Prepared> {
  const migrations = await migrate(db);
  const specs = await loadReferenceSpecs(db);
  await loadReferenceSustainability(db);
  await loadReferenceCalendar(db);
  await loadReferenceNetwork(db);
  return { migrations, specs };
}
