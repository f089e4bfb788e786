import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';
import { loadQuestionnaire, type LoadedQuestionnaire, type LoadError } from '../../../core/questionnaire/index.js';

/** The questionnaire a new draft uses. Filled from the files in the questionnaires folder. */
export interface QuestionnaireRef {
  readonly id: string;
  readonly version: string;
}

export const DEFAULT_QUESTIONNAIRE_ID = 'iscm-assessment';

/** What the file names may be: these become path segments, so nothing else is ever joined to a path. */
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;

/** Compares semver strings numerically (1.10.0 > 1.9.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Versions available for a questionnaire id: `<dir>/<id>/<version>.json`. */
export function listQuestionnaireVersions(dir: string, id: string): string[] {
  if (!ID_PATTERN.test(id)) return [];
  const folder = path.join(dir, id);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
    .map((f) => f.slice(0, -'.json'.length))
    .sort(compareVersions);
}

export function latestQuestionnaire(dir: string, id = DEFAULT_QUESTIONNAIRE_ID): QuestionnaireRef {
  const version = listQuestionnaireVersions(dir, id).at(-1);
  if (!version) throw new AppError('NOT_FOUND', `No questionnaire "${id}" is installed (looked in ${dir}).`);
  return { id, version };
}

/** A questionnaire file that passed core's loader: the raw definition (sent to the renderer) and the loaded form. */
export interface CatalogEntry {
  readonly ref: QuestionnaireRef;
  readonly definition: Record<string, unknown>;
  readonly loaded: LoadedQuestionnaire;
}

type Cached = { ok: true; entry: CatalogEntry } | { ok: false; error: AppError };

/** Far above any real questionnaire (the 1,000-question benchmark file is 0.4 MB). */
const MAX_QUESTIONNAIRE_BYTES = 4 * 2 ** 20;

const describe = (errors: readonly LoadError[]): string =>
  errors
    .slice(0, 5)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ') + (errors.length > 5 ? ` (and ${errors.length - 5} more)` : '');

/**
 * The installed questionnaires, each checked with core's loader the first time it
 * is used and kept in memory (files do not change while the app runs). An invalid
 * file is refused with its errors and never served.
 */
export function createQuestionnaireCatalog(dir: string, defaultId = DEFAULT_QUESTIONNAIRE_ID) {
  const cache = new Map<string, Cached>();

  function read(ref: QuestionnaireRef): Cached {
    const label = `${ref.id} ${ref.version}`;
    if (!ID_PATTERN.test(ref.id) || !VERSION_PATTERN.test(ref.version)) {
      return { ok: false, error: new AppError('NOT_FOUND', `There is no questionnaire ${label.slice(0, 100)}.`) };
    }
    const file = path.join(dir, ref.id, `${ref.version}.json`);
    let text: string;
    try {
      // Sized before it is read: a huge file is refused without filling the memory.
      const size = fs.statSync(file).size;
      if (size > MAX_QUESTIONNAIRE_BYTES) {
        const limit = `a questionnaire file may be at most ${String(MAX_QUESTIONNAIRE_BYTES / 2 ** 20)} MB`;
        return { ok: false, error: new AppError('BAD_FILE', `The questionnaire file ${label} is ${(size / 2 ** 20).toFixed(1)} MB; ${limit}.`) };
      }
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return { ok: false, error: new AppError('NOT_FOUND', `The questionnaire ${label} is not installed.`) };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, error: new AppError('BAD_FILE', `The questionnaire file ${label} is not valid JSON.`) };
    }
    const result = loadQuestionnaire(json);
    if (!result.ok) {
      const error = new AppError('BAD_FILE', `The questionnaire file ${label} is invalid: ${describe(result.errors)}`, {
        errors: result.errors.slice(0, 50),
      });
      return { ok: false, error };
    }
    const q = result.questionnaire.questionnaire;
    if (q.id !== ref.id || q.version !== ref.version) {
      const error = new AppError('BAD_FILE', `The file for questionnaire ${label} declares ${q.id} ${q.version}.`);
      return { ok: false, error };
    }
    return { ok: true, entry: { ref: { id: ref.id, version: ref.version }, definition: json as Record<string, unknown>, loaded: result.questionnaire } };
  }

  function lookup(ref: QuestionnaireRef): Cached {
    const key = `${ref.id}@${ref.version}`;
    let found = cache.get(key);
    if (!found) {
      found = read(ref);
      // A missing file may be installed later; a loaded or invalid one stays as it is.
      if (found.ok || found.error.code !== 'NOT_FOUND') cache.set(key, found);
    }
    return found;
  }

  /** A valid questionnaire, or an AppError (NOT_FOUND, BAD_FILE). */
  const get = (ref: QuestionnaireRef): CatalogEntry => {
    const found = lookup(ref);
    if (!found.ok) throw found.error;
    return found.entry;
  };

  return {
    get,
    /** The newest installed version of the default questionnaire; refused if that file is invalid. */
    current: (): QuestionnaireRef => get(latestQuestionnaire(dir, defaultId)).ref,
    /** The loaded questionnaire, or undefined when it is not installed or invalid (e.g. progress then shows nothing). */
    find: (ref: QuestionnaireRef): LoadedQuestionnaire | undefined => {
      const found = lookup(ref);
      return found.ok ? found.entry.loaded : undefined;
    },
  };
}
export type QuestionnaireCatalog = ReturnType<typeof createQuestionnaireCatalog>;
