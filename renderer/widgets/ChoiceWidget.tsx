import { useFieldSession } from '../wizard/field-session.js';
import { textIn } from '../questionnaire/labels.js';
import { LabelText } from './LabelText.js';
import type { WidgetProps } from './types.js';

/**
 * One answer from a list: a radio group (fieldset and legend) or, when the questionnaire
 * asks for a dropdown, a select. Also yes/no/don't know and the agreement and impact scales.
 */
export function ChoiceWidget(props: WidgetProps) {
  const { loaded, lang, strings, ui } = useFieldSession();
  const q = props.node.question;
  const choices = props.node.choices ?? [];
  const value = typeof props.value === 'string' ? props.value : '';
  if (q.type === 'single_choice' && q.appearance === 'dropdown') {
    return (
      <div className="field">
        <label htmlFor={props.id}>
          <LabelText label={props.label} required={props.required} />
        </label>
        {props.description}
        <select
          id={props.id}
          value={value}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid || undefined}
          aria-required={props.required || undefined}
          onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
        >
          <option value="" lang={ui.lang}>
            {strings.choose}
          </option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {textIn(loaded, c.label, lang)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const scale = q.type !== 'single_choice';
  return (
    <fieldset className={scale ? 'choice-group scale' : 'choice-group'} aria-describedby={props.describedBy}>
      <legend>
        <LabelText label={props.label} required={props.required} />
      </legend>
      {props.description}
      {choices.map((c, i) => (
        <label key={c.value} className="choice">
          <input
            type="radio"
            id={i === 0 ? props.id : `${props.id}-${c.value}`}
            name={props.id}
            value={c.value}
            checked={value === c.value}
            aria-invalid={props.invalid || undefined}
            onChange={() => props.onChange(c.value)}
          />
          <span>{textIn(loaded, c.label, lang)}</span>
        </label>
      ))}
    </fieldset>
  );
}
