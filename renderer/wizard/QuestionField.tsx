import { memo, useState, type ComponentType } from 'react';
import { allowsOther, choosesOther, type QuestionNode, type QuestionType } from '../../core/questionnaire/index.js';
import { textIn } from '../questionnaire/labels.js';
import { AttachmentWidget } from '../widgets/AttachmentWidget.js';
import { ChoiceWidget } from '../widgets/ChoiceWidget.js';
import { DateWidget } from '../widgets/DateWidget.js';
import { MatrixWidget } from '../widgets/MatrixWidget.js';
import { MultiChoiceWidget } from '../widgets/MultiChoiceWidget.js';
import { NumberWidget } from '../widgets/NumberWidget.js';
import { TextWidget } from '../widgets/TextWidget.js';
import type { WidgetProps } from '../widgets/types.js';
import { useFieldSession } from './field-session.js';
import { FieldMessage } from '../components/FieldMessage.js';
import { HistoryDialog } from './HistoryDialog.js';
import { OtherField } from './OtherField.js';
import { fieldDomId, fieldMessage } from './problems.js';
import { useAnnounced } from './use-announced.js';
import { useAnswerField } from './use-answer-field.js';

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

interface Props {
  readonly node: QuestionNode;
  /** Answer path, e.g. `q` or `group[row].q`. */
  readonly path: string;
  readonly required: boolean;
}

/**
 * One question: its widget, help, the engine's message for its answer, the "Other" text when
 * chosen, and its history. Memoised: typing elsewhere never re-renders it.
 */
export const QuestionField = memo(function QuestionField({ node, path, required }: Props) {
  const session = useFieldSession();
  const { loaded, lang, strings, ui } = session;
  const { value, problems, change } = useAnswerField(path);
  const [historyOpen, setHistoryOpen] = useState(false);
  const q = node.question;
  const id = fieldDomId(path);
  const label = textIn(loaded, q.label, lang);
  const help = textIn(loaded, q.help, lang);
  const message = fieldMessage(problems, session.showAll);
  useAnnounced(label, message);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : undefined, message ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const Widget = WIDGETS[q.type];
  const description = help ? (
    <p id={helpId} className="help">
      {help}
    </p>
  ) : null;
  return (
    <div className={message ? 'question has-error' : 'question'}>
      <Widget
        node={node}
        path={path}
        id={id}
        label={label}
        required={required}
        description={description}
        describedBy={describedBy}
        invalid={message !== undefined}
        value={value}
        onChange={change}
      />
      <FieldMessage id={errorId} message={message} />
      {allowsOther(q) && choosesOther(value) && <OtherField path={path} questionLabel={label} />}
      <button type="button" className="history-button small" onClick={() => setHistoryOpen(true)} {...ui}>
        {strings.history}
        <span className="visually-hidden">
          : <span lang={lang}>{label}</span>
        </span>
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
