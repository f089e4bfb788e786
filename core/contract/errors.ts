import { z } from 'zod';

/**
 * The closed list of error codes a contract call can return. Adding a code is a
 * contract change: the renderer shows a message for each.
 */
export const ERROR_CODES = [
  /** The channel name is not in the contract. */
  'UNKNOWN_CHANNEL',
  /** The input did not match the channel's input schema. */
  'INVALID_INPUT',
  /** The payload is larger than the transport accepts (1 MiB). */
  'PAYLOAD_TOO_LARGE',
  /** Web host: the request lacks the per-start token, or comes from a foreign origin. */
  'UNAUTHORIZED',
  /** Electron: the call came from a frame that is not the app's own top frame. */
  'FORBIDDEN_SENDER',
  /** The thing named by the input does not exist (or is in the trash). */
  'NOT_FOUND',
  /** The thing exists but cannot be changed in its current state (e.g. a finalized draft). */
  'READ_ONLY',
  /** The request conflicts with the current state (e.g. a duplicate). */
  'CONFLICT',
  /** The answers or file do not satisfy the questionnaire (details list each problem). */
  'VALIDATION_FAILED',
  /**
   * The answer was changed elsewhere (another window or tab on the same draft) since the version
   * this save was based on: nothing was written. `details`: `{ path, version, value }`, the stored ones.
   */
  'ANSWER_STALE',
  /** The disk is full, read-only or failing: nothing was written. */
  'STORAGE_FAILED',
  /** The app did not open its data at start-up (see `maintenance.startupReport`): nothing can be read or saved until it does. */
  'DATA_UNAVAILABLE',
  /** A file given by the user could not be used (too large, wrong type, unreadable). */
  'BAD_FILE',
  /** The passphrase did not unlock the signing key. */
  'WRONG_PASSPHRASE',
  /** The user or the app cancelled a long operation; nothing was left behind. */
  'CANCELLED',
  /** The host cannot do this (e.g. a native dialog in the web host). */
  'NOT_SUPPORTED',
  /** Transport: the call never reached the host or its answer never came back (main gone, the web host stopped). */
  'HOST_UNREACHABLE',
  /** A bug: the handler failed or returned output that does not match its schema. */
  'INTERNAL',
  /** A questionnaire release file was refused (core/release/refusals.ts); nothing was installed. */
  'RELEASE_NOT_A_RELEASE',
  'RELEASE_TOO_LARGE',
  'RELEASE_FORMAT_UNSUPPORTED',
  'RELEASE_SIGNATURE_INVALID',
  'RELEASE_PUBLISHER_UNKNOWN',
  'RELEASE_QUESTIONNAIRE_INVALID',
  'RELEASE_DOWNGRADE',
  'RELEASE_VERSION_CONFLICT',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const contractErrorSchema = z
  .object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  })
  .strict();
export type ContractError = z.infer<typeof contractErrorSchema>;

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Thrown by services for an expected failure; the dispatcher turns it into
 * `{ ok: false, error }`. Anything else thrown is reported as INTERNAL.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The most a single call may carry, on every transport. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;
