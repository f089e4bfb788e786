import { open } from 'node:fs/promises';
import { commitTempFile, removeQuietly, tempPathBeside } from '../../atomic-file.js';
import type { Cell, Table } from './table.js';

/** The byte-order mark that makes Excel read the file as UTF-8 (French, Spanish, Arabic). */
export const UTF8_BOM = '\uFEFF';

/** The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would run as a formula gets a leading apostrophe, per OWASP: any
 * string that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, so `-1+HYPERLINK(…)`
 * and `+1` too. Only strings: an answer to a number question is a number (written as `-5`, read
 * back as -5); a text answer "-5" is text and is neutralised like any other.
 */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function field(value: Cell): string {
  if (value === null) return '';
  const safe = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 CSV with CRLF line ends and a BOM, as ODK Central writes it, written to a temp file
 * about a megabyte at a time, then fsynced and renamed over the target.
 */
export async function writeCsv(table: Table, target: string): Promise<void> {
  const temp = tempPathBeside(target);
  const handle = await open(temp, 'wx', 0o644);
  try {
    let chunk = `${UTF8_BOM}${table.columns.map((c) => field(c.name)).join(',')}\r\n`;
    for (const row of table.rows) {
      chunk += `${row.map(field).join(',')}\r\n`;
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(chunk);
    await handle.close();
    await commitTempFile(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await removeQuietly(temp);
    throw error;
  }
}
