import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatKeyCard } from '../../../main/services/import/key-card.js';
import { testIom, tempDir, type TestIom } from './iom-kit.js';
import { makePackage, makeSigner } from './package-kit.js';
import { realQuestionnaire } from './response-kit.js';

/** IOM's list of who is expected to answer, from CSV and XLSX files, and the status it feeds. */

const opened: TestIom[] = [];
/** A new iom.db that knows the releases the app carries (as every command's service does). */
const fresh = async (): Promise<TestIom> => {
  const iom = testIom();
  opened.push(iom);
  await iom.service.syncBundled();
  return iom;
};
afterEach(() => opened.splice(0).forEach((i) => i.service.close()));

const ghanaKey = makeSigner('Kofi Mensah');
const togoKey = makeSigner('Afi Mensah');
// "Other (specify)" is no mechanism of the status: each one written under it is listed by its own name.
const MECHANISMS = realQuestionnaire().choiceLists.get('mechanisms')?.filter((c) => c.value !== 'other').length ?? 0;

async function xlsx(file: string, rows: (string | number | null)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Respondents');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

describe('expected respondents', () => {
  it('the status covers every mechanism of the questionnaire\'s list, even with nothing imported', async () => {
    const iom = await fresh();
    const status = iom.service.status();
    expect(MECHANISMS).toBeGreaterThan(20);
    expect(status.mechanisms).toHaveLength(MECHANISMS);
    expect(status.mechanisms.every((m) => m.listed && !m.secretariat.received && m.states.length === 0)).toBe(true);
  });

  it('a CSV list: BOM, any column order and case, quoted names, a key card beside it and a key line; States counted as expected', async () => {
    const iom = await fresh();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ghana.txt'), formatKeyCard({ name: 'Kofi Mensah', mechanism: 'midcom', publicKey: ghanaKey.publicKey, fingerprint: ghanaKey.fingerprint }));
    const list = path.join(dir, 'expected.csv');
    fs.writeFileSync(
      list,
      `${[
        '\uFEFFKind,Mechanism,State or organisation,Key card,Public key,Notes,Mechanism name',
        'secretariat,midcom,,,,the secretariat,',
        'state,midcom,Ghana,ghana.txt,,,',
        `state,midcom,"Togo",,${togoKey.publicKey},,`,
        'organisation,midcom,"UNHCR, Pretoria office",,,,',
        '',
        'secretariat,other,,,,,Foro Regional',
      ].join('\r\n')}\r\n`,
    );
    expect(await iom.service.importRespondents(list, 'Jean')).toEqual({ expected: 5, added: 5, removed: 0, keys: 2 });
    const midcom = iom.service.status().mechanisms.find((m) => m.mechanism === 'midcom');
    expect(midcom?.counts).toMatchObject({ statesExpected: 2, statesReceived: 0, organisationsExpected: 1 });
    expect(midcom?.secretariat.expected).toBe(true);
    expect(midcom?.organisations.map((o) => o.party)).toEqual(['UNHCR, Pretoria office']);
    const other = iom.service.status().mechanisms.find((m) => m.mechanism === 'other:foro-regional');
    expect(other).toMatchObject({ listed: false, label: 'Foro Regional', secretariat: { expected: true } });
    expect(iom.service.signers().map((s) => [s.respondent_key, s.source, s.name])).toEqual([
      ['midcom/state/ghana', 'card', 'Kofi Mensah'],
      ['midcom/state/togo', 'list', ''],
    ]);
    // Ghana answers with the key the list registered: received, and not a new signer.
    const pkg = await makePackage({ dir, signer: ghanaKey, mechanismIndex: [...(realQuestionnaire().choiceLists.get('mechanisms') ?? [])].findIndex((c) => c.value === 'midcom'), respondentKind: 'state', stateName: 'GHANA' });
    const summary = await iom.service.importPaths([pkg.path]);
    expect(summary.outcomes[0]).toMatchObject({ code: 'IMPORTED' });
    expect(summary.outcomes[0]?.flags).toBeUndefined();
    const after = iom.service.status().mechanisms.find((m) => m.mechanism === 'midcom');
    expect(after?.counts).toMatchObject({ statesExpected: 2, statesReceived: 1 });
    expect(after?.states.map((s) => [s.party, s.expected, s.received])).toEqual([
      ['Ghana', true, true],
      ['Togo', true, false],
    ]);
  });

  it('an XLSX list (its first sheet), with numbers and blank rows; a new list replaces the old one, keeping who is dropped', async () => {
    const iom = await fresh();
    const dir = tempDir();
    const first = path.join(dir, 'round-1.xlsx');
    await xlsx(first, [
      ['mechanism', 'kind', 'state_or_organisation'],
      ['bali_process', 'secretariat', null],
      [],
      ['bali_process', 'state', 'Indonesia'],
      ['bali_process', 'State', 'Viet Nam'],
      ['bali_process', 'organization', 2030],
    ]);
    expect(await iom.service.importRespondents(first, 'Jean')).toEqual({ expected: 4, added: 4, removed: 0, keys: 0 });
    const bali = () => iom.service.status().mechanisms.find((m) => m.mechanism === 'bali_process');
    expect(bali()?.states.map((s) => s.party)).toEqual(['Indonesia', 'Viet Nam']);
    expect(bali()?.organisations.map((s) => s.respondentKey)).toEqual(['bali_process/organisation/2030']);
    const second = path.join(dir, 'round-2.xlsx');
    await xlsx(second, [
      ['Mechanism', 'Kind', 'State or organisation'],
      ['bali_process', 'secretariat', ''],
      ['bali_process', 'state', 'Indonesia'],
    ]);
    expect(await iom.service.importRespondents(second, 'Jean')).toEqual({ expected: 2, added: 0, removed: 2, keys: 0 });
    expect(bali()?.counts.statesExpected).toBe(1);
    expect(iom.count('respondents')).toBe(4);
  });

  it('a bad CSV is refused whole: every bad line named with its number, nothing written', async () => {
    const iom = await fresh();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'wrong-mechanism.txt'), formatKeyCard({ name: 'X', mechanism: 'bali_process', publicKey: ghanaKey.publicKey, fingerprint: ghanaKey.fingerprint }));
    const list = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      list,
      [
        'mechanism,kind,state_or_organisation,key_card,public_key',
        'midcom,state,Ghana,,',
        'midcom,state,ghana,,',
        'nowhere,state,Chad,,',
        'midcom,citizen,Mars,,',
        'midcom,organisation,,,',
        'other,secretariat,,,',
        'midcom,state,Mali,missing.txt,',
        'midcom,state,Niger,wrong-mechanism.txt,',
        'midcom,state,Benin,,ssh-rsa AAAAB3Nza',
        'midcom,state,Togo,missing.txt,ssh-ed25519 AAAA',
      ].join('\n'),
    );
    const error = await iom.service.importRespondents(list, 'Jean').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_FILE' });
    const problems = (error as { details: { problems: { line: number; message: string }[] } }).details.problems;
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // A code and its values for each, so the workspace words it in its language.
    const coded = problems as unknown as { code: string; params: Record<string, string> }[];
    expect(coded.map((p) => p.code)).toEqual([
      'same_respondent',
      'mechanism_unknown',
      'kind_unknown',
      'organisation_missing',
      'other_name_missing',
      'card_unreadable',
      'card_other_mechanism',
      'key_invalid',
      'key_and_card',
    ]);
    expect(coded[6]?.params).toEqual({ card: 'wrong-mechanism.txt', cardMechanism: 'bali_process', mechanism: 'midcom' });
    expect(problems.map((p) => p.message)).toEqual([
      'the same respondent as line 2',
      'mechanism "nowhere" is not in the questionnaire\'s list (for another mechanism, give "other" and its name)',
      'respondent kind "citizen" is not one of secretariat, state, organisation',
      'an organisation respondent needs the name of the organisation',
      'an "other" mechanism needs its name',
      expect.stringMatching(/^key card missing\.txt: The key card .*missing\.txt does not exist or is not a file\.$/),
      'key card wrong-mechanism.txt is for mechanism "bali_process", not "midcom"',
      expect.stringMatching(/^public_key is not an ssh-ed25519 key line/),
      'give key_card or public_key, not both',
    ]);
    expect((error as Error).message).toMatch(/^9 lines of .*bad\.csv cannot be used; nothing was changed\. Line 3: the same respondent as line 2\./);
    expect(iom.count('respondents')).toBe(0);
    expect(iom.count('signers')).toBe(0);
  });

  it('refuses a list with no header, a file that is not CSV or XLSX, and a damaged workbook', async () => {
    const iom = await fresh();
    const dir = tempDir();
    const noHeader = path.join(dir, 'no-header.csv');
    fs.writeFileSync(noHeader, 'midcom,state,Ghana\n');
    await expect(iom.service.importRespondents(noHeader, 'Jean')).rejects.toMatchObject({
      code: 'BAD_FILE',
      details: { problems: [{ line: 1, message: expect.stringContaining('the header row has no column mechanism, kind') as unknown }] },
    });
    const txt = path.join(dir, 'list.txt');
    fs.writeFileSync(txt, 'mechanism,kind\n');
    await expect(iom.service.importRespondents(txt, 'Jean')).rejects.toThrow(/is a \.csv or \.xlsx file/);
    const damaged = path.join(dir, 'damaged.xlsx');
    fs.writeFileSync(damaged, 'PK\u0003\u0004 not really a workbook');
    await expect(iom.service.importRespondents(damaged, 'Jean')).rejects.toThrow(/is not a readable Excel workbook/);
    await expect(iom.service.importRespondents(path.join(dir, 'missing.csv'), 'Jean')).rejects.toThrow(/The list of respondents .*missing\.csv does not exist\./);
    const unbalanced = path.join(dir, 'quote.csv');
    fs.writeFileSync(unbalanced, 'mechanism,kind\n"midcom,state\n');
    await expect(iom.service.importRespondents(unbalanced, 'Jean')).rejects.toThrow(/is not a readable CSV file/);
  });
});
