import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { formatDateTime, formatPercent } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { listLabel, MECHANISM_LIST, RESPONDENT_QUESTION } from '../questionnaire/labels.js';
import { routeHref } from '../routing/hash-route.js';
import { DraftRowActions } from './DraftRowActions.js';
import type { Submission } from '../../core/contract/channels/submissions.js';
import { RevisionBadges } from '../journey/RevisionBadges.js';

const respondentLabel = (loaded: LoadedQuestionnaire | undefined, kind: string, lang: ReturnType<typeof useLanguage>): string => {
  const list = loaded?.questions.get(RESPONDENT_QUESTION)?.question;
  return list?.type === 'single_choice' ? listLabel(loaded, list.choices, kind, lang) : kind;
};

/** One draft in the home table. */
export function DraftRow({ draft, loaded, onChanged, revision, newer }: { draft: DraftSummary; loaded: LoadedQuestionnaire | undefined; onChanged: () => Promise<void>; revision?: Submission | undefined; newer?: Submission | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
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
        <DraftRowActions draft={draft} onChanged={onChanged} />
      </td>
    </tr>
  );
}
