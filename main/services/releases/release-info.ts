import type { ReleaseInfo } from '../../../core/contract/channels/releases.js';
import { DEVELOPMENT_RECIPIENT } from '../../../core/release/format.js';
import type { VerifiedRelease } from './verify-release.js';

/** What the window is told about a release (installed, or in a preview when `installedAt` is null). */
export function releaseInfo(release: VerifiedRelease, installedAt: string | null): ReleaseInfo {
  const m = release.manifest;
  return {
    id: m.questionnaire.id,
    version: m.questionnaire.version,
    title: release.loaded.questionnaire.title,
    notes: m.notes,
    contact: m.contact,
    recipients: m.recipients.map((r) => ({ age: r.age, label: r.label, development: r.age === DEVELOPMENT_RECIPIENT })),
    publishedAt: m.publishedAt,
    publisher: release.publisher,
    development: release.development,
    fileSha256: release.fileSha256,
    installedAt,
  };
}
