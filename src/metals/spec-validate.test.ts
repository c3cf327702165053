import { describe, it, expect } from 'vitest';
import specsJson from '../../reference/contract-specs.json' with { type: 'json' };
import elements from '../../reference/elements.json' with { type: 'json' };
import { isElementSymbol, isIsoDate, validateSpec } from './spec-validate.ts';
import { METAL_CODES, type ContractSpec } from './spec-types.ts';

const SPECS = specsJson as unknown as ContractSpec[];
const ca = (): ContractSpec => structuredClone(SPECS.find((s) => s.metal === 'CA') as ContractSpec);
const codesAt = (spec: unknown) => validateSpec(spec).map((i) => `${i.code} ${i.path}`);

describe('reference data', () => {
  it('elements.json holds the 118 element symbols, unique, in atomic-number order', () => {
    expect(elements).toHaveLength(118);
    expect(new Set(elements).size).toBe(118);
    expect([elements[0], elements[25], elements[28], elements[81], elements[117]]).toEqual([
      'H',
      'Fe',
      'Cu',
      'Pb',
      'Og',
    ]);
  });

  it('every reference spec is valid, one version 1 per metal', () => {
    for (const spec of SPECS)
      expect({ metal: spec.metal, issues: validateSpec(spec) }).toEqual({ metal: spec.metal, issues: [] });
    const v1 = SPECS.filter((s) => s.version === 1);
    expect(v1.map((s) => s.metal)).toEqual([...METAL_CODES]);
    expect(SPECS.every((s) => s.effectiveFrom === '2020-01-01')).toBe(true);
    // The alloys' version 2 adds their registered designations (and nothing else changes).
    const v2 = SPECS.filter((s) => s.version === 2);
    expect(v2.map((s) => s.metal)).toEqual(['AA', 'NA']);
    for (const s of v2) {
      const { version: _v, qualityStandard: _q, grade: _g, designations, unconfirmed: _u, notes: _n, ...rest } = s;
      const { version: _v1, qualityStandard: _q1, grade: _g1, unconfirmed: _u1, notes: _n1, ...before } = v1.find((x) => x.metal === s.metal)!;
      expect(rest).toEqual(before);
      expect(designations!.length).toBeGreaterThan(0);
    }
  });

  it('holds the DOMAIN.md figures', () => {
    const by = Object.fromEntries(SPECS.map((s) => [s.metal, s]));
    expect(Object.fromEntries(SPECS.map((s) => [s.metal, s.purity?.min ?? null]))).toEqual({
      AH: '99.70',
      CA: '99.9935',
      ZS: '99.995',
      PB: '99.97',
      NI: '99.80',
      SN: '99.85',
      AA: null,
      NA: null,
      CO: '99.80',
    });
    expect(
      Object.fromEntries(
        SPECS.map((s) => [s.metal, [s.lotTonnes, s.monthlyPromptMonths, s.warrantTolerancePct]]),
      ),
    ).toEqual({
      AH: ['25', 123, '2'],
      CA: ['25', 123, '2'],
      ZS: ['25', 63, '2'],
      PB: ['25', 63, '2'],
      NI: ['6', 63, '2'],
      SN: ['5', 15, '2'],
      AA: ['20', 27, '2'],
      NA: ['20', 27, '2'],
      CO: ['1', 15, '2'],
    });
    expect(by.AH?.elements).toEqual({
      Si: { max: '0.10' },
      Fe: { max: '0.20' },
      Zn: { max: '0.03' },
      Ga: { max: '0.04' },
      V: { max: '0.03' },
    });
    expect(by.CA?.purity?.basis).toBe('difference');
    expect(Object.fromEntries(Object.entries(by.CA?.elements ?? {}).map(([e, l]) => [e, l.max]))).toEqual({
      Ag: '0.0025',
      As: '0.0005',
      Bi: '0.00020',
      Fe: '0.0010',
      Pb: '0.0005',
      S: '0.0015',
      Sb: '0.0004',
      Se: '0.00020',
      Te: '0.00020',
    });
    expect(by.CA?.groups.map((g) => [g.elements.join('+'), g.max])).toEqual([
      ['As+Cd+Cr+Mn+P+Sb', '0.0015'],
      ['Bi+Se+Te', '0.0003'],
      ['Se+Te', '0.00030'],
      ['Co+Fe+Ni+Si+Sn+Zn', '0.0020'],
      ['Ag+As+Bi+Cd+Co+Cr+Fe+Mn+Ni+P+Pb+S+Sb+Se+Si+Sn+Te+Zn', '0.0065'],
    ]);
    // values DOMAIN.md marks unconfirmed are flagged
    expect(by.ZS?.unconfirmed).toContain('shapes');
    expect(by.AH?.unconfirmed.join(' ')).toMatch(/other than Si, Fe, Zn, Ga, V/);
    for (const m of ['AA', 'NA'] as const)
      expect(by[m]?.unconfirmed.join(' ')).toMatch(/shapes.*monthly prompts/);
  });
});

describe('validateSpec catches bad specs', () => {
  it('accepts a well-formed spec', () => {
    expect(validateSpec(ca())).toEqual([]);
  });

  it('rejects non-objects', () => {
    expect(codesAt(null)).toEqual(['not_an_object ']);
    expect(codesAt([])).toEqual(['not_an_object ']);
  });

  it('unknown metal, bad version and date', () => {
    expect(codesAt({ ...ca(), metal: 'XX' })).toEqual(['unknown_metal metal']);
    expect(codesAt({ ...ca(), version: 0 })).toEqual(['not_a_positive_integer version']);
    expect(codesAt({ ...ca(), version: 1.5 })).toEqual(['not_a_positive_integer version']);
    expect(codesAt({ ...ca(), effectiveFrom: '2024-13-01' })).toEqual(['invalid_date effectiveFrom']);
  });

  it('invalid element symbols in limits and groups', () => {
    const s = ca();
    s.elements.Xx = { max: '0.1' };
    s.elements.fe = { max: '0.1' };
    const g0 = s.groups[0];
    if (g0 !== undefined) g0.elements = ['As', 'Qq', 'As'];
    expect(codesAt(s)).toEqual([
      'unknown_element elements.Xx',
      'unknown_element elements.fe',
      'unknown_element groups[0].elements[1]',
      'duplicate_element groups[0].elements[2]',
    ]);
  });

  it('non-decimal or out-of-range numbers', () => {
    const s = ca();
    s.elements.Ag = { max: '2.5e-3' };
    s.elements.As = { max: '-0.0005' };
    s.elements.Bi = { max: 0.0002 as unknown as string };
    s.elements.Fe = { max: '101' };
    expect(codesAt(s)).toEqual([
      'invalid_decimal elements.Ag.max',
      'invalid_decimal elements.As.max',
      'invalid_decimal elements.Bi.max',
      'out_of_range elements.Fe.max',
    ]);
  });

  it('minimum purity must be above 0 and at most 100, name a known element that is the metal’s base, and have a known basis', () => {
    expect(codesAt({ ...ca(), purity: { element: 'Cu', min: '0', basis: 'difference' } })).toEqual([
      'out_of_range purity.min',
    ]);
    expect(codesAt({ ...ca(), purity: { element: 'Cu', min: '100.01', basis: 'difference' } })).toEqual([
      'out_of_range purity.min',
    ]);
    expect(codesAt({ ...ca(), purity: { element: 'Cu', min: '100', basis: 'difference' } })).toEqual([]);
    expect(codesAt({ ...ca(), purity: { element: 'Au', min: '99.99', basis: 'difference' } })).toEqual([
      'wrong_base_element purity.element',
    ]);
    expect(codesAt({ ...ca(), purity: { element: 'Copper', min: '99.99', basis: 'difference' } })).toEqual([
      'unknown_element purity.element',
    ]);
    expect(codesAt({ ...ca(), purity: { element: 'Cu', min: '99.99', basis: 'sum' } })).toEqual([
      'invalid_basis purity.basis',
    ]);
    expect(codesAt({ ...ca(), purity: 'Cu 99.99' })).toEqual(['invalid_purity purity']);
    expect(codesAt({ ...ca(), metal: 'AA', purity: null })).toEqual([]);
  });

  it('the base element may not carry an impurity limit', () => {
    const s = ca();
    s.elements.Cu = { max: '0.1' };
    s.groups.push({ id: 'x', label: 'x', elements: ['Cu', 'Ag'], max: '0.1' });
    expect(codesAt(s)).toEqual([
      'base_element_limit elements.Cu',
      'base_element_limit groups[5].elements[0]',
    ]);
  });

  it('group structure', () => {
    const s = ca();
    s.groups.push({ id: 'total', label: '', elements: [], max: '0.1' });
    s.groups.push({ id: 'y', label: 'y', elements: 'Ag' as unknown as string[], max: 'x' });
    expect(codesAt(s)).toEqual([
      'duplicate_group groups[5].id',
      'required groups[5].label',
      'empty_group groups[5].elements',
      'empty_group groups[6].elements',
      'invalid_decimal groups[6].max',
    ]);
    expect(codesAt({ ...ca(), groups: {} })).toEqual(['not_an_array groups']);
  });

  it('missing or wrongly typed fields, and unknown fields', () => {
    const { metalName: _m, ...noName } = ca();
    expect(codesAt(noName)).toEqual(['required metalName']);
    expect(codesAt({ ...ca(), shapes: [] })).toEqual(['required shapes']);
    expect(codesAt({ ...ca(), alsoAccepted: 'ASTM' })).toEqual(['not_an_array alsoAccepted']);
    expect(codesAt({ ...ca(), lotTonnes: '0' })).toEqual(['out_of_range lotTonnes']);
    expect(codesAt({ ...ca(), monthlyPromptMonths: '123' })).toEqual([
      'not_a_positive_integer monthlyPromptMonths',
    ]);
    expect(codesAt({ ...ca(), element: {} })).toEqual(['unknown_field element']);
    expect(codesAt({ ...ca(), elements: { Ag: { max: '0.1', min: '0' } } })).toEqual([
      'unknown_field elements.Ag.min',
    ]);
  });
});

describe('designations (alloy contracts)', () => {
  const aa = (): ContractSpec => structuredClone(SPECS.find((s) => s.metal === 'AA' && s.version === 2) as ContractSpec);
  const withFirst = (change: (d: Record<string, unknown>) => void): ContractSpec => {
    const spec = aa();
    change(spec.designations![0] as unknown as Record<string, unknown>);
    return spec;
  };

  it('names every bad range, source and field by its path', () => {
    expect(codesAt(aa())).toEqual([]);
    expect(codesAt(withFirst((d) => ((d.elements as Record<string, unknown>).Si = { min: '9.6', max: '9.5', source: 'aa' })))).toEqual([
      'min_above_max designations[0].elements.Si',
    ]);
    expect(codesAt(withFirst((d) => ((d.elements as Record<string, unknown>).Cu = { min: '3.0', source: 'nowhere' })))).toEqual([
      'unknown_source designations[0].elements.Cu.source',
    ]);
    expect(codesAt(withFirst((d) => ((d.elements as Record<string, unknown>).Al = { min: '80', source: 'aa' })))).toEqual([
      'base_element_limit designations[0].elements.Al',
    ]);
    expect(codesAt(withFirst((d) => ((d.elements as Record<string, unknown>).Fe = { source: 'aa' })))).toEqual([
      'empty_range designations[0].elements.Fe',
    ]);
    expect(codesAt(withFirst((d) => ((d.elements as Record<string, unknown>).Xx = { max: '1', source: 'aa' })))).toEqual([
      'unknown_element designations[0].elements.Xx',
    ]);
    expect(codesAt(withFirst((d) => (d.others = { total: '101', source: 'aa' })))).toEqual(['out_of_range designations[0].others.total']);
    expect(codesAt(withFirst((d) => (d.id = '226')))).toEqual(['duplicate_designation designations[1].id']);
    expect(codesAt(withFirst((d) => (d.sources = {})))).toContain('required designations[0].sources');
    expect(codesAt(withFirst((d) => (d.colour = 'grey')))).toEqual(['unknown_field designations[0].colour']);
    expect(codesAt({ ...aa(), designations: [] })).toEqual(['not_an_array designations']);
  });
});

describe('helpers', () => {
  it('isElementSymbol is case-sensitive', () => {
    expect(['Fe', 'Og', 'O', 'Cu'].every(isElementSymbol)).toBe(true);
    expect(['FE', 'fe', 'Xx', '', 'Copper', 26].some(isElementSymbol)).toBe(false);
  });
  it('isIsoDate checks the calendar', () => {
    expect(['2024-02-29', '2000-02-29', '2025-12-31'].every(isIsoDate)).toBe(true);
    expect(['2023-02-29', '1900-02-29', '2025-04-31', '2025-00-10', '2025-1-1'].some(isIsoDate)).toBe(false);
  });
});
