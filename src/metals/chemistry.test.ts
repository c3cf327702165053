import { describe, it, expect } from 'vitest';
import specsJson from '../../reference/contract-specs.json' with { type: 'json' };
import { checkChemistry } from './chemistry.ts';
import type { Analysis, ContractSpec, MetalCode, ReportedValue } from './spec-types.ts';

// The real reference data: these tests fail if a number in contract-specs.json changes.
const SPECS = specsJson as unknown as ContractSpec[];
/** The metal's spec in force today: its highest version (AA and NA: version 2, with designations). */
const spec = (metal: MetalCode, version?: number): ContractSpec => {
  const found = SPECS.filter((s) => s.metal === metal && (version === undefined || s.version === version)).sort((a, b) => b.version - a.version)[0];
  if (found === undefined) throw new Error(`no ${metal} spec in reference/contract-specs.json`);
  return found;
};
const pct = (value: string, extra: Partial<ReportedValue> = {}): ReportedValue => ({
  value,
  unit: '%',
  ...extra,
});
const ppm = (value: string, extra: Partial<ReportedValue> = {}): ReportedValue => ({
  value,
  unit: 'ppm',
  ...extra,
});
const lt = (value: string): ReportedValue => ({ value, unit: '%', operator: '<' });

/** A realistic Cu-CATH-1 cathode analysis (total listed impurities ≈ 30 ppm). */
const copper = (): Analysis => ({
  Ag: ppm('9.5'),
  As: ppm('0.8'),
  Bi: lt('0.00005'),
  Cd: lt('0.00005'),
  Co: lt('0.00005'),
  Cr: lt('0.00005'),
  Fe: ppm('1.6'),
  Mn: lt('0.00005'),
  Ni: ppm('0.9'),
  P: lt('0.0001'),
  Pb: ppm('0.7'),
  S: ppm('5.2'),
  Sb: ppm('0.4'),
  Se: lt('0.00005'),
  Si: lt('0.0001'),
  Sn: lt('0.0001'),
  Te: lt('0.00005'),
  Zn: ppm('0.6'),
});

const reasonsFor = (result: ReturnType<typeof checkChemistry>) =>
  result.reasons.map((r) => `${r.code} ${r.path}: ${r.message}`);

describe('copper Cu-CATH-1', () => {
  it('a typical cathode conforms', () => {
    const result = checkChemistry(spec('CA'), copper());
    expect(reasonsFor(result)).toEqual([]);
    expect(result.verdict).toBe('conforming');
    expect(result.purity).toMatchObject({
      element: 'Cu',
      basis: 'difference',
      status: 'ok',
      includesBounds: true,
    });
    expect(result.groups.map((g) => g.id)).toEqual([
      'As+Cd+Cr+Mn+P+Sb',
      'Bi+Se+Te',
      'Se+Te',
      'Co+Fe+Ni+Si+Sn+Zn',
      'total',
    ]);
  });

  it('Ag 0.0026 % is rejected with a reason naming Ag and both numbers', () => {
    const result = checkChemistry(spec('CA'), { ...copper(), Ag: pct('0.0026') });
    expect(result.verdict).toBe('non_conforming');
    expect(result.reasons).toEqual([
      {
        code: 'element_exceeds',
        path: 'chemistry.Ag',
        message: 'Ag 0.0026 % exceeds the Cu-CATH-1 maximum of 0.0025 %',
      },
    ]);
    expect(result.elements.find((e) => e.element === 'Ag')).toMatchObject({
      reported: '0.0026',
      limit: '0.0025',
      status: 'exceeds',
    });
  });

  it('Ag exactly at the maximum (0.0025 %) conforms', () => {
    expect(checkChemistry(spec('CA'), { ...copper(), Ag: pct('0.0025') }).verdict).toBe('conforming');
  });

  it('Co+Fe+Ni+Si+Sn+Zn summing to 0.0021 % is rejected naming the group, each element within limits', () => {
    const analysis: Analysis = {
      ...copper(),
      Co: pct('0.0003'),
      Fe: pct('0.0009'), // Fe limit 0.0010
      Ni: pct('0.0003'),
      Si: pct('0.0002'),
      Sn: pct('0.0002'),
      Zn: pct('0.0002'),
    };
    const result = checkChemistry(spec('CA'), analysis);
    expect(result.verdict).toBe('non_conforming');
    expect(result.elements.every((e) => e.status !== 'exceeds')).toBe(true);
    expect(result.groups.find((g) => g.id === 'Co+Fe+Ni+Si+Sn+Zn')).toMatchObject({
      sum: '0.0021',
      limit: '0.0020',
      status: 'exceeds',
    });
    const groupReasons = result.reasons.filter((r) => r.code === 'group_exceeds');
    expect(groupReasons).toHaveLength(1);
    expect(groupReasons[0]).toMatchObject({ path: 'chemistry.groups.Co+Fe+Ni+Si+Sn+Zn' });
    expect(groupReasons[0]?.message).toContain('Co+Fe+Ni+Si+Sn+Zn 0.0021 %');
    expect(groupReasons[0]?.message).toContain('0.0020 %');
    // one fewer ppm of Fe brings the group to its maximum, which conforms
    expect(checkChemistry(spec('CA'), { ...analysis, Fe: pct('0.0008') }).verdict).toBe('conforming');
  });

  it('Se reported as "<0.0002" conforms', () => {
    const result = checkChemistry(spec('CA'), {
      ...copper(),
      Se: { value: '0.0002', unit: '%', operator: '<' },
    });
    expect(reasonsFor(result)).toEqual([]);
    expect(result.elements.find((e) => e.element === 'Se')).toMatchObject({
      reported: '0.0002',
      operator: '<',
      status: 'ok',
    });
  });

  it('a bound is used conservatively in group sums (Bi+Se+Te)', () => {
    const result = checkChemistry(spec('CA'), { ...copper(), Se: lt('0.0002'), Te: lt('0.0002') });
    expect(result.verdict).toBe('non_conforming');
    expect(result.groups.find((g) => g.id === 'Se+Te')).toMatchObject({
      sum: '0.0004',
      status: 'exceeds',
      includesBounds: true,
    });
    expect(result.reasons.map((r) => r.path)).toEqual([
      'chemistry.groups.Bi+Se+Te',
      'chemistry.groups.Se+Te',
    ]);
  });

  it('25 ppm is compared as 0.0025 %: Ag 25 ppm conforms, 26 ppm is rejected', () => {
    const ok = checkChemistry(spec('CA'), { ...copper(), Ag: ppm('25') });
    expect(ok.verdict).toBe('conforming');
    expect(ok.elements.find((e) => e.element === 'Ag')?.reported).toBe('0.0025');
    const bad = checkChemistry(spec('CA'), { ...copper(), Ag: ppm('26') });
    expect(bad.verdict).toBe('non_conforming');
    expect(bad.reasons[0]?.message).toBe('Ag 26 ppm (0.0026 %) exceeds the Cu-CATH-1 maximum of 0.0025 %');
  });

  it('purity by difference fails when the total of impurities exceeds 0.0065 %', () => {
    // Each listed element within its limit and the total group at 0.0065: Cu = 99.9935 exactly → conforms.
    const atLimit: Analysis = {
      Ag: pct('0.0025'),
      S: pct('0.0015'),
      Fe: pct('0.0010'),
      Pb: pct('0.0005'),
      As: pct('0.0005'),
      Ni: pct('0.0005'),
    };
    const r1 = checkChemistry(spec('CA'), atLimit);
    expect(reasonsFor(r1)).toEqual([]);
    expect(r1.purity).toMatchObject({ value: '99.9935', basis: 'difference', status: 'ok' });
    // An unlisted impurity (oxygen) still counts against the difference.
    const r2 = checkChemistry(spec('CA'), { ...atLimit, O: pct('0.0001') });
    expect(r2.verdict).toBe('non_conforming');
    expect(r2.reasons).toEqual([
      {
        code: 'purity_below',
        path: 'chemistry.purity',
        message:
          'Cu by difference 99.9934 % (100 − 0.0066 % reported impurities) is below the Cu-CATH-1 minimum of 99.9935 %',
      },
    ]);
  });

  it('a reported Cu figure does not replace the difference', () => {
    const result = checkChemistry(spec('CA'), { ...copper(), Cu: pct('99.99') });
    expect(result.verdict).toBe('conforming');
    expect(result.purity?.basis).toBe('difference');
    expect(result.elements.some((e) => e.element === 'Cu')).toBe(false);
  });

  it('an empty analysis cannot establish purity by difference', () => {
    const result = checkChemistry(spec('CA'), {});
    expect(result.verdict).toBe('non_conforming');
    expect(result.reasons.map((r) => r.code)).toEqual(['purity_not_reported']);
    expect(result.notReported).toContain('Ag');
  });
});

describe('primary aluminium P1020A', () => {
  const aluminium = (): Analysis => ({
    Al: pct('99.75'),
    Si: pct('0.05'),
    Fe: pct('0.14'),
    Zn: pct('0.01'),
    Ga: pct('0.012'),
    V: pct('0.008'),
    Cu: pct('0.002'),
  });

  it('Si 0.10 % conforms and Si 0.11 % is rejected', () => {
    const ok = checkChemistry(spec('AH'), { ...aluminium(), Si: pct('0.10') });
    expect(reasonsFor(ok)).toEqual([]);
    expect(ok.elements.find((e) => e.element === 'Si')).toMatchObject({
      reported: '0.1',
      limit: '0.10',
      status: 'ok',
    });
    const bad = checkChemistry(spec('AH'), { ...aluminium(), Si: pct('0.11') });
    expect(bad.verdict).toBe('non_conforming');
    expect(bad.reasons).toEqual([
      {
        code: 'element_exceeds',
        path: 'chemistry.Si',
        message: 'Si 0.11 % exceeds the P1020A maximum of 0.10 %',
      },
    ]);
  });

  it('Al 99.69 % is rejected; Al 99.70 % conforms', () => {
    expect(checkChemistry(spec('AH'), { ...aluminium(), Al: pct('99.70') }).verdict).toBe('conforming');
    const bad = checkChemistry(spec('AH'), { ...aluminium(), Al: pct('99.69') });
    expect(bad.reasons).toEqual([
      {
        code: 'purity_below',
        path: 'chemistry.purity',
        message: 'Al 99.69 % is below the P1020A minimum of 99.70 %',
      },
    ]);
  });

  it('Al may be established by difference when not reported', () => {
    const { Al: _al, ...rest } = aluminium();
    const result = checkChemistry(spec('AH'), rest);
    expect(result.verdict).toBe('conforming');
    expect(result.purity).toMatchObject({ value: '99.778', basis: 'difference' });
  });

  it('elements without a limit are reported as no_limit', () => {
    const result = checkChemistry(spec('AH'), aluminium());
    expect(result.elements.find((e) => e.element === 'Cu')).toEqual({
      element: 'Cu',
      reported: '0.002',
      operator: '=',
      status: 'no_limit',
    });
  });
});

describe('nickel', () => {
  it('Ni 99.79 % is rejected, 99.80 % conforms', () => {
    const rest: Analysis = { Co: pct('0.05'), Cu: pct('0.005'), Fe: pct('0.005'), C: pct('0.01') };
    const bad = checkChemistry(spec('NI'), { Ni: pct('99.79'), ...rest });
    expect(bad.verdict).toBe('non_conforming');
    expect(bad.reasons).toEqual([
      {
        code: 'purity_below',
        path: 'chemistry.purity',
        message: 'Ni 99.79 % is below the ASTM B39-79 (2008) minimum of 99.80 %',
      },
    ]);
    expect(checkChemistry(spec('NI'), { Ni: pct('99.80'), ...rest }).verdict).toBe('conforming');
  });
});

describe('a typical conforming analysis for each metal', () => {
  const typical: Record<MetalCode, Analysis> = {
    AH: {
      Al: pct('99.78'),
      Si: pct('0.04'),
      Fe: pct('0.12'),
      Zn: pct('0.008'),
      Ga: pct('0.011'),
      V: pct('0.009'),
      Cu: pct('0.001'),
      Mn: pct('0.001'),
    },
    CA: copper(),
    ZS: {
      Zn: pct('99.9972'),
      Pb: pct('0.0012'),
      Cd: pct('0.0002'),
      Fe: pct('0.0008'),
      Cu: pct('0.0001'),
      Sn: lt('0.0001'),
    },
    PB: {
      Pb: pct('99.988'),
      Bi: pct('0.0085'),
      Cu: pct('0.0005'),
      Ag: pct('0.0010'),
      Zn: pct('0.0003'),
      Sb: lt('0.0005'),
      Sn: lt('0.0005'),
    },
    NI: { Ni: pct('99.93'), Co: pct('0.04'), Cu: ppm('10'), Fe: ppm('20'), S: ppm('5'), C: ppm('50') },
    SN: {
      Sn: pct('99.92'),
      Pb: pct('0.025'),
      Sb: pct('0.012'),
      Cu: pct('0.004'),
      As: pct('0.006'),
      Bi: pct('0.005'),
      Fe: pct('0.003'),
    },
    AA: {
      Si: pct('10.6'),
      Cu: pct('2.1'),
      Fe: pct('0.82'),
      Zn: pct('0.9'),
      Mg: pct('0.25'),
      Mn: pct('0.3'),
      Ni: pct('0.08'),
      Sn: pct('0.05'),
    },
    NA: {
      Si: pct('8.4'),
      Cu: pct('3.2'),
      Fe: pct('0.85'),
      Zn: pct('2.6'),
      Mg: pct('0.08'),
      Mn: pct('0.3'),
      Ni: pct('0.2'),
      Sn: pct('0.12'),
    },
    CO: {
      Co: pct('99.86'),
      Ni: pct('0.025'),
      Fe: pct('0.006'),
      Cu: pct('0.002'),
      C: pct('0.008'),
      S: pct('0.001'),
      Zn: ppm('8'),
    },
  };

  it('covers all nine metals in the reference data', () => {
    expect([...new Set(SPECS.map((s) => s.metal))].sort()).toEqual(Object.keys(typical).sort());
  });

  it.each(Object.entries(typical))('%s conforms', (metal, analysis) => {
    const result = checkChemistry(spec(metal as MetalCode), analysis);
    expect(reasonsFor(result)).toEqual([]);
    expect(result.verdict).toBe('conforming');
  });

  it('alloy spec version 1 (no purity, no limits) reported every element as no_limit and purity null', () => {
    const result = checkChemistry(spec('AA', 1), typical.AA);
    expect(result.purity).toBeNull();
    expect(result.elements.every((e) => e.status === 'no_limit')).toBe(true);
    expect(result.designation).toBeUndefined();
  });

  it('zinc below 99.995 % by difference is rejected', () => {
    const { Zn: _zn, ...impurities } = typical.ZS;
    const ok = checkChemistry(spec('ZS'), impurities);
    expect(ok.purity).toMatchObject({
      basis: 'difference',
      value: '99.9976',
      status: 'ok',
      includesBounds: true,
    });
    const bad = checkChemistry(spec('ZS'), { ...impurities, Pb: pct('0.0040') });
    expect(bad.reasons.map((r) => r.code)).toEqual(['purity_below']);
  });
});

describe('malformed analyses give reasons, never throw', () => {
  const base = (): Analysis => ({ Ni: pct('99.9'), Co: pct('0.05') });
  const codes = (analysis: unknown) => {
    const result = checkChemistry(spec('NI'), analysis as Analysis);
    expect(result.verdict).toBe('non_conforming');
    return result.reasons.map((r) => `${r.code} ${r.path}`);
  };

  it('unknown element symbol', () => {
    expect(codes({ ...base(), Xx: pct('0.01') })).toEqual(['unknown_element chemistry.Xx']);
    expect(codes({ ...base(), fe: pct('0.01') })).toEqual(['unknown_element chemistry.fe']);
  });
  it('negative or non-decimal values', () => {
    expect(codes({ ...base(), Fe: pct('-0.01') })).toEqual(['negative_value chemistry.Fe.value']);
    expect(codes({ ...base(), Fe: pct('1e-4') })).toEqual(['invalid_value chemistry.Fe.value']);
    expect(codes({ ...base(), Fe: { value: 0.01, unit: '%' } })).toEqual([
      'invalid_value chemistry.Fe.value',
    ]);
    expect(codes({ ...base(), Fe: pct('') })).toEqual(['invalid_value chemistry.Fe.value']);
    expect(codes({ ...base(), Fe: '0.01' })).toEqual(['invalid_value chemistry.Fe']);
  });
  it('too much precision to hold exactly', () => {
    expect(codes({ ...base(), Fe: pct('0.0000000000001') })).toEqual(['invalid_value chemistry.Fe.value']);
    expect(codes({ ...base(), Fe: ppm('0.000000001') })).toEqual(['invalid_value chemistry.Fe.value']);
  });
  it('unknown unit or operator', () => {
    expect(codes({ ...base(), Fe: { value: '0.01', unit: 'ppb' } })).toEqual([
      'unknown_unit chemistry.Fe.unit',
    ]);
    expect(codes({ ...base(), Fe: { value: '0.01' } })).toEqual(['unknown_unit chemistry.Fe.unit']);
    expect(codes({ ...base(), Fe: { value: '0.01', unit: '%', operator: '≤' } })).toEqual([
      'unknown_operator chemistry.Fe.operator',
    ]);
  });
  it('values above 100 % (or 10^6 ppm for the base element)', () => {
    expect(codes({ ...base(), Fe: pct('100.1') })).toEqual(['value_out_of_range chemistry.Fe.value']);
    const r = checkChemistry(spec('NI'), { Ni: ppm('1000001') });
    expect(r.reasons).toEqual([
      {
        code: 'value_out_of_range',
        path: 'chemistry.Ni.value',
        message: 'Ni 1000001 ppm exceeds 1000000 ppm (100 %)',
      },
    ]);
    // exactly 10^6 ppm is 100 %: well-formed (and conforming on its own)
    expect(checkChemistry(spec('NI'), { Ni: ppm('1000000') }).verdict).toBe('conforming');
  });
  it('a base element reported with "<" is malformed, and purity is not taken by difference instead', () => {
    expect(codes({ ...base(), Ni: { value: '99.9', unit: '%', operator: '<' } })).toEqual([
      'base_element_bound chemistry.Ni.operator',
    ]);
  });
  it('missing required purity', () => {
    const r = checkChemistry(
      { ...spec('NI'), purity: { element: 'Ni', min: '99.80', basis: 'reported' } },
      { Co: pct('0.05') },
    );
    expect(r.reasons).toEqual([
      {
        code: 'purity_not_reported',
        path: 'chemistry.purity',
        message: 'purity not reported: Ni content is required',
      },
    ]);
  });
  it('uncertainty must be a non-negative decimal; it is reported but never decides the verdict', () => {
    expect(codes({ ...base(), Fe: pct('0.01', { uncertainty: '-0.001' }) })).toEqual([
      'invalid_uncertainty chemistry.Fe.uncertainty',
    ]);
    const r = checkChemistry(spec('CA'), { ...copper(), Ag: ppm('25', { uncertainty: '3' }) });
    expect(r.verdict).toBe('conforming'); // 25 + 3 ppm would exceed; the uncertainty is not used
    expect(r.elements.find((e) => e.element === 'Ag')?.uncertainty).toBe('0.0003');
  });
  it('a non-object analysis', () => {
    expect(codes(null)).toContain('invalid_analysis chemistry');
    expect(codes([])).toContain('invalid_analysis chemistry');
  });
  it('reports every problem, not only the first', () => {
    expect(codes({ Ni: pct('99.9'), Xx: pct('1'), Fe: pct('-1'), Co: { value: '1', unit: 'g' } })).toEqual([
      'unknown_element chemistry.Xx',
      'negative_value chemistry.Fe.value',
      'unknown_unit chemistry.Co.unit',
    ]);
  });
});

describe('the spec is data', () => {
  it('a stricter posted version changes the verdict without code changes', () => {
    const v2: ContractSpec = {
      ...spec('CA'),
      version: 2,
      elements: { ...spec('CA').elements, Ag: { max: '0.0020' } },
    };
    const analysis = { ...copper(), Ag: pct('0.0022') };
    expect(checkChemistry(spec('CA'), analysis).verdict).toBe('conforming');
    expect(checkChemistry(v2, analysis).reasons[0]?.message).toBe(
      'Ag 0.0022 % exceeds the Cu-CATH-1 maximum of 0.0020 %',
    );
  });
  it('a malformed spec is a programming error and throws', () => {
    expect(() => checkChemistry({ ...spec('CA'), elements: { Ag: { max: 'abc' } } }, copper())).toThrow(
      /CA v1: elements.Ag.max/,
    );
  });
});

describe('alloy designations (AA and NA version 2): ranges per element, conforming when one is met', () => {
  const aa = spec('AA');
  const na = spec('NA');
  /** Inside every A380.1 range; Zn 1.8 is above 226's 1.2 and Si 8.6 below AD12.1's 9.6. */
  const a380 = (): Analysis => ({
    Si: pct('8.6'),
    Fe: pct('0.85'),
    Cu: pct('3.4'),
    Mn: pct('0.30'),
    Mg: pct('0.05'),
    Ni: pct('0.10'),
    Zn: pct('1.8'),
    Sn: ppm('500'),
  });
  /** Inside 226 only: Si 10.2 and Cu 2.6 outside A380.1, Zn 1.1 above AD12.1's 1.0. */
  const only226 = (): Analysis => ({
    Si: pct('10.2'),
    Fe: pct('0.9'),
    Cu: pct('2.6'),
    Mn: pct('0.3'),
    Mg: pct('0.3'),
    Ni: pct('0.1'),
    Zn: pct('1.1'),
    Sn: pct('0.1'),
  });
  const failures = (r: ReturnType<typeof checkChemistry>, id: string) =>
    r.designation!.checks.find((c) => c.id === id)!.failures.map((f) => `${f.element} ${f.problem} ${f.reported ?? '-'} ${f.limit}`);

  it('lists the designations the contracts name, each figure citing a source it carries', () => {
    expect(aa.designations!.map((d) => d.id)).toEqual(['A380.1', '226', 'AD12.1']);
    expect(na.designations!.map((d) => d.id)).toEqual(['A380.1']);
    for (const d of [...aa.designations!, ...na.designations!]) {
      for (const [el, r] of Object.entries(d.elements)) expect(d.sources[r.source], `${d.id} ${el}`).toBeTruthy();
      if (d.others) expect(d.sources[d.others.source]).toBeTruthy();
    }
  });

  it('inside every range of A380.1 (ppm normalised; bounds inclusive): conforms, and records A380.1', () => {
    const r = checkChemistry(aa, a380());
    expect(r.reasons).toEqual([]);
    expect(r.verdict).toBe('conforming');
    expect(r.designation).toMatchObject({ matched: 'A380.1', met: ['A380.1'], shownAgainst: 'A380.1' });
    expect(r.elements.find((e) => e.element === 'Si')).toMatchObject({ reported: '8.6', min: '7.5', limit: '9.5', status: 'ok' });
    expect(r.elements.find((e) => e.element === 'Sn')).toMatchObject({ reported: '0.05', limit: '0.35', status: 'ok' });
    for (const edge of ['7.5', '9.5']) expect(checkChemistry(aa, { ...a380(), Si: pct(edge) }).designation!.matched, edge).toBe('A380.1');
    expect(checkChemistry(na, a380()).designation!.matched).toBe('A380.1');
  });

  it('below a minimum: Cu 2.9 % (A380.1 needs 3.0): meets nothing, and says why for each designation', () => {
    const r = checkChemistry(aa, { ...a380(), Cu: pct('2.9') });
    expect(r.verdict).toBe('non_conforming');
    expect(r.designation).toMatchObject({ matched: null, met: [], shownAgainst: 'A380.1' });
    expect(failures(r, 'A380.1')).toEqual(['Cu below_min 2.9 3.0']);
    expect(failures(r, '226')).toEqual(['Zn above_max 1.8 1.2']);
    expect(failures(r, 'AD12.1')).toEqual(['Si below_min 8.6 9.6', 'Zn above_max 1.8 1.0']);
    expect(r.reasons.map((x) => `${x.code} ${x.path}`)).toEqual([
      'designation_not_met chemistry.designations.A380.1',
      'designation_not_met chemistry.designations.226',
      'designation_not_met chemistry.designations.AD12.1',
    ]);
    expect(r.reasons[0]!.message).toBe('Does not meet A380.1: Cu 2.9 % is below the minimum of 3.0 %');
    expect(r.elements.find((e) => e.element === 'Cu')).toMatchObject({ min: '3.0', limit: '4.0', status: 'below' });
  });

  it('above a maximum: Zn 3.0 % (A380.1 allows 2.9): meets nothing', () => {
    const r = checkChemistry(aa, { ...a380(), Zn: pct('3.0') });
    expect(r.verdict).toBe('non_conforming');
    expect(failures(r, 'A380.1')).toEqual(['Zn above_max 3 2.9']);
    expect(r.reasons[0]!.message).toBe('Does not meet A380.1: Zn 3 % is above the maximum of 2.9 %');
    expect(r.elements.find((e) => e.element === 'Zn')).toMatchObject({ limit: '2.9', status: 'exceeds' });
    expect(checkChemistry(na, { ...a380(), Zn: pct('3.0') }).verdict).toBe('non_conforming');
  });

  it('matching a second designation only: conforms as 226, and the rows show 226’s limits', () => {
    const r = checkChemistry(aa, only226());
    expect(r.reasons).toEqual([]);
    expect(r.designation).toMatchObject({ matched: '226', met: ['226'], shownAgainst: '226' });
    expect(failures(r, 'A380.1')).toEqual(['Si above_max 10.2 9.5', 'Cu below_min 2.6 3.0', 'Mg above_max 0.3 0.10']);
    expect(failures(r, 'AD12.1')).toEqual(['Zn above_max 1.1 1.0']);
    expect(r.elements.find((e) => e.element === 'Mg')).toMatchObject({ min: '0.05', limit: '0.55', status: 'ok' });
    // NASAAC models A380.1 only: the same analysis is not NASAAC.
    expect(checkChemistry(na, only226()).designation).toMatchObject({ matched: null, shownAgainst: 'A380.1' });
    // Meeting two: the first the contract lists is recorded.
    const both = checkChemistry(aa, { ...only226(), Zn: pct('0.9') });
    expect(both.designation).toMatchObject({ matched: '226', met: ['226', 'AD12.1'] });
  });

  it('a minimum needs a measured value: not reported, or only a detection-limit bound, does not meet it', () => {
    const { Cu: _cu, ...noCopper } = a380();
    expect(failures(checkChemistry(aa, noCopper), 'A380.1')).toEqual(['Cu not_reported - 3.0']);
    const bound = checkChemistry(aa, { ...only226(), Mg: lt('0.1') });
    expect(failures(bound, '226')).toEqual(['Mg bound_below_min 0.1 0.05']);
    expect(bound.verdict).toBe('non_conforming');
    // A bound against a maximum only is fine, as for the other metals.
    expect(checkChemistry(aa, { ...a380(), Ni: lt('0.01') }).designation!.matched).toBe('A380.1');
    // An element with a maximum only may be absent (it counts as 0).
    const { Sn: _sn, ...noTin } = a380();
    expect(checkChemistry(aa, noTin).designation!.matched).toBe('A380.1');
  });

  it('holds the elements a designation does not list to its "others" limits', () => {
    // A380.1: others total 0.50 %.
    const extra = checkChemistry(aa, { ...a380(), Ti: pct('0.3'), Cr: pct('0.3') });
    expect(failures(extra, 'A380.1')).toEqual(['others others_above_total 0.6 0.50']);
    expect(checkChemistry(aa, { ...a380(), Ti: pct('0.2'), Cr: pct('0.3') }).designation!.matched).toBe('A380.1');
    // 226: each unlisted element at most 0.05 %; aluminium, the remainder, is never an "other".
    const sr = checkChemistry(aa, { ...only226(), Sr: pct('0.06'), Al: pct('84.3') });
    expect(failures(sr, '226')).toEqual(['Sr other_above_each 0.06 0.05']);
    expect(sr.elements.find((e) => e.element === 'Sr')).toMatchObject({ limit: '0.05', status: 'exceeds' });
  });
});
