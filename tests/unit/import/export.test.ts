import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIom, tempDir, type TestIom } from './iom-kit.js';
import { makePackage, makeRevisions, makeSigner, type MadePackage } from './package-kit.js';

let iom: TestIom;
let r1: MadePackage;
let r2: MadePackage;
let other: MadePackage;
const REPORT = Buffer.from('%PDF-1.4 the annual report\n');

beforeAll(async () => {
  iom = testIom();
  const dir = tempDir();
  [r1, r2] = await makeRevisions(dir, makeSigner());
  other = await makePackage({ dir, signer: makeSigner('Other'), mechanismIndex: 4, attachments: [REPORT] });
  const summary = await iom.service.importPaths([r2.path, r1.path, other.path]);
  expect(summary.outcomes.map((o) => o.code)).toEqual(['IMPORTED', 'SUPERSEDED', 'IMPORTED']);
});
afterAll(() => iom.service.close());

type Rows = Record<string, string>[];
const readCsv = (file: string): { header: string[]; rows: Rows; raw: Buffer } => {
  const raw = fs.readFileSync(file);
  const records: string[][] = parse(raw, { bom: true });
  const [header = [], ...body] = records;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))), raw };
};

describe('consolidated export in ODK Central layout', () => {
  it('CSV: main table, one per repeat group, codebook, media by hash, UTF-8 with BOM', async () => {
    const result = await iom.service.export({ format: 'csv', outDir: tempDir(), lang: 'fr', splitChoices: true });
    const out = result.folder;
    expect(result.submissions).toBe(2);
    expect(fs.readdirSync(out).sort()).toEqual([
      'iscm-assessment-achievements.csv',
      'iscm-assessment-codebook.csv',
      'iscm-assessment-partners.csv',
      'iscm-assessment.csv',
      'media',
    ]);
    const main = readCsv(path.join(out, 'iscm-assessment.csv'));
    expect([...main.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(main.header.slice(0, 3)).toEqual(['KEY', 'SubmissionId', 'RootId']);
    expect(main.rows.map((r) => r.KEY).sort()).toEqual([`uuid:${r2.submissionId}`, `uuid:${other.submissionId}`].sort());
    const current = main.rows.find((r) => r.SubmissionId === r2.submissionId);
    expect(current).toMatchObject({ Revision: '2', Status: 'current', Supersedes: r1.submissionId, respondent_kind: 'secretariat' });
    // multiple choice (splitChoices): the list, and one 0/1 column per choice
    const working = main.header.filter((h) => h.startsWith('working_languages/'));
    expect(working.length).toBeGreaterThan(1);
    const chosen = (current?.working_languages ?? '').split(' ');
    for (const h of working) expect(current?.[h]).toBe(chosen.includes(h.split('/')[1] ?? '') ? '1' : '0');
    // matrix rows as columns; free text with quotes, commas and Arabic survives
    expect(main.header.some((h) => h.startsWith('sustainability_matrix/'))).toBe(true);
    expect(current?.thematic_change).toContain('"quoted", comma, and Arabic: التعاون الإقليمي');
    // repeat groups: PARENT_KEY and KEY
    const achievements = readCsv(path.join(out, 'iscm-assessment-achievements.csv'));
    expect(achievements.header.slice(-3)).toEqual(['ROW_ID', 'PARENT_KEY', 'KEY']);
    expect(achievements.rows).toHaveLength(4);
    expect(achievements.rows[0]).toMatchObject({ PARENT_KEY: expect.stringMatching(/^uuid:/) as string, KEY: expect.stringMatching(/\/achievements\[1\]$/) as string });
    // attachments by hash in media/, named in the answer column
    const otherRow = main.rows.find((r) => r.SubmissionId === other.submissionId);
    const [media] = fs.readdirSync(path.join(out, 'media'));
    expect(otherRow?.latest_report).toBe(media);
    expect(fs.readFileSync(path.join(out, 'media', media ?? ''))).toEqual(REPORT);
    // the codebook in the chosen language
    const codebook = readCsv(path.join(out, 'iscm-assessment-codebook.csv'));
    expect(codebook.header.slice(0, 6)).toEqual(['id', 'section', 'group', 'repeat', 'type', 'label']);
    const mech = codebook.rows.find((r) => r.id === 'mechanism');
    expect(mech?.type).toBe('single_choice');
    expect(mech?.choices).toContain('five_plus_five = ');
    expect(codebook.rows.find((r) => r.id === 'achievement_title')?.repeat).toBe('achievements');
  });

  it('--all-revisions keeps the superseded revision too', async () => {
    const { folder } = await iom.service.export({ format: 'csv', outDir: tempDir(), allRevisions: true });
    const main = readCsv(path.join(folder, 'iscm-assessment.csv'));
    expect(main.rows.map((r) => `${r.Revision}:${r.Status}`).sort()).toEqual(['1:current', '1:superseded', '2:current']);
  });

  it('XLSX: passes unzip -t and reads back into the same tables, typed', async () => {
    const { folder: csvDir } = await iom.service.export({ format: 'csv', outDir: tempDir() });
    const result = await iom.service.export({ format: 'xlsx', outDir: tempDir() });
    const file = result.files[0] ?? '';
    execFileSync('unzip', ['-t', file], { stdio: 'pipe' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['iscm-assessment', 'iscm-assessment-achievements', 'iscm-assessment-partners', 'codebook']);
    const csvNames = ['iscm-assessment', 'iscm-assessment-achievements', 'iscm-assessment-partners', 'iscm-assessment-codebook'];
    workbook.worksheets.forEach((sheet, i) => {
      const csv = readCsv(path.join(csvDir, `${csvNames[i] ?? ''}.csv`));
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      expect(header).toEqual(csv.header);
      expect(sheet.rowCount - 1).toBe(csv.rows.length);
      csv.rows.forEach((row, r) => {
        const cells = sheet.getRow(r + 2);
        header.forEach((h, c) => {
          const value: unknown = cells.getCell(c + 1).value;
          const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
          const expected = row[h] ?? '';
          if (value instanceof Date) expect(Date.parse(expected), h).toBe(value.getTime());
          else expect(text, `${sheet.name} ${h}`).toBe(expected.replace(/^'(?=[=@+\-\t\r])/, ''));
        });
      });
    });
    const main = workbook.getWorksheet('iscm-assessment');
    const header = (main?.getRow(1).values as unknown[]).slice(1);
    expect(typeof main?.getRow(2).getCell(header.indexOf('Revision') + 1).value).toBe('number');
    expect(main?.getRow(2).getCell(header.indexOf('FinalizedAt') + 1).value).toBeInstanceOf(Date);
  });
});
