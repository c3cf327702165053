import { compare, dec, divide, format, isZero, mul, shift, sub, sum, type Dec } from './decimal.ts';

// Collateral valuation of one pledge, pure and exact: each asset's tonnes at the latest official
// price of the valuation prompt, less the collateral taker's haircut for its metal; the pledge's
// collateral value is their sum, and its loan-to-value is the pledge amount over that value. The
// LTV is shown rounded half up to two decimals, but the alert compares exactly
// (amount × 100 ≥ threshold × value), so a value a hair under the threshold never alerts and one
// exactly on it always does.

export interface CollateralTerms {
  /** Haircut per metal, in percent of the price ("12.5"). */
  haircutsPct: Readonly<Record<string, string>>;
  /** LTV (percent) at or above which the taker is alerted. */
  ltvAlertPct: string;
  valuationPrompt: string;
  priceCurrency: string;
  /** A price older than this many calendar days is flagged stale (still used). */
  staleAfterDays: number;
}

export interface PriceFact {
  metal: string;
  prompt: string;
  priceDate: string;
  price: string;
  currency: string;
}

export interface PledgedAsset {
  id: string;
  type: 'warrant' | 'e_receipt';
  number: string;
  metal: string;
  tonnes: string;
}

export type ValuationProblem =
  | { code: 'no_price'; metal: string; message: string }
  | { code: 'stale_price'; metal: string; message: string }
  | { code: 'no_haircut'; metal: string; message: string }
  | { code: 'currency'; message: string }
  | { code: 'no_value'; message: string };

export interface AssetValue extends PledgedAsset {
  price: string | null;
  priceDate: string | null;
  haircutPct: string | null;
  /** tonnes × price */
  grossValue: string | null;
  /** after the haircut */
  value: string | null;
}

export interface PledgeValuation {
  assets: AssetValue[];
  currency: string;
  /** Sum of the assets' values after haircuts; null when any asset has no price or haircut. */
  collateralValue: string | null;
  /** amount ÷ collateral value × 100, rounded half up to 2 decimals; null when it cannot be computed. */
  ltvPct: string | null;
  ltvAlertPct: string;
  /** The LTV is at or above the taker's threshold (exact comparison). */
  ltvAlert: boolean;
  problems: ValuationProblem[];
}

/** Whole days from one ISO date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function valuePledge(
  pledge: { amount: string; currency: string; assets: readonly PledgedAsset[] },
  prices: ReadonlyMap<string, PriceFact>,
  terms: CollateralTerms,
  today: string,
): PledgeValuation {
  const problems: ValuationProblem[] = [];
  const noted = new Set<string>();
  const note = (key: string, p: ValuationProblem) => {
    if (!noted.has(key)) problems.push(p);
    noted.add(key);
  };
  const values: Dec[] = [];
  let complete = true;
  const assets = pledge.assets.map((a): AssetValue => {
    const price = prices.get(a.metal);
    const haircut = terms.haircutsPct[a.metal];
    if (!price) {
      complete = false;
      note(`price/${a.metal}`, { code: 'no_price', metal: a.metal, message: `No official ${terms.valuationPrompt} price of ${a.metal} has been published` });
    } else if (daysBetween(price.priceDate, today) > terms.staleAfterDays) {
      note(`stale/${a.metal}`, {
        code: 'stale_price',
        metal: a.metal,
        message: `The latest ${terms.valuationPrompt} price of ${a.metal} is of ${price.priceDate}, more than ${terms.staleAfterDays} days old`,
      });
    }
    if (haircut === undefined) {
      complete = false;
      note(`haircut/${a.metal}`, { code: 'no_haircut', metal: a.metal, message: `No haircut is set for ${a.metal}` });
    }
    if (!price || haircut === undefined) return { ...a, price: price?.price ?? null, priceDate: price?.priceDate ?? null, haircutPct: haircut ?? null, grossValue: null, value: null };
    const gross = mul(dec(a.tonnes), dec(price.price));
    // gross × (100 − haircut) ÷ 100, exactly.
    const value = shift(mul(gross, sub(dec('100'), dec(haircut))), 2);
    values.push(value);
    return { ...a, price: price.price, priceDate: price.priceDate, haircutPct: haircut, grossValue: format(gross), value: format(value) };
  });
  const base = { assets, currency: terms.priceCurrency, ltvAlertPct: terms.ltvAlertPct };
  if (!complete) return { ...base, collateralValue: null, ltvPct: null, ltvAlert: false, problems };
  const total = sum(values);
  if (pledge.currency !== terms.priceCurrency) {
    problems.push({ code: 'currency', message: `The pledge is in ${pledge.currency} and prices are in ${terms.priceCurrency}: its LTV is not computed` });
    return { ...base, collateralValue: format(total), ltvPct: null, ltvAlert: false, problems };
  }
  if (isZero(total)) {
    problems.push({ code: 'no_value', message: 'After haircuts the collateral is worth nothing' });
    return { ...base, collateralValue: '0', ltvPct: null, ltvAlert: true, problems };
  }
  const amount = dec(pledge.amount);
  const ltvAlert = compare(mul(amount, dec('100')), mul(dec(terms.ltvAlertPct), total)) >= 0;
  return { ...base, collateralValue: format(total), ltvPct: divide(mul(amount, dec('100')), total, 2), ltvAlert, problems };
}
