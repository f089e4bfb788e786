import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/use-language.js';
import type { QuestionColumn } from './submission-columns.js';

/** Which questions' answers the table shows, ticked per section (in the questionnaire's order). */
export function ColumnChooser({ questions, chosen, onChange }: { questions: readonly QuestionColumn[]; chosen: readonly string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('analyst');
  const lang = useLanguage();
  // The boxes are drawn once opened: a hundred and more questions need not be in the page before.
  const [open, setOpen] = useState(false);
  const sections = open ? [...new Set(questions.map((q) => q.sectionTitle))] : [];
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    // Columns keep the questionnaire's order, whatever order they were ticked in.
    onChange(questions.filter((q) => next.has(q.id)).map((q) => q.id));
  };
  return (
    <details className="analyst-columns" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('table.chooseColumns', { count: formatNumber(lang, chosen.length) })}</summary>
      <p className="help">{t('table.chooseColumnsHelp')}</p>
      {sections.map((title) => (
        <fieldset key={title}>
          <legend>{title}</legend>
          {questions
            .filter((q) => q.sectionTitle === title)
            .map((q) => (
              <label key={q.id} className="analyst-column-choice">
                <input type="checkbox" checked={chosen.includes(q.id)} onChange={(e) => toggle(q.id, e.target.checked)} /> {q.label}
              </label>
            ))}
        </fieldset>
      ))}
    </details>
  );
}
