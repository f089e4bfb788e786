import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../core/security/csp.js';
import { APP_RESPONSE_HEADERS, APP_SCHEME_PRIVILEGES, decideAppRequest } from '../../../main/shell/protocol.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

/** A built renderer in `<parent>/renderer`, with a secret beside it that must never be served. */
function makeRoot() {
  const parent = tempDir();
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside the renderer folder');
  const root = path.join(parent, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'export {};');
  fs.writeFileSync(path.join(root, 'assets', 'style.css'), 'body{}');
  return root;
}

describe('the app:// scheme', () => {
  it('is registered standard and secure, never bypassing the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, bypassCSP: false },
    });
  });

  it('sends no CORS header, so no other origin may read app:// responses', () => {
    expect(Object.keys(APP_RESPONSE_HEADERS).map((h) => h.toLowerCase())).not.toContain('access-control-allow-origin');
  });

  it('sends the CSP with every response', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(APP_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('decideAppRequest', () => {
  it.each([
    ['app://iscm/', 'index.html', 'text/html; charset=utf-8'],
    ['app://iscm/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://iscm/index.html#/drafts', 'index.html', 'text/html; charset=utf-8'],
    ['app://iscm/assets/app-1234.js?v=1', 'assets/app-1234.js', 'text/javascript; charset=utf-8'],
    ['app://iscm/assets/style.css', 'assets/style.css', 'text/css; charset=utf-8'],
  ])('serves %s from the renderer folder', (url, file, type) => {
    const root = makeRoot();
    expect(decideAppRequest(root, 'GET', url)).toEqual({ status: 200, file: path.join(root, file), contentType: type });
  });

  it.each([
    'app://iscm/../secret.txt',
    'app://iscm/assets/../../secret.txt',
    'app://iscm/%2e%2e/secret.txt',
    'app://iscm/%2E%2E%2Fsecret.txt',
    'app://iscm/..%2fsecret.txt',
    'app://iscm/assets/..%5c..%5csecret.txt',
    'app://iscm/..\\secret.txt',
    'app://iscm/index.html%00.js',
    'app://iscm/%E0%A4%A',
  ])('refuses the traversal %s with 403', (url) => {
    expect(decideAppRequest(makeRoot(), 'GET', url)).toMatchObject({ status: 403 });
  });

  it.each(['app://evil/index.html', 'app://iscm:99/index.html', 'app://u@iscm/index.html', 'https://iscm/index.html'])(
    'refuses another origin (%s) with 403',
    (url) => expect(decideAppRequest(makeRoot(), 'GET', url)).toMatchObject({ status: 403, reason: 'origin' }),
  );

  it('answers 404 for a missing file or a folder', () => {
    const root = makeRoot();
    expect(decideAppRequest(root, 'GET', 'app://iscm/nope.js')).toMatchObject({ status: 404 });
    expect(decideAppRequest(root, 'GET', 'app://iscm/assets')).toMatchObject({ status: 404 });
    expect(decideAppRequest(root, 'GET', 'app://iscm/assets/')).toMatchObject({ status: 404 });
  });

  it('accepts GET and HEAD only', () => {
    const root = makeRoot();
    expect(decideAppRequest(root, 'HEAD', 'app://iscm/index.html')).toMatchObject({ status: 200 });
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      expect(decideAppRequest(root, method, 'app://iscm/index.html')).toMatchObject({ status: 405 });
    }
  });
});
