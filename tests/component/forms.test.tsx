import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unwrap } from '../../renderer/api/errors.js';
import { CreateDraftForm } from '../../renderer/home/CreateDraftForm.js';
import { loadQuestionnaireFrom } from '../../renderer/questionnaire/load.js';
import { CreateIdentityForm } from '../../renderer/signing/CreateIdentityForm.js';
import { FinalizeScreen } from '../../renderer/signing/FinalizeScreen.js';
import { renderWithApi, useTestApp } from './harness.js';

const PASSPHRASE = 'a passphrase long enough';

/**
 * A required field's label: its words, then the star (the word "required" beside it is for
 * screen readers), so "Passphrase" does not also match "Passphrase (confirmation)".
 */
const required = (words: string): RegExp => new RegExp(`^${words.replace(/[.*+?^${'$'}{}()|[\]\\]/g, '\\$&')} \\*`);

/**
 * The forms outside the questionnaire use react-hook-form with the contract's own schemas:
 * they refuse what main would refuse, say why at the field in the UI language, and send the
 * contract's input once it is right.
 */
describe('forms', () => {
  const testApp = useTestApp();
  afterEach(async () => {
    await i18next.changeLanguage('en');
    window.location.hash = '';
  });

  it('create an assessment: the missing choices are marked and described, the first focused; then the draft is created', async () => {
    const app = testApp({ realQuestionnaire: true });
    const current = await unwrap(app.api.questionnaires.current({}));
    const loaded = await loadQuestionnaireFrom(app.api, current.id, current.version);
    const user = userEvent.setup();
    renderWithApi(app.api, <CreateDraftForm loaded={loaded} />);
    const create = screen.getByRole('button', { name: 'Create assessment' });
    await user.click(create);
    const respondents = screen.getByRole('group', { name: /In what capacity/ });
    const mechanism = screen.getByRole('combobox', { name: 'Which mechanism are you answering about? (required)' });
    await waitFor(() => expect(within(respondents).getAllByRole('radio')[0]).toHaveFocus());
    expect(respondents).toHaveAccessibleDescription('Choose in what capacity you are answering.');
    expect(mechanism).toHaveAccessibleDescription(/Choose the mechanism\.$/);
    expect(await unwrap(app.api.drafts.list({}))).toEqual([]);

    await user.click(within(respondents).getByRole('radio', { name: 'Chair or secretariat of the mechanism' }));
    await user.type(mechanism, 'bali');
    await user.keyboard('{ArrowDown}{Enter}');
    const title = screen.getByRole('textbox', { name: 'Name of the new assessment' });
    // The title follows the mechanism (the questionnaire's own label) and the year until the user types one.
    const expectedTitle = `Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime ${String(new Date().getFullYear())}`;
    expect(title).toHaveValue(expectedTitle);
    expect(respondents).not.toHaveAccessibleDescription('Choose in what capacity you are answering.');
    await user.click(create);
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/drafts\/[0-9a-f-]{36}$/));
    const [draft] = await unwrap(app.api.drafts.list({}));
    expect(draft).toMatchObject({ title: expectedTitle, respondentKind: 'secretariat', mechanism: 'bali_process', language: 'en' });
  });

  it('signing key: the passphrase checks are said at their fields in the UI language, then the key is made', async () => {
    const app = testApp();
    await i18next.changeLanguage('fr');
    const created = vi.fn();
    const user = userEvent.setup();
    renderWithApi(app.api, <CreateIdentityForm mechanisms={[]} onCreated={created} />);
    await user.type(screen.getByLabelText(required('Nom complet')), 'Amina Diallo');
    await user.type(screen.getByLabelText(required('Organisation ou mécanisme')), 'RSO');
    await user.type(screen.getByLabelText(required('Phrase secrète')), 'short');
    await user.type(screen.getByLabelText(required('Phrase secrète (confirmation)')), 'other');
    await user.click(screen.getByRole('button', { name: 'Créer la clé de signature' }));
    expect(await screen.findByText('Au moins 10 caractères.')).toBeInTheDocument();
    expect(screen.getByLabelText(required('Phrase secrète'))).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Les deux phrases secrètes diffèrent.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText(required('Phrase secrète')));
    await user.type(screen.getByLabelText(required('Phrase secrète')), PASSPHRASE);
    await user.clear(screen.getByLabelText(required('Phrase secrète (confirmation)')));
    await user.type(screen.getByLabelText(required('Phrase secrète (confirmation)')), PASSPHRASE);
    await user.type(screen.getByLabelText('Adresse électronique (facultatif)'), 'not an address');
    await user.click(screen.getByRole('button', { name: 'Créer la clé de signature' }));
    expect(await screen.findByText('Ce n’est pas une adresse électronique.')).toBeInTheDocument();
    expect(created).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Adresse électronique (facultatif)'));
    await user.click(screen.getByRole('button', { name: 'Créer la clé de signature' }));
    await waitFor(() => expect(created).toHaveBeenCalledOnce(), { timeout: 20_000 });
    expect(created.mock.calls[0]?.[0]).toMatchObject({ name: 'Amina Diallo', organisation: 'RSO', mechanism: null });
    expect(await unwrap(app.api.identities.list({}))).toHaveLength(1);
    expect(screen.getByLabelText(required('Phrase secrète'))).toHaveValue('');
  });

  it('finalize: the declaration and the passphrase are asked for; a wrong passphrase is refused by main; then the revision opens', async () => {
    const app = testApp();
    const draftId = await app.newDraft({ name: 'Amina', achievements: ['r1'], 'achievements[r1].ach_title': 'Handbook' });
    const { identity } = await unwrap(app.api.identities.create({ name: 'Amina', title: '', organisation: 'RSO', mechanism: null, email: '', passphrase: PASSPHRASE }));
    const user = userEvent.setup();
    renderWithApi(app.api, <FinalizeScreen draftId={draftId} />);
    const finalize = await screen.findByRole('button', { name: 'Finalize and sign' });
    expect(screen.getByRole('combobox', { name: 'Signing key' })).toHaveValue(identity.id);
    await user.click(finalize);
    expect(await screen.findByText('Tick the declaration to go on.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox')).toHaveAccessibleDescription('Tick the declaration to go on.');
    expect(screen.getByLabelText(required('Passphrase'))).toHaveAccessibleDescription('This is required.');

    await user.click(screen.getByRole('checkbox'));
    await user.type(screen.getByLabelText(required('Passphrase')), 'wrong passphrase');
    await user.click(finalize);
    expect(await screen.findByRole('alert', {}, { timeout: 20_000 })).toHaveTextContent('WRONG_PASSPHRASE');
    expect((await app.saved(draftId)).status).toBe('draft');

    await user.clear(screen.getByLabelText(required('Passphrase')));
    await user.type(screen.getByLabelText(required('Passphrase')), PASSPHRASE);
    await user.click(finalize);
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/signing\/revisions\/[0-9a-f-]{36}$/), { timeout: 20_000 });
    expect((await app.saved(draftId)).status).toBe('finalized');
  });
});
