/** English texts of the end of the secretariat's journey (namespace `journey`): read-only finalized drafts, the "your file is ready" step, the home list's revisions, the same-respondent question. */
export const en = {
  finalizedBanner: 'Finalized, revision {{revision}}, on {{date}}',
  exportedBanner: 'Finalized and exported, revision {{revision}}, on {{date}}',
  readOnlyHelp:
    'This assessment is signed and can no longer be changed. To correct or complete it, amend it: a new draft opens with these answers.',
  openRevision: 'Open the signed revision',
  amend: 'Amend (start revision {{revision}})',
  continueAmend: 'Continue the amendment',
  supersededBy: 'Superseded by revision {{revision}}',
  openNewer: 'Open revision {{revision}}',
  readOnlyFields: 'Answers (read-only)',
  readyHeading: 'Your file is ready',
  readyName: 'File name',
  readyFolder: 'Folder',
  showInFolder: 'Show in folder',
  copyPath: 'Copy path',
  copied: 'Path copied to the clipboard.',
  copyFailed: 'The path could not be copied. Select it and copy it by hand.',
  download: 'Download {{file}}',
  downloadHelp: 'Your browser saves it to its downloads folder.',
  sendHeading: 'Send it to',
  sendFallback: 'Send this file to the IOM contact who sent you the questionnaire.',
  emailHeading: 'If email refuses the attachment',
  emailHelp:
    'Some mail servers refuse .iscm files or files over 10 to 25 MB. Put the file in a zip archive and attach the zip, or upload it to your organisation’s file-sharing service and send the link. With no connection at all, copy it to a USB key. The file is signed and encrypted: only IOM can open it, and any change to it is detected.',
  emailHelpCard:
    'The key card is a small text file. If email refuses it, put it in a zip archive and attach the zip, or paste its text into the message. It holds only your public key: anyone may see it, and IOM checks your signatures with it.',
  emailHelpSummary:
    'The summary is a readable copy of your answers, for your records; it is neither signed nor encrypted, so send it only to people who may read the answers. If email refuses it, put it in a zip archive and attach the zip.',
  refusedNotSaved: 'The app can show or download only the files it saved since it was started. Save the file again.',
  refusedGone: 'The file is no longer where the app saved it: it was moved, renamed or deleted. Save it again.',
  refusedChanged: 'The file changed since the app saved it. Save it again.',
  refusedOutside: 'This host serves only the files in its exports folder. Save the file again.',
  readyFrom: 'Exported on {{date}}',
  finalizeAndExport: 'Finalize, sign and export',
  finalizeAndExporting: 'Finalizing and exporting…',
  finalizeOnly: 'Finalize without exporting',
  onePassphrase: 'Your passphrase unlocks your key once, for both steps; it is not kept.',
  exportAfterFinalizeFailed:
    'The assessment is finalized (revision {{revision}}), but the file was not written: {{reason}} Export it from the signed revision.',
  revisionBadge: 'Revision {{revision}}',
  supersededBadge: 'Superseded by revision {{revision}}',
  exportedFileLink: 'Exported file: {{file}}',
  sameHeading: 'Is this a correction?',
  sameQuestion:
    'You already sent an assessment for {{mechanism}} as {{respondent}} (revision {{revision}}, {{date}}). Is this a correction of it (an amendment) or a separate submission?',
  sameCorrection: 'A correction: make it revision {{revision}} of the earlier assessment',
  sameSeparate: 'A separate submission',
  sameContinue: 'Continue',
  sameTurned: 'This draft now amends revision {{revision}}: finalizing it makes revision {{next}}.',
  sameOpenAmendment: 'An amendment of it is already open: continue that draft instead',
  secretariat: 'the secretariat',
};

export type JourneyTexts = typeof en;
