import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * When the desktop app restarts itself after an unexpected error, it leaves this note in the data
 * folder; the next start reads it (and removes it) so the window can say what happened. It holds
 * only a time and a restart count, never an error's content.
 */
export const CRASH_MARKER_FILE = 'restarted-after-error.json';

const markerSchema = z
  .object({ at: z.iso.datetime({ offset: true }), restarts: z.number().int().nonnegative() })
  .strict();
export type CrashMarker = z.infer<typeof markerSchema>;

export function readCrashMarker(dataDir: string): CrashMarker | undefined {
  try {
    return markerSchema.parse(JSON.parse(fs.readFileSync(path.join(dataDir, CRASH_MARKER_FILE), 'utf8')));
  } catch {
    return undefined;
  }
}

/** Written atomically (temp, fsync, rename): the process is about to exit. */
export function writeCrashMarker(dataDir: string, marker: CrashMarker): void {
  const target = path.join(dataDir, CRASH_MARKER_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o644);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(markerSchema.parse(marker))}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
}

/** The time of the crash that led to this start, once: the note is removed as it is read. */
export function consumeCrashMarker(dataDir: string): string | null {
  const marker = readCrashMarker(dataDir);
  if (!marker) return null;
  try {
    fs.rmSync(path.join(dataDir, CRASH_MARKER_FILE), { force: true });
  } catch {
    // Shown twice at worst.
  }
  return marker.at;
}
