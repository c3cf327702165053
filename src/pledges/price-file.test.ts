import { describe, expect, it } from 'vitest';
import { parsePriceCsv, parsePriceXlsx, priceWorkbook } from './price-file.ts';

const rules = { prompts: ['cash', '3M', 'DEC1'], defaultCurrency: 'USD' };

describe('official price sheets', () => {
  it('reads a CSV sheet with its columns in any order, currency defaulted', () => {
    const csv = 'Metal,Date,Prompt,Price\r\nCA,2026-12-02,cash,9512.50\r\nZS,2026-12-02,3m,"2,987.75"\r\n\r\n';
    expect(parsePriceCsv(csv, rules)).toEqual({
      rows: [
        { date: '2026-12-02', metal: 'CA', prompt: 'cash', price: '9512.5', currency: 'USD' },
        { date: '2026-12-02', metal: 'ZS', prompt: '3M', price: '2987.75', currency: 'USD' },
      ],
      problems: [],
    });
    expect(parsePriceCsv('date;metal;prompt;price;currency\n2026-12-02;NI;cash;15800;USD\n', rules).rows).toEqual([{ date: '2026-12-02', metal: 'NI', prompt: 'cash', price: '15800', currency: 'USD' }]);
  });

  it('names every problem by row and column', () => {
    const csv = 'date,metal,prompt,price,currency\n2026-02-30,CA,cash,9500,USD\n2026-12-02,XX,weekly,-1,dollars\n2026-12-02,CA,cash,9500,USD\n2026-12-02,CA,cash,9501,USD\n';
    expect(parsePriceCsv(csv, rules).problems).toEqual([
      { path: 'file row 2 column date', message: '"2026-02-30" is not a date (YYYY-MM-DD)' },
      { path: 'file row 3 column metal', message: '"XX" is not a metal code (AH, CA, ZS, PB, NI, SN, AA, NA, CO)' },
      { path: 'file row 3 column prompt', message: '"weekly" is not a prompt prices are published for (cash, 3M, DEC1)' },
      { path: 'file row 3 column price', message: '"-1" is not a positive price with at most 4 decimals' },
      { path: 'file row 3 column currency', message: '"dollars" is not an ISO 4217 currency code' },
      { path: 'file row 5 column metal', message: 'CA cash of 2026-12-02 is also on file row 4' },
    ]);
    expect(parsePriceCsv('date,metal,price\n', rules).problems).toEqual([{ path: 'file row 1', message: 'the header has no "prompt" column (columns: date, metal, prompt, price, currency)' }]);
  });

  it('reads an XLSX sheet: dates and numbers as Excel stores them', async () => {
    const book = await priceWorkbook([
      [new Date(Date.UTC(2026, 11, 2)), 'CA', 'cash', 9512.5, 'USD'],
      ['2026-12-02', 'ZS', 'DEC1', '2990', ''],
    ]);
    expect(await parsePriceXlsx(book, rules)).toEqual({
      rows: [
        { date: '2026-12-02', metal: 'CA', prompt: 'cash', price: '9512.5', currency: 'USD' },
        { date: '2026-12-02', metal: 'ZS', prompt: 'DEC1', price: '2990', currency: 'USD' },
      ],
      problems: [],
    });
    expect((await parsePriceXlsx(Buffer.from('not a workbook'), rules)).problems).toEqual([{ path: 'file', message: 'is not an Excel workbook (.xlsx)' }]);
  });
});
