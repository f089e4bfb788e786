import type { Readable } from 'node:stream';
import { AppError } from '../../../core/contract/errors.js';
import type { AttachmentRef } from '../../../core/answers/value.js';
import type { Db } from '../../../db/open.js';
import { attachmentsRepo } from '../../../db/repos/attachments.js';
import { isoNow, type Clock } from '../clock.js';
import type { HostCapabilities } from '../host.js';
import { resolveAnswerPath } from '../drafts/answer-paths.js';
import type { DraftService, QuestionnaireSource } from '../drafts/draft-service.js';
import { limitsOf, mediaTypeOf, refusalBeforeCopy, sanitizeFileName, tooLarge, tooMany, type AttachmentLimits } from './limits.js';
import { StoreRefusal, type AttachmentStore } from './store.js';
import { openRegularFile, type OpenedFile } from '../files/regular-file.js';

export interface RejectedFile {
  readonly name: string;
  readonly reason: string;
  /** Set when refused for its size: the limit in bytes, for the UI's own words. */
  readonly sizeLimit?: number;
}
export type ImportOutcome = { readonly file: AttachmentRef } | { readonly rejected: RejectedFile };

export interface AttachmentServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly store: AttachmentStore;
  readonly drafts: DraftService;
  readonly questionnaires: QuestionnaireSource;
  /** The desktop's file dialog; absent in the web host (its client uploads instead). */
  readonly host?: Pick<HostCapabilities, 'pickFiles'> | undefined;
}

interface Target {
  readonly limits: AttachmentLimits;
  /** How many more files the answer may hold. */
  readonly room: number;
}

/** Files attached to answers: limits from the questionnaire, copies into the content-addressed store. */
export function createAttachmentService({ db, clock, store, drafts, questionnaires, host }: AttachmentServiceDeps) {
  const repo = attachmentsRepo(db);

  /** The attachment question at `path` of an editable draft, and how many files it still takes. */
  function targetOf(draftId: string, path: string): Target {
    const { draft, value } = drafts.currentAnswer(draftId, path);
    const ref = { id: draft.questionnaire_id, version: draft.questionnaire_version };
    const loaded = questionnaires.find(ref);
    if (!loaded) throw new AppError('NOT_FOUND', `The questionnaire ${ref.id} ${ref.version} of this draft is not installed.`);
    const target = resolveAnswerPath(loaded, path);
    const limits = target.kind === 'question' && !target.other ? limitsOf(target.node) : undefined;
    if (!limits) throw new AppError('VALIDATION_FAILED', `"${path}" is not an attachment question.`, { path });
    const count = Array.isArray(value) ? value.length : 0;
    return { limits, room: Math.max(0, limits.maxFiles - count) };
  }

  /** Checks one file against the limits and copies it into the store; a refusal is an outcome, not an error. */
  async function importOne(
    draftId: string,
    rawName: string,
    size: number | undefined,
    open: () => Readable,
    limits: AttachmentLimits,
  ): Promise<ImportOutcome> {
    const name = sanitizeFileName(rawName);
    const before = refusalBeforeCopy(name, size, limits);
    if (before) {
      const overSize = before === tooLarge(name, limits);
      return { rejected: { name, reason: before, ...(overSize ? { sizeLimit: limits.maxFileSize } : {}) } };
    }
    let stored;
    try {
      stored = await store.put(open(), limits.maxFileSize);
    } catch (error) {
      if (error instanceof StoreRefusal) {
        return {
          rejected: error.reason === 'empty' ? { name, reason: error.message } : { name, reason: tooLarge(name, limits), sizeLimit: limits.maxFileSize },
        };
      }
      throw error;
    }
    const mediaType = mediaTypeOf(name);
    repo.record({ sha256: stored.sha256, size: stored.size, media_type: mediaType, first_name: name, added_at: isoNow(clock) }, draftId);
    return { file: { sha256: stored.sha256, name, size: stored.size, mediaType } };
  }

  return {
    /** Electron: the native dialog, then a copy of each chosen file. */
    async pick(input: { draftId: string; path: string }): Promise<{ files: AttachmentRef[]; rejected: RejectedFile[] }> {
      if (!host) throw new AppError('NOT_SUPPORTED', 'This host has no file dialog; its client picks files itself.');
      const { limits, room } = targetOf(input.draftId, input.path);
      if (room === 0) throw new AppError('VALIDATION_FAILED', tooMany(limits), { path: input.path });
      const filters = limits.accept ? [{ name: 'Accepted files', extensions: limits.accept.map((e) => e.slice(1)) }] : undefined;
      const chosen = await host.pickFiles({ title: 'Attach files', multiple: room > 1, ...(filters ? { filters } : {}) });
      const files: AttachmentRef[] = [];
      const rejected: RejectedFile[] = [];
      for (const filePath of chosen) {
        const name = sanitizeFileName(filePath);
        if (files.length >= room) {
          rejected.push({ name, reason: tooMany(limits) });
          continue;
        }
        // Opened once, on the descriptor: a pipe, a device or a folder is refused without blocking, and
        // the file read is the one checked. Sizes are the question's to judge (importOne), hence no cap here.
        let opened: OpenedFile;
        try {
          opened = await openRegularFile(filePath, { what: name, maxBytes: Number.MAX_SAFE_INTEGER });
        } catch {
          rejected.push({ name, reason: `${name} is not a file that can be read.` });
          continue;
        }
        try {
          const outcome = await importOne(input.draftId, filePath, opened.size, () => opened.handle.createReadStream({ autoClose: false }), limits);
          if ('file' in outcome) files.push(outcome.file);
          else rejected.push(outcome.rejected);
        } finally {
          await opened.handle.close();
        }
      }
      return { files, rejected };
    },

    /**
     * Web host: one uploaded file, streamed. `pending` is how many files this same
     * pick already accepted (the answer is saved only after the whole pick).
     */
    async receive(input: {
      draftId: string;
      path: string;
      name: string;
      declaredSize: number | undefined;
      pending: number;
      source: Readable;
    }): Promise<ImportOutcome> {
      const { limits, room } = targetOf(input.draftId, input.path);
      // As in the desktop pick: a full answer fails the whole pick, files past the room are rejected one by one.
      if (room === 0) throw new AppError('VALIDATION_FAILED', tooMany(limits), { path: input.path });
      if (input.pending >= room) return { rejected: { name: sanitizeFileName(input.name), reason: tooMany(limits) } };
      return importOne(input.draftId, input.name, input.declaredSize, () => input.source, limits);
    },
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
