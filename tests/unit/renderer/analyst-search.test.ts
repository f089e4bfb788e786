import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { SubmissionSummaryView } from '../../../core/contract/channels/iom.js';
import { foldForSearch } from '../../../core/search/fold.js';
import { answersSearchText } from '../../../core/search/written-answers.js';
import { analyst } from '../../../renderer/i18n/analyst/index.js';
import { analystRow, questionnaireKey, type AnalystData, type AnalystRow } from '../../../renderer/iom/analyst/analyst-model.js';
import { analystWords, searchTextOf } from '../../../renderer/iom/analyst/submission-columns.js';
import { createTableModel, filterRows, type RowFacts } from '../../../renderer/iom/analyst/table-model.js';
import { FORM_ID, FORM_VERSION, realQuestionnaire } from '../import/response-kit.js';

/**
 * The table's search: each word must occur in one of a row's texts — its words in the reader's
 * language, folded on the first search, and its written answers, folded once at import.
 */

const FACTS: RowFacts = {
  mechanism: 'm',
  mechanismKind: 'rcp',
  respondentKind: 'state',
  questionnaireVersion: '1.1.0',
  status: 'current',
  importedOn: '2026-11-20',
  reviewState: '',
};

describe('the table’s search', () => {
  it('finds Côte d’Ivoire by "cote", Arabic text by its own words with or without vowel marks, a word in either text', () => {
    const texts = [
      ['Mechanism\nCôte d’Ivoire', 'Signer 1'],
      ['Mechanism\nمُحَمَّدٌ وَالْهِجْرَةُ', 'الحوار'],
      ['Mechanism\nGhana', 'Signer 2'],
    ].map((row) => row.map((t) => foldForSearch(t)));
    const rows = [FACTS, FACTS, FACTS];
    expect(filterRows(rows, texts, { search: 'cote' })).toEqual([0]);
    expect(filterRows(rows, texts, { search: 'CÔTE  d’ivoire' })).toEqual([0]);
    expect(filterRows(rows, texts, { search: 'الهجرة' })).toEqual([1]);
    expect(filterRows(rows, texts, { search: 'وَالْهِجْرَةُ' })).toEqual([1]);
    // One word in the row's words, the other in its answers.
    expect(filterRows(rows, texts, { search: 'محمد الحوار' })).toEqual([1]);
    expect(filterRows(rows, texts, { search: 'mechanism signer' })).toEqual([0, 2]);
    // Words never match across two lines, nor across two texts.
    expect(filterRows(rows, texts, { search: 'ivoire\nsigner' })).toEqual([0]);
    expect(filterRows(rows, texts, { search: 'mechanismghana' })).toEqual([]);
    expect(filterRows(rows, texts, { search: 'ivoiresigner' })).toEqual([]);
  });

  it('folds each row’s words once, on the first search, and takes the folded answers as they are', () => {
    let made = 0;
    const rows = [
      { words: 'Côte d’Ivoire', answers: 'reseau cotier' },
      { words: 'Ghana', answers: 'UPPER CASE IS NOT FOLDED AGAIN' },
      { words: 'الهجرة', answers: '' },
    ];
    const model = createTableModel({
      rows,
      lang: 'fr',
      facts: () => FACTS,
      searchText: (row) => {
        made++;
        return row.words;
      },
      foldedText: (row) => row.answers,
      cell: (row) => ({ text: row.words, sort: row.words }),
    });
    expect(made).toBe(0);
    expect(model.view({ search: 'COTE' })).toEqual([0]);
    expect(model.view({ search: 'الهجرة' })).toEqual([2]);
    expect(model.view({ search: 'g' })).toEqual([1]);
    expect(model.view({ search: 'côtier' })).toEqual([0]);
    // The folded text is used as given: its upper case is never matched by a (folded) search.
    expect(model.view({ search: 'upper' })).toEqual([]);
    expect(made).toBe(3);
  });
});

describe('a row’s words for the search', () => {
  const summary = (over: Partial<SubmissionSummaryView>): SubmissionSummaryView => ({
    submissionId: 's1',
    rootId: 's1',
    revision: 1,
    status: 'current',
    questionnaireId: FORM_ID,
    questionnaireVersion: FORM_VERSION,
    mechanism: 'other',
    mechanismLabel: 'Dialogue régional',
    mechanismKind: 'rcp',
    respondentKind: 'state',
    respondentKey: 'state:civ',
    respondentParty: 'Côte d’Ivoire',
    signerName: 'Aïcha Koné',
    signerFingerprint: 'SHA256:x',
    newSigner: false,
    finalizedAt: '2026-10-01T10:00:00.000Z',
    importedAt: '2026-11-01T12:00:00.000Z',
    fileName: 'other-1.iscm',
    reviewState: 'received',
    reviewedBy: null,
    reviewedAt: null,
    ...over,
  });

  it('are the mechanism, kind and respondent in the reader’s language, the signer and the file; the written answers are searched as main folded them', async () => {
    const loaded = realQuestionnaire();
    const text = [...loaded.questions.values()].find((q) => q.question.type === 'long_text' && q.repeatGroupId === undefined)?.id ?? 'x';
    const responses = { [text]: 'Labour MOBILITY in the Sahel' };
    const rows: AnalystRow[] = [
      analystRow({ summary: summary({}), responsesJson: JSON.stringify(responses), answersText: answersSearchText(loaded, responses) }),
      analystRow({
        summary: summary({ respondentKind: 'secretariat', respondentParty: '', mechanism: 'midcom', signerName: 'Jan Novák' }),
        responsesJson: '{}',
        answersText: '',
      }),
    ];
    const data: AnalystData = { rows, questionnaires: new Map([[questionnaireKey(FORM_ID, FORM_VERSION), loaded]]), newest: loaded };
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', ns: ['analyst'], defaultNS: 'analyst', resources: { en: { analyst: analyst.en } }, interpolation: { escapeValue: false } });
    const words = analystWords(i18n.getFixedT('en', 'analyst'), data, 'en');
    const first = searchTextOf(rows[0] as AnalystRow, words).split('\n');
    expect(first).toEqual(['Dialogue régional', words.mechanismKind('rcp'), words.respondent(rows[0]?.summary as SubmissionSummaryView), 'Aïcha Koné', 'other-1.iscm']);
    expect(first[2]).toContain('Côte d’Ivoire');
    expect(first.join('\n')).not.toContain('Sahel');
    const model = createTableModel({
      rows,
      lang: 'en',
      facts: () => FACTS,
      searchText: (row) => searchTextOf(row, words),
      foldedText: (row) => row.answersText,
      cell: () => ({ text: '', sort: null }),
    });
    expect(model.view({ search: 'aicha mobility' })).toEqual([0]);
    expect(model.view({ search: 'novak' })).toEqual([1]);
    expect(model.view({ search: 'sahel cote' })).toEqual([0]);
  });
});
