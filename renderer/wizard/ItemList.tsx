import { answerPath, type RowRef } from '../../core/answers/path.js';
import { type Evaluation, type Item, nodeAsShown } from '../../core/questionnaire/index.js';
import { useFieldSession } from './field-session.js';
import { textIn } from '../questionnaire/labels.js';
import { CalculatedField } from './CalculatedField.js';
import { QuestionField } from './QuestionField.js';
import { RepeatGroup } from './RepeatGroup.js';

/**
 * The relevant items of a section, group or repeat row, in order. Skip logic is live:
 * an item whose `relevant` turns false is not rendered (its answer stays in the draft).
 */
export function ItemList({ items, evaluation, row, headingLevel }: { items: readonly Item[]; evaluation: Evaluation; row?: RowRef; headingLevel: 2 | 3 | 4 }) {
  const { loaded, lang } = useFieldSession();
  return (
    <>
      {items.map((item) => {
        const path = answerPath(item.id, row);
        if (!evaluation.isRelevant(path)) return null;
        if (item.type === 'note') {
          return (
            <div key={item.id} className="note">
              <p>{textIn(loaded, item.label, lang)}</p>
              {item.help && <p className="help">{textIn(loaded, item.help, lang)}</p>}
            </div>
          );
        }
        if (item.type === 'group') {
          if (item.repeat === true) return <RepeatGroup key={item.id} group={item} evaluation={evaluation} headingLevel={headingLevel} />;
          const Heading = `h${String(headingLevel)}` as 'h2';
          return (
            <section key={item.id} className="group" aria-labelledby={`group-${item.id}`}>
              <Heading id={`group-${item.id}`}>{textIn(loaded, item.label, lang)}</Heading>
              {item.help && <p className="help">{textIn(loaded, item.help, lang)}</p>}
              <ItemList items={item.items} evaluation={evaluation} headingLevel={headingLevel === 2 ? 3 : 4} {...(row ? { row } : {})} />
            </section>
          );
        }
        const node = loaded.questions.get(item.id);
        if (!node) return null;
        if (node.calculate) return <CalculatedField key={item.id} node={node} path={path} value={evaluation.calculated.get(path) ?? null} />;
        // With a choiceFilter, the widget draws the choices offered at this path (core's nodeAsShown).
        const shown = nodeAsShown(node, evaluation.offered.get(path), evaluation.values.get(path) ?? null);
        return <QuestionField key={item.id} node={shown} path={path} required={evaluation.required.get(path) === true} />;
      })}
    </>
  );
}
