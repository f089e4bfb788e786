import { describe, expect, it } from 'vitest';
import { secretStoreIsReal } from '../../../main/shell/secret-store-policy.js';

describe('which OS secret store counts as real', () => {
  it('trusts Keychain and DPAPI when available', () => {
    expect(secretStoreIsReal(true, 'darwin', undefined)).toBe(true);
    expect(secretStoreIsReal(true, 'win32', undefined)).toBe(true);
    expect(secretStoreIsReal(false, 'win32', undefined)).toBe(false);
  });

  it.each([
    ['gnome_libsecret', true],
    ['kwallet5', true],
    ['kwallet6', true],
    ['basic_text', false],
    ['unknown', false],
  ])('on Linux, %s → %s', (backend, real) => {
    expect(secretStoreIsReal(true, 'linux', backend)).toBe(real);
  });

  it('never trusts a store that says it is unavailable', () => {
    expect(secretStoreIsReal(false, 'linux', 'gnome_libsecret')).toBe(false);
  });
});
