import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RateYearRule } from './accrual.ts';
import { parsePct } from './money.ts';

// The exchange's rent rules as data: reference/rent.json (rate year, queue rent capping allowance,
// supervision fee, the per-warrant fees a tariff may list). Read once, checked, frozen.

export const RENT_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../reference/rent.json');

export interface RentSettings {
  rateYear: RateYearRule;
  queueRentCapDays: number;
  supervisionFeePct: string;
  moneyDecimals: number;
  rentRateDecimals: number;
  perWarrantFees: { code: string; name: string; example?: string; unconfirmed?: boolean }[];
}

export function parseRentSettings(raw: unknown): RentSettings {
  const r = raw as Partial<RentSettings> & { rateYear?: Partial<RateYearRule> };
  const problems: string[] = [];
  const m = r.rateYear?.startMonth;
  const d = r.rateYear?.startDay;
  if (!Number.isInteger(m) || m! < 1 || m! > 12) problems.push('rateYear.startMonth must be 1–12');
  if (!Number.isInteger(d) || d! < 1 || d! > 28) problems.push('rateYear.startDay must be 1–28');
  if (!Number.isInteger(r.queueRentCapDays) || r.queueRentCapDays! < 0) problems.push('queueRentCapDays must be a whole number of days, 0 or more');
  try {
    parsePct(String(r.supervisionFeePct));
  } catch {
    problems.push('supervisionFeePct must be a decimal with at most 4 places');
  }
  if (r.moneyDecimals !== 2) problems.push('moneyDecimals must be 2 (amounts are kept in cents)');
  if (r.rentRateDecimals !== 4) problems.push('rentRateDecimals must be 4 (rates are kept in 10^-4 US$)');
  if (!Array.isArray(r.perWarrantFees) || r.perWarrantFees.some((f) => !/^[a-z][a-z0-9_]{1,39}$/.test(f?.code ?? ''))) problems.push('perWarrantFees must list codes in snake_case');
  if (problems.length) throw new Error(`reference/rent.json: ${problems.join('; ')}`);
  return Object.freeze({
    rateYear: Object.freeze({ startMonth: m!, startDay: d! }),
    queueRentCapDays: r.queueRentCapDays!,
    supervisionFeePct: String(r.supervisionFeePct),
    moneyDecimals: 2,
    rentRateDecimals: 4,
    perWarrantFees: r.perWarrantFees!.map((f) => Object.freeze({ ...f })),
  });
}

let cached: RentSettings | undefined;
export const rentSettings = (): RentSettings => (cached ??= parseRentSettings(JSON.parse(fs.readFileSync(RENT_FILE, 'utf8'))));
