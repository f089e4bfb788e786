import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ReleaseInfo, ReleasePreview } from '../../../core/contract/channels/releases.js';
import { AppError } from '../../../core/contract/errors.js';
import type { LocalizedText } from '../../../core/questionnaire/index.js';
import { diffQuestionnaires } from '../../../core/release/diff.js';
import { DEVELOPMENT_PUBLISHER_KEY, RELEASE_EXTENSION } from '../../../core/release/format.js';
import { ReleaseRefusal } from '../../../core/release/refusals.js';
import type { Db } from '../../../db/open.js';
import { draftsRepo } from '../../../db/repos/drafts.js';
import type { AllowedSigners } from '../crypto/allowed-signers.js';
import { parsePublicKeyLine } from '../crypto/ssh-key.js';
import type { HostCapabilities } from '../host.js';
import { compareVersions, type QuestionnaireRef } from '../questionnaires/versions.js';
import { readReleaseFile } from './read-release-file.js';
import { releaseInfo } from './release-info.js';
import type { ReleaseStore } from './release-store.js';
import type { VerifiedRelease } from './verify-release.js';

/** Previews kept for "Install" (each a few hundred KB at most); the oldest is forgotten first. */
const MAX_STAGED = 8;

interface Staged {
  readonly bytes: Buffer;
  readonly release: VerifiedRelease;
  readonly fileName: string;
}

export interface ReleaseServiceDeps {
  readonly db: Db;
  readonly store: ReleaseStore;
  readonly publishers: () => AllowedSigners;
  readonly hostCapabilities?: HostCapabilities;
}

/** A refusal as the contract's error: its own code, the plain message, the detail for support. */
export const refusalError = (refusal: ReleaseRefusal, fileName: string): AppError =>
  new AppError(refusal.code, refusal.message, { detail: refusal.detail, fileName });

const developmentBlob = parsePublicKeyLine(DEVELOPMENT_PUBLISHER_KEY).blob;

/**
 * Installing questionnaire releases: a file is verified and shown (version, notes, what
 * changes) before anything is written; "Install" then writes it into the data folder. The
 * same checks run for a file picked in a dialog, uploaded by the web client, or opened by the
 * system (a double-click on a `.iscmq`).
 */
export function createReleaseService(deps: ReleaseServiceDeps) {
  const staged = new Map<string, Staged>();
  const opened: ReleasePreview[] = [];
  const openedRefusals: { fileName: string; code: string; message: string; detail: string }[] = [];
  const drafts = draftsRepo(deps.db);

  function preview(stagedId: string, entry: Staged): ReleasePreview {
    const { release } = entry;
    const ref: QuestionnaireRef = {
      id: release.manifest.questionnaire.id,
      version: release.manifest.questionnaire.version,
    };
    let assessment: ReturnType<ReleaseStore['assess']>;
    try {
      assessment = deps.store.assess(release);
    } catch (error) {
      if (error instanceof ReleaseRefusal) throw refusalError(error, entry.fileName);
      throw error;
    }
    const previous = assessment.kind === 'update' ? assessment.previous : undefined;
    const diff = previous ? diffQuestionnaires(previous.verified.loaded, release.loaded) : null;
    const labels: Record<string, LocalizedText> = {};
    if (diff && previous) {
      for (const id of [...diff.added, ...diff.changed.map((c) => c.id)]) {
        const label = release.loaded.questions.get(id)?.question.label;
        if (label) labels[id] = label;
      }
      for (const id of diff.removed) {
        const label = previous.verified.loaded.questions.get(id)?.question.label;
        if (label) labels[id] = label;
      }
    }
    const draftsToMove = drafts
      .list()
      .filter(
        (d) =>
          d.status === 'draft' &&
          d.questionnaire_id === ref.id &&
          compareVersions(d.questionnaire_version, ref.version) < 0,
      ).length;
    return {
      stagedId,
      fileName: entry.fileName,
      release: releaseInfo(release, assessment.kind === 'installed' ? assessment.existing.installedAt : null),
      kind: assessment.kind,
      previousVersion: previous?.ref.version ?? null,
      diff: diff && {
        added: [...diff.added],
        removed: [...diff.removed],
        changed: diff.changed.map((c) => ({
          id: c.id,
          changes: [...c.changes],
          removedChoices: [...c.removedChoices],
          addedChoices: [...c.addedChoices],
        })),
      },
      labels,
      draftsToMove,
    };
  }

  async function stageBytes(bytes: Buffer, fileName: string): Promise<ReleasePreview> {
    let release: VerifiedRelease;
    try {
      release = await deps.store.verify(bytes);
    } catch (error) {
      if (error instanceof ReleaseRefusal) throw refusalError(error, fileName);
      throw error;
    }
    const stagedId = randomUUID();
    const entry = { bytes, release, fileName };
    const shown = preview(stagedId, entry);
    staged.set(stagedId, entry);
    while (staged.size > MAX_STAGED) {
      const oldest = staged.keys().next().value;
      if (oldest === undefined) break;
      staged.delete(oldest);
    }
    return shown;
  }

  /** Sized before it is read: a huge file is refused without filling the memory. */
  async function stageFile(file: string): Promise<ReleasePreview> {
    const fileName = path.basename(file);
    let bytes: Buffer;
    try {
      bytes = await readReleaseFile(file, `The file ${fileName}`);
    } catch (error) {
      throw error instanceof ReleaseRefusal ? refusalError(error, fileName) : error;
    }
    return stageBytes(bytes, fileName);
  }

  const installedInfo = (ref: QuestionnaireRef): ReleaseInfo => {
    const found = deps.store.get(ref);
    if (!found)
      throw new AppError(
        'NOT_FOUND',
        `The questionnaire ${ref.id.slice(0, 64)} ${ref.version.slice(0, 32)} is not installed.`,
      );
    return releaseInfo(found.verified, found.installedAt);
  };

  return {
    stageBytes,
    stageFile,
    get: installedInfo,
    list() {
      const publishers = deps.publishers();
      const trusted = publishers.signers.filter((s) => !s.certAuthority && s.keyType === 'ssh-ed25519');
      return {
        releases: deps.store.list().map((r) => releaseInfo(r.verified, r.installedAt)),
        problems: deps.store.problems(),
        publishers: trusted.map((s) => ({
          principal: s.principals[0] ?? s.fingerprint,
          fingerprint: s.fingerprint,
          development: s.keyBlob.equals(developmentBlob),
        })),
        // Trusting the public development key, or carrying a release sealed to the public development recipient.
        development: trusted.some((s) => s.keyBlob.equals(developmentBlob)) || deps.store.list().some((r) => r.verified.development),
      };
    },
    async pick(): Promise<{ preview: ReleasePreview | null }> {
      if (!deps.hostCapabilities) throw new AppError('NOT_SUPPORTED', 'This window cannot open a file dialog.');
      const [file] = await deps.hostCapabilities.pickFiles({
        title: 'Install a questionnaire file',
        filters: [{ name: 'ISCM questionnaire release', extensions: [RELEASE_EXTENSION.slice(1)] }],
      });
      return { preview: file === undefined ? null : await stageFile(file) };
    },
    /** A file the system asked the app to open: verified now, shown when the window asks (`opened`). */
    async noteOpened(file: string): Promise<void> {
      try {
        opened.push(await stageFile(file));
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'INTERNAL';
        const message = error instanceof AppError ? error.message : 'The file could not be read.';
        const detail =
          error instanceof AppError &&
          typeof error.details === 'object' &&
          error.details !== null &&
          'detail' in error.details
            ? String(error.details.detail)
            : '';
        openedRefusals.push({ fileName: path.basename(file), code, message, detail });
      }
    },
    opened() {
      return { previews: opened.splice(0), refused: openedRefusals.splice(0) };
    },
    async install(stagedId: string): Promise<{ release: ReleaseInfo; alreadyInstalled: boolean }> {
      const entry = staged.get(stagedId);
      if (!entry) throw new AppError('NOT_FOUND', 'This preview has expired: choose the file again.');
      try {
        const result = await deps.store.install(entry.bytes);
        staged.delete(stagedId);
        return {
          release: releaseInfo(result.release.verified, result.release.installedAt),
          alreadyInstalled: result.alreadyInstalled,
        };
      } catch (error) {
        if (error instanceof ReleaseRefusal) throw refusalError(error, entry.fileName);
        throw error;
      }
    },
    discard: (stagedId: string) => ({ discarded: staged.delete(stagedId) }),
  };
}
export type ReleaseService = ReturnType<typeof createReleaseService>;
