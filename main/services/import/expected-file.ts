import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../../core/contract/errors.js';
import { readRegularFile } from '../files/regular-file.js';
import type { ListRow } from './expected-list.js';
import { parseKeyCard, type KeyCard } from './key-card.js';

/** A list of respondents is a few hundred lines; anything this large is not one. */
export const MAX_LIST_BYTES = 10 * 1024 * 1024;
const MAX_CARD_BYTES = 64 * 1024;

/** A regular file of at most `max` bytes, read whole; a clear BAD_FILE otherwise. */
function readSmallFile(file: string, max: number, what: string): Buffer {
  const info = fs.statSync(file, { throwIfNoEntry: false });
  if (!info?.isFile()) throw new AppError('BAD_FILE', `The ${what} ${file} does not exist or is not a file.`);
  if (info.size > max) throw new AppError('BAD_FILE', `The ${what} ${file} is larger than ${Math.round(max / 1024)} KiB: it is not one.`);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new AppError('BAD_FILE', `The ${what} ${file} cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
}

function csvRows(bytes: Buffer, file: string): ListRow[] {
  try {
    const records = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (error) {
    throw new AppError('BAD_FILE', `${file} is not a readable CSV file (${error instanceof Error ? error.message : String(error)}).`);
  }
}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return value.text;
  if ('result' in value) {
    const result = value.result;
    if (result instanceof Date) return result.toISOString().slice(0, 10);
    return result === undefined || typeof result === 'object' ? '' : String(result);
  }
  return ''; // an error value such as #N/A
};

async function xlsxRows(bytes: Buffer, file: string): Promise<ListRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    throw new AppError('BAD_FILE', `${file} is not a readable Excel workbook (${error instanceof Error ? error.message : String(error)}).`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('BAD_FILE', `${file} has no sheet.`);
  const rows: ListRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push({ line: number, cells: values.map(cellText) });
  });
  return rows;
}

/** The rows of a `.csv` (UTF-8, with or without BOM) or `.xlsx` list (its first sheet). */
export async function readListRows(file: string): Promise<ListRow[]> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx')
    throw new AppError('BAD_FILE', `${file}: a list of respondents is a .csv or .xlsx file.`);
  // A path from the caller: a pipe or a device is refused without waiting, and the read never blocks.
  const bytes = await readRegularFile(file, { what: 'The list of respondents', maxBytes: MAX_LIST_BYTES });
  return extension === '.csv' ? csvRows(bytes, file) : xlsxRows(bytes, file);
}

/** A list of expected respondents as read from its file, before it is checked against the workspace. */
export interface ReadList {
  readonly file: string;
  readonly rows: readonly ListRow[];
}

export async function readExpectedList(file: string): Promise<ReadList> {
  return { file, rows: await readListRows(file) };
}

/** Reads a key card a list names, relative to the list's folder: the card, or why not. */
export function cardReaderBeside(listFile: string): (reference: string) => KeyCard | string {
  const folder = path.dirname(path.resolve(listFile));
  return (reference) => {
    try {
      return parseKeyCard(readSmallFile(path.resolve(folder, reference), MAX_CARD_BYTES, 'key card').toString('utf8'));
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}
