import { maxFileSizeOf } from '../../core/answers/attachment-size.js';
import { parseAnswerPath } from '../../core/answers/path.js';

/**
 * What the browser's file input should offer for an attachment question (`accept`,
 * `multiple`), learnt from the answers the app already received: which questionnaire
 * a draft uses (`drafts.get`/`create`/…) and its definition (`questionnaires.get`).
 * The file input must open synchronously inside the user's click, so there is no
 * time to ask the server. These are hints only: the server checks every limit.
 */
export interface AttachmentHints {
  readonly observe: (channelName: string, value: unknown) => void;
  readonly inputOptions: (draftId: string, path: string) => { accept?: string; multiple: boolean };
  /** The question's size limit in bytes (its own or the default, under the hard cap); undefined when the question is not known. */
  readonly maxFileSize: (draftId: string, path: string) => number | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function findItem(items: unknown, id: string): Obj | undefined {
  if (!Array.isArray(items)) return undefined;
  for (const item of items as unknown[]) {
    if (!isObj(item)) continue;
    if (item.id === id) return item;
    const inner = findItem(item.items, id);
    if (inner) return inner;
  }
  return undefined;
}

export function createAttachmentHints(): AttachmentHints {
  const draftQuestionnaire = new Map<string, string>();
  const definitions = new Map<string, Obj>();
  const remember = (v: unknown): void => {
    if (isObj(v) && typeof v.id === 'string' && typeof v.questionnaireId === 'string' && typeof v.questionnaireVersion === 'string') {
      draftQuestionnaire.set(v.id, `${v.questionnaireId}@${v.questionnaireVersion}`);
    }
  };
  const questionAt = (draftId: string, path: string): Obj | undefined => {
    const key = draftQuestionnaire.get(draftId);
    const definition = key === undefined ? undefined : definitions.get(key);
    const questionId = parseAnswerPath(path)?.questionId;
    return definition && questionId ? findItem(definition.sections, questionId) : undefined;
  };
  return {
    observe(channelName, value) {
      if (channelName === 'questionnaires.get' && isObj(value) && isObj(value.ref) && isObj(value.definition)) {
        definitions.set(`${String(value.ref.id)}@${String(value.ref.version)}`, value.definition);
      } else if (channelName.startsWith('drafts.')) {
        if (Array.isArray(value)) (value as unknown[]).forEach(remember);
        else remember(value);
      }
    },
    inputOptions(draftId, path) {
      const question = questionAt(draftId, path);
      if (!question) return { multiple: true };
      const accept = Array.isArray(question.accept) ? (question.accept as unknown[]).filter((a) => typeof a === 'string').join(',') : '';
      const maxFiles = typeof question.maxFiles === 'number' ? question.maxFiles : 10;
      return { ...(accept ? { accept } : {}), multiple: maxFiles > 1 };
    },
    maxFileSize(draftId, path) {
      const question = questionAt(draftId, path);
      if (!question) return undefined;
      return maxFileSizeOf({ maxFileSize: typeof question.maxFileSize === 'number' ? question.maxFileSize : undefined });
    },
  };
}
