import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../core/answers/value.js';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire, QuestionNode } from '../../core/questionnaire/index.js';
import { choiceLabel, textIn } from '../questionnaire/labels.js';
import { formatAnswer } from './format-answer.js';

interface Props {
  readonly loaded: LoadedQuestionnaire;
  readonly node: QuestionNode;
  readonly value: AnswerValue;
  readonly lang: Language;
  readonly otherText?: string | undefined;
}

/** The answered rows of a matrix, each with its chosen scale value, in the questionnaire's row order. */
export function matrixRows(loaded: LoadedQuestionnaire, node: QuestionNode, value: AnswerValue, lang: Language): { row: string; answer: string }[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const answers = value as Readonly<Record<string, unknown>>;
  return (node.rows ?? []).flatMap((r) => {
    const chosen = answers[r.value];
    return typeof chosen === 'string' && chosen !== '' ? [{ row: textIn(loaded, r.label, lang), answer: choiceLabel(loaded, node.choices, chosen, lang) }] : [];
  });
}

/**
 * One answer in the review, on screen and on paper, shaped like what it is: a matrix as a
 * table (its rows, each with the chosen value under a column header), several choices or
 * files as a list, anything else as the text `formatAnswer` gives. A run-on
 * "Networking: High; Data: Low" line is unreadable once printed.
 */
export function ReviewAnswer({ loaded, node, value, lang, otherText }: Props) {
  const { t } = useTranslation('fields');
  const label = textIn(loaded, node.question.label, lang);
  if (node.question.type === 'matrix') {
    const rows = matrixRows(loaded, node, value, lang);
    if (rows.length === 0) return null;
    return (
      <table className="review-matrix" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('matrixItem')}</th>
            <th scope="col">{node.question.scale === 'agreement' ? t('matrixAgreement') : t('matrixImpact')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row}>
              <th scope="row">{r.row}</th>
              <td>{r.answer}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (Array.isArray(value) && value.length > 0) {
    // Each item alone, formatted exactly as the one-line text would show it.
    const items = (value as readonly unknown[]).map((item) => formatAnswer(loaded, node, [item] as AnswerValue, lang, otherText));
    return (
      <ul className="review-choices">
        {items.map((text, i) => (
          <li key={`${String(i)}-${text}`}>{text}</li>
        ))}
      </ul>
    );
  }
  return <>{formatAnswer(loaded, node, value, lang, otherText)}</>;
}
