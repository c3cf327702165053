import type { Principal } from '../access/principal.ts';
import type { AppContext } from '../platform/context.ts';
import { appliesTo } from '../sustainability/reference.ts';
import { getReference } from '../sustainability/reference-service.ts';
import { brandOr404 } from '../sustainability/service-common.ts';
import { standardsHeld } from '../sustainability/standards-held.ts';
import { requireAccess } from './access-service.ts';
import { premiumEligibility, type PremiumAnswer } from './premium.ts';
import { listCbam } from './report-repo.ts';
import { reportView } from './report-service.ts';

// Sustainable-metal premium eligibility of a brand for a year. It states the brand's carbon
// intensity, so it follows the CBAM visibility rule.

/** Premium eligibility of a brand for a year; it states the brand's carbon intensity, so it follows the CBAM rule. */
export async function premium(ctx: AppContext, p: Principal, brandRef: string, year: number): Promise<PremiumAnswer> {
  const brand = await brandOr404(ctx.db, brandRef);
  await requireAccess(ctx, p, brand);
  const reference = await getReference(ctx);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = (await listCbam(ctx.db, [brand.id])).filter((r) => r.period_kind === 'annual' && r.period_end >= from && r.period_end <= to);
  const annual = rows.sort((a, b) => b.period_end.localeCompare(a.period_end) || b.version - a.version)[0];
  const figures = annual ? reportView(annual) : null;
  const qualifying = new Set(reference.standards.filter((s) => s.recognised && s.qualifiesForPremium && appliesTo(s, brand.metal)).map((s) => s.code));
  const held = await standardsHeld(ctx, brand, { from, to }, qualifying);
  return premiumEligibility({
    metal: brand.metal,
    period: String(year),
    threshold: reference.premiumThresholds.find((t) => t.metal === brand.metal),
    emissions: figures ? { direct: figures.directEmissions, indirect: figures.indirectEmissions } : null,
    recognisedStandards: held,
  });
}
