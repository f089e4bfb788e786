import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../main/services/import/export/csv.js';
import { tempDir } from './iom-kit.js';

describe('CSV writing', () => {
  it('quotes what needs quoting, keeps numbers and disarms formulas from respondents', async () => {
    const file = path.join(tempDir(), 't.csv');
    const cells = ['=HYPERLINK("http://x")', '@SUM(A1)', '+A1', '-A1', '-5', '+33 1 23 45', 'line one\nline "two", end', 'مرحبا', 'ça'];
    await writeCsv({ name: 't', columns: [...cells.map((_, i) => ({ name: `c${i}`, type: 'string' as const })), { name: 'n', type: 'number' }, { name: 'empty', type: 'string' }], rows: [[...cells, -1.5, null]] }, file);
    const raw = fs.readFileSync(file);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('\r\n');
    const [header, row]: string[][] = parse(raw, { bom: true });
    expect(header).toHaveLength(cells.length + 2);
    // Text "-5" and "+33 …" are strings, disarmed like any other (OWASP); the number -1.5 stays a number.
    expect(row).toEqual(["'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'+A1", "'-A1", "'-5", "'+33 1 23 45", 'line one\nline "two", end', 'مرحبا', 'ça', '-1.5', '']);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['t.csv']);
  });
});
