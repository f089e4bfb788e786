import type { TFunction } from 'i18next';
import type { ContractError } from '../../core/contract/errors.js';
import { errorText } from '../api/errors.js';

const REASONS = {
  'not-saved': 'refusedNotSaved',
  gone: 'refusedGone',
  changed: 'refusedChanged',
  outside: 'refusedOutside',
} as const;

/**
 * Why Show in folder or Download was refused, in the UI language: main's ledger says which case
 * (`details.reason`, core/contract/channels/files.ts) and each has its own words; any other error
 * gets the code's words.
 */
export function refusalText(error: ContractError, t: TFunction<'journey'>): string {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  if (typeof reason === 'string' && Object.hasOwn(REASONS, reason)) return `${t(REASONS[reason as keyof typeof REASONS])} (${error.code})`;
  return errorText(error);
}
