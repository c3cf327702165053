import { add, compare, formatDecimal, parseDecimal } from '../metals/fixed.ts';
import type { PremiumThreshold } from '../sustainability/reference.ts';

// Sustainable-metal premium eligibility: a brand qualifies for a period when its cradle-to-gate
// carbon intensity (direct + indirect tCO2e per tonne) is at or below its metal's threshold and,
// where the threshold asks for it, the brand holds a recognised sustainability standard. Every
// answer says why. Pure: the service gathers the figures, thresholds and standards.

export interface PremiumInput {
  metal: string;
  period: string;
  threshold: PremiumThreshold | undefined;
  /** Direct and indirect emissions per tonne as reported (decimal strings); null when no report covers the period. */
  emissions: { direct: string; indirect: string } | null;
  /** Codes of the recognised, premium-qualifying standards the brand holds, valid in the period. */
  recognisedStandards: string[];
}

export interface PremiumAnswer {
  eligible: boolean;
  reason: string;
  metal: string;
  period: string;
  intensity: string | null;
  threshold: string | null;
  standards: string[];
}

export function premiumEligibility(i: PremiumInput): PremiumAnswer {
  const base = { metal: i.metal, period: i.period, standards: [...i.recognisedStandards].sort() };
  if (!i.threshold) {
    return { ...base, eligible: false, intensity: null, threshold: null, reason: `No sustainable-metal premium threshold is set for ${i.metal}` };
  }
  const threshold = i.threshold.maxTco2ePerTonne;
  if (!i.emissions) {
    return { ...base, eligible: false, intensity: null, threshold, reason: `No carbon report covers ${i.period}, so the intensity cannot be compared with ${threshold} tCO2e/t` };
  }
  const intensity = add(parseDecimal(i.emissions.direct), parseDecimal(i.emissions.indirect));
  const shown = formatDecimal(intensity);
  const limit = parseDecimal(threshold);
  if (compare(intensity, limit) > 0) {
    return { ...base, eligible: false, intensity: shown, threshold, reason: `Carbon intensity ${shown} tCO2e/t is above the ${i.metal} threshold of ${threshold} tCO2e/t` };
  }
  if (i.threshold.requiresRecognisedStandard && i.recognisedStandards.length === 0) {
    return {
      ...base,
      eligible: false,
      intensity: shown,
      threshold,
      reason: `Carbon intensity ${shown} tCO2e/t is within the ${threshold} tCO2e/t threshold, but the brand holds no recognised sustainability standard`,
    };
  }
  const held = i.recognisedStandards.length ? ` and holds ${base.standards.join(', ')}` : '';
  return { ...base, eligible: true, intensity: shown, threshold, reason: `Carbon intensity ${shown} tCO2e/t is within the ${threshold} tCO2e/t threshold${held}` };
}
