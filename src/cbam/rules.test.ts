import { describe, expect, it } from 'vitest';
import type { Principal } from '../access/principal.ts';
import { readReferenceSustainability } from '../sustainability/reference-repo.ts';
import { cbamAccess } from './access-rules.ts';
import { periodOverlap, reportInForce, validateCbam, type CbamRaw } from './rules.ts';

const reference = readReferenceSustainability();
const ctx = { metal: 'AH', today: '2026-11-22', reference };
const good: CbamRaw = {
  periodKind: 'annual',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  installation: 'Fjord smelter',
  installationCountry: 'NO',
  productionRoute: 'primary',
  cnCode: '7601',
  directEmissions: '1.83',
  indirectEmissions: '0.40',
  electricityConsumption: '14.2',
  electricityEmissionFactor: '0.028',
  valueType: 'actual',
  methodology: 'IAI-CF',
  verificationStatus: 'unverified',
};

const user = (orgKind: 'exchange' | 'producer' | 'trader', orgId: string): Principal => ({
  type: 'user',
  userId: 'u',
  orgId,
  orgKind,
  role: 'viewer',
  email: 'x@example.test',
  name: 'X',
});

describe('CBAM submission rules', () => {
  it('accepts a complete report and keeps decimals as reported strings', () => {
    const r = validateCbam(good, ctx);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.figures).toMatchObject({ directEmissions: '1.83', indirectEmissions: '0.40', verifier: null, carbonPricePaid: null });
  });

  it('names every problem by field', () => {
    const r = validateCbam(
      { ...good, installation: '', directEmissions: '-1.2', electricityConsumption: '1,5', cnCode: '76', methodology: 'GHG', verificationStatus: 'verified', carbonPricePaid: '12' },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.fromEntries(r.problems.map((p) => [p.field, p.message]))).toEqual({
        installation: 'is required',
        directEmissions: 'must not be negative (found -1.2)',
        electricityConsumption: 'is not a plain decimal number (found "1,5")',
        cnCode: 'must be a CN code of 4, 6 or 8 digits, e.g. 7601 (found "76")',
        methodology: 'AH reports use the approved methodology IAI-CF (IAI Aluminium Carbon Footprint Technical Support Document); found "GHG"',
        verifier: 'is required when the verification status is verified',
        carbonPriceCurrency: 'is required when a carbon price is given',
      });
      // Each with a stable code (and the values its message names) for the web app to translate.
      expect(Object.fromEntries(r.problems.map((p) => [p.field, [p.code, p.params]]))).toEqual({
        installation: ['required', undefined],
        directEmissions: ['negative_number', { found: '-1.2' }],
        electricityConsumption: ['not_decimal', { found: '1,5' }],
        cnCode: ['not_cn_code', { found: '76' }],
        methodology: ['methodology', { metal: 'AH', methodology: 'IAI-CF (IAI Aluminium Carbon Footprint Technical Support Document)', found: 'GHG' }],
        verifier: ['verifier_required', { status: 'verified' }],
        carbonPriceCurrency: ['currency_required', undefined],
      });
    }
  });

  it('daily updates start on the reference date and cover one day', () => {
    const early = validateCbam({ ...good, periodKind: 'daily', periodStart: '2026-04-14', periodEnd: '' }, ctx);
    expect(!early.ok && early.problems).toEqual([
      { field: 'periodStart', message: 'daily updates start on 2026-04-15', code: 'daily_before_start', params: { date: '2026-04-15' } },
    ]);
    const ok = validateCbam({ ...good, periodKind: 'daily', periodStart: '2026-04-15', periodEnd: '' }, ctx);
    expect(ok.ok && ok.figures.periodEnd).toBe('2026-04-15');
  });

  it('refuses partly overlapping periods of the same kind; the same period is a new version', () => {
    const existing = [{ periodKind: 'annual', periodStart: '2025-01-01', periodEnd: '2025-12-31' }];
    expect(periodOverlap({ periodKind: 'annual', periodStart: '2025-01-01', periodEnd: '2025-12-31' }, existing)).toEqual([]);
    expect(periodOverlap({ periodKind: 'annual', periodStart: '2026-01-01', periodEnd: '2026-12-31' }, existing)).toEqual([]);
    expect(periodOverlap({ periodKind: 'daily', periodStart: '2025-06-01', periodEnd: '2025-06-01' }, existing)).toEqual([]);
    expect(periodOverlap({ periodKind: 'annual', periodStart: '2025-07-01', periodEnd: '2026-06-30' }, existing).map((p) => p.field)).toEqual(['periodStart', 'periodEnd']);
  });

  it('picks the report in force: the day’s update, else the covering annual report, newest version', () => {
    const reports = [
      { periodKind: 'annual', periodStart: '2026-01-01', periodEnd: '2026-12-31', version: 1 },
      { periodKind: 'annual', periodStart: '2026-01-01', periodEnd: '2026-12-31', version: 2 },
      { periodKind: 'daily', periodStart: '2026-05-02', periodEnd: '2026-05-02', version: 1 },
    ];
    expect(reportInForce([...reports], '2026-05-02')).toMatchObject({ periodKind: 'daily' });
    expect(reportInForce([...reports], '2026-05-03')).toMatchObject({ periodKind: 'annual', version: 2 });
    expect(reportInForce([...reports], '2025-05-03')).toBeUndefined();
  });
});

describe('CBAM visibility', () => {
  it('CBAM data: exchange, producer, grantee, or anyone once published', () => {
    const brand = { producerOrgId: 'p1' };
    const closed = { published: false, granted: false };
    expect(cbamAccess(user('exchange', 'x'), brand, closed)).toBe('exchange');
    expect(cbamAccess(user('producer', 'p1'), brand, closed)).toBe('producer');
    expect(cbamAccess(user('producer', 'p2'), brand, closed)).toBeNull();
    expect(cbamAccess(user('trader', 't'), brand, { published: false, granted: true })).toBe('grantee');
    expect(cbamAccess({ type: 'anonymous' }, brand, closed)).toBeNull();
    expect(cbamAccess({ type: 'anonymous' }, brand, { published: true, granted: false })).toBe('published');
  });
});
