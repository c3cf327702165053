// Types for contract specifications (the numbers themselves live in reference/contract-specs.json)
// and for chemistry checks of reported laboratory analyses.

/** LME contract codes, in the order of DOMAIN.md §1. */
export const METAL_CODES = ['AH', 'CA', 'ZS', 'PB', 'NI', 'SN', 'AA', 'NA', 'CO'] as const;
export type MetalCode = (typeof METAL_CODES)[number];

export const PURITY_BASES = ['reported', 'difference', 'reported_or_difference'] as const;
/**
 * How the minimum purity is established:
 * - `reported`: the base element must be reported and be ≥ min;
 * - `difference`: 100 − sum of every reported element other than the base element;
 * - `reported_or_difference`: the reported base-element value if present, else the difference.
 */
export type PurityBasis = (typeof PURITY_BASES)[number];

export interface PuritySpec {
  element: string;
  /** Minimum mass %, decimal string. */
  min: string;
  basis: PurityBasis;
}

export interface ElementLimit {
  /** Maximum mass %, decimal string; a value equal to the maximum conforms. */
  max: string;
}

export interface GroupLimit {
  /** Stable id used in paths, e.g. "Co+Fe+Ni+Si+Sn+Zn" or "total". */
  id: string;
  /** Human-readable name used in reasons. */
  label: string;
  elements: string[];
  /** Maximum mass % for the sum of the group's reported elements, decimal string. */
  max: string;
}

/**
 * A minimum, a maximum or both, in mass % (decimal strings); equal to a bound conforms. `source`
 * names the entry of the designation's `sources` the figures come from.
 */
export interface RangeLimit {
  min?: string;
  max?: string;
  source: string;
}

/**
 * A registered alloy designation (e.g. A380.1, 226, AD12.1): a composition with ranges per
 * element. An alloy contract names several; an analysis conforms when it meets one of them.
 */
export interface Designation {
  /** As the contract names it: "A380.1", "226", "AD12.1". */
  id: string;
  /** Human-readable: what the designation is and who registered it. */
  name: string;
  /** Limits of the listed elements. An element with a minimum must be reported. */
  elements: Record<string, RangeLimit>;
  /**
   * Reported elements the designation does not list (its base element excepted): each at most
   * `each`, together at most `total`.
   */
  others?: { each?: string; total?: string; source: string };
  /** Citations, by key: the published registration or standard each figure comes from. */
  sources: Record<string, string>;
  /** What of this designation is not confirmed against the registration itself. */
  unconfirmed?: string[];
}

export interface ContractSpec {
  metal: MetalCode;
  /** Positive integer; a new version is posted when the exchange changes the rules. */
  version: number;
  /** YYYY-MM-DD; the version applies to metal produced on or after this date. */
  effectiveFrom: string;
  metalName: string;
  qualityStandard: string;
  /** Short grade name used in reasons (e.g. "Cu-CATH-1"); falls back to `qualityStandard`. */
  grade?: string;
  alsoAccepted: string[];
  /** Minimum purity in mass %; null when the contract has none (alloys). */
  purity: PuritySpec | null;
  /** Mass % maxima by element symbol. */
  elements: Record<string, ElementLimit>;
  groups: GroupLimit[];
  /**
   * Alloy contracts (AA, NA): the registered designations, in the order the contract lists them.
   * When present, an analysis conforms when it meets at least one of them (besides any element,
   * group or purity rule above); the first it meets is recorded on the certificate.
   */
  designations?: Designation[];
  lotTonnes: string;
  warrantTolerancePct: string;
  shapes: string[];
  monthlyPromptMonths: number;
  /** Human-readable notes naming the values of this spec that are not confirmed. */
  unconfirmed: string[];
  notes?: string;
}

export const UNITS = ['%', 'ppm'] as const;
export type Unit = (typeof UNITS)[number];

/** "=" exact; "<" below detection limit; "<=" at most. Bounds are checked conservatively. */
export const OPERATORS = ['=', '<', '<='] as const;
export type Operator = (typeof OPERATORS)[number];

export interface ReportedValue {
  /** Non-negative plain decimal string ("0.0026", "25"); no exponent, no sign. */
  value: string;
  unit: Unit;
  operator?: Operator;
  /** Non-negative decimal in the same unit as `value`; reported back, never used in the verdict. */
  uncertainty?: string;
}

/** Element symbol → reported value. */
export type Analysis = Record<string, ReportedValue>;

export type ChemistryReasonCode =
  // malformed analysis
  | 'invalid_analysis'
  | 'unknown_element'
  | 'invalid_value'
  | 'negative_value'
  | 'unknown_unit'
  | 'unknown_operator'
  | 'value_out_of_range'
  | 'invalid_uncertainty'
  | 'base_element_bound'
  // non-conformity
  | 'element_exceeds'
  | 'group_exceeds'
  | 'purity_below'
  | 'purity_not_reported'
  | 'designation_not_met';

export interface ChemistryReason {
  code: ChemistryReasonCode;
  /** e.g. "chemistry.Ag", "chemistry.Ag.unit", "chemistry.groups.Co+Fe+Ni+Si+Sn+Zn", "chemistry.purity" */
  path: string;
  message: string;
}

export interface ElementCheck {
  element: string;
  /** Reported value normalised to mass %, minimal decimal string. */
  reported: string;
  operator: Operator;
  /** Uncertainty normalised to mass %, when reported (informational only). */
  uncertainty?: string;
  /** The maximum that applies (of the spec, or of the designation shown: see ChemistryResult.designation). */
  limit?: string;
  /** The minimum that applies (designations only). */
  min?: string;
  status: 'ok' | 'exceeds' | 'below' | 'no_limit';
}

/** Why an analysis does not meet one designation. */
export interface DesignationFailure {
  /** An element symbol, or "others" for the unlisted elements together. */
  element: string;
  problem: 'below_min' | 'above_max' | 'not_reported' | 'bound_below_min' | 'other_above_each' | 'others_above_total';
  /** Reported mass % (for others_above_total, their sum). */
  reported?: string;
  /** The limit it fails. */
  limit: string;
}

export interface DesignationCheck {
  id: string;
  met: boolean;
  failures: DesignationFailure[];
}

/** How an analysis fared against a spec's designations. */
export interface DesignationResult {
  /** The first designation (in the spec's order) the analysis meets; null when it meets none. */
  matched: string | null;
  /** Every designation the analysis meets, in the spec's order. */
  met: string[];
  /** Whose limits the element rows show: the matched designation, else the one with fewest failures. */
  shownAgainst: string;
  checks: DesignationCheck[];
}

export interface GroupCheck {
  id: string;
  label: string;
  /** Sum of the group's reported elements in mass % (bounds included as their bound). */
  sum: string;
  limit: string;
  status: 'ok' | 'exceeds';
  /** True when the sum includes a "<" / "<=" bound rather than a measured value. */
  includesBounds: boolean;
}

export interface PurityCheck {
  element: string;
  /** Mass %, minimal decimal string (may be negative for absurd impurity sums by difference). */
  value: string;
  min: string;
  basis: 'reported' | 'difference';
  status: 'ok' | 'below';
  /** True when the difference includes a "<" / "<=" bound. Always false for basis "reported". */
  includesBounds: boolean;
  /** Uncertainty of a reported base-element value, normalised to mass % (informational only). */
  uncertainty?: string;
}

export interface ChemistryResult {
  verdict: 'conforming' | 'non_conforming';
  /** Every well-formed reported element other than the base element, in analysis order. */
  elements: ElementCheck[];
  groups: GroupCheck[];
  /** Null when the spec has no purity, or when purity could not be established (see reasons). */
  purity: PurityCheck | null;
  /** Elements the spec limits (individually or in a group) that the analysis does not report. Informational. */
  notReported: string[];
  /** One per failure; empty exactly when the verdict is conforming. */
  reasons: ChemistryReason[];
  /** Present exactly when the spec has designations (alloy contracts). */
  designation?: DesignationResult;
}

/** A structural problem in a posted contract spec. */
export interface Issue {
  path: string;
  code: string;
  message: string;
  /** Values the message names, sent beside the code for translation (e.g. `date`, `version`). */
  params?: Record<string, string | number>;
}
