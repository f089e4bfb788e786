import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.js';
import type { AnalystData } from './analyst-model.js';
import type { AnalystWords } from './submission-columns.js';
import type { TableFilter } from './table-model.js';

const STATUSES = ['current', 'superseded', 'withdrawn'] as const;
/** ODK Central's review states, in the order a review moves through them. */
const REVIEW_STATES = ['received', 'has_issues', 'approved', 'rejected'] as const;

/** The distinct values of the rows, each with its words, in the order of the words. */
function optionsOf(values: Iterable<[string, string]>, lang: string): [string, string][] {
  const collator = new Intl.Collator(lang, { numeric: true });
  return [...new Map(values)].sort((a, b) => collator.compare(a[1], b[1]));
}

/** The table's filters: status, mechanism, its kind, respondent, questionnaire version, import dates, and a text search. */
export function FilterBar({ data, words, filter, onChange }: { data: AnalystData; words: AnalystWords; filter: TableFilter; onChange: (filter: TableFilter) => void }) {
  const { t } = useTranslation('analyst');
  const lang = useLanguage();
  const helpId = useId();
  const rows = data.rows.map((r) => r.summary);
  // "Other" mechanisms are one choice here, under the questionnaire's word for it; the table shows their own names.
  const mechanisms = optionsOf(rows.map((s) => [s.mechanism, words.mechanismChoice(s.mechanism)]), lang);
  const kinds = optionsOf(rows.map((s) => [s.mechanismKind, words.mechanismKind(s.mechanismKind)]), lang);
  const respondents = optionsOf(rows.map((s) => [s.respondentKind, words.respondentKind(s.respondentKind)]), lang);
  const versions = optionsOf(rows.map((s) => [s.questionnaireVersion, s.questionnaireVersion]), lang);
  const set = (key: keyof TableFilter, value: string) => onChange({ ...filter, [key]: value === '' ? undefined : value });
  const select = (key: keyof TableFilter, label: string, options: readonly (readonly [string, string])[], any = t('table.any')) => (
    <label className="field">
      <span>{label}</span>
      <select value={filter[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
        <option value="">{any}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="analyst-filters">
      <legend>{t('table.filters')}</legend>
      <label className="field">
        <span>{t('table.status')}</span>
        <select value={filter.status ?? 'all'} onChange={(e) => set('status', e.target.value)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {words.status(s)}
            </option>
          ))}
          <option value="all">{t('table.allRevisions')}</option>
        </select>
      </label>
      {select('mechanism', t('table.mechanism'), mechanisms)}
      {select('mechanismKind', t('table.mechanismKind'), kinds)}
      {select('respondentKind', t('table.respondent'), respondents)}
      {select('questionnaireVersion', t('table.version'), versions)}
      {select('reviewState', t('review.filter'), REVIEW_STATES.map((state) => [state, words.reviewState(state)] as const))}
      <label className="field">
        <span>{t('table.importedFrom')}</span>
        <input type="date" value={filter.importedFrom ?? ''} onChange={(e) => set('importedFrom', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('table.importedTo')}</span>
        <input type="date" value={filter.importedTo ?? ''} onChange={(e) => set('importedTo', e.target.value)} />
      </label>
      <label className="field analyst-search">
        <span>{t('table.search')}</span>
        <input type="search" value={filter.search ?? ''} aria-describedby={helpId} onChange={(e) => set('search', e.target.value)} />
        <span id={helpId} className="help">
          {t('table.searchHelp')}
        </span>
      </label>
      <div className="field analyst-clear">
        <button type="button" onClick={() => onChange({ status: 'current' })}>
          {t('table.clear')}
        </button>
      </div>
    </fieldset>
  );
}
