import type { ResponseOf } from './api.ts';

// Shapes of the market API (src/market/routes.ts) the web app reads, from the generated API types.

export type PromptsAnswer = ResponseOf<'/api/v1/calendar/prompts'>;
export type Prompt = PromptsAnswer['prompts'][number];
export type PromptKind = Prompt['reasons'][number]['kind'];
export type BusinessDaysAnswer = ResponseOf<'/api/v1/calendar/business-days'>;
type CarryAnswer = ResponseOf<'/api/v1/carries/quote', 'post'>;
export type CarryLeg = CarryAnswer['legs'][number];
/**
 * POST /api/v1/carries/quote. The schema states `legs` as an array; the quote always has two, the
 * near leg then the far one (src/market/carry.ts types it as a pair), so the app reads it as a pair.
 */
export type CarryQuote = Omit<CarryAnswer, 'legs'> & { legs: [CarryLeg, CarryLeg] };

export type KindKey = Exclude<PromptKind, '3M'> | 'threeMonth';
/** i18n key of a prompt kind ('3M' is not a friendly key). */
export const kindKey = (k: PromptKind): KindKey => (k === '3M' ? 'threeMonth' : k);

/** YYYY-MM-DD arithmetic in UTC, for the month grid. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = (iso: string, n: number): string => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000));
export function monthDays(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return isoDay(d).slice(0, 7);
}
/** Monday = 0 … Sunday = 6. */
export const mondayIndex = (iso: string): number => (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
