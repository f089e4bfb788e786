import { memo } from 'react';
import type { AnswerValue } from '../../core/answers/value.js';
import type { QuestionNode } from '../../core/questionnaire/index.js';
import { useFieldSession } from './field-session.js';
import { textIn } from '../questionnaire/labels.js';
import { formatAnswer } from '../review/format-answer.js';
import { fieldDomId } from './problems.js';

/** A value the questionnaire calculates from other answers: shown, never typed. */
export const CalculatedField = memo(function CalculatedField({ node, path, value }: { node: QuestionNode; path: string; value: AnswerValue }) {
  const { loaded, lang, t, ui } = useFieldSession();
  const id = fieldDomId(path);
  const text = formatAnswer(loaded, node, value, lang);
  return (
    <div className="question calculated">
      <p className="calculated-label" id={`${id}-label`}>
        {textIn(loaded, node.question.label, lang)}
      </p>
      <output id={id} aria-labelledby={`${id}-label`} aria-describedby={`${id}-note`} tabIndex={-1}>
        {text || t('wizard.noValue')}
      </output>
      <p className="help" id={`${id}-note`} {...ui}>
        {t('wizard.calculated')}
      </p>
    </div>
  );
});
