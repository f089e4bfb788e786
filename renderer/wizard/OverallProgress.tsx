import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import { formatNumber } from '../i18n/format.js';
import type { ProgressCount } from './progress-summary.js';

/** "Overall: 3 of 14 required, rows included", with a bar; part of the sticky draft header. */
export function OverallProgress({ count, lang }: { count: ProgressCount; lang: Language }) {
  const { t } = useTranslation('wayfinding');
  if (count.total === 0) return null;
  const params = { answered: formatNumber(lang, count.answered), total: formatNumber(lang, count.total) };
  const text = t(count.rowsIncluded ? 'overallRows' : 'overall', params);
  return (
    <div className="overall-progress" id="overall-progress">
      <progress max={count.total} value={count.answered} aria-label={t('overallLabel')} aria-valuetext={text} />
      <span>{text}</span>
    </div>
  );
}

/** A section's own count, for the section list: "3 of 14 required, rows included" when its rows add questions. */
export function sectionProgressText(t: (key: string, params: Record<string, string>) => string, count: ProgressCount, lang: Language): string {
  const params = { answered: formatNumber(lang, count.answered), total: formatNumber(lang, count.total) };
  return count.rowsIncluded ? t('wayfinding:sectionRows', params) : t('wizard.progress', params);
}
