import { describe, expect, it } from 'vitest';
import { cleanNumber, emptyRow, lotTotals, parseGrid, pasteInto, rowProblems, rowsFromPaste, splitServerErrors, toBundles, type BundleRow } from '../../web/src/receipt-rows.ts';

// The receive-metal form's bundle rows (web/src/receipt-rows.ts): pasting from a spreadsheet, the
// checks made before sending, the API's bundles, lot totals and the server's errors put back on rows.
// Every expected value below is worked out by hand.

const row = (lot: string, pcr: string, bundleRef: string, pieces: string, grossKg: string, netKg: string): BundleRow => ({ lot, pcr, bundleRef, pieces, grossKg, netKg });

describe('pasting rows', () => {
  it('reads tab-separated lines, with or without the lot, and drops trailing blank lines', () => {
    expect(parseGrid('a\tb\r\nc\td\n\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const { rows, skipped, header } = rowsFromPaste('lot\tpcr\tbundle\tpieces\tgross\tnet\nA\tP1\tP1-1\t25\t2,510.5\t2,500.5\n\nP2\tP2-1\t24\t"2401"\t2391\nP3\tP3-1\t24\n');
    expect(header).toBe(true);
    expect(rows).toEqual([row('A', 'P1', 'P1-1', '25', '2510.5', '2500.5'), row('', 'P2', 'P2-1', '24', '2401', '2391')]);
    expect(skipped).toEqual([{ line: 5, columns: 3 }]);
  });

  it('cleans thousands separators a spreadsheet copies, and nothing else', () => {
    expect(cleanNumber('2,500.000')).toBe('2500.000');
    expect(cleanNumber('2 500')).toBe('2500');
    expect(cleanNumber('2,50')).toBe('2,50'); // not a thousands group: left for the check to refuse
  });

  it('pastes a grid into the rows from one cell, right and down, adding rows', () => {
    const out = pasteInto([emptyRow()], 0, 'pieces', parseGrid('25\t2510\t2500\n24\t2410\t2400'));
    expect(out).toEqual([row('', '', '', '25', '2510', '2500'), row('', '', '', '24', '2410', '2400')]);
  });
});

describe('checks before sending', () => {
  it('names each problem by row and field, ignoring blank rows', () => {
    const rows = [
      row('A', 'P1', 'P1-1', '25', '2510', '2500'), // fine
      emptyRow(),
      row('A', '-P2', '', '0', '2.5000', '2400'),
      row('', 'P3', 'P3-1', '100000', '2400', '2400.001'),
      row('', 'P4', 'P4-1', '100001', '', '1'),
    ];
    expect(rowProblems(rows)).toEqual([
      { row: 2, field: 'pcr', code: 'pcrFormat' },
      { row: 2, field: 'bundleRef', code: 'required' },
      { row: 2, field: 'pieces', code: 'pieces' },
      { row: 2, field: 'grossKg', code: 'weightFormat' },
      { row: 3, field: 'netKg', code: 'netOverGross' },
      { row: 4, field: 'pieces', code: 'pieces' },
      { row: 4, field: 'grossKg', code: 'required' },
    ]);
  });
});

describe('bundles, lots and server errors', () => {
  const rows = [row(' A ', 'P1', 'P1-1', '25', '2510.5', '2500.5'), emptyRow(), row('A', 'P1', 'P1-2', '25', '2508', '2498'), row('', 'P7', 'P7-1', '24', '2401.2', '2391.2'), row('B', 'P9', 'P9-1', '1', '10', 'x')];

  it('sends the rows that are not blank, remembering which row each bundle came from', () => {
    const { bundles, rowOf } = toBundles(rows);
    expect(rowOf).toEqual([0, 2, 3, 4]);
    expect(bundles[0]).toEqual({ lot: 'A', pcr: 'P1', bundleRef: 'P1-1', pieces: 25, grossKg: '2510.5', netKg: '2500.5' });
    expect(bundles[2]).toEqual({ pcr: 'P7', bundleRef: 'P7-1', pieces: 24, grossKg: '2401.2', netKg: '2391.2' });
  });

  it('totals each lot exactly in grams: 2,500.5 + 2,498 kg = 4,998,500 g', () => {
    expect(lotTotals(rows)).toEqual([
      { lot: 'A', bundles: 2, netMilli: 4_998_500n, complete: true },
      { lot: 'B', bundles: 1, netMilli: 0n, complete: false },
    ]);
  });

  it('puts the server’s errors back on the rows typed, and the receipt’s fields apart', () => {
    const { rowOf } = toBundles(rows);
    const split = splitServerErrors(
      [
        { path: 'body.bundles.1.netKg', message: 'weight differs' },
        { path: 'body.bundles.3', message: 'no certificate' },
        { path: 'body.facilityId', message: 'not yours' },
        { path: 'lot A', message: 'outside ±2%' },
      ],
      rowOf,
    );
    expect([...split.rows.entries()]).toEqual([
      [2, [{ field: 'netKg', message: 'weight differs' }]],
      [4, [{ field: null, message: 'no certificate' }]],
    ]);
    expect(split.fields).toEqual({ facilityId: ['not yours'] });
    expect(split.other).toEqual([{ path: 'lot A', message: 'outside ±2%' }]);
  });
});
