// Chemistry check of a reported analysis against a contract spec. Pure: no I/O, no clock, no
// randomness, no floats. The limits come from the spec (data); this file holds only the rules.
import {
  HUNDRED,
  PPM_FRACTION_DIGITS,
  SCALE,
  compare,
  formatDecimal,
  ppmToPercent,
  sub,
  sum,
  tryParseDecimal,
  type Fixed,
} from './fixed.ts';
import {
  OPERATORS,
  UNITS,
  type Analysis,
  type ChemistryReason,
  type ChemistryResult,
  type ContractSpec,
  type DesignationCheck,
  type DesignationFailure,
  type DesignationResult,
  type ElementCheck,
  type GroupCheck,
  type Operator,
  type PurityCheck,
  type Unit,
} from './spec-types.ts';
import { BASE_ELEMENT, isElementSymbol } from './spec-validate.ts';

/** One well-formed reported value, normalised to mass %. */
interface Reported {
  element: string;
  percent: Fixed;
  operator: Operator;
  /** True for "<" / "<=": `percent` is a bound, used as the value (conservative). */
  isBound: boolean;
  unit: Unit;
  raw: string;
  uncertainty?: Fixed;
}

interface CompiledRange {
  min?: { value: Fixed; text: string };
  max?: { value: Fixed; text: string };
}

interface CompiledDesignation {
  id: string;
  elements: Map<string, CompiledRange>;
  othersEach?: { value: Fixed; text: string };
  othersTotal?: { value: Fixed; text: string };
}

interface CompiledSpec {
  label: string;
  base: string | undefined;
  purityMin: Fixed | undefined;
  elements: Map<string, { max: Fixed; text: string }>;
  groups: { id: string; label: string; elements: string[]; max: Fixed; text: string }[];
  /** The alloy's base element (never an "other" of a designation). */
  alloyBase: string;
  designations: CompiledDesignation[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parse the spec's decimal strings. A spec is trusted data (validated by validateSpec when it is
 * posted), so a malformed one is a programming error and throws rather than producing reasons.
 */
function compileSpec(spec: ContractSpec): CompiledSpec {
  const where = `contract spec ${spec.metal} v${spec.version}`;
  const parse = (path: string, text: string): Fixed => {
    const parsed = tryParseDecimal(text);
    if (!parsed.ok) throw new Error(`${where}: ${path}: ${parsed.error.message}`);
    return parsed.value;
  };
  const elements = new Map<string, { max: Fixed; text: string }>();
  for (const [symbol, limit] of Object.entries(spec.elements)) {
    elements.set(symbol, { max: parse(`elements.${symbol}.max`, limit.max), text: limit.max });
  }
  const bound = (path: string, text: string | undefined) => (text === undefined ? undefined : { value: parse(path, text), text });
  const designations = (spec.designations ?? []).map((d) => {
    const compiled: CompiledDesignation = {
      id: d.id,
      elements: new Map(
        Object.entries(d.elements).map(([el, r]) => {
          const range: CompiledRange = {};
          const min = bound(`designations.${d.id}.elements.${el}.min`, r.min);
          const max = bound(`designations.${d.id}.elements.${el}.max`, r.max);
          if (min) range.min = min;
          if (max) range.max = max;
          return [el, range];
        }),
      ),
    };
    const each = bound(`designations.${d.id}.others.each`, d.others?.each);
    const total = bound(`designations.${d.id}.others.total`, d.others?.total);
    if (each) compiled.othersEach = each;
    if (total) compiled.othersTotal = total;
    return compiled;
  });
  return {
    alloyBase: BASE_ELEMENT[spec.metal],
    designations,
    label: spec.grade ?? spec.qualityStandard,
    base: spec.purity?.element,
    purityMin: spec.purity === null ? undefined : parse('purity.min', spec.purity.min),
    elements,
    groups: spec.groups.map((g) => ({
      id: g.id,
      label: g.label,
      elements: g.elements,
      max: parse(`groups.${g.id}.max`, g.max),
      text: g.max,
    })),
  };
}

/** "Ag 0.0026 %", "Se <0.0002 %", "Ag 26 ppm (0.0026 %)". */
function show(r: Reported): string {
  const op = r.operator === '=' ? '' : r.operator;
  const pct = formatDecimal(r.percent);
  return r.unit === 'ppm' ? `${r.element} ${op}${r.raw} ppm (${op}${pct} %)` : `${r.element} ${op}${pct} %`;
}

const toPercent = (v: Fixed, unit: Unit): Fixed => (unit === 'ppm' ? ppmToPercent(v) : v);

/** Validate one reported value; push reasons for every problem; return it when usable. */
function parseReported(
  element: string,
  input: unknown,
  isBase: boolean,
  reasons: ChemistryReason[],
): Reported | undefined {
  const path = `chemistry.${element}`;
  if (!isElementSymbol(element)) {
    reasons.push({ code: 'unknown_element', path, message: `"${element}" is not a chemical element symbol` });
    return undefined;
  }
  if (!isRecord(input)) {
    reasons.push({ code: 'invalid_value', path, message: `${element} must be reported as { value, unit }` });
    return undefined;
  }
  let usable = true;

  const unit = input.unit;
  if (typeof unit !== 'string' || !(UNITS as readonly string[]).includes(unit)) {
    reasons.push({
      code: 'unknown_unit',
      path: `${path}.unit`,
      message: `${element} has unit ${JSON.stringify(unit)}; expected one of ${UNITS.join(', ')}`,
    });
    usable = false;
  }
  const operator = input.operator ?? '=';
  if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) {
    reasons.push({
      code: 'unknown_operator',
      path: `${path}.operator`,
      message: `${element} has operator ${JSON.stringify(operator)}; expected one of ${OPERATORS.join(', ')}`,
    });
    usable = false;
  }
  if (!usable) return undefined;
  const u = unit as Unit;
  const op = operator as Operator;

  // A ppm value becomes % by dividing by 10^4, so it may carry 4 fewer decimal places.
  const digits = u === 'ppm' ? PPM_FRACTION_DIGITS : SCALE;

  const value = tryParseDecimal(input.value, digits);
  if (!value.ok) {
    const negative = value.error.code === 'negative';
    reasons.push({
      code: negative ? 'negative_value' : 'invalid_value',
      path: `${path}.value`,
      message: `${element} value (${u}): ${value.error.message}`,
    });
    return undefined;
  }
  const percent = toPercent(value.value, u);
  const raw = input.value as string;
  if (compare(percent, HUNDRED) > 0) {
    reasons.push({
      code: 'value_out_of_range',
      path: `${path}.value`,
      message:
        u === 'ppm'
          ? `${element} ${raw} ppm exceeds 1000000 ppm (100 %)`
          : `${element} ${formatDecimal(percent)} % exceeds 100 %`,
    });
    return undefined;
  }

  const reported: Reported = { element, percent, operator: op, isBound: op !== '=', unit: u, raw };

  // The uncertainty is parsed and reported back, but it does NOT enter the verdict: the contract
  // limits apply to the reported value itself, as the laboratory states it.
  if (input.uncertainty !== undefined) {
    const unc = tryParseDecimal(input.uncertainty, digits);
    if (unc.ok) {
      reported.uncertainty = toPercent(unc.value, u);
    } else {
      reasons.push({
        code: 'invalid_uncertainty',
        path: `${path}.uncertainty`,
        message: `${element} uncertainty (${u}) must be a non-negative decimal: ${unc.error.message}`,
      });
    }
  }

  if (isBase && reported.isBound) {
    reasons.push({
      code: 'base_element_bound',
      path: `${path}.operator`,
      message: `${element} is the base element; its content must be a measured value, not "${op}${raw}"`,
    });
    return undefined;
  }
  return reported;
}

/**
 * Check an analysis against a contract spec.
 *
 * - Every value is normalised to mass % (ppm / 10^4) before comparison and reported back so.
 * - "<" / "<=" values are bounds; the bound is used everywhere (element maxima, group sums,
 *   purity by difference), so a bound conforms exactly when its limit would.
 * - Element maxima and group maxima are inclusive (equal conforms).
 * - Malformed input never throws: it yields reasons and a non-conforming verdict. Malformed
 *   entries are left out of the element list and of the sums.
 * - Throws only when the spec itself is malformed (specs are validated when posted).
 */
// A bulk import checks thousands of analyses against the same spec object: parse its limits once.
const compiledSpecs = new WeakMap<ContractSpec, CompiledSpec>();
const compiledFor = (spec: ContractSpec): CompiledSpec => {
  let c = compiledSpecs.get(spec);
  if (!c) compiledSpecs.set(spec, (c = compileSpec(spec)));
  return c;
};

export function checkChemistry(spec: ContractSpec, analysis: Analysis): ChemistryResult {
  const compiled = compiledFor(spec);
  const reasons: ChemistryReason[] = [];
  const reported = new Map<string, Reported>();

  if (!isRecord(analysis)) {
    reasons.push({
      code: 'invalid_analysis',
      path: 'chemistry',
      message: 'the analysis must be an object of element → value',
    });
  } else {
    for (const [element, input] of Object.entries(analysis)) {
      const r = parseReported(element, input, element === compiled.base, reasons);
      if (r !== undefined) reported.set(element, r);
    }
  }
  const impurities = [...reported.values()].filter((r) => r.element !== compiled.base);

  // Element maxima.
  const elements: ElementCheck[] = impurities.map((r) => {
    const limit = compiled.elements.get(r.element);
    const check: ElementCheck = {
      element: r.element,
      reported: formatDecimal(r.percent),
      operator: r.operator,
      status: 'no_limit',
    };
    if (r.uncertainty !== undefined) check.uncertainty = formatDecimal(r.uncertainty);
    if (limit !== undefined) {
      check.limit = limit.text;
      check.status = compare(r.percent, limit.max) > 0 ? 'exceeds' : 'ok';
      if (check.status === 'exceeds') {
        reasons.push({
          code: 'element_exceeds',
          path: `chemistry.${r.element}`,
          message: `${show(r)} exceeds the ${compiled.label} maximum of ${limit.text} %`,
        });
      }
    }
    return check;
  });

  // Group maxima: missing elements count 0.
  const groups: GroupCheck[] = compiled.groups.map((g) => {
    const members = g.elements.flatMap((e) => {
      const r = reported.get(e);
      return r === undefined || e === compiled.base ? [] : [r];
    });
    const total = sum(members.map((r) => r.percent));
    const includesBounds = members.some((r) => r.isBound);
    const exceeds = compare(total, g.max) > 0;
    if (exceeds) {
      const bounds = includesBounds ? ' (including detection-limit bounds)' : '';
      reasons.push({
        code: 'group_exceeds',
        path: `chemistry.groups.${g.id}`,
        message: `${g.label} ${formatDecimal(total)} %${bounds} exceeds the ${compiled.label} maximum of ${g.text} %`,
      });
    }
    return {
      id: g.id,
      label: g.label,
      sum: formatDecimal(total),
      limit: g.text,
      status: exceeds ? 'exceeds' : 'ok',
      includesBounds,
    };
  });

  // Minimum purity.
  let purity: PurityCheck | null = null;
  if (spec.purity !== null && compiled.base !== undefined && compiled.purityMin !== undefined) {
    const base = compiled.base;
    const min = compiled.purityMin;
    const minText = spec.purity.min;
    const path = 'chemistry.purity';
    const basis = spec.purity.basis;
    const baseReported = reported.get(base);
    // A base element present in the analysis but malformed has its own reason already; do not
    // fall back to the difference, which would hide which figure the laboratory stated.
    const baseMalformed = baseReported === undefined && hasKey(analysis, base);

    if (
      basis === 'reported' ||
      (basis === 'reported_or_difference' && (baseReported !== undefined || baseMalformed))
    ) {
      if (baseReported !== undefined) {
        const ok = compare(baseReported.percent, min) >= 0;
        purity = {
          element: base,
          value: formatDecimal(baseReported.percent),
          min: minText,
          basis: 'reported',
          status: ok ? 'ok' : 'below',
          includesBounds: false,
        };
        if (baseReported.uncertainty !== undefined)
          purity.uncertainty = formatDecimal(baseReported.uncertainty);
        if (!ok) {
          reasons.push({
            code: 'purity_below',
            path,
            message: `${show(baseReported)} is below the ${compiled.label} minimum of ${minText} %`,
          });
        }
      } else if (!baseMalformed) {
        reasons.push({
          code: 'purity_not_reported',
          path,
          message: `purity not reported: ${base} content is required`,
        });
      }
    } else if (impurities.length === 0) {
      // 100 − (nothing) would certify 100 % purity from an empty analysis.
      reasons.push({
        code: 'purity_not_reported',
        path,
        message: `purity not reported: neither ${base} nor any impurity is reported, so ${base} cannot be established by difference`,
      });
    } else {
      const impuritySum = sum(impurities.map((r) => r.percent));
      const value = sub(HUNDRED, impuritySum);
      const includesBounds = impurities.some((r) => r.isBound);
      const ok = compare(value, min) >= 0;
      purity = {
        element: base,
        value: formatDecimal(value),
        min: minText,
        basis: 'difference',
        status: ok ? 'ok' : 'below',
        includesBounds,
      };
      if (!ok) {
        const bounds = includesBounds ? ', including detection-limit bounds' : '';
        reasons.push({
          code: 'purity_below',
          path,
          message: `${base} by difference ${formatDecimal(value)} % (100 − ${formatDecimal(impuritySum)} % reported impurities${bounds}) is below the ${compiled.label} minimum of ${minText} %`,
        });
      }
    }
  }

  // Informational: limited elements the laboratory did not report (they counted as 0 above).
  const limited = new Set<string>([
    ...compiled.elements.keys(),
    ...compiled.groups.flatMap((g) => g.elements),
  ]);
  const notReported = [...limited].filter(
    (e) => e !== compiled.base && !reported.has(e) && !hasKey(analysis, e),
  );

  const designation =
    compiled.designations.length > 0 ? checkDesignations(compiled, analysis, reported, elements, notReported, reasons) : undefined;

  return {
    verdict: reasons.length === 0 ? 'conforming' : 'non_conforming',
    elements,
    groups,
    purity,
    notReported,
    reasons,
    ...(designation ? { designation } : {}),
  };
}

/** Why one designation is not met, in words. */
function failureText(f: DesignationFailure, r: Reported | undefined): string {
  const value = r ? show(r) : `${f.element} ${f.reported ?? ''} %`;
  switch (f.problem) {
    case 'above_max':
      return `${value} is above the maximum of ${f.limit} %`;
    case 'below_min':
      return `${value} is below the minimum of ${f.limit} %`;
    case 'bound_below_min':
      return `${value} is a detection-limit bound, which cannot show the minimum of ${f.limit} %`;
    case 'not_reported':
      return `${f.element} is not reported, and its minimum is ${f.limit} %`;
    case 'other_above_each':
      return `${value} is above the ${f.limit} % allowed for each element the designation does not list`;
    case 'others_above_total':
      return `the elements the designation does not list total ${f.reported} %, above the ${f.limit} % allowed`;
  }
}

/**
 * The analysis against each registered designation: every listed element within its range (an
 * element with a minimum must be reported as a measured value; one not reported counts 0 against
 * a maximum), every unlisted element (the alloy's base excepted) within `others`. Conforms when
 * one designation is met; otherwise one reason per designation says why not. The element rows
 * take the limits of the designation met first, or of the closest one.
 */
function checkDesignations(
  compiled: CompiledSpec,
  analysis: unknown,
  reported: Map<string, Reported>,
  elements: ElementCheck[],
  notReported: string[],
  reasons: ChemistryReason[],
): DesignationResult {
  const checks: DesignationCheck[] = compiled.designations.map((d) => {
    const failures: DesignationFailure[] = [];
    for (const [el, range] of d.elements) {
      const r = reported.get(el);
      if (r === undefined) {
        // A malformed value has its own reason already.
        if (range.min && !hasKey(analysis, el)) failures.push({ element: el, problem: 'not_reported', limit: range.min.text });
        continue;
      }
      const pct = formatDecimal(r.percent);
      if (range.max && compare(r.percent, range.max.value) > 0) failures.push({ element: el, problem: 'above_max', reported: pct, limit: range.max.text });
      if (range.min) {
        if (r.isBound) failures.push({ element: el, problem: 'bound_below_min', reported: pct, limit: range.min.text });
        else if (compare(r.percent, range.min.value) < 0) failures.push({ element: el, problem: 'below_min', reported: pct, limit: range.min.text });
      }
    }
    const others = [...reported.values()].filter((r) => r.element !== compiled.alloyBase && !d.elements.has(r.element));
    if (d.othersEach) {
      for (const r of others) {
        if (compare(r.percent, d.othersEach.value) > 0) {
          failures.push({ element: r.element, problem: 'other_above_each', reported: formatDecimal(r.percent), limit: d.othersEach.text });
        }
      }
    }
    if (d.othersTotal) {
      const total = sum(others.map((r) => r.percent));
      if (compare(total, d.othersTotal.value) > 0) {
        failures.push({ element: 'others', problem: 'others_above_total', reported: formatDecimal(total), limit: d.othersTotal.text });
      }
    }
    return { id: d.id, met: failures.length === 0, failures };
  });

  const met = checks.filter((c) => c.met).map((c) => c.id);
  const matched = met[0] ?? null;
  // The first met, else the one with the fewest failures (the first of equals).
  const shown = checks.reduce((best, c) => (c.met && !best.met) || (!best.met && c.failures.length < best.failures.length) ? c : best);
  const d = compiled.designations.find((x) => x.id === shown.id)!;
  for (const e of elements) {
    if (e.status !== 'no_limit') continue; // a limit of the spec itself stays
    const range = d.elements.get(e.element);
    const r = reported.get(e.element)!;
    if (range) {
      if (range.max) e.limit = range.max.text;
      if (range.min) e.min = range.min.text;
      const above = range.max !== undefined && compare(r.percent, range.max.value) > 0;
      const below = range.min !== undefined && (r.isBound || compare(r.percent, range.min.value) < 0);
      if (range.max || range.min) e.status = above ? 'exceeds' : below ? 'below' : 'ok';
    } else if (d.othersEach && e.element !== compiled.alloyBase) {
      e.limit = d.othersEach.text;
      e.status = compare(r.percent, d.othersEach.value) > 0 ? 'exceeds' : 'ok';
    }
  }
  for (const el of d.elements.keys()) {
    if (!reported.has(el) && !hasKey(analysis, el) && !notReported.includes(el)) notReported.push(el);
  }

  if (matched === null) {
    for (const c of checks) {
      reasons.push({
        code: 'designation_not_met',
        path: `chemistry.designations.${c.id}`,
        message: `Does not meet ${c.id}: ${c.failures.map((f) => failureText(f, reported.get(f.element))).join('; ')}`,
      });
    }
  }
  return { matched, met, shownAgainst: shown.id, checks };
}

function hasKey(analysis: unknown, key: string): boolean {
  return isRecord(analysis) && Object.hasOwn(analysis, key);
}
