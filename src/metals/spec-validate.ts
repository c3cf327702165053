// Structural validation of a contract spec posted by the exchange (input is untrusted JSON).
import elementSymbols from '../../reference/elements.json' with { type: 'json' };
import { HUNDRED, ZERO, compare, formatDecimal, parseDecimal, tryParseDecimal, type Fixed } from './fixed.ts';
import { METAL_CODES, PURITY_BASES, type ContractSpec, type Issue, type MetalCode } from './spec-types.ts';

const ELEMENTS: ReadonlySet<string> = new Set<string>(elementSymbols);

/** True for one of the 118 element symbols, case-sensitive ("Fe", not "FE"). */
export function isElementSymbol(symbol: unknown): symbol is string {
  return typeof symbol === 'string' && ELEMENTS.has(symbol);
}

export function isMetalCode(code: unknown): code is MetalCode {
  return typeof code === 'string' && (METAL_CODES as readonly string[]).includes(code);
}

/** True for a real calendar date written YYYY-MM-DD (proleptic Gregorian). */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * The element whose minimum purity a metal's contract sets. A fact of chemistry rather than a
 * contract number, used to check that a posted spec's purity names the right element.
 */
export const BASE_ELEMENT: Readonly<Record<MetalCode, string>> = {
  AH: 'Al',
  CA: 'Cu',
  ZS: 'Zn',
  PB: 'Pb',
  NI: 'Ni',
  SN: 'Sn',
  AA: 'Al',
  NA: 'Al',
  CO: 'Co',
};

/** A sanity bound on lot size, not a contract number: no exchange lot is anywhere near it. */
const MAX_LOT_TONNES = parseDecimal('100000');

const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  'metal',
  'version',
  'effectiveFrom',
  'metalName',
  'qualityStandard',
  'grade',
  'alsoAccepted',
  'purity',
  'elements',
  'groups',
  'designations',
  'lotTonnes',
  'warrantTolerancePct',
  'shapes',
  'monthlyPromptMonths',
  'unconfirmed',
  'notes',
]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Check a posted ContractSpec. Returns every issue found (empty array = valid). Never throws.
 * Unknown top-level fields are reported so typos ("element" for "elements") do not pass silently.
 */
export function validateSpec(spec: unknown): Issue[] {
  const issues: Issue[] = [];
  const issue = (path: string, code: string, message: string): void => {
    issues.push({ path, code, message });
  };

  if (!isRecord(spec)) {
    issue('', 'not_an_object', 'a contract spec must be a JSON object');
    return issues;
  }

  for (const key of Object.keys(spec)) {
    if (!KNOWN_FIELDS.has(key)) issue(key, 'unknown_field', `unknown field "${key}"`);
  }

  const nonEmptyString = (path: string, v: unknown, optional = false): void => {
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || v.trim().length === 0)
      issue(path, 'required', `${path} must be a non-empty string`);
  };
  const stringArray = (path: string, v: unknown): void => {
    if (!Array.isArray(v)) {
      issue(path, 'not_an_array', `${path} must be an array of strings`);
      return;
    }
    v.forEach((s, i) => {
      if (typeof s !== 'string' || s.trim().length === 0) {
        issue(`${path}[${i}]`, 'required', `${path}[${i}] must be a non-empty string`);
      }
    });
  };
  const positiveInteger = (path: string, v: unknown): void => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
      issue(path, 'not_a_positive_integer', `${path} must be a positive integer`);
    }
  };
  /** Parse a decimal in [lo, hi] (inclusive unless `exclusiveLo`); returns it when valid. */
  const decimal = (
    path: string,
    v: unknown,
    lo: Fixed,
    hi: Fixed,
    exclusiveLo = false,
  ): Fixed | undefined => {
    const parsed = tryParseDecimal(v);
    if (!parsed.ok) {
      issue(path, 'invalid_decimal', `${path}: ${parsed.error.message}`);
      return undefined;
    }
    const c = compare(parsed.value, lo);
    if (c < 0 || (exclusiveLo && c === 0) || compare(parsed.value, hi) > 0) {
      const lower = `${exclusiveLo ? 'greater than' : 'at least'} ${formatDecimal(lo)}`;
      issue(
        path,
        'out_of_range',
        `${path} must be ${lower} and at most ${formatDecimal(hi)} (got ${String(v)})`,
      );
      return undefined;
    }
    return parsed.value;
  };

  const metal = spec.metal;
  if (!isMetalCode(metal)) {
    issue(
      'metal',
      'unknown_metal',
      `metal must be one of ${METAL_CODES.join(', ')} (got ${JSON.stringify(metal)})`,
    );
  }
  positiveInteger('version', spec.version);
  if (!isIsoDate(spec.effectiveFrom)) {
    issue('effectiveFrom', 'invalid_date', 'effectiveFrom must be a calendar date written YYYY-MM-DD');
  }
  nonEmptyString('metalName', spec.metalName);
  nonEmptyString('qualityStandard', spec.qualityStandard);
  nonEmptyString('grade', spec.grade, true);
  stringArray('alsoAccepted', spec.alsoAccepted);

  // purity
  let baseElement: string | undefined;
  const purity = spec.purity;
  if (purity !== null) {
    if (!isRecord(purity)) {
      issue('purity', 'invalid_purity', 'purity must be null or an object { element, min, basis }');
    } else {
      if (!isElementSymbol(purity.element)) {
        issue(
          'purity.element',
          'unknown_element',
          `purity.element ${JSON.stringify(purity.element)} is not an element symbol`,
        );
      } else {
        baseElement = purity.element;
        if (isMetalCode(metal) && BASE_ELEMENT[metal] !== purity.element) {
          issue(
            'purity.element',
            'wrong_base_element',
            `purity of ${metal} must be stated for ${BASE_ELEMENT[metal]}, not ${purity.element}`,
          );
        }
      }
      // "between 0 and 100": 0 % would make the purity rule vacuous, so it must be above 0.
      decimal('purity.min', purity.min, ZERO, HUNDRED, true);
      if (typeof purity.basis !== 'string' || !(PURITY_BASES as readonly string[]).includes(purity.basis)) {
        issue('purity.basis', 'invalid_basis', `purity.basis must be one of ${PURITY_BASES.join(', ')}`);
      }
      for (const key of Object.keys(purity)) {
        if (!['element', 'min', 'basis'].includes(key))
          issue(`purity.${key}`, 'unknown_field', `unknown field "purity.${key}"`);
      }
    }
  }

  // element maxima
  if (!isRecord(spec.elements)) {
    issue('elements', 'not_an_object', 'elements must be an object mapping element symbols to { max }');
  } else {
    for (const [symbol, limit] of Object.entries(spec.elements)) {
      const path = `elements.${symbol}`;
      if (!isElementSymbol(symbol)) issue(path, 'unknown_element', `"${symbol}" is not an element symbol`);
      if (symbol === baseElement)
        issue(path, 'base_element_limit', `${symbol} is the base element; its minimum belongs in purity`);
      if (!isRecord(limit)) {
        issue(path, 'invalid_limit', `${path} must be an object { max }`);
        continue;
      }
      decimal(`${path}.max`, limit.max, ZERO, HUNDRED);
      for (const key of Object.keys(limit)) {
        if (key !== 'max') issue(`${path}.${key}`, 'unknown_field', `unknown field "${path}.${key}"`);
      }
    }
  }

  // group maxima
  if (!Array.isArray(spec.groups)) {
    issue('groups', 'not_an_array', 'groups must be an array');
  } else {
    const ids = new Set<string>();
    spec.groups.forEach((group: unknown, i) => {
      const path = `groups[${i}]`;
      if (!isRecord(group)) {
        issue(path, 'invalid_group', `${path} must be an object { id, label, elements, max }`);
        return;
      }
      nonEmptyString(`${path}.id`, group.id);
      if (typeof group.id === 'string') {
        if (ids.has(group.id)) issue(`${path}.id`, 'duplicate_group', `group id "${group.id}" is used twice`);
        ids.add(group.id);
      }
      nonEmptyString(`${path}.label`, group.label);
      if (!Array.isArray(group.elements) || group.elements.length === 0) {
        issue(
          `${path}.elements`,
          'empty_group',
          `${path}.elements must be a non-empty array of element symbols`,
        );
      } else {
        const seen = new Set<string>();
        group.elements.forEach((symbol: unknown, j) => {
          const epath = `${path}.elements[${j}]`;
          if (!isElementSymbol(symbol)) {
            issue(epath, 'unknown_element', `${JSON.stringify(symbol)} is not an element symbol`);
            return;
          }
          if (seen.has(symbol)) issue(epath, 'duplicate_element', `${symbol} is listed twice in the group`);
          seen.add(symbol);
          if (symbol === baseElement)
            issue(
              epath,
              'base_element_limit',
              `${symbol} is the base element and cannot be in an impurity group`,
            );
        });
      }
      decimal(`${path}.max`, group.max, ZERO, HUNDRED);
      for (const key of Object.keys(group)) {
        if (!['id', 'label', 'elements', 'max'].includes(key))
          issue(`${path}.${key}`, 'unknown_field', `unknown field "${path}.${key}"`);
      }
    });
  }

  // registered designations (alloy contracts)
  if (spec.designations !== undefined) {
    if (!Array.isArray(spec.designations) || spec.designations.length === 0) {
      issue('designations', 'not_an_array', 'designations must be a non-empty array when present');
    } else {
      const ids = new Set<string>();
      spec.designations.forEach((d: unknown, i) => {
        const path = `designations[${i}]`;
        if (!isRecord(d)) {
          issue(path, 'invalid_designation', `${path} must be an object { id, name, elements, others?, sources, unconfirmed? }`);
          return;
        }
        for (const key of Object.keys(d)) {
          if (!['id', 'name', 'elements', 'others', 'sources', 'unconfirmed'].includes(key))
            issue(`${path}.${key}`, 'unknown_field', `unknown field "${path}.${key}"`);
        }
        nonEmptyString(`${path}.id`, d.id);
        if (typeof d.id === 'string') {
          if (ids.has(d.id)) issue(`${path}.id`, 'duplicate_designation', `designation "${d.id}" is listed twice`);
          ids.add(d.id);
        }
        nonEmptyString(`${path}.name`, d.name);
        const sources = isRecord(d.sources) ? d.sources : undefined;
        if (!sources || Object.keys(sources).length === 0) {
          issue(`${path}.sources`, 'required', `${path}.sources must name at least one source { key: citation }`);
        } else {
          for (const [k, v] of Object.entries(sources)) nonEmptyString(`${path}.sources.${k}`, v);
        }
        const cited = (p: string, source: unknown): void => {
          if (typeof source !== 'string' || !sources || !(source in sources))
            issue(`${p}.source`, 'unknown_source', `${p}.source must name one of ${path}.sources`);
        };
        if (!isRecord(d.elements) || Object.keys(d.elements).length === 0) {
          issue(`${path}.elements`, 'not_an_object', `${path}.elements must map element symbols to { min?, max?, source }`);
        } else {
          for (const [symbol, limit] of Object.entries(d.elements)) {
            const epath = `${path}.elements.${symbol}`;
            if (!isElementSymbol(symbol)) issue(epath, 'unknown_element', `"${symbol}" is not an element symbol`);
            if (isMetalCode(metal) && symbol === BASE_ELEMENT[metal])
              issue(epath, 'base_element_limit', `${symbol} is the base element (the remainder); it takes no range`);
            if (!isRecord(limit)) {
              issue(epath, 'invalid_limit', `${epath} must be an object { min?, max?, source }`);
              continue;
            }
            for (const key of Object.keys(limit)) {
              if (!['min', 'max', 'source'].includes(key)) issue(`${epath}.${key}`, 'unknown_field', `unknown field "${epath}.${key}"`);
            }
            if (limit.min === undefined && limit.max === undefined) issue(epath, 'empty_range', `${epath} needs a min, a max or both`);
            const min = limit.min === undefined ? undefined : decimal(`${epath}.min`, limit.min, ZERO, HUNDRED);
            const max = limit.max === undefined ? undefined : decimal(`${epath}.max`, limit.max, ZERO, HUNDRED);
            if (min !== undefined && max !== undefined && compare(min, max) > 0)
              issue(epath, 'min_above_max', `${epath}.min ${String(limit.min)} is above its max ${String(limit.max)}`);
            cited(epath, limit.source);
          }
        }
        if (d.others !== undefined) {
          const opath = `${path}.others`;
          if (!isRecord(d.others)) issue(opath, 'invalid_limit', `${opath} must be an object { each?, total?, source }`);
          else {
            for (const key of Object.keys(d.others)) {
              if (!['each', 'total', 'source'].includes(key)) issue(`${opath}.${key}`, 'unknown_field', `unknown field "${opath}.${key}"`);
            }
            if (d.others.each === undefined && d.others.total === undefined) issue(opath, 'empty_range', `${opath} needs each, total or both`);
            if (d.others.each !== undefined) decimal(`${opath}.each`, d.others.each, ZERO, HUNDRED);
            if (d.others.total !== undefined) decimal(`${opath}.total`, d.others.total, ZERO, HUNDRED);
            cited(opath, d.others.source);
          }
        }
        if (d.unconfirmed !== undefined) stringArray(`${path}.unconfirmed`, d.unconfirmed);
      });
    }
  }

  decimal('lotTonnes', spec.lotTonnes, ZERO, MAX_LOT_TONNES, true);
  decimal('warrantTolerancePct', spec.warrantTolerancePct, ZERO, HUNDRED);
  stringArray('shapes', spec.shapes);
  if (Array.isArray(spec.shapes) && spec.shapes.length === 0)
    issue('shapes', 'required', 'shapes must list at least one shape');
  positiveInteger('monthlyPromptMonths', spec.monthlyPromptMonths);
  stringArray('unconfirmed', spec.unconfirmed);
  if (spec.notes !== undefined && typeof spec.notes !== 'string')
    issue('notes', 'not_a_string', 'notes must be a string');

  return issues;
}

/** Narrowing helper: the spec is valid exactly when validateSpec finds nothing. */
export function isValidSpec(spec: unknown): spec is ContractSpec {
  return validateSpec(spec).length === 0;
}
