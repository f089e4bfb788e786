import { OTHER_MECHANISM, partyOf, type ManifestRespondent } from '../../../core/trust/respondent.js';

/**
 * The names of the files a revision produces, so a person sorting their downloads or IOM's
 * inbox can tell them apart by name alone: `<mechanism>-<respondent>-r<revision>.iscm`, e.g.
 * `bali_process-secretariat-r2.iscm` or `bali_process-indonesia-r1.iscm` (a State answers for
 * Indonesia). No date: the date made a second submission on one day `…-r1-2.iscm`, which read
 * like "revision 1-2". The summary is the same name with `-summary.html`.
 */

/** ASCII letters, digits and `_`, runs of anything else one `-`: safe in every file system and mail client. */
function slug(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** `bali_process`; an "Other" mechanism is `other-<its written name>` (or `other` when it has no Latin letter). */
export function mechanismSlug(mechanism: { readonly value: string; readonly label: string }): string {
  if (mechanism.value === OTHER_MECHANISM) {
    const named = slug(mechanism.label, 40);
    return named ? `${OTHER_MECHANISM}-${named}` : OTHER_MECHANISM;
  }
  return slug(mechanism.value) || 'mechanism';
}

/** `secretariat`; a State or organisation is its name (`indonesia`), or its kind when the name has no Latin letter. */
export function respondentSlug(respondent: ManifestRespondent): string {
  if (respondent.kind === 'secretariat') return 'secretariat';
  return slug(partyOf(respondent), 40) || slug(respondent.kind) || 'respondent';
}

export interface FileNameFacts {
  readonly mechanism: { readonly value: string; readonly label: string };
  readonly respondent: ManifestRespondent;
  readonly revision: number;
}

export const packageFileName = (facts: FileNameFacts): string =>
  `${mechanismSlug(facts.mechanism)}-${respondentSlug(facts.respondent)}-r${facts.revision}.iscm`;

export const summaryFileName = (facts: FileNameFacts): string => packageFileName(facts).replace(/\.iscm$/, '-summary.html');
