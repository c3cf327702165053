import { describe, expect, it } from 'vitest';
import { valuePledge, type CollateralTerms, type PriceFact } from './valuation.ts';

// Hand-computed vectors. Three warrants: two of copper (25 t each) and one of zinc (25 t).
//   copper: 50 t × 9,512.50 = 475,625.00, less a 10 % haircut = 428,062.50
//   zinc:   25 t × 2,987.75 =  74,693.75, less a 15 % haircut =  63,489.6875
//   collateral value = 491,552.1875
//   LTV of 390,000 = 390,000 ÷ 491,552.1875 × 100 = 79.3405… → 79.34 %, under an 80 % threshold.
// Copper falls to 9,300: copper 50 × 9,300 × 0.9 = 418,500; value 481,989.6875;
//   LTV = 390,000 ÷ 481,989.6875 × 100 = 80.9145… → 80.91 %: at or above 80 %, an alert.

const terms: CollateralTerms = { haircutsPct: { CA: '10', ZS: '15' }, ltvAlertPct: '80', valuationPrompt: 'cash', priceCurrency: 'USD', staleAfterDays: 5 };
const assets = [
  { id: 'a', type: 'warrant' as const, number: 'WR-1', metal: 'CA', tonnes: '25' },
  { id: 'b', type: 'warrant' as const, number: 'WR-2', metal: 'CA', tonnes: '25' },
  { id: 'c', type: 'warrant' as const, number: 'WR-3', metal: 'ZS', tonnes: '25' },
];
const prices = (ca: string, date = '2026-12-02'): Map<string, PriceFact> =>
  new Map([
    ['CA', { metal: 'CA', prompt: 'cash', priceDate: date, price: ca, currency: 'USD' }],
    ['ZS', { metal: 'ZS', prompt: 'cash', priceDate: date, price: '2987.75', currency: 'USD' }],
  ]);

describe('collateral valuation', () => {
  it('values each asset after its haircut and gives the LTV computed by hand', () => {
    const v = valuePledge({ amount: '390000', currency: 'USD', assets }, prices('9512.5'), terms, '2026-12-03');
    expect(v.assets.map((a) => [a.grossValue, a.value])).toEqual([
      ['237812.5', '214031.25'],
      ['237812.5', '214031.25'],
      ['74693.75', '63489.6875'],
    ]);
    expect(v).toMatchObject({ collateralValue: '491552.1875', ltvPct: '79.34', ltvAlert: false, problems: [] });
  });

  it('raises the alert when a price move carries the LTV across the threshold', () => {
    const v = valuePledge({ amount: '390000', currency: 'USD', assets }, prices('9300'), terms, '2026-12-03');
    expect(v).toMatchObject({ collateralValue: '481989.6875', ltvPct: '80.91', ltvAlert: true });
  });

  it('compares the threshold exactly, not the rounded LTV', () => {
    // 80 % of 491,552.1875 is 393,241.75 exactly.
    expect(valuePledge({ amount: '393241.75', currency: 'USD', assets }, prices('9512.5'), terms, '2026-12-03')).toMatchObject({ ltvPct: '80.00', ltvAlert: true });
    // A cent less rounds to 80.00 too, but is under the threshold.
    expect(valuePledge({ amount: '393241.74', currency: 'USD', assets }, prices('9512.5'), terms, '2026-12-03')).toMatchObject({ ltvPct: '80.00', ltvAlert: false });
  });

  it('says why when it cannot value: no price, a stale price, another currency, nothing left after haircuts', () => {
    const noZinc = new Map([...prices('9512.5')].filter(([m]) => m !== 'ZS'));
    expect(valuePledge({ amount: '1', currency: 'USD', assets }, noZinc, terms, '2026-12-03')).toMatchObject({ collateralValue: null, ltvPct: null, ltvAlert: false, problems: [{ code: 'no_price', metal: 'ZS' }] });
    const stale = valuePledge({ amount: '390000', currency: 'USD', assets }, prices('9512.5', '2026-11-20'), terms, '2026-12-03');
    expect(stale.ltvPct).toBe('79.34');
    expect(stale.problems.map((p) => p.code)).toEqual(['stale_price', 'stale_price']);
    expect(valuePledge({ amount: '390000', currency: 'EUR', assets }, prices('9512.5'), terms, '2026-12-03')).toMatchObject({ collateralValue: '491552.1875', ltvPct: null, problems: [{ code: 'currency' }] });
    const all = valuePledge({ amount: '1', currency: 'USD', assets }, prices('9512.5'), { ...terms, haircutsPct: { CA: '99.9999', ZS: '0' } }, '2026-12-03');
    // 475,625 × 0.0001 % = 0.475625, plus zinc untouched.
    expect(all.collateralValue).toBe('74694.225625');
    expect(valuePledge({ amount: '1', currency: 'USD', assets: [assets[0]!] }, prices('9512.5'), { ...terms, haircutsPct: { CA: '100' } }, '2026-12-03')).toMatchObject({ collateralValue: '0', ltvPct: null, ltvAlert: true });
    expect(valuePledge({ amount: '1', currency: 'USD', assets }, prices('9512.5'), { ...terms, haircutsPct: { CA: '10' } }, '2026-12-03').problems).toEqual([expect.objectContaining({ code: 'no_haircut', metal: 'ZS' })]);
  });
});
