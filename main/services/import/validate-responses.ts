import { z } from 'zod';
import { answerValueSchema } from '../../../core/answers/value.js';
import type { Manifest } from '../../../core/package/manifest.js';
import {
  buildResponseSchema,
  responseToAnswers,
  type LoadedQuestionnaire,
} from '../../../core/questionnaire/index.js';

/**
 * The shape every value of a response can take (core/answers/value.ts), or an array of repeat
 * rows whose values take it too: checked before the engine sees the values, so the engine only
 * ever evaluates well-typed answers from a foreign file.
 */
const rowSchema = z.record(z.string().max(100), z.union([answerValueSchema, z.record(z.string().max(100), z.string().nullable())]));
const valueShape = z.union([answerValueSchema, z.array(rowSchema).max(1000), z.record(z.string().max(100), z.string().nullable())]);
const responseShape = z.record(z.string().max(100), valueShape);

export type ResponsesCheck = { readonly ok: true } | { readonly ok: false; readonly problems: readonly string[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function problemsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string[] {
  return error.issues.slice(0, 20).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
}

/**
 * Stage 8: the answers satisfy the questionnaire version the manifest names, with core's own
 * engine: first the bare shape of the values, then the response schema built with relevance
 * computed from these very answers (so skip logic is that of this response). `today()` is the
 * day the response was finalized, not the day it is imported.
 */
export function checkResponses(loaded: LoadedQuestionnaire, manifest: Manifest, responses: unknown): ResponsesCheck {
  if (!isPlainObject(responses)) return { ok: false, problems: ['responses.json is not an object'] };
  const shape = responseShape.safeParse(responses);
  if (!shape.success) return { ok: false, problems: problemsOf(shape.error) };
  const options = { lang: 'en', today: manifest.finalizedAt.slice(0, 10) };
  const answers = responseToAnswers(loaded, responses);
  const full = buildResponseSchema(loaded, answers, options).safeParse(responses);
  if (!full.success) return { ok: false, problems: problemsOf(full.error) };
  // The manifest's mechanism and respondent are what the import files the submission under:
  // they must be the ones answered inside the signed responses, when the questionnaire asks.
  const problems = manifestAgreesWithAnswers(manifest, responses);
  return problems.length > 0 ? { ok: false, problems } : { ok: true };
}

/**
 * The fields IOM files and trusts a submission by (mechanism, "Other" name, respondent kind,
 * State) must be the ones answered inside the signed responses, where the questionnaire asks.
 */
function manifestAgreesWithAnswers(manifest: Manifest, responses: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const differ = (field: string, answered: string, stated: string): void => {
    problems.push(`${field}: the answers say "${answered}", the manifest "${stated}"`);
  };
  const mechanism = responses.mechanism;
  if (typeof mechanism === 'string' && mechanism !== manifest.mechanism.value) differ('mechanism', mechanism, manifest.mechanism.value);
  const otherTexts = isPlainObject(responses._other) ? responses._other : {};
  const otherName = otherTexts.mechanism;
  if (mechanism === 'other' && typeof otherName === 'string' && otherName !== manifest.mechanism.label)
    differ('mechanism (other)', otherName, manifest.mechanism.label);
  const kind = responses.respondent_kind;
  if (typeof kind === 'string' && kind !== manifest.respondent.kind) differ('respondent_kind', kind, manifest.respondent.kind);
  const institution = responses.respondent_institution;
  if (typeof institution === 'string' && institution !== manifest.respondent.organisation)
    differ('respondent_institution', institution, manifest.respondent.organisation);
  const state = manifest.respondent.state;
  if (state !== undefined) {
    const answered = manifest.respondent.kind === 'state' && typeof responses.state_name === 'string' ? responses.state_name : '';
    if (answered !== state) differ('state_name', answered, state);
  }
  return problems;
}
