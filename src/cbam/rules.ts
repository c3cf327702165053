import { isIsoCountry } from '../platform/countries.ts';
import { daysBetween, decimalIssue, isIsoDate, type FieldProblem } from '../sustainability/fields.ts';
import type { Reference } from '../sustainability/reference.ts';

// Pure rules of CBAM carbon reports: the checks every submission passes whether it came as JSON or
// as an Excel form, which periods may be (re-)filed, and which report is in force on a date. No
// I/O here; the services load what these functions need.

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
  const add = (field: CbamField, message: string, code: string, params?: Record<string, string | number>) =>
    problems.push({ field, message, code, ...(params ? { params } : {}) });
  const v: CbamRaw = {};
  for (const f of CBAM_FIELDS) {
    const text = raw[f]?.trim() ?? '';
    if (text === '') {
      if (!OPTIONAL.includes(f)) add(f, 'is required', 'required');
      continue;
    }
    if (text.length > MAX_TEXT) {
      add(f, `is longer than ${MAX_TEXT} characters`, 'too_long', { limit: MAX_TEXT });
      continue;
    }
    v[f] = text;
  }
  for (const f of DECIMAL_FIELDS) {
    const text = v[f];
    if (text === undefined) continue;
    const why = decimalIssue(text);
    if (why) {
      add(f, why.message, why.code!, why.params);
      delete v[f];
    }
  }
  if (v.periodKind !== undefined && !oneOf(v.periodKind, PERIOD_KINDS)) add('periodKind', `must be one of ${PERIOD_KINDS.join(', ')} (found "${v.periodKind}")`, 'one_of', { allowed: PERIOD_KINDS.join(', '), found: v.periodKind });
  for (const f of ['periodStart', 'periodEnd'] as const) {
    if (v[f] !== undefined && !isIsoDate(v[f])) {
      add(f, `is not a date (YYYY-MM-DD), found "${v[f]}"`, 'not_date', { found: v[f] });
      delete v[f];
    }
  }
  const { periodKind, periodStart } = v;
  const periodEnd = v.periodEnd ?? (periodKind === 'daily' ? periodStart : undefined);
  if (periodKind === 'annual' && periodStart && !v.periodEnd && !problems.some((p) => p.field === 'periodEnd')) {
    add('periodEnd', 'is required for an annual report', 'annual_needs_end');
  }
  if (periodStart && periodEnd) {
    if (periodEnd < periodStart) add('periodEnd', 'must not be before the period start', 'end_before_start');
    else if (periodKind === 'annual' && daysBetween(periodStart, periodEnd) > 365) add('periodEnd', 'an annual report covers at most one year', 'annual_too_long');
    else if (periodKind === 'daily' && periodEnd !== periodStart) add('periodEnd', 'a daily update covers one day: leave it empty or equal to the period start', 'daily_one_day');
    if (periodStart > ctx.today) add('periodStart', 'must not be in the future', 'future_date');
    if (periodKind === 'daily' && periodStart < ctx.reference.settings.cbamDailyFrom) {
      add('periodStart', `daily updates start on ${ctx.reference.settings.cbamDailyFrom}`, 'daily_before_start', { date: ctx.reference.settings.cbamDailyFrom });
    }
  }
  if (v.installationCountry !== undefined && !(/^[A-Z]{2}$/.test(v.installationCountry) && isIsoCountry(v.installationCountry))) {
    add('installationCountry', `is not an ISO 3166-1 alpha-2 country code (found "${v.installationCountry}")`, 'not_country', { found: v.installationCountry });
  }
  if (v.productionRoute !== undefined && !oneOf(v.productionRoute, PRODUCTION_ROUTES)) {
    add('productionRoute', `must be one of ${PRODUCTION_ROUTES.join(', ')} (found "${v.productionRoute}")`, 'one_of', { allowed: PRODUCTION_ROUTES.join(', '), found: v.productionRoute });
  }
  if (v.cnCode !== undefined && !/^\d{4}(\d{2}){0,2}$/.test(v.cnCode)) add('cnCode', `must be a CN code of 4, 6 or 8 digits, e.g. 7601 (found "${v.cnCode}")`, 'not_cn_code', { found: v.cnCode });
  if (v.valueType !== undefined && !oneOf(v.valueType, VALUE_TYPES)) add('valueType', `must be one of ${VALUE_TYPES.join(', ')} (found "${v.valueType}")`, 'one_of', { allowed: VALUE_TYPES.join(', '), found: v.valueType });
  if (v.verificationStatus !== undefined && !oneOf(v.verificationStatus, VERIFICATION_STATUSES)) {
    add('verificationStatus', `must be one of ${VERIFICATION_STATUSES.join(', ')} (found "${v.verificationStatus}")`, 'one_of', { allowed: VERIFICATION_STATUSES.join(', '), found: v.verificationStatus });
  } else if (v.verificationStatus && v.verificationStatus !== 'unverified' && !v.verifier) {
    add('verifier', `is required when the verification status is ${v.verificationStatus}`, 'verifier_required', { status: v.verificationStatus });
  }
  const approved = ctx.reference.methodologies.find((m) => m.metal === ctx.metal);
  if (v.methodology !== undefined && approved && v.methodology !== approved.code) {
    add('methodology', `${ctx.metal} reports use the approved methodology ${approved.code} (${approved.name}); found "${v.methodology}"`, 'methodology', {
      metal: ctx.metal,
      methodology: `${approved.code} (${approved.name})`,
      found: v.methodology,
    });
  }
  if (v.carbonPricePaid !== undefined && !v.carbonPriceCurrency) add('carbonPriceCurrency', 'is required when a carbon price is given', 'currency_required');
  if (v.carbonPriceCurrency !== undefined && !/^[A-Z]{3}$/.test(v.carbonPriceCurrency)) {
    add('carbonPriceCurrency', `must be an ISO 4217 currency code (found "${v.carbonPriceCurrency}")`, 'not_currency', { found: v.carbonPriceCurrency });
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
  const code = 'period_overlap';
  const params = { kind: clash.periodKind, start: clash.periodStart, end: clash.periodEnd };
  return [
    { field: 'periodStart', message, code, params },
    { field: 'periodEnd', message, code, params },
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
