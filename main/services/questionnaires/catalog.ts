import { AppError } from '../../../core/contract/errors.js';
import type { LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import type { InstalledRelease, ReleaseStore } from '../releases/release-store.js';
import type { QuestionnaireRef } from './versions.js';

export { compareVersions, type QuestionnaireRef } from './versions.js';

export const DEFAULT_QUESTIONNAIRE_ID = 'iscm-assessment';

/** A questionnaire of an installed release: the definition (sent to the renderer) and the loaded form. */
export interface CatalogEntry {
  readonly ref: QuestionnaireRef;
  readonly definition: Record<string, unknown>;
  readonly loaded: LoadedQuestionnaire;
  readonly release: InstalledRelease;
}

/**
 * The questionnaires the app can use: those of the installed releases (each verified when it
 * was loaded or installed, so an invalid or unsigned questionnaire is never served). New drafts
 * start on the newest installed version of the default questionnaire.
 */
export function createQuestionnaireCatalog(store: ReleaseStore, defaultId = DEFAULT_QUESTIONNAIRE_ID) {
  const entryOf = (release: InstalledRelease): CatalogEntry => ({
    ref: release.ref,
    definition: release.verified.definition,
    loaded: release.verified.loaded,
    release,
  });

  /** A valid installed questionnaire, or NOT_FOUND (never installed, or its file failed verification). */
  const get = (ref: QuestionnaireRef): CatalogEntry => {
    const release = store.get(ref);
    if (!release) throw new AppError('NOT_FOUND', `The questionnaire ${ref.id.slice(0, 64)} ${ref.version.slice(0, 32)} is not installed.`);
    return entryOf(release);
  };

  return {
    get,
    /** The newest installed version of the default questionnaire. */
    current: (): QuestionnaireRef => {
      const newest = store.newest(defaultId);
      if (!newest) throw new AppError('NOT_FOUND', `No questionnaire "${defaultId}" is installed: install a questionnaire file from IOM.`);
      return newest.ref;
    },
    /** The loaded questionnaire, or undefined when it is not installed (e.g. progress then shows nothing). */
    find: (ref: QuestionnaireRef): LoadedQuestionnaire | undefined => store.get(ref)?.verified.loaded,
  };
}
export type QuestionnaireCatalog = ReturnType<typeof createQuestionnaireCatalog>;
