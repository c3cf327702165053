import { dayFromCivil, daysInMonth, formatDay, parseIsoDay } from '../market/dates.ts';
import { queueEstimate } from '../warehouse/warrant-rules.ts';

// The market reports' pure rules: exact tonnages, the moment a business day closes, the stock
// identity, warrant bands, queue waiting time, off-warrant totals, and a reference model of the
// stock report over a list of events (the property tests hold the SQL to it). No I/O.

export const REPORT_KINDS = ['stock', 'banding', 'queue', 'off_warrant'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const DAILY_KINDS = ['stock', 'banding', 'queue'] as const satisfies readonly ReportKind[];
export const REPORT_SCHEMA = 'assay.market-report/1' as const;

/** The warrant transitions that change stock: issue (in), cancellation, re-warranting, load-out (out). */
export const STOCK_KINDS = ['warrant.issued', 'warrant.cancelled', 'warrant.rewarranted', 'warrant.loaded_out'] as const;
export type StockKind = (typeof STOCK_KINDS)[number];

// ---------------------------------------------------------------- tonnes, exactly (thousandths)

/** A tonnage (as numeric columns give it, "25.000", or as people write it, "-1.5") in thousandths of a tonne. */
export function toMilli(t: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) throw new RangeError(`not a tonnage: ${t}`);
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > 3) throw new RangeError(`more than three decimals of a tonne: ${t}`);
  const v = BigInt(m[2]!) * 1000n + BigInt(frac.padEnd(3, '0'));
  return m[1] ? -v : v;
}

/** Thousandths of a tonne as the reports write tonnages: no trailing zeros ("25", "25.5", "0"). */
export function fromMilli(m: bigint): string {
  const neg = m < 0n;
  const a = neg ? -m : m;
  const frac = (a % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${a / 1000n}${frac ? `.${frac}` : ''}`;
}

// ---------------------------------------------------------------- dates and moments

/** The offset of `timeZone` from UTC at an instant, in milliseconds (from the platform's time-zone data). */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant (ISO 8601, UTC) at which the calendar date `date` begins in `timeZone`. */
export function startOfDay(date: string, timeZone: string): string {
  const d = parseIsoDay(date);
  if (d === undefined) throw new RangeError(`not a date: ${date}`);
  const local = d * 86_400_000;
  // Two passes settle the offset across a daylight-saving change.
  let t = local - zoneOffsetMs(local, timeZone);
  t = local - zoneOffsetMs(t, timeZone);
  return new Date(t).toISOString();
}

/** The instant a business day closes: the start of the next calendar day in the exchange's time zone. */
export const closeOf = (date: string, timeZone: string): string => startOfDay(addDays(date, 1), timeZone);

export function addDays(date: string, n: number): string {
  const d = parseIsoDay(date);
  if (d === undefined) throw new RangeError(`not a date: ${date}`);
  return formatDay(d + n);
}

/** The calendar date of an instant in a time zone. */
export function dateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `YYYY-MM` → its first and last days. */
export function monthBounds(month: string): { first: string; last: string } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return { first: formatDay(dayFromCivil(y, mo, 1)), last: formatDay(dayFromCivil(y, mo, daysInMonth(y, mo))) };
}

// ---------------------------------------------------------------- daily stock report

export interface StockFigures {
  opening: bigint;
  deliveredIn: bigint;
  deliveredOut: bigint;
  live: bigint;
  cancelled: bigint;
}

export interface StockRow {
  location: string;
  metal: string;
  opening: string;
  deliveredIn: string;
  deliveredOut: string;
  closing: string;
  live: string;
  cancelled: string;
}

export type StockTotal = Omit<StockRow, 'location'>;

/**
 * The stock report's rows from per-location-and-metal figures: closing is opening + in − out by
 * construction, and must equal live + cancelled (what is on warrant at the close, by status); a
 * history where it does not is refused rather than published. Rows with nothing to say are left out.
 */
export function stockRows(figures: readonly ({ location: string; metal: string } & StockFigures)[]): { rows: StockRow[]; totals: StockTotal[] } {
  const rows: StockRow[] = [];
  const totals = new Map<string, StockFigures>();
  const sorted = [...figures].sort((a, b) => cmp(a.location, b.location) || cmp(a.metal, b.metal));
  for (const f of sorted) {
    const closing = f.opening + f.deliveredIn - f.deliveredOut;
    if (closing !== f.live + f.cancelled) {
      throw new RangeError(`${f.location} ${f.metal}: closing ${fromMilli(closing)} t is not live ${fromMilli(f.live)} + cancelled ${fromMilli(f.cancelled)}`);
    }
    if (f.opening === 0n && f.deliveredIn === 0n && f.deliveredOut === 0n && closing === 0n) continue;
    rows.push({ location: f.location, metal: f.metal, ...formatFigures(f) });
    const t = totals.get(f.metal) ?? { opening: 0n, deliveredIn: 0n, deliveredOut: 0n, live: 0n, cancelled: 0n };
    totals.set(f.metal, {
      opening: t.opening + f.opening,
      deliveredIn: t.deliveredIn + f.deliveredIn,
      deliveredOut: t.deliveredOut + f.deliveredOut,
      live: t.live + f.live,
      cancelled: t.cancelled + f.cancelled,
    });
  }
  return {
    rows,
    totals: [...totals.entries()].sort(([a], [b]) => cmp(a, b)).map(([metal, t]) => ({ metal, ...formatFigures(t) })),
  };
}

function formatFigures(f: StockFigures): Omit<StockRow, 'location' | 'metal'> {
  return {
    opening: fromMilli(f.opening),
    deliveredIn: fromMilli(f.deliveredIn),
    deliveredOut: fromMilli(f.deliveredOut),
    closing: fromMilli(f.opening + f.deliveredIn - f.deliveredOut),
    live: fromMilli(f.live),
    cancelled: fromMilli(f.cancelled),
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One event as the reference model reads it. */
export interface ModelEvent {
  warrantId: string;
  /** ISO 8601 instant. */
  at: string;
  kind: string;
}

/**
 * The stock figures straight from the definitions, one warrant at a time: its status at `from`
 * and at `to` (the last stock-changing event before each), delivered in when issued in [from, to),
 * delivered out when loaded out in [from, to). The SQL (repo.stockFigures) must agree with it.
 */
export function stockFromEvents(
  events: readonly ModelEvent[],
  warrants: ReadonlyMap<string, { location: string; metal: string; milli: bigint }>,
  from: string,
  to: string,
): ({ location: string; metal: string } & StockFigures)[] {
  const statusAt = (evs: ModelEvent[], t: number): 'live' | 'cancelled' | 'out' | 'none' => {
    let s: 'live' | 'cancelled' | 'out' | 'none' = 'none';
    for (const e of evs) {
      if (Date.parse(e.at) >= t) break;
      if (e.kind === 'warrant.issued' || e.kind === 'warrant.rewarranted') s = 'live';
      else if (e.kind === 'warrant.cancelled') s = 'cancelled';
      else if (e.kind === 'warrant.loaded_out') s = 'out';
    }
    return s;
  };
  const byWarrant = new Map<string, ModelEvent[]>();
  for (const e of events) byWarrant.set(e.warrantId, [...(byWarrant.get(e.warrantId) ?? []), e]);
  const f = Date.parse(from);
  const t = Date.parse(to);
  const out = new Map<string, { location: string; metal: string } & StockFigures>();
  for (const [id, evs] of byWarrant) {
    const w = warrants.get(id)!;
    evs.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const key = `${w.location}/${w.metal}`;
    const r = out.get(key) ?? { location: w.location, metal: w.metal, opening: 0n, deliveredIn: 0n, deliveredOut: 0n, live: 0n, cancelled: 0n };
    const before = statusAt(evs, f);
    const after = statusAt(evs, t);
    if (before === 'live' || before === 'cancelled') r.opening += w.milli;
    if (after === 'live') r.live += w.milli;
    if (after === 'cancelled') r.cancelled += w.milli;
    for (const e of evs) {
      const at = Date.parse(e.at);
      if (at < f || at >= t) continue;
      if (e.kind === 'warrant.issued') r.deliveredIn += w.milli;
      if (e.kind === 'warrant.loaded_out') r.deliveredOut += w.milli;
    }
    out.set(key, r);
  }
  return [...out.values()];
}

// ---------------------------------------------------------------- warrant banding

export interface Band {
  code: string;
  fromPct: number;
  toPct: number;
}

/**
 * The band a holding falls in: share = tonnes / live tonnes, compared exactly (no division);
 * a band holds [from, to), the last also its upper bound (100 %). Null below the first band.
 */
export function bandOf(holding: bigint, total: bigint, bands: readonly Band[]): string | null {
  if (total <= 0n || holding <= 0n) return null;
  const pct = holding * 100n;
  for (const [i, b] of bands.entries()) {
    const last = i === bands.length - 1;
    const aboveFrom = pct >= BigInt(b.fromPct) * total;
    const belowTo = last ? pct <= BigInt(b.toPct) * total : pct < BigInt(b.toPct) * total;
    if (aboveFrom && belowTo) return b.code;
  }
  return null;
}

export interface BandingMetal {
  metal: string;
  liveTonnes: string;
  liveWarrants: number;
  /** Holders in a band, strongest first; never named. */
  positions: { position: number; band: string }[];
  byBand: { band: string; positions: number }[];
}

/** Per metal: live tonnes and warrants, and each holder's band, as anonymous positions. */
export function banding(holdings: readonly { metal: string; holder: string; milli: bigint; warrants: number }[], bands: readonly Band[]): BandingMetal[] {
  const metals = [...new Set(holdings.map((h) => h.metal))].sort(cmp);
  return metals.map((metal) => {
    const hs = holdings.filter((h) => h.metal === metal);
    const total = hs.reduce((s, h) => s + h.milli, 0n);
    // Strongest first; equal holdings in the holders' id order, so the document never depends on
    // the order rows came back in (and the ids stay out of it).
    const ranked = hs
      .map((h) => ({ ...h, band: bandOf(h.milli, total, bands) }))
      .filter((h): h is typeof h & { band: string } => h.band !== null)
      .sort((a, b) => (a.milli > b.milli ? -1 : a.milli < b.milli ? 1 : cmp(a.holder, b.holder)));
    return {
      metal,
      liveTonnes: fromMilli(total),
      liveWarrants: hs.reduce((s, h) => s + h.warrants, 0),
      positions: ranked.map((h, i) => ({ position: i + 1, band: h.band })),
      byBand: bands.map((b) => ({ band: b.code, positions: ranked.filter((h) => h.band === b.code).length })),
    };
  });
}

// ---------------------------------------------------------------- queues

export interface QueueFacility {
  facility: string;
  location: string;
  warrants: number;
  tonnes: string;
  metals: { metal: string; warrants: number; tonnes: string }[];
  minDailyLoadOutTonnes: string;
  /** Working days to load out everything waiting at the facility's minimum daily rate. */
  waitingWorkingDays: number;
  /** The day the longest-waiting warrant was cancelled (in the exchange's time zone). */
  waitingSince: string;
}

/** Per facility with anything waiting: the load-out queue's size and its estimated waiting time. */
export function queues(
  waiting: readonly { facility: string; location: string; metal: string; tonnes: string; cancelledAt: string; rate: string }[],
  timeZone: string,
): QueueFacility[] {
  const facilities = [...new Set(waiting.map((w) => w.facility))].sort(cmp);
  return facilities.map((facility) => {
    const ws = waiting.filter((w) => w.facility === facility);
    const rate = ws[0]!.rate;
    const q = queueEstimate(ws.map((w) => ({ ...w, tonnes: fromMilli(toMilli(w.tonnes)) })), fromMilli(toMilli(rate)));
    const metals = [...new Set(ws.map((w) => w.metal))].sort(cmp).map((metal) => {
      const m = ws.filter((w) => w.metal === metal);
      return { metal, warrants: m.length, tonnes: fromMilli(m.reduce((s, w) => s + toMilli(w.tonnes), 0n)) };
    });
    return {
      facility,
      location: ws[0]!.location,
      warrants: ws.length,
      tonnes: fromMilli(ws.reduce((s, w) => s + toMilli(w.tonnes), 0n)),
      metals,
      minDailyLoadOutTonnes: fromMilli(toMilli(rate)),
      waitingWorkingDays: q.at(-1)!.workingDays,
      waitingSince: dateIn(new Date(q[0]!.cancelledAt), timeZone),
    };
  });
}

// ---------------------------------------------------------------- off-warrant stock

export interface OffWarrantRow {
  location: string;
  metal: string;
  /** Received metal recorded in the register and not on warrant at the month's end. */
  recorded: string;
  /** Declared by warehouses: off-warrant metal they store that is not recorded as receipts. */
  declared: string;
  total: string;
  /** Warehouse companies contributing to the row. */
  warehouses: number;
}

export function offWarrantRows(
  recorded: readonly { location: string; metal: string; warehouse: string; milli: bigint }[],
  declared: readonly { location: string; metal: string; warehouse: string; milli: bigint }[],
): OffWarrantRow[] {
  const keys = [...new Set([...recorded, ...declared].map((r) => `${r.location}\u0000${r.metal}`))].sort(cmp);
  return keys
    .map((k) => {
      const [location, metal] = k.split('\u0000') as [string, string];
      const mine = <T extends { location: string; metal: string }>(xs: readonly T[]) => xs.filter((x) => x.location === location && x.metal === metal);
      const r = mine(recorded).reduce((s, x) => s + x.milli, 0n);
      const d = mine(declared).reduce((s, x) => s + x.milli, 0n);
      const warehouses = new Set([...mine(recorded).filter((x) => x.milli > 0n), ...mine(declared).filter((x) => x.milli > 0n)].map((x) => x.warehouse)).size;
      return { location, metal, recorded: fromMilli(r), declared: fromMilli(d), total: fromMilli(r + d), warehouses };
    })
    .filter((row) => row.total !== '0');
}
