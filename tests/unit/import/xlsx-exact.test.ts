import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '../../../main/services/import/export/table.js';
import { writeXlsx } from '../../../main/services/import/export/xlsx.js';
import { tempDir } from './iom-kit.js';

/** Strings that a careless writer changes: edge spaces, line ends, control characters, escapes, formulas. */
const STRINGS: readonly string[] = [
  '  two leading spaces',
  'trailing spaces   ',
  '   ',
  ' ',
  '\tleading tab',
  'line one\nline two',
  'windows\r\nline end',
  'lone\rCR',
  '\r\n',
  'inner   three spaces',
  '=1+1',
  '+1',
  '-1+HYPERLINK("http://evil.example")',
  '@SUM(A1)',
  "'quoted",
  'literal _x0041_ escape',
  'lower _x00e9_ escape',
  'bell\u0007 and unit separator\u001f',
  'مرحبا  بالعالم ',
  'ça, "quotes" & <tags>',
  'emoji 🌍',
];

describe('XLSX exactness', () => {
  it('every string reads back from the file exactly as written, every number as the same number', async () => {
    const file = path.join(tempDir(), 'exact.xlsx');
    const numbers: Cell[] = [-5, 0, 3.25, 2026];
    const table: Table = {
      name: 'exact',
      columns: [...STRINGS.map((_, i) => ({ name: `s${i}`, type: 'string' as const })), ...numbers.map((_, i) => ({ name: `n${i}`, type: 'number' as const }))],
      // Two rows: the strings, then the strings reversed (so shared strings are reused in other places).
      rows: [
        [...STRINGS, ...numbers],
        [...[...STRINGS].reverse(), ...numbers],
      ],
    };
    await writeXlsx([table], file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(3);
    table.rows.forEach((row, r) => {
      row.forEach((expected, c) => {
        const value: unknown = sheet?.getRow(r + 2).getCell(c + 1).value;
        expect(value, `row ${r + 2} column ${c + 1}`).toStrictEqual(expected);
      });
    });
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(table.columns.map((c) => c.name));
  });
});
