// `iscm`: the command for IOM staff. Each subcommand returns its exit code; this file only
// dispatches and binds the commands to the real process (stdout, stderr, files).
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runExportCommand } from './commands/export.js';
import type { IomIo } from './commands/import.js';
import { runImportCommand } from './commands/import.js';
import { runKeygenCommand } from './commands/keygen.js';
import { runKeysCommand } from './commands/keys.js';
import { runQuestionnaireCommand } from './commands/questionnaire.js';
import { runDuplicatesCommand } from './commands/duplicates.js';
import { runHeldCommand, runQuarantineCommand } from './commands/lists.js';
import { runReleaseCommand } from './commands/release.js';
import { runRespondentsCommand } from './commands/respondents.js';
import { runReviewCommand } from './commands/review.js';
import { runSettingsCommand, runStatusCommand } from './commands/status.js';
import { runVerifyCommand } from './commands/verify.js';
import { QUESTIONNAIRE_FILE_MAX_BYTES } from '../main/services/files/limits.js';
import { readRegularFileSync } from '../main/services/files/regular-file.js';

const USAGE = `usage: iscm <command> [options]

  keygen --out FILE                       create IOM's age identity and print its recipient
  verify FILE --identity FILE [--json]    check one package without importing it
  import PATH... --db FILE --identity FILE [--require-registered] [--json]
                                          verify and import packages (files or folders of *.iscm)
  status --db FILE [--json]               per mechanism: the secretariat, States and organisations
  export --db FILE --format csv|xlsx --out DIR [--lang en|fr|es|ar] [--labels] [--split-choices] [--all-revisions]
                                          the consolidated dataset (ODK Central layout), in a new
                                          folder named by the time inside DIR (a full path)
  review SUBMISSION --db FILE --state has_issues|approved|rejected [--comment TEXT] [--actor NAME]
  review SUBMISSION --db FILE --show [--json]
                                          a submission's review state, comments and action log
  keys list|accept|reject|import-card     keys registered per mechanism and respondent; held keys
  held list --db FILE [--json]            packages held for a key decision
  quarantine list --db FILE [--json]      refused files and why
  respondents import FILE|list            IOM's list of expected respondents (CSV or XLSX)
  duplicates list|choose ROOT_ID          possible duplicates, and the submission that counts
  settings --db FILE [--require-registered on|off]
                                          strict mode: hold packages from unregistered keys
  questionnaire check|print FILE          check or print a questionnaire file
  release keygen|create|verify|add|list   publish questionnaire releases (.iscmq); the versions iom.db accepts
`;

export type MainIo = IomIo;

export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'import':
      return runImportCommand(args, io);
    case 'status':
      return runStatusCommand(args, io);
    case 'export':
      return runExportCommand(args, io);
    case 'review':
      return runReviewCommand(args, io);
    case 'keys':
      return runKeysCommand(args, io);
    case 'held':
      return runHeldCommand(args, io);
    case 'quarantine':
      return runQuarantineCommand(args, io);
    case 'respondents':
      return runRespondentsCommand(args, io);
    case 'duplicates':
      return runDuplicatesCommand(args, io);
    case 'settings':
      return runSettingsCommand(args, io);
    case 'keygen':
      return runKeygenCommand(args, io);
    case 'verify':
      return runVerifyCommand(args, io);
    case 'release':
      return runReleaseCommand(args, io);
    case 'questionnaire':
      // A regular file of questionnaire size only: a FIFO, a device or a huge file is refused, never waited on or read.
      return runQuestionnaireCommand(args, {
        ...io,
        readFile: (p) => readRegularFileSync(p, { what: 'The questionnaire file', maxBytes: QUESTIONNAIRE_FILE_MAX_BYTES }).toString('utf8'),
      });
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE);
      return 0;
    default:
      io.stderr(command === undefined ? USAGE : `iscm: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/** Output goes through the stream, which Node flushes before a natural exit (no process.exit). */
function writer(stream: NodeJS.WriteStream): (s: string) => void {
  return (s) => {
    stream.write(s);
  };
}

/** Runs `iscm` in this process with its arguments and streams; sets the exit code. */
export async function runCli(): Promise<void> {
  const io: MainIo = { stdout: writer(process.stdout), stderr: writer(process.stderr), isTTY: process.stderr.isTTY };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (error) {
    process.stderr.write(`iscm: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}

// `tsx cli/main.ts …` (npm run iscm) runs it directly; the installed bin calls runCli().
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href)
  await runCli();
