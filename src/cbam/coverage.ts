import type { Queryable } from '../platform/db.ts';
import { cbamPeriods } from './report-repo.ts';

// What other modules may ask of CBAM: which calendar years a brand's reports cover (a warehouse
// warranting aluminium needs a report covering the metal's production year).

/** Every calendar year an annual or daily report of the brand covers, in part or whole. */
export async function cbamYearsCovered(q: Queryable, brandId: string): Promise<Set<number>> {
  const years = new Set<number>();
  for (const p of await cbamPeriods(q, brandId)) {
    for (let y = Number(p.periodStart.slice(0, 4)); y <= Number(p.periodEnd.slice(0, 4)); y++) years.add(y);
  }
  return years;
}
