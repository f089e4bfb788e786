import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';
import { SaveIndicator } from '../components/SaveIndicator.js';
import { useLanguage } from '../i18n/use-language.js';
import { ReviewView } from '../review/ReviewView.js';
import { navigate, routeHref, type Route } from '../routing/hash-route.js';
import { SectionNav } from '../wizard/SectionNav.js';
import { SectionView } from '../wizard/SectionView.js';
import { OverallProgress } from '../wizard/OverallProgress.js';
import { progressCounts } from '../wizard/progress-summary.js';
import { useStickyHeight } from './use-sticky-height.js';
import { useDraftSession } from './use-draft-session.js';
import { DraftVersionNotice } from '../releases/DraftVersionNotice.js';
import { ConflictNotice } from './ConflictNotice.js';
import { ReadOnlyAnswers } from '../journey/ReadOnlyAnswers.js';
import { QuestionnaireLanguage } from './QuestionnaireLanguage.js';

/** The open draft: side navigation, the current section (or the review), and the save status. */
export function DraftWorkspace({ draft, loaded, route, onReload }: { draft: Draft; loaded: LoadedQuestionnaire; route: Route; onReload: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const open = useDraftSession(draft, loaded);
  const { evaluation, session } = open;
  // The app's language is the user's own (the header menu); the draft's questionnaire language is shown and changed in its header.
  const uiLang = useLanguage();
  const relevantSections = useMemo(
    () => loaded.questionnaire.sections.filter((s) => evaluation.isRelevant(s.id)),
    [loaded, evaluation],
  );
  const sectionId = route.name === 'draft' ? route.section : undefined;
  const counts = useMemo(() => progressCounts(loaded, evaluation, relevantSections), [loaded, evaluation, relevantSections]);
  const head = useRef<HTMLDivElement>(null);
  const workspace = useRef<HTMLDivElement>(null);
  useStickyHeight(head, workspace);

  useEffect(() => {
    if (route.name !== 'draft' || route.section) return;
    // Reopening a draft returns to the section last visited.
    const last = draft.lastSection && loaded.nodes.get(draft.lastSection)?.kind === 'section' ? draft.lastSection : undefined;
    const first = last ?? relevantSections[0]?.id ?? loaded.questionnaire.sections[0]?.id;
    if (first) navigate({ name: 'draft', draftId: draft.id, section: first }, { replace: true });
  }, [route, draft, loaded, relevantSections]);

  useEffect(() => {
    if (!sectionId) return;
    void session.flush();
    // Remembered so the draft reopens here; a failure only costs that convenience.
    void api.drafts.update({ id: draft.id, lastSection: sectionId });
  }, [sectionId, draft.id, session, api]);

  return (
    <div className="workspace" ref={workspace}>
      {/* Sticky: the title, overall progress and save state stay in view down a long section. */}
      <div className="workspace-head" ref={head}>
        <p className="draft-title">{draft.title}</p>
        <OverallProgress count={counts.overall} lang={uiLang} />
        <SaveIndicator store={session.status} />
        <QuestionnaireLanguage loaded={loaded} value={open.lang} onChange={(lang) => void open.setQuestionnaireLanguage(lang)} />
        {open.languageError && (
          <p role="alert" className="error">
            {open.languageError}
          </p>
        )}
        <a href={routeHref({ name: 'home' })} className="back-home">
          {t('wizard.backHome')}
        </a>
      </div>
      <ConflictNotice session={session} loaded={loaded} lang={open.lang} />
      <DraftVersionNotice draftId={draft.id} loaded={loaded} answers={draft.answers} beforeMove={session.flush} onMoved={onReload} />
      <div className="wizard">
        <SectionNav open={open} sections={relevantSections} counts={counts.bySection} current={route.name === 'review' ? 'review' : sectionId} />
        <ReadOnlyAnswers draftId={draft.id} status={draft.status} review={route.name === 'review'}>
          {route.name === 'review' ? (
            <ReviewView open={open} sections={relevantSections} title={draft.title} />
          ) : sectionId ? (
            <SectionView
              key={sectionId}
              open={open}
              sectionId={sectionId}
              sections={relevantSections}
              {...(route.name === 'draft' && route.focus ? { focus: route.focus } : {})}
            />
          ) : null}
        </ReadOnlyAnswers>
      </div>
    </div>
  );
}
