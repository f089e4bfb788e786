import { useTranslation } from 'react-i18next';
import type { Submission } from '../../core/contract/channels/submissions.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { signingHref } from '../signing/signing-route.js';
import { splitPath } from './FileReady.js';
import './journey.css';

/**
 * In the home list, beside a finalized draft's status: which revision it is, whether a newer
 * one supersedes it, and a link to its exported file's "your file is ready" step. The title
 * stays the user's own; the revision is said here, not appended to it.
 */
export function RevisionBadges({ revision, newer }: { revision: Submission; newer: Submission | undefined }) {
  const { t } = useTranslation('journey');
  const lang = useLanguage();
  const file = revision.exports.at(-1);
  return (
    <>
      <span className="badge">{t('revisionBadge', { revision: formatNumber(lang, revision.revision) })}</span>
      {newer && <span className="badge superseded">{t('supersededBadge', { revision: formatNumber(lang, newer.revision) })}</span>}
      {file && (
        <>
          <br />
          <a href={signingHref({ name: 'revision', submissionId: revision.id })}>
            {t('exportedFileLink', { file: splitPath(file.path).name })}
          </a>
        </>
      )}
    </>
  );
}
