import fs from 'node:fs';
import path from 'node:path';

/** The questionnaire a new draft uses. Filled from the files in the questionnaires folder. */
export interface QuestionnaireRef {
  readonly id: string;
  readonly version: string;
}

export const DEFAULT_QUESTIONNAIRE_ID = 'iscm-assessment';

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
  if (!version) throw new Error(`No questionnaire "${id}" was found in ${dir}.`);
  return { id, version };
}
