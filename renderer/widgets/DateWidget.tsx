import { LabelText } from './LabelText.js';
import type { WidgetProps } from './types.js';

/** A calendar date, stored as YYYY-MM-DD (the browser's date input shows it in the user's locale). */
export function DateWidget(props: WidgetProps) {
  const q = props.node.question;
  const range = q.type === 'date' ? { min: q.min, max: q.max } : {};
  return (
    <div className="field">
      <label htmlFor={props.id}>
        <LabelText label={props.label} required={props.required} />
      </label>
      {props.description}
      <input
        id={props.id}
        type="date"
        className="date-input"
        value={typeof props.value === 'string' ? props.value : ''}
        {...range}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        aria-required={props.required || undefined}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      />
    </div>
  );
}
