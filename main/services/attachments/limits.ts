import { formatBytes, type QuestionNode } from '../../../core/questionnaire/index.js';
import { maxFileSizeOf } from '../../../core/answers/attachment-size.js';

export const DEFAULT_MAX_FILES = 10;

export interface AttachmentLimits {
  /** Lowercase extensions with the dot, e.g. ".pdf"; undefined: any type. */
  readonly accept?: readonly string[];
  readonly maxFileSize: number;
  readonly maxFiles: number;
}

/** The limits of an attachment question; undefined when the node is not one. */
export function limitsOf(node: QuestionNode): AttachmentLimits | undefined {
  const q = node.question;
  if (q.type !== 'attachment') return undefined;
  return {
    ...(q.accept ? { accept: q.accept } : {}),
    maxFileSize: maxFileSizeOf(q),
    maxFiles: q.maxFiles ?? DEFAULT_MAX_FILES,
  };
}

// Control characters, and the bidirectional overrides that can make "exe.pdf" look like "fdp.exe".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name shown for a file: its last path segment, without control or bidi
 * characters, at most 255 characters (keeping the extension). Display only: the
 * stored file's path comes from its hash.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let name = lastSegment.replace(UNSAFE_CHARS, '').trim();
  if (name === '' || /^\.+$/.test(name)) name = 'file';
  if (name.length > 255) {
    const ext = extensionOf(name);
    name = name.slice(0, 255 - ext.length) + ext;
  }
  return name;
}

/** ".pdf" for "Report.PDF"; "" when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.rtf': 'application/rtf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.zip': 'application/zip',
};

/** From the extension, never from what a browser or the file claims. */
export const mediaTypeOf = (name: string): string => MEDIA_TYPES[extensionOf(name)] ?? 'application/octet-stream';

/** Checks what is known before reading a file: its type, and its size when known. Returns the reason to refuse it. */
export function refusalBeforeCopy(name: string, size: number | undefined, limits: AttachmentLimits): string | undefined {
  if (limits.accept && !limits.accept.includes(extensionOf(name))) {
    return `${name} is not an accepted type (accepted: ${limits.accept.join(', ')}).`;
  }
  if (size === 0) return 'The file is empty.';
  if (size !== undefined && size > limits.maxFileSize) return tooLarge(name, limits);
  return undefined;
}

export const tooLarge = (name: string, limits: AttachmentLimits): string =>
  `${name} is larger than the ${formatBytes(limits.maxFileSize)} limit.`;

export const tooMany = (limits: AttachmentLimits): string =>
  `At most ${limits.maxFiles} ${limits.maxFiles === 1 ? 'file' : 'files'} may be attached here.`;
