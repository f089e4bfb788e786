import { useEffect, useState } from 'react';
import { useController } from 'react-hook-form';
import { useFieldSession } from '../draft/session-context.js';
import { useFieldMessage } from './use-field-message.js';
import { fieldDomId } from './problems.js';

/** The "Other (specify)" text, stored at `<path>.other`; shown only while "Other" is chosen. */
export function OtherField({ path, name, questionLabel }: { path: string; name: string; questionLabel: string }) {
  const session = useFieldSession();
  const { t } = session;
  const { field } = useController({ name, control: session.control });
  const [touched, setTouched] = useState(false);
  const message = useFieldMessage(session.errors, name);
  const otherPath = `${path}.other`;
  const id = fieldDomId(otherPath);
  const errorId = `${id}-error`;
  const text = typeof field.value === 'string' ? field.value : '';
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
        onBlur={() => {
          setTouched(true);
          field.onBlur();
        }}
        onChange={(e) => {
          const value = e.target.value === '' ? null : e.target.value;
          field.onChange(value);
          session.errors.clear(name);
          session.answer(otherPath, value, true);
          session.validate();
        }}
      />
      {shown && (
        <p id={errorId} className="field-error">
          {shown}
        </p>
      )}
    </div>
  );
}
