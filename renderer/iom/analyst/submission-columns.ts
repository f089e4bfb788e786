import type { TFunction } from 'i18next';
import type { AnswerValue } from '../../../core/answers/value.js';
import type { Language } from '../../../core/contract/channels/drafts.js';
import type { SubmissionSummaryView } from '../../../core/contract/channels/iom.js';
import { OTHER_CHOICE, type LoadedQuestionnaire, type QuestionNode } from '../../../core/questionnaire/index.js';
import { formatCalendarDate, formatNumber } from '../../i18n/format.js';
import { listLabel, MECHANISM_LIST, textIn } from '../../questionnaire/labels.js';
import { formatAnswer } from '../../review/format-answer.js';
import { questionnaireKey, type AnalystData, type AnalystRow } from './analyst-model.js';
import type { Cell, RowFacts } from './table-model.js';

/** The table's own columns, before any question column. */
export const FIXED_COLUMNS = [
  'mechanism',
  'mechanismKind',
  'respondent',
  'revision',
  'status',
  'review',
  'version',
  'signer',
  'finalized',
  'imported',
] as const;
export type FixedColumn = (typeof FIXED_COLUMNS)[number];
export const QUESTION_PREFIX = 'q:';

const MECHANISM_KINDS = 'mechanism_kinds';
const NUMERIC = new Set(['integer', 'decimal', 'year']);

/** A question that can be a column: top level (not in a repeat group), not a note. */
export interface QuestionColumn {
  readonly id: string;
  readonly label: string;
  readonly sectionTitle: string;
}

export function questionColumns(loaded: LoadedQuestionnaire | undefined, lang: Language): QuestionColumn[] {
  if (!loaded) return [];
  const out: QuestionColumn[] = [];
  for (const id of loaded.documentOrder) {
    const node = loaded.questions.get(id);
    if (!node || node.repeatGroupId !== undefined) continue;
    const section = loaded.nodes.get(node.sectionId);
    out.push({
      id,
      label: textIn(loaded, node.question.label, lang),
      sectionTitle: section?.kind === 'section' ? textIn(loaded, section.section.title, lang) : '',
    });
  }
  return out;
}

/** Words for the codes a submission carries, in the UI language, from its questionnaire where it has them. */
export function analystWords(t: TFunction, data: AnalystData, lang: Language) {
  const loadedOf = (s: SubmissionSummaryView): LoadedQuestionnaire | undefined =>
    data.questionnaires.get(questionnaireKey(s.questionnaireId, s.questionnaireVersion)) ?? data.newest;
  // "Other" mechanisms carry their own name in the package.
  // Made once per questionnaire and mechanism: every row's search text and the mechanism column need it.
  const mechanisms = new Map<LoadedQuestionnaire | undefined, Map<string, string>>();
  const mechanism = (s: SubmissionSummaryView): string => {
    if (s.mechanism === OTHER_CHOICE.value) return s.mechanismLabel;
    const loaded = loadedOf(s) ?? data.newest;
    let labels = mechanisms.get(loaded);
    if (!labels) {
      labels = new Map();
      mechanisms.set(loaded, labels);
    }
    let label = labels.get(s.mechanism);
    if (label === undefined) {
      label = listLabel(loaded, MECHANISM_LIST, s.mechanism, lang);
      labels.set(s.mechanism, label);
    }
    return label;
  };
  const mechanismChoice = (code: string): string => listLabel(data.newest, MECHANISM_LIST, code, lang);
  const mechanismKind = (code: string): string =>
    code === '' ? t('notStated') : listLabel(data.newest, MECHANISM_KINDS, code, lang);
  const respondentKind = (code: string): string =>
    code === '' ? t('notStated') : t(`respondentKinds.${code}`, { defaultValue: code });
  // Made once per kind and party: i18next's t() with a placeholder costs tens of microseconds, and
  // a column of 5,000 rows has a handful of distinct respondents.
  const respondents = new Map<string, string>();
  const respondent = (s: SubmissionSummaryView): string => {
    const key = `${s.respondentKind}\u0000${s.respondentParty}`;
    let text = respondents.get(key);
    if (text === undefined) {
      text = respondentWords(s);
      respondents.set(key, text);
    }
    return text;
  };
  const respondentWords = (s: SubmissionSummaryView): string =>
    (s.respondentKind === 'state' || s.respondentKind === 'organisation') && s.respondentParty !== ''
      ? t(`respondent.${s.respondentKind}`, { party: s.respondentParty })
      : s.respondentKind === 'state' || s.respondentKind === 'organisation'
        ? respondentKind(s.respondentKind)
        : s.respondentKind === 'secretariat'
          ? t('respondent.secretariat')
          : t('respondent.unknown');
  const statuses = new Map<string, string>();
  const status = (code: string): string =>
    statuses.get(code) ?? statuses.set(code, t(`statuses.${code}`, { defaultValue: code })).get(code) ?? code;
  const reviewStates = new Map<string, string>();
  const reviewState = (code: string): string =>
    reviewStates.get(code) ??
    reviewStates.set(code, t(`reviewStates.${code}`, { defaultValue: code })).get(code) ??
    code;
  return { loadedOf, mechanism, mechanismChoice, mechanismKind, respondentKind, respondent, status, reviewState };
}
export type AnalystWords = ReturnType<typeof analystWords>;

const otherText = (responses: Record<string, unknown>, id: string): string | undefined => {
  const texts = responses._other;
  const text = typeof texts === 'object' && texts !== null ? (texts as Record<string, unknown>)[id] : undefined;
  return typeof text === 'string' ? text : undefined;
};

/** One answer as a cell: its words in the UI language, and a sort key (numbers as numbers, dates as ISO text). */
export function answerCell(
  loaded: LoadedQuestionnaire | undefined,
  node: QuestionNode | undefined,
  responses: Record<string, unknown>,
  lang: Language,
): Cell {
  if (!loaded || !node || !(node.id in responses)) return { text: '', sort: null };
  const value = responses[node.id] as AnswerValue;
  const text = formatAnswer(loaded, node, value, lang, otherText(responses, node.id));
  if (text === '') return { text, sort: null };
  if (NUMERIC.has(node.question.type) && typeof value === 'number') return { text, sort: value };
  if (node.question.type === 'date' && typeof value === 'string') return { text, sort: value };
  return { text, sort: text };
}

export function cellOf(row: AnalystRow, column: string, words: AnalystWords, lang: Language): Cell {
  const s = row.summary;
  if (column.startsWith(QUESTION_PREFIX)) {
    const loaded = words.loadedOf(s);
    return answerCell(loaded, loaded?.questions.get(column.slice(QUESTION_PREFIX.length)), row.responses, lang);
  }
  switch (column as FixedColumn) {
    case 'mechanism': {
      const text = words.mechanism(s);
      return { text, sort: text };
    }
    case 'mechanismKind': {
      const text = words.mechanismKind(s.mechanismKind);
      return { text, sort: text };
    }
    case 'respondent': {
      const text = words.respondent(s);
      return { text, sort: text };
    }
    case 'revision':
      return { text: formatNumber(lang, s.revision), sort: s.revision };
    case 'status': {
      const text = words.status(s.status);
      return { text, sort: text };
    }
    case 'review': {
      const text = words.reviewState(s.reviewState);
      return { text, sort: text };
    }
    case 'version':
      return { text: s.questionnaireVersion, sort: s.questionnaireVersion };
    case 'signer':
      return { text: s.signerName, sort: s.signerName };
    case 'finalized':
      return { text: formatCalendarDate(lang, s.finalizedAt.slice(0, 10)), sort: s.finalizedAt };
    case 'imported':
      return { text: formatCalendarDate(lang, s.importedAt.slice(0, 10)), sort: s.importedAt };
    default:
      return { text: '', sort: null };
  }
}

export const factsOf = (row: AnalystRow): RowFacts => ({
  mechanism: row.summary.mechanism,
  mechanismKind: row.summary.mechanismKind,
  respondentKind: row.summary.respondentKind,
  questionnaireVersion: row.summary.questionnaireVersion,
  status: row.summary.status,
  importedOn: row.summary.importedAt.slice(0, 10),
  reviewState: row.summary.reviewState,
});

/**
 * What a search looks through besides the written answers (which main folds once, at import:
 * `row.answersText`): the row's words in the reader's language, one per line.
 */
export function searchTextOf(row: AnalystRow, words: AnalystWords): string {
  const s = row.summary;
  return [words.mechanism(s), words.mechanismKind(s.mechanismKind), words.respondent(s), s.signerName, s.fileName].join('\n');
}
