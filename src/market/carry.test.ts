import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CarryInputError, quoteCarry, rollPositions, type Position } from './carry.ts';
import { exchangeCalendar } from './calendar.ts';
import { formatDay, parseIsoDay } from './dates.ts';
import { promptSchedule } from './prompts.ts';
import { marketReference } from './reference.ts';

const ref = marketReference();
const exchange = exchangeCalendar(ref.exchange, ref.adjustments);
const prompts = (trade: string) => promptSchedule(exchange, parseIsoDay(trade)!, 123, ref.prompts);

describe('carry quote', () => {
  it('borrowing in contango earns the spread; the lender pays it', () => {
    const q = quoteCarry({ direction: 'borrow', lots: 2, lotTonnes: '25', near: '2026-12-04', far: '2027-03-02', nearPrice: '9500', farPrice: '9560.5' });
    expect(q.structure).toBe('contango');
    expect(q.spread).toBe('60.5');
    expect(q.tonnes).toBe('50');
    expect(q.legs).toEqual([
      { prompt: '2026-12-04', side: 'buy', lots: 2, price: '9500', cashFlowPerTonne: '-9500', cashFlow: '-475000' },
      { prompt: '2027-03-02', side: 'sell', lots: 2, price: '9560.5', cashFlowPerTonne: '9560.5', cashFlow: '478025' },
    ]);
    expect(q.netPerTonne).toBe('60.5');
    expect(q.net).toBe('3025');
    expect(q.payment).toEqual({ from: 'lender', to: 'borrower', perTonne: '60.5', total: '3025' });
  });

  it('lending in contango costs the spread', () => {
    const q = quoteCarry({ direction: 'lend', lots: 1, lotTonnes: '6', near: '2026-12-04', far: '2027-03-02', nearPrice: '15000', farPrice: '15120' });
    expect(q.legs.map((l) => l.side)).toEqual(['sell', 'buy']);
    expect(q.net).toBe('-720');
    expect(q.payment).toEqual({ from: 'lender', to: 'borrower', perTonne: '120', total: '720' });
  });

  it('in backwardation borrowing costs and lending earns', () => {
    const base = { lots: 3, lotTonnes: '25', near: '2024-05-13', far: '2024-05-28', nearPrice: '6295', farPrice: '6289.45' } as const;
    const borrow = quoteCarry({ ...base, direction: 'borrow' });
    const lend = quoteCarry({ ...base, direction: 'lend' });
    expect(borrow.structure).toBe('backwardation');
    expect(borrow.spread).toBe('-5.55');
    expect(borrow.net).toBe('-416.25');
    expect(lend.net).toBe('416.25');
    expect(lend.payment).toEqual({ from: 'borrower', to: 'lender', perTonne: '5.55', total: '416.25' });
  });

  it('a flat carry costs nothing and nobody pays', () => {
    const q = quoteCarry({ direction: 'lend', lots: 1, lotTonnes: '5', near: '2026-12-04', far: '2026-12-07', nearPrice: '30000', farPrice: '30000.000' });
    expect(q.structure).toBe('flat');
    expect(q.net).toBe('0');
    expect(q.payment).toBeNull();
  });

  it('names each bad field', () => {
    const bad = () =>
      quoteCarry({ direction: 'lend', lots: 0, lotTonnes: '25', near: '2026-12-07', far: '2026-12-04', nearPrice: '-1', farPrice: '1.0000001' });
    expect(bad).toThrow(CarryInputError);
    try {
      bad();
    } catch (e) {
      expect((e as CarryInputError).issues.map((i) => i.field).sort()).toEqual(['far', 'farPrice', 'lots', 'nearPrice']);
    }
    for (const lots of [-1, 1.5, Number.NaN, '2' as unknown as number]) {
      expect(() => quoteCarry({ direction: 'borrow', lots, lotTonnes: '25', near: 'a', far: 'b', nearPrice: '1', farPrice: '2' })).toThrow(/lots/);
    }
  });

  // Reference: prices as BigInt millionths, everything multiplied out, formatted by hand.
  const price = fc
    .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 }))
    .map(([int, frac, digits]) => {
      const f = String(frac).padStart(6, '0').slice(0, digits);
      const text = digits === 0 ? String(int) : `${int}.${f}`;
      return { text, micro: BigInt(int) * 1_000_000n + BigInt(f.padEnd(6, '0') || '0') };
    })
    .filter((p) => p.micro > 0n);
  const fmt = (micro: bigint): string => {
    const negative = micro < 0n;
    const a = negative ? -micro : micro;
    const frac = (a % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
    return `${negative ? '-' : ''}${a / 1_000_000n}${frac ? `.${frac}` : ''}`;
  };

  it('is exact: matches a BigInt reference for any prices, lots and lot size', () => {
    fc.assert(
      fc.property(
        price,
        price,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom('25', '6', '5', '20', '1'),
        fc.constantFrom('borrow' as const, 'lend' as const),
        (near, far, lots, lotTonnes, direction) => {
          const q = quoteCarry({ direction, lots, lotTonnes, near: '2026-01-05', far: '2026-02-05', nearPrice: near.text, farPrice: far.text });
          const tonnes = BigInt(lots) * BigInt(lotTonnes);
          const spread = far.micro - near.micro;
          const mine = direction === 'borrow' ? spread : -spread;
          expect(q.spread).toBe(fmt(spread));
          expect(q.net).toBe(fmt(mine * tonnes));
          expect(q.legs[0].cashFlow).toBe(fmt((direction === 'borrow' ? -near.micro : near.micro) * tonnes));
          expect(q.legs[1].cashFlow).toBe(fmt((direction === 'borrow' ? far.micro : -far.micro) * tonnes));
          // The two legs add up to the net, to the last digit.
          expect(fmt(((direction === 'borrow' ? -near.micro : near.micro) + (direction === 'borrow' ? far.micro : -far.micro)) * tonnes)).toBe(q.net);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('position roller: the worked example (DOMAIN.md §4)', () => {
  // 2024: 13 February and 28 February are business days whose three-month dates are 13 May and
  // 28 May, both business days (the spring holiday is Monday 27 May); 22 March is a Friday.
  const long: Position = { tradeDate: '2024-02-13', prompt: '2024-05-13', side: 'buy', lots: 1, price: '6100' };
  const short: Position = { tradeDate: '2024-02-28', prompt: '2024-05-28', side: 'sell', lots: 2, price: '6450' };

  it('the calendar puts the two 3M trades on 13 May and 28 May, both tradeable on 22 March', () => {
    expect(prompts('2024-02-13').threeMonth).toEqual({ date: '2024-05-13' });
    expect(prompts('2024-02-28').threeMonth).toEqual({ date: '2024-05-28' });
    const onRollDay = prompts('2024-03-22').prompts.map((p) => p.date);
    expect(onRollDay).toContain('2024-05-13');
    expect(onRollDay).toContain('2024-05-28');
    expect(formatDay(parseIsoDay('2024-03-22')!)).toBe('2024-03-22');
  });

  it('sells 13 May and buys 28 May, realising both closed legs and leaving one short at 6,450', () => {
    const r = rollPositions({
      positions: [long, short],
      lotTonnes: '25',
      target: '2024-05-28',
      rollDate: '2024-03-22',
      marks: { '2024-05-13': '6295', '2024-05-28': '6289.45' },
    });
    // The carry: lend 1 lot (sell the near 13 May at 6,295, buy the far 28 May at 6,289.45).
    expect(r.carries).toHaveLength(1);
    const c = r.carries[0]!;
    expect(c.from).toBe('2024-05-13');
    expect(c.direction).toBe('lend');
    expect(c.legs.map((l) => [l.prompt, l.side, l.price])).toEqual([
      ['2024-05-13', 'sell', '6295'],
      ['2024-05-28', 'buy', '6289.45'],
    ]);
    expect(c.structure).toBe('backwardation');
    // By hand: the carry earns (6,295 − 6,289.45) × 25 t = 5.55 × 25 = 138.75.
    expect(c.net).toBe('138.75');
    expect(r.carryNet).toBe('138.75');

    // 13 May: bought at 6,100, sold at 6,295: 195 × 25 = 4,875.
    // 28 May: sold at 6,450, bought back at 6,289.45: 160.55 × 25 = 4,013.75.
    expect(r.realised.map((m) => [m.prompt, m.lots, m.buy.price, m.sell.price, m.pnlPerTonne, m.pnl])).toEqual([
      ['2024-05-13', 1, '6100', '6295', '195', '4875'],
      ['2024-05-28', 1, '6289.45', '6450', '160.55', '4013.75'],
    ]);
    expect(r.realised[0]!.sell.source).toBe('carry');
    expect(r.realised[1]!.buy.source).toBe('carry');
    // 4,875 + 4,013.75 = 8,888.75, which is the 6,100 → 6,450 round trip (350 × 25 = 8,750)
    // plus what the carry earned (138.75).
    expect(r.realisedTotal).toBe('8888.75');

    // Open: the new short, 1 lot 28 May at 6,450, marked at 6,289.45: 160.55 × 25 = 4,013.75.
    expect(r.open.netLots).toBe(-1);
    expect(r.open.positions).toEqual([{ tradeDate: '2024-02-28', price: '6450', source: 'book', side: 'sell', lots: 1 }]);
    expect(r.open.pnl).toBe('4013.75');
  });

  it('rolls a short onto a nearer target as a lend, and leaves an already lined-up book alone', () => {
    const r = rollPositions({
      positions: [{ tradeDate: '2024-03-01', prompt: '2024-06-19', side: 'sell', lots: 3, price: '8000' }],
      lotTonnes: '25',
      target: '2024-05-28',
      rollDate: '2024-03-22',
      marks: { '2024-05-28': '8010', '2024-06-19': '8030' },
    });
    // Buy back 19 June (far) and sell 28 May (near): sell near, buy far = lend; contango of 20 costs 20 × 75.
    expect(r.carries[0]!.direction).toBe('lend');
    expect(r.carries[0]!.net).toBe('-1500');
    expect(r.realised).toEqual([
      expect.objectContaining({ prompt: '2024-06-19', lots: 3, pnlPerTonne: '-30', pnl: '-2250' }),
    ]);
    expect(r.open).toMatchObject({ netLots: -3, pnl: '0' });
    const flat = rollPositions({ positions: [long], lotTonnes: '25', target: '2024-05-13', rollDate: '2024-03-22', marks: { '2024-05-13': '6295' } });
    expect(flat.carries).toEqual([]);
    expect(flat.open).toMatchObject({ netLots: 1, pnl: '4875' });
  });

  it('asks for the prices it needs', () => {
    expect(() => rollPositions({ positions: [long, short], lotTonnes: '25', target: '2024-05-28', rollDate: '2024-03-22', marks: {} })).toThrow(
      /needs a price for 2024-05-28/,
    );
  });
});
