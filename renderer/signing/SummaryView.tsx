import { useCallback, useState } from 'react';
import type { AppInfo } from '../../core/contract/channels/app.js';
import type { Submission } from '../../core/contract/channels/submissions.js';
import { useApi } from '../api/api-context.js';
import { errorText, unwrap } from '../api/errors.js';
import { useTranslation } from 'react-i18next';
import { useLoader } from '../api/use-loader.js';
import { FileReady } from '../journey/FileReady.js';
import { ltr } from '../maintenance/bidi.js';

/**
 * The revision as a readable document for the secretariat's records: saved as PDF from
 * this print view on the desktop, as an HTML file in the web host.
 */
export function SummaryView({ submission, host }: { submission: Submission; host: AppInfo['host'] }) {
  const { t } = useTranslation('signing');
  const api = useApi();
  const { data } = useLoader(
    useCallback(() => unwrap(api.submissions.summary({ id: submission.id })), [api, submission.id]),
  );
  const [message, setMessage] = useState<{ text: string; error: boolean; path?: string } | undefined>();
  const base = submission.fileName.replace(/\.iscm$/, '-summary');

  async function save() {
    const result =
      host === 'electron'
        ? await api.app.printToPdf({ suggestedName: `${base}.pdf` })
        : await api.submissions.saveSummaryHtml({ id: submission.id });
    if (!result.ok) setMessage({ text: errorText(result.error), error: true });
    else if (result.value.path)
      setMessage({ text: t('summarySaved', { path: ltr(result.value.path) }), error: false, path: result.value.path });
  }

  return (
    <section className="signing-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('summaryHeading')}</h2>
      <p className="no-print">
        <button type="button" onClick={() => void save()}>
          {host === 'electron' ? t('saveSummaryPdf') : t('saveSummaryHtml')}
        </button>
      </p>
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'error no-print' : 'saved-path no-print'}
        >
          {message.text}
        </p>
      )}
      {message?.path && (
        <div className="no-print">
          <FileReady
            file={{ path: message.path }}
            host={host}
            saved="summary"
            release={{ id: submission.questionnaireId, version: submission.questionnaireVersion }}
            focusOnShow
          />
        </div>
      )}
      {data && (
        <div className="summary-document">
          <h3>{data.title}</h3>
          <table>
            <tbody>
              {data.facts.map((f) => (
                <tr key={f.label}>
                  <th scope="row">{f.label}</th>
                  <td>{f.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.sections.map((section) => (
            <section key={section.title}>
              <h4>{section.title}</h4>
              <dl>
                {section.items.map((item, i) => (
                  <div key={`${String(i)}-${item.label}`} className={item.indent ? 'indented' : undefined}>
                    <dt>{item.label}</dt>
                    <dd>{item.answer}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
