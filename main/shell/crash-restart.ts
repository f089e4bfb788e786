import type { Log } from '../services/log/rotating-log.js';

/** After this many restarts in a row (each within a minute of start), the app stops and says so instead. */
export const MAX_RESTARTS = 3;
/** The command-line flag a restarted app carries: how many restarts led to it. */
export const RESTART_FLAG = '--restarted-after-error=';

/** How many restarts after an error led to this process (0 for a normal start). */
export function restartsOf(argv: readonly string[]): number {
  const flag = argv.find((a) => a.startsWith(RESTART_FLAG));
  const n = flag ? Number(flag.slice(RESTART_FLAG.length)) : 0;
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export interface CrashDeps {
  readonly log: Log;
  /** Asks the window to save what it holds and waits for those saves to land (bounded). */
  readonly flushWindow: () => Promise<void>;
  /** Waits for the start-up backup, closes the database, releases the data-folder lock. */
  readonly closeServices: () => Promise<void>;
  /** Leaves the note the next start reads, so the window can say that the app restarted. */
  readonly noteRestart: (restarts: number) => void;
  /** `app.relaunch({ args })` then `app.exit(0)`. */
  readonly relaunch: (args: string[]) => void;
  /** Shown when the app gives up restarting (a fault at every start); then `exit(1)`. */
  readonly giveUp: (message: string) => void;
  /** This process's arguments (without the executable), to restart with the same ones. */
  readonly argv: readonly string[];
  /** Seconds since this process started: a restart loop is only a loop when the errors come early. */
  readonly uptimeSeconds: () => number;
}

/**
 * What the desktop app does on an uncaught exception. Running on after one leaves main in an
 * unknown state (a half-done call, a listener gone), so: log it, let the window save what it
 * holds, close the database cleanly, and start again. The next start shows a banner saying the
 * app restarted after an error (in the user's language; the note carries no error content).
 * A fault at every start would restart forever: after MAX_RESTARTS quick restarts it stops and
 * says so instead. Returns the listener for `process.on('uncaughtException')`.
 */
export function createCrashHandler(deps: CrashDeps): (error: unknown) => void {
  let handling = false;
  return (error) => {
    deps.log.error(
      handling ? 'uncaught exception while restarting' : 'uncaught exception; saving and restarting',
      error,
    );
    if (handling) return;
    handling = true;
    const previous = restartsOf(deps.argv);
    const restarts = deps.uptimeSeconds() < 60 ? previous + 1 : 1;
    void (async () => {
      try {
        await deps.flushWindow();
      } catch (flushError) {
        deps.log.error('could not flush the window before restarting', flushError);
      }
      try {
        await deps.closeServices();
      } catch (closeError) {
        deps.log.error('could not close the services before restarting', closeError);
      }
      if (restarts > MAX_RESTARTS) {
        deps.log.error(`giving up after ${MAX_RESTARTS} restarts in a row`);
        deps.giveUp(
          `ISCM Assessment stopped after an unexpected error, ${MAX_RESTARTS} times in a row. Your saved answers are safe. The details are in the log (Help → Open log folder); please send it to your IOM contact.`,
        );
        return;
      }
      try {
        deps.noteRestart(restarts);
      } catch (noteError) {
        deps.log.error('could not leave the restart note', noteError);
      }
      deps.relaunch([...deps.argv.filter((a) => !a.startsWith(RESTART_FLAG)), `${RESTART_FLAG}${restarts}`]);
    })();
  };
}
