import type { BrandRecord } from '../brands/lookup.ts';
import type { AppContext } from '../platform/context.ts';
import { listDisclosures } from './disclosure-repo.ts';
import { listTracks } from './sourcing-repo.ts';

// What CBAM's premium rule reads of a brand's sustainability: the standards it holds in a period,
// from its producer's public certifications (company-wide, for the brand, or for its plant) and its
// public track-A assessments.

/** Codes among `qualifying` the brand holds at some time between `from` and `to` (dates). */
export async function standardsHeld(ctx: AppContext, brand: BrandRecord, period: { from: string; to: string }, qualifying: ReadonlySet<string>): Promise<string[]> {
  const { from, to } = period;
  const held = new Set<string>();
  const certs = await listDisclosures(ctx.db, { orgIds: [brand.producer.id], kind: 'certification', restrictedVisibleTo: null, limit: 1000 });
  for (const d of certs) {
    const scoped = d.level === 'company' || d.brand_id === brand.id || d.asset_name === brand.plant.name;
    const valid = (!d.valid_from || d.valid_from <= to) && (!d.valid_until || d.valid_until >= from);
    if (scoped && valid && d.standard_code && qualifying.has(d.standard_code)) held.add(d.standard_code);
  }
  for (const t of await listTracks(ctx.db, brand.id)) {
    const code = t.content.standardCode;
    if (t.track === 'A' && !t.restricted && t.effective_from <= to && typeof code === 'string' && qualifying.has(code)) held.add(code);
  }
  return [...held];
}
