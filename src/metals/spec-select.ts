import type { ContractSpec, MetalCode } from './spec-types.ts';
import { isIsoDate } from './spec-validate.ts';

/**
 * The version of `metal`'s contract spec in force for metal produced on `productionDate`
 * (YYYY-MM-DD): the highest `effectiveFrom` ≤ the date; among equal dates the highest version.
 * Returns undefined when no version was in force yet. Throws TypeError for a malformed date,
 * because silently finding "no spec" for a typo would hide the error.
 */
export function selectSpec(
  specs: readonly ContractSpec[],
  metal: MetalCode,
  productionDate: string,
): ContractSpec | undefined {
  if (!isIsoDate(productionDate)) {
    throw new TypeError(
      `productionDate must be a calendar date written YYYY-MM-DD (got ${JSON.stringify(productionDate)})`,
    );
  }
  let best: ContractSpec | undefined;
  for (const spec of specs) {
    if (spec.metal !== metal) continue;
    // YYYY-MM-DD strings order lexicographically exactly as the dates do.
    if (spec.effectiveFrom > productionDate) continue;
    if (
      best === undefined ||
      spec.effectiveFrom > best.effectiveFrom ||
      (spec.effectiveFrom === best.effectiveFrom && spec.version > best.version)
    ) {
      best = spec;
    }
  }
  return best;
}
