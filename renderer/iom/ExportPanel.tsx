import { LanguageSelect } from './LanguageSelect.js';
import { useState } from 'react';
import type { Language } from '../../core/contract/channels/drafts.js';
import { unwrap } from '../api/errors.js';
import { useAction, useLoader } from '../api/use-loader.js';

const loadInfo = () => unwrap(window.iscm.iom.info({}));

/** The consolidated dataset (ODK Central layout) as CSV files or one XLSX workbook, into a folder. */
export function ExportPanel() {
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [lang, setLang] = useState<Language>('en');
  const [allRevisions, setAllRevisions] = useState(false);
  const [outDir, setOutDir] = useState('');
  const [written, setWritten] = useState<{ files: string[]; submissions: number; media: number } | undefined>();
  const action = useAction();
  // The desktop has a folder dialog; in the web host the path is typed.
  const canPick = useLoader(loadInfo).data?.canPickFiles === true;
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
      <h2>Export the dataset</h2>
      <p>One row per current submission, one table per repeated group, a codebook, and the attached files in media/.</p>
      <fieldset>
        <legend>Format</legend>
        <label>
          <input type="radio" name="iom-format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> CSV files
        </label>{' '}
        <label>
          <input type="radio" name="iom-format" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} /> Excel workbook (XLSX)
        </label>
      </fieldset>
      <LanguageSelect label="Labels in the codebook" value={lang} onChange={setLang} />
      <label>
        <input type="checkbox" checked={allRevisions} onChange={(e) => setAllRevisions(e.target.checked)} /> Include superseded revisions
      </label>
      <div className="field">
        <label htmlFor="iom-out">Folder to write to (path on this computer)</label>
        <input id="iom-out" value={outDir} onChange={(e) => setOutDir(e.target.value)} size={50} />
        {canPick && (
          <button type="button" onClick={choose} disabled={action.busy}>
            Choose folder…
          </button>
        )}
      </div>
      <div>
        <button type="button" onClick={run} disabled={action.busy || outDir.trim() === ''}>
          Export
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
            Exported {written.submissions} submission(s) and {written.media} attached file(s):
          </p>
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
