import type { Principal } from '../access/principal.ts';
import { isIsoCountry } from '../platform/countries.ts';

// Pure rules of the sustainability module: who may see what, validity, responsible-sourcing
// tracks, and the checks every CBAM submission passes whether it came as JSON or as an Excel form.
// No I/O here; the services load what these functions need.

// ---------------------------------------------------------------- reference data shapes

export const PILLARS = ['environmental', 'social', 'governance', 'multi_dimensional'] as const;
export const STANDARD_CATEGORIES = ['responsible_sourcing', 'management_system', 'emissions', 'multi_dimensional'] as const;

export interface Topic {
  code: string;
  name: string;
  pillar: (typeof PILLARS)[number];
}
export interface Standard {
  code: string;
  name: string;
  body: string;
  category: (typeof STANDARD_CATEGORIES)[number];
  /** Empty: applies to every metal. */
  metals: string[];
  recognised: boolean;
  qualifiesForPremium: boolean;
}
export interface Methodology {
  metal: string;
  code: string;
  name: string;
  body: string;
}
export interface PremiumThreshold {
  metal: string;
  maxTco2ePerTonne: string;
  requiresRecognisedStandard: boolean;
}
export interface Settings {
  /** First day a daily CBAM update may cover. */
  cbamDailyFrom: string;
  /** Metals whose responsible-sourcing tracks the exchange publishes regardless of the producer's choice. */
  publicTrackMetals: string[];
}
export interface Reference {
  topics: Topic[];
  standards: Standard[];
  methodologies: Methodology[];
  premiumThresholds: PremiumThreshold[];
  settings: Settings;
}

export const appliesTo = (s: Standard, metal: string): boolean => s.metals.length === 0 || s.metals.includes(metal);

// ---------------------------------------------------------------- visibility

export type CbamAccess = 'exchange' | 'producer' | 'grantee' | 'published';

/**
 * Why this caller may read a brand's CBAM data, or null when it may not. Private by default: the
 * exchange, the brand's producer, organisations holding an active grant, or anyone once published.
 */
export function cbamAccess(
  p: Principal,
  brand: { producerOrgId: string },
  state: { published: boolean; granted: boolean },
): CbamAccess | null {
  if (p.type !== 'anonymous' && p.orgKind === 'exchange') return 'exchange';
  if (p.type !== 'anonymous' && p.orgId === brand.producerOrgId) return 'producer';
  if (p.type !== 'anonymous' && state.granted) return 'grantee';
  if (state.published) return 'published';
  return null;
}

/** Restricted items are for their producer, the exchange and (for a disclosure) the auditor it names. */
export function canSeeRestricted(p: Principal, owner: { orgId: string; auditorOrgId?: string | null }): boolean {
  if (p.type === 'anonymous') return false;
  return p.orgKind === 'exchange' || p.orgId === owner.orgId || (!!owner.auditorOrgId && p.orgId === owner.auditorOrgId);
}

export const isOwnerOrExchange = (p: Principal, orgId: string): boolean =>
  p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === orgId);

export type Validity = 'valid' | 'expired' | 'not_yet_valid';

/** Expired items stay on record and show as expired. Null when the item carries no validity dates. */
export function validityStatus(validFrom: string | null, validUntil: string | null, today: string): Validity | null {
  if (!validFrom && !validUntil) return null;
  if (validFrom && today < validFrom) return 'not_yet_valid';
  if (validUntil && today > validUntil) return 'expired';
  return 'valid';
}

// ---------------------------------------------------------------- shared field checks

export interface FieldProblem {
  field: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const MAX_DECIMAL = 32;

/** A non-negative plain decimal written as text; returns why not, or null. */
export function decimalProblem(text: string): string | null {
  if (text.length > MAX_DECIMAL) return `is longer than ${MAX_DECIMAL} characters`;
  if (text.startsWith('-') && DECIMAL.test(text.slice(1))) return `must not be negative (found ${text})`;
  if (!DECIMAL.test(text)) return `is not a plain decimal number (found "${text}")`;
  return null;
}

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

// ---------------------------------------------------------------- responsible sourcing

export const TRACKS = ['A', 'B', 'C', 'D'] as const;
export type Track = (typeof TRACKS)[number];

export interface RedFlagAnswer {
  answer: 'yes' | 'no';
  explanation?: string;
}
export interface RedFlagAssessment {
  assessmentDate: string;
  publishedAt?: string;
  publicationUrl?: string;
  /** Exactly three: the location red flags. */
  locationRedFlags: RedFlagAnswer[];
  /** Exactly two: the supplier red flags. */
  supplierRedFlags: RedFlagAnswer[];
}
export interface TrackInput {
  track: Track;
  effectiveFrom: string;
  standardCode?: string;
  auditor?: { name: string; reportReference: string; reportDate: string };
  rfa?: RedFlagAssessment;
  secondaryMaterials?: { declaration: string; recycledSharePercent?: string };
  evidenceFileIds?: string[];
  restricted?: boolean;
}

/** What each track needs (OECD due-diligence alignment routes A–D). Paths are relative to the body. */
export function trackProblems(t: TrackInput, metal: string, ref: Reference, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (t.effectiveFrom > today) add('effectiveFrom', 'must not be in the future');
  const rfaChecks = () => {
    if (!t.rfa) return;
    if (t.rfa.locationRedFlags.length !== 3) add('rfa.locationRedFlags', 'must answer exactly three location red flags');
    if (t.rfa.supplierRedFlags.length !== 2) add('rfa.supplierRedFlags', 'must answer exactly two supplier red flags');
    const flags: [string, RedFlagAnswer[]][] = [
      ['rfa.locationRedFlags', t.rfa.locationRedFlags],
      ['rfa.supplierRedFlags', t.rfa.supplierRedFlags],
    ];
    for (const [path, list] of flags) {
      list.forEach((f, i) => {
        if (f.answer === 'yes' && !f.explanation?.trim()) add(`${path}.${i}.explanation`, 'a red flag answered "yes" needs an explanation of the mitigation');
      });
    }
    if (t.rfa.assessmentDate > today) add('rfa.assessmentDate', 'must not be in the future');
  };
  switch (t.track) {
    case 'A': {
      const s = ref.standards.find((x) => x.code === t.standardCode);
      if (!t.standardCode) add('standardCode', 'track A needs the recognised standard the brand is assessed against');
      else if (!s) add('standardCode', `unknown standard ${t.standardCode}`);
      else if (!s.recognised || !['responsible_sourcing', 'multi_dimensional'].includes(s.category)) {
        add('standardCode', `${s.code} is not a recognised responsible-sourcing standard`);
      } else if (!appliesTo(s, metal)) add('standardCode', `${s.code} does not cover ${metal}`);
      break;
    }
    case 'B':
      if (!t.auditor) add('auditor', "track B needs the approved auditor's report (name, reference, date)");
      else if (t.auditor.reportDate > today) add('auditor.reportDate', 'must not be in the future');
      if (!t.rfa) add('rfa', 'track B needs the audited Red Flag Assessment');
      rfaChecks();
      break;
    case 'C':
      if (!t.rfa) add('rfa', 'track C needs the published Red Flag Assessment');
      else if (!t.rfa.publishedAt) add('rfa.publishedAt', 'track C needs the date the Red Flag Assessment was published');
      rfaChecks();
      break;
    case 'D':
      if (!t.secondaryMaterials?.declaration.trim()) add('secondaryMaterials.declaration', 'track D needs a secondary-materials declaration');
      if (t.secondaryMaterials?.recycledSharePercent !== undefined) {
        const why = decimalProblem(t.secondaryMaterials.recycledSharePercent);
        if (why) add('secondaryMaterials.recycledSharePercent', why);
        else if (Number(t.secondaryMaterials.recycledSharePercent) > 100) add('secondaryMaterials.recycledSharePercent', 'must be at most 100');
      }
      break;
  }
  if (t.restricted && ref.settings.publicTrackMetals.includes(metal)) {
    add('restricted', `${metal} responsible-sourcing tracks are public by exchange rule`);
  }
  return problems;
}

// ---------------------------------------------------------------- CBAM submissions

export const PRODUCTION_ROUTES = ['primary', 'secondary', 'mixed'] as const;
export const VALUE_TYPES = ['actual', 'default'] as const;
export const VERIFICATION_STATUSES = ['unverified', 'in_progress', 'verified'] as const;
export const PERIOD_KINDS = ['annual', 'daily'] as const;

/** The fields of a CBAM submission, in form order. */
export const CBAM_FIELDS = [
  'periodKind',
  'periodStart',
  'periodEnd',
  'installation',
  'installationCountry',
  'productionRoute',
  'cnCode',
  'directEmissions',
  'indirectEmissions',
  'electricityConsumption',
  'electricityEmissionFactor',
  'valueType',
  'methodology',
  'verifier',
  'verificationStatus',
  'carbonPricePaid',
  'carbonPriceCurrency',
] as const;
export type CbamField = (typeof CBAM_FIELDS)[number];

export type CbamRaw = Partial<Record<CbamField, string>>;

export interface CbamFigures {
  periodKind: (typeof PERIOD_KINDS)[number];
  periodStart: string;
  periodEnd: string;
  installation: string;
  installationCountry: string;
  productionRoute: (typeof PRODUCTION_ROUTES)[number];
  cnCode: string;
  directEmissions: string;
  indirectEmissions: string;
  electricityConsumption: string;
  electricityEmissionFactor: string;
  valueType: (typeof VALUE_TYPES)[number];
  methodology: string;
  verifier: string | null;
  verificationStatus: (typeof VERIFICATION_STATUSES)[number];
  carbonPricePaid: string | null;
  carbonPriceCurrency: string | null;
}

const OPTIONAL: readonly CbamField[] = ['periodEnd', 'verifier', 'carbonPricePaid', 'carbonPriceCurrency'];
const DECIMAL_FIELDS: readonly CbamField[] = ['directEmissions', 'indirectEmissions', 'electricityConsumption', 'electricityEmissionFactor', 'carbonPricePaid'];
const MAX_TEXT = 200;

function oneOf<T extends string>(v: string, allowed: readonly T[]): v is T {
  return (allowed as readonly string[]).includes(v);
}

/**
 * Checks a CBAM submission given as text per field (JSON strings or Excel cells). Returns every
 * problem, each naming its field, or the typed figures when there is none. Decimals stay strings.
 */
export function validateCbam(
  raw: CbamRaw,
  ctx: { metal: string; today: string; reference: Reference },
): { ok: true; figures: CbamFigures } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const add = (field: CbamField, message: string) => problems.push({ field, message });
  const v: CbamRaw = {};
  for (const f of CBAM_FIELDS) {
    const text = raw[f]?.trim() ?? '';
    if (text === '') {
      if (!OPTIONAL.includes(f)) add(f, 'is required');
      continue;
    }
    if (text.length > MAX_TEXT) {
      add(f, `is longer than ${MAX_TEXT} characters`);
      continue;
    }
    v[f] = text;
  }
  for (const f of DECIMAL_FIELDS) {
    const text = v[f];
    if (text === undefined) continue;
    const why = decimalProblem(text);
    if (why) {
      add(f, why);
      delete v[f];
    }
  }
  if (v.periodKind !== undefined && !oneOf(v.periodKind, PERIOD_KINDS)) add('periodKind', `must be one of ${PERIOD_KINDS.join(', ')} (found "${v.periodKind}")`);
  for (const f of ['periodStart', 'periodEnd'] as const) {
    if (v[f] !== undefined && !isIsoDate(v[f])) {
      add(f, `is not a date (YYYY-MM-DD), found "${v[f]}"`);
      delete v[f];
    }
  }
  const { periodKind, periodStart } = v;
  const periodEnd = v.periodEnd ?? (periodKind === 'daily' ? periodStart : undefined);
  if (periodKind === 'annual' && periodStart && !v.periodEnd && !problems.some((p) => p.field === 'periodEnd')) {
    add('periodEnd', 'is required for an annual report');
  }
  if (periodStart && periodEnd) {
    if (periodEnd < periodStart) add('periodEnd', 'must not be before the period start');
    else if (periodKind === 'annual' && daysBetween(periodStart, periodEnd) > 365) add('periodEnd', 'an annual report covers at most one year');
    else if (periodKind === 'daily' && periodEnd !== periodStart) add('periodEnd', 'a daily update covers one day: leave it empty or equal to the period start');
    if (periodStart > ctx.today) add('periodStart', 'must not be in the future');
    if (periodKind === 'daily' && periodStart < ctx.reference.settings.cbamDailyFrom) {
      add('periodStart', `daily updates start on ${ctx.reference.settings.cbamDailyFrom}`);
    }
  }
  if (v.installationCountry !== undefined && !(/^[A-Z]{2}$/.test(v.installationCountry) && isIsoCountry(v.installationCountry))) {
    add('installationCountry', `is not an ISO 3166-1 alpha-2 country code (found "${v.installationCountry}")`);
  }
  if (v.productionRoute !== undefined && !oneOf(v.productionRoute, PRODUCTION_ROUTES)) {
    add('productionRoute', `must be one of ${PRODUCTION_ROUTES.join(', ')} (found "${v.productionRoute}")`);
  }
  if (v.cnCode !== undefined && !/^\d{4}(\d{2}){0,2}$/.test(v.cnCode)) add('cnCode', `must be a CN code of 4, 6 or 8 digits, e.g. 7601 (found "${v.cnCode}")`);
  if (v.valueType !== undefined && !oneOf(v.valueType, VALUE_TYPES)) add('valueType', `must be one of ${VALUE_TYPES.join(', ')} (found "${v.valueType}")`);
  if (v.verificationStatus !== undefined && !oneOf(v.verificationStatus, VERIFICATION_STATUSES)) {
    add('verificationStatus', `must be one of ${VERIFICATION_STATUSES.join(', ')} (found "${v.verificationStatus}")`);
  } else if (v.verificationStatus && v.verificationStatus !== 'unverified' && !v.verifier) {
    add('verifier', `is required when the verification status is ${v.verificationStatus}`);
  }
  const approved = ctx.reference.methodologies.find((m) => m.metal === ctx.metal);
  if (v.methodology !== undefined && approved && v.methodology !== approved.code) {
    add('methodology', `${ctx.metal} reports use the approved methodology ${approved.code} (${approved.name}); found "${v.methodology}"`);
  }
  if (v.carbonPricePaid !== undefined && !v.carbonPriceCurrency) add('carbonPriceCurrency', 'is required when a carbon price is given');
  if (v.carbonPriceCurrency !== undefined && !/^[A-Z]{3}$/.test(v.carbonPriceCurrency)) {
    add('carbonPriceCurrency', `must be an ISO 4217 currency code (found "${v.carbonPriceCurrency}")`);
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    figures: {
      periodKind: periodKind as CbamFigures['periodKind'],
      periodStart: periodStart!,
      periodEnd: periodEnd!,
      installation: v.installation!,
      installationCountry: v.installationCountry!,
      productionRoute: v.productionRoute as CbamFigures['productionRoute'],
      cnCode: v.cnCode!,
      directEmissions: v.directEmissions!,
      indirectEmissions: v.indirectEmissions!,
      electricityConsumption: v.electricityConsumption!,
      electricityEmissionFactor: v.electricityEmissionFactor!,
      valueType: v.valueType as CbamFigures['valueType'],
      methodology: v.methodology!,
      verifier: v.verifier ?? null,
      verificationStatus: v.verificationStatus as CbamFigures['verificationStatus'],
      carbonPricePaid: v.carbonPricePaid ?? null,
      carbonPriceCurrency: v.carbonPriceCurrency ?? null,
    },
  };
}

export interface Period {
  periodKind: string;
  periodStart: string;
  periodEnd: string;
}

/**
 * A new submission either re-files an existing period (a new version of that report) or covers
 * dates no report of the same kind covers yet; partly overlapping periods are refused.
 */
export function periodOverlap(candidate: Period, existing: Period[]): FieldProblem[] {
  const clash = existing.find(
    (e) =>
      e.periodKind === candidate.periodKind &&
      !(e.periodStart === candidate.periodStart && e.periodEnd === candidate.periodEnd) &&
      e.periodStart <= candidate.periodEnd &&
      candidate.periodStart <= e.periodEnd,
  );
  if (!clash) return [];
  const message = `overlaps the ${clash.periodKind} report for ${clash.periodStart} to ${clash.periodEnd}; re-file that exact period to supersede it`;
  return [
    { field: 'periodStart', message },
    { field: 'periodEnd', message },
  ];
}

/**
 * The report in force on a date: the daily update for that day if there is one, else the annual
 * report covering it. Among versions, the newest.
 */
export function reportInForce<R extends Period & { version: number }>(reports: R[], date: string): R | undefined {
  const newest = (rs: R[]) => rs.sort((a, b) => b.version - a.version)[0];
  const daily = reports.filter((r) => r.periodKind === 'daily' && r.periodStart === date);
  if (daily.length) return newest(daily);
  const annual = reports.filter((r) => r.periodKind === 'annual' && r.periodStart <= date && date <= r.periodEnd);
  if (!annual.length) return undefined;
  const latestPeriod = annual.reduce((a, b) => (a.periodStart >= b.periodStart ? a : b)).periodStart;
  return newest(annual.filter((r) => r.periodStart === latestPeriod));
}
