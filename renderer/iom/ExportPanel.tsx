import { LanguageSelect } from './LanguageSelect.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import { unwrap } from '../api/errors.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { useAction, useLoader } from '../api/use-loader.js';
import { loadIomInfo } from './load-info.js';


/** The consolidated dataset (ODK Central layout) as CSV files or one XLSX workbook, into a folder. */
export function ExportPanel() {
  const { t } = useTranslation();
  const uiLang = useLanguage();
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [lang, setLang] = useState<Language>('en');
  const [allRevisions, setAllRevisions] = useState(false);
  const [outDir, setOutDir] = useState('');
  const [written, setWritten] = useState<{ files: string[]; submissions: number; media: number } | undefined>();
  const action = useAction();
  // The desktop has a folder dialog; in the web host the path is typed.
  const canPick = useLoader(loadIomInfo).data?.canPickFiles === true;
  const choose = () =>
    action.run(async () => {
      const chosen = await unwrap(window.iscm.iom.pickExportFolder({}));
      if (chosen.path !== null) setOutDir(chosen.path);
    });
  const run = () =>
    action.run(async () => {
      setWritten(undefined);
      setWritten(await unwrap(window.iscm.iom.export({ format, outDir: outDir.trim(), lang, allRevisions })));
    });
  return (
    <div className="iom-form">
      <h2>{t('iom.export.heading')}</h2>
      <p>{t('iom.export.intro')}</p>
      <fieldset>
        <legend>{t('iom.export.format')}</legend>
        <label>
          <input type="radio" name="iom-format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> {t('iom.export.csv')}
        </label>{' '}
        <label>
          <input type="radio" name="iom-format" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} /> {t('iom.export.xlsx')}
        </label>
      </fieldset>
      <LanguageSelect label={t('iom.export.codebookLanguage')} value={lang} onChange={setLang} />
      <label>
        <input type="checkbox" checked={allRevisions} onChange={(e) => setAllRevisions(e.target.checked)} /> {t('iom.export.allRevisions')}
      </label>
      <div className="field">
        <label htmlFor="iom-out">{t('iom.export.outDir')}</label>
        <input id="iom-out" value={outDir} onChange={(e) => setOutDir(e.target.value)} size={50} />
        {canPick && (
          <button type="button" onClick={choose} disabled={action.busy}>
            {t('iom.export.chooseFolder')}
          </button>
        )}
      </div>
      <div>
        <button type="button" onClick={run} disabled={action.busy || outDir.trim() === ''}>
          {t('iom.export.run')}
        </button>
      </div>
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {written && (
        <div role="status">
          <p>{t('iom.export.done', { submissions: formatNumber(uiLang, written.submissions), media: formatNumber(uiLang, written.media) })}</p>
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
