import { memo, useEffect, useState, type ComponentType } from 'react';
import { useFieldMessage } from './use-field-message.js';
import type { QuestionNode, QuestionType } from '../../core/questionnaire/index.js';
import { useFieldSession } from '../draft/session-context.js';
import { textIn } from '../questionnaire/labels.js';
import { AttachmentWidget } from '../widgets/AttachmentWidget.js';
import { ChoiceWidget } from '../widgets/ChoiceWidget.js';
import { DateWidget } from '../widgets/DateWidget.js';
import { MatrixWidget } from '../widgets/MatrixWidget.js';
import { MultiChoiceWidget } from '../widgets/MultiChoiceWidget.js';
import { NumberWidget } from '../widgets/NumberWidget.js';
import { TextWidget } from '../widgets/TextWidget.js';
import type { WidgetProps } from '../widgets/types.js';
import { HistoryDialog } from './HistoryDialog.js';
import { OtherField } from './OtherField.js';
import { useAnswerField } from './use-answer-field.js';
import { fieldDomId } from './problems.js';

const WIDGETS: Readonly<Record<QuestionType, ComponentType<WidgetProps>>> = {
  text: TextWidget,
  long_text: TextWidget,
  integer: NumberWidget,
  decimal: NumberWidget,
  year: NumberWidget,
  date: DateWidget,
  single_choice: ChoiceWidget,
  yes_no_dont_know: ChoiceWidget,
  agreement_scale: ChoiceWidget,
  impact_scale: ChoiceWidget,
  multiple_choice: MultiChoiceWidget,
  matrix: MatrixWidget,
  attachment: AttachmentWidget,
};

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const choosesOther = (v: unknown): boolean => v === 'other' || (Array.isArray(v) && v.includes('other'));

interface Props {
  readonly node: QuestionNode;
  /** Answer path, e.g. `q` or `group[row].q`. */
  readonly path: string;
  /** Form field name, e.g. `q` or `group.2.q`. */
  readonly name: string;
  readonly otherName: string;
  readonly required: boolean;
}

/**
 * One question: its widget, help, error (once the answer is validated, or every error when asked), the "Other" text when chosen, and its history. Memoised: typing elsewhere never
 * re-renders it.
 */
export const QuestionField = memo(function QuestionField({ node, path, name, otherName, required }: Props) {
  const session = useFieldSession();
  const { loaded, lang, announce, strings } = session;
  const { value, change } = useAnswerField(path, name);
  const message = useFieldMessage(session.errors, name);
  const [historyOpen, setHistoryOpen] = useState(false);
  const q = node.question;
  const id = fieldDomId(path);
  const label = textIn(loaded, q.label, lang);
  const help = textIn(loaded, q.help, lang);
  // An answer's own problem shows once validated; a missing answer only when asked (a link from
  // the review), so leaving a field empty never pushes the next one away from under the pointer.
  const shown = message !== undefined && (session.showAll || !isBlank(value)) ? message : undefined;
  useEffect(() => {
    if (shown) announce(`${label}: ${shown}`);
  }, [shown, label, announce]);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : undefined, shown ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const Widget = WIDGETS[q.type];
  const description = help ? (
    <p id={helpId} className="help">
      {help}
    </p>
  ) : null;
  const hasOther = (q.type === 'single_choice' || q.type === 'multiple_choice') && q.other === true;
  return (
    <div className={shown ? 'question has-error' : 'question'}>
      <Widget
        node={node}
        path={path}
        id={id}
        label={label}
        required={required}
        description={description}
        describedBy={describedBy}
        invalid={shown !== undefined}
        value={value}
        onChange={change}
      />
      {shown && (
        <p id={errorId} className="field-error">
          {shown}
        </p>
      )}
      {hasOther && choosesOther(value) && <OtherField path={path} name={otherName} questionLabel={label} />}
      <button type="button" className="history-button small" onClick={() => setHistoryOpen(true)}>
        {strings.history}
        <span className="visually-hidden">: {label}</span>
      </button>
      {historyOpen && (
        <HistoryDialog
          node={node}
          path={path}
          label={label}
          current={value}
          onRestore={(v) => {
            change(v);
            void session.flush();
          }}
          onClose={() => setHistoryOpen(false)}
        />
      )}
    </div>
  );
});
