import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fs from 'node:fs';
import i18next from 'i18next';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../core/contract/channels/drafts.js';
import { loadQuestionnaire } from '../../core/questionnaire/index.js';
import { MechanismCombobox } from '../../renderer/home/MechanismCombobox.js';
import { groupMechanisms } from '../../renderer/home/mechanism-options.js';

const loaded = (() => {
  const result = loadQuestionnaire(JSON.parse(fs.readFileSync('questionnaires/iscm-assessment/1.1.0.json', 'utf8')));
  if (!result.ok) throw new Error('the questionnaire does not load');
  return result.questionnaire;
})();

/** The combobox as the create form uses it, with the chosen value shown for the test to read. */
function Harness({ lang = 'en' }: { lang?: Language }) {
  const [value, setValue] = useState('');
  return (
    <>
      <MechanismCombobox id="m" label="Mechanism" groups={groupMechanisms(loaded, 'mechanisms', lang, 'Other')} value={value} onChange={setValue} lang={lang} invalid={false} />
      <span data-testid="chosen">{value}</span>
    </>
  );
}

describe('mechanism combobox', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('groups the mechanisms by kind and sorts each kind in the UI language', () => {
    const groups = groupMechanisms(loaded, 'mechanisms', 'en', 'Other');
    expect(groups.map((g) => g.label)).toEqual(['Regional consultative process (RCP)', 'Interregional forum (IRF)', 'Global process']);
    for (const g of groups) {
      const labels = g.options.map((o) => o.label);
      expect(labels).toEqual([...labels].sort(new Intl.Collator('en').compare));
    }
    const arabic = groupMechanisms(loaded, 'mechanisms', 'ar', 'أخرى');
    const names = arabic[0]?.options.map((o) => o.label) ?? [];
    expect(names).toEqual([...names].sort(new Intl.Collator('ar').compare));
    expect(arabic.flatMap((g) => g.options)).toHaveLength(32);
  });

  it('filters as one types, announces the count, and chooses with the arrows and Enter', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Mechanism (required)' });
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.type(box, 'proc');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const list = screen.getByRole('listbox', { name: 'Mechanisms' });
    const options = within(list).getAllByRole('option');
    expect(options.length).toBeGreaterThan(3);
    for (const o of options) expect(o.textContent.toLowerCase()).toContain('proc');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Mechanisms found: ${String(options.length)}`));

    await user.clear(box);
    await user.type(box, 'bali');
    expect(within(list).getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{ArrowDown}');
    const bali = within(list).getByRole('option', { name: /Bali Process/ });
    expect(box).toHaveAttribute('aria-activedescendant', bali.id);
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('chosen')).toHaveTextContent('bali_process');
    expect(box).toHaveValue(bali.textContent);
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveFocus();
  });

  it('wraps around with the arrows, closes on Escape, clears on a second Escape; no match is said', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Mechanism (required)' });
    await user.click(box);
    await user.keyboard('{ArrowUp}');
    const list = screen.getByRole('listbox', { name: 'Mechanisms' });
    const all = within(list).getAllByRole('option');
    expect(box).toHaveAttribute('aria-activedescendant', all[all.length - 1]?.id);
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', all[0]?.id);
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('chosen')).not.toBeEmptyDOMElement();
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByTestId('chosen')).not.toBeEmptyDOMElement();
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    expect(screen.getByTestId('chosen')).toBeEmptyDOMElement();
    await user.type(box, 'zzzz');
    expect(within(list).queryAllByRole('option')).toHaveLength(0);
    expect(list).toHaveTextContent('No mechanism has this name.');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('No mechanism has this name.'));
  });

  it('finds a French name without its accents', async () => {
    await i18next.changeLanguage('fr');
    const user = userEvent.setup();
    render(<Harness lang="fr" />);
    const box = screen.getByRole('combobox');
    await user.type(box, 'mediterranee');
    const names = within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(names).toContain('Dialogue 5+5 sur la migration en Méditerranée occidentale');
  });
});
