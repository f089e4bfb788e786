import type { Cell, Table } from './table.js';

/** The byte-order mark that makes Excel read the file as UTF-8 (French, Spanish, Arabic). */
export const UTF8_BOM = '\uFEFF';

function field(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  // Text from respondents that a spreadsheet would run as a formula (=, @, +A1, -A1, a leading
  // tab or CR) gets a leading apostrophe; "-5" or "+33 1 23" stay as they are.
  const safe = typeof value === 'string' && /^(?:[=@\t\r]|[+-][^\d\s.])/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with CRLF line ends and a BOM, as ODK Central writes it. */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => field(c.name)).join(',')];
  for (const row of table.rows) lines.push(row.map(field).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
