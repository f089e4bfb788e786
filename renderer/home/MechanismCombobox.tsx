import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import { RequiredMark } from '../forms/RequiredMark.js';
import { formatNumber } from '../i18n/format.js';
import { filterMechanisms, type MechanismGroup, type MechanismOption } from './mechanism-options.js';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly groups: readonly MechanismGroup[];
  /** The chosen mechanism's value, '' for none. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onBlur?: () => void;
  readonly lang: Language;
  readonly invalid: boolean;
  /** Id of the field's message, read with the box. */
  readonly errorId?: string;
  readonly inputRef?: (el: HTMLInputElement | null) => void;
}

/**
 * The mechanism, chosen by typing part of its name: an editable combobox with a list that
 * filters as one types (WAI-ARIA APG, "combobox with listbox popup, list autocomplete"). Focus
 * stays in the box; ↓/↑ move through the options (aria-activedescendant), Enter chooses,
 * Escape closes the list (a second Escape clears the text), Alt+↓ opens it. The number of
 * matches is announced in a polite live region.
 */
export function MechanismCombobox({ id, label, groups, value, onChange, onBlur, lang, invalid, errorId, inputRef }: Props) {
  const { t } = useTranslation('wayfinding');
  const listId = `${id}-list`;
  const helpId = `${id}-help`;
  const prefix = useId();
  const all = useMemo(() => groups.flatMap((g) => g.options), [groups]);
  const selected = all.find((o) => o.value === value);
  const [text, setText] = useState(selected?.label ?? '');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');

  // The box shows the chosen mechanism's name, also after the language changes.
  useEffect(() => {
    if (selected) setText(selected.label);
  }, [selected]);

  const shown = useMemo(() => filterMechanisms(groups, query, lang), [groups, query, lang]);
  const flat = useMemo(() => shown.flatMap((g) => g.options), [shown]);
  const optionId = (o: MechanismOption) => `${prefix}-opt-${o.value}`;

  useEffect(() => {
    if (!open) return;
    // Announced a moment after typing pauses, not at every letter.
    const timer = setTimeout(() => setAnnouncement(flat.length === 0 ? t('noMechanism') : t('mechanismsFound', { count: formatNumber(lang, flat.length) })), 400);
    return () => clearTimeout(timer);
  }, [flat.length, open, t, lang]);

  useEffect(() => {
    if (!open || active === undefined) return;
    const el = document.getElementById(`${prefix}-opt-${active}`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [active, open, prefix]);

  const choose = (o: MechanismOption) => {
    onChange(o.value);
    setText(o.label);
    setQuery('');
    setOpen(false);
    setActive(undefined);
  };
  const move = (step: number) => {
    if (flat.length === 0) return;
    const at = flat.findIndex((o) => o.value === active);
    const next = at === -1 ? (step > 0 ? 0 : flat.length - 1) : (at + step + flat.length) % flat.length;
    setActive(flat[next]?.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        if (!e.altKey) setActive((selected && flat.some((o) => o.value === selected.value) ? selected : flat[0])?.value);
      } else move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      move(-1);
    } else if (e.key === 'Enter') {
      const option = flat.find((o) => o.value === active);
      if (open && option) {
        // Enter chooses; it does not submit the form.
        e.preventDefault();
        choose(option);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(undefined);
      } else if (text !== '') {
        e.preventDefault();
        setText('');
        setQuery('');
        onChange('');
      }
    }
  };

  return (
    <div className="field combobox">
      <label htmlFor={id}>
        {label}
        <RequiredMark />
      </label>
      <span id={helpId} className="help">
        {t('mechanismHelp')}
      </span>
      <div className="combobox-box">
        <input
          id={id}
          ref={inputRef}
          type="text"
          dir="auto"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active !== undefined ? `${prefix}-opt-${active}` : undefined}
          aria-required="true"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={[helpId, errorId].filter(Boolean).join(' ')}
          value={text}
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            setQuery(next);
            setOpen(true);
            setActive(undefined);
            // The text no longer names the chosen mechanism: nothing is chosen until one is picked.
            if (selected && next !== selected.label) onChange('');
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(undefined);
            onBlur?.();
          }}
        />
        <button
          type="button"
          className="combobox-toggle"
          tabIndex={-1}
          aria-label={t('showMechanisms')}
          aria-expanded={open}
          aria-controls={listId}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            setOpen((o) => !o);
            document.getElementById(id)?.focus();
          }}
        >
          <span aria-hidden="true">▾</span>
        </button>
      </div>
      <div id={listId} role="listbox" aria-label={t('mechanismList')} className="combobox-list" hidden={!open}>
        {shown.map((g) => (
          <div key={g.kind} role="group" aria-labelledby={`${prefix}-group-${g.kind}`}>
            <div role="presentation" id={`${prefix}-group-${g.kind}`} className="combobox-group">
              {g.label}
            </div>
            {g.options.map((o) => (
              <div
                key={o.value}
                id={optionId(o)}
                role="option"
                aria-selected={o.value === value}
                className={o.value === active ? 'combobox-option active' : 'combobox-option'}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(o)}
              >
                {o.label}
              </div>
            ))}
          </div>
        ))}
        {flat.length === 0 && <div className="muted combobox-empty">{t('noMechanism')}</div>}
      </div>
      <div role="status" aria-live="polite" className="visually-hidden">
        {open ? announcement : ''}
      </div>
    </div>
  );
}
