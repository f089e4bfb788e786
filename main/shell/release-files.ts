import path from 'node:path';

/**
 * The questionnaire release files (`.iscmq`) the system asked the app to open: on Windows and
 * Linux they arrive as arguments (of this start, or of a second start handed to this one), on
 * macOS as `open-file` events. Only names ending in `.iscmq` are taken; the file itself is
 * checked by the release service like any other.
 */
export function releaseFilesIn(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && path.extname(arg).toLowerCase() === '.iscmq');
}

/** Files opened before the services exist wait here; afterwards they go straight through. */
export function createReleaseFileQueue(open: (file: string) => Promise<void>) {
  let ready = false;
  const waiting: string[] = [];
  return {
    add(file: string): void {
      if (ready) void open(file);
      else waiting.push(file);
    },
    start(): void {
      ready = true;
      for (const file of waiting.splice(0)) void open(file);
    },
  };
}
