import type { LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import { DEVELOPMENT_RECIPIENT } from '../../../core/release/format.js';
import type { QuestionnaireCatalog } from '../questionnaires/catalog.js';
import type { FrozenRecipient } from './stored-revision.js';

/**
 * The questionnaire of an installed release by id and version. A draft is always validated
 * against the version it is on; an uninstalled version is NOT_FOUND.
 */
export type QuestionnaireSource = (id: string, version: string) => LoadedQuestionnaire;

export function createQuestionnaireSource(catalog: QuestionnaireCatalog): QuestionnaireSource {
  return (id, version) => catalog.get({ id, version }).loaded;
}

/**
 * The recipients a revision is sealed to: those of the release of its questionnaire version,
 * frozen at finalize with their English label (for the manifest's readers at IOM) and whether
 * the recipient is the development one, whose identity is public.
 */
export type RecipientSource = (id: string, version: string) => FrozenRecipient[];

export function createRecipientSource(catalog: QuestionnaireCatalog): RecipientSource {
  return (id, version) =>
    catalog.get({ id, version }).release.verified.manifest.recipients.map((r) => ({
      age: r.age,
      label: r.label.en,
      development: r.age === DEVELOPMENT_RECIPIENT,
    }));
}
