import { describe, expect, it } from 'vitest';
import { openDialogProperties } from '../../../main/shell/dialog-properties.js';

describe('open dialog properties', () => {
  it('pick one file, several files, one folder or several folders', () => {
    expect(openDialogProperties({})).toEqual(['openFile']);
    expect(openDialogProperties({ multiple: true })).toEqual(['openFile', 'multiSelections']);
    expect(openDialogProperties({ folders: true })).toEqual(['openDirectory', 'createDirectory']);
    expect(openDialogProperties({ folders: true, multiple: true })).toEqual(['openDirectory', 'createDirectory', 'multiSelections']);
  });
});
