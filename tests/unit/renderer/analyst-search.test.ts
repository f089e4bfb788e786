import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { SubmissionSummaryView, SubmissionWithAnswersView } from '../../../core/contract/channels/iom.js';
import type { QuestionNode } from '../../../core/questionnaire/index.js';
import { analyst } from '../../../renderer/i18n/analyst/index.js';
import { questionnaireKey, type AnalystData } from '../../../renderer/iom/analyst/analyst-model.js';
import { analystWords, searchTextOf, type AnalystWords } from '../../../renderer/iom/analyst/submission-columns.js';
import {
  collapseSpaces,
  createTableModel,
  filterRows,
  foldForSearch,
  searchable,
  type RowFacts,
} from '../../../renderer/iom/analyst/table-model.js';
import { FORM_ID, FORM_VERSION, realQuestionnaire } from '../import/response-kit.js';

/**
 * The search's text is folded (lower case, no accents) only where it is not plain ASCII, and
 * built from the written answers only: these check both against the plain way of doing it.
 */

/** The plain way: the whole text decomposed, marks removed, lower-cased. */
const reference = (text: string, lang: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(lang);

const SAMPLES = [
  'plain ASCII, Labour Mobility 2026',
  'Côte d’Ivoire',
  'CÔTE D’IVOIRE\nGhana\nTürkiye',
  'first line\nÉric Ñandú\n\nlast LINE',
  'الحوار بشأن الهجرة',
  'مُحَمَّدٌ وَالْهِجْرَةُ',
  'İstanbul and ISTANBUL',
  'ΣΊΣΥΦΟΣ ΟΔΟΣ',
  'e\u0301le\u0300ve',
  '\u0301 a mark after a line break\n\u0301',
  'ﬁnance ß Straße',
  'emoji 🙂 and 𝒜',
  '',
];

describe('the search text', () => {
  it('folds every text as the plain way does, in every language of the app and in Turkish', () => {
    for (const lang of ['en', 'fr', 'es', 'ar', 'tr']) {
      const cache = new Map<string, string>();
      for (const text of SAMPLES) {
        expect(foldForSearch(text, lang), `${lang} ${text}`).toBe(reference(text, lang));
        // With a cache, twice: the second time from it.
        expect(foldForSearch(text, lang, cache)).toBe(reference(text, lang));
        expect(foldForSearch(text, lang, cache)).toBe(reference(text, lang));
        expect(searchable(text, lang)).toBe(collapseSpaces(reference(text, lang)));
      }
      // Only lines that are not ASCII are kept, each once.
      expect([...cache.keys()].every((line) => /[^\x20-\x7e]/u.test(line))).toBe(true);
    }
  });

  it('finds Côte d’Ivoire by "cote", Arabic text by its own words with or without vowel marks, in a row of several lines', () => {
    const texts = [
      'Mechanism\nCôte d’Ivoire\nSigner 1',
      'Mechanism\nمُحَمَّدٌ وَالْهِجْرَةُ\nالحوار',
      'Mechanism\nGhana\nSigner 2',
    ].map((t) => foldForSearch(t, 'ar'));
    const facts: RowFacts = {
      mechanism: 'm',
      mechanismKind: 'rcp',
      respondentKind: 'state',
      questionnaireVersion: '1.1.0',
      status: 'current',
      importedOn: '2026-11-20',
      reviewState: '',
    };
    const rows = [facts, facts, facts];
    expect(filterRows(rows, texts, { search: 'cote' }, 'ar')).toEqual([0]);
    expect(filterRows(rows, texts, { search: 'CÔTE  d’ivoire' }, 'ar')).toEqual([0]);
    expect(filterRows(rows, texts, { search: 'الهجرة' }, 'ar')).toEqual([1]);
    expect(filterRows(rows, texts, { search: 'وَالْهِجْرَةُ' }, 'ar')).toEqual([1]);
    expect(filterRows(rows, texts, { search: 'محمد الحوار' }, 'ar')).toEqual([1]);
    expect(filterRows(rows, texts, { search: 'mechanism signer' }, 'ar')).toEqual([0, 2]);
    // Words never match across two lines.
    expect(filterRows(rows, texts, { search: 'ivoire\nsigner' }, 'ar')).toEqual([0]);
    expect(filterRows(rows, texts, { search: 'mechanismghana' }, 'ar')).toEqual([]);
  });

  it('the model searches through folded texts, made once', () => {
    let made = 0;
    const model = createTableModel({
      rows: ['Côte d’Ivoire', 'Ghana', 'الهجرة'],
      lang: 'fr',
      facts: () => ({
        mechanism: 'm',
        mechanismKind: 'rcp',
        respondentKind: 'state',
        questionnaireVersion: '1.1.0',
        status: 'current',
        importedOn: '2026-11-20',
        reviewState: '',
      }),
      searchText: (row) => {
        made++;
        return row;
      },
      cell: (row) => ({ text: row, sort: row }),
    });
    expect(model.view({ search: 'COTE' })).toEqual([0]);
    expect(model.view({ search: 'الهجرة' })).toEqual([2]);
    expect(model.view({ search: 'g' })).toEqual([1]);
    expect(made).toBe(3);
  });
});

/** The plain way of making a row's search text: every answer looked at, in the answers' order. */
function referenceSearchText(row: SubmissionWithAnswersView, words: AnalystWords): string {
  const s = row.summary;
  const loaded = words.loadedOf(s);
  const parts = [
    words.mechanism(s),
    words.mechanismKind(s.mechanismKind),
    words.respondent(s),
    s.signerName,
    s.fileName,
  ];
  const collect = (answers: Record<string, unknown>): void => {
    for (const [id, value] of Object.entries(answers)) {
      if (id === '_other' && typeof value === 'object' && value !== null) {
        for (const text of Object.values(value)) if (typeof text === 'string') parts.push(text);
      } else if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && '_row' in v)) {
        for (const r of value as Record<string, unknown>[]) collect(r);
      } else if (
        typeof value === 'string' &&
        ['text', 'long_text'].includes(loaded?.questions.get(id)?.question.type ?? '')
      ) {
        parts.push(value);
      }
    }
  };
  collect(row.responses);
  return parts.join('\n');
}

describe('a row’s search text', () => {
  const loaded = realQuestionnaire();
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

  const valueOf = (node: QuestionNode, i: number): unknown => {
    const type = node.question.type;
    if (type === 'text' || type === 'long_text') return `${node.id} answer ${String(i)} é`;
    if (type === 'integer' || type === 'year' || type === 'decimal') return i;
    if (type === 'multiple_choice') return (node.choices ?? []).slice(0, 2).map((c) => c.value);
    if (type === 'matrix')
      return Object.fromEntries((node.rows ?? []).map((r) => [r.value, node.choices?.[0]?.value ?? '']));
    return node.choices?.[0]?.value ?? 'code';
  };

  it('has the same lines as every answer looked at, for answers in any order, repeat rows and "Other" texts included', async () => {
    const top = [...loaded.questions.values()].filter((q) => q.repeatGroupId === undefined);
    const repeats = new Map<string, QuestionNode[]>();
    for (const q of loaded.questions.values())
      if (q.repeatGroupId !== undefined) repeats.set(q.repeatGroupId, [...(repeats.get(q.repeatGroupId) ?? []), q]);
    expect(repeats.size).toBeGreaterThan(0);
    const responses: Record<string, unknown> = {};
    // Reversed: the text must not depend on the order the answers were written in.
    [...top].reverse().forEach((q, i) => (responses[q.id] = valueOf(q, i)));
    responses._other = { [top[0]?.id ?? 'x']: 'Autre : réseau côtier' };
    for (const [groupId, members] of repeats)
      responses[groupId] = [0, 1].map((r) => ({
        _row: `row-${String(r)}`,
        ...Object.fromEntries(members.map((m, i) => [m.id, valueOf(m, i + r)])),
        _other: { [members[0]?.id ?? 'x']: `row ${String(r)} other` },
      }));
    const rows: SubmissionWithAnswersView[] = [
      { summary: summary({}), responses },
      {
        summary: summary({ respondentKind: 'secretariat', respondentParty: '', mechanism: 'midcom' }),
        responses: {
          [top.find((q) => q.question.type === 'text')?.id ?? 'x']: 'only one',
          unknown_question: 'not searched',
          [repeats.keys().next().value ?? 'g']: [],
        },
      },
    ];
    const data: AnalystData = {
      rows,
      questionnaires: new Map([[questionnaireKey(FORM_ID, FORM_VERSION), loaded]]),
      newest: loaded,
    };
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      ns: ['analyst'],
      defaultNS: 'analyst',
      resources: { en: { analyst: analyst.en } },
      interpolation: { escapeValue: false },
    });
    const words = analystWords(i18n.getFixedT('en', 'analyst'), data, 'en');
    for (const row of rows) {
      const lines = searchTextOf(row, words).split('\n');
      expect(lines.sort()).toEqual(referenceSearchText(row, words).split('\n').sort());
    }
    const first = searchTextOf(rows[0] as SubmissionWithAnswersView, words);
    expect(first).toContain('Autre : réseau côtier');
    expect(first).toContain('row 1 other');
    expect(first).toContain('Aïcha Koné');
    expect(first.split('\n').filter((l) => l.endsWith(' é')).length).toBeGreaterThan(20);
    expect(searchTextOf(rows[1] as SubmissionWithAnswersView, words)).not.toContain('not searched');
  });
});
