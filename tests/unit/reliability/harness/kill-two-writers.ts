import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDispatcher } from '../../../../core/contract/dispatch.js';
import type { Draft } from '../../../../core/contract/channels/drafts.js';
import { createAppServices } from '../../../../main/services/app-services.js';
import { TWO_WRITERS } from '../fixtures/two-writers-plan.js';
import { draftIdOf } from './acked-answers.js';
import { QUESTIONNAIRES_DIR, startChild } from './child-script.js';

interface Sent {
  readonly writer: string;
  readonly seq: number;
  readonly path: string;
  readonly op: 'add' | 'remove';
  readonly value: string;
  acked: boolean;
}

export interface TwoWriterRun {
  readonly delayMs: number;
  /** Acknowledged add/remove calls, both writers. */
  readonly acked: number;
  /** Values (choices or rows) whose last acknowledged change is not what the database holds. */
  readonly lost: readonly string[];
  readonly integrity: string;
}

/** The calls the child sent, in order, each marked when it was acknowledged. */
function parseSent(lines: readonly string[]): Sent[] {
  const sent: Sent[] = [];
  const byKey = new Map<string, Sent>();
  for (const line of lines) {
    const s = /^send (\w) (\d+) (\S+) (add|remove) (\S+)$/.exec(line);
    if (s?.[1] && s[2] && s[3] && s[5]) {
      const entry: Sent = { writer: s[1], seq: Number(s[2]), path: s[3], op: s[4] as 'add' | 'remove', value: s[5], acked: false };
      sent.push(entry);
      byKey.set(`${s[1]} ${s[2]}`, entry);
    }
    const a = /^ack (\w) (\d+)$/.exec(line);
    if (a?.[1] && a[2]) {
      const entry = byKey.get(`${a[1]} ${a[2]}`);
      if (entry) entry.acked = true;
    }
  }
  return sent;
}

/**
 * Each value belongs to one writer, which waits for each call's answer before the next: so its
 * last acknowledged change must be in the database, unless its one unacknowledged call (sent when
 * the kill came, maybe committed) changed the same value, in which case either state is right.
 */
export function lostValues(sent: readonly Sent[], stored: { readonly choices: readonly string[]; readonly rows: readonly string[] }): string[] {
  const lost: string[] = [];
  const values = new Map<string, Sent[]>();
  for (const s of sent) values.set(`${s.path} ${s.value}`, [...(values.get(`${s.path} ${s.value}`) ?? []), s]);
  for (const [key, ops] of values) {
    const lastAcked = ops.filter((o) => o.acked).at(-1);
    const inFlight = ops.at(-1)?.acked === false ? ops.at(-1) : undefined;
    if (!lastAcked) continue;
    const present = (lastAcked.path === TWO_WRITERS.rowsPath ? stored.rows : stored.choices).includes(lastAcked.value);
    const expected = lastAcked.op === 'add';
    if (present !== expected && !(inFlight && inFlight.op !== lastAcked.op)) lost.push(`${key} (last acknowledged: ${lastAcked.op})`);
  }
  return lost;
}

/** One crash: two writers on one draft, SIGKILLed `delayMs` after the first acknowledged change; the folder reopened and checked. */
export async function killTwoWriters(script: string, root: string, delayMs: number): Promise<TwoWriterRun> {
  const dataDir = fs.mkdtempSync(path.join(root, 'two-'));
  try {
    const child = startChild(script, [dataDir, QUESTIONNAIRES_DIR]);
    await child.waitForLine((l) => l.startsWith('ack '));
    await sleep(delayMs);
    child.process.kill('SIGKILL');
    const { signal } = await child.exited;
    if (signal !== 'SIGKILL') throw new Error(`the writers stopped by themselves before the kill: ${child.stderr()}`);
    const draftId = draftIdOf(child.lines);
    if (!draftId) throw new Error('the writers printed no draft id');
    const sent = parseSent(child.lines);
    const services = createAppServices({ dataDir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test' });
    try {
      const integrity = String(services.db.pragma('integrity_check', { simple: true }));
      const got = await createDispatcher(services.handlers)('drafts.get', { id: draftId });
      if (!got.ok) throw new Error(`drafts.get failed after the crash: ${got.error.message}`);
      const answers = (got.value as Draft).answers;
      const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      const lost = lostValues(sent, { choices: list(answers[TWO_WRITERS.choicePath]), rows: list(answers[TWO_WRITERS.rowsPath]) });
      return { delayMs, acked: sent.filter((s) => s.acked).length, lost, integrity };
    } finally {
      services.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `iterations` crashes, `parallel` at a time, kill delays uniform in [minMs, maxMs]. */
export async function killTwoWritersManyTimes(
  script: string,
  root: string,
  options: { iterations: number; parallel: number; minMs: number; maxMs: number; onRun?: (run: TwoWriterRun, i: number) => void },
): Promise<TwoWriterRun[]> {
  const runs: TwoWriterRun[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.iterations) {
      const i = next++;
      const run = await killTwoWriters(script, root, options.minMs + Math.floor(Math.random() * (options.maxMs - options.minMs + 1)));
      runs.push(run);
      options.onRun?.(run, i);
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
  return runs;
}
