import { formatDecimal, fromUnits, parseDecimal, SCALE, toUnits, tryParseDecimal, type Fixed } from '../metals/fixed.ts';

// Carries and the position roller, pure and exact: prices and tonnes are decimal strings parsed
// into metals/fixed.ts fixed point; every product is checked exact. Signs are from the caller's
// side: positive = received, negative = paid.
//
// A carry is a simultaneous buy and sell of two prompts of one metal. Borrowing buys the nearer
// prompt and sells the further; lending sells the nearer and buys the further. In price terms the
// borrower receives the spread (far − near) and the lender pays it: in contango (far above near)
// borrowing earns and lending costs; in backwardation borrowing costs and lending earns.

/**
 * Prices may carry at most this many decimal places, so that price × tonnes (tonnes also at most
 * this many) stays exact at the fixed-point scale.
 */
export const MAX_FRACTION_DIGITS = SCALE / 2;

const UNIT = 10n ** BigInt(SCALE);

/** a × b, exact or throws (both at most MAX_FRACTION_DIGITS places, so it always is). */
export function mulExact(a: Fixed, b: Fixed): Fixed {
  const p = toUnits(a) * toUnits(b);
  if (p % UNIT !== 0n) throw new RangeError(`${formatDecimal(a)} × ${formatDecimal(b)} is not exact at scale 1e-${SCALE}`);
  return fromUnits(p / UNIT);
}

const timesInt = (a: Fixed, n: number | bigint): Fixed => fromUnits(toUnits(a) * BigInt(n));
const neg = (a: Fixed): Fixed => fromUnits(-toUnits(a));
const plus = (a: Fixed, b: Fixed): Fixed => fromUnits(toUnits(a) + toUnits(b));
const minus = (a: Fixed, b: Fixed): Fixed => fromUnits(toUnits(a) - toUnits(b));
const ZERO = fromUnits(0n);

/** One input problem, with the field it concerns (relative to the input object). */
export interface CarryIssue {
  field: string;
  message: string;
}

export class CarryInputError extends Error {
  constructor(readonly issues: CarryIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.name = 'CarryInputError';
  }
}

function price(issues: CarryIssue[], field: string, text: unknown): Fixed {
  const r = tryParseDecimal(text, MAX_FRACTION_DIGITS);
  if (!r.ok) {
    issues.push({ field, message: r.error.message });
    return ZERO;
  }
  if (toUnits(r.value) === 0n) issues.push({ field, message: 'must be greater than zero' });
  return r.value;
}

function lotCount(issues: CarryIssue[], field: string, lots: unknown): number {
  if (typeof lots !== 'number' || !Number.isSafeInteger(lots) || lots <= 0) {
    issues.push({ field, message: `must be a whole number of lots greater than zero (got ${JSON.stringify(lots)})` });
    return 0;
  }
  return lots;
}

export type CarryDirection = 'borrow' | 'lend';
export type Side = 'buy' | 'sell';
export type Structure = 'contango' | 'backwardation' | 'flat';

export interface CarryInput {
  direction: CarryDirection;
  lots: number;
  /** Tonnes per lot (contract spec `lotTonnes`). */
  lotTonnes: string;
  near: string;
  far: string;
  nearPrice: string;
  farPrice: string;
}

export interface CarryLeg {
  prompt: string;
  side: Side;
  lots: number;
  price: string;
  /** Signed: + received, − paid, on the leg's prompt date. */
  cashFlowPerTonne: string;
  cashFlow: string;
}

export interface CarryQuote {
  direction: CarryDirection;
  lots: number;
  tonnes: string;
  legs: [CarryLeg, CarryLeg];
  /** far − near, per tonne. */
  spread: string;
  structure: Structure;
  /** The carry's net for the caller, signed (+ earned, − cost). */
  netPerTonne: string;
  net: string;
  /** Who pays the spread to whom; null when flat. */
  payment: { from: 'borrower' | 'lender'; to: 'borrower' | 'lender'; perTonne: string; total: string } | null;
}

/** Prices a carry. Dates are compared as YYYY-MM-DD; whether they are prompts is checked by the caller. */
export function quoteCarry(input: CarryInput): CarryQuote {
  const issues: CarryIssue[] = [];
  const lots = lotCount(issues, 'lots', input.lots);
  const nearPrice = price(issues, 'nearPrice', input.nearPrice);
  const farPrice = price(issues, 'farPrice', input.farPrice);
  const lotTonnes = price(issues, 'lotTonnes', input.lotTonnes);
  if (input.direction !== 'borrow' && input.direction !== 'lend') issues.push({ field: 'direction', message: 'must be borrow or lend' });
  if (!(input.far > input.near)) issues.push({ field: 'far', message: `must be after the near prompt ${input.near}` });
  if (issues.length) throw new CarryInputError(issues);

  const tonnes = timesInt(lotTonnes, lots);
  const nearSide: Side = input.direction === 'borrow' ? 'buy' : 'sell';
  const farSide: Side = nearSide === 'buy' ? 'sell' : 'buy';
  const leg = (prompt: string, side: Side, p: Fixed): CarryLeg => {
    const perTonne = side === 'sell' ? p : neg(p);
    return {
      prompt,
      side,
      lots,
      price: formatDecimal(p),
      cashFlowPerTonne: formatDecimal(perTonne),
      cashFlow: formatDecimal(mulExact(perTonne, tonnes)),
    };
  };
  const spread = minus(farPrice, nearPrice);
  const s = toUnits(spread);
  const borrowerNet = spread; // the borrower sells far and buys near
  const netPerTonne = input.direction === 'borrow' ? borrowerNet : neg(borrowerNet);
  const abs = s < 0n ? neg(spread) : spread;
  return {
    direction: input.direction,
    lots,
    tonnes: formatDecimal(tonnes),
    legs: [leg(input.near, nearSide, nearPrice), leg(input.far, farSide, farPrice)],
    spread: formatDecimal(spread),
    structure: s > 0n ? 'contango' : s < 0n ? 'backwardation' : 'flat',
    netPerTonne: formatDecimal(netPerTonne),
    net: formatDecimal(mulExact(netPerTonne, tonnes)),
    payment:
      s === 0n
        ? null
        : {
            from: s > 0n ? 'lender' : 'borrower',
            to: s > 0n ? 'borrower' : 'lender',
            perTonne: formatDecimal(abs),
            total: formatDecimal(mulExact(abs, tonnes)),
          },
  };
}

// ---------------------------------------------------------------- position roller

export interface Position {
  tradeDate: string;
  prompt: string;
  side: Side;
  lots: number;
  price: string;
}

export interface RollInput {
  positions: Position[];
  lotTonnes: string;
  /** The prompt every open position is to be lined up on. */
  target: string;
  /** The date the carries are dealt. */
  rollDate: string;
  /** Price of each prompt involved (the target and every prompt with an open position). */
  marks: Record<string, string>;
}

export interface Fill {
  tradeDate: string;
  price: string;
  /** 'book' for a position given, 'carry' for a leg the roller proposes. */
  source: 'book' | 'carry';
}

export interface RealisedMatch {
  prompt: string;
  lots: number;
  buy: Fill;
  sell: Fill;
  /** (sell − buy) per tonne, and times the tonnes. */
  pnlPerTonne: string;
  pnl: string;
}

export interface ProposedCarry extends CarryQuote {
  /** The prompt whose open position the carry moves onto the target. */
  from: string;
}

export interface RollResult {
  target: string;
  rollDate: string;
  carries: ProposedCarry[];
  realised: RealisedMatch[];
  realisedTotal: string;
  /** What the carries themselves earned (+) or cost (−), in price terms. */
  carryNet: string;
  open: {
    prompt: string;
    /** Net lots: + long, − short, 0 flat. */
    netLots: number;
    positions: (Fill & { side: Side; lots: number })[];
    mark: string;
    /** Open P&L of those positions against the target's mark. */
    pnl: string;
  };
}

interface Lot {
  fill: Fill;
  side: Side;
  lots: number;
  price: Fixed;
  order: number;
}

/**
 * Proposes the carries that put every open position on `target`, then matches buys against sells
 * per prompt (first in, first out by trade date) and reports realised and open P&L.
 */
export function rollPositions(input: RollInput): RollResult {
  const issues: CarryIssue[] = [];
  const lotTonnes = price(issues, 'lotTonnes', input.lotTonnes);
  const book: Lot[] = input.positions.map((p, i) => {
    const field = `positions.${i}`;
    if (p.side !== 'buy' && p.side !== 'sell') issues.push({ field: `${field}.side`, message: 'must be buy or sell' });
    return {
      fill: { tradeDate: p.tradeDate, price: p.price, source: 'book' as const },
      side: p.side,
      lots: lotCount(issues, `${field}.lots`, p.lots),
      price: price(issues, `${field}.price`, p.price),
      order: i,
    };
  });
  if (issues.length) throw new CarryInputError(issues);

  const byPrompt = new Map<string, Lot[]>();
  input.positions.forEach((p, i) => byPrompt.set(p.prompt, [...(byPrompt.get(p.prompt) ?? []), book[i]!]));
  const netOf = (lots: Lot[]): number => lots.reduce((n, l) => n + (l.side === 'buy' ? l.lots : -l.lots), 0);

  const mark = (prompt: string, field: string): Fixed => {
    if (!(prompt in input.marks)) {
      issues.push({ field, message: `needs a price for ${prompt}` });
      return ZERO;
    }
    return price(issues, `marks.${prompt}`, input.marks[prompt]);
  };
  const targetMark = mark(input.target, 'target');
  const moves = [...byPrompt.entries()]
    .filter(([prompt, lots]) => prompt !== input.target && netOf(lots) !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([prompt, lots]) => ({ prompt, net: netOf(lots), price: mark(prompt, `marks.${prompt}`) }));
  if (issues.length) throw new CarryInputError(issues);

  let order = book.length;
  const carries: ProposedCarry[] = [];
  let carryNet = ZERO;
  for (const m of moves) {
    const lots = Math.abs(m.net);
    // Close the position at its prompt and open the same position on the target.
    const closeSide: Side = m.net > 0 ? 'sell' : 'buy';
    const openSide: Side = closeSide === 'sell' ? 'buy' : 'sell';
    const nearIsPosition = m.prompt < input.target;
    const nearSide = nearIsPosition ? closeSide : openSide;
    const quote = quoteCarry({
      direction: nearSide === 'buy' ? 'borrow' : 'lend',
      lots,
      lotTonnes: input.lotTonnes,
      near: nearIsPosition ? m.prompt : input.target,
      far: nearIsPosition ? input.target : m.prompt,
      nearPrice: formatDecimal(nearIsPosition ? m.price : targetMark),
      farPrice: formatDecimal(nearIsPosition ? targetMark : m.price),
    });
    carries.push({ from: m.prompt, ...quote });
    carryNet = plus(carryNet, parseSigned(quote.net));
    const carryFill = (p: Fixed): Fill => ({ tradeDate: input.rollDate, price: formatDecimal(p), source: 'carry' });
    byPrompt.get(m.prompt)!.push({ fill: carryFill(m.price), side: closeSide, lots, price: m.price, order: order++ });
    byPrompt.set(input.target, [
      ...(byPrompt.get(input.target) ?? []),
      { fill: carryFill(targetMark), side: openSide, lots, price: targetMark, order: order++ },
    ]);
  }

  const realised: RealisedMatch[] = [];
  let realisedTotal = ZERO;
  let openLots: Lot[] = [];
  const byTime = (a: Lot, b: Lot): number => (a.fill.tradeDate < b.fill.tradeDate ? -1 : a.fill.tradeDate > b.fill.tradeDate ? 1 : a.order - b.order);
  for (const [prompt, lots] of [...byPrompt.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const buys = lots.filter((l) => l.side === 'buy').sort(byTime).map((l) => ({ ...l }));
    const sells = lots.filter((l) => l.side === 'sell').sort(byTime).map((l) => ({ ...l }));
    while (buys.length && sells.length) {
      const b = buys[0]!;
      const s = sells[0]!;
      const n = Math.min(b.lots, s.lots);
      const perTonne = minus(s.price, b.price);
      const pnl = mulExact(perTonne, timesInt(lotTonnes, n));
      realised.push({ prompt, lots: n, buy: b.fill, sell: s.fill, pnlPerTonne: formatDecimal(perTonne), pnl: formatDecimal(pnl) });
      realisedTotal = plus(realisedTotal, pnl);
      b.lots -= n;
      s.lots -= n;
      if (b.lots === 0) buys.shift();
      if (s.lots === 0) sells.shift();
    }
    if (prompt === input.target) openLots = [...buys, ...sells];
  }

  let openPnl = ZERO;
  for (const l of openLots) {
    const perTonne = l.side === 'buy' ? minus(targetMark, l.price) : minus(l.price, targetMark);
    openPnl = plus(openPnl, mulExact(perTonne, timesInt(lotTonnes, l.lots)));
  }
  return {
    target: input.target,
    rollDate: input.rollDate,
    carries,
    realised,
    realisedTotal: formatDecimal(realisedTotal),
    carryNet: formatDecimal(carryNet),
    open: {
      prompt: input.target,
      netLots: netOf(openLots),
      positions: openLots.sort(byTime).map((l) => ({ ...l.fill, side: l.side, lots: l.lots })),
      mark: formatDecimal(targetMark),
      pnl: formatDecimal(openPnl),
    },
  };
}

/** Parses a signed decimal this module formatted. */
function parseSigned(text: string): Fixed {
  return text.startsWith('-') ? neg(parseDecimal(text.slice(1))) : parseDecimal(text);
}
