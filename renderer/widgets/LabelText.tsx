import { useFieldSession } from '../wizard/field-session.js';
import type { LabelTextProps } from './types.js';

export function LabelText({ label, required }: LabelTextProps) {
  const { strings, ui } = useFieldSession();
  return (
    <>
      {label}
      {required && (
        <span className="required-mark">
          {' '}
          <span aria-hidden="true">*</span>
          <span className="visually-hidden" {...ui}>
            ({strings.required})
          </span>
        </span>
      )}
    </>
  );
}
