/**
 * A path read left to right even inside Arabic text (Unicode's left-to-right isolate): without
 * it the bidirectional algorithm moves the path's leading slash to the other end.
 */
export const ltr = (path: string): string => `\u2066${path}\u2069`;
