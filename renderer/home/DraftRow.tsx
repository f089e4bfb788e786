import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { DraftSummary, Language } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { formatDateTime, formatPercent } from '../i18n/format.js';
import { listLabel, MECHANISM_LIST, RESPONDENT_QUESTION } from '../questionnaire/labels.js';
import { routeHref } from '../routing/hash-route.js';
import { DraftRowActions } from './DraftRowActions.js';
import type { Submission } from '../../core/contract/channels/submissions.js';
import { RevisionBadges } from '../journey/RevisionBadges.js';

const respondentLabel = (loaded: LoadedQuestionnaire | undefined, kind: string, lang: Language): string => {
  const list = loaded?.questions.get(RESPONDENT_QUESTION)?.question;
  return list?.type === 'single_choice' ? listLabel(loaded, list.choices, kind, lang) : kind;
};

interface Props {
  readonly draft: DraftSummary;
  readonly loaded: LoadedQuestionnaire | undefined;
  readonly onChanged: () => Promise<void>;
  /** The list's `t` and language: a hundred rows each asking react-i18next for their own cost more than the rest of the row. */
  readonly t: TFunction;
  readonly lang: Language;
  readonly revision?: Submission | undefined;
  readonly newer?: Submission | undefined;
}

/**
 * One draft in the home table. Memoised: when the revisions arrive, or one draft changes, only
 * the rows concerned render again.
 */
export const DraftRow = memo(function DraftRow({ draft, loaded, onChanged, t, lang, revision, newer }: Props) {
  return (
    <tr>
      <th scope="row">
        <a href={routeHref({ name: 'draft', draftId: draft.id })}>{draft.title}</a>
      </th>
      <td>{draft.mechanism ? listLabel(loaded, MECHANISM_LIST, draft.mechanism, lang) : t('home.unknown')}</td>
      <td>{respondentLabel(loaded, draft.respondentKind, lang)}</td>
      <td>
        <bdi>{draft.questionnaireVersion}</bdi>
      </td>
      <td>{t(`languages.${draft.language}`)}</td>
      <td>{formatDateTime(lang, draft.updatedAt)}</td>
      <td>{draft.progress === null ? '—' : formatPercent(lang, draft.progress)}</td>
      <td>
        {t(`status.${draft.status}`)}
        {revision && <RevisionBadges revision={revision} newer={newer} />}
      </td>
      <td>
        <DraftRowActions draft={draft} onChanged={onChanged} t={t} />
      </td>
    </tr>
  );
});
