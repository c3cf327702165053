import type { Db } from '../platform/db.ts';
import { migrate } from '../platform/migrate.ts';
import { loadReferenceSpecs } from '../metals/repo.ts';

/** Schema migrations, then the reference data tables the exchange maintains (idempotent). */
export async function prepareDatabase(db: Db): Promise<void> {
  await migrate(db);
  await loadReferenceSpecs(db);
}
