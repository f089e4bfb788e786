import i18next from 'i18next';
import type { ContractError, Result } from '../../core/contract/errors.js';

/** A contract error as a sentence in the UI language when the renderer has words for its code, else the host's own. */
export function errorMessage(error: ContractError): string {
  const key = `errors:${error.code}`;
  return i18next.exists(key) ? i18next.t(key) : error.message;
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
