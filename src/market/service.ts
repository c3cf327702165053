import type { AppContext } from '../platform/context.ts';
import { actorOf, type Authenticated } from '../access/principal.ts';
import { digestOf } from '../trust/canonical.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { isMetal, listSpecVersions } from '../metals/service.ts';
import { selectSpec } from '../metals/spec-select.ts';
import { METAL_CODES, type ContractSpec, type MetalCode } from '../metals/spec-types.ts';
import { AppError, forbidden, isUniqueViolation, notFound, type ErrorDetail } from '../platform/errors.ts';
import {
  addBusinessDays,
  businessDaysBetween,
  CalendarRangeError,
  closuresBetween,
  exchangeCalendar,
  localCalendar,
  type BusinessCalendar,
  type ClosedDay,
} from './calendar.ts';
import {
  CarryInputError,
  quoteCarry as priceCarry,
  rollPositions as roll,
  type CarryDirection,
  type CarryQuote,
  type Position,
  type RollResult,
} from './carry.ts';
import { formatDay, parseIsoDay, weekday, type Day } from './dates.ts';
import { adjustmentsInForce, observedHolidays } from './holidays.ts';
import { promptSchedule, PromptRuleError, type PromptSchedule } from './prompts.ts';
import { localCalendarDefinitions, marketReference } from './reference.ts';
import * as repo from './repo.ts';

export type Adjustment = repo.AdjustmentRecord;

/** Trade dates the API answers for; the calendar itself covers wider (reference `exchange.years`). */
export const TRADE_DATE_RANGE = { from: '1990-01-01', to: '2100-12-31' } as const;
/** The longest business-days range one request may ask for, in days (about ten years). */
export const MAX_RANGE_DAYS = 3660;

const today = (ctx: AppContext): string => ctx.now().toISOString().slice(0, 10);

const bad = (path: string, message: string): AppError =>
  new AppError('bad_request', `Invalid ${path.split('.').pop()}`, [{ path, message }]);

function dateOrThrow(path: string, text: string): Day {
  const d = parseIsoDay(text);
  if (d === undefined) throw bad(path, `${JSON.stringify(text)} is not a date (YYYY-MM-DD)`);
  return d;
}

function metalOrThrow(path: string, metal: string): MetalCode {
  if (!isMetal(metal)) throw bad(path, `unknown metal ${JSON.stringify(metal)} (one of ${METAL_CODES.join(', ')})`);
  return metal;
}

/** Reference adjustments are loaded as known from the first day the calendar covers. */
export async function loadReferenceCalendar(q: Parameters<typeof repo.loadReferenceAdjustments>[0]): Promise<number> {
  const ref = marketReference();
  return repo.loadReferenceAdjustments(q, ref.adjustments, `${ref.exchange.years.from}-01-01`);
}

// ---------------------------------------------------------------- calendars

const cache = new Map<string, BusinessCalendar>();
const CACHE_LIMIT = 32;

/** The exchange calendar with the adjustments in force on `asOf`. */
async function exchangeAsOf(ctx: AppContext, asOf: string): Promise<BusinessCalendar> {
  const inForce = adjustmentsInForce(await repo.listAdjustments(ctx.db), asOf);
  const key = inForce.map((a) => `${a.id}:${a.version}`).join(',');
  let cal = cache.get(key);
  if (!cal) {
    cal = exchangeCalendar(marketReference().exchange, inForce);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, cal);
  }
  return cal;
}

let locals: Map<string, BusinessCalendar> | undefined;
const localCalendars = (): Map<string, BusinessCalendar> => {
  locals ??= new Map(localCalendarDefinitions().map((d) => [d.id, localCalendar(d)]));
  return locals;
};

export const CALENDAR_IDS = (): string[] => ['exchange', ...localCalendars().keys()];

/**
 * The working day `n` working days after `from` in a calendar (a delivery location's, for
 * warehouse work such as load-out), and whether the calendar covered it; outside a local calendar's
 * published years the count falls back to the exchange calendar, and says so.
 */
export async function addWorkingDays(ctx: AppContext, calendarId: string, from: string, n: number): Promise<{ date: string; calendar: string }> {
  const start = parseIsoDay(from);
  if (start === undefined) throw new TypeError(`${from} is not a date`);
  const local = localCalendars().get(calendarId);
  if (local) {
    try {
      return { date: formatDay(addBusinessDays(local, start, n)), calendar: calendarId };
    } catch (e) {
      if (!(e instanceof CalendarRangeError)) throw e;
    }
  }
  return { date: formatDay(addBusinessDays(await exchangeAsOf(ctx, today(ctx)), start, n)), calendar: 'exchange' };
}

function rangeError(e: unknown, path: string): never {
  if (e instanceof CalendarRangeError) throw bad(path, e.message);
  throw e;
}

// ---------------------------------------------------------------- prompts

export interface PromptsAnswer extends PromptSchedule {
  metal: MetalCode;
  calendar: 'exchange';
  asOf: string;
  /** True when the metal's monthly horizon is marked unconfirmed in its contract spec. */
  horizonUnconfirmed: boolean;
  specVersion: number;
}

/** The spec in force on the trade date; before the first version, the first version. */
async function specFor(ctx: AppContext, metal: MetalCode, on: string): Promise<ContractSpec> {
  const versions = await listSpecVersions(ctx, metal);
  const spec = selectSpec(versions, metal, on) ?? versions[0];
  if (!spec) throw notFound(`A ${metal} contract specification`);
  return spec;
}

function tradeDateOrThrow(path: string, tradeDate: string): Day {
  const d = dateOrThrow(path, tradeDate);
  if (tradeDate < TRADE_DATE_RANGE.from || tradeDate > TRADE_DATE_RANGE.to) {
    throw bad(path, `trade dates from ${TRADE_DATE_RANGE.from} to ${TRADE_DATE_RANGE.to} are supported`);
  }
  return d;
}

export async function prompts(
  ctx: AppContext,
  q: { metal: string; tradeDate?: string; asOf?: string; threeMonthRule?: string },
  paths = { metal: 'querystring.metal', tradeDate: 'querystring.tradeDate', asOf: 'querystring.asOf', threeMonthRule: 'querystring.threeMonthRule' },
): Promise<PromptsAnswer> {
  const metal = metalOrThrow(paths.metal, q.metal);
  const tradeDate = q.tradeDate ?? today(ctx);
  const trade = tradeDateOrThrow(paths.tradeDate, tradeDate);
  const asOf = q.asOf ?? today(ctx);
  dateOrThrow(paths.asOf, asOf);
  const rules = marketReference().prompts;
  const ruleName = q.threeMonthRule ?? rules.threeMonthRule;
  if (!(ruleName in rules.threeMonthRules)) {
    throw bad(paths.threeMonthRule, `unknown rule ${JSON.stringify(ruleName)} (one of ${Object.keys(rules.threeMonthRules).join(', ')})`);
  }
  const spec = await specFor(ctx, metal, tradeDate);
  const cal = await exchangeAsOf(ctx, asOf);
  try {
    const s = promptSchedule(cal, trade, spec.monthlyPromptMonths, rules, ruleName);
    return {
      metal,
      calendar: 'exchange',
      asOf,
      specVersion: spec.version,
      horizonUnconfirmed: spec.unconfirmed.some((u) => /monthly prompts/i.test(u)),
      ...s,
    };
  } catch (e) {
    if (e instanceof PromptRuleError && e.code === 'trade_date_closed') throw bad(paths.tradeDate, e.message);
    return rangeError(e, paths.tradeDate);
  }
}

// ---------------------------------------------------------------- business days

export interface BusinessDaysAnswer {
  calendar: string;
  name: string;
  from: string;
  to: string;
  asOf: string | null;
  businessDays: string[];
  closures: ClosedDay[];
  /** Years in the range whose local list is derived, not yet published. */
  provisionalYears: number[];
}

export async function businessDays(ctx: AppContext, q: { from: string; to: string; calendar?: string; asOf?: string }): Promise<BusinessDaysAnswer> {
  const id = q.calendar ?? 'exchange';
  const from = dateOrThrow('querystring.from', q.from);
  const to = dateOrThrow('querystring.to', q.to);
  if (to < from) throw bad('querystring.to', `must be on or after from (${q.from})`);
  if (to - from + 1 > MAX_RANGE_DAYS) throw bad('querystring.to', `the range may span at most ${MAX_RANGE_DAYS} days (about ten years)`);
  let cal: BusinessCalendar | undefined;
  let asOf: string | null = null;
  if (id === 'exchange') {
    asOf = q.asOf ?? today(ctx);
    dateOrThrow('querystring.asOf', asOf);
    cal = await exchangeAsOf(ctx, asOf);
  } else {
    cal = localCalendars().get(id);
    if (!cal) throw bad('querystring.calendar', `unknown calendar ${JSON.stringify(id)} (one of ${CALENDAR_IDS().join(', ')})`);
  }
  for (const [d, path] of [
    [from, 'querystring.from'],
    [to, 'querystring.to'],
  ] as const) {
    try {
      cal.isBusinessDay(d);
    } catch (e) {
      rangeError(e, path);
    }
  }
  const fromYear = Number(q.from.slice(0, 4));
  const toYear = Number(q.to.slice(0, 4));
  return {
    calendar: cal.id,
    name: cal.name,
    from: q.from,
    to: q.to,
    asOf,
    businessDays: businessDaysBetween(cal, from, to).map(formatDay),
    closures: closuresBetween(cal, from, to),
    provisionalYears: cal.provisionalYears.filter((y) => y >= fromYear && y <= toYear),
  };
}

// ---------------------------------------------------------------- adjustments (closures)

export async function listClosures(ctx: AppContext, q: { includeWithdrawn?: boolean }): Promise<Adjustment[]> {
  const all = await repo.listAdjustments(ctx.db);
  return q.includeWithdrawn ? all : all.filter((a) => a.withdrawnFrom === null);
}

/** What a calendar log entry commits to: the adjustment as it stands after the change. */
export function adjustmentLogRecord(a: Adjustment) {
  return {
    adjustmentId: a.id,
    calendar: a.calendar,
    date: a.date,
    kind: a.kind,
    name: a.name,
    source: a.source,
    effectiveFrom: a.effectiveFrom,
    withdrawnFrom: a.withdrawnFrom,
    withdrawnReason: a.withdrawnReason,
  };
}

function requireExchange(p: Authenticated): void {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange changes its calendar');
}

export interface NewClosureInput {
  date: string;
  kind: 'closure' | 'opening';
  name: string;
  source?: string;
  effectiveFrom?: string;
}

export async function createClosure(ctx: AppContext, p: Authenticated, input: NewClosureInput): Promise<Adjustment> {
  requireExchange(p);
  const def = marketReference().exchange;
  const day = dateOrThrow('body.date', input.date);
  const effectiveFrom = input.effectiveFrom ?? today(ctx);
  dateOrThrow('body.effectiveFrom', effectiveFrom);
  const year = Number(input.date.slice(0, 4));
  if (year < def.years.from || year > def.years.to) throw bad('body.date', `the exchange calendar covers ${def.years.from}–${def.years.to}`);
  const problems: ErrorDetail[] = [];
  const weekendDay = weekday(day) === 0 || weekday(day) === 6;
  const ruleHoliday = observedHolidays(def, year).some((h) => h.day === day);
  if (weekendDay) problems.push({ path: 'body.date', message: `${input.date} is a weekend day: the exchange is closed anyway` });
  else if (input.kind === 'closure' && ruleHoliday) problems.push({ path: 'body.date', message: `${input.date} is already a bank holiday` });
  else if (input.kind === 'opening' && !ruleHoliday) {
    problems.push({ path: 'body.date', message: `${input.date} is not a bank holiday; an opening undoes one (add a closure for the day it moves to)` });
  }
  if (input.name.trim().length === 0) problems.push({ path: 'body.name', message: 'is required' });
  if (problems.length) throw new AppError('bad_request', 'The calendar change is invalid', problems);
  try {
    return await ctx.db.transaction(async (tx) => {
      const rec = await repo.insertAdjustment(tx, {
        date: input.date,
        kind: input.kind,
        name: input.name.trim(),
        source: input.source?.trim() || null,
        effectiveFrom,
        userId: p.type === 'user' ? p.userId : null,
        apiKeyId: p.type === 'api_key' ? p.keyId : null,
      });
      await recordSignedChange(ctx, tx, {
        log: { kind: 'calendar.adjustment_made', subjectType: 'calendar_adjustment', subjectId: rec.id, version: rec.version },
        payload: { record: adjustmentLogRecord(rec) },
        event: { actor: actorOf(p), details: { date: rec.date, kind: rec.kind, effectiveFrom: rec.effectiveFrom } },
      });
      return rec;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'calendar_adjustments_live_day')) {
      throw new AppError('conflict', `${input.date} already has a calendar change; withdraw it first`, [{ path: 'body.date', message: 'already adjusted' }]);
    }
    throw e;
  }
}

export async function withdrawClosure(
  ctx: AppContext,
  p: Authenticated,
  id: string,
  input: { reason: string; withdrawnFrom?: string },
): Promise<Adjustment> {
  requireExchange(p);
  const withdrawnFrom = input.withdrawnFrom ?? today(ctx);
  dateOrThrow('body.withdrawnFrom', withdrawnFrom);
  if (input.reason.trim().length === 0) throw bad('body.reason', 'is required');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.getAdjustment(tx, id, true);
    if (!before) throw notFound('Calendar change');
    if (before.withdrawnFrom !== null) throw new AppError('conflict', `This calendar change was already withdrawn from ${before.withdrawnFrom}`);
    if (withdrawnFrom < before.effectiveFrom) throw bad('body.withdrawnFrom', `must be on or after ${before.effectiveFrom}, when it took effect`);
    const after = await repo.withdrawAdjustment(tx, id, {
      withdrawnFrom,
      reason: input.reason.trim(),
      userId: p.type === 'user' ? p.userId : null,
      apiKeyId: p.type === 'api_key' ? p.keyId : null,
    });
    await recordSignedChange(ctx, tx, {
      log: { kind: 'calendar.adjustment_withdrawn', subjectType: 'calendar_adjustment', subjectId: id, version: after.version },
      payload: { record: adjustmentLogRecord(after) },
      event: {
        actor: actorOf(p),
        digestBefore: digestOf(adjustmentLogRecord(before)),
        details: { date: after.date, withdrawnFrom, reason: after.withdrawnReason },
      },
    });
    return after;
  });
}

// ---------------------------------------------------------------- carries

export interface CarryQuoteInput {
  metal: string;
  tradeDate?: string;
  direction: CarryDirection;
  lots: number;
  near: string;
  far: string;
  nearPrice: string;
  farPrice: string;
}

export interface CarryAnswer extends CarryQuote {
  metal: MetalCode;
  tradeDate: string;
  lotTonnes: string;
}

/** Prices a carry between two prompts that are tradeable on the trade date. */
export async function quoteCarry(ctx: AppContext, input: CarryQuoteInput): Promise<CarryAnswer> {
  const schedule = await prompts(
    ctx,
    { metal: input.metal, tradeDate: input.tradeDate },
    { metal: 'body.metal', tradeDate: 'body.tradeDate', asOf: 'body.tradeDate', threeMonthRule: 'body' },
  );
  const problems: ErrorDetail[] = [];
  const valid = new Set(schedule.prompts.map((x) => x.date));
  for (const leg of ['near', 'far'] as const) {
    const date = input[leg];
    if (parseIsoDay(date) === undefined) problems.push({ path: `body.${leg}`, message: `${JSON.stringify(date)} is not a date (YYYY-MM-DD)` });
    else if (!valid.has(date)) {
      problems.push({ path: `body.${leg}`, message: `${date} is not a ${schedule.metal} prompt date for trade date ${schedule.tradeDate}` });
    }
  }
  if (problems.length) throw new AppError('bad_request', 'The carry cannot be priced', problems);
  const spec = await specFor(ctx, schedule.metal, schedule.tradeDate);
  try {
    const q = priceCarry({ ...input, lotTonnes: spec.lotTonnes });
    return { metal: schedule.metal, tradeDate: schedule.tradeDate, lotTonnes: spec.lotTonnes, ...q };
  } catch (e) {
    if (e instanceof CarryInputError) {
      throw new AppError(
        'bad_request',
        'The carry cannot be priced',
        e.issues.map((i) => ({ path: `body.${i.field}`, message: i.message })),
      );
    }
    throw e;
  }
}

// ---------------------------------------------------------------- position roller

export interface RollInput {
  metal: string;
  rollDate: string;
  target: string;
  positions: Position[];
  marks: Record<string, string>;
}

export interface RollAnswer extends RollResult {
  metal: MetalCode;
  lotTonnes: string;
}

/**
 * Lines a book up on one prompt: the target and every prompt still holding an open position must
 * be prompts tradeable on the roll date (a position on an earlier prompt can no longer be carried).
 */
export async function rollBook(ctx: AppContext, input: RollInput): Promise<RollAnswer> {
  const schedule = await prompts(
    ctx,
    { metal: input.metal, tradeDate: input.rollDate },
    { metal: 'body.metal', tradeDate: 'body.rollDate', asOf: 'body.rollDate', threeMonthRule: 'body' },
  );
  const valid = new Set(schedule.prompts.map((x) => x.date));
  const problems: ErrorDetail[] = [];
  if (!valid.has(input.target)) {
    problems.push({ path: 'body.target', message: `${input.target} is not a ${schedule.metal} prompt date on ${schedule.tradeDate}` });
  }
  const net = new Map<string, number>();
  input.positions.forEach((p, i) => {
    if (parseIsoDay(p.prompt) === undefined) problems.push({ path: `body.positions.${i}.prompt`, message: 'is not a date (YYYY-MM-DD)' });
    if (p.tradeDate > schedule.tradeDate) problems.push({ path: `body.positions.${i}.tradeDate`, message: `is after the roll date ${schedule.tradeDate}` });
    net.set(p.prompt, (net.get(p.prompt) ?? 0) + (p.side === 'buy' ? p.lots : -p.lots));
  });
  input.positions.forEach((p, i) => {
    if (p.prompt !== input.target && net.get(p.prompt) !== 0 && !valid.has(p.prompt)) {
      problems.push({ path: `body.positions.${i}.prompt`, message: `${p.prompt} is open but not a prompt that can be carried on ${schedule.tradeDate}` });
    }
  });
  if (problems.length) throw new AppError('bad_request', 'The book cannot be rolled', problems);
  const spec = await specFor(ctx, schedule.metal, schedule.tradeDate);
  try {
    return { metal: schedule.metal, lotTonnes: spec.lotTonnes, ...roll({ ...input, rollDate: schedule.tradeDate, lotTonnes: spec.lotTonnes }) };
  } catch (e) {
    if (e instanceof CarryInputError) {
      throw new AppError('bad_request', 'The book cannot be rolled', e.issues.map((i) => ({ path: `body.${i.field}`, message: i.message })));
    }
    throw e;
  }
}
