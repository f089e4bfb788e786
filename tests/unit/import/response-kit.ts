import fs from 'node:fs';
import path from 'node:path';
import type { AnswerValue, AttachmentRef } from '../../../core/answers/value.js';
import { evaluate, loadQuestionnaire, toResponse, type LoadedQuestionnaire, type NestedAnswers, type QuestionNode } from '../../../core/questionnaire/index.js';

/** Valid answers to the real questionnaire, made with core's engine, for tests and the benchmark. */

export const QUESTIONNAIRES_DIR = path.join(import.meta.dirname, '..', '..', '..', 'questionnaires');
export const FORM_ID = 'iscm-assessment';
export const FORM_VERSION = '1.0.0';

let cached: LoadedQuestionnaire | undefined;
export function realQuestionnaire(): LoadedQuestionnaire {
  if (cached) return cached;
  const result = loadQuestionnaire(JSON.parse(fs.readFileSync(path.join(QUESTIONNAIRES_DIR, FORM_ID, `${FORM_VERSION}.json`), 'utf8')));
  if (!result.ok) throw new Error(`the real questionnaire does not load: ${JSON.stringify(result.errors.slice(0, 3))}`);
  cached = result.questionnaire;
  return cached;
}

export interface ResponseSpec {
  /** A choice value of the list, or `other` (then `mechanismOther` is its name). */
  readonly mechanism: string;
  readonly mechanismOther?: string;
  readonly respondentKind?: 'secretariat' | 'state' | 'organisation';
  /** The State a State respondent represents (`state_name`). */
  readonly stateName?: string;
  /** `respondent_institution`: the organisation of an organisation respondent. */
  readonly institution?: string;
  readonly attachments?: readonly AttachmentRef[];
  /** Varies the free text so that two revisions differ. */
  readonly note?: string;
  readonly today?: string;
  /** Another version than the real questionnaire's (tests of releases). */
  readonly questionnaire?: LoadedQuestionnaire;
}

function valueFor(node: QuestionNode, spec: ResponseSpec, choiceIndex: number): AnswerValue {
  const q = node.question;
  const first = (list: readonly { value: string }[] | undefined): string => list?.[Math.min(choiceIndex, list.length - 1)]?.value ?? '';
  switch (q.type) {
    case 'text':
      if (node.id.includes('website')) return 'www.example.org'; // version 1.1.0 checks it is a web address
      return node.id.includes('email') ? 'amina.diallo@example.org' : `${node.id} — réponse ${spec.note ?? ''}`.slice(0, q.maxLength ?? 200);
    case 'long_text':
      return `Texte libre pour ${node.id}, "quoted", comma, and Arabic: التعاون الإقليمي. ${spec.note ?? ''}`;
    case 'integer':
      return q.min ?? 1;
    case 'decimal':
      return q.min ?? 1.5;
    case 'year':
      return 2020;
    case 'date':
      return '2024-05-01';
    case 'multiple_choice':
      return [first(node.choices?.filter((c) => c.value !== 'other'))];
    case 'matrix':
      return Object.fromEntries((node.rows ?? []).map((r) => [r.value, first(node.choices)]));
    case 'attachment':
      return spec.attachments && spec.attachments.length > 0 ? [...spec.attachments] : null;
    default:
      return first(node.choices?.filter((c) => c.value !== 'other'));
  }
}

export function institutionOf(spec: Pick<ResponseSpec, 'respondentKind' | 'institution'>): string {
  if (spec.institution !== undefined) return spec.institution;
  const kind = spec.respondentKind ?? 'secretariat';
  return kind === 'secretariat' ? 'Regional Support Office' : kind === 'state' ? 'Ministry of the Interior' : 'UNHCR';
}

/** Fills every question, then lets the engine say what is wrong and moves choices on until nothing is. */
export function makeResponses(spec: ResponseSpec): NestedAnswers {
  const loaded = spec.questionnaire ?? realQuestionnaire();
  const today = spec.today ?? '2026-11-27';
  const answers: Record<string, AnswerValue> = {};
  const choiceIndex = new Map<string, number>();
  const rows = ['row-a', 'row-b'];
  const fill = (): void => {
    for (const node of loaded.questions.values()) {
      const index = choiceIndex.get(node.id) ?? 0;
      if (node.repeatGroupId !== undefined) {
        answers[node.repeatGroupId] = rows;
        for (const r of rows) answers[`${node.repeatGroupId}[${r}].${node.id}`] = valueFor(node, spec, index);
      } else answers[node.id] = valueFor(node, spec, index);
    }
    const kind = spec.respondentKind ?? 'secretariat';
    answers.respondent_kind = kind;
    answers.mechanism = spec.mechanism;
    if (spec.mechanism === 'other') answers['mechanism.other'] = spec.mechanismOther ?? 'Regional Forum on Migration';
    // Who answers stays the same from one revision to the next (the note varies the rest).
    answers.respondent_institution = institutionOf(spec);
    answers.state_name = spec.stateName ?? 'Ghana';
    answers.declaration_confirm = 'yes';
  };
  for (let round = 0; round < 20; round++) {
    fill();
    const problems = evaluate(loaded, answers, { today }).problems;
    if (problems.length === 0) return toResponse(loaded, answers, { today });
    for (const p of problems) choiceIndex.set(p.questionId, (choiceIndex.get(p.questionId) ?? 0) + 1);
  }
  const left = evaluate(loaded, answers, { today }).problems;
  throw new Error(`could not make valid answers: ${left.map((p) => `${p.path} ${p.code}`).join(', ')}`);
}

/** A mechanism value of the questionnaire's list, and its kind. */
export function mechanismAt(index: number): { value: string; label: string; kind: string } {
  const list = realQuestionnaire().choiceLists.get('mechanisms') ?? [];
  const choice = list[index % list.length];
  if (!choice) throw new Error('the questionnaire has no mechanisms');
  return { value: choice.value, label: choice.label.en ?? choice.value, kind: choice.attributes?.kind ?? 'rcp' };
}
