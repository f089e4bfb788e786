import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { field, neutralise, writeCsv } from '../../../main/services/import/export/csv.js';
import { tempDir } from './iom-kit.js';

/** OWASP "CSV Injection": a cell starting with = + - @ tab or CR is a formula to a spreadsheet. */
const DANGEROUS: readonly [string, string][] = [
  ['=', '=1+1'],
  ['=', '=HYPERLINK("http://evil.example","click")'],
  ['+', '+1'],
  ['+', '+A1'],
  ['+', '+33 1 23 45 67'],
  ['-', '-1+HYPERLINK("http://evil.example")'],
  ['-', '-5'],
  ['-', '-A1'],
  ['-', '--'],
  ['@', '@SUM(A1:A9)'],
  ['tab', '\t=1+1'],
  ['tab', '\tplain'],
  ['CR', '\r=1+1'],
  ['CR', '\rplain'],
];

const SAFE: readonly string[] = ['plain', ' =1+1', "'=already", '1+1', '5', 'a=b', 'x-1', 'مرحبا', 'ça', '', '\n=1', '#REF!', '%2B1'];

describe('CSV neutralisation (OWASP)', () => {
  it.each(DANGEROUS)('a string starting with %s gets a leading apostrophe: %j', (_, text) => {
    expect(neutralise(text)).toBe(`'${text}`);
  });

  it.each(SAFE.map((s) => [s]))('a string starting with anything else stays as it is: %j', (text) => {
    expect(neutralise(text)).toBe(text);
  });

  it('numbers stay numbers, negative ones too: only strings are neutralised', () => {
    expect(field(-5)).toBe('-5');
    expect(field(-1.5)).toBe('-1.5');
    expect(field(0)).toBe('0');
    expect(field('-5')).toBe("'-5");
    expect(field(null)).toBe('');
  });

  it('the file read back: every dangerous cell disarmed, every safe cell and every number unchanged', async () => {
    const file = path.join(tempDir(), 't.csv');
    const texts = [...DANGEROUS.map(([, t]) => t), ...SAFE];
    const numbers = [-5, -1.5, 42];
    await writeCsv(
      {
        name: 't',
        columns: [...texts.map((_, i) => ({ name: `s${i}`, type: 'string' as const })), ...numbers.map((_, i) => ({ name: `n${i}`, type: 'number' as const }))],
        rows: [[...texts, ...numbers]],
      },
      file,
    );
    const [header, row]: string[][] = parse(fs.readFileSync(file), { bom: true, relax_quotes: false });
    expect(header).toHaveLength(texts.length + numbers.length);
    expect(row).toEqual([...DANGEROUS.map(([, t]) => `'${t}`), ...SAFE, '-5', '-1.5', '42']);
  });
});
