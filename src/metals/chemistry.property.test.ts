import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import specsJson from '../../reference/contract-specs.json' with { type: 'json' };
import { checkChemistry } from './chemistry.ts';
import {
  HUNDRED,
  PPM_FRACTION_DIGITS,
  formatDecimal,
  fromUnits,
  parseDecimal,
  percentToPpm,
  ppmToPercent,
  toUnits,
  type Fixed,
} from './fixed.ts';
import type { Analysis, ChemistryResult, ContractSpec, Operator, ReportedValue, Unit } from './spec-types.ts';

// Specs with designations (the alloys from version 2) are left out: a designation's minimum makes
// raising a value able to fix an analysis and a "<" bound unable to meet it, by design (their
// vectors are in chemistry.test.ts). Every other rule is a maximum, for which these properties hold.
const SPECS = (specsJson as unknown as ContractSpec[]).filter((s) => !s.designations);

/** 1e-6 % in fixed units: the grid random values are drawn on (finer than any lab reports). */
const STEP = 1_000_000n;
const PERCENT = 10n ** 12n;
/** Range for impurities of an alloy (no purity, no limits): up to 1 %. */
const UNLIMITED_RANGE = PERCENT;
const EXTRAS = ['O', 'C', 'Mn', 'Cu', 'Mg', 'Cr', 'Ti', 'Ni', 'Sb', 'Fe'];

const encode = (percent: Fixed, unit: Unit): string =>
  formatDecimal(unit === 'ppm' ? percentToPpm(percent) : percent);
const decode = (rv: ReportedValue): Fixed =>
  rv.unit === 'ppm' ? ppmToPercent(parseDecimal(rv.value, PPM_FRACTION_DIGITS)) : parseDecimal(rv.value);

/** A value on the STEP grid in [0, hi], biased towards small values so both verdicts occur. */
const valueArb = (hi: bigint): fc.Arbitrary<Fixed> =>
  fc
    .oneof(
      { weight: 6, arbitrary: fc.bigInt({ min: 0n, max: hi / 4n / STEP }) },
      { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: (hi * 3n) / 2n / STEP }) },
      { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: (hi * 10n) / STEP }) },
    )
    .map((n) => fromUnits(n * STEP));

const reportedArb = (hi: bigint, operators: Operator[]): fc.Arbitrary<ReportedValue> =>
  fc
    .record({
      v: valueArb(hi),
      unit: fc.constantFrom<Unit>('%', 'ppm'),
      operator: fc.constantFrom(...operators),
    })
    .map(({ v, unit, operator }) => ({ value: encode(v, unit), unit, operator }));

/** A random analysis for `spec`: limited elements near their limits, some unlimited extras, and the base element. */
function analysisArb(spec: ContractSpec): fc.Arbitrary<Analysis> {
  const base = spec.purity?.element;
  const range = new Map<string, bigint>();
  const share = (e: string, max: string, n: number): void => {
    const m = toUnits(parseDecimal(max)) / BigInt(n);
    const current = range.get(e);
    range.set(e, current !== undefined && current > m ? current : m);
  };
  for (const [e, l] of Object.entries(spec.elements)) share(e, l.max, 1);
  // an element limited only through a group gets its share of the group maximum
  for (const g of spec.groups)
    for (const e of g.elements) if (!Object.hasOwn(spec.elements, e)) share(e, g.max, g.elements.length);
  // unlimited extras: up to half the purity margin (they count against purity by difference)
  const margin =
    spec.purity === null ? UNLIMITED_RANGE : (toUnits(HUNDRED) - toUnits(parseDecimal(spec.purity.min))) / 2n;
  for (const e of EXTRAS) if (!range.has(e)) range.set(e, margin);
  const candidates = [...range.keys()].filter((e) => e !== base);

  const impurityArbs = candidates.map((e) =>
    fc.option(reportedArb(range.get(e) ?? UNLIMITED_RANGE, ['=', '=', '<', '<=']), {
      nil: undefined,
      freq: 3,
    }),
  );
  const baseArb: fc.Arbitrary<ReportedValue | undefined> =
    spec.purity === null || base === undefined
      ? fc.constant(undefined)
      : fc.option(
          fc
            .record({
              v: fc.bigInt({
                // mostly at or above the minimum: min − (100 − min) / 4 … 100
                min:
                  (toUnits(parseDecimal(spec.purity.min)) -
                    (toUnits(HUNDRED) - toUnits(parseDecimal(spec.purity.min))) / 4n) /
                  STEP,
                max: toUnits(HUNDRED) / STEP,
              }),
              unit: fc.constantFrom<Unit>('%', '%', 'ppm'),
            })
            .map(({ v, unit }) => ({ value: encode(fromUnits(v * STEP), unit), unit })),
          { nil: undefined, freq: 3 },
        );

  return fc.tuple(baseArb, fc.tuple(...impurityArbs)).map(([b, values]) => {
    const analysis: Analysis = {};
    if (b !== undefined && base !== undefined) analysis[base] = b;
    values.forEach((v, i) => {
      const e = candidates[i];
      if (v !== undefined && e !== undefined) analysis[e] = v;
    });
    return analysis;
  });
}

const specAndAnalysis = fc
  .constantFrom(...SPECS)
  .chain((spec) => analysisArb(spec).map((analysis) => ({ spec, analysis })));

/** Everything except the human-readable messages (which legitimately mention the unit or operator). */
const outcome = (r: ChemistryResult) => ({
  verdict: r.verdict,
  elements: r.elements.map(({ operator: _op, ...rest }) => rest),
  groups: r.groups.map(({ includesBounds: _b, ...rest }) => rest),
  purity: r.purity === null ? null : { ...r.purity, includesBounds: undefined },
  reasons: r.reasons.map((x) => `${x.code} ${x.path}`),
});

const impurityKeys = (spec: ContractSpec, a: Analysis) =>
  Object.keys(a).filter((e) => e !== spec.purity?.element);

describe('chemistry properties (real reference specs)', () => {
  it('the generator produces both verdicts in fair proportion (so the properties can fail)', () => {
    const sample = fc.sample(specAndAnalysis, { numRuns: 400, seed: 42 });
    const conforming = sample.filter(
      ({ spec, analysis }) => checkChemistry(spec, analysis).verdict === 'conforming',
    );
    expect(conforming.length).toBeGreaterThan(sample.length / 5);
    expect(conforming.length).toBeLessThan((sample.length * 4) / 5);
    // and for copper, whose many limits make conformity hardest, both verdicts occur
    const copper = sample.filter(({ spec }) => spec.metal === 'CA');
    const copperConforming = copper.filter(
      ({ spec, analysis }) => checkChemistry(spec, analysis).verdict === 'conforming',
    );
    expect(copperConforming.length).toBeGreaterThan(0);
    expect(copperConforming.length).toBeLessThan(copper.length);
  });

  it('(1) unit normalisation: % × 10^4 equals ppm exactly, and ppm or % input gives identical results', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 6n * 10n ** BigInt(PPM_FRACTION_DIGITS) }),
        fc.nat({ max: PPM_FRACTION_DIGITS }),
        (n, digits) => {
          // a random decimal ppm value with up to 8 decimal places, 0 … 10^6 ppm
          const ppmUnits = (n / 10n ** BigInt(PPM_FRACTION_DIGITS - digits)) * 10n ** BigInt(12 - digits);
          const ppmText = formatDecimal(fromUnits(ppmUnits));
          const result = checkChemistry(SPECS.find((s) => s.metal === 'AA') as ContractSpec, {
            Fe: { value: ppmText, unit: 'ppm' },
          });
          const reported = result.elements[0]?.reported ?? 'missing';
          expect(toUnits(parseDecimal(reported)) * 10_000n).toBe(toUnits(parseDecimal(ppmText)));
        },
      ),
    );
    fc.assert(
      fc.property(specAndAnalysis, fc.infiniteStream(fc.boolean()), ({ spec, analysis }, flips) => {
        const asPercent: Analysis = {};
        const asPpm: Analysis = {};
        for (const [e, rv] of Object.entries(analysis)) {
          const v = decode(rv);
          asPercent[e] = { ...rv, unit: '%', value: encode(v, '%') };
          asPpm[e] = flips.next().value ? { ...rv, unit: 'ppm', value: encode(v, 'ppm') } : asPercent[e];
        }
        expect(outcome(checkChemistry(spec, asPpm))).toEqual(outcome(checkChemistry(spec, asPercent)));
      }),
    );
  });

  it('(2) monotonicity: more impurity or less base metal never turns non_conforming into conforming', () => {
    fc.assert(
      fc.property(
        specAndAnalysis,
        fc.nat(),
        fc.boolean(),
        fc.bigInt({ min: 1n, max: 9n }),
        ({ spec, analysis }, pick, preferLimited, jitter) => {
          // Prefer an element the spec constrains (individually, in a group, or the base) half the time.
          const constrained = new Set([
            ...Object.keys(spec.elements),
            ...spec.groups.flatMap((g) => g.elements),
          ]);
          if (spec.purity !== null) constrained.add(spec.purity.element);
          const all = Object.keys(analysis);
          const limited = all.filter((e) => constrained.has(e));
          const keys = preferLimited && limited.length > 0 ? limited : all;
          const key = keys[pick % Math.max(1, keys.length)];
          if (key === undefined) return;
          const rv = analysis[key] as ReportedValue;
          const v = toUnits(decode(rv));
          const isBase = key === spec.purity?.element;
          // A ladder of ever larger changes, 1e-6 % × jitter × 2^k (up to ≈ 10 %), so that limits
          // (and any wrongly placed "upper" cut-off) are crossed; once non_conforming, it must stay so.
          let previous = checkChemistry(spec, analysis).verdict;
          for (let k = 0n; k <= 24n; k++) {
            const delta = STEP * jitter * 2n ** k;
            const changed = fromUnits(isBase ? (v > delta ? v - delta : 0n) : v + delta);
            const next = checkChemistry(spec, {
              ...analysis,
              [key]: { ...rv, value: encode(changed, rv.unit) },
            }).verdict;
            if (previous === 'non_conforming')
              expect(next, `${spec.metal} ${key} ${formatDecimal(changed)} %`).toBe('non_conforming');
            previous = next;
          }
        },
      ),
    );
  });

  it('(3) "=" → "<" (or "<=") with the same number never changes the verdict (impurities)', () => {
    // The base element is excluded: a base-element bound is a malformed analysis by rule.
    fc.assert(
      fc.property(
        specAndAnalysis,
        fc.constantFrom<Operator>('<', '<='),
        fc.infiniteStream(fc.boolean()),
        ({ spec, analysis }, op, flips) => {
          const exact: Analysis = { ...analysis };
          const bounded: Analysis = { ...analysis };
          for (const e of impurityKeys(spec, analysis)) {
            const rv = analysis[e] as ReportedValue;
            exact[e] = { ...rv, operator: '=' };
            bounded[e] = flips.next().value ? { ...rv, operator: op } : exact[e];
          }
          expect(outcome(checkChemistry(spec, bounded))).toEqual(outcome(checkChemistry(spec, exact)));
        },
      ),
    );
  });

  it('the verdict is conforming exactly when there are no reasons, and is deterministic', () => {
    fc.assert(
      fc.property(specAndAnalysis, ({ spec, analysis }) => {
        const r = checkChemistry(spec, analysis);
        expect(r.verdict === 'conforming').toBe(r.reasons.length === 0);
        expect(checkChemistry(spec, analysis)).toEqual(r);
      }),
    );
  });
});
