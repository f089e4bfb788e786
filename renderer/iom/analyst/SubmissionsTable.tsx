import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/contract/channels/drafts.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/use-language.js';
import { iomHref } from '../iom-route.js';
import { useAnalystData } from './analyst-data.js';
import type { AnalystData, AnalystRow } from './analyst-model.js';
import { ColumnChooser } from './ColumnChooser.js';
import { FilterBar } from './FilterBar.js';
import { parseInIdleTime } from './parse-in-idle-time.js';
import { analystWords, cellOf, factsOf, FIXED_COLUMNS, QUESTION_PREFIX, questionColumns, searchTextOf } from './submission-columns.js';
import { createTableModel, type SortDirection, type TableFilter } from './table-model.js';
import './analyst.css';

const PAGE_SIZES = [25, 50, 100, 200] as const;

interface TableState {
  readonly filter: TableFilter;
  readonly sort: { readonly column: string; readonly direction: SortDirection } | undefined;
  readonly questions: readonly string[];
  readonly page: number;
  readonly pageSize: number;
}

/** Kept while the window is open, so coming back from one submission finds the table as it was left. */
let remembered: TableState = { filter: { status: 'current' }, sort: undefined, questions: [], page: 0, pageSize: 50 };

/** Every imported revision with its answers: filter, search, sort, choose question columns; a page at a time. */
export function SubmissionsTable() {
  const { t } = useTranslation('analyst');
  const { data, error } = useAnalystData();
  return (
    <div className="analyst">
      <h2>{t('table.heading')}</h2>
      {error && <p className="error">{error}</p>}
      {!data && !error && <p>{t('loading')}</p>}
      {data && <LoadedTable data={data} />}
    </div>
  );
}

function LoadedTable({ data }: { data: AnalystData }) {
  const { t } = useTranslation('analyst');
  const lang = useLanguage();
  const [state, setStateRaw] = useState<TableState>(remembered);
  // The table shows from the summaries; the answers are parsed meanwhile, for question columns.
  useEffect(() => parseInIdleTime(data.rows), [data]);
  const setState = (next: TableState) => {
    remembered = next;
    setStateRaw(next);
  };
  const words = useMemo(() => analystWords(t, data, lang), [t, data, lang]);
  const model = useMemo(
    () =>
      createTableModel<AnalystRow>({
        rows: data.rows,
        facts: factsOf,
        searchText: (row) => searchTextOf(row, words),
        foldedText: (row) => row.answersText,
        cell: (row, column) => cellOf(row, column, words, lang),
        lang,
      }),
    [data, words, lang],
  );
  const search = useDeferredValue(state.filter.search ?? '');
  const filter = useMemo(() => ({ ...state.filter, search }), [state.filter, search]);
  const order = useMemo(() => model.view(filter, state.sort), [model, filter, state.sort]);
  const questions = useMemo(() => questionColumns(data.newest, lang), [data.newest, lang]);
  const columns = [...FIXED_COLUMNS, ...state.questions.map((id) => `${QUESTION_PREFIX}${id}`)];
  const headerOf = (column: string): string =>
    column.startsWith(QUESTION_PREFIX)
      ? (questions.find((q) => `${QUESTION_PREFIX}${q.id}` === column)?.label ?? column)
      : t(`columns.${column}`);
  const pages = Math.max(1, Math.ceil(order.length / state.pageSize));
  const page = Math.min(state.page, pages - 1);
  const from = page * state.pageSize;
  const visible = order.slice(from, from + state.pageSize);
  const sortBy = (column: string) => {
    const direction: SortDirection = state.sort?.column === column && state.sort.direction === 'ascending' ? 'descending' : 'ascending';
    setState({ ...state, sort: { column, direction }, page: 0 });
  };
  const n = (value: number) => formatNumber(lang, value);
  return (
    <>
      <FilterBar data={data} words={words} filter={state.filter} onChange={(f) => setState({ ...state, filter: f, page: 0 })} />
      <ColumnChooser questions={questions} chosen={state.questions} onChange={(q) => setState({ ...state, questions: q })} />
      <p role="status" className="analyst-count">
        {order.length === 0
          ? t('table.countNone', { total: n(data.rows.length) })
          : t('table.count', { from: n(from + 1), to: n(from + visible.length), shown: n(order.length), total: n(data.rows.length) })}
      </p>
      <div className="analyst-table-scroll" tabIndex={0} role="region" aria-label={t('table.caption')}>
        <table className="analyst-table">
          <caption>{t('table.caption')}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = state.sort?.column === column ? state.sort.direction : undefined;
                return (
                  <th key={column} scope="col" aria-sort={sorted ?? 'none'}>
                    <button type="button" className="sort-button" onClick={() => sortBy(column)}>
                      {headerOf(column)}
                      <span aria-hidden="true" className="sort-mark">
                        {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ' ⇅'}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">
                <span className="visually-hidden">{t('table.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((i) => {
              const row = model.rows[i];
              if (!row) return null;
              const s = row.summary;
              return (
                <tr key={s.submissionId} data-status={s.status}>
                  {columns.map((column) => (
                    <td key={column}>{model.cells(column)[i]?.text}</td>
                  ))}
                  <td>
                    <a
                      href={iomHref({ tab: 'submissions', submissionId: s.submissionId })}
                      aria-label={t('table.openRevision', { revision: n(s.revision), mechanism: words.mechanism(s) })}
                    >
                      {t('table.open')}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager lang={lang} page={page} pages={pages} pageSize={state.pageSize} onPage={(p) => setState({ ...state, page: p })} onPageSize={(size) => setState({ ...state, pageSize: size, page: 0 })} />
    </>
  );
}

function Pager(props: { lang: Language; page: number; pages: number; pageSize: number; onPage: (page: number) => void; onPageSize: (size: number) => void }) {
  const { t } = useTranslation('analyst');
  const { lang, page, pages } = props;
  return (
    <nav className="analyst-pager inline" aria-label={t('table.page', { page: formatNumber(lang, page + 1), pages: formatNumber(lang, pages) })}>
      <button type="button" disabled={page === 0} onClick={() => props.onPage(page - 1)}>
        {t('table.previous')}
      </button>
      <span>{t('table.page', { page: formatNumber(lang, page + 1), pages: formatNumber(lang, pages) })}</span>
      <button type="button" disabled={page >= pages - 1} onClick={() => props.onPage(page + 1)}>
        {t('table.next')}
      </button>
      <label>
        {t('table.pageSize')}{' '}
        <select value={props.pageSize} onChange={(e) => props.onPageSize(Number(e.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {formatNumber(lang, size)}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
