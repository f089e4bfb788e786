import type { PickFilesOptions } from '../services/host.js';

type OpenProperty = 'openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory';

/** Electron's open-dialog properties for a pick: files or folders, one or several. */
export function openDialogProperties(options: Pick<PickFilesOptions, 'multiple' | 'folders'>): OpenProperty[] {
  // A folder is often made on the spot to receive an export (createDirectory: macOS only).
  const kind: OpenProperty[] = options.folders ? ['openDirectory', 'createDirectory'] : ['openFile'];
  return options.multiple ? [...kind, 'multiSelections'] : kind;
}
