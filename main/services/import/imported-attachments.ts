import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';
import { extensionOf, riskOf, safeAttachmentName, type AttachmentRisk } from '../../../core/security/attachment-files.js';
import type { SubmissionsRepo } from '../../../db/repos/iom/submissions.js';
import type { IomDirs } from './context.js';

/** An attachment of an imported revision as IOM staff see it. */
export interface ImportedAttachment {
  /** Its SHA-256, the only way a caller names it. */
  readonly file: string;
  readonly name: string;
  readonly size: number;
  readonly extension: string;
  readonly risk: AttachmentRisk | null;
}

/** An attachment found in the media store: where its stored copy is. */
export interface StoredAttachment extends ImportedAttachment {
  readonly path: string;
}

interface Repos {
  readonly submissions: Pick<SubmissionsRepo, 'get' | 'attachments'>;
  readonly dirs: Pick<IomDirs, 'media'>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The name each attachment has in the signed answers (the first answer naming a hash wins). */
function signedNames(responsesJson: string): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.sha256 === 'string' && SHA256.test(o.sha256)) {
        if (typeof o.name === 'string' && !names.has(o.sha256)) names.set(o.sha256, o.name);
      } else Object.values(o).forEach(visit);
    }
  };
  visit(JSON.parse(responsesJson));
  return names;
}

/**
 * The attachments iom.db records for a revision (`submission_attachments`, written by the import
 * after every check), each with the name its answer gives, made safe, and its type's risk.
 */
export function listImportedAttachments(repos: Repos, submissionId: string): ImportedAttachment[] {
  const row = repos.submissions.get(submissionId);
  if (!row) throw new AppError('NOT_FOUND', `There is no imported submission ${submissionId}.`);
  const names = signedNames(row.responses_json);
  return repos.submissions.attachments(submissionId).map((a) => {
    const name = safeAttachmentName(names.get(a.sha256), a.sha256);
    return { file: a.sha256, name, size: a.size, extension: extensionOf(name), risk: riskOf(name) };
  });
}

/**
 * One attachment of a revision, by its hash, and its stored copy: only a hash iom.db records
 * for that very revision names a file, and the file is `<media>/<hash>`, so no input (a name,
 * `../..`, an absolute path, another revision's file) can reach anything else. The copy must
 * still be a regular file (not a link) of the recorded size.
 */
export function storedAttachment(repos: Repos, submissionId: string, file: string): StoredAttachment {
  if (!SHA256.test(file))
    throw new AppError('INVALID_INPUT', 'An attachment is named by its SHA-256 (64 lowercase hex digits), never by a file name or path.');
  const found = listImportedAttachments(repos, submissionId).find((a) => a.file === file);
  if (!found) throw new AppError('NOT_FOUND', `Submission ${submissionId} has no attachment ${file}.`);
  const stored = path.join(repos.dirs.media, file);
  const stat = fs.lstatSync(stored, { throwIfNoEntry: false });
  if (!stat) throw new AppError('NOT_FOUND', `The stored copy of ${found.name} is missing from the media folder (${stored}).`);
  if (!stat.isFile()) throw new AppError('CONFLICT', `The stored copy of ${found.name} (${stored}) is not a regular file: it was changed outside the app.`);
  if (stat.size !== found.size)
    throw new AppError('CONFLICT', `The stored copy of ${found.name} (${stored}) has ${stat.size} bytes, not the ${found.size} imported: it was changed outside the app.`);
  return { ...found, path: stored };
}

/** The SHA-256 of a file, read in chunks. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Refuses a stored copy whose bytes are no longer the ones imported (same size, other content). */
export async function checkStoredBytes(attachment: StoredAttachment): Promise<void> {
  if ((await sha256OfFile(attachment.path)) !== attachment.file)
    throw new AppError('CONFLICT', `The stored copy of ${attachment.name} no longer matches the file that was imported: it was changed outside the app.`);
}
