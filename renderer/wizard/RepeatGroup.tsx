import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storedRowIds } from '../../core/answers/value.js';
import type { Evaluation, Group } from '../../core/questionnaire/index.js';
import { textIn } from '../questionnaire/labels.js';
import { useFieldSession } from './field-session.js';
import { FieldMessage } from '../components/FieldMessage.js';
import { fieldDomId, fieldMessage } from './problems.js';
import { RepeatRow } from './RepeatRow.js';
import { useAnswerField } from './use-answer-field.js';

/** The row ids after moving the row at `from` to `to`. */
function moved(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  const [row] = next.splice(from, 1);
  if (row !== undefined) next.splice(to, 0, row);
  return next;
}

/**
 * A repeat group (achievements, partners): rows with stable ids that can be added, removed
 * (after confirming) and moved. The rows come from the answer store: the group's own answer
 * is the ordered list of row ids, and a row's answers live at `group[rowId].q`, so moving or
 * removing a row never touches another's (a removed row's answers stay in the draft's history).
 */
export function RepeatGroup({ group, evaluation, headingLevel }: { group: Group; evaluation: Evaluation; headingLevel: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const { loaded, lang, flush, changeItem, ui } = useFieldSession();
  const { value, problems, change } = useAnswerField(group.id);
  const ids = useMemo(() => storedRowIds(value), [value]);
  const [focusTarget, setFocusTarget] = useState<string | undefined>();
  const label = textIn(loaded, group.label, lang);
  const message = fieldMessage(problems, true);
  const full = group.maxRows !== undefined && ids.length >= group.maxRows;
  const addId = fieldDomId(group.id);

  useEffect(() => {
    if (!focusTarget) return;
    const target = document.getElementById(focusTarget);
    if (target instanceof HTMLButtonElement && target.disabled) target.closest('section')?.querySelector<HTMLElement>('[data-row-heading]')?.focus();
    else target?.focus();
    setFocusTarget(undefined);
  }, [focusTarget, ids]);

  const saveOrder = (next: readonly string[], focus: string) => {
    change([...next]);
    void flush();
    setFocusTarget(focus);
  };
  // Adding and removing a row are saved as that one row, applied by the host to the stored list:
  // a row another window added meanwhile stays. Moving a row saves the whole order (a stale one is refused).
  const saveRow = (next: readonly string[], item: { op: 'add' | 'remove'; value: string }, focus: string) => {
    changeItem(group.id, [...next], item);
    void flush();
    setFocusTarget(focus);
  };
  const add = () => {
    const rowId = crypto.randomUUID();
    saveRow([...ids, rowId], { op: 'add', value: rowId }, `row-${rowId}`);
  };
  const Heading = `h${String(headingLevel)}` as 'h2';
  return (
    <section className="repeat-group" aria-labelledby={`group-${group.id}`}>
      <Heading id={`group-${group.id}`}>{label}</Heading>
      {group.help && <p className="help">{textIn(loaded, group.help, lang)}</p>}
      {ids.length === 0 && <p className="muted" {...ui}>
          {t('repeat.none')}
        </p>}
      {ids.map((rowId, index) => (
        <RepeatRow
          key={rowId}
          group={group}
          rowId={rowId}
          index={index}
          count={ids.length}
          evaluation={evaluation}
          headingLevel={headingLevel === 2 ? 3 : 4}
          onMove={(to) => saveOrder(moved(ids, index, to), `${rowId}-${to < index ? 'up' : 'down'}`)}
          onRemove={() => saveRow(ids.filter((id) => id !== rowId), { op: 'remove', value: rowId }, addId)}
        />
      ))}
      <FieldMessage id={`${addId}-error`} message={message} />
      <button type="button" id={addId} onClick={add} disabled={full} aria-label={t('repeat.addTo', { label })} aria-describedby={message ? `${addId}-error` : undefined} {...ui}>
        {t('repeat.add')}
      </button>
    </section>
  );
}
