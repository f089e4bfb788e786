import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ApiError, unwrap } from '../api/errors.js';
import { useAction, useLoader } from '../api/use-loader.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { ActorField } from './ActorField.js';
import { useIomInfo } from './load-info.js';
import { useActor } from './use-actor.js';
import { respondentWords } from './words.js';

interface LineProblem {
  readonly line: number;
  readonly code: string;
  readonly params: Readonly<Record<string, string>>;
  readonly message: string;
}

/** The bad lines of a refused list, when the error carries them (BAD_FILE with `details.problems`). */
function problemsOf(error: unknown): LineProblem[] | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const details = error.error.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? (details.problems as LineProblem[]) : undefined;
}

/** IOM's list of expected respondents: load it (CSV or XLSX), see who is on it and who has answered. */
export function RespondentsPanel() {
  const { t } = useTranslation('iom');
  const api = useApi();
  const lang = useLanguage();
  const id = useId();
  const canPick = useIomInfo().data?.canPickFiles === true;
  const [actor, setActor] = useActor();
  const [path, setPath] = useState('');
  const [loaded, setLoaded] = useState<{ expected: number; added: number; removed: number; keys: number } | undefined>();
  const [problems, setProblems] = useState<LineProblem[] | undefined>();
  const action = useAction();
  const loadStatus = useCallback(() => unwrap(api.iom.status({ lang })), [api, lang]);
  const status = useLoader(loadStatus);
  const n = (value: number): string => formatNumber(lang, value);
  const choose = () =>
    action.run(async () => {
      const chosen = await unwrap(api.iom.pickRespondentsFile({}));
      if (chosen.path !== null) setPath(chosen.path);
    });
  const submit = () =>
    action.run(async () => {
      setLoaded(undefined);
      setProblems(undefined);
      try {
        setLoaded(await unwrap(api.iom.importRespondents({ path: path.trim(), actor: actor.trim() })));
        status.reload();
      } catch (error) {
        const lines = problemsOf(error);
        if (!lines) throw error;
        setProblems(lines);
      }
    });
  const expected = (status.data?.mechanisms ?? []).flatMap((m) =>
    [m.secretariat, ...m.states, ...m.organisations].filter((r) => r.expected).map((r) => ({ mechanism: m.label, respondent: r })),
  );
  return (
    <div>
      <section className="iom-form" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('respondents.heading')}</h2>
        <p>{t('respondents.intro')}</p>
        <div className="field">
          <label htmlFor={`${id}-path`}>{t('respondents.path')}</label>
          <div className="inline">
            <input id={`${id}-path`} value={path} onChange={(e) => setPath(e.target.value)} size={50} />
            {canPick && (
              <button type="button" onClick={choose} disabled={action.busy}>
                {t('respondents.choose')}
              </button>
            )}
          </div>
        </div>
        <ActorField value={actor} onChange={setActor} />
        <div>
          <button type="button" onClick={submit} disabled={action.busy || path.trim() === '' || actor.trim() === ''}>
            {t('respondents.submit')}
          </button>
        </div>
        {action.error && (
          <p className="error" role="alert">
            {action.error}
          </p>
        )}
        {loaded && (
          <p role="status">
            {t('respondents.loaded', { expected: n(loaded.expected), added: n(loaded.added), removed: n(loaded.removed), keys: n(loaded.keys) })}
          </p>
        )}
        {problems && (
          <div role="alert" className="error-list">
            <p>{t('respondents.problemsHeading')}</p>
            <ul>
              {problems.map((p) => (
                <li key={`${String(p.line)}-${p.code}`}>
                  {t('respondents.problemLine', { line: n(p.line), problem: t(`respondents.problems.${p.code}`, { ...p.params, defaultValue: p.message }) })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('respondents.listHeading')}</h2>
        {status.error && <p className="error">{status.error}</p>}
        {status.data && expected.length === 0 && <p>{t('respondents.none')}</p>}
        {expected.length > 0 && (
          <table aria-label={t('respondents.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('respondents.colMechanism')}</th>
                <th scope="col">{t('respondents.colRespondent')}</th>
                <th scope="col">{t('respondents.colReceived')}</th>
              </tr>
            </thead>
            <tbody>
              {expected.map(({ mechanism, respondent }) => (
                <tr key={respondent.respondentKey} data-received={respondent.received}>
                  <td>{mechanism}</td>
                  <td>{respondentWords(t, respondent.kind, respondent.party)}</td>
                  <td>{respondent.received ? t('respondents.received') : t('respondents.notReceived')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
