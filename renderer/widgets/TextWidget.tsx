import { useFieldSession } from '../wizard/field-session.js';
import { formatNumber } from '../i18n/format.js';
import { LabelText } from './LabelText.js';
import type { WidgetProps } from './types.js';

/** Short and long text; a long text with a maximum shows how many characters are used. */
export function TextWidget(props: WidgetProps) {
  const { t, uiLang, ui } = useFieldSession();
  const q = props.node.question;
  const text = typeof props.value === 'string' ? props.value : '';
  // A counter helps where texts get long; a short text's limit is reported by validation.
  const maxLength = q.type === 'long_text' ? q.maxLength : undefined;
  const counterId = `${props.id}-count`;
  const describedBy = [props.describedBy, maxLength !== undefined ? counterId : undefined].filter(Boolean).join(' ') || undefined;
  const common = {
    id: props.id,
    value: text,
    'aria-describedby': describedBy,
    'aria-invalid': props.invalid || undefined,
    'aria-required': props.required || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={props.id}>
        <LabelText label={props.label} required={props.required} />
      </label>
      {props.description}
      {q.type === 'long_text' ? (
        <textarea {...common} rows={4} onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value, true)} />
      ) : (
        <input {...common} type="text" onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value, true)} />
      )}
      {maxLength !== undefined && (
        <span id={counterId} className={text.length > maxLength ? 'counter over' : 'counter'} {...ui}>
          {t('field.chars', { count: formatNumber(uiLang, text.length), max: formatNumber(uiLang, maxLength) })}
        </span>
      )}
    </div>
  );
}
