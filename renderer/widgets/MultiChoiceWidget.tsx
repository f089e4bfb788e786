import { toggleChoice } from '../../core/questionnaire/index.js';
import { useFieldSession } from '../wizard/field-session.js';
import { textIn } from '../questionnaire/labels.js';
import { LabelText } from './LabelText.js';
import type { WidgetProps } from './types.js';

/** Several answers from a list: a group of checkboxes; the order of the list is kept. */
export function MultiChoiceWidget(props: WidgetProps) {
  const { loaded, lang, changeItem } = useFieldSession();
  const choices = props.node.choices ?? [];
  const selected = Array.isArray(props.value) ? (props.value as readonly unknown[]).filter((v): v is string => typeof v === 'string') : [];
  // Core decides the new selection: an exclusive answer ("None") clears the others, and back. It is
  // saved as the tick itself, which the host applies to the stored answer: another window's ticks stay.
  const toggle = (choice: string, on: boolean) =>
    changeItem(props.path, toggleChoice(choices, selected, choice, on), { op: on ? 'add' : 'remove', value: choice });
  return (
    <fieldset className="choice-group" aria-describedby={props.describedBy}>
      <legend>
        <LabelText label={props.label} required={props.required} />
      </legend>
      {props.description}
      {choices.map((c, i) => (
        <label key={c.value} className="choice">
          <input
            type="checkbox"
            id={i === 0 ? props.id : `${props.id}-${c.value}`}
            value={c.value}
            checked={selected.includes(c.value)}
            aria-invalid={props.invalid || undefined}
            onChange={(e) => toggle(c.value, e.target.checked)}
          />
          <span>{textIn(loaded, c.label, lang)}</span>
        </label>
      ))}
    </fieldset>
  );
}
