// The rent pages' API shapes (aliases of the generated types) and small helpers.
import type { RequestOf, ResponseOf } from './api.ts';

export type RentSettings = ResponseOf<'/api/v1/rent/settings'>;
export type CapsInYear = ResponseOf<'/api/v1/rent/caps'>;
export type Tariff = ResponseOf<'/api/v1/rent/tariffs/{tariffId}'>;
export type TariffInput = RequestOf<'/api/v1/rent/tariffs', 'post'>;
export type Outstanding = ResponseOf<'/api/v1/rent/outstanding'>;
export type OutstandingItem = Outstanding['items'][number];
export type Statement = ResponseOf<'/api/v1/rent/statements/{statementId}'>;
export type StatementList = ResponseOf<'/api/v1/rent/statements'>;
export type StatementSummary = StatementList['items'][number];
export type FeeStatements = ResponseOf<'/api/v1/rent/fee-statements'>;
export type FeePreview = ResponseOf<'/api/v1/rent/fee-preview'>;
export type FeeIssued = ResponseOf<'/api/v1/rent/fee-statements', 'post'>;
export type Facilities = ResponseOf<'/api/v1/facilities'>;
export type Locations = ResponseOf<'/api/v1/locations'>;
export type CapInput = RequestOf<'/api/v1/rent-caps', 'post'>;

export const RENT_KEYS = {
  settings: ['rent', 'settings'] as const,
  outstanding: (scope: string) => ['rent', 'outstanding', scope] as const,
  statements: (scope: string) => ['rent', 'statements', scope] as const,
  statement: (id: string) => ['rent', 'statement', id] as const,
  tariffs: (warehouse: string) => ['rent', 'tariffs', warehouse] as const,
  caps: (year: number | null) => ['rent', 'caps', year] as const,
  fees: ['rent', 'fees'] as const,
};

/** The statement files, read with the session cookie (same origin). */
export const statementFile = (id: string, kind: 'pdf' | 'xlsx'): string => `/api/v1/rent/statements/${encodeURIComponent(id)}/${kind}`;

/** Sums decimal money strings exactly (cents as BigInt). */
export function sumMoney(amounts: readonly string[]): string {
  let cents = 0n;
  for (const a of amounts) {
    const [i, f = ''] = a.split('.');
    cents += BigInt(i!) * 100n + BigInt((f + '00').slice(0, 2));
  }
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}
