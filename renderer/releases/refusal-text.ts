import type { TFunction } from 'i18next';
import type { ContractError } from '../../core/contract/errors.js';
import { isReleaseRefusalCode } from '../../core/release/refusals.js';
import { ApiError } from '../api/errors.js';

/** A refused release in the chosen language (its own words for each code); any other error as the app said it. */
export function refusalText(
  t: TFunction<'releases'>,
  error: { readonly code: string; readonly message: string; readonly details?: unknown },
): { message: string; support: string | undefined } {
  const details =
    typeof error.details === 'object' && error.details !== null ? (error.details as { detail?: unknown }) : {};
  const detail = typeof details.detail === 'string' ? details.detail : undefined;
  if (!isReleaseRefusalCode(error.code)) return { message: `${error.message} (${error.code})`, support: undefined };
  return {
    message: t(`refusals.${error.code}`),
    support: detail === undefined ? undefined : t('install.support', { code: error.code, detail }),
  };
}

/** The contract error inside something thrown by `unwrap`, if it is one. */
export const contractErrorOf = (e: unknown): ContractError =>
  e instanceof ApiError ? e.error : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
