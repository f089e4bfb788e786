import { useEffect, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { groupQuestions, type Evaluation, type Group } from '../../core/questionnaire/index.js';
import { useFieldSession } from '../draft/session-context.js';
import { textIn } from '../questionnaire/labels.js';
import { fieldDomId } from './problems.js';
import { RepeatRow } from './RepeatRow.js';

const rowIdOf = (row: unknown): string => String((row as { _row?: unknown })._row);

/**
 * A repeat group (achievements, partners): rows with stable ids that can be added, removed
 * (after confirming) and moved. The group's own answer is the ordered list of row ids; a
 * row's answers live at `group[rowId].q`, so moving or removing a row never touches another's.
 */
export function RepeatGroup({ group, evaluation, headingLevel }: { group: Group; evaluation: Evaluation; headingLevel: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const session = useFieldSession();
  const { loaded, lang } = session;
  const { fields, append, remove, move } = useFieldArray({ control: session.control, name: group.id, keyName: 'key' });
  const [focusTarget, setFocusTarget] = useState<string | undefined>();
  const ids = fields.map(rowIdOf);
  const label = textIn(loaded, group.label, lang);
  const problems = evaluation.problems.filter((p) => p.path === group.id);
  const full = group.maxRows !== undefined && fields.length >= group.maxRows;

  useEffect(() => {
    if (!focusTarget) return;
    const target = document.getElementById(focusTarget);
    if (target instanceof HTMLButtonElement && target.disabled) target.closest('section')?.querySelector<HTMLElement>('[data-row-heading]')?.focus();
    else target?.focus();
    setFocusTarget(undefined);
  }, [focusTarget, fields]);

  const saveOrder = (next: readonly string[]) => {
    session.answer(group.id, [...next]);
    void session.flush();
  };
  const add = () => {
    const rowId = crypto.randomUUID();
    const empty = Object.fromEntries(groupQuestions(loaded, group.id).map((q) => [q.id, null]));
    append({ _row: rowId, _other: {}, ...empty }, { shouldFocus: false });
    saveOrder([...ids, rowId]);
    setFocusTarget(`row-${rowId}`);
  };
  const Heading = `h${String(headingLevel)}` as 'h2';
  const rowLevel = headingLevel === 2 ? 3 : 4;
  return (
    <section className="repeat-group" aria-labelledby={`group-${group.id}`}>
      <Heading id={`group-${group.id}`}>{textIn(loaded, group.label, lang)}</Heading>
      {group.help && <p className="help">{textIn(loaded, group.help, lang)}</p>}
      {fields.length === 0 && <p className="muted">{t('repeat.none')}</p>}
      {fields.map((f, index) => (
        <RepeatRow
          key={f.key}
          group={group}
          rowId={rowIdOf(f)}
          index={index}
          count={fields.length}
          evaluation={evaluation}
          headingLevel={rowLevel}
          onMove={(to) => {
            const next = [...ids];
            const [moved] = next.splice(index, 1);
            if (moved !== undefined) next.splice(to, 0, moved);
            move(index, to);
            saveOrder(next);
            setFocusTarget(`${rowIdOf(f)}-${to < index ? 'up' : 'down'}`);
          }}
          onRemove={() => {
            remove(index);
            saveOrder(ids.filter((_, i) => i !== index));
            setFocusTarget(fieldDomId(group.id));
          }}
        />
      ))}
      {problems.map((p) => (
        <p key={p.code} className="field-error" id={`${fieldDomId(group.id)}-error`}>
          {p.message}
        </p>
      ))}
      <button type="button" id={fieldDomId(group.id)} onClick={add} disabled={full} aria-label={t('repeat.addTo', { label })}>
        {t('repeat.add')}
      </button>
    </section>
  );
}
