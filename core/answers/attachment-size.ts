/**
 * How large one attached file may be. Shared by the services (which enforce it) and the web
 * client (which checks a file's size before sending it, so a file over the limit is refused
 * with words rather than a connection the host had to close).
 */

/** The most any single attachment may be, whatever a questionnaire says (the package must stay portable). */
export const HARD_MAX_FILE_SIZE = 100 * 1024 * 1024;
/** Used when the question sets no `maxFileSize`. */
export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

/** The size limit of an attachment question, in bytes: its own `maxFileSize` (or the default) under the hard cap. */
export const maxFileSizeOf = (question: { readonly maxFileSize?: number | undefined }): number =>
  Math.min(question.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, HARD_MAX_FILE_SIZE);
