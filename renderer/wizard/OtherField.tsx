import { useEffect, useState } from 'react';
import { useFieldSession } from '../draft/session-context.js';
import { useFieldMessage } from './use-field-message.js';
import { fieldDomId } from './problems.js';
import { useAnswerField } from './use-answer-field.js';

/** The "Other (specify)" text, stored at `<path>.other`; shown only while "Other" is chosen. */
export function OtherField({ path, name, questionLabel }: { path: string; name: string; questionLabel: string }) {
  const session = useFieldSession();
  const { t } = session;
  const otherPath = `${path}.other`;
  const { value, change } = useAnswerField(otherPath, name);
  const [touched, setTouched] = useState(false);
  const message = useFieldMessage(session.errors, name);
  const id = fieldDomId(otherPath);
  const errorId = `${id}-error`;
  const text = typeof value === 'string' ? value : '';
  const shown = message !== undefined && (touched || session.showAll) ? message : undefined;
  const { announce } = session;
  useEffect(() => {
    if (shown) announce(`${questionLabel}: ${shown}`);
  }, [shown, questionLabel, announce]);
  return (
    <div className="field other-field">
      <label htmlFor={id}>
        {t('field.otherSpecify')} <span className="visually-hidden">({questionLabel})</span>
      </label>
      <input
        id={id}
        type="text"
        value={text}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? errorId : undefined}
        onBlur={() => setTouched(true)}
        onChange={(e) => change(e.target.value === '' ? null : e.target.value, true)}
      />
      {shown && (
        <p id={errorId} className="field-error">
          {shown}
        </p>
      )}
    </div>
  );
}
