import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section } from '../../core/questionnaire/index.js';
import type { OpenDraft } from '../draft/use-draft-session.js';
import { formatNumber } from '../i18n/format.js';
import { languageAttributes } from '../i18n/language-attributes.js';
import { useLanguage } from '../i18n/use-language.js';
import { textIn } from '../questionnaire/labels.js';
import { LiveRegion, useAnnouncer } from './LiveRegion.js';
import { fieldDomId } from './problems.js';
import { SectionItems, BLOCK_SIZE } from './SectionItems.js';
import { SectionPager } from './SectionPager.js';
import { FieldSessionContext, fieldStrings, type FieldSession } from './field-session.js';

/** Items drawn at once on entering a section; the rest follow in background steps (whole blocks). */
const FIRST_ITEMS = 2 * BLOCK_SIZE;
const MORE_ITEMS = 6 * BLOCK_SIZE;

interface Props {
  readonly open: OpenDraft;
  readonly sectionId: string;
  readonly sections: readonly Section[];
  /** An answer path to focus (a link from the review): its problem is then shown at once. */
  readonly focus?: string;
}

/** One section of the wizard: its questions, previous/next. */
export function SectionView({ open, sectionId, sections, focus }: Props) {
  const { t } = useTranslation();
  const { loaded, lang, evaluation, draftId, session } = open;
  const uiLang = useLanguage();
  const { text, announce } = useAnnouncer();
  const heading = useRef<HTMLHeadingElement>(null);
  const index = sections.findIndex((s) => s.id === sectionId);
  const section = sections[index];
  const total = section?.items.length ?? 0;
  // A long section appears at once and fills in while the user reads: the rest is rendered in
  // interruptible transitions, so typing is never held up. A review link renders everything.
  const [shown, setShown] = useState(() => (focus ? Number.POSITIVE_INFINITY : FIRST_ITEMS));
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => startTransition(() => setShown((n) => n + MORE_ITEMS)), 0);
    return () => clearTimeout(timer);
  }, [shown, total]);
  const fieldSession = useMemo<FieldSession>(
    () => ({
      draftId,
      loaded,
      lang,
      uiLang,
      ui: languageAttributes(uiLang),
      t,
      strings: fieldStrings(t),
      answers: session.answers,
      problems: session.problems,
      change: session.change,
      changeItem: session.changeItem,
      flush: session.flush,
      announce,
      showAll: focus !== undefined,
    }),
    [draftId, loaded, lang, uiLang, t, session, announce, focus],
  );

  useEffect(() => {
    // A new section: focus its heading (or the field a review link points to).
    const target = focus ? document.getElementById(fieldDomId(focus)) : null;
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
    } else heading.current?.focus();
  }, [sectionId, focus]);

  if (!section) {
    return (
      <p role="alert" className="error">
        {t('wizard.notFound')}
      </p>
    );
  }
  return (
    <FieldSessionContext.Provider value={fieldSession}>
      <>
        {/* Not a <form>: Chromium keeps a form's controls in a list that grows in quadratic time,
            which made a thousand-question section take seconds to appear. Nothing is submitted anyway.
            The questionnaire's texts are in the draft's language, which may differ from the app's
            (and run the other way): the section says so, and the app's own words in it say theirs. */}
        <section className="section-form" aria-labelledby="section-heading" onBlur={() => void session.flush()} {...languageAttributes(lang)}>
          <p className="section-count" {...languageAttributes(uiLang)}>
            {t('wizard.sectionOf', { n: formatNumber(uiLang, index + 1), total: formatNumber(uiLang, sections.length) })}
          </p>
          <h1 id="section-heading" ref={heading} tabIndex={-1}>
            {textIn(loaded, section.title, lang)}
          </h1>
          {section.description && <p className="help">{textIn(loaded, section.description, lang)}</p>}
          <SectionItems items={section.items} shown={shown} evaluation={evaluation} />
          <LiveRegion text={text} />
        </section>
        <SectionPager draftId={draftId} sections={sections} index={index} />
      </>
    </FieldSessionContext.Provider>
  );
}
