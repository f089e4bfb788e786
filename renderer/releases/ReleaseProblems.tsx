import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReleaseRefusalCode } from '../../core/release/refusals.js';
import { useApi } from '../api/api-context.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';

interface Problem {
  readonly file: string;
  readonly code: string;
}

/** Release files kept in the data folder (or carried by the app) that failed their checks: said, never hidden. */
export function ReleaseProblems({ refresh }: { refresh: number }) {
  const { t } = useTranslation('releases');
  const api = useApi();
  const lang = useLanguage();
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  useEffect(() => {
    let live = true;
    void api.releases.list({}).then((result) => {
      if (live && result.ok) setProblems(result.value.problems);
    });
    return () => {
      live = false;
    };
  }, [api, refresh]);
  if (problems.length === 0) return null;
  return (
    <section className="error-box" aria-labelledby="release-problems-heading">
      <h2 id="release-problems-heading">{t('problems.heading', { count: formatNumber(lang, problems.length) })}</h2>
      <p>{t('problems.intro')}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.file}>
            <code>{p.file}</code>: {isReleaseRefusalCode(p.code) ? t(`refusals.${p.code}`) : t('problems.unreadable')}
          </li>
        ))}
      </ul>
    </section>
  );
}
