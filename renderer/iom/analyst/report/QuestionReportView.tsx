import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../../../core/questionnaire/index.js';
import { formatMonth, formatNumber, formatPercent, formatYear } from '../../../i18n/format.js';
import { choiceLabel, textIn } from '../../../questionnaire/labels.js';
import type { Bin, ChoiceReport, DateReport, MatrixReport, NumberReport, QuestionReport, TextReport } from '../report-aggregate.js';
import { chartFileName, savePng, saveSvg } from './chart-export.js';
import { Columns, HorizontalBars, StackedBars, type Category, type Series } from './charts.js';

interface Props {
  readonly report: QuestionReport;
  readonly loaded: LoadedQuestionnaire;
  readonly lang: Language;
  readonly rtl: boolean;
  /** The words of each group of the disaggregation ('' alone: not disaggregated). */
  readonly groupLabel: (group: string) => string;
  readonly index: number;
}

const share = (count: number, of: number): number => (of > 0 ? count / of : 0);

/** One question's report: its chart, the chart's table, and its summary in words. */
export function QuestionReportView({ report, loaded, lang, rtl, groupLabel, index }: Props) {
  const { t } = useTranslation('analyst');
  const chartRef = useRef<HTMLDivElement>(null);
  const [saveError, setSaveError] = useState<string | undefined>();
  const node = loaded.questions.get(report.questionId);
  const question = textIn(loaded, node?.question.label, lang) || report.questionId;
  const id = `report-q${String(index)}`;
  const n = (v: number) => formatNumber(lang, v);
  const series: Series[] = report.groups.map((g) => ({ label: groupLabel(g.group) }));
  const answered = report.groups.reduce((a, g) => a + g.answered, 0);
  const total = report.groups.reduce((a, g) => a + g.total, 0);
  const svg = () => chartRef.current?.querySelector('svg') ?? null;
  function build(): { chart: ReactNode; table: ReactNode } {
    switch (report.kind) {
      case 'choice':
        return choiceParts(report);
      case 'matrix':
        return matrixParts(report);
      case 'number':
        return numberParts(report);
      case 'date':
        return dateParts(report);
      case 'text':
        return { chart: null, table: <TextAnswers report={report} groupLabel={groupLabel} lang={lang} /> };
      case 'files':
        return { chart: null, table: null };
    }
  }
  const groupHeaders = (sub: (g: string) => ReactNode) =>
    report.groups.map((g) => (
      <th key={g.group} scope="col">
        {sub(g.group)}
      </th>
    ));
  const several = report.groups.length > 1;
  function choiceParts(r: ChoiceReport) {
    const label = (v: string) => choiceLabel(loaded, node?.choices, v, lang);
    const percent = (ci: number, gi: number) => share(r.groups[gi]?.counts[ci] ?? 0, r.groups[gi]?.answered ?? 0);
    const cellText = (ci: number, gi: number) => `${n(r.groups[gi]?.counts[ci] ?? 0)} (${formatPercent(lang, percent(ci, gi))})`;
    const chartNode = r.scale ? (
      <StackedBars
        id={id}
        rtl={rtl}
        series={r.choices.map((c) => ({ label: label(c) }))}
        categories={r.groups.map((g, gi) => ({ label: groupLabel(g.group), values: g.counts, texts: r.choices.map((_, ci) => formatPercent(lang, percent(ci, gi))) }))}
      />
    ) : (
      <HorizontalBars
        id={id}
        rtl={rtl}
        max={100}
        series={series}
        categories={r.choices.map((c, ci): Category => ({ label: label(c), values: r.groups.map((_, gi) => percent(ci, gi) * 100), texts: r.groups.map((_, gi) => cellText(ci, gi)) }))}
      />
    );
    return {
      chart: chartNode,
      table: (
        <>
          {r.multiple && <p className="help">{t('reports.multipleNote')}</p>}
          <table>
            <caption>{t('reports.tableOf', { question })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.choice')}</th>
                {several ? groupHeaders(groupLabel) : <th scope="col">{t('reports.count')}</th>}
              </tr>
            </thead>
            <tbody>
              {r.choices.map((c, ci) => (
                <tr key={c}>
                  <th scope="row">{label(c)}</th>
                  {r.groups.map((g, gi) => (
                    <td key={g.group}>{cellText(ci, gi)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ),
    };
  }
  function matrixParts(r: MatrixReport) {
    const rowLabel = (v: string) => choiceLabel(loaded, node?.rows, v, lang);
    const choice = (v: string) => choiceLabel(loaded, node?.choices, v, lang);
    const lines = r.rows.flatMap((row, ri) =>
      r.groups.map((g) => {
        const counts = g.counts[ri] ?? [];
        const sum = counts.reduce((a, b) => a + b, 0);
        return { key: `${row}/${g.group}`, label: several ? `${rowLabel(row)} — ${groupLabel(g.group)}` : rowLabel(row), row: rowLabel(row), group: g.group, counts, sum };
      }),
    );
    return {
      chart: (
        <StackedBars
          id={id}
          rtl={rtl}
          series={r.choices.map((c) => ({ label: choice(c) }))}
          categories={lines.map((l) => ({ label: l.label, values: l.counts, texts: l.counts.map((c) => formatPercent(lang, share(c, l.sum))) }))}
        />
      ),
      table: (
        <table>
          <caption>{t('reports.tableOf', { question })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.row')}</th>
              {several && <th scope="col">{t('reports.group')}</th>}
              {r.choices.map((c) => (
                <th key={c} scope="col">
                  {choice(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key}>
                <th scope="row">{l.row}</th>
                {several && <td>{groupLabel(l.group)}</td>}
                {l.counts.map((c, ci) => (
                  <td key={r.choices[ci]}>{`${n(c)} (${formatPercent(lang, share(c, l.sum))})`}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ),
    };
  }
  function numberParts(r: NumberReport) {
    const year = node?.question.type === 'year';
    const value = (v: number | null) => (v === null ? '' : year ? formatYear(lang, v) : n(v));
    const binLabel = (b: Bin) => (r.unitBins ? value(b.from) : t('reports.range', { from: value(b.from), to: value(b.to) }));
    return {
      chart: <Columns id={id} rtl={rtl} series={series} categories={r.bins.map((b, bi) => ({ label: binLabel(b), values: r.groups.map((g) => g.counts[bi] ?? 0), texts: r.groups.map((g) => n(g.counts[bi] ?? 0)) }))} />,
      table: (
        <>
          <table>
            <caption>{t('reports.tableOf', { question })}</caption>
            <thead>
              <tr>
                {several && <th scope="col">{t('reports.group')}</th>}
                <th scope="col">{t('reports.n')}</th>
                <th scope="col">{t('reports.median')}</th>
                <th scope="col">{t('reports.min')}</th>
                <th scope="col">{t('reports.max')}</th>
              </tr>
            </thead>
            <tbody>
              {r.groups.map((g) => (
                <tr key={g.group}>
                  {several && <th scope="row">{groupLabel(g.group)}</th>}
                  <td>{n(g.n)}</td>
                  <td>{value(g.median)}</td>
                  <td>{value(g.min)}</td>
                  <td>{value(g.max)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <CountTable caption={t('reports.chartOf', { question })} first={t('reports.answer')} rows={r.bins.map((b, bi) => ({ label: binLabel(b), counts: r.groups.map((g) => g.counts[bi] ?? 0) }))} groups={r.groups.map((g) => g.group)} groupLabel={groupLabel} lang={lang} />
        </>
      ),
    };
  }
  function dateParts(r: DateReport) {
    const periodLabel = (p: string) => (r.byYear ? formatYear(lang, Number(p)) : `${formatMonth(lang, Number(p.slice(5, 7)))} ${formatYear(lang, Number(p.slice(0, 4)))}`);
    const rows = r.periods.map((p, pi) => ({ label: periodLabel(p), counts: r.groups.map((g) => g.counts[pi] ?? 0) }));
    return {
      chart: <Columns id={id} rtl={rtl} series={series} categories={rows.map((row) => ({ label: row.label, values: row.counts, texts: row.counts.map(n) }))} />,
      table: <CountTable caption={t('reports.tableOf', { question })} first={r.byYear ? t('reports.answer') : t('reports.month')} rows={rows} groups={r.groups.map((g) => g.group)} groupLabel={groupLabel} lang={lang} />,
    };
  }
  // Built after every helper above is defined (they are called from here).
  const { chart, table } = answered > 0 ? build() : { chart: null as ReactNode, table: null as ReactNode };
  const save = (kind: 'svg' | 'png') => {
    const element = svg();
    if (!element) return;
    setSaveError(undefined);
    if (kind === 'svg') saveSvg(element, chartFileName(question, 'svg'));
    else savePng(element, chartFileName(question, 'png')).catch((e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="report-question" aria-labelledby={`${id}-title`} data-question={report.questionId} data-kind={report.kind}>
      <h4 id={`${id}-title`}>{question}</h4>
      <p className="report-answered">
        {answered === 0 ? t('reports.noAnswers') : t('reports.answered', { answered: n(answered), count: n(total) })}
        {report.kind === 'files' && answered > 0 ? ` (${n(report.groups.reduce((a, g) => a + g.files, 0))})` : ''}
      </p>
      {chart && (
        <figure className="report-figure">
          <div ref={chartRef} className="report-chart-box">
            {chart}
          </div>
          <figcaption className="visually-hidden">{t('reports.chartOf', { question })}</figcaption>
          <p className="no-print report-save">
            <button type="button" onClick={() => save('svg')}>
              {t('reports.saveSvg')}
              <span className="visually-hidden">: {question}</span>
            </button>{' '}
            <button type="button" onClick={() => save('png')}>
              {t('reports.savePng')}
              <span className="visually-hidden">: {question}</span>
            </button>
          </p>
          {saveError && (
            <p role="alert" className="error">
              {saveError}
            </p>
          )}
        </figure>
      )}
      {table}
    </section>
  );
}

function CountTable(props: { caption: string; first: string; rows: readonly { label: string; counts: readonly number[] }[]; groups: readonly string[]; groupLabel: (g: string) => string; lang: Language }) {
  const { t } = useTranslation('analyst');
  const several = props.groups.length > 1;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.first || t('reports.choice')}</th>
          {several ? (
            props.groups.map((g) => (
              <th key={g} scope="col">
                {props.groupLabel(g)}
              </th>
            ))
          ) : (
            <th scope="col">{t('reports.count')}</th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {row.counts.map((c, i) => (
              <td key={props.groups[i]}>{formatNumber(props.lang, c)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A text question's answers, drawn only when opened (thousands of answers would slow the whole report). */
function TextAnswers({ report, groupLabel, lang }: { report: TextReport; groupLabel: (g: string) => string; lang: Language }) {
  const { t } = useTranslation('analyst');
  const [open, setOpen] = useState(false);
  const several = report.groups.length > 1;
  return (
    <details className="report-text" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('reports.answersHeading', { count: formatNumber(lang, report.answers.length) })}</summary>
      {open && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('reports.answerFrom')}</th>
              {several && <th scope="col">{t('reports.group')}</th>}
              <th scope="col">{t('reports.answer')}</th>
            </tr>
          </thead>
          <tbody>
            {report.answers.map((a, i) => (
              <tr key={i}>
                <td>{a.name}</td>
                {several && <td>{groupLabel(a.group)}</td>}
                <td className="report-text-answer">{a.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
