import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, type Result } from '../../core/contract/errors.js';
import type { IscmApi } from '../../core/contract/index.js';
import { hostUnreachable } from '../../core/contract/transport.js';
import { expectSaved, openDraft, useTestApp } from './harness.js';

/** The real API, with `answers.save` answering `failure` for its first `times` calls: a disk that is full for a while. */
const failingSaves =
  (times: number, failure: () => Result<never>) =>
  (api: IscmApi): IscmApi => {
    let left = times;
    return {
      ...api,
      answers: {
        ...api.answers,
        save: (input) => {
          if (left <= 0) return api.answers.save(input);
          left -= 1;
          return Promise.resolve(failure());
        },
      },
    };
  };

const saveStatus = (): HTMLElement => {
  const element = document.getElementById('save-status');
  if (!element) throw new Error('no save status on the page');
  return element;
};

/** "Saved at" only for what the host has committed; a failure stays on screen until a later save succeeds. */
describe('save indicator', () => {
  const testApp = useTestApp();

  it('says "Saving…" while an answer waits, then "Saved at" once the host has committed it', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'basics' });
    // The page has other live statuses (a calculated value is an <output>): this one is the save status.
    const status = saveStatus();
    expect(status).toHaveRole('status');
    // Nothing typed since the draft opened: everything shown came from disk.
    expect(status).toHaveTextContent('All changes saved');
    await user.type(screen.getByRole('textbox', { name: /Your name/ }), 'A');
    expect(status).toHaveTextContent('Saving…');
    await waitFor(() => expect(status).toHaveTextContent(/^Saved at \d\d:\d\d/), { timeout: 3000 });
    await expectSaved(app, draftId, 'name', 'A');
  });

  it('a refused save stays on screen as an alert with the count of unsaved answers, and saving resumes by itself', async () => {
    const app = testApp({ wrap: failingSaves(1, () => fail('STORAGE_FAILED', 'The disk is full.')) });
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'basics' });
    const name = screen.getByRole('textbox', { name: /Your name/ });
    await user.type(name, 'Amina');
    await user.tab();
    // The save status itself turns into an alert (the page has other, empty, alert regions).
    await waitFor(() => expect(saveStatus()).toHaveRole('alert'));
    const alert = saveStatus();
    expect(alert).toHaveTextContent('Not saved: The disk is full. 1 unsaved answer(s) are kept on screen; the app keeps trying.');
    expect(screen.queryByText(/Saved at/)).toBeNull();
    expect(name).toHaveValue('Amina');
    // The autosaver retries (after a second) and the host commits: the alert gives way to "Saved at".
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Saved at/), { timeout: 5000 });
    expect(saveStatus()).toHaveRole('status');
    await expectSaved(app, draftId, 'name', 'Amina');
  });

  it('a host that does not answer is said in the UI language, with its code', async () => {
    const app = testApp({ wrap: failingSaves(100, hostUnreachable) });
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'basics' });
    await user.type(screen.getByRole('textbox', { name: /Your name/ }), 'A');
    await user.tab();
    await waitFor(() => expect(saveStatus()).toHaveRole('alert'));
    expect(saveStatus()).toHaveTextContent('The app’s background service did not answer.');
  });
});
