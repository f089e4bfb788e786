import { open } from 'node:fs/promises';
import { commitTempFile, removeQuietly, tempPathBeside } from '../../atomic-file.js';
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
