import { useState } from 'react';
import { otherPath } from '../../core/answers/path.js';
import { useFieldSession } from './field-session.js';
import { FieldMessage } from '../components/FieldMessage.js';
import { fieldDomId, fieldMessage } from './problems.js';
import { useAnnounced } from './use-announced.js';
import { useAnswerField } from './use-answer-field.js';

/**
 * The "Other (specify)" text, stored at the question's other-path; shown only while "Other"
 * is chosen. Its message waits until the box has been left once (or the review asks): choosing
 * "Other" must not be answered at once by "please specify".
 */
export function OtherField({ path, questionLabel }: { path: string; questionLabel: string }) {
  const { t, showAll, ui, lang } = useFieldSession();
  const textPath = otherPath(path);
  const { value, problems, change } = useAnswerField(textPath);
  const [touched, setTouched] = useState(false);
  const message = touched || showAll ? fieldMessage(problems, true) : undefined;
  useAnnounced(questionLabel, message);
  const id = fieldDomId(textPath);
  const errorId = `${id}-error`;
  return (
    <div className="field other-field">
      <label htmlFor={id} {...ui}>
        {t('field.otherSpecify')}{' '}
        <span className="visually-hidden" lang={lang}>
          ({questionLabel})
        </span>
      </label>
      <input
        id={id}
        type="text"
        value={typeof value === 'string' ? value : ''}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? errorId : undefined}
        onBlur={() => setTouched(true)}
        onChange={(e) => change(e.target.value === '' ? null : e.target.value, true)}
      />
      <FieldMessage id={errorId} message={message} />
    </div>
  );
}
