import fs from 'node:fs';
import path from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';
import { engineMessage, expectSaved, openDraft, useTestApp } from './harness.js';

/**
 * Every widget the wizard draws, each typed into or clicked as a person would: what it shows,
 * what lands in the database (through the answer store and the autosaver), and that a reopened
 * draft shows it again.
 */
describe('widgets', () => {
  const testApp = useTestApp();
  const tempDir = useTempDirs();

  it('text: typed text is shown, saved once typing pauses, and shown again after reopening', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    const view = await openDraft(app, draftId, { section: 'basics' });
    const name = screen.getByRole('textbox', { name: /Your name/ });
    expect(name).toHaveAccessibleDescription('As on your card');
    expect(name).toHaveAttribute('aria-required', 'true');
    await user.type(name, 'Amina');
    expect(name).toHaveValue('Amina');
    await expectSaved(app, draftId, 'name', 'Amina');
    view.unmount();
    await openDraft(app, draftId, { section: 'basics' });
    expect(screen.getByRole('textbox', { name: /Your name/ })).toHaveValue('Amina');
  });

  it('long text: counts its characters and marks the counter when over the limit', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'basics' });
    const story = screen.getByRole('textbox', { name: 'Your story' });
    await user.type(story, 'Twelve chars');
    expect(screen.getByText('12 of 50 characters')).not.toHaveClass('over');
    await user.type(story, ' and then many more words than fifty characters');
    expect(screen.getByText('59 of 50 characters')).toHaveClass('over');
    const story59 = 'Twelve chars and then many more words than fifty characters';
    expect(await screen.findByText(engineMessage({ story: story59 }, 'story'), {}, { timeout: 2000 })).toHaveAttribute('id', 'q-story-error');
    expect(story).toHaveAttribute('aria-invalid', 'true');
  });

  it('numbers: Arabic-Indic digits and a decimal comma are stored as numbers; a year feeds a calculation', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'basics' });
    await user.type(screen.getByRole('textbox', { name: 'Number of States' }), '١٢');
    await user.type(screen.getByRole('textbox', { name: 'Budget' }), '1,5');
    await user.type(screen.getByRole('textbox', { name: 'Year founded' }), '2001');
    await expectSaved(app, draftId, 'states', 12);
    await expectSaved(app, draftId, 'budget', 1.5);
    await expectSaved(app, draftId, 'founded', 2001);
    // The calculated field follows from the engine's evaluation.
    expect(await screen.findByText('25')).toBeInTheDocument();
  });

  it('numbers: text that is not a number is kept as typed and reported, never dropped', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'basics' });
    const states = screen.getByRole('textbox', { name: 'Number of States' });
    await user.type(states, '12a');
    expect(states).toHaveValue('12a');
    await expectSaved(app, draftId, 'states', '12a');
    expect(await screen.findByText(engineMessage({ states: '12a' }, 'states'), {}, { timeout: 2000 })).toHaveAttribute('id', 'q-states-error');
    expect(states).toHaveAttribute('aria-invalid', 'true');
  });

  it('date: day, month (named) and year boxes make one YYYY-MM-DD answer', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'basics' });
    const group = screen.getByRole('group', { name: 'Date founded' });
    await user.type(within(group).getByRole('textbox', { name: 'Day' }), '5');
    await user.selectOptions(within(group).getByRole('combobox', { name: 'Month' }), 'March');
    await user.type(within(group).getByRole('textbox', { name: 'Year' }), '2020');
    await expectSaved(app, draftId, 'founded_on', '2020-03-05');
  });

  it('single choice: a radio group, "Other" with its text, and a dropdown', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'choices' });
    const colour = screen.getByRole('group', { name: 'Favourite colour' });
    await user.click(within(colour).getByRole('radio', { name: 'Green' }));
    await expectSaved(app, draftId, 'colour', 'green');
    expect(screen.queryByRole('textbox', { name: /Please specify/ })).toBeNull();
    await user.click(within(colour).getByRole('radio', { name: 'Other (specify)' }));
    await user.type(await screen.findByRole('textbox', { name: 'Please specify (Favourite colour)' }), 'Teal');
    await expectSaved(app, draftId, 'colour', 'other');
    await expectSaved(app, draftId, 'colour.other', 'Teal');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Colour from a menu' }), 'Blue');
    await expectSaved(app, draftId, 'colour_menu', 'blue');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Colour from a menu' }), '— Choose —');
    await expectSaved(app, draftId, 'colour_menu', null);
  });

  it('multiple choice: the choices are kept in the list order, whatever the order of the clicks', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'choices' });
    const colours = screen.getByRole('group', { name: 'Colours you use' });
    await user.click(within(colours).getByRole('checkbox', { name: 'Blue' }));
    await user.click(within(colours).getByRole('checkbox', { name: 'Red' }));
    await expectSaved(app, draftId, 'colours', ['red', 'blue']);
    await user.click(within(colours).getByRole('checkbox', { name: 'Blue' }));
    await user.click(within(colours).getByRole('checkbox', { name: 'Red' }));
    await expectSaved(app, draftId, 'colours', null);
  });

  it('scales: yes / no / don’t know, agreement and impact, each a radio group', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'choices' });
    await user.click(within(screen.getByRole('group', { name: 'Do you agree?' })).getByRole('radio', { name: "Don't know" }));
    await user.click(within(screen.getByRole('group', { name: 'The structure fits' })).getByRole('radio', { name: 'Strongly agree' }));
    await user.click(within(screen.getByRole('group', { name: 'Overall impact' })).getByRole('radio', { name: 'Moderate' }));
    await expectSaved(app, draftId, 'agrees', 'dont_know');
    await expectSaved(app, draftId, 'fit', 'strongly_agree');
    await expectSaved(app, draftId, 'impact', 'moderate');
  });

  it('matrix: one radio group per row, each radio named by its row and column', async () => {
    const app = testApp();
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'choices' });
    await user.click(screen.getByRole('radio', { name: 'Networking: High' }));
    await user.click(screen.getByRole('radio', { name: 'Capacity building: Low' }));
    await expectSaved(app, draftId, 'contribution', { networking: 'high', capacity: 'low' });
    expect(screen.getByRole('radio', { name: 'Networking: High' })).toBeChecked();
  });

  it('attachment: files chosen in the host’s dialog are copied into the store, listed with their size, and can be removed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, 'The annual report.');
    const app = testApp({
      hostCapabilities: { pickFiles: () => Promise.resolve([file]), pickSavePath: () => Promise.resolve(undefined) },
    });
    const draftId = await app.newDraft();
    const user = userEvent.setup();
    await openDraft(app, draftId, { section: 'choices' });
    const report = screen.getByRole('group', { name: 'Latest report' });
    expect(within(report).getByText('No file attached.')).toBeInTheDocument();
    await user.click(within(report).getByRole('button', { name: 'Attach files' }));
    expect(await within(report).findByText('report.txt')).toBeInTheDocument();
    expect(within(report).getByText('(18 bytes)')).toBeInTheDocument();
    const saved = (await app.saved(draftId)).answers.report;
    expect(saved).toEqual([expect.objectContaining({ name: 'report.txt', size: 18, mediaType: 'text/plain' })]);
    await user.click(within(report).getByRole('button', { name: 'Remove report.txt' }));
    await expectSaved(app, draftId, 'report', null);
  });
});
