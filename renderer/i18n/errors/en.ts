/**
 * Words for the error codes the renderer itself produces (namespace `errors`, keyed by code).
 * A code not here is shown with the host's own message.
 */
export const en = {
  HOST_UNREACHABLE: 'The app’s background service did not answer. Nothing was saved by this request; the app tries again.',
  ANSWER_STALE:
    'This answer was changed in another window or tab; nothing was saved from this one, and it now shows the other window’s version.',
};

export type ErrorTexts = typeof en;
