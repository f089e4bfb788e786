/**
 * The Content-Security-Policy of every page of the app, in both hosts. No remote
 * origin anywhere, no inline script, no eval; `connect-src 'self'` lets the web
 * client reach its own host and nothing else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
