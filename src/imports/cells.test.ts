import { describe, expect, it } from 'vitest';
import { excelCellText, neutralise, numberToDecimal } from './cells.ts';
import { columnOfPath } from './columns.ts';
import { checkDelimiter } from './readers.ts';
import { parseHeader, recordFromJsonLine, recordFromRows } from './records.ts';
import { COLUMNS } from './columns.ts';

describe('spreadsheet cells', () => {
  it('writes numbers as plain decimals, never with an exponent or binary noise', () => {
    expect(numberToDecimal(1053.5)).toBe('1053.5');
    expect(numberToDecimal(0.0012)).toBe('0.0012');
    expect(numberToDecimal(0.1 + 0.2)).toBe('0.3');
    expect(numberToDecimal(1e-7)).toBe('0.0000001');
    expect(numberToDecimal(2.5e-5)).toBe('0.000025');
    expect(numberToDecimal(25000)).toBe('25000');
    expect(numberToDecimal(1.5e21)).toBe('1500000000000000000000');
  });

  it('reads dates as YYYY-MM-DD and refuses formulas and error cells', () => {
    expect(excelCellText(new Date(Date.UTC(2026, 2, 2)))).toEqual({ text: '2026-03-02' });
    expect(excelCellText({ formula: 'A1*2', result: 4 })).toMatchObject({ error: expect.stringMatching(/formula/) });
    expect(excelCellText({ error: '#DIV/0!' })).toMatchObject({ error: expect.stringMatching(/#DIV\/0!/) });
    expect(excelCellText({ richText: [{ text: 'AB' }, { text: 'C ' }] })).toEqual({ text: 'ABC' });
    expect(excelCellText('   ')).toBeNull();
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tX', '\rX']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('0.0012')).toBe('0.0012');
  });
});

describe('rows to certificates', () => {
  const header = parseHeader([...COLUMNS.map((c) => c.name), 'Cu', 'Ag']);
  const row = (n: number, values: Record<string, string>) => ({
    row: n,
    cells: [...COLUMNS.map((c) => c.name), 'Cu', 'Ag'].map((h) => (values[h] === undefined ? null : { text: values[h] })),
  });
  const cast = {
    brand: 'ATACU', pcr: 'P1', productionDate: '2026-01-05', originCountry: 'CL', shape: 'cathodes', pieces: '5',
    grossWeightKg: '501', netWeightKg: '500', laboratoryName: 'Lab', signatoryName: 'Q', Cu: '99.99', Ag: '<0.0010',
  };

  it('builds one submission from the bundle rows of a cast; later rows may leave certificate columns blank', () => {
    const rec = recordFromRows(header, [
      row(2, { ...cast, bundleNumber: 'B1', bundlePieces: '2', bundleNetKg: '200' }),
      row(3, { brand: 'ATACU', pcr: 'P1', bundleNumber: 'B2', bundlePieces: '3', bundleNetKg: '300' }),
    ], 'ATACU\u0000P1');
    expect(rec.errors).toEqual([]);
    expect(rec.submission).toMatchObject({
      pieces: 5,
      bundles: [{ number: 'B1', pieces: 2, netKg: '200' }, { number: 'B2', pieces: 3, netKg: '300' }],
      chemistry: { Cu: { value: '99.99', unit: '%' }, Ag: { value: '0.0010', unit: '%', operator: '<' } },
    });
    expect(rec.locate('bundles.1.netKg')).toEqual({ row: 3, column: 'bundleNetKg', value: '300' });
  });

  it('names the row and column of every structural problem', () => {
    const rec = recordFromRows(header, [
      row(7, { ...cast, pieces: 'five', netWeightKg: '1.053,5', bundleNumber: 'B1', bundlePieces: '2', bundleNetKg: '200' }),
      row(8, { brand: 'ATACU', pcr: 'P1', shape: 'ingots', bundleNumber: 'B2', bundlePieces: '3' }),
    ], 'ATACU\u0000P1');
    expect(rec.submission).toBeUndefined();
    expect(rec.errors.map((e) => `${e.row}:${e.column}:${e.code}`).sort()).toEqual(
      ['7:pieces:invalid_integer', '7:netWeightKg:invalid_decimal', '8:shape:inconsistent_cast', '8:bundleNetKg:required'].sort(),
    );
  });

  it('reads NDJSON lines, with JSON paths as columns', () => {
    const rec = recordFromJsonLine(JSON.stringify({ brand: 'X', pcr: 'bad pcr!', amendmentReason: 'ok!' }), 4);
    expect(rec.amendmentReason).toBe('ok!');
    expect(rec.errors.find((e) => e.column === 'pcr')).toMatchObject({ row: 4, code: 'invalid_pcr', value: 'bad pcr!' });
    expect(recordFromJsonLine('{oops', 9).errors[0]).toMatchObject({ row: 9, code: 'invalid_json' });
  });

  it('maps paths to columns and refuses other delimiters', () => {
    expect(columnOfPath('laboratory.name')).toEqual({ column: 'laboratoryName' });
    expect(columnOfPath('chemistry.Ag.value')).toEqual({ column: 'Ag' });
    expect(columnOfPath('bundles.3.grossKg')).toEqual({ column: 'bundleGrossKg', bundle: 3 });
    expect(() => checkDelimiter('brand;pcr;metal')).toThrow(/semicolons/);
    expect(() => checkDelimiter('brand\tpcr\tmetal')).toThrow(/tabs/);
    expect(() => checkDelimiter('brand,pcr,remarks;x')).not.toThrow();
  });
});
