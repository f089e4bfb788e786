import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../core/contract/errors.js';
import { parseIdentityFile } from '../../main/services/crypto/age.js';
import type { BatchProgress } from '../../main/services/import/batch.js';
import { createIomService, type IomService } from '../../main/services/import/iom-service.js';
import { IDENTITY_FILE_MAX_BYTES } from '../../main/services/files/limits.js';
import { readTextFile } from '../../main/services/files/regular-file.js';
import { requireFileOrAbsent } from '../../main/services/files/folder.js';
import { lockFolder } from '../../main/services/lock/folder-lock.js';
import { inUseMessage } from '../../main/services/lock/in-use-message.js';
import type { BatchSummary, FileOutcome, OutcomeFlag } from '../../main/services/import/outcomes.js';

/** What the IOM commands may touch: injected so tests run them with real files and capture output. */
export interface IomIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** True when stderr is a terminal: a progress bar then, plain lines otherwise. */
  isTTY: boolean;
}

/** A wrong command line: exit code 2 with the usage. */
export class UsageError extends Error {}

/** The questionnaire files shipped with the app (`questionnaires/` at the project root). */
export const DEFAULT_QUESTIONNAIRES_DIR = path.resolve(import.meta.dirname, '..', '..', 'questionnaires');

export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** IOM's identity from a file the user names: a regular file of identity size only (no FIFO wait, no device, no huge file). */
export async function readIdentity(file: string): Promise<string> {
  const text = await readTextFile(file, { what: 'The identity file', maxBytes: IDENTITY_FILE_MAX_BYTES });
  try {
    return parseIdentityFile(text);
  } catch (error) {
    throw new AppError('BAD_FILE', `${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The import database; only `import`, `keys import-card` and `respondents import` may create it. Its folder is locked
 * for as long as the command runs: a second `iscm`, the desktop app or the web host on the same
 * folder is refused, and told which process has it. `close` releases the lock.
 */
export async function openService(
  db: string,
  questionnaires: string | undefined,
  identity?: string,
  create = false,
  requireRegistered = false,
): Promise<IomService> {
  requireFileOrAbsent(db, 'The import database');
  if (!create && !fs.existsSync(db))
    throw new AppError('NOT_FOUND', `There is no import database at ${db}: import packages into it first.`);
  const dir = path.dirname(path.resolve(db));
  fs.mkdirSync(dir, { recursive: true });
  const locked = lockFolder(dir, { host: 'cli' });
  if (!locked.ok) {
    throw locked.reason === 'held'
      ? new AppError('CONFLICT', inUseMessage(dir, locked.holder))
      : new AppError(
          'STORAGE_FAILED',
          `The folder ${dir} cannot be locked for this command (${locked.code}): is it read-only?`,
        );
  }
  let service: IomService | undefined;
  try {
    service = createIomService({
      dbFile: db,
      questionnairesDir: questionnaires ?? DEFAULT_QUESTIONNAIRES_DIR,
      identity,
      mustExist: !create,
      ...(requireRegistered ? { requireRegistered } : {}),
    });
    // Every command knows the questionnaire versions the app carries (a new iom.db too): the
    // status lists their mechanisms, a key card or a list of respondents is checked against them.
    await service.syncBundled();
    const opened = service;
    return {
      ...opened,
      close: () => {
        try {
          return opened.close();
        } finally {
          locked.lock.release();
        }
      },
    };
  } catch (error) {
    try {
      service?.close();
    } finally {
      locked.lock.release();
    }
    throw error;
  }
}

/** Runs a command body: usage errors exit 2, expected failures 1 with their message. */
export async function guarded(io: IomIo, usage: string, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n${usage}\n`);
      return 2;
    }
    if (error instanceof AppError) {
      io.stderr(`error: ${error.message}\n`);
      return 1;
    }
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

const USAGE =
  'usage: iscm import PATH... --db FILE --identity FILE [--require-registered] [--json] [--questionnaires DIR]';

function progressBar(p: BatchProgress): string {
  const width = 30;
  if (p.total === 0) return `\rlooking for packages in ${p.file.slice(-60)}\u001b[K`;
  const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
  const name = path.basename(p.file).slice(0, 40);
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total} ${name}\u001b[K`;
}

export function outcomeLine(o: FileOutcome): string {
  const where = o.kind === 'rejected' ? ` [${o.stage}]` : '';
  const flags = o.flags && o.flags.length > 0 ? ` [${o.flags.map((f) => f.replace('_', ' ')).join(', ')}]` : '';
  return `${o.kind.padEnd(10)} ${o.code.padEnd(22)} ${o.file}${where}: ${o.message}${o.detail && o.kind !== 'imported' ? ` (${o.detail})` : ''}${flags}`;
}

const flagged = (s: BatchSummary, flag: OutcomeFlag): number =>
  s.outcomes.filter((o) => o.flags?.includes(flag) === true).length;

export function summaryLines(s: BatchSummary): string[] {
  const c = s.counts;
  const reasons = Object.entries(s.rejectedByCode)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  return [
    `${s.total} file${s.total === 1 ? '' : 's'}: imported ${c.imported}, superseded ${c.superseded}, duplicate ${c.duplicate}, conflict ${c.conflict}, held ${c.held}, rejected ${c.rejected}${reasons ? ` (${reasons})` : ''}`,
    ...s.outcomes.filter((o) => o.kind === 'rejected').map((o) => `  rejected ${o.file}: ${o.code}: ${o.message}`),
    ...(c.held > 0 ? ['  held packages wait for a key decision: iscm held list --db FILE'] : []),
    ...(flagged(s, 'new_signer') > 0
      ? [
          `  ${flagged(s, 'new_signer')} imported from a new signer (a key recorded on first use): iscm keys list --db FILE`,
        ]
      : []),
    ...(flagged(s, 'possible_duplicate') > 0
      ? [`  ${flagged(s, 'possible_duplicate')} possible duplicate(s): iscm duplicates list --db FILE`]
      : []),
  ];
}

/** `iscm import`: exit 0 when nothing was rejected, 1 otherwise, 2 on a usage error. */
export function runImportCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { values, positionals } = parseCommandLine(args, {
      db: { type: 'string' },
      identity: { type: 'string' },
      json: { type: 'boolean', default: false },
      'require-registered': { type: 'boolean', default: false },
      questionnaires: { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('give at least one file or folder');
    const identity = await readIdentity(requireOption(values.identity, 'identity'));
    const service = await openService(
      requireOption(values.db, 'db'),
      values.questionnaires,
      identity,
      true,
      values['require-registered'],
    );
    try {
      const onProgress = (p: BatchProgress): void => {
        if (io.isTTY) io.stderr(progressBar(p));
        else if (p.outcome && !values.json) io.stdout(`${outcomeLine(p.outcome)}\n`);
      };
      const summary = await service.importPaths(positionals, { onProgress });
      if (io.isTTY) io.stderr('\n');
      if (values.json)
        io.stdout(
          `${JSON.stringify({ total: summary.total, ...summary.counts, rejectedByCode: summary.rejectedByCode, files: summary.outcomes })}\n`,
        );
      else {
        if (io.isTTY) for (const o of summary.outcomes) io.stdout(`${outcomeLine(o)}\n`);
        io.stdout(`${summaryLines(summary).join('\n')}\n`);
      }
      return summary.counts.rejected === 0 ? 0 : 1;
    } finally {
      service.close();
    }
  });
}
