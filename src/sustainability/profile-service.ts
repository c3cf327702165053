import type { Principal } from '../access/principal.ts';
import { findOrganisation } from '../access/organisations.ts';
import { findBrands, type BrandRecord } from '../brands/lookup.ts';
import { viewFor as brandView } from '../brands/service.ts';
import type { AppContext } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import type { DisclosureRow } from './disclosure-repo.ts';
import { disclosuresView, visibleDisclosures } from './disclosure-service.ts';
import { bad, brandOr404, today } from './service-common.ts';
import { brandSourcing } from './sourcing-service.ts';
import { validityStatus } from './visibility.ts';

// A producer's public sustainability profile, and side-by-side comparison of producers or plants:
// both read through the same visibility rules as the disclosures and tracks they show.

export async function producerProfile(ctx: AppContext, p: Principal, orgId: string) {
  const org = await findOrganisation(ctx.db, orgId);
  if (!org || org.kind !== 'producer') throw notFound('Producer');
  const brands = await findBrands(ctx.db, { producerOrgId: orgId });
  const disclosures = await disclosuresView(ctx, p, await visibleDisclosures(ctx, p, { orgIds: [orgId], limit: 1000 }));
  const sourcing = await Promise.all(brands.map((b) => brandSourcing(ctx, p, b.id)));
  return {
    organisation: { id: org.id, name: org.name, country: org.country },
    brands: brands.map((b, i) => ({
      ...brandView(p, b),
      currentTrack: sourcing[i]!.currentTrack ? { track: sourcing[i]!.currentTrack!.track, effectiveFrom: sourcing[i]!.currentTrack!.effectiveFrom, standardCode: sourcing[i]!.currentTrack!.standardCode } : null,
      compliance: sourcing[i]!.compliance,
    })),
    certifications: disclosures.filter((d) => d.kind === 'certification'),
    metrics: disclosures.filter((d) => d.kind === 'metric'),
    targets: disclosures.filter((d) => d.kind === 'target'),
  };
}

export const MAX_COMPARED = 5;

export async function compare(ctx: AppContext, p: Principal, q: { producers?: string[]; plants?: string[] }) {
  const producers = q.producers ?? [];
  const plants = q.plants ?? [];
  if ((producers.length === 0) === (plants.length === 0)) {
    throw bad('Compare producers or plants', [{ path: 'query', message: 'give either producers or plants (brand codes or ids)' }]);
  }
  const ids = producers.length ? producers : plants;
  if (ids.length > MAX_COMPARED) throw bad(`At most ${MAX_COMPARED} can be compared`, [{ path: producers.length ? 'query.producers' : 'query.plants', message: `at most ${MAX_COMPARED}` }]);
  const d = today(ctx);
  const subjects = [];
  for (const ref of ids) {
    let name: string;
    let rows: DisclosureRow[];
    let brands: BrandRecord[];
    if (producers.length) {
      const org = /^[0-9a-f-]{36}$/i.test(ref) ? await findOrganisation(ctx.db, ref) : undefined;
      if (!org || org.kind !== 'producer') throw notFound(`Producer ${ref}`);
      name = org.name;
      brands = await findBrands(ctx.db, { producerOrgId: org.id });
      rows = await visibleDisclosures(ctx, p, { orgIds: [org.id], limit: 1000 });
    } else {
      const b = await brandOr404(ctx.db, ref);
      name = `${b.plant.name} (${b.code})`;
      brands = [b];
      rows = (await visibleDisclosures(ctx, p, { orgIds: [b.producer.id], limit: 1000 })).filter(
        (x) => x.brand_id === b.id || (x.level === 'asset' && x.asset_name === b.plant.name),
      );
    }
    const tracks: Record<string, string | null> = {};
    for (const b of brands) tracks[b.code] = (await brandSourcing(ctx, p, b.id)).currentTrack?.track ?? null;
    const metrics: Record<string, { value: string; unit: string | null; periodEnd: string | null; title: string }> = {};
    for (const r of rows.filter((x) => x.kind === 'metric').sort((a, b) => (a.period_end ?? '').localeCompare(b.period_end ?? ''))) {
      metrics[r.topic] = { value: String(r.content.value), unit: r.unit, periodEnd: r.period_end, title: r.title };
    }
    subjects.push({
      id: ref,
      name,
      brands: brands.map((b) => ({ code: b.code, metal: b.metal, plant: b.plant })),
      tracks,
      certifications: rows
        .filter((x) => x.kind === 'certification')
        .map((x) => ({ standardCode: x.standard_code, level: x.level, validUntil: x.valid_until, validity: validityStatus(x.valid_from, x.valid_until, d) })),
      metrics,
      targets: rows.filter((x) => x.kind === 'target').map((x) => ({ topic: x.topic, title: x.title, value: String(x.content.value), unit: x.unit, by: x.period_end })),
    });
  }
  return { subjects };
}

