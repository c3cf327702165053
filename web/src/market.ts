// Shapes of the market API (src/market/routes.ts) the web app reads.

export type PromptKind = 'tom' | 'cash' | 'daily' | '3M' | 'weekly' | 'monthly';

export interface Prompt {
  date: string;
  reasons: { kind: PromptKind; movedFrom?: string }[];
}

export interface PromptsAnswer {
  metal: string;
  tradeDate: string;
  horizonMonths: number;
  horizonUnconfirmed: boolean;
  tom: string;
  cash: string;
  threeMonth: { date: string; movedFrom?: string };
  lastPrompt: string;
  prompts: Prompt[];
}

export interface BusinessDaysAnswer {
  calendar: string;
  businessDays: string[];
  closures: { date: string; name: string; source: 'rule' | 'exchange' | 'local' }[];
}

export interface CarryLeg {
  prompt: string;
  side: 'buy' | 'sell';
  lots: number;
  price: string;
  cashFlowPerTonne: string;
  cashFlow: string;
}

export interface CarryQuote {
  metal: string;
  tradeDate: string;
  lotTonnes: string;
  direction: 'borrow' | 'lend';
  lots: number;
  tonnes: string;
  legs: [CarryLeg, CarryLeg];
  spread: string;
  structure: 'contango' | 'backwardation' | 'flat';
  netPerTonne: string;
  net: string;
  payment: { from: 'borrower' | 'lender'; to: 'borrower' | 'lender'; perTonne: string; total: string } | null;
}

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
