import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { businessDays } from '../market/service.ts';
import { canonicalJson } from '../trust/canonical.ts';
import { reportsReference } from './reference.ts';
import * as repo from './repo.ts';
import {
  addDays,
  banding,
  closeOf,
  monthBounds,
  offWarrantRows,
  queues,
  REPORT_SCHEMA,
  startOfDay,
  stockRows,
  toMilli,
  type Band,
  type BandingMetal,
  type OffWarrantRow,
  type QueueFacility,
  type ReportKind,
  type StockRow,
  type StockTotal,
} from './rules.ts';

// Report documents from the history. Two steps: the parameters of a report (which business day,
// which window of events, which bands), decided from the exchange calendar and the reports
// reference data; and the document built from those parameters and the event history alone. A
// published document carries its parameters, so re-building it later from them must give the same
// bytes (canonical JSON); any difference means the history of that window changed.

export interface StockParams {
  kind: 'stock';
  period: string;
  businessDay: string;
  previousBusinessDay: string;
  timeZone: string;
  window: { from: string; to: string };
}
export interface QueueParams {
  kind: 'queue';
  period: string;
  asOf: string;
  timeZone: string;
  window: { to: string };
}
export interface BandingParams {
  kind: 'banding';
  period: string;
  asOf: string;
  arrearsBusinessDays: number;
  bands: Band[];
  window: { to: string };
}
export interface OffWarrantParams {
  kind: 'off_warrant';
  period: string;
  asOf: string;
  window: { to: string };
  declarationsUntil: string;
}
export type ReportParams = StockParams | QueueParams | BandingParams | OffWarrantParams;

export type StockDocument = StockParams & { schema: typeof REPORT_SCHEMA; unit: 't'; rows: StockRow[]; totals: StockTotal[] };
export type QueueDocument = QueueParams & { schema: typeof REPORT_SCHEMA; unit: 't'; facilities: QueueFacility[] };
export type BandingDocument = BandingParams & { schema: typeof REPORT_SCHEMA; unit: 't'; metals: BandingMetal[] };
export type OffWarrantDocument = OffWarrantParams & { schema: typeof REPORT_SCHEMA; unit: 't'; rows: OffWarrantRow[] };
export type ReportDocument = StockDocument | QueueDocument | BandingDocument | OffWarrantDocument;

/** The day a document is "as of" (the stock report's business day, the banding's holdings day …). */
export const asOfOf = (p: ReportParams): string => (p.kind === 'stock' ? p.businessDay : p.asOf);

// ---------------------------------------------------------------- the exchange calendar

const bad = (path: string, message: string) => new AppError('bad_request', message, [{ path, message }]);

/** Business days in [from, to] of the exchange calendar as the exchange knew it on `asOf`. */
async function openDays(ctx: AppContext, from: string, to: string, asOf: string): Promise<string[]> {
  return (await businessDays(ctx, { from, to, asOf })).businessDays;
}

export async function isBusinessDay(ctx: AppContext, day: string): Promise<boolean> {
  return (await openDays(ctx, day, day, day)).includes(day);
}

/** The business day `n` ≥ 1 business days before `day` (as the calendar stood on `day`). */
export async function businessDaysBefore(ctx: AppContext, day: string, n: number): Promise<string> {
  for (let span = 14 + 2 * n; ; span *= 2) {
    const days = await openDays(ctx, addDays(day, -span), addDays(day, -1), day);
    if (days.length >= n) return days[days.length - n]!;
    if (span > 3000) throw new RangeError(`no business day ${n} before ${day}`);
  }
}

/** The business day `n` ≥ 1 business days after `day`. */
export async function businessDaysAfter(ctx: AppContext, day: string, n: number): Promise<string> {
  for (let span = 14 + 2 * n; ; span *= 2) {
    const days = await openDays(ctx, addDays(day, 1), addDays(day, span), day);
    if (days.length >= n) return days[n - 1]!;
    if (span > 3000) throw new RangeError(`no business day ${n} after ${day}`);
  }
}

// ---------------------------------------------------------------- parameters

/** When a report of a kind and period may be published: the instant from which it is due. */
export function dueFrom(p: ReportParams): string {
  switch (p.kind) {
    case 'stock':
    case 'queue':
      return p.window.to; // the business day has closed
    case 'banding':
      return startOfDay(p.period, reportsReference().timeZone); // the publication day has begun
    case 'off_warrant':
      return p.declarationsUntil; // the warehouses' declaration window has closed
  }
}

/** The parameters of a report from the calendar and the reference data. Refuses a period that is not a business day (or month). */
export async function paramsFor(ctx: AppContext, kind: ReportKind, period: string, path = 'body.date'): Promise<ReportParams> {
  const ref = reportsReference();
  const tz = ref.timeZone;
  if (kind === 'off_warrant') {
    let bounds: { first: string; last: string };
    try {
      bounds = monthBounds(period);
    } catch {
      throw bad(path, `${JSON.stringify(period)} is not a month (YYYY-MM)`);
    }
    const windowEnd = await businessDaysAfter(ctx, bounds.last, Math.max(1, ref.offWarrantDeclarationBusinessDays));
    return {
      kind,
      period,
      asOf: bounds.last,
      window: { to: closeOf(bounds.last, tz) },
      declarationsUntil: ref.offWarrantDeclarationBusinessDays === 0 ? closeOf(bounds.last, tz) : closeOf(windowEnd, tz),
    };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period)) throw bad(path, `${JSON.stringify(period)} is not a date (YYYY-MM-DD)`);
  if (!(await isBusinessDay(ctx, period))) throw bad(path, `${period} is not an exchange business day: there are no reports for it`);
  switch (kind) {
    case 'stock': {
      const previous = await businessDaysBefore(ctx, period, 1);
      return { kind, period, businessDay: period, previousBusinessDay: previous, timeZone: tz, window: { from: closeOf(previous, tz), to: closeOf(period, tz) } };
    }
    case 'queue':
      return { kind, period, asOf: period, timeZone: tz, window: { to: closeOf(period, tz) } };
    case 'banding': {
      const n = ref.bandingArrearsBusinessDays;
      const asOf = n === 0 ? period : await businessDaysBefore(ctx, period, n);
      return { kind, period, asOf, arrearsBusinessDays: n, bands: ref.bands, window: { to: closeOf(asOf, tz) } };
    }
  }
}

/** The parameters a published document carries (what a re-generation starts from). */
export function paramsOf(doc: ReportDocument): ReportParams {
  switch (doc.kind) {
    case 'stock':
      return { kind: 'stock', period: doc.period, businessDay: doc.businessDay, previousBusinessDay: doc.previousBusinessDay, timeZone: doc.timeZone, window: doc.window };
    case 'queue':
      return { kind: 'queue', period: doc.period, asOf: doc.asOf, timeZone: doc.timeZone, window: doc.window };
    case 'banding':
      return { kind: 'banding', period: doc.period, asOf: doc.asOf, arrearsBusinessDays: doc.arrearsBusinessDays, bands: doc.bands, window: doc.window };
    case 'off_warrant':
      return { kind: 'off_warrant', period: doc.period, asOf: doc.asOf, window: doc.window, declarationsUntil: doc.declarationsUntil };
  }
}

// ---------------------------------------------------------------- documents

/** Builds the document of a report from its parameters and the history. */
export async function build(ctx: AppContext, p: ReportParams): Promise<ReportDocument> {
  const head = { schema: REPORT_SCHEMA, unit: 't' as const };
  switch (p.kind) {
    case 'stock': {
      const figures = await repo.stockFigures(ctx.db, p.window.from, p.window.to);
      const { rows, totals } = stockRows(
        figures.map((f) => ({
          location: f.location,
          metal: f.metal,
          opening: toMilli(f.opening),
          deliveredIn: toMilli(f.delivered_in),
          deliveredOut: toMilli(f.delivered_out),
          live: toMilli(f.live),
          cancelled: toMilli(f.cancelled),
        })),
      );
      return { ...head, ...p, rows, totals };
    }
    case 'queue': {
      const rows = await repo.waiting(ctx.db, p.window.to);
      return { ...head, ...p, facilities: queues(rows.map((r) => ({ ...r, cancelledAt: r.cancelled_at.toISOString() })), p.timeZone) };
    }
    case 'banding': {
      const rows = await repo.liveHoldings(ctx.db, p.window.to);
      return { ...head, ...p, metals: banding(rows.map((r) => ({ metal: r.metal, holder: r.holder, milli: toMilli(r.tonnes), warrants: r.warrants })), p.bands) };
    }
    case 'off_warrant': {
      const recorded = await repo.recordedOffWarrant(ctx.db, p.asOf, p.window.to);
      const declared = await repo.declaredFor(ctx.db, p.period, p.declarationsUntil);
      return {
        ...head,
        ...p,
        rows: offWarrantRows(
          recorded.map((r) => ({ location: r.location, metal: r.metal, warehouse: r.warehouse, milli: kgMilli(r.kg) })),
          declared.map((d) => ({ location: d.location, metal: d.metal, warehouse: d.warehouse, milli: toMilli(d.tonnes) })),
        ),
      };
    }
  }
}

/** Kilograms (numeric text, up to three decimals) as thousandths of a tonne, i.e. whole kilograms rounded half up. */
export function kgMilli(kg: string): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(kg);
  if (!m) throw new RangeError(`not a weight in kg: ${kg}`);
  const whole = BigInt(m[1]!);
  return (m[2] ?? '0')[0]! >= '5' ? whole + 1n : whole;
}

/** The exact bytes a document is published as. */
export const documentBytes = (doc: ReportDocument): string => canonicalJson(doc);
