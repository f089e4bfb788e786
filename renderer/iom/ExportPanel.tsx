import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { useAction } from '../api/use-loader.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { LanguageSelect } from './LanguageSelect.js';
import { useIomInfo } from './load-info.js';

/** The consolidated dataset (ODK Central layout) as CSV files or one XLSX workbook, into a folder. */
export function ExportPanel() {
  const { t } = useTranslation('iom');
  const api = useApi();
  const uiLang = useLanguage();
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [lang, setLang] = useState<Language>('en');
  const [allRevisions, setAllRevisions] = useState(false);
  const [outDir, setOutDir] = useState('');
  const [written, setWritten] = useState<{ files: string[]; submissions: number; media: number } | undefined>();
  const action = useAction();
  // The desktop has a folder dialog; in the web host the path is typed.
  const canPick = useIomInfo().data?.canPickFiles === true;
  const choose = () =>
    action.run(async () => {
      const chosen = await unwrap(api.iom.pickExportFolder({}));
      if (chosen.path !== null) setOutDir(chosen.path);
    });
  const run = () =>
    action.run(async () => {
      setWritten(undefined);
      setWritten(await unwrap(api.iom.export({ format, outDir: outDir.trim(), lang, allRevisions })));
    });
  return (
    <div className="iom-form">
      <h2>{t('export.heading')}</h2>
      <p>{t('export.intro')}</p>
      <fieldset>
        <legend>{t('export.format')}</legend>
        <label>
          <input type="radio" name="iom-format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> {t('export.csv')}
        </label>{' '}
        <label>
          <input type="radio" name="iom-format" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} /> {t('export.xlsx')}
        </label>
      </fieldset>
      <LanguageSelect label={t('export.codebookLanguage')} value={lang} onChange={setLang} />
      <label>
        <input type="checkbox" checked={allRevisions} onChange={(e) => setAllRevisions(e.target.checked)} /> {t('export.allRevisions')}
      </label>
      <div className="field">
        <label htmlFor="iom-out">{t('export.outDir')}</label>
        <input id="iom-out" value={outDir} onChange={(e) => setOutDir(e.target.value)} size={50} />
        {canPick && (
          <button type="button" onClick={choose} disabled={action.busy}>
            {t('export.chooseFolder')}
          </button>
        )}
      </div>
      <div>
        <button type="button" onClick={run} disabled={action.busy || outDir.trim() === ''}>
          {t('export.run')}
        </button>
      </div>
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {written && (
        <div role="status">
          <p>{t('export.done', { submissions: formatNumber(uiLang, written.submissions), media: formatNumber(uiLang, written.media) })}</p>
          <ul>
            {written.files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
