import { useFieldSession } from '../wizard/field-session.js';
import { textIn } from '../questionnaire/labels.js';
import { LabelText } from './LabelText.js';
import type { WidgetProps } from './types.js';

/**
 * Rows × scale: a table whose every row is a radio group. Each radio is named by its row and
 * its column, so a screen reader says "Networking: High" rather than just "High".
 */
export function MatrixWidget(props: WidgetProps) {
  const { loaded, lang } = useFieldSession();
  const rows = props.node.rows ?? [];
  const scale = props.node.choices ?? [];
  const current: Readonly<Record<string, string>> =
    props.value !== null && typeof props.value === 'object' && !Array.isArray(props.value) ? (props.value) : {};
  const captionId = `${props.id}-caption`;
  return (
    <div className="field matrix" role="group" aria-labelledby={captionId} aria-describedby={props.describedBy}>
      <p id={captionId} className="matrix-label">
        <LabelText label={props.label} required={props.required} />
      </p>
      {props.description}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <td />
              {scale.map((c) => (
                <th key={c.value} scope="col">
                  {textIn(loaded, c.label, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const rowLabel = textIn(loaded, row.label, lang);
              return (
                <tr key={row.value}>
                  <th scope="row">{rowLabel}</th>
                  {scale.map((c, i) => (
                    <td key={c.value}>
                      <input
                        type="radio"
                        id={r === 0 && i === 0 ? props.id : `${props.id}-${row.value}-${c.value}`}
                        name={`${props.id}-${row.value}`}
                        aria-label={`${rowLabel}: ${textIn(loaded, c.label, lang)}`}
                        checked={current[row.value] === c.value}
                        aria-invalid={props.invalid || undefined}
                        onChange={() => props.onChange({ ...current, [row.value]: c.value })}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
