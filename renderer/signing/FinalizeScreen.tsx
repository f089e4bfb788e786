import { useCallback, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Draft } from '../../core/contract/channels/drafts.js';
import type { Identity } from '../../core/contract/channels/identities.js';
import { submissionChannels, type Submission } from '../../core/contract/channels/submissions.js';
import type { IscmApi } from '../../core/contract/index.js';
import { evaluate, type LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { SameRespondentQuestion, type SameRespondentReport } from '../journey/SameRespondentQuestion.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { useApi } from '../api/api-context.js';
import { errorText, unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FormField } from '../forms/FormField.js';
import { LiveFieldMessage } from '../forms/LiveFieldMessage.js';
import { schemaResolver } from '../forms/schema-resolver.js';
import { useIssueText } from '../forms/use-issue-text.js';
import { loadQuestionnaireFrom } from '../questionnaire/load.js';
import { routeHref } from '../routing/hash-route.js';
import { goTo, signingHref } from './signing-route.js';

interface ScreenData {
  readonly draft: Draft;
  readonly loaded: LoadedQuestionnaire;
  readonly same: SameRespondentReport;
  readonly problems: number;
  readonly identities: Identity[];
  readonly revision: Submission | undefined;
}

async function loadScreen(api: IscmApi, draftId: string): Promise<ScreenData> {
  const draft = await unwrap(api.drafts.get({ id: draftId }));
  const [loaded, identities, revisions, same] = await Promise.all([
    loadQuestionnaireFrom(api, draft.questionnaireId, draft.questionnaireVersion),
    unwrap(api.identities.list({})),
    unwrap(api.submissions.list({ draftId })),
    // Only a live draft can be asked (a finalized one is refused: nothing to ask then).
    draft.status === 'draft' ? unwrap(api.submissions.sameRespondentChains({ draftId })) : Promise.resolve({ respondentKey: '', isAmendment: false, chains: [] }),
  ]);
  // The saved answers, checked by the same engine as the review; main checks again and has the last word.
  const problems = evaluate(loaded, draft.answers, { lang: draft.language }).problems.length;
  return { draft, loaded, same, problems, identities, revision: revisions[0] };
}

/** The contract's finalize input, less the draft (the screen's own); the declaration is a checkbox until it is ticked. */
const formSchema = submissionChannels.finalize.input.omit({ draftId: true }).extend({ declaration: z.boolean().pipe(submissionChannels.finalize.input.shape.declaration) });
type FormInput = z.input<typeof formSchema>;

/** The declaration, the signing key and its passphrase: then the draft becomes a signed revision. */
export function FinalizeScreen({ draftId }: { draftId: string }) {
  const { t } = useTranslation('signing');
  const api = useApi();
  const { t: tj } = useTranslation('journey');
  const lang = useLanguage();
  const { data, error, reload } = useLoader(useCallback(() => loadScreen(api, draftId), [api, draftId]));
  const [answered, setAnswered] = useState<{ turnedInto: number | undefined } | undefined>();
  if (error) return <ErrorMessage message={error} onRetry={reload} />;
  if (!data) return <p>{t('loading')}</p>;
  const reviewHref = routeHref({ name: 'review', draftId });
  return (
    <section className="signing" aria-labelledby="finalize-heading">
      <h1 id="finalize-heading">{t('finalizeHeading')}</h1>
      {data.draft.status !== 'draft' ? (
        <>
          <p>{t('alreadyFinalized')}</p>
          {data.revision && <a href={signingHref({ name: 'revision', submissionId: data.revision.id })}>{t('openRevision')}</a>}
        </>
      ) : (
        <>
          <p className="signing-draft-title">{data.draft.title}</p>
          <p>{t('finalizeIntro')}</p>
          {data.problems > 0 ? (
            <div role="alert" className="error-box">
              <p>{t('notValid', { count: data.problems })}</p>
              <a href={reviewHref}>{t('toReview')}</a>
            </div>
          ) : data.identities.length === 0 ? (
            <p>
              {t('needIdentity')} <a href={signingHref({ name: 'identities' })}>{t('createIdentityLink')}</a>
            </p>
          ) : data.same.chains.length > 0 && !data.same.isAmendment && !answered ? (
            <SameRespondentQuestion
              draft={data.draft}
              loaded={data.loaded}
              chains={data.same.chains}
              onAnswered={(chain) => setAnswered({ turnedInto: chain?.latestRevision })}
            />
          ) : (
            <>
              {answered?.turnedInto !== undefined && (
                <p role="status" className="notice">
                  {tj('sameTurned', { revision: formatNumber(lang, answered.turnedInto), next: formatNumber(lang, answered.turnedInto + 1) })}
                </p>
              )}
              <FinalizeForm draftId={draftId} identities={data.identities} />
            </>
          )}
          <p>
            <a href={reviewHref}>{t('toReview')}</a>
          </p>
        </>
      )}
    </section>
  );
}

function FinalizeForm({ draftId, identities }: { draftId: string; identities: readonly Identity[] }) {
  const { t } = useTranslation('signing');
  const api = useApi();
  const byField = useMemo(() => ({ declaration: t('declarationNeeded') }), [t]);
  const describe = useIssueText(byField);
  const form = useForm<FormInput, unknown, z.output<typeof formSchema>>({
    defaultValues: { identityId: identities[0]?.id ?? '', passphrase: '', declaration: false },
    resolver: schemaResolver(formSchema, describe),
  });
  const { register, formState } = form;
  const { t: tj } = useTranslation('journey');
  const [failure, setFailure] = useState<string | undefined>();
  const [finalizedId, setFinalizedId] = useState<string | undefined>();
  // Which button sent the form: finalize and export (one passphrase for both), or finalize only.
  const alsoExport = useRef(true);
  const submit = form.handleSubmit(async (input) => {
    setFailure(undefined);
    if (!alsoExport.current) {
      const result = await api.submissions.finalize({ ...input, draftId });
      if (result.ok) {
        form.reset();
        goTo({ name: 'revision', submissionId: result.value.id });
      } else setFailure(errorText(result.error));
      return;
    }
    const result = await api.submissions.finalizeAndExport({ ...input, draftId, operationId: crypto.randomUUID() });
    if (!result.ok) {
      setFailure(errorText(result.error));
      return;
    }
    form.reset();
    const { submission, exportError } = result.value;
    // Finalized either way; a failed export is said here, and the revision's Export offers it again.
    if (exportError) {
      setFinalizedId(submission.id);
      setFailure(tj('exportAfterFinalizeFailed', { revision: submission.revision, reason: errorText(exportError) }));
    } else goTo({ name: 'revision', submissionId: submission.id });
  });
  const declarationError = formState.errors.declaration?.message;
  return (
    <form className="signing-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field checkbox">
        <input
          id="finalize-declaration"
          type="checkbox"
          {...register('declaration')}
          aria-required="true"
          aria-invalid={declarationError ? true : undefined}
          aria-describedby={declarationError ? 'finalize-declaration-error' : undefined}
        />
        <label htmlFor="finalize-declaration">{t('declaration')}</label>
        <LiveFieldMessage id="finalize-declaration-error" message={declarationError} />
      </div>
      <div className="field">
        <label htmlFor="finalize-identity">{t('identity')}</label>
        <select id="finalize-identity" {...register('identityId')}>
          {identities.map((i) => (
            <option key={i.id} value={i.id}>
              {`${i.name} (${i.fingerprint})`}
            </option>
          ))}
        </select>
      </div>
      <FormField
        id="finalize-passphrase"
        label={t('passphrase')}
        registration={register('passphrase')}
        error={formState.errors.passphrase?.message}
        type="password"
        autoComplete="current-password"
        aria-required
      />
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {finalizedId && <a href={signingHref({ name: 'revision', submissionId: finalizedId })}>{t('openRevision')}</a>}
      <p className="help">{tj('onePassphrase')}</p>
      <p className="finalized-actions">
        <button type="submit" disabled={formState.isSubmitting} onClick={() => {
            alsoExport.current = true;
          }}>
          {formState.isSubmitting && alsoExport.current ? tj('finalizeAndExporting') : tj('finalizeAndExport')}
        </button>
        <button type="submit" className="secondary" disabled={formState.isSubmitting} onClick={() => {
            alsoExport.current = false;
          }}>
          {formState.isSubmitting && !alsoExport.current ? t('finalizing') : t('finalize')}
        </button>
      </p>
    </form>
  );
}
