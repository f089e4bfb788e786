import { AppError } from '../../../core/contract/errors.js';
import { draftsRepo } from '../../../db/repos/drafts.js';
import { submissionsRepo, type SubmissionRow } from '../../../db/repos/submissions.js';
import { isoNow } from '../clock.js';
import { writePackage } from '../package/index.js';
import type { SigningDeps } from '../identities/deps.js';
import type { IdentityService } from '../identities/identity-service.js';
import { chooseOutputPath, reservePath } from '../identities/file-output.js';
import { attachmentFilePath } from './revision-fields.js';
import { packageFileName } from './package-file-name.js';
import { attachmentRefsOf, fileNameFactsOf, manifestFieldsOf, recipientsOf, responsesOf } from './stored-revision.js';

export interface ExportResult {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly exportedAt: string;
  /** Sealed to a development key: not a real submission. */
  readonly development: boolean;
}

/** Progress events at most this often (bytes), so a large export does not flood the window. */
const PROGRESS_STEP = 1024 * 1024;

/** Writing a revision's `.iscm` package, signed at the moment of writing. */
export function createExportService(deps: SigningDeps, identities: IdentityService) {
  const repo = submissionsRepo(deps.db);
  const drafts = draftsRepo(deps.db);
  const running = new Map<string, AbortController>();
  // Two exports of one revision at once must not pick the same free name in the web host.
  const writing = new Set<string>();

  const requireRow = (id: string): SubmissionRow => {
    const row = repo.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'This revision does not exist.');
    return row;
  };

  function progress(operationId: string): (p: { bytesDone: number; bytesTotal: number }) => void {
    let last = -Infinity;
    return ({ bytesDone, bytesTotal }) => {
      if (bytesDone - last < PROGRESS_STEP && bytesDone < bytesTotal) return;
      last = bytesDone;
      deps.events?.emit('progress', {
        operationId,
        label: 'Exporting the package',
        done: bytesDone,
        total: bytesTotal,
      });
    };
  }

  return {
    /**
     * Unlocks the key (a wrong passphrase stops here, before any dialog or file), asks
     * where to save, writes atomically, then records the export. A cancel or failure
     * leaves no file and no record.
     */
    async export(input: {
      id: string;
      /** The key's passphrase, or the key already unlocked by the caller (who then wipes it). */
      passphrase: string | { readonly unlocked: Uint8Array };
      operationId: string;
      outPath?: string;
    }): Promise<ExportResult> {
      const row = requireRow(input.id);
      if (running.has(input.operationId))
        throw new AppError('CONFLICT', 'An export with this operation id is running.');
      const controller = new AbortController();
      running.set(input.operationId, controller);
      let privateKey: Uint8Array | undefined;
      let reservedPath: string | undefined;
      try {
        if (typeof input.passphrase === 'string') privateKey = await identities.unlock(row.identity_id, input.passphrase);
        const fields = manifestFieldsOf(row);
        // Both ways claim the path in `writing` before any other export can look at it.
        const outPath =
          input.outPath !== undefined
            ? reservePath(writing, input.outPath)
            : await chooseOutputPath(deps, {
                title: 'Export the signed submission',
                defaultName: packageFileName(fileNameFactsOf(row)),
                filter: { name: 'ISCM submission', extensions: ['iscm'] },
                reserve: writing,
              });
        reservedPath = outPath;
        if (controller.signal.aborted)
          throw new AppError('CANCELLED', 'The export was cancelled; no file was written.');
        const written = await writePackage({
          manifestFields: fields,
          responses: responsesOf(row),
          attachments: attachmentRefsOf(row).map((a) => ({
            sha256: a.sha256,
            filePath: attachmentFilePath(deps.dataDir, a.sha256),
          })),
          signer: { privateKey: privateKey ?? (input.passphrase as { readonly unlocked: Uint8Array }).unlocked },
          recipients: fields.recipients,
          outPath,
          onProgress: progress(input.operationId),
          signal: controller.signal,
        });
        const exportedAt = isoNow(deps.clock);
        deps.db.transaction(() => {
          repo.recordExport({
            submission_id: row.id,
            path: written.path,
            sha256: written.sha256,
            size: written.size,
            exported_at: exportedAt,
          });
          drafts.setStatus(row.draft_id, 'exported', exportedAt);
        })();
        return {
          path: written.path,
          sha256: written.sha256,
          size: written.size,
          exportedAt,
          development: recipientsOf(row).some((r) => r.development),
        };
      } catch (error) {
        if (controller.signal.aborted && !(error instanceof AppError && error.code === 'CANCELLED'))
          throw new AppError('CANCELLED', 'The export was cancelled; no file was written.');
        throw error;
      } finally {
        privateKey?.fill(0); // only a key unlocked here: the caller's is the caller's to wipe
        running.delete(input.operationId);
        if (reservedPath !== undefined) writing.delete(reservedPath);
      }
    },

    cancel(operationId: string): { cancelled: boolean } {
      const controller = running.get(operationId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;
