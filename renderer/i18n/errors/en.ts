/**
 * Words for the error codes the renderer itself produces (namespace `errors`, keyed by code).
 * A code not here is shown with the host's own message.
 */
export const en = {
  HOST_UNREACHABLE: 'The app’s background service did not answer. Nothing was saved by this request; the app tries again.',
  ANSWER_STALE:
    'This answer was changed in another window or tab; nothing was saved from this one, and it now shows the other window’s version.',
  UNKNOWN_CHANNEL: "The app asked its background service for something it does not know. Please report this.",
  INVALID_INPUT: "The app sent its background service something it could not accept. Nothing was changed.",
  PAYLOAD_TOO_LARGE: "This is too large to be sent at once. Nothing was changed.",
  UNAUTHORIZED: "This page is not the one the app opened. Open the address the app printed when it started.",
  FORBIDDEN_SENDER: "This request did not come from the app’s own window, so it was refused.",
  NOT_FOUND: "This item no longer exists, or it is in the trash.",
  READ_ONLY: "This can no longer be changed: it has been finalized. Amend it to make changes.",
  CONFLICT: "This conflicts with what is already there. Nothing was changed.",
  VALIDATION_FAILED: "Some answers are missing or not valid. The review lists each one.",
  STORAGE_FAILED: "The disk is full, read-only or failing: nothing was written.",
  DATA_UNAVAILABLE: "The app could not open its data when it started; the banner at the top says why.",
  BAD_FILE: "This file cannot be used: it is too large, of the wrong type, or unreadable.",
  WRONG_PASSPHRASE: "The passphrase is not right for this signing key. Type it again.",
  CANCELLED: "Cancelled. Nothing was left behind.",
  NOT_SUPPORTED: "This is not possible in this version of the app (the browser version cannot open the computer’s dialogs).",
  INTERNAL: "Something went wrong inside the app. Nothing you typed is lost; please report this.",
};

export type ErrorTexts = typeof en;
