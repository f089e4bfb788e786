import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { engineMessage, openDraft, useTestApp } from './harness.js';

const COMPLETE = {
  name: 'Amina',
  budget: 1.5,
  founded: 2001,
  colours: ['red', 'blue'],
  colour: 'other',
  'colour.other': 'Teal',
  contribution: { networking: 'high' },
  achievements: ['r1'],
  'achievements[r1].ach_title': 'Handbook',
};

/** The review: every answer as it will be signed, and what is still missing or wrong, each a link to its field. */
describe('review list', () => {
  const testApp = useTestApp();

  it('lists each problem under its section, as a link that opens the section on the field', async () => {
    const app = testApp();
    const draftId = await app.newDraft({ states: 5, meetings: 9 });
    await openDraft(app, draftId, 'review');
    expect(screen.getByRole('heading', { level: 1, name: 'Review your answers' })).toHaveFocus();
    const problems = screen.getByRole('region', { name: 'To complete before finalizing' });
    expect(within(problems).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Basics', 'Achievements']);
    const links = within(problems).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      `Your name: ${engineMessage({}, 'name')}`,
      `Meetings last year: ${engineMessage({ states: 5, meetings: 9 }, 'meetings')}`,
      `Achievements list: ${engineMessage({}, 'achievements')}`,
    ]);
    expect(links[0]).toHaveAttribute('href', `#/drafts/${draftId}/basics?focus=name`);
    expect(screen.getByText(/problem\(s\) remain/)).toHaveTextContent('3 problem(s) remain');
  });

  it('shows the answers as they will be signed, in words, and offers to finalize once nothing is missing', async () => {
    const app = testApp();
    const draftId = await app.newDraft(COMPLETE);
    await openDraft(app, draftId, 'review');
    expect(screen.getByText('Every required question is answered and no answer has an error.')).toBeInTheDocument();
    const answer = (label: string) => within(screen.getByText(label, { selector: 'dt' }).parentElement as HTMLElement).getByRole('definition');
    expect(answer('Budget')).toHaveTextContent('1.5');
    expect(answer('Years active')).toHaveTextContent('25');
    // Several choices: a list, one item each (issue 14: printed, a run-on line is unreadable).
    expect(within(answer('Colours you use')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Red', 'Blue']);
    expect(answer('Favourite colour')).toHaveTextContent('Other (specify): Teal');
    // A matrix: a table with its headers, each row with its chosen value.
    const matrix = within(answer('Contribution by area')).getByRole('table');
    expect(within(matrix).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Item', 'Impact']);
    expect(within(matrix).getByRole('rowheader', { name: 'Networking' }).nextElementSibling).toHaveTextContent('High');
    expect(answer('Title of the achievement')).toHaveTextContent('Handbook');
    expect(await screen.findByRole('link', { name: 'Finalize and sign' })).toHaveAttribute('href', `#/signing/finalize/${draftId}`);
  });
});
