import { useFieldSession } from '../wizard/field-session.js';
import { numberInputText, parseNumberInput } from '../fields/number-input.js';
import { LabelText } from './LabelText.js';
import type { WidgetProps } from './types.js';
import { useTypedState } from './use-typed-state.js';

/**
 * Integer, decimal and year: typed as text (so "1." or "-" can be on the way to a number),
 * stored as numbers. What is on screen is the user's own text; a value set from outside
 * (restored from history) replaces it.
 */
export function NumberWidget(props: WidgetProps) {
  const { lang } = useFieldSession();
  const kind = props.node.question.type === 'decimal' ? 'decimal' : props.node.question.type === 'year' ? 'year' : 'integer';
  const integer = kind !== 'decimal';
  const [text, setText] = useTypedState(props.value, (value) => numberInputText(value, lang, kind));
  return (
    <div className="field">
      <label htmlFor={props.id}>
        <LabelText label={props.label} required={props.required} />
      </label>
      {props.description}
      <input
        id={props.id}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        className="number-input"
        dir="ltr"
        value={text}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        aria-required={props.required || undefined}
        onChange={(e) => {
          const value = parseNumberInput(e.target.value, lang, kind);
          setText(e.target.value, value);
          props.onChange(value, true);
        }}
      />
    </div>
  );
}
