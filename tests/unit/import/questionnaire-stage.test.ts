import { afterEach, describe, expect, it } from 'vitest';
import { testIom, tempDir, type TestIom } from './iom-kit.js';
import { makePackage, makeSigner } from './package-kit.js';
import { makeResponses, mechanismAt } from './response-kit.js';

const opened: TestIom[] = [];
const fresh = (): TestIom => {
  const iom = testIom();
  opened.push(iom);
  return iom;
};
afterEach(() => opened.splice(0).forEach((i) => i.service.close()));
const signer = makeSigner();

async function expectRejected(spec: Omit<Parameters<typeof makePackage>[0], 'dir' | 'signer'>, code: string, detail?: RegExp) {
  const iom = fresh();
  const pkg = await makePackage({ dir: tempDir(), signer, ...spec });
  const summary = await iom.service.importPaths([pkg.path]);
  expect(summary.outcomes[0]).toMatchObject({ kind: 'rejected', code, stage: 'questionnaire' });
  if (detail) expect(summary.outcomes[0]?.detail).toMatch(detail);
  expect(iom.count('submissions')).toBe(0);
  expect(iom.count('signers')).toBe(0);
  expect(iom.count('chains')).toBe(0);
  expect(iom.service.quarantine()).toMatchObject([{ code, file_sha256: pkg.sha256 }]);
}

describe('stage 8: the questionnaire version and the answers', () => {
  it('an unknown questionnaire version', async () => {
    await expectRejected({ questionnaireVersion: '9.9.9' }, 'QUESTIONNAIRE_UNKNOWN', /9\.9\.9/);
  });
  it('a version string that would be a path is just unknown', async () => {
    await expectRejected({ questionnaireVersion: '../../x' }, 'QUESTIONNAIRE_UNKNOWN');
  });
  it('a required answer missing', async () => {
    const responses = makeResponses({ mechanism: mechanismAt(0).value });
    delete responses.declaration_name;
    await expectRejected({ responses }, 'ANSWERS_INVALID', /declaration_name/);
  });
  it('an answer of the wrong type, or a question the questionnaire does not have', async () => {
    const wrongType = { ...makeResponses({ mechanism: mechanismAt(0).value }), number_of_states: 'many' };
    await expectRejected({ responses: wrongType }, 'ANSWERS_INVALID', /number_of_states/);
    const unknown = { ...makeResponses({ mechanism: mechanismAt(0).value }), not_a_question: 'x' };
    await expectRejected({ responses: unknown }, 'ANSWERS_INVALID', /not_a_question/);
  });
  it('a constraint broken (a choice outside the list)', async () => {
    const responses = { ...makeResponses({ mechanism: mechanismAt(0).value }), formality_level: 'no-such-choice' };
    await expectRejected({ responses }, 'ANSWERS_INVALID', /formality_level/);
  });
  it('answers filed under another mechanism than the manifest', async () => {
    const responses = makeResponses({ mechanism: mechanismAt(1).value });
    await expectRejected({ responses, mechanismIndex: 0 }, 'ANSWERS_INVALID', /mechanism/);
  });
  it('a repeat row holding a nested object is refused as invalid answers, not a crash', async () => {
    const responses = { ...makeResponses({ mechanism: mechanismAt(0).value }), achievements: [{ _row: 'a', achievement_title: { deep: { x: 1 } } }] };
    await expectRejected({ responses }, 'ANSWERS_INVALID', /achievements/);
  });
  it('answers that are not an object', async () => {
    await expectRejected({ responses: ['a', 'list'] }, 'ANSWERS_INVALID', /not an object/);
  });
  it('valid answers of the other respondent kinds pass', async () => {
    const iom = fresh();
    const dir = tempDir();
    const state = await makePackage({ dir, signer, respondentKind: 'state', mechanismIndex: 2 });
    const org = await makePackage({ dir, signer, respondentKind: 'organisation', mechanismIndex: 2 });
    const summary = await iom.service.importPaths([state.path, org.path]);
    expect(summary.outcomes.map((o) => o.code)).toEqual(['IMPORTED', 'IMPORTED']);
    expect(iom.service.listSubmissions({ mechanism: mechanismAt(2).value, respondentKind: 'state' })).toHaveLength(1);
  });
});
