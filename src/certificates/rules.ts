import { checkChemistry } from '../metals/chemistry.ts';
import { add, compare, formatDecimal, parseDecimal, sub, ZERO, type Fixed } from '../metals/fixed.ts';
import type { ContractSpec } from '../metals/spec-types.ts';
import { isIsoCountry } from '../platform/countries.ts';
import type { Evaluation, Reason, Submission } from './model.ts';

// The certificate rules as one pure function: given what the producer submitted, the brand, the
// contract spec in force on the production date and today's date, say whether the certificate
// conforms and whether its metal may be warranted, with every reason. No I/O.

export interface OriginRestriction {
  country: string;
  producedOnOrAfter: string;
  effect: 'not_warrantable';
  reason: string;
}

export interface CertificateRules {
  bundleWeightToleranceKg: string;
  maxBundles: number;
  maxPieces: number;
}

export interface EvaluationInput {
  submission: Submission;
  brand: { code: string; metal: string; status: string; shapes: string[] };
  spec: ContractSpec | undefined;
  today: string;
  rules: CertificateRules;
  originRestrictions: readonly OriginRestriction[];
}

const WEIGHT_DECIMALS = 3;

export function evaluateSubmission(input: EvaluationInput): Evaluation {
  const { submission: s, brand, spec, today, rules } = input;
  const reasons: Reason[] = [];
  const reason = (code: string, path: string, message: string): void => {
    reasons.push({ code, path, message });
  };

  if (brand.status !== 'listed') reason('brand_not_listed', 'brand', `Brand ${brand.code} is ${brand.status}, not listed`);
  if (s.metal !== undefined && s.metal !== brand.metal) {
    reason('metal_mismatch', 'metal', `Brand ${brand.code} is listed for ${brand.metal}, not ${s.metal}`);
  }
  if (!brand.shapes.includes(s.shape)) {
    reason('shape_not_allowed', 'shape', `Brand ${brand.code} is listed for ${brand.shapes.join(', ')}, not "${s.shape}"`);
  }
  if (s.productionDate > today) {
    reason('production_date_future', 'productionDate', `Production date ${s.productionDate} is after today (${today})`);
  }
  if (!isIsoCountry(s.originCountry)) {
    reason('unknown_country', 'originCountry', `${s.originCountry} is not an ISO 3166-1 alpha-2 country code`);
  }

  // Weights and counts.
  const weight = (text: string, path: string): Fixed | undefined => {
    try {
      return parseDecimal(text, WEIGHT_DECIMALS);
    } catch (e) {
      reason('invalid_weight', path, `${path}: ${(e as Error).message}`);
      return undefined;
    }
  };
  const gross = weight(s.grossWeightKg, 'grossWeightKg');
  const net = weight(s.netWeightKg, 'netWeightKg');
  if (gross !== undefined && net !== undefined && compare(net, gross) > 0) {
    reason('net_exceeds_gross', 'netWeightKg', `Net weight ${s.netWeightKg} kg exceeds gross weight ${s.grossWeightKg} kg`);
  }
  if (net !== undefined && compare(net, ZERO) === 0) reason('zero_weight', 'netWeightKg', 'Net weight must be above zero');
  if (s.bundles.length > rules.maxBundles) reason('too_many_bundles', 'bundles', `At most ${rules.maxBundles} bundles`);
  if (s.pieces > rules.maxPieces) reason('too_many_pieces', 'pieces', `At most ${rules.maxPieces} pieces`);

  let bundleNet = ZERO;
  let bundleGross = ZERO;
  let allGross = true;
  let bundlePieces = 0;
  const seen = new Set<string>();
  s.bundles.forEach((b, i) => {
    const p = `bundles.${i}`;
    if (seen.has(b.number)) reason('duplicate_bundle', `${p}.number`, `Bundle ${b.number} appears twice`);
    seen.add(b.number);
    bundlePieces += b.pieces;
    const bn = weight(b.netKg, `${p}.netKg`);
    if (bn !== undefined) bundleNet = add(bundleNet, bn);
    if (b.grossKg === undefined) allGross = false;
    else {
      const bg = weight(b.grossKg, `${p}.grossKg`);
      if (bg !== undefined) {
        bundleGross = add(bundleGross, bg);
        if (bn !== undefined && compare(bn, bg) > 0) {
          reason('net_exceeds_gross', `${p}.netKg`, `Bundle ${b.number}: net ${b.netKg} kg exceeds gross ${b.grossKg} kg`);
        }
      }
    }
  });
  const tolerance = parseDecimal(rules.bundleWeightToleranceKg, WEIGHT_DECIMALS);
  const outside = (a: Fixed, b: Fixed): boolean => {
    const d = compare(a, b) >= 0 ? sub(a, b) : sub(b, a);
    return compare(d, tolerance) > 0;
  };
  if (net !== undefined && outside(bundleNet, net)) {
    reason(
      'bundle_weights_mismatch',
      'netWeightKg',
      `Bundle net weights sum to ${formatDecimal(bundleNet)} kg but the certificate states ${s.netWeightKg} kg`,
    );
  }
  if (allGross && gross !== undefined && outside(bundleGross, gross)) {
    reason(
      'bundle_weights_mismatch',
      'grossWeightKg',
      `Bundle gross weights sum to ${formatDecimal(bundleGross)} kg but the certificate states ${s.grossWeightKg} kg`,
    );
  }
  if (bundlePieces !== s.pieces) {
    reason('bundle_pieces_mismatch', 'pieces', `Bundles hold ${bundlePieces} pieces but the certificate states ${s.pieces}`);
  }

  // Chemistry against the contract spec in force on the production date.
  let chemistry: Evaluation['chemistry'] = null;
  if (!spec) {
    reason('no_spec', 'productionDate', `No ${brand.metal} contract specification was in force on ${s.productionDate}`);
  } else {
    chemistry = checkChemistry(spec, s.chemistry);
    reasons.push(...chemistry.reasons);
  }

  // Origin: issued, but flagged as not eligible for warranting.
  const warrantReasons: Reason[] = input.originRestrictions
    .filter((r) => r.country === s.originCountry && s.productionDate >= r.producedOnOrAfter)
    .map((r) => ({ code: 'origin_restricted', path: 'originCountry', message: r.reason }));

  const verdict = reasons.length === 0 ? 'conforming' : 'non_conforming';
  if (verdict === 'non_conforming') {
    warrantReasons.push({ code: 'not_conforming', path: '', message: 'Only conforming metal may be warranted' });
  }
  return { verdict, reasons, chemistry, warrantEligible: warrantReasons.length === 0, warrantReasons };
}
