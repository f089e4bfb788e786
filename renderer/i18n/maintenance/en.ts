/** The backups dialog and the start-up banner (renderer/maintenance/), in English. */
export const en = {
  navLink: 'Backups',
  backups: {
    heading: 'Backups',
    intro: 'The app keeps the last 7 backups of your data: one a day when it starts, and one before each signature.',
    backUpNow: 'Back up now',
    backingUp: 'Backing up…',
    none: 'No backup yet.',
    caption: 'Backups on this computer, newest first',
    colDate: 'Date',
    colReason: 'Why',
    colSize: 'Size',
    colAction: 'Action',
    reason: { startup: 'At start-up', finalize: 'Before signing', manual: 'Made by you' },
    restore: 'Restore',
    restoreNamed: 'Restore the backup of {{date}}',
    confirm: 'Restore the backup of {{date}}? Your current data is first saved aside, never deleted.',
    confirmYes: 'Yes, restore',
    cancel: 'Cancel',
    restoring: 'Restoring…',
    restored: 'Restored. Your data as it was before is kept at {{path}}.',
    close: 'Close',
  },
  banner: {
    movedDamaged:
      'Your data file was damaged. It was moved, not deleted, to {{path}}, and a new empty file was started.',
    movedForeign:
      'The data file was not an ISCM Assessment file (it belongs to another program). It was moved, not deleted, to {{path}}, and a new empty file was started.',
    recreated:
      'Your data file was empty (0 bytes), perhaps after a crash or a full disk. It was kept at {{path}}, and a new file was started.',
    orphanWal:
      'A journal of your data was found without its data file. It was kept at {{path}}, and a new empty file was started. If you moved or renamed your data file, close the app, put it back at {{file}}, and start again.',
    newer:
      'Your data file was saved by a newer version of ISCM Assessment (data version {{found}}; this version reads up to {{supported}}). It was left untouched: {{file}}. Install the newer version to open it.',
    lockedHost:
      'Your data is already open in {{app}} (process {{pid}}, since {{time}}). It was left untouched. Close it there, then press “Try again”. If it no longer responds, end process {{pid}}.',
    lockedOther:
      'Your data file is in use by another program and was left untouched: {{file}}. Close that program, then press “Try again”.',
    readOnly:
      'The folder of your data is read-only, so nothing could be saved; nothing was changed: {{folder}}. Make it writable, or move the data to a writable disk, then press “Try again”.',
    readOnlyFile:
      'Your data file is read-only, so no answer could be saved; nothing was changed: {{file}}. Make it writable, then press “Try again”.',
    symlink:
      'Your data file {{file}} is a link to {{target}}, which does not exist or is not a file (a disk that is not connected?). Nothing was changed. Connect the disk or fix the link, then press “Try again”.',
    unreadable:
      'Your data file could not be opened and was left untouched: {{file}}. Check the folder’s permissions and the disk, then press “Try again”.',
    restarted:
      'ISCM Assessment met an unexpected problem at {{time}} and restarted itself. What you had typed was saved first.',
    host: { electron: 'the ISCM Assessment desktop app', web: 'ISCM Assessment in a browser', cli: 'the iscm command' },
    unknownTarget: 'an unknown place',
    restoreLatest: 'Restore the latest backup ({{date}})',
    retry: 'Try again',
    retrying: 'Trying…',
    stillRefused: 'Still not possible. The message above says what is in the way.',
    dismiss: 'Dismiss',
  },
  stopped: 'Your assessments cannot be shown or saved until the problem above is solved.',
};
