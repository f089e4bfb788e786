import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { LiveFieldMessage } from './LiveFieldMessage.js';
import { RequiredMark } from './RequiredMark.js';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  readonly id: string;
  readonly label: ReactNode;
  readonly registration: UseFormRegisterReturn;
  /** The field's message from the form's resolver, if any. */
  readonly error: string | undefined;
  /** Help under the field, read with it. */
  readonly help?: ReactNode;
}

/**
 * One text-like field of a react-hook-form form: its label, the registered input, help, and
 * its message, which the input names in aria-describedby and marks with aria-invalid.
 */
export function FormField({ id, label, registration, error, help, ...input }: Props) {
  const helpId = `${id}-help`;
  // Required is said with aria-required and a mark, never the `required` attribute (its browser bubble is not the app's words).
  const required = input['aria-required'] === true || input['aria-required'] === 'true';
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {/* dir="auto": an address or a name typed in Latin letters keeps its order in the Arabic interface. */}
      <input id={id} dir="auto" {...input} {...registration} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {help && (
        <span id={helpId} className="help">
          {help}
        </span>
      )}
      <LiveFieldMessage id={errorId} message={error} />
    </div>
  );
}
