import path from 'node:path';
import type { AnswerMap, AttachmentRef } from '../../../core/answers/value.js';
import { otherPath } from '../../../core/answers/path.js';
import { localize, OTHER_CHOICE, type LoadedQuestionnaire } from '../../../core/questionnaire/index.js';
import { attachmentRefSchema } from '../../../core/answers/value.js';
import type { Manifest } from '../../../core/package/manifest.js';

/**
 * What a revision freezes from the draft besides the answers: which mechanism, who
 * answered, which files. The ids are those of the ISCM questionnaire's profile section;
 * a questionnaire without them gives empty texts, never a failure.
 */

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function mechanismOf(
  loaded: LoadedQuestionnaire,
  answers: AnswerMap,
  fallback: string | null,
): Manifest['mechanism'] {
  const value = text(answers.mechanism) || fallback || 'unknown';
  const fallbackLang = loaded.questionnaire.defaultLanguage;
  const choice = loaded.questions.get('mechanism')?.choices?.find((c) => c.value === value);
  if (value === OTHER_CHOICE.value || !choice) {
    const kind = text(answers.mechanism_kind_other) || OTHER_CHOICE.value;
    return { value, label: text(answers[otherPath('mechanism')]) || value, kind };
  }
  return { value, label: localize(choice.label, 'en', fallbackLang), kind: choice.attributes?.kind ?? '' };
}

/** Who answered; `state` (package format 2) names the State a State respondent answers for. */
export function respondentOf(answers: AnswerMap): Manifest['respondent'] & { readonly state: string } {
  const kind = text(answers.respondent_kind);
  return {
    kind,
    name: text(answers.respondent_name),
    role: text(answers.respondent_role),
    organisation: text(answers.respondent_institution),
    email: text(answers.respondent_email),
    state: kind === 'state' ? text(answers.state_name) : '',
  };
}

/** Every attachment named anywhere in a response (nested rows included), once per hash. */
export function attachmentsIn(response: unknown): AttachmentRef[] {
  const found = new Map<string, AttachmentRef>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        const ref = attachmentRefSchema.safeParse(item);
        if (ref.success) {
          if (!found.has(ref.data.sha256)) found.set(ref.data.sha256, ref.data);
        } else walk(item);
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const v of Object.values(value)) walk(v);
    }
  };
  walk(response);
  return [...found.values()];
}

/** Where the attachment store keeps a file: `<dataDir>/attachments/<aa>/<sha256>` (migration 0002). */
export const attachmentFilePath = (dataDir: string, sha256: string): string =>
  path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
