import fs from 'node:fs';
import path from 'node:path';

export interface LogOptions {
  readonly dir: string;
  readonly fileName?: string;
  /** Rotate when the file passes this size. */
  readonly maxBytes?: number;
  /** How many rotated files to keep (app.log.1 … app.log.N). */
  readonly keep?: number;
}

export interface Log {
  readonly error: (message: string, error?: unknown) => void;
  readonly info: (message: string) => void;
  readonly file: string;
}

/** Error name and stack only: never the input of a call, so no answer content reaches the log. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  return typeof error === 'string' ? error : Object.prototype.toString.call(error);
}

/**
 * A small append-only log in the user-data folder, rotated by size. Logging must
 * never break the app, so every write failure is swallowed.
 */
export function createRotatingLog({ dir, fileName = 'app.log', maxBytes = 1024 * 1024, keep = 5 }: LogOptions): Log {
  const file = path.join(dir, fileName);
  const rotate = () => {
    for (let i = keep - 1; i >= 1; i--) {
      const from = `${file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
    }
    fs.renameSync(file, `${file}.1`);
  };
  const write = (level: string, line: string) => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      if (fs.existsSync(file) && fs.statSync(file).size >= maxBytes) rotate();
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${line}\n`);
    } catch {
      // A full or read-only disk must not turn a logged error into a crash.
    }
  };
  return {
    file,
    info: (message) => write('INFO', message),
    error: (message, error) => write('ERROR', error === undefined ? message : `${message} ${describe(error)}`),
  };
}
