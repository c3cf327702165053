// CSV writing for exports. Cells a spreadsheet would read as a formula (starting with = + - @, a
// tab or a carriage return) are prefixed with an apostrophe (OWASP CSV injection guidance); cells
// with separators, quotes or line breaks are quoted (RFC 4180).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | null | undefined)[]): string => cells.map(csvCell).join(',');

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [csvLine(header), ...rows.map(csvLine)].join('\r\n') + '\r\n';
}
