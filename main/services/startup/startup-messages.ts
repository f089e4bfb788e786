import path from 'node:path';
import type { StartupReport } from '../../../core/contract/channels/maintenance.js';
import { describeHolder, inUseMessage } from '../lock/in-use-message.js';

type Facts = Omit<StartupReport, 'message'>;

const backupOffer = (r: Facts): string =>
  r.latestBackup && r.canRestore ? ` You can restore your latest backup (${r.latestBackup.createdAt}).` : '';

/**
 * The report in plain English, for terminals and the log: what happened, where the file is or
 * went, and what to do. The window shows its own words for each status, in the user's language.
 */
export function startupMessage(r: Facts, detail?: string): string {
  const file = r.databasePath;
  const moved = r.movedTo[0] ?? path.join(path.dirname(file), 'set-aside');
  const why = detail ? ` (${detail})` : '';
  switch (r.status) {
    case 'ok':
      return 'Your data opened normally.';
    case 'created':
      return `A new, empty data file was created at ${file}.`;
    case 'moved-aside':
      return r.setAsideReason === 'foreign'
        ? `The file ${file} was not an ISCM Assessment data file (another program's database), so the app moved it to ${moved} (nothing was deleted) and started a new, empty one.${backupOffer(r)}`
        : `Your data file was damaged${why}, so the app moved it to ${moved} (nothing was deleted) and started a new, empty one.${backupOffer(r)}`;
    case 'recreated':
      return `Your data file ${file} was empty (0 bytes), so the app kept it at ${moved} and started a new one.${backupOffer(r)}`;
    case 'orphan-wal':
      return `A journal of your data (${path.basename(file)}-wal) was found without its data file. It was kept at ${moved}, and a new, empty data file was started. If you moved or renamed your data file, close the app, put it back as ${file}, and start again.${backupOffer(r)}`;
    case 'refused-newer':
      return `Your data file ${file} was saved by a newer version of ISCM Assessment (data version ${r.version?.found ?? '?'}; this version reads up to ${r.version?.supported ?? '?'}). It was left untouched. Install the newer version to open it.${backupOffer(r)}`;
    case 'locked':
      return r.holder
        ? inUseMessage(path.dirname(file), r.holder)
        : `Your data file ${file} is in use by ${describeHolder(null)}. It was left untouched. Close the other program, then try again.`;
    case 'read-only':
      return `The folder of your data file ${file} is read-only, so the app could not save anything there. Nothing was changed. Make the folder writable (or move the app's data to a writable disk) and start the app again.`;
    case 'read-only-file':
      return `Your data file ${file} is read-only${why}, so no answer could be saved. Nothing was changed. Make the file writable, then start the app again.${backupOffer(r)}`;
    case 'symlink':
      return `Your data file ${file} is a link to ${r.linkTarget ?? 'an unknown place'}, which does not exist or is not a file${why} (a disk that is not connected?). Nothing was changed. Connect the disk or fix the link, then start the app again.${backupOffer(r)}`;
    case 'unreadable':
      return `Your data file ${file} could not be opened${why} (check the folder's permissions or the disk). It was left untouched.${backupOffer(r)}`;
  }
}
