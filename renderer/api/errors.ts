import i18next from 'i18next';
import type { ContractError, Result } from '../../core/contract/errors.js';

/**
 * Codes whose host message names the particular case (which file, which limit, which answer).
 * In English that message is kept; in another language the code's own words are shown.
 */
const SPECIFIC = new Set<string>(['NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED', 'BAD_FILE', 'STORAGE_FAILED', 'READ_ONLY']);

/**
 * A contract error as a sentence in the UI language: the code's words (namespace `errors`, or a
 * release refusal's in `releases`), else the host's own message. Every code has words in the four
 * languages (tests/unit/renderer/error-words.test.ts).
 */
export function errorMessage(error: ContractError): string {
  if (SPECIFIC.has(error.code) && i18next.language === 'en' && error.message !== '') return error.message;
  for (const key of [`errors:${error.code}`, `releases:refusals.${error.code}`]) if (i18next.exists(key)) return i18next.t(key);
  return error.message;
}

/** A contract error as one sentence for the screen; the code helps support staff. */
export const errorText = (error: ContractError): string => `${errorMessage(error)} (${error.code})`;

export class ApiError extends Error {
  constructor(readonly error: ContractError) {
    super(errorText(error));
    this.name = 'ApiError';
  }
}

/** The value of a successful call; a failed call throws an ApiError that screens show. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
