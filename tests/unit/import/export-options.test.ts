import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localize } from '../../../core/questionnaire/index.js';
import { createIomHandlers } from '../../../main/services/import/handlers.js';
import { createIomService, type IomService } from '../../../main/services/import/iom-service.js';
import { exportFolderName } from '../../../main/services/import/export/export-folder.js';
import { DEV_IDENTITY, tempDir } from './iom-kit.js';
import { makePackage, makeRevisions, makeSigner, type MadePackage } from './package-kit.js';
import { QUESTIONNAIRES_DIR, realQuestionnaire } from './response-kit.js';

/** A fixed clock: two exports "at the same second" are the normal case here, not a race. */
const AT = new Date('2026-12-03T04:15:02.123Z');
let dir: string;
let service: IomService;
let r2: MadePackage;
let other: MadePackage;

beforeAll(async () => {
  dir = tempDir();
  service = createIomService({ dbFile: path.join(dir, 'iom.db'), questionnairesDir: QUESTIONNAIRES_DIR, identity: DEV_IDENTITY, actor: 'tester', clock: { now: () => AT } });
  const inbox = tempDir();
  const [r1, second] = await makeRevisions(inbox, makeSigner());
  r2 = second;
  other = await makePackage({ dir: inbox, signer: makeSigner('Other'), mechanismIndex: 4 });
  const summary = await service.importPaths([r1.path, r2.path, other.path]);
  expect(summary.outcomes.map((o) => o.code)).toEqual(['IMPORTED', 'IMPORTED', 'IMPORTED']);
});
afterAll(() => service.close());

type Row = Record<string, string>;
const readMain = (folder: string): { header: string[]; rows: Row[] } => {
  const [header = [], ...body]: string[][] = parse(fs.readFileSync(path.join(folder, 'iscm-assessment.csv')), { bom: true });
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
};

describe('export folders', () => {
  it('are named by the UTC time, to the second', () => {
    expect(exportFolderName(AT)).toBe('iscm-export-20261203-041502Z');
  });

  it('each export goes to a new folder inside the chosen one; the same name again is refused and nothing is overwritten', async () => {
    const chosen = tempDir();
    fs.writeFileSync(path.join(chosen, 'iscm-assessment.csv'), 'an analyst file');
    const first = await service.export({ format: 'csv', outDir: chosen });
    expect(first.folder).toBe(path.join(chosen, 'iscm-export-20261203-041502Z'));
    expect(first.files.every((f) => path.dirname(f) === first.folder)).toBe(true);
    const before = fs.readFileSync(path.join(first.folder, 'iscm-assessment.csv'));
    await expect(service.export({ format: 'xlsx', outDir: chosen })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('never overwrites') as string });
    expect(fs.readFileSync(path.join(first.folder, 'iscm-assessment.csv'))).toEqual(before);
    expect(fs.readdirSync(first.folder)).not.toContain('iscm-assessment.xlsx');
    expect(fs.readFileSync(path.join(chosen, 'iscm-assessment.csv'), 'utf8')).toBe('an analyst file');
  });

  it('a relative, missing or non-existent folder, or a file, is refused with a clear message and nothing is created', async () => {
    await expect(service.export({ format: 'csv', outDir: 'exports/today' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('full path') as string });
    expect(fs.existsSync(path.resolve('exports'))).toBe(false);
    await expect(service.export({ format: 'csv', outDir: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('no folder was given') as string });
    const typo = path.join(tempDir(), 'Exprots');
    await expect(service.export({ format: 'csv', outDir: typo })).rejects.toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('does not exist') as string });
    expect(fs.existsSync(typo)).toBe(false);
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    await expect(service.export({ format: 'csv', outDir: file })).rejects.toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('not a folder') as string });
  });

  it('the iom.export channel (desktop and web) refuses a relative path the same way and answers the new folder', async () => {
    const handlers = createIomHandlers({ dataDir: dir, questionnairesDir: QUESTIONNAIRES_DIR, clock: { now: () => new Date('2026-12-03T05:00:00Z') } });
    await expect(handlers.export({ format: 'csv', outDir: 'relative', lang: 'en', allRevisions: false })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const chosen = tempDir();
    const result = await handlers.export({ format: 'csv', outDir: chosen, lang: 'fr', allRevisions: false, labels: true, splitChoices: true });
    expect(result.folder).toBe(path.join(chosen, 'iscm-export-20261203-050000Z'));
    expect(readMain(result.folder).header).toContain('working_languages/english');
  });
});

describe('export options', () => {
  const q = realQuestionnaire();
  const node = (id: string) => q.questions.get(id);
  const label = (id: string, value: string, lang: string) => localize(node(id)?.choices?.find((c) => c.value === value)?.label ?? {}, lang);

  it('values by default, multiple choice in one cell and no 0/1 columns', async () => {
    const { folder } = await service.export({ format: 'csv', outDir: tempDir(), lang: 'fr' });
    const { header, rows } = readMain(folder);
    expect(header.some((h) => h.startsWith('working_languages/'))).toBe(false);
    const row = rows.find((r) => r.SubmissionId === r2.submissionId);
    const values = (row?.working_languages ?? '').split(' ');
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => node('working_languages')?.choices?.some((c) => c.value === v))).toBe(true);
    expect(row?.respondent_kind).toBe('secretariat');
  });

  it('--labels: the data in the chosen language (single, multiple, scale, matrix); --split-choices: one 0/1 column per choice, question/choice', async () => {
    const values = readMain((await service.export({ format: 'csv', outDir: tempDir(), lang: 'fr' })).folder).rows.find((r) => r.SubmissionId === r2.submissionId) ?? {};
    const { folder } = await service.export({ format: 'csv', outDir: tempDir(), lang: 'fr', labels: true, splitChoices: true });
    const { header, rows } = readMain(folder);
    const row = rows.find((r) => r.SubmissionId === r2.submissionId) ?? {};
    // a single choice
    expect(row.respondent_kind).toBe(label('respondent_kind', 'secretariat', 'fr'));
    expect(row.respondent_kind).not.toBe('secretariat');
    // a multiple choice: labels joined by "; ", and a 0/1 column per choice named by its value
    const chosen = (values.working_languages ?? '').split(' ');
    expect(row.working_languages).toBe(chosen.map((v) => label('working_languages', v, 'fr')).join('; '));
    const split = header.filter((h) => h.startsWith('working_languages/'));
    expect(split).toEqual((node('working_languages')?.choices ?? []).map((c) => `working_languages/${c.value}`));
    for (const h of split) expect(row[h]).toBe(chosen.includes(h.slice('working_languages/'.length)) ? '1' : '0');
    // every choice-like cell with a value is a label of its question's list now
    for (const [id, n] of q.questions) {
      if (n.repeatGroupId !== undefined || !n.choices || n.question.type === 'matrix' || n.question.type === 'multiple_choice') continue;
      const v = values[id];
      if (v) expect(row[id], id).toBe(label(id, v, 'fr'));
    }
    // a matrix row: the scale's label
    const matrixCell = header.find((h) => h.startsWith('sustainability_matrix/') && values[h]);
    expect(matrixCell).toBeDefined();
    const scaleValue = values[matrixCell ?? ''] ?? '';
    expect(row[matrixCell ?? '']).toBe(localize(node('sustainability_matrix')?.choices?.find((c) => c.value === scaleValue)?.label ?? {}, 'fr'));
    // numbers and free text are not touched
    expect(row.thematic_change).toBe(values.thematic_change);
  });

  it('review columns: ReviewState, ReviewedBy, ReviewedAt, LastComment', async () => {
    service.setReview(other.submissionId, { state: 'has_issues', comment: '  -1+HYPERLINK("x") is in section B  ', actor: 'Marie' });
    const { folder } = await service.export({ format: 'csv', outDir: tempDir() });
    const { header, rows } = readMain(folder);
    expect(header).toEqual(expect.arrayContaining(['ReviewState', 'ReviewedBy', 'ReviewedAt', 'LastComment']));
    expect(rows.find((r) => r.SubmissionId === other.submissionId)).toMatchObject({
      ReviewState: 'has_issues',
      ReviewedBy: 'Marie',
      ReviewedAt: AT.toISOString(),
      LastComment: `'-1+HYPERLINK("x") is in section B`,
    });
    expect(rows.find((r) => r.SubmissionId === r2.submissionId)).toMatchObject({ ReviewState: 'received', ReviewedBy: '', ReviewedAt: '', LastComment: '' });
  });
});
