import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { storedRowIds } from '../../core/answers/value.js';
import { engineMessage, openDraft, useTestApp, type TestApp } from './harness.js';

/** The rows as the database holds them: the group's ordered row ids. */
async function savedRows(app: TestApp, draftId: string): Promise<string[]> {
  return storedRowIds((await app.saved(draftId)).answers.achievements);
}

const titles = () => screen.getAllByRole('textbox', { name: /Title of the achievement/ }).map((box) => (box as HTMLInputElement).value);

/** Repeat rows come from the answer store: the group's answer is the order, each row's answers live under its stable id. */
describe('repeat rows', () => {
  const testApp = useTestApp();

  it('are added (up to the maximum), typed into, moved, removed after confirming, and come back in order after reopening', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    const first = await openDraft(app, draftId, { section: 'rows' });
    const group = screen.getByRole('region', { name: 'Achievements list' });
    expect(within(group).getByText('No entry yet.')).toBeInTheDocument();
    expect(within(group).getByText(engineMessage({}, 'achievements'))).toBeInTheDocument();

    const add = within(group).getByRole('button', { name: 'Add an entry to “Achievements list”' });
    for (const [i, title] of ['Handbook', 'Fund', 'Network'].entries()) {
      await user.click(add);
      expect(within(group).getByRole('heading', { name: `Entry ${String(i + 1)}` })).toHaveFocus();
      // The new row's questions appear once the engine has evaluated the new row.
      await waitFor(() => expect(titles()).toHaveLength(i + 1));
      await user.type(within(group).getAllByRole('textbox', { name: /Title of the achievement/ })[i] as HTMLElement, title);
    }
    expect(add).toBeDisabled();
    await waitFor(async () => expect(await savedRows(app, draftId)).toHaveLength(3));
    const ids = await savedRows(app, draftId);
    await waitFor(async () => expect((await app.saved(draftId)).answers[`achievements[${ids[2] ?? ''}].ach_title`]).toBe('Network'));
    expect(within(group).queryByText(engineMessage({}, 'achievements'))).toBeNull();

    await user.click(within(group).getByRole('button', { name: 'Move entry 1 down' }));
    expect(titles()).toEqual(['Fund', 'Handbook', 'Network']);
    expect(within(group).getByRole('button', { name: 'Move entry 2 down' })).toHaveFocus();
    await user.click(within(group).getByRole('button', { name: 'Move entry 3 up' }));
    expect(titles()).toEqual(['Fund', 'Network', 'Handbook']);
    await waitFor(async () => expect(await savedRows(app, draftId)).toEqual([ids[1], ids[2], ids[0]]));

    await user.click(within(group).getByRole('button', { name: 'Remove entry 1' }));
    expect(titles()).toHaveLength(3);
    await user.click(within(group).getByRole('button', { name: 'Yes, remove' }));
    expect(titles()).toEqual(['Network', 'Handbook']);
    expect(add).toBeEnabled();
    await waitFor(async () => expect(await savedRows(app, draftId)).toEqual([ids[2], ids[0]]));
    // A removed row's answers stay in the draft (and its history); only the order forgot it.
    expect((await app.saved(draftId)).answers[`achievements[${ids[1] ?? ''}].ach_title`]).toBe('Fund');

    first.unmount();
    await openDraft(app, draftId, { section: 'rows' });
    expect(titles()).toEqual(['Network', 'Handbook']);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['1. Network', '2. Handbook']);
  });

  it('a row’s required question is a problem of that row only', async () => {
    const app = testApp();
    const draftId = await app.newDraft({ achievements: ['r1', 'r2'], 'achievements[r1].ach_title': 'Handbook' });
    await openDraft(app, draftId, 'review');
    const problems = screen.getByRole('region', { name: 'To complete before finalizing' });
    const links = within(problems).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toContain(`#/drafts/${draftId}/rows?focus=${encodeURIComponent('achievements[r2].ach_title')}`);
    expect(links.map((a) => a.getAttribute('href'))).not.toContain(`#/drafts/${draftId}/rows?focus=${encodeURIComponent('achievements[r1].ach_title')}`);
  });
});
