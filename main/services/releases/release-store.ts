import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_RELEASE_LIMITS, RELEASE_EXTENSION } from '../../../core/release/format.js';
import { ReleaseRefusal, type ReleaseRefusalCode } from '../../../core/release/refusals.js';
import type { AllowedSigners } from '../crypto/allowed-signers.js';
import { writeFileAtomic } from '../atomic-file.js';
import { compareVersions, type QuestionnaireRef } from '../questionnaires/versions.js';
import { verifyRelease, type VerifiedRelease } from './verify-release.js';

/** A release in the user's data folder, verified when it was loaded. */
export interface InstalledRelease {
  readonly ref: QuestionnaireRef;
  readonly verified: VerifiedRelease;
  readonly file: string;
  /** When it was written to the data folder (the file's time). */
  readonly installedAt: string;
}

/** A file that is kept but not used: it failed verification when loaded (or, for a bundled one, when installed). */
export interface StoreProblem {
  readonly file: string;
  readonly code: ReleaseRefusalCode | 'RELEASE_UNREADABLE';
  readonly detail: string;
  readonly bundled: boolean;
}

/** What installing a verified release would do. */
export type InstallAssessment =
  | { readonly kind: 'new' }
  | { readonly kind: 'update'; readonly previous: InstalledRelease }
  | { readonly kind: 'installed'; readonly existing: InstalledRelease };

export interface ReleaseStoreOptions {
  /** `<dataDir>/releases`: `<id>/<version>.iscmq`, each the file exactly as received. */
  readonly dir: string;
  /** The trusted publishers, read again for each verification (an updated app may trust others). */
  readonly publishers: () => AllowedSigners;
  /** The app's own releases (`*.iscmq`), installed through the same checks. */
  readonly bundledDir?: string;
  readonly now?: () => Date;
}

const keyOf = (ref: QuestionnaireRef): string => `${ref.id}@${ref.version}`;
const refOf = (release: VerifiedRelease): QuestionnaireRef => ({
  id: release.manifest.questionnaire.id,
  version: release.manifest.questionnaire.version,
});
const detailOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function listFiles(dir: string, pattern: RegExp): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => pattern.test(n)).sort();
}

/**
 * The installed questionnaire releases. Every file is verified when loaded (signature, trusted
 * publisher, hash, questionnaire) and when installed; a file that fails is listed as a problem,
 * never used and never deleted. Installs run one at a time and write one file atomically; a
 * refused release writes nothing.
 */
export function createReleaseStore(options: ReleaseStoreOptions) {
  const installed = new Map<string, InstalledRelease>();
  const problems = new Map<string, StoreProblem>();
  /** Bundled files already handled, by name, size and time: a later sync looks only at new ones. */
  const bundledSeen = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  const now = options.now ?? (() => new Date());

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const verify = (bytes: Buffer): Promise<VerifiedRelease> =>
    verifyRelease(bytes, options.publishers(), { now: now() });

  /** A file's bytes, sized first: a file over the limit is refused unread. */
  async function readSized(file: string): Promise<Buffer> {
    const info = await fs.stat(file);
    if (info.size > DEFAULT_RELEASE_LIMITS.maxFileBytes)
      throw new ReleaseRefusal(
        'RELEASE_TOO_LARGE',
        `${info.size} bytes, at most ${DEFAULT_RELEASE_LIMITS.maxFileBytes}`,
      );
    return fs.readFile(file);
  }

  const newest = (id: string): InstalledRelease | undefined =>
    [...installed.values()]
      .filter((r) => r.ref.id === id)
      .sort((a, b) => compareVersions(a.ref.version, b.ref.version))
      .at(-1);

  /** Same version: the same release again, or a conflict. Older than the newest: a downgrade. */
  function assess(release: VerifiedRelease): InstallAssessment {
    const ref = refOf(release);
    const existing = installed.get(keyOf(ref));
    if (existing) {
      const same =
        existing.verified.manifestBytes.equals(release.manifestBytes) &&
        existing.verified.questionnaireBytes.equals(release.questionnaireBytes);
      if (same) return { kind: 'installed', existing };
      throw new ReleaseRefusal(
        'RELEASE_VERSION_CONFLICT',
        `${ref.id} ${ref.version} is installed with other content (${existing.verified.fileSha256})`,
      );
    }
    const latest = newest(ref.id);
    if (latest && compareVersions(latest.ref.version, ref.version) > 0)
      throw new ReleaseRefusal(
        'RELEASE_DOWNGRADE',
        `${ref.id} ${latest.ref.version} is installed; ${ref.version} is older`,
      );
    return latest ? { kind: 'update', previous: latest } : { kind: 'new' };
  }

  async function loadInstalledFile(file: string, expected: QuestionnaireRef): Promise<void> {
    try {
      const release = await verify(await readSized(file));
      const ref = refOf(release);
      if (keyOf(ref) !== keyOf(expected))
        throw new ReleaseRefusal(
          'RELEASE_NOT_A_RELEASE',
          `the file is named for ${keyOf(expected)} but holds ${keyOf(ref)}`,
        );
      const info = await fs.stat(file);
      installed.set(keyOf(ref), { ref, verified: release, file, installedAt: info.mtime.toISOString() });
      problems.delete(file);
    } catch (error) {
      const code = error instanceof ReleaseRefusal ? error.code : 'RELEASE_UNREADABLE';
      problems.set(file, {
        file,
        code,
        detail: error instanceof ReleaseRefusal ? error.detail : detailOf(error),
        bundled: false,
      });
    }
  }

  async function loadInstalled(): Promise<void> {
    for (const id of await listFiles(options.dir, /^[a-z0-9]+(-[a-z0-9]+)*$/)) {
      for (const name of await listFiles(path.join(options.dir, id), /^\d+\.\d+\.\d+\.iscmq$/)) {
        await loadInstalledFile(path.join(options.dir, id, name), {
          id,
          version: name.slice(0, -RELEASE_EXTENSION.length),
        });
      }
    }
  }

  /** Writes a verified release (already assessed) and records it. */
  async function write(release: VerifiedRelease, bytes: Buffer): Promise<InstalledRelease> {
    const ref = refOf(release);
    const folder = path.join(options.dir, ref.id);
    await fs.mkdir(folder, { recursive: true });
    const file = path.join(folder, `${ref.version}${RELEASE_EXTENSION}`);
    await writeFileAtomic(file, bytes);
    const entry: InstalledRelease = { ref, verified: release, file, installedAt: now().toISOString() };
    installed.set(keyOf(ref), entry);
    return entry;
  }

  async function install(
    bytes: Buffer,
  ): Promise<{ readonly release: InstalledRelease; readonly alreadyInstalled: boolean }> {
    const release = await verify(bytes);
    return serial(async () => {
      const assessment = assess(release);
      if (assessment.kind === 'installed') return { release: assessment.existing, alreadyInstalled: true };
      return { release: await write(release, bytes), alreadyInstalled: false };
    });
  }

  async function syncBundled(): Promise<void> {
    const dir = options.bundledDir;
    if (dir === undefined) return;
    const found: { file: string; bytes: Buffer; release: VerifiedRelease }[] = [];
    for (const name of await listFiles(dir, /\.iscmq$/)) {
      const file = path.join(dir, name);
      const info = await fs.stat(file).catch(() => null);
      const seen = `${name}:${String(info?.size)}:${String(info?.mtimeMs)}`;
      if (!info?.isFile() || bundledSeen.has(seen)) continue;
      bundledSeen.add(seen);
      try {
        const bytes = await readSized(file);
        // The very file already installed (checked when it was loaded): nothing to do.
        const sha = createHash('sha256').update(bytes).digest('hex');
        if ([...installed.values()].some((r) => r.verified.fileSha256 === sha)) {
          problems.delete(file);
          continue;
        }
        found.push({ file, bytes, release: await verify(bytes) });
      } catch (error) {
        const code = error instanceof ReleaseRefusal ? error.code : 'RELEASE_UNREADABLE';
        problems.set(file, {
          file,
          code,
          detail: error instanceof ReleaseRefusal ? error.detail : detailOf(error),
          bundled: true,
        });
      }
    }
    // Oldest first, so that an app carrying several versions installs them all.
    found.sort(
      (a, b) =>
        a.release.manifest.questionnaire.id.localeCompare(b.release.manifest.questionnaire.id) ||
        compareVersions(a.release.manifest.questionnaire.version, b.release.manifest.questionnaire.version),
    );
    for (const { file, bytes, release } of found) {
      await serial(async () => {
        try {
          if (assess(release).kind !== 'installed') await write(release, bytes);
          problems.delete(file);
        } catch (error) {
          // An older bundled version than one the user installed is simply not needed.
          if (error instanceof ReleaseRefusal && error.code === 'RELEASE_DOWNGRADE') return;
          const code = error instanceof ReleaseRefusal ? error.code : 'RELEASE_UNREADABLE';
          problems.set(file, {
            file,
            code,
            detail: error instanceof ReleaseRefusal ? error.detail : detailOf(error),
            bundled: true,
          });
        }
      });
    }
  }

  return {
    /** Loads what is installed, then installs the bundled releases not installed yet. Never rejects. */
    load: async (): Promise<void> => {
      await loadInstalled();
      await syncBundled();
    },
    syncBundled,
    verify,
    assess,
    install,
    get: (ref: QuestionnaireRef): InstalledRelease | undefined => installed.get(keyOf(ref)),
    newest,
    list: (): InstalledRelease[] =>
      [...installed.values()].sort(
        (a, b) => a.ref.id.localeCompare(b.ref.id) || compareVersions(a.ref.version, b.ref.version),
      ),
    problems: (): StoreProblem[] => [...problems.values()],
  };
}
export type ReleaseStore = ReturnType<typeof createReleaseStore>;
