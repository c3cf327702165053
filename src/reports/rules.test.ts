import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  banding,
  closeOf,
  fromMilli,
  offWarrantRows,
  queues,
  startOfDay,
  stockFromEvents,
  stockRows,
  toMilli,
  type Band,
  type ModelEvent,
} from './rules.ts';
import { simulateHistory } from './simulate.ts';
import { seededRng } from '../certificates/samples.ts';

const BANDS: Band[] = [
  { code: 'A', fromPct: 30, toPct: 40 },
  { code: 'B', fromPct: 40, toPct: 50 },
  { code: 'C', fromPct: 50, toPct: 80 },
  { code: 'D', fromPct: 80, toPct: 90 },
  { code: 'E', fromPct: 90, toPct: 100 },
];
const t = (x: string) => toMilli(x);

describe('tonnes', () => {
  it('reads numeric columns and people’s figures exactly, and writes them without trailing zeros', () => {
    expect(toMilli('25.000')).toBe(25_000n);
    expect(toMilli('24.512')).toBe(24_512n);
    expect(toMilli('-1.5')).toBe(-1_500n);
    expect(toMilli('0')).toBe(0n);
    expect(fromMilli(25_000n)).toBe('25');
    expect(fromMilli(24_510n)).toBe('24.51');
    expect(fromMilli(-1_500n)).toBe('-1.5');
    expect(fromMilli(0n)).toBe('0');
    expect(() => toMilli('1.0001')).toThrow(/three decimals/);
    expect(() => toMilli('1e3')).toThrow(/not a tonnage/);
  });
});

describe('when a business day closes (Europe/London)', () => {
  it('is midnight local time, in winter and in summer, across both clock changes', () => {
    expect(startOfDay('2025-01-15', 'Europe/London')).toBe('2025-01-15T00:00:00.000Z');
    expect(startOfDay('2025-06-10', 'Europe/London')).toBe('2025-06-09T23:00:00.000Z');
    // Clocks go forward at 01:00 on 30 March 2025: that midnight is still GMT.
    expect(startOfDay('2025-03-30', 'Europe/London')).toBe('2025-03-30T00:00:00.000Z');
    expect(startOfDay('2025-03-31', 'Europe/London')).toBe('2025-03-30T23:00:00.000Z');
    // Clocks go back at 02:00 on 26 October 2025: that midnight is still BST.
    expect(startOfDay('2025-10-26', 'Europe/London')).toBe('2025-10-25T23:00:00.000Z');
    expect(startOfDay('2025-10-27', 'Europe/London')).toBe('2025-10-27T00:00:00.000Z');
    expect(closeOf('2025-10-24', 'Europe/London')).toBe('2025-10-24T23:00:00.000Z');
    expect(startOfDay('2025-06-10', 'Asia/Hong_Kong')).toBe('2025-06-09T16:00:00.000Z');
  });
});

describe('warrant bands', () => {
  it('puts a 45 % holder in 40–<50 and a 90 % holder in 90–100, bounds as the exchange draws them', () => {
    expect(bandOf(t('45'), t('100'), BANDS)).toBe('B');
    expect(bandOf(t('90'), t('100'), BANDS)).toBe('E');
    expect(bandOf(t('100'), t('100'), BANDS)).toBe('E');
    expect(bandOf(t('30'), t('100'), BANDS)).toBe('A');
    expect(bandOf(t('29.999'), t('100'), BANDS)).toBeNull();
    expect(bandOf(t('40'), t('100'), BANDS)).toBe('B');
    expect(bandOf(t('49.999'), t('100'), BANDS)).toBe('B');
    expect(bandOf(t('50'), t('100'), BANDS)).toBe('C');
    expect(bandOf(t('80'), t('100'), BANDS)).toBe('D');
    expect(bandOf(t('89.999'), t('100'), BANDS)).toBe('D');
    // Shares of an awkward total are compared exactly: 1/3 is 33.3… %.
    expect(bandOf(t('25'), t('75'), BANDS)).toBe('A');
    expect(bandOf(t('0'), t('75'), BANDS)).toBeNull();
  });

  it('reports holders as anonymous positions, strongest first, never by name', () => {
    const out = banding(
      [
        { metal: 'CA', holder: 'org-b', milli: t('450'), warrants: 18 },
        { metal: 'CA', holder: 'org-a', milli: t('100'), warrants: 4 },
        { metal: 'CA', holder: 'org-c', milli: t('450'), warrants: 18 },
        { metal: 'ZS', holder: 'org-a', milli: t('225'), warrants: 9 },
        { metal: 'ZS', holder: 'org-b', milli: t('25'), warrants: 1 },
      ],
      BANDS,
    );
    expect(out).toEqual([
      {
        metal: 'CA',
        liveTonnes: '1000',
        liveWarrants: 40,
        positions: [
          { position: 1, band: 'B' },
          { position: 2, band: 'B' },
        ],
        byBand: [
          { band: 'A', positions: 0 },
          { band: 'B', positions: 2 },
          { band: 'C', positions: 0 },
          { band: 'D', positions: 0 },
          { band: 'E', positions: 0 },
        ],
      },
      {
        metal: 'ZS',
        liveTonnes: '250',
        liveWarrants: 10,
        positions: [{ position: 1, band: 'E' }],
        byBand: [
          { band: 'A', positions: 0 },
          { band: 'B', positions: 0 },
          { band: 'C', positions: 0 },
          { band: 'D', positions: 0 },
          { band: 'E', positions: 1 },
        ],
      },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/org-/);
  });
});

describe('stock rows', () => {
  it('closes each line as opening + in − out, totals per metal, and leaves out empty lines', () => {
    const { rows, totals } = stockRows([
      { location: 'SINGAPORE', metal: 'CA', opening: t('100'), deliveredIn: t('25'), deliveredOut: t('50'), live: t('50'), cancelled: t('25') },
      { location: 'HONGKONG', metal: 'CA', opening: t('24.512'), deliveredIn: t('0'), deliveredOut: t('0'), live: t('0'), cancelled: t('24.512') },
      { location: 'HONGKONG', metal: 'ZS', opening: 0n, deliveredIn: 0n, deliveredOut: 0n, live: 0n, cancelled: 0n },
    ]);
    expect(rows).toEqual([
      { location: 'HONGKONG', metal: 'CA', opening: '24.512', deliveredIn: '0', deliveredOut: '0', closing: '24.512', live: '0', cancelled: '24.512' },
      { location: 'SINGAPORE', metal: 'CA', opening: '100', deliveredIn: '25', deliveredOut: '50', closing: '75', live: '50', cancelled: '25' },
    ]);
    expect(totals).toEqual([{ metal: 'CA', opening: '124.512', deliveredIn: '25', deliveredOut: '50', closing: '99.512', live: '50', cancelled: '49.512' }]);
  });

  it('refuses figures whose closing is not what is live and cancelled', () => {
    expect(() => stockRows([{ location: 'HONGKONG', metal: 'CA', opening: t('25'), deliveredIn: t('25'), deliveredOut: 0n, live: t('25'), cancelled: 0n }])).toThrow(
      /HONGKONG CA: closing 50 t is not live 25 \+ cancelled 0/,
    );
  });
});

describe('the reference model of the stock report', () => {
  const W = new Map([
    ['w1', { location: 'HONGKONG', metal: 'CA', milli: t('25') }],
    ['w2', { location: 'HONGKONG', metal: 'CA', milli: t('24.512') }],
  ]);
  const day = { from: '2025-06-10T23:00:00.000Z', to: '2025-06-11T23:00:00.000Z' };

  it('counts a warrant issued and loaded out on the same day both in and out, and never in the closing', () => {
    const events: ModelEvent[] = [
      { warrantId: 'w1', at: '2025-06-02T09:00:00.000Z', kind: 'warrant.issued' },
      { warrantId: 'w1', at: '2025-06-11T08:00:00.000Z', kind: 'warrant.cancelled' },
      { warrantId: 'w2', at: '2025-06-11T08:00:00.000Z', kind: 'warrant.issued' },
      { warrantId: 'w2', at: '2025-06-11T09:00:00.000Z', kind: 'warrant.transferred' },
      { warrantId: 'w2', at: '2025-06-11T10:00:00.000Z', kind: 'warrant.cancelled' },
      { warrantId: 'w2', at: '2025-06-11T15:00:00.000Z', kind: 'warrant.loaded_out' },
      // After the close: tomorrow's.
      { warrantId: 'w1', at: '2025-06-11T23:00:00.000Z', kind: 'warrant.loaded_out' },
    ];
    expect(stockFromEvents(events, W, day.from, day.to)).toEqual([
      { location: 'HONGKONG', metal: 'CA', opening: t('25'), deliveredIn: t('24.512'), deliveredOut: t('24.512'), live: 0n, cancelled: t('25') },
    ]);
  });

  // A random history: each warrant's actions, as its holder and warehouse might take them, each a
  // few hours after the last; actions the state machine forbids (a transfer of a cancelled warrant…)
  // are skipped, as the service would refuse them.
  const action = fc.constantFrom('transfer', 'cancel', 'rewarrant', 'load_out');
  const warrant = fc.record({
    start: fc.integer({ min: 0, max: 20 * 24 }),
    tonnes: fc.constantFrom('25', '24.512', '25.48', '1.001'),
    place: fc.integer({ min: 0, max: 2 }),
    steps: fc.array(fc.record({ action, gapHours: fc.integer({ min: 1, max: 72 }) }), { maxLength: 8 }),
  });
  const PLACES = [
    { location: 'HONGKONG', metal: 'CA' },
    { location: 'HONGKONG', metal: 'ZS' },
    { location: 'SINGAPORE', metal: 'CA' },
  ];
  const T0 = Date.parse('2025-06-01T00:00:00.000Z');
  const HOUR = 3_600_000;

  function history(ws: { start: number; tonnes: string; place: number; steps: { action: string; gapHours: number }[] }[]) {
    const events: ModelEvent[] = [];
    const warrants = new Map<string, { location: string; metal: string; milli: bigint }>();
    ws.forEach((w, i) => {
      const id = `w${i}`;
      warrants.set(id, { ...PLACES[w.place]!, milli: t(w.tonnes) });
      let at = T0 + w.start * HOUR;
      let status = 'live';
      events.push({ warrantId: id, at: new Date(at).toISOString(), kind: 'warrant.issued' });
      for (const s of w.steps) {
        const next =
          s.action === 'transfer' && status === 'live' ? 'live' : s.action === 'cancel' && status === 'live' ? 'cancelled' : s.action === 'rewarrant' && status === 'cancelled' ? 'live' : s.action === 'load_out' && status === 'cancelled' ? 'out' : null;
        if (!next) continue;
        at += s.gapHours * HOUR;
        status = next;
        events.push({ warrantId: id, at: new Date(at).toISOString(), kind: { transfer: 'warrant.transferred', cancel: 'warrant.cancelled', rewarrant: 'warrant.rewarranted', load_out: 'warrant.loaded_out' }[s.action]! });
      }
    });
    return { events, warrants };
  }

  it('closes every day at opening + in − out = live + cancelled, and opens each day where the last closed', () => {
    fc.assert(
      fc.property(fc.array(warrant, { minLength: 1, maxLength: 25 }), (ws) => {
        const { events, warrants } = history(ws);
        const days = Array.from({ length: 45 }, (_v, d) => new Date(T0 + d * 24 * HOUR).toISOString());
        let previous = new Map<string, bigint>();
        for (let d = 0; d + 1 < days.length; d++) {
          const figures = stockFromEvents(events, warrants, days[d]!, days[d + 1]!);
          stockRows(figures); // throws unless closing = live + cancelled on every line
          for (const f of figures) {
            const key = `${f.location}/${f.metal}`;
            expect(f.opening, `${key} day ${d} opens where it closed`).toBe(previous.get(key) ?? 0n);
            expect(f.opening + f.deliveredIn - f.deliveredOut).toBe(f.live + f.cancelled);
          }
          previous = new Map(figures.map((f) => [`${f.location}/${f.metal}`, f.opening + f.deliveredIn - f.deliveredOut]));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('holds the same over the simulator’s histories (the benchmark’s and the storage tests’)', () => {
    const days = Array.from({ length: 30 }, (_v, d) => {
      const start = new Date(T0 + d * 24 * HOUR).toISOString();
      return { day: start.slice(0, 10), start };
    });
    for (const seed of [1, 2, 3]) {
      const sims = simulateHistory(seededRng(seed), { days, places: PLACES.length, holders: 5, warrants: 200 });
      const events = sims.flatMap((s, i) => s.events.map((e) => ({ warrantId: `w${i}`, at: e.at, kind: e.kind })));
      const warrants = new Map(sims.map((s, i) => [`w${i}`, { ...PLACES[s.place]!, milli: t(s.tonnes) }]));
      for (let d = 0; d + 1 < days.length; d++) stockRows(stockFromEvents(events, warrants, days[d]!.start, days[d + 1]!.start));
      // Each warrant's events are in order, strictly later each time, and follow the state machine.
      for (const s of sims) {
        for (let i = 1; i < s.events.length; i++) expect(s.events[i]!.at > s.events[i - 1]!.at).toBe(true);
        expect(s.events[0]!.kind).toBe('warrant.issued');
      }
    }
  });
});

describe('queues', () => {
  it('waits as many working days as the minimum load-out rate needs to clear the queue', () => {
    const q = queues(
      [
        { facility: 'f1', location: 'HONGKONG', metal: 'CA', tonnes: '25.000', cancelledAt: '2025-06-03T10:00:00.000Z', rate: '60.000' },
        { facility: 'f1', location: 'HONGKONG', metal: 'ZS', tonnes: '25.000', cancelledAt: '2025-06-02T22:30:00.000Z', rate: '60.000' },
        { facility: 'f1', location: 'HONGKONG', metal: 'CA', tonnes: '25.000', cancelledAt: '2025-06-04T10:00:00.000Z', rate: '60.000' },
        { facility: 'f0', location: 'SINGAPORE', metal: 'CA', tonnes: '24.512', cancelledAt: '2025-06-04T10:00:00.000Z', rate: '2000' },
      ],
      'Europe/London',
    );
    expect(q).toEqual([
      { facility: 'f0', location: 'SINGAPORE', warrants: 1, tonnes: '24.512', metals: [{ metal: 'CA', warrants: 1, tonnes: '24.512' }], minDailyLoadOutTonnes: '2000', waitingWorkingDays: 1, waitingSince: '2025-06-04' },
      {
        facility: 'f1',
        location: 'HONGKONG',
        warrants: 3,
        tonnes: '75',
        metals: [
          { metal: 'CA', warrants: 2, tonnes: '50' },
          { metal: 'ZS', warrants: 1, tonnes: '25' },
        ],
        minDailyLoadOutTonnes: '60',
        // 75 t at 60 t a day: two working days.
        waitingWorkingDays: 2,
        // Cancelled at 22:30 UTC on 2 June, which is 23:30 on 2 June in London.
        waitingSince: '2025-06-02',
      },
    ]);
  });
});

describe('off-warrant rows', () => {
  it('adds what is recorded and what warehouses declared, per location and metal, counting the warehouses', () => {
    expect(
      offWarrantRows(
        [
          { location: 'HONGKONG', metal: 'CA', warehouse: 'w1', milli: t('12.5') },
          { location: 'HONGKONG', metal: 'CA', warehouse: 'w2', milli: t('2') },
          { location: 'SINGAPORE', metal: 'ZS', warehouse: 'w1', milli: 0n },
        ],
        [
          { location: 'HONGKONG', metal: 'CA', warehouse: 'w1', milli: t('100') },
          { location: 'BUSAN', metal: 'ZS', warehouse: 'w3', milli: t('7.25') },
        ],
      ),
    ).toEqual([
      { location: 'BUSAN', metal: 'ZS', recorded: '0', declared: '7.25', total: '7.25', warehouses: 1 },
      { location: 'HONGKONG', metal: 'CA', recorded: '14.5', declared: '100', total: '114.5', warehouses: 2 },
    ]);
  });
});
