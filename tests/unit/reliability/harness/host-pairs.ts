import path from 'node:path';
import Database from 'better-sqlite3';
import { QUESTIONNAIRES_DIR, startChild } from './child-script.js';

export interface HostPairRound {
  /** Exactly one of the two started, the other refused naming it. */
  readonly oneRanOneRefused: boolean;
  /** After the running host was killed, a new host started on the folder at once (no stale lock). */
  readonly restartedAfterKill: boolean;
  /** The draft the running host said it saved is in the database after the kill. */
  readonly ackedDraftKept: boolean | undefined;
  readonly integrity: string;
}

/**
 * Two hosts started at once on one fresh folder (`host-starter host`): one must run and one refuse
 * with the first's process id. The running one is SIGKILLed `killAfterMs` after it said so (maybe
 * before, maybe after its save), then a third host must start on the folder at once, and the
 * database must be whole with every acknowledged draft in it.
 */
export async function hostPairRound(starter: string, dir: string, killAfterMs: number): Promise<HostPairRound> {
  const pair = [startChild(starter, ['host', dir, QUESTIONNAIRES_DIR]), startChild(starter, ['host', dir, QUESTIONNAIRES_DIR])];
  try {
    const lines = await Promise.all(pair.map((c) => c.waitForLine(() => true)));
    const at = lines.findIndex((l) => l.startsWith('running '));
    const running = pair[at];
    const oneRanOneRefused = at >= 0 && lines[1 - at] === `refused locked ${String(running?.process.pid)}`;
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    running?.process.kill('SIGKILL');
    await Promise.all(pair.map((c) => c.exited));
    const saved = running?.lines.find((l) => l.startsWith('saved '))?.split(' ')[1];
    const next = startChild(starter, ['host', dir, QUESTIONNAIRES_DIR]);
    const first = await next.waitForLine(() => true);
    next.process.stdin.write('stop\n');
    if (first.startsWith('running ')) await next.waitForLine((l) => l === 'closed');
    await next.exited;
    const db = new Database(path.join(dir, 'iscm.db'), { readonly: true });
    try {
      const ids = db.prepare('SELECT id FROM drafts').pluck().all() as string[];
      return {
        oneRanOneRefused,
        restartedAfterKill: first.startsWith('running '),
        ackedDraftKept: saved === undefined ? undefined : ids.includes(saved),
        integrity: String(db.pragma('integrity_check', { simple: true })),
      };
    } finally {
      db.close();
    }
  } finally {
    for (const c of pair) c.process.kill('SIGKILL');
  }
}
