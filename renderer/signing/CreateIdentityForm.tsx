import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { identityChannels, type Identity } from '../../core/contract/channels/identities.js';
import { useApi } from '../api/api-context.js';
import { errorText } from '../api/errors.js';
import { FormField } from '../forms/FormField.js';
import { schemaResolver } from '../forms/schema-resolver.js';
import { useIssueText } from '../forms/use-issue-text.js';

export interface MechanismOption {
  readonly value: string;
  readonly label: string;
}

/** The form's fields: the contract's input for `identities.create`, the mechanism as a menu value, and the passphrase again. */
const formSchema = (mismatch: string) =>
  identityChannels.create.input
    .omit({ mechanism: true })
    .extend({ mechanism: z.string(), again: z.string() })
    .refine((v) => v.passphrase === v.again, { path: ['again'], error: mismatch })
    .transform(({ again: _again, mechanism, ...rest }) => ({ ...rest, mechanism: mechanism === '' ? null : mechanism }));

type FormInput = z.input<ReturnType<typeof formSchema>>;
const EMPTY: FormInput = { name: '', title: '', organisation: '', mechanism: '', email: '', passphrase: '', again: '' };

/** Name, title, organisation, mechanism, email and a passphrase typed twice: checked as main will check them. */
export function CreateIdentityForm({
  mechanisms,
  onCreated,
}: {
  mechanisms: readonly MechanismOption[];
  onCreated: (identity: Identity, warning: string | null) => void;
}) {
  const { t } = useTranslation('signing');
  const api = useApi();
  const describe = useIssueText();
  const schema = useMemo(() => formSchema(t('passphraseMismatch')), [t]);
  const form = useForm({ defaultValues: EMPTY, resolver: schemaResolver(schema, describe) });
  const { register, formState } = form;
  const [failure, setFailure] = useState<string | undefined>();
  const submit = form.handleSubmit(async (input) => {
    setFailure(undefined);
    const result = await api.identities.create(input);
    if (!result.ok) {
      setFailure(errorText(result.error));
      return;
    }
    form.reset(EMPTY);
    onCreated(result.value.identity, result.value.warning);
  });
  const error = (name: keyof FormInput) => formState.errors[name]?.message;
  return (
    <form className="signing-form" onSubmit={(e) => void submit(e)} aria-labelledby="create-identity-heading" noValidate>
      <h2 id="create-identity-heading">{t('createHeading')}</h2>
      <FormField id="identity-name" label={t('name')} registration={register('name')} error={error('name')} maxLength={200} autoComplete="name" aria-required />
      <FormField id="identity-title" label={t('title')} registration={register('title')} error={error('title')} maxLength={200} autoComplete="organization-title" />
      <FormField id="identity-organisation" label={t('organisation')} registration={register('organisation')} error={error('organisation')} maxLength={300} autoComplete="organization" aria-required />
      <div className="field">
        <label htmlFor="identity-mechanism">{t('mechanism')}</label>
        <select id="identity-mechanism" {...register('mechanism')}>
          <option value="">{t('noMechanism')}</option>
          {mechanisms.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <FormField id="identity-email" label={t('email')} registration={register('email')} error={error('email')} type="email" maxLength={320} autoComplete="email" />
      <FormField
        id="identity-passphrase"
        label={t('passphrase')}
        registration={register('passphrase')}
        error={error('passphrase')}
        help={t('passphraseHelp')}
        type="password"
        autoComplete="new-password"
        aria-required
      />
      <FormField id="identity-again" label={t('passphraseAgain')} registration={register('again')} error={error('again')} type="password" autoComplete="new-password" aria-required />
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('creating') : t('create')}
      </button>
    </form>
  );
}
