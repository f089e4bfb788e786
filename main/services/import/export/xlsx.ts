import ExcelJS from 'exceljs';
import { commitTempFile, removeQuietly, tempPathBeside } from '../../atomic-file.js';
import type { Cell, CellType, Table } from './table.js';

/** Excel allows 31 characters and no `[]:*?/\` in a sheet name; names must differ case-blind. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'sheet';
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** C0 controls but tab and line feed (which XML keeps), and DEL: built from code points, as the lint rule asks. */
const CONTROL = new RegExp(`[${[[0x00, 0x08], [0x0b, 0x1f], [0x7f, 0x7f]].map(([a = 0, b = 0]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join('')}]`, 'gu');

/**
 * A string as OOXML carries it exactly. XML turns a carriage return into a line feed and cannot
 * hold most control characters (exceljs drops them), so those are written as OOXML's `_xHHHH_`
 * escapes, which Excel, LibreOffice and exceljs decode; a literal `_xHHHH_` in the text is
 * itself escaped (`_x005F_`) so it is not decoded. Leading and trailing spaces are kept by the
 * shared strings table (`xml:space="preserve"`).
 */
export function ooxmlText(value: string): string {
  return value
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(CONTROL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

function typed(value: Cell, type: CellType): ExcelJS.CellValue {
  if (value === null) return null;
  if ((type === 'date' || type === 'datetime') && typeof value === 'string') {
    const time = Date.parse(type === 'date' ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(time)) return new Date(time);
  }
  // Text is never a formula in a workbook (a typed string cell), so it needs no apostrophe.
  return typeof value === 'string' ? ooxmlText(value) : value;
}

const NUMBER_FORMATS: Partial<Record<CellType, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' };

/**
 * One workbook, one sheet per table, a bold frozen header row and typed cells (numbers as
 * numbers, dates as dates, text exactly as answered). Streamed to a temp file row by row, so a
 * large dataset never sits in memory as a workbook (only its distinct strings do), then fsynced
 * and renamed over the target.
 */
export async function writeXlsx(tables: readonly Table[], target: string): Promise<void> {
  const temp = tempPathBeside(target);
  try {
    // Shared strings: exceljs writes them with xml:space="preserve" when they start or end with
    // a space; without them it writes `t="str"` values whose edge spaces readers drop.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: true });
    workbook.creator = 'ISCM Assessment';
    const used = new Set<string>();
    for (const table of tables) {
      const sheet = workbook.addWorksheet(sheetName(table.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = table.columns.map((c) => ({
        header: c.name,
        key: c.name,
        width: Math.min(50, Math.max(10, c.name.length + 2)),
        ...(NUMBER_FORMATS[c.type] ? { style: { numFmt: NUMBER_FORMATS[c.type] } } : {}),
      }));
      sheet.getRow(1).font = { bold: true };
      for (const row of table.rows) sheet.addRow(row.map((value, i) => typed(value, table.columns[i]?.type ?? 'string'))).commit();
      sheet.commit();
    }
    await workbook.commit();
    await commitTempFile(temp, target);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
}
