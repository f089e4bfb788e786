import type { TFunction } from 'i18next';
import type { ContractError } from '../../core/contract/errors.js';

/**
 * Why the export's folder was refused, from the `cause` the service gives
 * (main/services/import/export/export-folder.ts, main/services/files/folder.ts), in words that
 * say what to do; undefined for any other failure, which keeps the error's own words.
 */
export function folderRefusal(t: TFunction, error: ContractError, folder: string): string | undefined {
  const details = error.details;
  const cause = typeof details === 'object' && details !== null && 'cause' in details ? details.cause : undefined;
  const key =
    error.code === 'INVALID_INPUT' && cause === 'missing'
      ? 'missing'
      : error.code === 'INVALID_INPUT' && cause === 'relative'
        ? 'relative'
        : error.code === 'BAD_FILE' && cause === 'ENOENT'
          ? 'absent'
          : error.code === 'BAD_FILE' && cause === 'not-a-folder'
            ? 'notFolder'
            : error.code === 'CONFLICT' && cause === 'exists'
              ? 'exists'
              : undefined;
  return key === undefined ? undefined : `${t(`exportOptions.refused.${key}`, { folder })} (${error.code})`;
}
