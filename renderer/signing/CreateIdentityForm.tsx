import { useState, type SyntheticEvent } from 'react';
import type { Identity } from '../../core/contract/channels/identities.js';
import { NEW_PASSPHRASE_MIN } from '../../core/contract/channels/identities.js';
import { errorText } from '../api/errors.js';
import { useSigningText } from './texts.js';

export interface MechanismOption {
  readonly value: string;
  readonly label: string;
}

/** Name, title, organisation, mechanism, email and a passphrase typed twice. */
export function CreateIdentityForm({
  mechanisms,
  onCreated,
}: {
  mechanisms: readonly MechanismOption[];
  onCreated: (identity: Identity, warning: string | null) => void;
}) {
  const s = useSigningText();
  const [fields, setFields] = useState({
    name: '',
    title: '',
    organisation: '',
    mechanism: '',
    email: '',
    passphrase: '',
    again: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    if (fields.passphrase !== fields.again) {
      setError(s('passphraseMismatch'));
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await window.iscm.identities.create({
      name: fields.name,
      title: fields.title,
      organisation: fields.organisation,
      mechanism: fields.mechanism === '' ? null : fields.mechanism,
      email: fields.email,
      passphrase: fields.passphrase,
    });
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    setFields({ name: '', title: '', organisation: '', mechanism: '', email: '', passphrase: '', again: '' });
    onCreated(result.value.identity, result.value.warning);
  }

  const input = (id: keyof typeof fields, label: string, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`identity-${id}`}>{label}</label>
      <input id={`identity-${id}`} value={fields[id]} onChange={set(id)} {...props} />
    </div>
  );
  return (
    <form className="signing-form" onSubmit={(e) => void submit(e)} aria-labelledby="create-identity-heading">
      <h2 id="create-identity-heading">{s('createHeading')}</h2>
      {input('name', s('name'), { required: true, maxLength: 200, autoComplete: 'name' })}
      {input('title', s('title'), { maxLength: 200, autoComplete: 'organization-title' })}
      {input('organisation', s('organisation'), { required: true, maxLength: 300, autoComplete: 'organization' })}
      <div className="field">
        <label htmlFor="identity-mechanism">{s('mechanism')}</label>
        <select id="identity-mechanism" value={fields.mechanism} onChange={set('mechanism')}>
          <option value="">{s('noMechanism')}</option>
          {mechanisms.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      {input('email', s('email'), { type: 'email', maxLength: 320, autoComplete: 'email' })}
      {input('passphrase', s('passphrase'), {
        type: 'password',
        required: true,
        minLength: NEW_PASSPHRASE_MIN,
        autoComplete: 'new-password',
        'aria-describedby': 'passphrase-help',
      })}
      <p id="passphrase-help" className="help">
        {s('passphraseHelp')}
      </p>
      {input('again', s('passphraseAgain'), { type: 'password', required: true, autoComplete: 'new-password' })}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? s('creating') : s('create')}
      </button>
    </form>
  );
}
