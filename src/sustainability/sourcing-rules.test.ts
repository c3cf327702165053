import { describe, expect, it } from 'vitest';
import { readReferenceSustainability } from './reference-repo.ts';
import { trackProblems } from './sourcing-rules.ts';

const reference = readReferenceSustainability();

describe('responsible-sourcing tracks', () => {
  it('tracks need their evidence; nickel tracks cannot be hidden', () => {
    expect(trackProblems({ track: 'A', effectiveFrom: '2025-01-01', standardCode: 'ISO14001' }, 'CA', reference, '2026-01-01')).toEqual([
      { field: 'standardCode', message: 'ISO14001 is not a recognised responsible-sourcing standard', code: 'standard_not_recognised', params: { standard: 'ISO14001' } },
    ]);
    expect(trackProblems({ track: 'A', effectiveFrom: '2025-01-01', standardCode: 'JDDS', restricted: true }, 'NI', reference, '2026-01-01')).toEqual([
      { field: 'restricted', message: 'NI responsible-sourcing tracks are public by exchange rule', code: 'track_public', params: { metal: 'NI' } },
    ]);
    const flags = { assessmentDate: '2025-01-01', locationRedFlags: [{ answer: 'no' as const }, { answer: 'yes' as const }, { answer: 'no' as const }], supplierRedFlags: [{ answer: 'no' as const }, { answer: 'no' as const }] };
    expect(trackProblems({ track: 'C', effectiveFrom: '2025-01-01', rfa: flags }, 'CA', reference, '2026-01-01').map((p) => p.field)).toEqual([
      'rfa.publishedAt',
      'rfa.locationRedFlags.1.explanation',
    ]);
  });
});
