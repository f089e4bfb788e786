import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readReleaseFile } from '../releases/read-release-file.js';
import { ReleaseRefusal } from '../../../core/release/refusals.js';
import type { Db } from '../../../db/open.js';
import type { ReleaseListRow, ReleasesRepo } from '../../../db/repos/iom/releases.js';
import type { AllowedSigners } from '../crypto/allowed-signers.js';
import { verifyRelease, type VerifiedRelease } from '../releases/verify-release.js';

export interface IomReleaseDeps {
  readonly db: Db;
  readonly releases: ReleasesRepo;
  readonly publishers: () => AllowedSigners;
  readonly now: () => Date;
}

export interface AddedRelease {
  readonly row: ReleaseListRow;
  /** The same release was already in iom.db: nothing changed. */
  readonly alreadyKnown: boolean;
}

/**
 * Records a verified release in iom.db (one row, one transaction). The same release again
 * changes nothing; the same version with other content is refused (RELEASE_VERSION_CONFLICT).
 * An older version than one already known is accepted: packages of every published version
 * must import, whatever order IOM adds the releases in.
 */
function record(
  deps: IomReleaseDeps,
  release: VerifiedRelease,
  bytes: Buffer,
  source: 'bundled' | 'added',
  actor: string,
): AddedRelease {
  const { id, version } = release.manifest.questionnaire;
  return deps.db
    .transaction((): AddedRelease => {
      const existing = deps.releases.get(id, version);
      const toList = (r: NonNullable<typeof existing>): ReleaseListRow => ({
        questionnaire_id: r.questionnaire_id,
        version: r.version,
        file_sha256: r.file_sha256,
        publisher: r.publisher,
        publisher_fingerprint: r.publisher_fingerprint,
        published_at: r.published_at,
        added_at: r.added_at,
        added_by: r.added_by,
        source: r.source,
      });
      if (existing) {
        if (
          existing.release_json.equals(release.manifestBytes) &&
          existing.questionnaire_json.equals(release.questionnaireBytes)
        )
          return { row: toList(existing), alreadyKnown: true };
        throw new ReleaseRefusal(
          'RELEASE_VERSION_CONFLICT',
          `${id} ${version} is already known with other content (${existing.file_sha256})`,
        );
      }
      const row = {
        questionnaire_id: id,
        version,
        release_json: release.manifestBytes,
        signature: release.signature,
        questionnaire_json: release.questionnaireBytes,
        file_bytes: bytes,
        file_sha256: release.fileSha256,
        publisher: release.publisher.principal,
        publisher_fingerprint: release.publisher.fingerprint,
        published_at: release.manifest.publishedAt,
        added_at: deps.now().toISOString(),
        added_by: actor,
        source,
      } as const;
      deps.releases.insert(row);
      return { row: toList(row), alreadyKnown: false };
    })
    .immediate();
}

/** Reads a release file (size checked first), verifies it and records it. */
export async function addReleaseFile(
  deps: IomReleaseDeps,
  file: string,
  actor: string,
  source: 'bundled' | 'added' = 'added',
): Promise<AddedRelease> {
  const bytes = await readReleaseFile(file);
  const release = await verifyRelease(bytes, deps.publishers(), { now: deps.now() });
  return record(deps, release, bytes, source, actor);
}

/**
 * The releases the app carries are releases IOM published: a new iom.db knows them without a
 * step. Each goes through the same checks; one already known (same file) is skipped quickly.
 * Returns the files that were refused, with why (never thrown: an import goes on).
 */
export async function syncBundledReleases(
  deps: IomReleaseDeps,
  bundledDir: string,
): Promise<{ file: string; code: string; detail: string }[]> {
  const names = (await fs.readdir(bundledDir).catch(() => [] as string[])).filter((n) => n.endsWith('.iscmq')).sort();
  const known = new Set(deps.releases.list().map((r) => r.file_sha256));
  const refused: { file: string; code: string; detail: string }[] = [];
  for (const name of names) {
    const file = path.join(bundledDir, name);
    try {
      const bytes = await fs.readFile(file);
      if (known.has(createHash('sha256').update(bytes).digest('hex'))) continue;
      await addReleaseFile(deps, file, 'bundled with the application', 'bundled');
    } catch (error) {
      refused.push({
        file,
        code: error instanceof ReleaseRefusal ? error.code : 'RELEASE_UNREADABLE',
        detail: error instanceof ReleaseRefusal ? error.detail : error instanceof Error ? error.message : String(error),
      });
    }
  }
  return refused;
}
