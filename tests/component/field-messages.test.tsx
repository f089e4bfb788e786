import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { engineMessage, openDraft, useTestApp } from './harness.js';

/**
 * Field messages come from one place: core's engine, evaluated once per change, its problems
 * keyed by answer path. The same problems mark the section list and fill the review.
 */
describe('field messages', () => {
  const testApp = useTestApp();

  it('a constraint message appears at its field once typing pauses, is announced, and goes while the answer is edited', async () => {
    const app = testApp();
    const draftId = await app.newDraft({ states: 5 });
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'basics' });
    const meetings = screen.getByRole('textbox', { name: 'Meetings last year' });
    await user.type(meetings, '9');
    const message = engineMessage({ states: 5, meetings: 9 }, 'meetings');
    expect(await screen.findByText(message, {}, { timeout: 2000 })).toHaveAttribute('id', 'q-meetings-error');
    expect(meetings).toHaveAttribute('aria-invalid', 'true');
    expect(meetings).toHaveAccessibleDescription(message);
    await waitFor(() => expect(document.getElementById('field-announcements')).toHaveTextContent(`Meetings last year: ${message}`));

    await user.type(meetings, '{Backspace}');
    // Forgotten at once while the answer is being changed…
    expect(screen.queryByText(message)).toBeNull();
    await user.type(meetings, '3');
    // …and the engine, looking again, finds nothing wrong.
    await waitFor(() => expect(meetings).not.toHaveAttribute('aria-invalid'), { timeout: 2000 });
    expect(screen.queryByText(message)).toBeNull();
  });

  it('a missing required answer is not shown on the field, until the review’s link asks for every problem', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const first = await openDraft(app, draftId, { section: 'basics' });
    const required = engineMessage({}, 'name');
    expect(screen.queryByText(required)).toBeNull();
    first.unmount();
    await openDraft(app, draftId, { section: 'basics', focus: 'name' });
    const name = screen.getByRole('textbox', { name: /Your name/ });
    expect(screen.getByText(required)).toHaveAttribute('id', 'q-name-error');
    expect(name).toHaveFocus();
  });

  it('the same problem marks its section in the section list and is listed, with a link to its field, in the review', async () => {
    const app = testApp();
    const draftId = await app.newDraft({ states: 5, meetings: 9 });
    const section = await openDraft(app, draftId, { section: 'choices' });
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(within(nav).getByRole('link', { name: /Basics/ })).getByText('has errors')).toBeInTheDocument();
    expect(within(within(nav).getByRole('link', { name: /Choices/ })).queryByText('has errors')).toBeNull();
    section.unmount();

    await openDraft(app, draftId, 'review');
    const problems = screen.getByRole('region', { name: 'To complete before finalizing' });
    const link = within(problems).getByRole('link', { name: `Meetings last year: ${engineMessage({ states: 5, meetings: 9 }, 'meetings')}` });
    expect(link).toHaveAttribute('href', `#/drafts/${draftId}/basics?focus=meetings`);
  });

  it('the "Other" text’s message waits until its box has been left once', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'choices' });
    await user.click(screen.getByRole('radio', { name: 'Other (specify)' }));
    const other = await screen.findByRole('textbox', { name: 'Please specify (Favourite colour)' });
    const message = engineMessage({ colour: 'other' }, 'colour.other');
    expect(screen.queryByText(message)).toBeNull();
    await user.click(other);
    await user.tab();
    expect(await screen.findByText(message)).toHaveAttribute('id', 'q-colour__other-error');
    expect(other).toHaveAttribute('aria-invalid', 'true');
  });

  it('messages are in the draft’s language', async () => {
    const app = testApp();
    const draftId = await app.newDraft({ states: 5, meetings: 9 });
    await app.api.drafts.update({ id: draftId, language: 'fr' });
    await openDraft(app, draftId, { section: 'basics' });
    expect(screen.getByText(engineMessage({ states: 5, meetings: 9 }, 'meetings', 'fr'))).toBeInTheDocument();
    expect(screen.getByText('Pas plus de réunions que d’États.')).toBeInTheDocument();
  });
});
