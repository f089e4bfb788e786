import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { draftIdOf, parseAcks, reopenAndCheck, type Ack } from './acked-answers.js';
import { QUESTIONNAIRES_DIR, startChild } from './child-script.js';

export interface KillRun {
  readonly delayMs: number;
  readonly acked: number;
  readonly lost: readonly Ack[];
  readonly integrity: string;
}

/**
 * One crash: starts the autosave writer on a fresh data folder under `root`,
 * SIGKILLs it `delayMs` after its first acknowledged save, reopens the folder and
 * checks every acknowledged answer. The folder is removed afterwards.
 */
export async function killDuringAutosave(writerScript: string, root: string, delayMs: number): Promise<KillRun> {
  const dataDir = fs.mkdtempSync(path.join(root, 'kill-'));
  try {
    const child = startChild(writerScript, [dataDir, QUESTIONNAIRES_DIR]);
    await child.waitForLine((l) => l.startsWith('ack '));
    await sleep(delayMs);
    child.process.kill('SIGKILL');
    const { signal } = await child.exited;
    if (signal !== 'SIGKILL') throw new Error(`the writer stopped by itself before the kill: ${child.stderr()}`);
    const draftId = draftIdOf(child.lines);
    if (!draftId) throw new Error('the writer printed no draft id');
    const acks = parseAcks(child.lines);
    const { integrity, lost } = await reopenAndCheck(dataDir, draftId, acks);
    return { delayMs, acked: acks.length, lost, integrity };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `iterations` crashes, `parallel` at a time, with kill delays drawn uniformly from [minMs, maxMs]. */
export async function killManyTimes(
  writerScript: string,
  root: string,
  options: { iterations: number; parallel: number; minMs: number; maxMs: number; onRun?: (run: KillRun, i: number) => void },
): Promise<KillRun[]> {
  const runs: KillRun[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.iterations) {
      const i = next++;
      const delay = options.minMs + Math.floor(Math.random() * (options.maxMs - options.minMs + 1));
      const run = await killDuringAutosave(writerScript, root, delay);
      runs.push(run);
      options.onRun?.(run, i);
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
  return runs;
}
