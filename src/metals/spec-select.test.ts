import { describe, it, expect } from 'vitest';
import specsJson from '../../reference/contract-specs.json' with { type: 'json' };
import { selectSpec } from './spec-select.ts';
import type { ContractSpec } from './spec-types.ts';

const SPECS = specsJson as unknown as ContractSpec[];
const ca = SPECS.find((s) => s.metal === 'CA') as ContractSpec;
const v = (version: number, effectiveFrom: string): ContractSpec => ({ ...ca, version, effectiveFrom });

describe('selectSpec', () => {
  const history = [
    v(1, '2020-01-01'),
    v(3, '2025-07-01'),
    v(2, '2024-04-13'),
    { ...v(7, '2021-01-01'), metal: 'AH' as const },
  ];

  it('picks the version in force on the production date', () => {
    expect(selectSpec(history, 'CA', '2020-01-01')?.version).toBe(1);
    expect(selectSpec(history, 'CA', '2024-04-12')?.version).toBe(1);
    expect(selectSpec(history, 'CA', '2024-04-13')?.version).toBe(2);
    expect(selectSpec(history, 'CA', '2025-06-30')?.version).toBe(2);
    expect(selectSpec(history, 'CA', '2025-07-01')?.version).toBe(3);
    expect(selectSpec(history, 'CA', '2099-12-31')?.version).toBe(3);
  });

  it('returns undefined before the first version and for a metal without specs', () => {
    expect(selectSpec(history, 'CA', '2019-12-31')).toBeUndefined();
    expect(selectSpec(history, 'NI', '2024-01-01')).toBeUndefined();
    expect(selectSpec([], 'CA', '2024-01-01')).toBeUndefined();
  });

  it('never mixes metals', () => {
    expect(selectSpec(history, 'AH', '2025-01-01')?.version).toBe(7);
    expect(selectSpec(history, 'AH', '2020-06-01')).toBeUndefined();
  });

  it('on equal effectiveFrom the highest version wins, whatever the order', () => {
    const tie = [v(4, '2026-01-01'), v(5, '2026-01-01'), v(3, '2025-01-01')];
    expect(selectSpec(tie, 'CA', '2026-02-01')?.version).toBe(5);
    expect(selectSpec([...tie].reverse(), 'CA', '2026-02-01')?.version).toBe(5);
  });

  it('finds the version in force of every metal in the reference data (the alloys: version 2, same date)', () => {
    for (const metal of ['AH', 'CA', 'ZS', 'PB', 'NI', 'SN', 'AA', 'NA', 'CO'] as const) {
      expect(selectSpec(SPECS, metal, '2024-05-01')).toMatchObject({
        metal,
        version: metal === 'AA' || metal === 'NA' ? 2 : 1,
        effectiveFrom: '2020-01-01',
      });
    }
  });

  it('rejects a malformed date rather than silently finding nothing', () => {
    for (const bad of ['2024-5-1', '2024-02-30', '20240501', '2024-05-01T00:00:00Z', '']) {
      expect(() => selectSpec(SPECS, 'CA', bad)).toThrow(TypeError);
    }
    expect(selectSpec(SPECS, 'CA', '2024-02-29')?.version).toBe(1);
  });
});
