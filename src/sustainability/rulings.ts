import type { Queryable } from '../platform/db.ts';
import { listCompliance } from './sourcing-repo.ts';

// What other modules may ask of responsible sourcing: the exchange's latest ruling on a brand (a
// warehouse may not warrant metal of a brand ruled non-compliant).

export async function latestRuling(q: Queryable, brandId: string): Promise<{ status: 'compliant' | 'non_compliant'; reason: string; effectiveDate: string } | null> {
  const last = (await listCompliance(q, brandId)).at(-1);
  return last ? { status: last.status, reason: last.reason, effectiveDate: last.effective_date } : null;
}
