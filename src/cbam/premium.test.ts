import { describe, expect, it } from 'vitest';
import { premiumEligibility } from './premium.ts';
import { readReferenceSustainability } from '../sustainability/reference-repo.ts';

const thresholds = readReferenceSustainability().premiumThresholds;
const threshold = (metal: string) => thresholds.find((t) => t.metal === metal);

describe('sustainable-metal premium eligibility', () => {
  it('takes its thresholds from the reference data: Al 10, Cu 5, Ni 20, Zn 3.5 tCO2e/t', () => {
    expect(Object.fromEntries(thresholds.map((t) => [t.metal, t.maxTco2ePerTonne]))).toEqual({ AH: '10', CA: '5', NI: '20', ZS: '3.5' });
  });

  it('aluminium at 9.9 tCO2e/t with a recognised standard qualifies, and says why', () => {
    const a = premiumEligibility({ metal: 'AH', period: '2025', threshold: threshold('AH'), emissions: { direct: '1.6', indirect: '8.3' }, recognisedStandards: ['ASI-PS'] });
    expect(a).toMatchObject({ eligible: true, intensity: '9.9', threshold: '10', standards: ['ASI-PS'] });
    expect(a.reason).toBe('Carbon intensity 9.9 tCO2e/t is within the 10 tCO2e/t threshold and holds ASI-PS');
  });

  it('aluminium at 10.1 tCO2e/t does not qualify, even with a recognised standard', () => {
    const a = premiumEligibility({ metal: 'AH', period: '2025', threshold: threshold('AH'), emissions: { direct: '10.1', indirect: '0' }, recognisedStandards: ['ASI-PS'] });
    expect(a.eligible).toBe(false);
    expect(a.reason).toBe('Carbon intensity 10.1 tCO2e/t is above the AH threshold of 10 tCO2e/t');
  });

  it('exactly at the threshold qualifies (at or below)', () => {
    const a = premiumEligibility({ metal: 'AH', period: '2025', threshold: threshold('AH'), emissions: { direct: '4.25', indirect: '5.75' }, recognisedStandards: ['ASI-PS'] });
    expect(a).toMatchObject({ eligible: true, intensity: '10' });
  });

  it('copper at 4.9 tCO2e/t without a recognised standard does not qualify, and says so', () => {
    const a = premiumEligibility({ metal: 'CA', period: '2025', threshold: threshold('CA'), emissions: { direct: '2.4', indirect: '2.5' }, recognisedStandards: [] });
    expect(a.eligible).toBe(false);
    expect(a.reason).toBe('Carbon intensity 4.9 tCO2e/t is within the 5 tCO2e/t threshold, but the brand holds no recognised sustainability standard');
  });

  it('explains a missing report or a metal without a threshold', () => {
    expect(premiumEligibility({ metal: 'ZS', period: '2025', threshold: threshold('ZS'), emissions: null, recognisedStandards: ['JDDS'] })).toMatchObject({
      eligible: false,
      reason: 'No carbon report covers 2025, so the intensity cannot be compared with 3.5 tCO2e/t',
    });
    expect(premiumEligibility({ metal: 'SN', period: '2025', threshold: undefined, emissions: { direct: '1', indirect: '1' }, recognisedStandards: [] })).toMatchObject({
      eligible: false,
      reason: 'No sustainable-metal premium threshold is set for SN',
    });
  });

  it('adds decimals exactly (no floating point): 0.1 + 0.2 = 0.3', () => {
    const a = premiumEligibility({ metal: 'ZS', period: '2025', threshold: { metal: 'ZS', maxTco2ePerTonne: '0.3', requiresRecognisedStandard: false }, emissions: { direct: '0.1', indirect: '0.2' }, recognisedStandards: [] });
    expect(a).toMatchObject({ eligible: true, intensity: '0.3' });
  });
});
