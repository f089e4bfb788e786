import { describe, expect, it } from 'vitest';
import { defaultWebDataDir } from '../../../web/default-data-dir.js';

describe('start:web with no --data-dir uses the user’s data folder, never the project', () => {
  it('Linux: $XDG_DATA_HOME, else ~/.local/share; a relative XDG_DATA_HOME is ignored', () => {
    expect(defaultWebDataDir({ XDG_DATA_HOME: '/data/amina' }, 'linux', '/home/amina')).toBe('/data/amina/iscm-assessment-web');
    expect(defaultWebDataDir({}, 'linux', '/home/amina')).toBe('/home/amina/.local/share/iscm-assessment-web');
    expect(defaultWebDataDir({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/amina')).toBe('/home/amina/.local/share/iscm-assessment-web');
  });
  it('macOS and Windows: their own application data folders', () => {
    expect(defaultWebDataDir({}, 'darwin', '/Users/amina')).toBe('/Users/amina/Library/Application Support/iscm-assessment-web');
    expect(defaultWebDataDir({ APPDATA: 'C:\\Users\\amina\\AppData\\Roaming' }, 'win32', 'C:\\Users\\amina')).toBe('C:\\Users\\amina\\AppData\\Roaming\\iscm-assessment-web');
  });
});
