import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import { useApi } from '../api/api-context.js';
import { errorText, unwrap } from '../api/errors.js';
import { useAction } from '../api/use-loader.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { LanguageSelect } from './LanguageSelect.js';
import { folderRefusal } from './export-refusal.js';
import { useIomInfo } from './load-info.js';

/** The consolidated dataset (ODK Central layout) as CSV files or one XLSX workbook, into a folder. */
export function ExportPanel() {
  const { t } = useTranslation('iom');
  const { t: ta } = useTranslation('analyst');
  const api = useApi();
  const uiLang = useLanguage();
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  // The labels' language follows the screen's until the user picks another.
  const [chosenLang, setLang] = useState<Language | undefined>();
  const lang = chosenLang ?? uiLang;
  const [allRevisions, setAllRevisions] = useState(false);
  const [labels, setLabels] = useState(false);
  const [splitChoices, setSplitChoices] = useState(false);
  const [outDir, setOutDir] = useState('');
  const [written, setWritten] = useState<{ folder: string; files: string[]; submissions: number; media: number } | undefined>();
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
      const folder = outDir.trim();
      const result = await api.iom.export({ format, outDir: folder, lang, allRevisions, labels, splitChoices });
      // A refused folder is said in words that tell what to do; anything else keeps the error's own words.
      if (!result.ok) throw new Error(folderRefusal(ta, result.error, folder) ?? errorText(result.error));
      setWritten(result.value);
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
      <LanguageSelect label={ta('exportOptions.language')} value={lang} onChange={setLang} />
      <CheckboxWithHelp id="iom-export-labels" checked={labels} onChange={setLabels} label={ta('exportOptions.labels')} help={ta('exportOptions.labelsHelp')} />
      <CheckboxWithHelp id="iom-export-split" checked={splitChoices} onChange={setSplitChoices} label={ta('exportOptions.split')} help={ta('exportOptions.splitHelp')} />
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
          <p>
            {ta('exportOptions.folder')} <code data-testid="iom-export-folder">{written.folder}</code>
          </p>
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

/** An export option: a checkbox whose help sentence is read as its description. */
function CheckboxWithHelp({ id, checked, onChange, label, help }: { id: string; checked: boolean; onChange: (checked: boolean) => void; label: string; help: string }) {
  return (
    <div>
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-help`} /> {label}
      </label>
      <p id={`${id}-help`} className="help">
        {help}
      </p>
    </div>
  );
}
