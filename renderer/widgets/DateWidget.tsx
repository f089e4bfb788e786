import { useFieldSession } from '../wizard/field-session.js';
import { joinDate, monthNames, splitDate, type DateParts } from '../fields/date-parts.js';
import { LabelText } from './LabelText.js';
import type { WidgetProps } from './types.js';
import { useTypedState } from './use-typed-state.js';

/**
 * A calendar date as three boxes: day, month (named in the chosen language) and year, stored
 * as YYYY-MM-DD. Not the browser's date input: that one shows its format and calendar in the
 * computer's language, whatever the questionnaire's, and is awkward with a screen reader.
 */
export function DateWidget(props: WidgetProps) {
  const { t, lang, strings, ui } = useFieldSession();
  const months = monthNames(lang);
  const [parts, setParts] = useTypedState<DateParts>(props.value, splitDate);
  const change = (next: DateParts, typing: boolean) => {
    const value = joinDate(next);
    setParts(next, value);
    props.onChange(value, typing);
  };
  const common = { 'aria-invalid': props.invalid || undefined, 'aria-required': props.required || undefined };
  return (
    <fieldset className="choice-group date-group" aria-describedby={props.describedBy}>
      <legend>
        <LabelText label={props.label} required={props.required} />
      </legend>
      {props.description}
      <div className="date-parts">
        <label className="date-part">
          <span {...ui}>{t('field.day')}</span>
          <input id={props.id} type="text" inputMode="numeric" className="date-day" maxLength={2} dir="ltr" value={parts.day} {...common} onChange={(e) => change({ ...parts, day: e.target.value }, true)} />
        </label>
        <label className="date-part">
          <span {...ui}>{t('field.month')}</span>
          <select id={`${props.id}-month`} value={parts.month} {...common} onChange={(e) => change({ ...parts, month: e.target.value }, false)}>
            <option value="" lang={ui.lang}>
              {strings.choose}
            </option>
            {months.map((m) => (
              <option key={m.value} value={m.value}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="date-part">
          <span {...ui}>{t('field.year')}</span>
          <input id={`${props.id}-year`} type="text" inputMode="numeric" className="date-year" maxLength={4} dir="ltr" value={parts.year} {...common} onChange={(e) => change({ ...parts, year: e.target.value }, true)} />
        </label>
      </div>
    </fieldset>
  );
}
