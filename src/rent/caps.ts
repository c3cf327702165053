import { formatDay, type Day } from '../market/dates.ts';
import { rateYearBounds, rateYearLabel, type RateYearRule } from './accrual.ts';
import { formatMoney, formatRate, PCT_SCALE } from './money.ts';

// The exchange's caps on what a warehouse may charge, applied to a rate year. Pure.
//
// A cap row is effective from a date (rent_caps, reference/delivery-network.json). The caps that
// bind a tariff for rate year Y are every row in force on some day of Y: the latest effective on
// or before 1 April Y, and any effective later within Y. The tariff must be within each of them
// (so within the lowest).
//
// Yearly indexation: a row with `indexPct` p and `indexFromYear` F stands for
//     cap(Y) = cap × (1 + p/100)^n,   n = max(0, Y − F + 1)
// i.e. the cap as written up to rate year F − 1, × (1 + p/100) in rate year F, compounded each year
// after; each year's figure rounded half-up to the cap's own precision (4 places for rent in US$,
// 2 for the FOT charge). Example: 0.61 with 3 % from 2027 → 2026/27 0.61, 2027/28 0.6283,
// 2028/29 0.6471 (0.61 × 1.0609 = 0.647149).

export interface CapInput {
  id: string;
  location: string;
  metal: string;
  effectiveFrom: Day;
  /** 10^-4 US$ per tonne per day. */
  rent: bigint;
  /** Cents of `fotCurrency` per tonne, or null when the row caps rent only. */
  fot: bigint | null;
  fotCurrency: string | null;
  /** 10^-4 %, or null. */
  indexPct: bigint | null;
  indexFromYear: number | null;
}

export interface CapInYear extends CapInput {
  year: number;
  /** The rent cap for the year, indexation applied. */
  rentInYear: bigint;
  fotInYear: bigint | null;
  /** How many yearly indexation steps were applied. */
  indexSteps: number;
}

const PCT_ONE = 100n * 10n ** BigInt(PCT_SCALE); // 100 % at PCT_SCALE: the denominator of p/100

/** value × (1 + p/100)^n rounded half-up at the value's own scale; never below zero. */
export function indexed(value: bigint, indexPct: bigint | null, indexFromYear: number | null, year: number): { value: bigint; steps: number } {
  if (indexPct === null || indexFromYear === null || year < indexFromYear) return { value, steps: 0 };
  const steps = year - indexFromYear + 1;
  const factor = PCT_ONE + indexPct;
  if (factor <= 0n) return { value: 0n, steps };
  const num = value * factor ** BigInt(steps);
  const den = PCT_ONE ** BigInt(steps);
  return { value: (num * 2n + den) / (2n * den), steps };
}

/** The cap rows in force on some day of rate year `year`, each with its indexed figures. `caps` for one location and metal. */
export function capsForYear(caps: readonly CapInput[], year: number, rule: RateYearRule): CapInYear[] {
  const { from, to } = rateYearBounds(year, rule);
  const sorted = [...caps].sort((a, b) => a.effectiveFrom - b.effectiveFrom);
  const atStart = sorted.filter((c) => c.effectiveFrom <= from).at(-1);
  const within = sorted.filter((c) => c.effectiveFrom > from && c.effectiveFrom <= to);
  return [...(atStart ? [atStart] : []), ...within].map((c) => {
    const r = indexed(c.rent, c.indexPct, c.indexFromYear, year);
    return {
      ...c,
      year,
      rentInYear: r.value,
      fotInYear: c.fot === null ? null : indexed(c.fot, c.indexPct, c.indexFromYear, year).value,
      indexSteps: r.steps,
    };
  });
}

export interface TariffFigures {
  /** 10^-4 US$ per tonne per day. */
  rent: bigint;
  /** Cents of `currency` per tonne. */
  fot: bigint | null;
  currency: string;
}

export interface CapProblem {
  field: 'rentUsdPerTonneDay' | 'fotPerTonne';
  message: string;
  capId: string;
}

/** Why a tariff is above the caps of its year, naming each cap it exceeds; empty when within them. */
export function checkAgainstCaps(t: TariffFigures, caps: readonly CapInYear[], where: { location: string; metal: string }): CapProblem[] {
  const problems: CapProblem[] = [];
  const year = (c: CapInYear) =>
    `for ${where.metal} at ${where.location} in ${rateYearLabel(c.year)} (cap effective ${formatDay(c.effectiveFrom)}${c.indexSteps ? `, indexed ${c.indexSteps}×` : ''})`;
  for (const c of caps) {
    if (t.rent > c.rentInYear) {
      problems.push({
        field: 'rentUsdPerTonneDay',
        capId: c.id,
        message: `Rent of ${formatRate(t.rent)} US$/t/day is above the cap of ${formatRate(c.rentInYear)} US$/t/day ${year(c)}`,
      });
    }
    if (c.fotInYear !== null && t.fot !== null) {
      if (c.fotCurrency !== t.currency) {
        problems.push({ field: 'fotPerTonne', capId: c.id, message: `The FOT cap is in ${c.fotCurrency}, the tariff in ${t.currency}; the exchange must restate the cap ${year(c)}` });
      } else if (t.fot > c.fotInYear) {
        problems.push({
          field: 'fotPerTonne',
          capId: c.id,
          message: `FOT charge of ${formatMoney(t.fot)} ${t.currency}/t is above the cap of ${formatMoney(c.fotInYear)} ${c.fotCurrency}/t ${year(c)}`,
        });
      }
    }
  }
  return problems;
}

export const capRentText = (c: CapInYear): string => formatRate(c.rentInYear);
export const capFotText = (c: CapInYear): string | null => (c.fotInYear === null ? null : formatMoney(c.fotInYear));
