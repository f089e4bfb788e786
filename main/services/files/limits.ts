/**
 * The most the app reads of each kind of small file a caller names by path. Each is far above
 * what a real file of that kind holds, and small enough that reading it costs nothing.
 */

/** A public key card is under 2 KiB; the card parser refuses more than 16 KiB of text. */
export const KEY_CARD_MAX_BYTES = 64 * 1024;

/** An age identity file (`AGE-SECRET-KEY-1…` and a few comment lines). */
export const IDENTITY_FILE_MAX_BYTES = 64 * 1024;

/** A questionnaire definition (the real one is about 200 KiB). */
export const QUESTIONNAIRE_FILE_MAX_BYTES = 4 * 1024 * 1024;
