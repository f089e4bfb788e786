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

function typed(value: Cell, type: CellType): ExcelJS.CellValue {
  if (value === null) return null;
  if ((type === 'date' || type === 'datetime') && typeof value === 'string') {
    const time = Date.parse(type === 'date' ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(time)) return new Date(time);
  }
  return value;
}

const NUMBER_FORMATS: Partial<Record<CellType, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' };

/**
 * One workbook, one sheet per table, a bold frozen header row and typed cells (numbers as
 * numbers, dates as dates). Streamed to a temp file row by row, so a large dataset never sits
 * in memory as a workbook, then fsynced and renamed over the target.
 */
export async function writeXlsx(tables: readonly Table[], target: string): Promise<void> {
  const temp = tempPathBeside(target);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
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
