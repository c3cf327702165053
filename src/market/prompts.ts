import { addBusinessDays, nextBusinessDay, previousBusinessDay, type BusinessCalendar } from './calendar.ts';
import {
  addMonthsClamped,
  civilFromDay,
  formatDay,
  monthIndex,
  nthWeekdayOfMonth,
  weekday,
  weekdayOfName,
  type Day,
  type WeekdayName,
} from './dates.ts';

// Prompt dates for one trade date, pure: TOM and cash; every business day from cash to the
// three-month date; Wednesdays from three to six months; third Wednesdays monthly out to the
// metal's horizon. The numbers and the three-month roll rule are data (reference/market-calendar.json).

export type RollDirection = 'next' | 'previous';

/** How the three-month date moves when it is not a business day. */
export interface ThreeMonthRule {
  saturday: RollDirection;
  sunday: RollDirection;
  /** A weekday holiday, including the Friday or Monday a weekend date was moved to. */
  holiday: RollDirection;
  /** 'reverse': when the move would leave the calendar month, roll the other way from the original date. */
  leavesMonth: 'reverse' | 'allow';
  description?: string;
}

export interface PromptRules {
  tomBusinessDays: number;
  cashBusinessDays: number;
  dailyToMonths: number;
  weeklyToMonths: number;
  weeklyWeekday: WeekdayName;
  monthly: { weekday: WeekdayName; n: number };
  /** Where a weekly or monthly prompt on a closed day goes. */
  substitute: RollDirection;
  /** The default three-month rule: a key of threeMonthRules. */
  threeMonthRule: string;
  threeMonthRules: Record<string, ThreeMonthRule>;
}

export const PROMPT_KINDS = ['tom', 'cash', 'daily', '3M', 'weekly', 'monthly'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export interface PromptReason {
  kind: PromptKind;
  /** Where the date was moved from, when the rule's date was not a business day. */
  movedFrom?: string;
}

export interface Prompt {
  date: string;
  reasons: PromptReason[];
}

export interface PromptSchedule {
  tradeDate: string;
  threeMonthRule: string;
  horizonMonths: number;
  tom: string;
  cash: string;
  threeMonth: { date: string; movedFrom?: string };
  /** Weeklies run to this date (trade date + weeklyToMonths, clamped to month end). */
  weeklyUntil: string;
  lastPrompt: string;
  prompts: Prompt[];
}

/** A rule of the prompt calendar refused the input; `code` says which. */
export class PromptRuleError extends Error {
  constructor(
    readonly code: 'trade_date_closed' | 'unknown_rule',
    message: string,
  ) {
    super(message);
    this.name = 'PromptRuleError';
  }
}

const SATURDAY = 6;
const SUNDAY = 0;

const roll = (cal: BusinessCalendar, d: Day, dir: RollDirection): Day =>
  dir === 'next' ? nextBusinessDay(cal, d) : previousBusinessDay(cal, d);

/** The three-month date: `raw` (trade date + 3 calendar months, clamped) moved by `rule` if closed. */
export function rollThreeMonth(cal: BusinessCalendar, raw: Day, rule: ThreeMonthRule): Day {
  if (cal.isBusinessDay(raw)) return raw;
  const wd = weekday(raw);
  let d = raw;
  if (wd === SATURDAY) d = rule.saturday === 'previous' ? raw - 1 : raw + 2;
  else if (wd === SUNDAY) d = rule.sunday === 'next' ? raw + 1 : raw - 2;
  if (!cal.isBusinessDay(d)) d = roll(cal, d, rule.holiday);
  if (rule.leavesMonth === 'reverse' && monthIndex(d) !== monthIndex(raw)) {
    d = roll(cal, raw, d > raw ? 'previous' : 'next');
  }
  return d;
}

export function threeMonthRuleOf(rules: PromptRules, name = rules.threeMonthRule): ThreeMonthRule {
  const rule = rules.threeMonthRules[name];
  if (!rule) {
    throw new PromptRuleError('unknown_rule', `no three-month rule "${name}" (known: ${Object.keys(rules.threeMonthRules).join(', ')})`);
  }
  return rule;
}

/**
 * Every prompt of a trade date, strictly increasing, each with why it is a prompt. A weekly or
 * monthly date on a closed day is replaced by the next (rules.substitute) business day and keeps
 * the date it moved from. Monthly prompts are the third Wednesdays of the trade month (when on or
 * after cash) and of each of the next `horizonMonths` months.
 */
export function promptSchedule(
  cal: BusinessCalendar,
  tradeDay: Day,
  horizonMonths: number,
  rules: PromptRules,
  ruleName: string = rules.threeMonthRule,
): PromptSchedule {
  const threeRule = threeMonthRuleOf(rules, ruleName);
  if (!cal.isBusinessDay(tradeDay)) {
    throw new PromptRuleError('trade_date_closed', `${formatDay(tradeDay)} is not a business day: nothing trades on it`);
  }
  const reasons = new Map<Day, PromptReason[]>();
  const add = (d: Day, kind: PromptKind, movedFrom?: Day): void => {
    const reason: PromptReason = movedFrom !== undefined && movedFrom !== d ? { kind, movedFrom: formatDay(movedFrom) } : { kind };
    const list = reasons.get(d);
    if (list) list.push(reason);
    else reasons.set(d, [reason]);
  };
  const substitute = (d: Day): Day => (cal.isBusinessDay(d) ? d : roll(cal, d, rules.substitute));

  const tom = addBusinessDays(cal, tradeDay, rules.tomBusinessDays);
  const cash = addBusinessDays(cal, tradeDay, rules.cashBusinessDays);
  const rawThree = addMonthsClamped(tradeDay, rules.dailyToMonths);
  const three = rollThreeMonth(cal, rawThree, threeRule);

  add(tom, 'tom');
  for (let d = cash; d <= three; d++) {
    if (!cal.isBusinessDay(d)) continue;
    if (d === cash) add(d, 'cash');
    add(d, 'daily');
  }
  add(three, '3M', rawThree);

  const weeklyUntil = addMonthsClamped(tradeDay, rules.weeklyToMonths);
  const wed = weekdayOfName(rules.weeklyWeekday);
  for (let w = three + 1 + ((wed - weekday(three + 1) + 7) % 7); w <= weeklyUntil; w += 7) {
    add(substitute(w), 'weekly', w);
  }

  const start = civilFromDay(tradeDay);
  const mwd = weekdayOfName(rules.monthly.weekday);
  for (let k = 0; k <= horizonMonths; k++) {
    const index = start.year * 12 + start.month - 1 + k;
    const year = Math.floor(index / 12);
    const raw = nthWeekdayOfMonth(year, index - year * 12 + 1, mwd, rules.monthly.n);
    const d = substitute(raw);
    if (d >= cash) add(d, 'monthly', raw);
  }

  const days = [...reasons.keys()].sort((a, b) => a - b);
  const order = (r: PromptReason): number => PROMPT_KINDS.indexOf(r.kind);
  return {
    tradeDate: formatDay(tradeDay),
    threeMonthRule: ruleName,
    horizonMonths,
    tom: formatDay(tom),
    cash: formatDay(cash),
    threeMonth: three === rawThree ? { date: formatDay(three) } : { date: formatDay(three), movedFrom: formatDay(rawThree) },
    weeklyUntil: formatDay(weeklyUntil),
    lastPrompt: formatDay(days.at(-1)!),
    prompts: days.map((d) => ({ date: formatDay(d), reasons: reasons.get(d)!.sort((a, b) => order(a) - order(b)) })),
  };
}
