import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../core/answers/value.js';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { Item, LoadedQuestionnaire, NestedAnswers, Section } from '../../core/questionnaire/index.js';
import { formatNumber } from '../i18n/format.js';
import { textIn } from '../questionnaire/labels.js';
import { ReviewAnswer } from './ReviewAnswer.js';

interface Props {
  readonly loaded: LoadedQuestionnaire;
  readonly section: Section;
  readonly response: NestedAnswers;
  readonly lang: Language;
}

const otherOf = (target: Record<string, unknown>, id: string): string | undefined => {
  const texts = target._other;
  const text = typeof texts === 'object' && texts !== null ? (texts as Record<string, unknown>)[id] : undefined;
  return typeof text === 'string' ? text : undefined;
};

/** One section's answers from the response that will be signed: label, then the answer. */
export function ReviewSection({ loaded, section, response, lang }: Props) {
  const { t } = useTranslation();
  const pairs = (items: readonly Item[], source: Record<string, unknown>, key: string): ReactElement[] =>
    items.flatMap((item) => {
      if (item.type === 'note') return [];
      if (item.type === 'group') {
        if (item.repeat !== true) return pairs(item.items, source, `${key}-${item.id}`);
        const rows = Array.isArray(source[item.id]) ? (source[item.id] as Record<string, unknown>[]) : [];
        if (rows.length === 0) return [];
        return [
          <div key={`${key}-${item.id}`} className="review-group">
            <dt>{textIn(loaded, item.label, lang)}</dt>
            <dd>
              {rows.map((row, i) => (
                <div key={String(row._row)} className="review-row">
                  <p className="review-row-title">{t('review.row', { n: formatNumber(lang, i + 1) })}</p>
                  <dl>{pairs(item.items, row, `${key}-${String(row._row)}`)}</dl>
                </div>
              ))}
            </dd>
          </div>,
        ];
      }
      const node = loaded.questions.get(item.id);
      if (!node || !(item.id in source)) return [];
      return [
        <div key={`${key}-${item.id}`} className="review-pair">
          <dt>{textIn(loaded, node.question.label, lang)}</dt>
          <dd>
            <ReviewAnswer loaded={loaded} node={node} value={source[item.id] as AnswerValue} lang={lang} otherText={otherOf(source, item.id)} />
          </dd>
        </div>,
      ];
    });
  const content = pairs(section.items, response, section.id);
  return content.length === 0 ? <p className="muted">{t('review.noAnswers')}</p> : <dl className="review-list">{content}</dl>;
}
